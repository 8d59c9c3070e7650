"""Start the bot (or sync its commands) from settings; every failure is one clear line and an exit code."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import sys
from pathlib import Path

import discord
import discord.gateway
import discord.http
import yarl

from bot.config import ConfigError, RedactSecrets, Settings, settings_from_env
from bot.core.loader import KnowledgeError
from bot.core.store import KnowledgeStore
from bot.discord.client import EpisodeBot

log = logging.getLogger("bot")


def configure_logging(settings: Settings) -> None:
    """Log to stderr at the configured level, with the token redacted from every line."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)-8s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets(settings.token))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(settings.log_level)


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


def prepare(knowledge_dir: Path | None) -> tuple[Settings, KnowledgeStore] | int:
    """Settings and knowledge, or the exit code after saying what is wrong."""
    try:
        settings = settings_from_env()
    except ConfigError as error:
        print(f"episode-bot: {error}", file=sys.stderr)
        return 2
    if knowledge_dir is not None:
        settings = dataclasses.replace(settings, knowledge_dir=knowledge_dir)
    configure_logging(settings)
    try:
        store = KnowledgeStore.open(settings.knowledge_dir)
    except KnowledgeError as error:
        log.error("cannot start: %s", error.report().replace("\n", "; "))
        return 1
    point_at_api(settings)
    quiet_voice_warnings()
    return settings, store


def run_discord(knowledge_dir: Path | None = None) -> int:
    """Connect to Discord and serve until stopped."""
    prepared = prepare(knowledge_dir)
    if isinstance(prepared, int):
        return prepared
    settings, store = prepared
    episode = store.library.episode
    log.info(
        "serving %r: %d chapters, %d studies", episode.title, len(episode.chapters), len(episode.studies)
    )
    try:
        EpisodeBot(settings, store).run(settings.token, log_handler=None)
    except discord.LoginFailure:
        log.error("DISCORD_TOKEN was rejected: check the token in the environment or .env")
        return 1
    except discord.PrivilegedIntentsRequired:
        log.error("AUTO_ANSWER_CHANNEL_IDS needs the Message Content intent, enabled in the developer portal")
        return 1
    return 0


def sync_commands(knowledge_dir: Path | None = None) -> int:
    """Publish the slash commands globally: Discord rate-limits that, so it is done on purpose."""
    prepared = prepare(knowledge_dir)
    if isinstance(prepared, int):
        return prepared
    settings, store = prepared

    async def sync() -> int:
        client = EpisodeBot(settings, store, sync_dev_guild=False)
        async with client:
            await client.login(settings.token)
            synced = await client.tree.sync()
        log.info("synced %d commands globally: %s", len(synced), ", ".join(f"/{c.name}" for c in synced))
        return 0

    try:
        return asyncio.run(sync())
    except discord.LoginFailure:
        log.error("DISCORD_TOKEN was rejected: check the token in the environment or .env")
        return 1
