"""Self-tests: the real discord.py client, over real sockets, against the fake Discord server."""

from __future__ import annotations

import asyncio

import discord
import pytest
from discord import app_commands

from tests.e2e.fake_discord import (
    FakeDiscord,
    FakeGuild,
    FakeUser,
    point_discord_py_at,
    run_scenario,
    running_client,
)

EPISODES = ["Sleep and memory", "Stress and the heart", "Sleep apnea"]

Interaction = discord.Interaction[discord.Client]


class FastClient(discord.Client):
    """A client that re-IDENTIFYs at once (discord.py waits 5 s, Discord's identify spacing)."""

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """Skip the sleep: the fake server has no identify rate limit."""


class FastShardedClient(discord.AutoShardedClient):
    """An auto-sharded client that IDENTIFYs every shard at once."""

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """Skip the 5 s between shards."""


def make_client(cls: type[discord.Client] = discord.Client) -> discord.Client:
    """A client with default intents that fires on_ready 0.1 s after the last GUILD_CREATE."""
    return cls(intents=discord.Intents.default(), guild_ready_timeout=0.1)


def add_listener_guild(server: FakeDiscord) -> tuple[FakeGuild, FakeUser]:
    """A guild with one listener in it."""
    listener = server.new_user("listener", global_name="A Listener")
    return server.add_guild(name="Podcast fans", members=[listener]), listener


def ask_tree(client: discord.Client) -> app_commands.CommandTree[discord.Client]:
    """A tree with /ask (question, episode with autocomplete) and /slow (defers, then follows up)."""
    tree: app_commands.CommandTree[discord.Client] = app_commands.CommandTree(client)

    @tree.command(name="ask", description="Ask about an episode")
    @app_commands.describe(question="Your question", episode="Which episode")
    async def ask(interaction: Interaction, question: str, episode: str) -> None:
        await interaction.response.send_message(f"{episode}: {question}", ephemeral=True)
        await interaction.followup.send("Anything else?")

    @ask.autocomplete("episode")
    async def episode_choices(interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=t, value=t) for t in EPISODES if current.lower() in t.lower()]

    @tree.command(name="slow", description="Thinks before answering")
    async def slow(interaction: Interaction) -> None:
        await interaction.response.defer(thinking=True)
        await interaction.followup.send("Done thinking")

    return tree


def test_slash_command_sync_and_autocomplete() -> None:
    async def scenario() -> None:
        async with FakeDiscord() as server:
            guild, listener = add_listener_guild(server)
            client = make_client()
            tree = ask_tree(client)
            async with running_client(server, client):
                assert client.user is not None and client.user.id == server.application_id
                assert client.get_guild(guild.id) is not None
                assert server.sessions[0].guild_ids == [guild.id]
                assert server.gateway_queries[0] == {"v": "10", "encoding": "json", "compress": "zlib-stream"}

                tree.copy_global_to(guild=discord.Object(guild.id))
                synced = await tree.sync(guild=discord.Object(guild.id))
                assert sorted(c.name for c in synced) == ["ask", "slow"]
                ask_schema = next(c for c in server.commands[guild.id] if c["name"] == "ask")
                assert [o["name"] for o in ask_schema["options"]] == ["question", "episode"]
                assert ask_schema["options"][1]["autocomplete"] is True

                channel = guild.text_channel
                sent = await server.interaction(
                    guild.id, channel.id, listener, "ask", {"question": "Why?", "episode": "Sleep apnea"}
                )
                assert not sent.queued
                answered = await server.wait_for_callback(sent.id)
                assert answered.callback is not None and answered.callback.type == 4
                assert answered.callback.data is not None
                assert answered.callback.data["content"] == "Sleep apnea: Why?"
                assert answered.callback.data["flags"] & 64  # ephemeral
                followups = await server.wait_for_followups(sent.id)
                assert followups[0].content == "Anything else?"

                typed = await server.interaction(
                    guild.id, channel.id, listener, "ask", {"question": "x", "episode": "slee"}, type=4
                )
                completed = await server.wait_for_callback(typed.id)
                assert completed.callback is not None and completed.callback.type == 8
                assert completed.choices == [
                    {"name": "Sleep and memory", "value": "Sleep and memory"},
                    {"name": "Sleep apnea", "value": "Sleep apnea"},
                ]

                deferred = await server.interaction(guild.id, channel.id, listener, "slow")
                await server.wait_for_callback(deferred.id)
                (first,) = await server.wait_for_followups(deferred.id)
                # The first follow-up after a deferral replaces the "thinking" placeholder.
                assert deferred.original is not None and first.message["id"] == deferred.original["id"]
                assert deferred.original["content"] == "Done thinking"
                assert not deferred.original["flags"] & 128
            assert server.problems == []
            assert server.unknown_routes == []

    run_scenario(scenario)


