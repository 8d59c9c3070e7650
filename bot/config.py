"""Settings from the environment or a git-ignored .env file, checked at start; errors name the variable."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from dotenv import load_dotenv

from bot.paths import BUNDLED_KNOWLEDGE

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class ConfigError(Exception):
    """A setting is missing or malformed; the message starts with the variable's name."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the Discord bot is configured with."""

    token: str = field(repr=False)
    knowledge_dir: Path = BUNDLED_KNOWLEDGE
    admin_role_ids: frozenset[int] = frozenset()
    admin_user_ids: frozenset[int] = frozenset()
    auto_answer_channel_ids: frozenset[int] = frozenset()
    dev_guild_id: int | None = None
    shard_count: int | None = None
    shard_ids: tuple[int, ...] | None = None
    log_level: str = "INFO"
    cooldown_seconds: float = 5.0
    api_base: str | None = None
    gateway_url: str | None = None
    channel_episodes: Mapping[int, str] = field(default_factory=dict)


def load_dotenv_file(path: str | Path = ".env") -> None:
    """Read `.env` from the working folder into the environment; real environment variables win."""
    load_dotenv(path, override=False)


def settings_from_env(env: Mapping[str, str] | None = None) -> Settings:
    """Read and check every setting; raise ConfigError naming the first bad variable."""
    env = os.environ if env is None else env
    token = env.get("DISCORD_TOKEN", "").strip()
    if not token:
        raise ConfigError("DISCORD_TOKEN: not set (put it in the environment or in .env)")
    if any(c.isspace() for c in token):
        raise ConfigError("DISCORD_TOKEN: contains white space; paste the bot token alone, without 'Bot '")
    shard_count = _optional_int(env, "SHARD_COUNT", minimum=1)
    shard_ids = _ids(env, "SHARD_IDS", kind="shard id")
    if shard_ids and shard_count is None:
        raise ConfigError("SHARD_IDS: needs SHARD_COUNT too")
    if shard_ids and shard_count is not None and max(shard_ids) >= shard_count:
        raise ConfigError(f"SHARD_IDS: {max(shard_ids)} is not below SHARD_COUNT ({shard_count})")
    level = env.get("LOG_LEVEL", "INFO").strip().upper() or "INFO"
    if level not in LOG_LEVELS:
        raise ConfigError(f"LOG_LEVEL: {level!r} is not one of {', '.join(LOG_LEVELS)}")
    cooldown = env.get("COOLDOWN_SECONDS", "5").strip() or "5"
    try:
        cooldown_seconds = float(cooldown)
    except ValueError:
        raise ConfigError(f"COOLDOWN_SECONDS: {cooldown!r} is not a number of seconds") from None
    if not 0 <= cooldown_seconds <= 3600:
        raise ConfigError(f"COOLDOWN_SECONDS: {cooldown!r} must be between 0 and 3600")
    knowledge = env.get("KNOWLEDGE_DIR", "").strip()
    knowledge_dir = Path(knowledge) if knowledge else BUNDLED_KNOWLEDGE
    if not knowledge_dir.is_dir():
        raise ConfigError(f"KNOWLEDGE_DIR: {knowledge_dir} is not a folder")
    return Settings(
        token=token,
        knowledge_dir=knowledge_dir,
        admin_role_ids=frozenset(_ids(env, "ADMIN_ROLE_IDS") or ()),
        admin_user_ids=frozenset(_ids(env, "ADMIN_USER_IDS") or ()),
        auto_answer_channel_ids=frozenset(_ids(env, "AUTO_ANSWER_CHANNEL_IDS") or ()),
        dev_guild_id=_optional_int(env, "DEV_GUILD_ID", minimum=1),
        shard_count=shard_count,
        shard_ids=shard_ids,
        log_level=level,
        cooldown_seconds=cooldown_seconds,
        channel_episodes=_channel_episodes(env, "CHANNEL_EPISODES"),
        api_base=_url(env, "DISCORD_API_BASE", ("http", "https")),
        gateway_url=_url(env, "DISCORD_GATEWAY_URL", ("ws", "wss")),
    )


def _optional_int(env: Mapping[str, str], name: str, *, minimum: int = 0) -> int | None:
    raw = env.get(name, "").strip()
    if not raw:
        return None
    if not raw.isdigit() or int(raw) < minimum:
        raise ConfigError(f"{name}: {raw!r} is not a whole number >= {minimum}")
    return int(raw)


def _ids(env: Mapping[str, str], name: str, *, kind: str = "Discord id") -> tuple[int, ...] | None:
    raw = env.get(name, "").strip()
    if not raw:
        return None
    ids: list[int] = []
    for part in raw.replace(" ", ",").split(","):
        if not part:
            continue
        if not part.isdigit():
            raise ConfigError(f"{name}: {part!r} is not a {kind} (a number); separate several with commas")
        ids.append(int(part))
    return tuple(ids)


def _channel_episodes(env: Mapping[str, str], name: str) -> dict[int, str]:
    """`channel_id:episode_id,...`: the episode a channel's questions are about unless they say."""
    raw = env.get(name, "").strip()
    pairs: dict[int, str] = {}
    for part in filter(None, (p.strip() for p in raw.split(","))):
        channel, sep, episode = part.partition(":")
        if not sep or not channel.strip().isascii() or not channel.strip().isdigit() or not episode.strip():
            raise ConfigError(f"{name}: {part!r} is not channel_id:episode_id")
        pairs[int(channel)] = episode.strip()
    return pairs


def _url(env: Mapping[str, str], name: str, schemes: tuple[str, ...]) -> str | None:
    raw = env.get(name, "").strip()
    if not raw:
        return None
    parts = urlsplit(raw)
    if parts.scheme not in schemes or not parts.netloc:
        raise ConfigError(f"{name}: {raw!r} is not a {' or '.join(s + '://' for s in schemes)} URL")
    return raw.rstrip("/")


class RedactSecrets(logging.Filter):
    """Replaces the token wherever it would appear in a log line."""

    def __init__(self, *secrets: str) -> None:
        super().__init__()
        self._secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record's message without the secrets; never drops a record."""
        message = record.getMessage()
        if any(s in message for s in self._secrets):
            for secret in self._secrets:
                message = message.replace(secret, "[redacted]")
            record.msg, record.args = message, None
        return True
