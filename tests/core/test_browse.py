"""Browsing by name: chapter and study suggestions for autocomplete, and lookups."""

from __future__ import annotations

from bot.core import Engine
from bot.core.browse import find_chapter, find_studies, suggest_chapters, suggest_studies
from tests.conftest import chapter_by_id


def test_suggestions_are_bounded(engine: Engine) -> None:
    for typed in ("", "k", "nmda", "53:17", "dissociative", "x" * 300):
        assert len(suggest_chapters(engine, typed)) <= 25


def test_no_query_lists_every_chapter(engine: Engine) -> None:
    assert [v for _, v in suggest_chapters(engine, "")] == [c.id for c in engine.episode.chapters]


def test_chapter_by_title_fragment_typo_time_and_topic(engine: Engine) -> None:
    assert suggest_chapters(engine, "habenul")[0][1] == "habenula"
    assert suggest_chapters(engine, "dissociatve states")[0][1] == "dissociation"
    assert suggest_chapters(engine, "53:17") == [
        ("00:48:26 How Ketamine Functions in Brain; Acute & Long-Term Effects", "brain-mechanism")
    ]
    assert find_chapter(engine, "whats a khole") == chapter_by_id(engine.episode, "doses-routes-khole")
    assert find_chapter(engine, "bdnf") == chapter_by_id(engine.episode, "bdnf")
    assert find_chapter(engine, "sponsor-ag1") == chapter_by_id(engine.episode, "sponsor-ag1")
    assert find_chapter(engine, "3:00:00") is None


def test_studies(engine: Engine) -> None:
    assert len(find_studies(engine, "")) == 5
    assert [s.id for s in find_studies(engine, "naltrexone")] == ["williams-2019-naltrexone"]
    assert find_studies(engine, "Berman")[0].id == "berman-2000"
    assert find_studies(engine, "atai-pcn101-2023")[0].id == "atai-pcn101-2023"
    suggestions = suggest_studies(engine, "racemic")
    assert suggestions and suggestions[0][1] == "passie-2021-s-vs-racemic"