def test_mention_reply_dm_and_message_content_intent() -> None:
    async def scenario() -> None:
        async with FakeDiscord() as server:
            guild, listener = add_listener_guild(server)
            channel = guild.text_channel
            client = make_client()
            seen: list[str] = []

            @client.event
            async def on_message(message: discord.Message) -> None:
                if message.author.bot:
                    return  # Discord echoes the bot's own messages too
                seen.append(message.content)
                if message.guild is None:
                    await message.channel.send(f"DM reply to {message.content}")
                elif client.user in message.mentions:
                    await message.reply(
                        f"Hi {message.author.mention}", allowed_mentions=discord.AllowedMentions(users=False)
                    )

            async with running_client(server, client):
                await server.message_create(guild.id, channel.id, listener, "no mention here")
                asked = await server.message_create(
                    guild.id, channel.id, listener, f"{server.bot_user.mention} hello", [server.bot_user]
                )
                reply = await server.wait_for_channel_message(channel.id)
                # Without the MESSAGE_CONTENT intent only the mention carries content.
                assert seen == ["", f"{server.bot_user.mention} hello"]
                assert reply.content == f"Hi {listener.mention}"
                assert str(reply.payload["message_reference"]["message_id"]) == asked["id"]
                assert "users" not in reply.payload["allowed_mentions"]["parse"]
                assert reply.payload["allowed_mentions"]["replied_user"] is True
                assert reply.message["type"] == 19
                assert reply.pinged_user_ids == {listener.id}  # pinged as the replied-to author only

                await server.message_create(None, None, listener, "psst")
                dm_reply = await server.wait_for_channel_message(server.dm_channels[listener.id])
                assert dm_reply.content == "DM reply to psst"
            assert server.problems == []
            assert server.unknown_routes == []

    run_scenario(scenario)


def test_rate_limit_is_waited_out() -> None:
    async def scenario() -> None:
        async with FakeDiscord() as server:
            guild, listener = add_listener_guild(server)
            channel = guild.text_channel
            client = make_client()

            @client.event
            async def on_message(message: discord.Message) -> None:
                if client.user in message.mentions:
                    await message.channel.send("answer")

            path = f"/channels/{channel.id}/messages"
            server.rate_limit_next("POST", path, retry_after=0.3)
            async with running_client(server, client):
                await server.message_create(
                    guild.id, channel.id, listener, f"{server.bot_user.mention} q", [server.bot_user]
                )
                sent = await server.wait_for_channel_message(channel.id)
                assert sent.content == "answer"
            (hit,) = server.rate_limits
            assert hit.retried_after is not None and hit.retried_after >= 0.25
            assert [r.status for r in server.requests if r.path == path] == [429, 200]
            assert server.problems == []

    run_scenario(scenario)


