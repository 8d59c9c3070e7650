"""Every answer, chapter and study view fits Discord's embed limits; safety blocks come first."""

from __future__ import annotations

from dataclasses import replace

import discord
import pytest
import yaml

from bot.core import Episode, KnowledgeBase, Library
from bot.core.reply import compose
from bot.core.text import clip
from bot.core.timecode import short_time
from bot.discord.embeds import (
    CRISIS_COLOUR,
    DESCRIPTION_LIMIT,
    DISCLAIMER_COLOUR,
    FIELD_NAME_LIMIT,
    FIELD_VALUE_LIMIT,
    FIELDS_LIMIT,
    TITLE_LIMIT,
    TOTAL_LIMIT,
    about_embed,
    chapter_embed,
    chapter_list_embed,
    disclaimer_embed,
    episodes_embed,
    fit,
    reply_embeds,
    sources_embed,
    total_length,
)
from tests.conftest import DATA, chapter_by_id


def assert_within_limits(embeds: list[discord.Embed]) -> None:
    assert 1 <= len(embeds) <= 10
    assert total_length(embeds) <= TOTAL_LIMIT
    for embed in embeds:
        assert len(embed.title or "") <= TITLE_LIMIT
        assert len(embed.description or "") <= DESCRIPTION_LIMIT
        assert len(embed.fields) <= FIELDS_LIMIT
        for field in embed.fields:
            assert 0 < len(field.name or "") <= FIELD_NAME_LIMIT
            assert 0 < len(field.value or "") <= FIELD_VALUE_LIMIT


def test_every_chapter_view_fits(episode: Episode) -> None:
    for chapter in episode.chapters:
        assert_within_limits([chapter_embed(chapter, episode)])
    assert_within_limits([chapter_list_embed(episode)])


def test_every_study_view_fits(library: Library, episode: Episode) -> None:
    assert_within_limits([sources_embed(list(episode.studies), episode)])
    for study in episode.studies:
        assert_within_limits([sources_embed([study], episode)])
    disclaimer = disclaimer_embed(library.safety.disclaimer, episode.page)
    assert_within_limits([about_embed(library), disclaimer, episodes_embed(library)])


def test_every_answer_to_our_questions_fits(library: Library, episode: Episode) -> None:
    questions = [
        c["q"] for path in DATA.glob("*questions*.yaml") for c in yaml.safe_load(path.read_text("utf-8"))
    ]
    questions += [
        "list every study",
        "I want to die and how much ketamine should I take",
        "",
        "2:59:00",
        "x" * 600,
    ]
    for question in questions:
        assert_within_limits(reply_embeds(compose(library.answer(question), library.safety)))


def test_help_comes_alone_and_the_disclaimer_first(library: Library, episode: Episode) -> None:
    embeds = reply_embeds(
        compose(library.answer("I'm suicidal, how much ketamine should I take"), library.safety)
    )
    assert [e.colour for e in embeds] == [CRISIS_COLOUR]
    assert "988" in "".join(str(f.value) for f in embeds[0].fields)
    advice = reply_embeds(compose(library.answer("how many mg should I take"), library.safety))
    assert advice[0].colour == DISCLAIMER_COLOUR
    assert advice[-1].url and "t=" in advice[-1].url


def test_answer_embed_links_to_the_moment(library: Library, episode: Episode) -> None:
    [embed] = reply_embeds(compose(library.answer("what is a k hole"), library.safety))
    assert embed.title == chapter_by_id(episode, "doses-routes-khole").title
    assert embed.url is not None and embed.url.startswith(
        f"https://www.youtube.com/watch?v={episode.video_id}&t="
    )
    assert "Matched:" in (embed.description or "")


def test_fit_trims_an_oversized_message() -> None:
    big = discord.Embed(description="d" * 4000)
    for i in range(25):
        big.add_field(name=f"field {i}", value="v" * 1000)
    trimmed = fit([big])
    assert total_length(trimmed) <= TOTAL_LIMIT
    assert trimmed[0].fields


@pytest.mark.parametrize("question", ["tell me a joke", "", "what's at 2:59:00"])
def test_misses_say_how_to_browse(library: Library, episode: Episode, question: str) -> None:
    [embed] = reply_embeds(compose(library.answer(question), library.safety))
    text = embed.description or ""
    assert "/chapter" in text and "`chapters`" not in text, "Discord's own commands, not the terminal's"


def test_the_episode_list_reads_only_the_episodes_it_shows(knowledge: KnowledgeBase) -> None:
    many = tuple(replace(e, id=f"{e.id}-{n}", featured=False) for n in range(40) for e in knowledge.episodes)
    library = Library(KnowledgeBase(many, knowledge.safety))
    read: list[str] = []

    def card(i: int) -> Episode:
        read.append(many[i].id)
        return many[i]

    # The test looks inside on purpose: every episode unread again, and each read counted.
    library._cards._made = [None] * len(many)
    library._cards._read = card
    lines = [
        f"[{e.title}]({e.url}) · {e.released.isoformat()} · {short_time(e.duration)} · `{e.id}`" for e in many
    ]
    assert episodes_embed(library).description == clip("\n".join(lines), DESCRIPTION_LIMIT)
    assert 0 < len(read) < len(many) // 4
