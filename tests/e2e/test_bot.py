"""The real `episode-bot run` process against the local Discord-protocol server, over sockets."""

from __future__ import annotations

import asyncio
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.bot_process import EPISODE_BOT, bot_env, bot_process, build_world, copy_knowledge
from tests.e2e.fake_discord import (
    INTENT_DIRECT_MESSAGES,
    INTENT_GUILD_MESSAGES,
    INTENT_GUILDS,
    INTENT_MESSAGE_CONTENT,
    FakeDiscord,
    FakeDiscordTimeoutError,
    InteractionRecord,
    run_scenario,
)

EPHEMERAL = 1 << 6
SCENARIO_TIMEOUT = 60.0


def reply_data(record: InteractionRecord) -> dict[str, Any]:
    """The message data of an interaction's immediate reply."""
    assert record.callback is not None and record.callback.type == 4, record.callback
    assert record.callback.data is not None
    return record.callback.data


def no_pings(payload: dict[str, Any]) -> None:
    """The message was sent with every kind of mention switched off."""
    allowed = payload.get("allowed_mentions")
    assert allowed is not None and allowed.get("parse") == [], allowed
    assert not allowed.get("users") and not allowed.get("roles") and not allowed.get("replied_user")


def test_commands_are_synced_and_answered(tmp_path: Path) -> None:
    knowledge = copy_knowledge(tmp_path)

    async def scenario() -> None:
        async with FakeDiscord() as server:
            world = build_world(server)
            guild, general, member = world.guild.id, world.general.id, world.member
            extra = {"DEV_GUILD_ID": str(guild), "LOG_LEVEL": "DEBUG"}
            async with bot_process(server, knowledge, extra) as bot:
                commands = {c["name"]: c for c in server.commands[guild]}
                assert set(commands) == {"ask", "chapter", "sources", "disclaimer", "about", "reload"}
                assert None not in server.commands or not server.commands[None], "no global sync at start"
                assert all(c["description"] for c in commands.values())
                assert all(o["description"] for c in commands.values() for o in c["options"])
                assert int(commands["reload"]["default_member_permissions"]) == 32  # Manage Server
                assert commands["ask"]["options"][0]["max_length"] == 500

                session = server.sessions[0]
                assert session.intents == INTENT_GUILDS | INTENT_GUILD_MESSAGES | INTENT_DIRECT_MESSAGES
                invite = await bot.wait_for_log("invite: https://discord.com/oauth2/authorize")
                assert "scope=bot+applications.commands" in invite and "permissions=" in invite

                ask = await server.interaction(guild, general, member, "ask", {"question": "whats a khole"})
                data = reply_data(await server.wait_for_callback(ask.id))
                [embed] = data["embeds"]
                assert embed["title"] == "Doses & Routes of Administration; “K-holes”; Risk & Caution"
                assert "&t=" in embed["url"]
                assert data["content"] == "> whats a khole"
                no_pings(data)

                typed = await server.interaction(
                    guild, general, member, "chapter", {"query": "habenul"}, type=4, focused="query"
                )
                choices = (await server.wait_for_callback(typed.id)).choices
                assert choices[0]["value"] == "habenula" and len(choices) <= 25

                at = await server.interaction(guild, general, member, "chapter", {"query": "53:17"})
                assert reply_data(await server.wait_for_callback(at.id))["embeds"][0]["title"].startswith(
                    "00:48:26"
                )

                listing = await server.interaction(guild, general, member, "chapter")
                description = reply_data(await server.wait_for_callback(listing.id))["embeds"][0][
                    "description"
                ]
                assert description.count("youtube.com") == 22

                sources = await server.interaction(guild, general, member, "sources", {"query": "naltrexone"})
                fields = reply_data(await server.wait_for_callback(sources.id))["embeds"][0]["fields"]
                [field] = fields
                assert field["name"].startswith(
                    "Attenuation of antidepressant and antisuicidal effects of ketamine"
                )
                typed = await server.interaction(
                    guild, general, member, "sources", {"query": "racemic"}, type=4, focused="query"
                )
                assert (await server.wait_for_callback(typed.id)).choices[0][
                    "value"
                ] == "passie-2021-s-vs-racemic"

                for name, needle in (("about", "/ask"), ("disclaimer", "not medical advice")):
                    record = await server.interaction(guild, general, member, name)
                    text = str(reply_data(await server.wait_for_callback(record.id))["embeds"][0])
                    assert needle.lower() in text.lower()

                assert not server.problems, server.problems
            assert server.token not in bot.text, "the token never appears in the log"

    run_scenario(scenario, timeout=SCENARIO_TIMEOUT)


