"""Fixtures: one fake Discord server and one real bot process shared by the scenarios, a fresh member each.

A bot process takes seconds to become ready, so scenarios share one; each test asks as a new member, so
the bot's per-user cooldown (on here, at 60 s) never carries over from another test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import discord.gateway
import discord.http
import pytest

from tests.conftest import copy_knowledge
from tests.e2e.bot_process import BotProcess, World, build_world, running_bot
from tests.e2e.fake_discord import FakeDiscord, FakeUser, LiveDiscord

# A question the bot always answers: proof that it has handled whatever came before.
BARRIER_QUESTION = "habenula"
# The auto-answer channel is about this imported episode (CHANNEL_EPISODES).
SLEEP_TOOLKIT = "h2aWYjSA1Jc"
COOLDOWN_SECONDS = 60


@pytest.fixture(scope="session")
def shared_server() -> Iterator[tuple[LiveDiscord, World]]:
    """The fake server with the test guild, for the whole session."""
    fake = FakeDiscord()
    world = build_world(fake)
    with LiveDiscord(fake, barrier_question=BARRIER_QUESTION) as live:
        yield live, world


@pytest.fixture
def server(shared_server: tuple[LiveDiscord, World]) -> Iterator[LiveDiscord]:
    """The shared server; the test fails if the fake refused anything it did not take up itself."""
    live, _ = shared_server
    live.take_problems()
    yield live
    assert live.take_problems() == [], "the fake refused requests (see above)"


@pytest.fixture(scope="session")
def world(shared_server: tuple[LiveDiscord, World]) -> World:
    """The test guild: channels, a moderator, a manager."""
    return shared_server[1]


@pytest.fixture(scope="session")
def knowledge(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shared bot's knowledge folder, a copy of the bundled one."""
    return copy_knowledge(tmp_path_factory.mktemp("shared"))


@pytest.fixture(scope="session")
def bot(shared_server: tuple[LiveDiscord, World], knowledge: Path) -> Iterator[BotProcess]:
    """The shared `episode-bot run`: dev-guild sync, an auto-answer channel, an admin role, a cooldown."""
    live, world = shared_server
    config = {
        "DEV_GUILD_ID": str(world.guild.id),
        "AUTO_ANSWER_CHANNEL_IDS": str(world.auto.id),
        "CHANNEL_EPISODES": f"{world.auto.id}:{SLEEP_TOOLKIT}",
        "ADMIN_ROLE_IDS": str(world.moderators.id),
        "COOLDOWN_SECONDS": str(COOLDOWN_SECONDS),
        "LOG_LEVEL": "DEBUG",  # the most the log ever says, for the check that the token is never in it
    }
    with running_bot(live.fake, knowledge, config) as process:
        yield process


@pytest.fixture
def member(server: LiveDiscord, world: World) -> FakeUser:
    """A listener who just joined: no cooldown, no admin rights."""
    return server.join(world.guild)


@pytest.fixture
def knowledge_file(server: LiveDiscord, world: World, knowledge: Path) -> Iterator[Path]:
    """The shared bot's episode file, for a test to edit; put back and reloaded afterwards."""
    file = knowledge / "ketamine.yaml"
    original = file.read_text(encoding="utf-8")
    yield file
    if file.read_text(encoding="utf-8") != original:
        file.write_text(original, encoding="utf-8")
        report = server.command(world.moderator, "reload")
        assert "failed" not in report.content, report.content


@pytest.fixture(autouse=True)
def restore_discord_urls() -> Iterator[None]:
    """Put discord.py's API base and gateway URL back if an in-process test dies while on the fake."""
    base = discord.http.Route.BASE
    gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    yield
    discord.http.Route.BASE = base
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = gateway
