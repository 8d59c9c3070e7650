"""Two `episode-bot run` processes, one shard each, after `episode-bot sync` published the commands."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.conftest import copy_knowledge
from tests.e2e.bot_process import World, build_world, run_command, start_bot
from tests.e2e.conftest import BARRIER_QUESTION
from tests.e2e.fake_discord import (
    INTENT_DIRECT_MESSAGES,
    INTENT_GUILD_MESSAGES,
    INTENT_GUILDS,
    FakeDiscord,
    LiveDiscord,
)


@dataclass(frozen=True)
class Sharded:
    """The server, a guild on each shard, and what `episode-bot sync` printed."""

    server: LiveDiscord
    worlds: tuple[World, World]
    sync_output: str


@pytest.fixture(scope="module")
def sharded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sharded]:
    """Sync, then both shard processes, started together to save a start-up's wait."""
    fake = FakeDiscord(shard_count=2)
    worlds = (build_world(fake, shard_id=0), build_world(fake, shard_id=1))
    knowledge = copy_knowledge(tmp_path_factory.mktemp("shards"))
    with LiveDiscord(fake, barrier_question=BARRIER_QUESTION) as live:
        code, output = run_command(fake, knowledge, "sync")
        assert code == 0, output
        bots = [start_bot(fake, knowledge, {"SHARD_COUNT": "2", "SHARD_IDS": str(n)}) for n in (0, 1)]
        try:
            for n, bot in enumerate(bots):
                assert f"shards [{n}]" in bot.wait_for_log("ready as", 20)
            yield Sharded(live, worlds, output)
        finally:
            for bot in bots:
                bot.stop()
        assert live.take_problems() == []


def test_sync_publishes_the_commands_globally(sharded: Sharded) -> None:
    assert "synced 7 commands globally" in sharded.sync_output
    assert len(sharded.server.fake.commands[None]) == 7


@pytest.mark.parametrize("shard", [0, 1])
def test_each_shard_answers_in_its_own_guilds(sharded: Sharded, shard: int) -> None:
    server, world = sharded.server, sharded.worlds[shard]
    session = server.fake.sessions[shard]
    assert session.guild_ids == [world.guild.id] and session.shard_count == 2
    record = server.send(server.join(world.guild), "ask", {"question": "bdnf"})
    assert record.shard_id == shard
    assert server.answer(record).embeds


def test_without_auto_answer_no_privileged_intent_is_asked(sharded: Sharded) -> None:
    for session in sharded.server.fake.sessions.values():
        assert session.intents == INTENT_GUILDS | INTENT_GUILD_MESSAGES | INTENT_DIRECT_MESSAGES


def test_mention_is_answered_without_the_message_content_intent(sharded: Sharded) -> None:
    server, world = sharded.server, sharded.worlds[0]
    assert server.mention(world.general, server.join(world.guild), "what is bdnf").title.startswith(
        "Brain-Derived Neurotrophic Factor"
    )