def test_mentions_dms_auto_channel_and_nothing_pings(tmp_path: Path) -> None:
    knowledge = copy_knowledge(tmp_path)

    async def scenario() -> None:
        async with FakeDiscord() as server:
            world = build_world(server)
            guild, general, member = world.guild.id, world.general.id, world.member
            extra = {"DEV_GUILD_ID": str(guild), "AUTO_ANSWER_CHANNEL_IDS": str(world.auto.id)}
            async with bot_process(server, knowledge, extra) as bot:
                assert server.sessions[0].has_intent(INTENT_MESSAGE_CONTENT), (
                    "auto-answer needs message content"
                )
                bot_mention = f"<@{server.bot_user.id}>"

                asked = await server.message_create(
                    guild, general, member, f"{bot_mention} what is bdnf @everyone"
                )
                reply = await server.wait_for_channel_message(general)
                assert int(reply.payload["message_reference"]["message_id"]) == int(asked["id"])
                assert reply.payload["embeds"][0]["title"].startswith("Brain-Derived Neurotrophic Factor")
                no_pings(reply.payload)
                assert not reply.pinged_everyone and not reply.pinged_user_ids

                ask = await server.interaction(
                    guild, general, member, "ask", {"question": "@everyone what is a k hole"}
                )
                data = reply_data(await server.wait_for_callback(ask.id))
                assert "@everyone" in data["content"]
                no_pings(data)
                callback = (await server.wait_for_callback(ask.id)).callback
                assert callback is not None and callback.message is not None
                assert not callback.message.pinged_everyone

                await server.message_create(None, None, member, "what's at 1:15:00")
                dm = await server.wait_for_channel_message(server.dm_channel_for(member))
                assert dm.payload["embeds"][0]["title"].startswith("Divergent Mechanisms")

                await server.message_create(guild, world.auto.id, member, "lol same")
                await server.message_create(guild, world.auto.id, member, "naltrexone")
                auto = await server.wait_for_channel_message(world.auto.id)
                assert auto.payload["embeds"][0]["title"] == "Ketamine & Opioid Pathway", (
                    "chatter got no reply"
                )

                # Not addressed to the bot: no reply. From another bot: ignored.
                await server.message_create(guild, general, member, "what is bdnf")
                robot = server.new_user("other-bot", bot=True)
                await server.message_create(None, None, robot, "what is bdnf")
                with pytest.raises(FakeDiscordTimeoutError):
                    await server.wait_for_channel_message(general, timeout=1.0)
                with pytest.raises(FakeDiscordTimeoutError):
                    await server.wait_for_channel_message(server.dm_channel_for(robot), timeout=0.5)

                # A channel where the bot may not send: logged, and the bot goes on answering.
                await server.message_create(guild, world.muted.id, member, f"{bot_mention} what is bdnf")
                await bot.wait_for_log("no permission to reply in channel")
                await server.message_create(guild, general, member, f"{bot_mention} habenula")
                assert (
                    (await server.wait_for_channel_message(general))
                    .payload["embeds"][0]["title"]
                    .startswith("Habenula")
                )

    run_scenario(scenario, timeout=SCENARIO_TIMEOUT)


def test_reload_by_admins_keeps_old_knowledge_on_a_broken_file(tmp_path: Path) -> None:
    knowledge = copy_knowledge(tmp_path)
    file = knowledge / "ketamine.yaml"

    async def scenario() -> None:
        async with FakeDiscord() as server:
            world = build_world(server)
            guild, general = world.guild.id, world.general.id
            extra = {"DEV_GUILD_ID": str(guild), "ADMIN_ROLE_IDS": str(world.moderators.id)}
            async with bot_process(server, knowledge, extra):

                async def ask_title(question: str) -> str:
                    record = await server.interaction(
                        guild, general, world.member, "ask", {"question": question}
                    )
                    return str(reply_data(await server.wait_for_callback(record.id))["embeds"][0]["title"])

                refused = await server.interaction(guild, general, world.member, "reload")
                data = reply_data(await server.wait_for_callback(refused.id))
                assert data["content"] == "Only server admins can reload the knowledge."
                assert data["flags"] & EPHEMERAL

                text = file.read_text(encoding="utf-8")
                file.write_text(
                    text.replace("title: Dissociative States", "title: Dissociative States (new)")
                )
                good = await server.interaction(guild, general, world.moderator, "reload")
                [report] = await server.wait_for_followups(good.id, timeout=10)
                assert "Chapters edited (1): Dissociative States (new)" in report.content
                assert await ask_title("out of body experience") == "Dissociative States (new)"

                broken = file.read_text(encoding="utf-8").replace('start: "01:22:45"', 'start: "01:12:45"')
                file.write_text(broken, encoding="utf-8")
                bad = await server.interaction(guild, general, world.manager, "reload")
                [report] = await server.wait_for_followups(bad.id, timeout=10)
                assert "Reload failed; still serving the previous knowledge." in report.content
                assert "ketamine.yaml:" in report.content and "chapters[17].start" in report.content
                assert report.ephemeral
                assert await ask_title("out of body experience") == "Dissociative States (new)"
                assert not server.problems, server.problems

    run_scenario(scenario, timeout=SCENARIO_TIMEOUT)


