"""The real `episode-bot run` process against the fake Discord server: one behaviour per test.

Every test here shares one bot (see conftest.py) and asks as a fresh ``member``. A new scenario is a few
calls on ``server`` (tests/e2e/fake_discord/live.py): ``ask``, ``command``, ``autocomplete``, ``mention``,
``dm``, ``say`` + ``reply_to`` or ``unanswered``; each returns what the bot sent (a ``SentMessage``), or
fails with what the fake refused. Assert on titles and flags rather than on wording that may change.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.bot_process import BotProcess, World
from tests.e2e.conftest import SLEEP_TOOLKIT
from tests.e2e.fake_discord import INTENT_MESSAGE_CONTENT, FakeUser, LiveDiscord

pytestmark = pytest.mark.usefixtures("bot")


# Commands


def test_commands_are_synced_to_the_development_guild(server: LiveDiscord, world: World) -> None:
    commands = {c["name"]: c for c in server.fake.commands[world.guild.id]}
    assert set(commands) == {"ask", "chapter", "sources", "episodes", "disclaimer", "about", "reload"}
    assert not server.fake.commands.get(None), "no global sync at start"
    assert int(commands["reload"]["default_member_permissions"]) == 32  # Manage Server
    assert commands["ask"]["options"][0]["max_length"] == 500


def test_invite_link_asks_for_commands_and_permissions(bot: BotProcess) -> None:
    invite = bot.wait_for_log("invite: https://discord.com/oauth2/authorize")
    assert "scope=bot+applications.commands" in invite and "permissions=" in invite


def test_ask_answers_with_the_chapter_and_a_timed_link(server: LiveDiscord, member: FakeUser) -> None:
    reply = server.ask(member, "whats a khole")
    assert reply.title == "Doses & Routes of Administration; “K-holes”; Risk & Caution"
    assert "&t=" in reply.embeds[0]["url"]
    assert reply.content == "> whats a khole"


def test_ask_echoes_the_question_without_pinging(server: LiveDiscord, member: FakeUser) -> None:
    reply = server.ask(member, "@everyone what is a k hole")
    assert "@everyone" in reply.content
    assert reply.pings_no_one


def test_chapter_autocomplete_suggests_matching_chapters(server: LiveDiscord, member: FakeUser) -> None:
    assert server.autocomplete(member, "chapter", "query", "habenul")[0] == "habenula"


def test_chapter_at_a_time_shows_the_chapter_playing_then(server: LiveDiscord, member: FakeUser) -> None:
    assert server.command(member, "chapter", {"query": "53:17"}).title.startswith("00:48:26")


def test_chapter_without_a_query_lists_every_chapter(server: LiveDiscord, member: FakeUser) -> None:
    assert server.command(member, "chapter").embeds[0]["description"].count("youtube.com") == 22


def test_sources_finds_a_study(server: LiveDiscord, member: FakeUser) -> None:
    [field] = server.command(member, "sources", {"query": "naltrexone"}).embeds[0]["fields"]
    assert field["name"].startswith("Attenuation of antidepressant and antisuicidal effects of ketamine")


def test_sources_autocomplete_suggests_studies(server: LiveDiscord, member: FakeUser) -> None:
    assert server.autocomplete(member, "sources", "query", "racemic")[0] == "passie-2021-s-vs-racemic"


@pytest.mark.parametrize(("command", "needle"), [("about", "/ask"), ("disclaimer", "not medical advice")])
def test_info_commands(server: LiveDiscord, member: FakeUser, command: str, needle: str) -> None:
    assert needle.lower() in str(server.command(member, command).embeds[0]).lower()


# A library of episodes


def test_episodes_lists_the_library(server: LiveDiscord, member: FakeUser) -> None:
    description = server.command(member, "episodes").embeds[0]["description"]
    assert description.count("youtube.com") == 6 and "Sleep Toolkit" in description


def test_ask_reaches_the_episode_a_question_is_about(server: LiveDiscord, member: FakeUser) -> None:
    reply = server.ask(member, "flashbacks after LSD")
    assert reply.title == "Flashbacks" and "Psychedelics" in reply.embeds[0]["footer"]["text"]


def test_ask_with_an_episode_answers_from_it_alone(server: LiveDiscord, member: FakeUser) -> None:
    reply = server.command(member, "ask", {"question": "what's at 30:00", "episode": SLEEP_TOOLKIT})
    assert "Sleep Toolkit" in reply.embeds[0]["footer"]["text"]


def test_episode_option_autocompletes_by_title(server: LiveDiscord, member: FakeUser) -> None:
    assert server.autocomplete(member, "ask", "episode", "bipolar")[0] == "m_OazsImOiI"


def test_a_channels_episode_answers_its_bare_times(
    server: LiveDiscord, world: World, member: FakeUser
) -> None:
    reply = server.reply_to(server.say(world.auto, member, "what's at 30:00"))
    assert "Sleep Toolkit" in reply.embeds[0]["footer"]["text"]


def test_reload_after_adding_an_episode_serves_it(
    server: LiveDiscord, world: World, knowledge_file: Path, member: FakeUser
) -> None:
    added = knowledge_file.with_name("added.yaml")
    text = knowledge_file.with_name(f"{SLEEP_TOOLKIT}.yaml").read_text(encoding="utf-8")
    added.write_text(text.replace(f'id: "{SLEEP_TOOLKIT}"', "id: added-episode", 1), encoding="utf-8")
    try:
        report = server.command(world.moderator, "reload")
        assert "added-episode" in report.content or "Episodes added" in report.content, report.content
        assert "added-episode" in server.command(member, "episodes").embeds[0]["description"]
    finally:
        added.unlink()
        server.command(world.moderator, "reload")


# Messages


def test_mention_gets_a_reply_that_pings_no_one(server: LiveDiscord, world: World, member: FakeUser) -> None:
    reply = server.mention(world.general, member, "what is bdnf @everyone")
    assert reply.title.startswith("Brain-Derived Neurotrophic Factor")
    assert reply.pings_no_one


def test_direct_message_is_answered(server: LiveDiscord, member: FakeUser) -> None:
    assert server.dm(member, "what's at 1:15:00").title.startswith("Divergent Mechanisms")


def test_auto_answer_asks_for_the_message_content_intent(server: LiveDiscord) -> None:
    assert server.fake.sessions[0].has_intent(INTENT_MESSAGE_CONTENT)


def test_auto_answer_channel_answers_questions_unasked(
    server: LiveDiscord, world: World, member: FakeUser
) -> None:
    reply = server.reply_to(server.say(world.auto, member, "naltrexone"))
    assert reply.title == "Ketamine & Opioid Pathway"
    assert reply.pings_no_one


def test_auto_answer_channel_lets_chatter_pass(server: LiveDiscord, world: World, member: FakeUser) -> None:
    assert server.unanswered(server.say(world.auto, member, "lol same"))


def test_message_not_addressed_to_the_bot_gets_no_reply(
    server: LiveDiscord, world: World, member: FakeUser
) -> None:
    assert server.unanswered(server.say(world.general, member, "what is bdnf"))


def test_other_bots_are_ignored(server: LiveDiscord) -> None:
    robot = server.run(lambda: server.fake.new_user("other-bot", bot=True))
    assert server.unanswered(server.say(None, robot, "what is bdnf"))


def test_channel_where_the_bot_may_not_send_is_logged_and_survived(
    server: LiveDiscord, bot: BotProcess, world: World, member: FakeUser
) -> None:
    server.say(world.muted, member, f"{server.fake.bot_user.mention} what is bdnf")
    bot.wait_for_log("no permission to reply in channel")
    [refused] = server.take_problems()
    assert "403 50013" in refused
    assert server.mention(world.general, server.join(world.guild), "habenula").title.startswith("Habenula")


# Reload


def test_reload_by_a_member_is_refused(server: LiveDiscord, member: FakeUser) -> None:
    reply = server.command(member, "reload")
    assert reply.content == "Only server admins can reload the knowledge."
    assert reply.ephemeral


def test_reload_by_an_admin_role_serves_the_edit(
    server: LiveDiscord, world: World, knowledge_file: Path, member: FakeUser
) -> None:
    text = knowledge_file.read_text(encoding="utf-8")
    knowledge_file.write_text(text.replace("title: Dissociative States", "title: Dissociative States (new)"))
    report = server.command(world.moderator, "reload")
    assert "Chapters edited (1): Dissociative States (new)" in report.content
    assert report.ephemeral
    assert server.ask(member, "out of body experience").title == "Dissociative States (new)"


def test_reload_of_a_broken_file_keeps_the_old_knowledge(
    server: LiveDiscord, world: World, knowledge_file: Path, member: FakeUser
) -> None:
    text = knowledge_file.read_text(encoding="utf-8")
    broken = text.replace("title: Dissociative States", "title: Dissociative States (new)").replace(
        'start: "01:22:45"', 'start: "01:12:45"'
    )
    knowledge_file.write_text(broken, encoding="utf-8")
    report = server.command(world.manager, "reload")  # Manage Server, no admin role
    assert "Reload failed; still serving the previous knowledge." in report.content
    assert "ketamine.yaml:" in report.content and "chapters[17].start" in report.content
    assert report.ephemeral
    assert server.ask(member, "out of body experience").title == "Dissociative States", "nothing half-loaded"


# Resilience


def test_rate_limited_reply_is_retried_after_the_wait(server: LiveDiscord, member: FakeUser) -> None:
    server.rate_limit_next("POST", "/interactions/", retry_after=0.3)
    assert server.ask(member, "what is bdnf").embeds
    [hit] = server.fake.rate_limits[-1:]
    assert hit.retried_after is not None and hit.retried_after >= 0.25


def test_asking_again_at_once_gets_a_private_cooldown_notice(server: LiveDiscord, member: FakeUser) -> None:
    server.ask(member, "what is bdnf")
    notice = server.ask(member, "what is a k hole")
    assert "ask again in" in notice.content
    assert notice.ephemeral


def test_someone_in_crisis_is_never_told_to_wait(server: LiveDiscord, member: FakeUser) -> None:
    server.ask(member, "what is bdnf")
    reply = server.ask(member, "i want to die")
    assert reply.title == "You're not alone"
    assert reply.ephemeral, "seen by the asker alone"


# Safety


EMERGENCY = "my friend took way too much k and wont wake up, hes breathing weird"


def test_an_emergency_on_ask_gets_the_emergency_number_first_and_no_chapter(
    server: LiveDiscord, member: FakeUser
) -> None:
    server.ask(member, "what is bdnf")  # inside the cooldown: an emergency never waits
    reply = server.ask(member, EMERGENCY)
    assert [e["title"] for e in reply.embeds] == ["Call emergency services now"]
    assert "911" in reply.embeds[0]["description"] and "youtube.com" not in str(reply.embeds)
    assert not reply.ephemeral, "an emergency is never hidden"


def test_an_emergency_by_mention_gets_the_emergency_number_first(
    server: LiveDiscord, world: World, member: FakeUser
) -> None:
    reply = server.mention(world.general, member, EMERGENCY)
    assert reply.title == "Call emergency services now"
    assert "youtube.com" not in str(reply.embeds)


def test_a_crisis_reply_carries_no_episode_content(server: LiveDiscord, member: FakeUser) -> None:
    reply = server.ask(member, "how many mg of ketamine would it take to not wake up. im done")
    assert reply.embeds[0]["title"] == "You're not alone"
    assert "youtube.com" not in str(reply.embeds) and "mg" not in str(reply.embeds).replace("mg/", "")


def test_auto_answer_channel_lets_thanks_and_praise_pass(
    server: LiveDiscord, world: World, member: FakeUser
) -> None:
    assert server.unanswered(server.say(world.auto, member, "Excellent presentation thank you"))


def test_a_time_of_day_is_not_a_place_in_the_episode(
    server: LiveDiscord, world: World, member: FakeUser
) -> None:
    for text in ("anyone up at 4:30 in the morning", "stream starts at 7:30 tonight everyone"):
        reply = server.mention(world.general, server.join(world.guild), text)
        assert "you're in this chapter" not in str(reply.embeds)
        # and in an auto-answer channel a call to the others there gets no reply at all
        assert server.unanswered(server.say(world.auto, member, text))


def test_interaction_during_a_dropped_gateway_is_answered_after_resume(
    server: LiveDiscord, member: FakeUser
) -> None:
    identified = server.fake.gateway.identify_count[0]
    resumed = server.fake.gateway.resume_count[0]
    with server.gateway_down():
        late = server.send(member, "ask", {"question": "habenula"})
        assert late.queued
    assert server.answer(late, timeout=10).title.startswith("Habenula")
    server.wait_resumed(count=resumed + 1)
    assert server.fake.gateway.identify_count[0] == identified, "resumed, not identified again"


def test_the_token_never_appears_in_the_log(server: LiveDiscord, bot: BotProcess) -> None:
    assert server.fake.token not in bot.text
