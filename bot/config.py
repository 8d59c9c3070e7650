"""Settings from the environment or a git-ignored .env file, checked at start; errors name the variable."""

from __future__ import annotations

import io
import ipaddress
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from dotenv import dotenv_values

from bot.paths import BUNDLED_KNOWLEDGE

DOTENV = Path(".env")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
# Discord wants one shard per 2,500 guilds at most: 1,024 shards is over 2.5 million guilds, far beyond
# what one deployment of this bot serves, and a typo like 10^30 is caught instead of tried.
MAX_SHARDS = 1024
MAX_COOLDOWN_SECONDS = 3600
# Discord ids (snowflakes) are unsigned 64-bit numbers.
MAX_DISCORD_ID = 2**64 - 1
# Real bot tokens are about 72 characters; a far longer value is a paste gone wrong.
MAX_TOKEN_CHARS = 512
_TRUE = ("1", "true", "yes", "on")
_FALSE = ("", "0", "false", "no", "off")
# ASCII digits only: str.isdigit() also accepts '²' and other scripts' digits, which int() then rejects.
_DIGITS = re.compile(r"[0-9]+")
_SECONDS = re.compile(r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+")
_ID_SEPARATORS = re.compile(r"[,\s]+")
_HOST_NAME = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.?")


class StartupError(Exception):
    """The bot cannot start: a one-line reason for the admin and the exit code for the process."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class ConfigError(StartupError):
    """A setting is missing or malformed; the message starts with the variable's name; exit code 2."""

    def __init__(self, message: str) -> None:
        super().__init__(message, exit_code=2)


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
    log_message_content: bool = False
    cooldown_seconds: float = 5.0
    api_base: str | None = None
    gateway_url: str | None = None
    channel_episodes: Mapping[int, str] = field(default_factory=dict)


def read_dotenv(path: Path = DOTENV) -> dict[str, str]:
    """The variables set in `.env` ({} when there is none); ConfigError naming .env when it is unreadable."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read ({error.strerror or error})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ConfigError(f"{path}: line {line} is not UTF-8 text; save the file as UTF-8") from None
    return {k: v for k, v in dotenv_values(stream=io.StringIO(text)).items() if v is not None}


def knowledge_dir(env: Mapping[str, str], flag: str | Path | None = None) -> Path:
    """The knowledge folder: the --knowledge flag, else KNOWLEDGE_DIR, else the bundled one (unchecked)."""
    raw = str(flag) if flag is not None else env.get("KNOWLEDGE_DIR", "").strip()
    return Path(raw) if raw else BUNDLED_KNOWLEDGE


def settings_from_env(env: Mapping[str, str], *, knowledge: str | Path | None = None) -> Settings:
    """Read and check every setting (`knowledge`: the --knowledge flag); ConfigError names the variable."""
    token = _token(env)
    shard_count, shard_ids = _shards(env)
    return Settings(
        token=token,
        knowledge_dir=_knowledge(env, knowledge),
        admin_role_ids=frozenset(_ids(env, "ADMIN_ROLE_IDS")),
        admin_user_ids=frozenset(_ids(env, "ADMIN_USER_IDS")),
        auto_answer_channel_ids=frozenset(_ids(env, "AUTO_ANSWER_CHANNEL_IDS")),
        dev_guild_id=_optional_id(env, "DEV_GUILD_ID"),
        shard_count=shard_count,
        shard_ids=shard_ids,
        log_level=_log_level(env),
        log_message_content=_flag(env, "LOG_MESSAGE_CONTENT"),
        cooldown_seconds=_cooldown(env),
        channel_episodes=_channel_episodes(env, "CHANNEL_EPISODES"),
        api_base=_url(env, "DISCORD_API_BASE", ("http", "https")),
        gateway_url=_url(env, "DISCORD_GATEWAY_URL", ("ws", "wss")),
    )


def _show(raw: str) -> str:
    """A value as quoted in a message: repr (so control characters show), cut short."""
    return repr(raw if len(raw) <= 40 else raw[:40] + "…")


def _printable_ascii(text: str) -> bool:
    return all("!" <= c <= "~" for c in text)


def _whole(raw: str, max_digits: int) -> int | None:
    """ASCII digits, at most `max_digits` of them past leading zeros, as a number; else None."""
    if not _DIGITS.fullmatch(raw) or len(raw.lstrip("0")) > max_digits:
        return None
    return int(raw)


def _token(env: Mapping[str, str]) -> str:
    # The token itself never goes into a message: messages end up in logs and terminals.
    token = env.get("DISCORD_TOKEN", "").strip()
    if not token:
        raise ConfigError(
            "DISCORD_TOKEN: not set (put it in the environment or in .env; "
            "`episode-bot console` works without one)"
        )
    if any(c.isspace() for c in token):
        raise ConfigError("DISCORD_TOKEN: contains white space; paste the bot token alone, without 'Bot '")
    if not _printable_ascii(token):
        raise ConfigError(
            "DISCORD_TOKEN: contains a control or non-ASCII character; paste the bot token alone"
        )
    if len(token) > MAX_TOKEN_CHARS:
        raise ConfigError(f"DISCORD_TOKEN: {len(token)} characters is far longer than a bot token")
    return token


def _knowledge(env: Mapping[str, str], flag: str | Path | None) -> Path:
    name = "--knowledge" if flag is not None else "KNOWLEDGE_DIR"
    folder = knowledge_dir(env, flag)
    try:
        is_dir = folder.is_dir()
    except (OSError, ValueError):  # a name too long, or with a NUL byte
        is_dir = False
    if not is_dir:
        raise ConfigError(f"{name}: {_show(str(folder))} is not a folder")
    return folder


def _discord_id(name: str, raw: str) -> int:
    number = _whole(raw, len(str(MAX_DISCORD_ID)))
    if number is None or not 1 <= number <= MAX_DISCORD_ID:
        raise ConfigError(
            f"{name}: {_show(raw)} is not a Discord id (a number); separate several with commas"
        )
    return number


def _optional_id(env: Mapping[str, str], name: str) -> int | None:
    raw = env.get(name, "").strip()
    return _discord_id(name, raw) if raw else None


def _ids(env: Mapping[str, str], name: str) -> tuple[int, ...]:
    # Commas or white space separate ids; a repeated id is harmless in a set of admins or channels.
    parts = _ID_SEPARATORS.split(env.get(name, "").strip())
    return tuple(_discord_id(name, part) for part in parts if part)


def _shards(env: Mapping[str, str]) -> tuple[int | None, tuple[int, ...] | None]:
    raw_count = env.get("SHARD_COUNT", "").strip()
    count: int | None = None
    if raw_count:
        count = _whole(raw_count, len(str(MAX_SHARDS)))
        if count is None or not 1 <= count <= MAX_SHARDS:
            raise ConfigError(f"SHARD_COUNT: {_show(raw_count)} is not a whole number from 1 to {MAX_SHARDS}")
    parts = [p for p in _ID_SEPARATORS.split(env.get("SHARD_IDS", "").strip()) if p]
    if not parts:
        return count, None
    for part in parts:
        if not _DIGITS.fullmatch(part):
            raise ConfigError(
                f"SHARD_IDS: {_show(part)} is not a shard id (a number from 0); separate several with commas"
            )
    if count is None:
        raise ConfigError("SHARD_IDS: needs SHARD_COUNT too")
    ids: list[int] = []
    for part in parts:
        shard = _whole(part, len(str(MAX_SHARDS)))
        if shard is None or shard >= count:
            shown = _show(part) if shard is None else str(shard)
            raise ConfigError(f"SHARD_IDS: {shown} is not below SHARD_COUNT ({count})")
        if shard in ids:
            raise ConfigError(f"SHARD_IDS: {shard} is listed twice")
        ids.append(shard)
    return count, tuple(ids)


def _log_level(env: Mapping[str, str]) -> str:
    raw = env.get("LOG_LEVEL", "").strip()
    if not raw:
        return "INFO"
    # ASCII first: a dotless i upper-cases to I, so the Turkish 'info' would pass.
    if not raw.isascii() or raw.upper() not in LOG_LEVELS:
        raise ConfigError(f"LOG_LEVEL: {_show(raw)} is not one of {', '.join(LOG_LEVELS)}")
    return raw.upper()


def _flag(env: Mapping[str, str], name: str) -> bool:
    raw = env.get(name, "").strip()
    if raw.isascii() and raw.lower() in _TRUE + _FALSE:
        return raw.lower() in _TRUE
    raise ConfigError(f"{name}: {_show(raw)} is not 1 or 0 (true/false, yes/no and on/off work too)")


def _cooldown(env: Mapping[str, str]) -> float:
    raw = env.get("COOLDOWN_SECONDS", "").strip()
    if not raw:
        return 5.0
    if len(raw) > 20 or not _SECONDS.fullmatch(raw):
        raise ConfigError(f"COOLDOWN_SECONDS: {_show(raw)} is not a number of seconds (like 5 or 2.5)")
    seconds = float(raw)
    if seconds > MAX_COOLDOWN_SECONDS:
        raise ConfigError(f"COOLDOWN_SECONDS: {_show(raw)} must be between 0 and {MAX_COOLDOWN_SECONDS}")
    return seconds


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
    wanted = " or ".join(s + "://" for s in schemes)
    bad = ConfigError(f"{name}: {_show(raw)} is not a {wanted} URL with a host (and no query or fragment)")
    if not _printable_ascii(raw):
        raise bad
    try:
        parts = urlsplit(raw)
        port = parts.port  # raises on a port that is not a number from 0 to 65535
    except ValueError:  # urlsplit raises on a broken IPv6 host, like http://[::1
        raise bad from None
    host = parts.hostname or ""
    if parts.scheme not in schemes or port == 0 or parts.query or parts.fragment or "#" in raw or "?" in raw:
        raise bad
    if not (_HOST_NAME.fullmatch(host) or _ip_literal(parts.netloc, host)):
        raise bad
    return raw.rstrip("/")


def _ip_literal(netloc: str, host: str) -> bool:
    """An IPv6 host in brackets, as a URL must write it."""
    if f"[{host}]" not in netloc:
        return False
    try:
        ipaddress.IPv6Address(host)
    except ValueError:
        return False
    return True
