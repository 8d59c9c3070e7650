"""Self-tests of the fake, only where a bug in it would let an end-to-end test pass wrongly."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import aiohttp
import discord
import discord.gateway
import discord.http
import pytest
import yarl
from discord import app_commands

from tests.e2e.bot_process import World, build_world
from tests.e2e.fake_discord import (
    FakeDiscord,
    FakeMember,
    FakeOverwrite,
    FakeUser,
    LiveDiscord,
    checks,
    run_scenario,
)
from tests.e2e.fake_discord.state import (
    EVERYONE_PERMISSIONS,
    PERM_SEND_MESSAGES,
    FakeChannel,
    FakeGuild,
    FakeRole,
)

NO_PINGS = {"parse": [], "replied_user": False}


def guild_with(member: FakeUser, overwrites: tuple[FakeOverwrite, ...] = (), owner: int = 1) -> FakeGuild:
    """Guild 3 with channel 10 and one member."""
    everyone = FakeRole(3, "@everyone", EVERYONE_PERMISSIONS)  # @everyone has the guild's id
    return FakeGuild(
        3, "g", owner, [FakeChannel(10, "general", 0, overwrites)], [everyone], [FakeMember(member)]
    )


# Discord's rules, as the fake applies them


def test_pings_follow_allowed_mentions() -> None:
    user = FakeUser(7, "listener")
    guild = guild_with(user)
    text = f"{user.mention} @everyone"
    assert checks.pings({7: user}, guild, text, None, replied_to=7) == (frozenset({7}), frozenset(), True)
    assert checks.pings({7: user}, guild, text, NO_PINGS, replied_to=7) == (frozenset(), frozenset(), False)


@pytest.mark.parametrize(
    "message",
    [
        {"content": "", "embeds": []},
        {"content": "x" * 2001},
        {"embeds": [{"description": "x" * 4097}]},
        {"embeds": [{"description": "x" * 4000}, {"description": "x" * 2001}]},  # 6000 in all
        {"embeds": [{"title": "t", "fields": [{"name": "n", "value": ""}]}]},
        {"embeds": [{"title": "t"}] * 11},
    ],
)
def test_messages_beyond_discords_limits_are_refused(message: dict[str, Any]) -> None:
    assert checks.message_errors(message)


@pytest.mark.parametrize(
    "choices",
    [
        [{"name": str(n), "value": str(n)} for n in range(26)],
        [{"name": "x" * 101, "value": "x"}],
        [{"name": "x", "value": "x" * 101}],
    ],
)
def test_autocomplete_beyond_discords_limits_is_refused(choices: list[dict[str, str]]) -> None:
    assert checks.choices_errors({"choices": choices})
    assert not checks.choices_errors({"choices": [{"name": "x" * 100, "value": "x" * 100}] * 25})


@pytest.mark.parametrize(
    "command",
    [
        {"name": "Ask", "description": "d"},
        {"name": "ask", "description": ""},
        {"name": "ask", "description": "d" * 101},
        {
            "name": "ask",
            "description": "d",
            "options": [
                {"name": "a", "description": "d", "type": 3},
                {"name": "b", "description": "d", "type": 3, "required": True},
            ],
        },
        {
            "name": "ask",
            "description": "d",
            "options": [
                {
                    "name": "a",
                    "description": "d",
                    "type": 3,
                    "autocomplete": True,
                    "choices": [{"name": "x", "value": "x"}],
                }
            ],
        },
    ],
)
def test_commands_of_the_wrong_shape_are_refused(command: dict[str, Any]) -> None:
    assert checks.commands_errors([command])
    assert not checks.commands_errors([{"name": "ask", "description": "d", "type": 1}])


def test_a_member_overwrite_takes_send_messages_away() -> None:
    bot = FakeUser(7, "bot", bot=True)
    denied = guild_with(bot, (FakeOverwrite(7, 1, deny=PERM_SEND_MESSAGES),))
    assert not checks.permissions(denied, 7, 10) & PERM_SEND_MESSAGES
    assert checks.permissions(guild_with(bot), 7, 10) & PERM_SEND_MESSAGES
    assert (
        checks.permissions(guild_with(bot, denied.channels[0].overwrites, owner=7), 7, 10)
        & PERM_SEND_MESSAGES
    )


def test_without_message_content_only_mentions_and_dms_carry_text() -> None:
    message = {"content": "hi", "guild_id": "1", "author": {"id": "2"}, "mentions": []}
    assert checks.visible_content(message, bot_id=7, has_content_intent=False)["content"] == ""
    assert checks.visible_content(message, bot_id=7, has_content_intent=True)["content"] == "hi"
    mentioned = {**message, "mentions": [{"id": "7"}]}
    assert checks.visible_content(mentioned, bot_id=7, has_content_intent=False)["content"] == "hi"
    dm = {key: value for key, value in message.items() if key != "guild_id"}
    assert checks.visible_content(dm, bot_id=7, has_content_intent=False)["content"] == "hi"


# The fake's own machinery, over real sockets


def test_routes_the_bot_does_not_call_and_a_missing_token_are_refused() -> None:
    async def scenario() -> None:
        async with FakeDiscord() as fake, aiohttp.ClientSession() as http:
            token = {"Authorization": f"Bot {fake.token}"}
            async with http.get(f"{fake.api_base}/guilds/1", headers=token) as response:
                assert response.status == 404
            async with http.get(f"{fake.api_base}/users/@me") as response:
                assert response.status == 401
            async with http.get(f"{fake.api_base}/users/@me", headers=token) as response:
                assert response.status == 200 and response.content_type == "application/json"
            assert len(fake.problems) == 2, fake.problems

    run_scenario(scenario)


class ReplyingClient(discord.Client):
    """A stand-in bot: replies to every human message, and has a /slow command that answers too late."""

    def __init__(self) -> None:
        super().__init__(intents=discord.Intents.default(), guild_ready_timeout=0.1)
        self.tree = app_commands.CommandTree(self)

        @self.tree.command(name="slow", description="Answers after the deadline")
        async def slow(interaction: discord.Interaction[discord.Client]) -> None:
            await asyncio.sleep(0.4)
            await interaction.response.send_message("too late")

    async def on_message(self, message: discord.Message) -> None:
        """Reply to anyone but bots."""
        if not message.author.bot:
            await message.reply("heard", allowed_mentions=discord.AllowedMentions.none())


@pytest.fixture(scope="module")
def stand_in() -> Iterator[tuple[LiveDiscord, World]]:
    """The fake with a 0.2 s interaction deadline and a ReplyingClient connected in this process."""
    fake = FakeDiscord(interaction_deadline=0.2)
    world = build_world(fake)
    with LiveDiscord(fake, barrier_question="anything") as live:
        old_base, old_gateway = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
        discord.http.Route.BASE = fake.api_base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(fake.gateway_url)
        client = ReplyingClient()

        async def connect() -> None:
            await client.login(fake.token)
            asyncio.get_running_loop().create_task(client.connect())
            await asyncio.wait_for(client.wait_until_ready(), 5)
            await client.tree.sync()

        try:
            live.call(connect())
            yield live, world
        finally:
            live.call(client.close())
            discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = old_base, old_gateway


def test_unanswered_notices_a_reply(stand_in: tuple[LiveDiscord, World]) -> None:
    live, world = stand_in
    assert not live.unanswered(live.say(world.general, world.member, "hello"))


def test_an_answer_after_the_deadline_is_refused(stand_in: tuple[LiveDiscord, World]) -> None:
    live, world = stand_in
    with pytest.raises(AssertionError, match="Unknown interaction"):
        live.command(world.member, "slow")
    assert any("10062" in problem for problem in live.take_problems())