def test_dropped_gateway_resumes_and_replays_the_interaction() -> None:
    async def scenario() -> None:
        async with FakeDiscord(heartbeat_interval_ms=200) as server:
            guild, listener = add_listener_guild(server)
            channel = guild.text_channel
            client = make_client()
            tree = ask_tree(client)
            resumed = asyncio.Event()

            @client.event
            async def on_resumed() -> None:
                resumed.set()

            async with running_client(server, client):
                tree.copy_global_to(guild=discord.Object(guild.id))
                await tree.sync(guild=discord.Object(guild.id))
                async with server.gateway_down(0):
                    pending = await server.interaction(
                        guild.id,
                        channel.id,
                        listener,
                        "ask",
                        {"question": "Still there?", "episode": "Sleep"},
                    )
                    assert pending.queued
                session = await server.wait_resumed(0)
                answered = await server.wait_for_callback(pending.id)
                assert answered.callback is not None and answered.callback.type == 4
                await server.wait_for_followups(pending.id)
                await asyncio.wait_for(resumed.wait(), 3)
                assert session.resumes == 1 and server.identify_count[0] == 1
                assert server.gateway_paths == ["/", "/resume"]  # READY's resume_gateway_url
                await server.wait_until(lambda: session if session.heartbeats >= 2 else None, 3, "heartbeats")
                assert client.latency < 1.0  # heartbeats were acknowledged

                await server.request_reconnect(0)  # op 7: the client must resume again
                await server.wait_resumed(0, count=2)
                again = await server.interaction(
                    guild.id, channel.id, listener, "ask", {"question": "And now?", "episode": "Sleep"}
                )
                await server.wait_for_callback(again.id)
                await server.wait_for_followups(again.id)
            assert server.identify_count[0] == 1
            assert server.problems == []

    run_scenario(scenario)


def test_unknown_session_makes_the_client_identify_again() -> None:
    async def scenario() -> None:
        async with FakeDiscord() as server:
            guild, listener = add_listener_guild(server)
            client = make_client(FastClient)
            tree = ask_tree(client)
            async with running_client(server, client):
                tree.copy_global_to(guild=discord.Object(guild.id))
                await tree.sync(guild=discord.Object(guild.id))
                first = server.sessions[0]
                server.forget_sessions()
                await server.drop_gateway(0)
                second = await server.wait_identified(0, count=2)
                assert server.invalid_sessions == 1
                assert second.session_id != first.session_id
                sent = await server.interaction(
                    guild.id, guild.text_channel.id, listener, "ask", {"question": "q", "episode": "e"}
                )
                await server.wait_for_callback(sent.id)
                await server.wait_for_followups(sent.id)
            assert server.problems == []

    run_scenario(scenario)


def test_auto_sharded_client_gets_only_its_guilds_per_shard() -> None:
    async def scenario() -> None:
        async with FakeDiscord(shard_count=2) as server:
            listener = server.new_user("listener")
            guilds = [
                server.add_guild(
                    server.new_guild_id(shard_id=shard), f"Guild on shard {shard}", members=[listener]
                )
                for shard in (0, 1)
            ]
            client = make_client(FastShardedClient)
            tree = ask_tree(client)
            async with running_client(server, client):
                assert client.shard_count == 2
                for shard, guild in enumerate(guilds):
                    session = server.sessions[shard]
                    assert session.identify["shard"] == [shard, 2]
                    assert session.guild_ids == [guild.id]
                    found = client.get_guild(guild.id)
                    assert found is not None and found.shard_id == shard
                await tree.sync()  # global commands
                sent = await server.interaction(
                    guilds[1].id,
                    guilds[1].text_channel.id,
                    listener,
                    "ask",
                    {"question": "q", "episode": "e"},
                )
                assert sent.shard_id == 1
                await server.wait_for_callback(sent.id)
                await server.wait_for_followups(sent.id)
            assert server.problems == []
            assert server.unknown_routes == []

    run_scenario(scenario)


def test_wrong_token_is_refused() -> None:
    async def scenario() -> None:
        async with FakeDiscord() as server:
            client = make_client()
            with point_discord_py_at(server):
                with pytest.raises(discord.LoginFailure):
                    await client.login("not-the-token")
                await client.close()
            assert any("401" in p for p in server.problems)

    run_scenario(scenario)


def test_late_interaction_answer_is_rejected_like_discord() -> None:
    async def scenario() -> None:
        async with FakeDiscord(interaction_deadline=0.2) as server:
            guild, listener = add_listener_guild(server)
            client = make_client()
            tree: app_commands.CommandTree[discord.Client] = app_commands.CommandTree(client)

            @tree.command(name="sluggish", description="Answers too late")
            async def sluggish(interaction: Interaction) -> None:
                await asyncio.sleep(0.4)
                await interaction.response.send_message("too late")

            async with running_client(server, client):
                await tree.sync()
                sent = await server.interaction(guild.id, guild.text_channel.id, listener, "sluggish")
                with pytest.raises(AssertionError, match="Unknown interaction"):
                    await server.wait_for_callback(sent.id)
            assert sent.callback is None

    run_scenario(scenario)
