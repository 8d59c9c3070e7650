"""Start the bot (or sync its commands) from settings; every failure is a StartupError for the CLI."""

from __future__ import annotations

import asyncio
import base64
import binascii
import logging
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import NoReturn

import aiohttp
import discord
import discord.gateway
import discord.http
import yarl

from bot.config import ConfigError, Settings, StartupError, settings_from_env
from bot.core.loader import KnowledgeError
from bot.core.store import KnowledgeStore
from bot.discord.client import PERMISSIONS, EpisodeBot

log = logging.getLogger("bot")

LOG_FORMAT = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"
REDACTED = "[redacted]"
DEFAULT_API_BASE = "https://discord.com/api/v10"
# Interaction tokens travel in URL paths (/interactions/<id>/<token>/callback, /webhooks/<app>/<token>)
# and in gateway events ('token': '...'); each lets anyone answer as the bot for 15 minutes.
_TOKEN_IN_URL = re.compile(r"(/(?:interactions|webhooks)/\d+/)[^/\s?'\"]+")
_TOKEN_FIELD = re.compile(r"""(["']token["']\s*:\s*["'])[^"']+""")


class RedactingFormatter(logging.Formatter):
    """Formats a record, then removes secrets and interaction tokens from all of it, tracebacks included."""

    def __init__(self, fmt: str, secrets: Iterable[str]) -> None:
        super().__init__(fmt)
        self._secrets = [s for s in secrets if s]

    def format(self, record: logging.LogRecord) -> str:
        """The record as text, with every secret replaced by [redacted]."""
        return redact(super().format(record), self._secrets)


def redact(text: str, secrets: Iterable[str]) -> str:
    """`text` without the given secrets and without interaction or webhook tokens."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    text = _TOKEN_IN_URL.sub(rf"\g<1>{REDACTED}", text)
    return _TOKEN_FIELD.sub(rf"\g<1>{REDACTED}", text)


def configure_logging(settings: Settings) -> None:
    """Log to stderr at the configured level; secrets redacted; no message content unless asked for."""
    level = logging.getLevelName(settings.log_level)
    handler = logging.StreamHandler()
    handler.setFormatter(RedactingFormatter(LOG_FORMAT, [settings.token]))
    handler.setLevel(level)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # discord.py's DEBUG lines carry whole gateway events and request bodies: members' questions, their
    # names, interaction tokens. They are shown only when LOG_MESSAGE_CONTENT asks for them.
    library = logging.getLogger("discord")
    library.setLevel(level if settings.log_message_content else max(level, logging.INFO))


def quiet_voice_warnings() -> None:
    """The bot never joins voice, so discord.py's warnings about missing voice libraries are noise."""
    discord.VoiceClient.warn_nacl = False
    discord.VoiceClient.warn_dave = False


def point_at_api(settings: Settings) -> None:
    """Talk to a Discord-compatible server when DISCORD_API_BASE / DISCORD_GATEWAY_URL say so."""
    if settings.api_base:
        discord.http.Route.BASE = settings.api_base
    if settings.gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.gateway_url)


def application_id(token: str) -> int | None:
    """The bot's id, which a bot token starts with in base64 (the application's id too), or None."""
    first = token.split(".", 1)[0]
    try:
        decoded = base64.b64decode(first + "=" * (-len(first) % 4), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError):
        return None
    text = decoded.decode("ascii", "replace")
    return int(text) if text.isascii() and text.isdigit() and 15 <= len(text) <= 20 else None


def invite_url(client_id: int) -> str:
    """The link that adds the bot to a server with its slash commands and the permissions it needs."""
    return discord.utils.oauth_url(
        client_id, permissions=PERMISSIONS, scopes=("bot", "applications.commands")
    )