def test_rate_limit_resume_and_cooldown(tmp_path: Path) -> None:
    knowledge = copy_knowledge(tmp_path)

    async def scenario() -> None:
        async with FakeDiscord() as server:
            world = build_world(server)
            guild, general, member = world.guild.id, world.general.id, world.member
            extra = {"DEV_GUILD_ID": str(guild), "COOLDOWN_SECONDS": "60"}
            async with bot_process(server, knowledge, extra):
                # A 429 on the reply is waited out, then the reply goes through.
                server.rate_limit_next("POST", "/interactions/", retry_after=0.3)
                first = await server.interaction(guild, general, member, "ask", {"question": "what is bdnf"})
                assert reply_data(await server.wait_for_callback(first.id, timeout=5))["embeds"]
                [hit] = server.rate_limits
                assert hit.retried_after is not None and hit.retried_after >= 0.25

                # Asked again at once: a friendly notice only the asker sees.
                again = await server.interaction(
                    guild, general, member, "ask", {"question": "what is a k hole"}
                )
                data = reply_data(await server.wait_for_callback(again.id))
                assert "ask again in" in data["content"] and data["flags"] & EPHEMERAL
                # Someone in danger is never told to wait; the reply is theirs alone, resources first.
                crisis = await server.interaction(
                    guild, general, member, "ask", {"question": "i want to die"}
                )
                data = reply_data(await server.wait_for_callback(crisis.id))
                assert data["flags"] & EPHEMERAL
                assert data["embeds"][0]["title"] == "You're not alone"

                # The gateway drops; an interaction sent meanwhile is answered after RESUME.
                async with server.gateway_down(0):
                    late = await server.interaction(
                        guild, general, world.moderator, "ask", {"question": "habenula"}
                    )
                    assert late.queued
                answered = await server.wait_for_callback(late.id, timeout=10)
                assert reply_data(answered)["embeds"][0]["title"].startswith("Habenula")
                await server.wait_resumed(0)
                assert server.identify_count[0] == 1, "resumed, not identified again"
                assert not server.problems, server.problems

    run_scenario(scenario, timeout=SCENARIO_TIMEOUT)


def test_two_shard_processes_each_answer_their_own_guilds(tmp_path: Path) -> None:
    knowledge = copy_knowledge(tmp_path)

    async def scenario() -> None:
        async with FakeDiscord(shard_count=2) as server:
            worlds = [build_world(server, server.new_guild_id(shard_id=shard)) for shard in (0, 1)]
            env = bot_env(server, knowledge)
            sync = await asyncio.create_subprocess_exec(
                str(EPISODE_BOT),
                "sync",
                env=env,
                cwd=knowledge.parent,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.STDOUT,
            )
            output, _ = await asyncio.wait_for(sync.communicate(), 30)
            assert sync.returncode == 0, output.decode()
            assert "synced 6 commands globally" in output.decode()

            shards = [{"SHARD_COUNT": "2", "SHARD_IDS": str(shard)} for shard in (0, 1)]
            async with (
                bot_process(server, knowledge, shards[0]) as first,
                bot_process(server, knowledge, shards[1]),
            ):
                assert "shards [0]" in await first.wait_for_log("ready as")
                for shard, world in enumerate(worlds):
                    assert set(server.sessions[shard].guild_ids) == {world.guild.id}
                    assert server.sessions[shard].shard_count == 2
                    record = await server.interaction(
                        world.guild.id, world.general.id, world.member, "ask", {"question": "bdnf"}
                    )
                    assert record.shard_id == shard
                    assert reply_data(await server.wait_for_callback(record.id))["embeds"]
                assert not server.problems, server.problems

    run_scenario(scenario, timeout=SCENARIO_TIMEOUT)


@pytest.mark.parametrize(
    ("env", "needle"),
    [
        ({"SHARD_COUNT": "2", "SHARD_IDS": "2"}, "SHARD_IDS: 2 is not below SHARD_COUNT"),
        ({"ADMIN_ROLE_IDS": "mods"}, "ADMIN_ROLE_IDS: 'mods' is not a Discord id"),
        ({"DISCORD_API_BASE": "localhost"}, "DISCORD_API_BASE:"),
    ],
)
def test_bad_configuration_exits_naming_the_variable(
    tmp_path: Path, env: dict[str, str], needle: str
) -> None:
    result = subprocess.run(
        [str(EPISODE_BOT), "run"],
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "DISCORD_TOKEN": "token.that.is.secret", **env},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert needle in result.stderr
    assert "token.that.is.secret" not in result.stderr + result.stdout


def test_rejected_token_exits_non_zero(tmp_path: Path) -> None:
    knowledge = copy_knowledge(tmp_path)

    async def scenario() -> None:
        async with FakeDiscord() as server:
            env = bot_env(server, knowledge, {"DISCORD_TOKEN": "wrong.token.value"})
            process = await asyncio.create_subprocess_exec(
                str(EPISODE_BOT),
                "run",
                env=env,
                cwd=knowledge.parent,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.STDOUT,
            )
            output, _ = await asyncio.wait_for(process.communicate(), 30)
            assert process.returncode == 1
            assert "DISCORD_TOKEN was rejected" in output.decode()
            assert "wrong.token.value" not in output.decode()

    run_scenario(scenario, timeout=SCENARIO_TIMEOUT)
