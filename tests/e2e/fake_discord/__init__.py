"""A local Discord-protocol server (REST v10, zlib-stream gateway) for end-to-end tests of the bot.

The real discord.py client talks real HTTP and a real websocket to it on 127.0.0.1. It serves only what
this bot uses and refuses, as Discord would, what breaks Discord's rules (``checks``); every refusal
lands in ``problems``. ``FakeDiscord`` is the async server, ``LiveDiscord`` drives it from plain tests.
"""

from tests.e2e.fake_discord.gateway import GatewaySession
from tests.e2e.fake_discord.live import LiveDiscord
from tests.e2e.fake_discord.server import FakeDiscord, FakeDiscordTimeoutError, run_scenario
from tests.e2e.fake_discord.state import (
    INTENT_DIRECT_MESSAGES,
    INTENT_GUILD_MESSAGES,
    INTENT_GUILDS,
    INTENT_MESSAGE_CONTENT,
    PERM_MANAGE_GUILD,
    PERM_SEND_MESSAGES,
    FakeChannel,
    FakeGuild,
    FakeMember,
    FakeOverwrite,
    FakeRole,
    FakeUser,
    InteractionRecord,
    SentMessage,
)

__all__ = [
    "INTENT_DIRECT_MESSAGES",
    "INTENT_GUILDS",
    "INTENT_GUILD_MESSAGES",
    "INTENT_MESSAGE_CONTENT",
    "PERM_MANAGE_GUILD",
    "PERM_SEND_MESSAGES",
    "FakeChannel",
    "FakeDiscord",
    "FakeDiscordTimeoutError",
    "FakeGuild",
    "FakeMember",
    "FakeOverwrite",
    "FakeRole",
    "FakeUser",
    "GatewaySession",
    "InteractionRecord",
    "LiveDiscord",
    "SentMessage",
    "run_scenario",
]