def prepare(
    env: Mapping[str, str], *, knowledge: str | Path | None = None
) -> tuple[Settings, KnowledgeStore]:
    """Checked settings and the loaded knowledge, with logging set up; StartupError says what is wrong."""
    settings = settings_from_env(env, knowledge=knowledge)
    configure_logging(settings)
    try:
        store = KnowledgeStore.open(settings.knowledge_dir)
    except KnowledgeError as error:
        raise StartupError(f"cannot start: {error.report()}".replace("\n", "; ")) from error
    unknown = sorted(set(settings.channel_episodes.values()) - set(store.library.engines))
    if unknown:
        known = ", ".join(store.library.engines)
        raise ConfigError(f"CHANNEL_EPISODES: no episode {unknown[0]!r} in the knowledge (episodes: {known})")
    point_at_api(settings)
    quiet_voice_warnings()
    return settings, store


def run_discord(env: Mapping[str, str], *, knowledge: str | Path | None = None) -> int:
    """Connect to Discord and serve until stopped; StartupError when it cannot."""
    settings, store = prepare(env, knowledge=knowledge)
    library = store.library
    # Each episode is read when first needed: a start names them without reading them.
    log.info("serving %d episodes (default: %s)", len(library.ids), library.default_id)
    app_id = application_id(settings.token)
    if app_id is not None:
        # Logged before connecting, so an admin has it even when the login fails.
        log.info("invite link (from the application id in DISCORD_TOKEN): %s", invite_url(app_id))
    try:
        EpisodeBot(settings, store).run(settings.token, log_handler=None)
    except discord.PrivilegedIntentsRequired:
        raise StartupError(
            "AUTO_ANSWER_CHANNEL_IDS needs the Message Content intent: enable it in the developer portal "
            "(Bot, Privileged Gateway Intents)"
        ) from None
    except Exception as error:
        _explain(error, settings, "at start")
    return 0


def sync_commands(env: Mapping[str, str], *, knowledge: str | Path | None = None) -> int:
    """Publish the slash commands globally: Discord rate-limits that, so it is done on purpose."""
    settings, store = prepare(env, knowledge=knowledge)

    async def sync() -> None:
        client = EpisodeBot(settings, store, sync_dev_guild=False)
        async with client:
            await client.login(settings.token)
            synced = await client.tree.sync()
        log.info("synced %d commands globally: %s", len(synced), ", ".join(f"/{c.name}" for c in synced))

    try:
        asyncio.run(sync())
    except Exception as error:
        _explain(error, settings, "the global command sync")
    return 0


def _explain(error: Exception, settings: Settings, during: str) -> NoReturn:
    """Re-raise a failure to reach or use Discord as one StartupError; anything else as it is."""
    if isinstance(error, discord.HTTPException):
        raise _refused(error, settings, during) from None
    failure = _startup_failure(error, settings)
    if failure is None:
        raise error
    raise failure from None


def _refused(error: discord.HTTPException, settings: Settings, during: str) -> StartupError:
    """Discord answered with an error: a rejected token, a wrong DEV_GUILD_ID, or something else."""
    detail = redact(f"{error.status} {error.text}".strip(), [settings.token])
    url = str(getattr(error.response, "url", ""))
    if settings.dev_guild_id and f"/guilds/{settings.dev_guild_id}/commands" in url:
        return ConfigError(
            f"DEV_GUILD_ID: Discord refused to sync the commands to guild {settings.dev_guild_id} "
            f"({detail}); check the id, and that the bot was invited there with the "
            "applications.commands scope"
        )
    return StartupError(f"Discord refused {during} ({detail})")


def _startup_failure(error: Exception, settings: Settings) -> StartupError | None:
    """What to say when logging in or connecting fails; None for a bug, to re-raise with its traceback."""
    if isinstance(error, discord.LoginFailure):
        return StartupError("DISCORD_TOKEN was rejected: check the token in the environment or .env")
    detail = redact(str(error) or type(error).__name__, [settings.token])
    if isinstance(error, OSError | aiohttp.ClientError | discord.GatewayNotFound):
        where = settings.api_base or DEFAULT_API_BASE
        variable = "DISCORD_API_BASE" if settings.api_base else "the network"
        return StartupError(f"cannot reach Discord at {where} ({detail}); check {variable}")
    if isinstance(error, discord.ConnectionClosed):
        return StartupError(f"Discord closed the gateway connection (code {error.code}): {detail}")
    return None
