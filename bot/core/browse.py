"""Browsing an episode by name: ranked suggestions and lookups for chapters and studies."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from bot.core.engine import Engine
from bot.core.message import read
from bot.core.models import Chapter, Study
from bot.core.text import fold
from bot.core.timecode import find_time, format_time

SUGGESTIONS = 25


def chapter_label(chapter: Chapter) -> str:
    """'00:34:29 NMDA Receptor & Neuroplasticity'."""
    return f"{format_time(chapter.start)} {chapter.title}"


def suggest_chapters(engine: Engine, typed: str, limit: int = SUGGESTIONS) -> list[tuple[str, str]]:
    """(label, chapter id) pairs for what has been typed so far: a time, a title fragment or a topic."""
    chapters = engine.episode.chapters
    typed = typed.strip()
    if not typed:
        return [(chapter_label(c), c.id) for c in chapters][:limit]
    at = find_time(typed)
    if at is not None:
        chapter = engine.episode.chapter_at(at)
        return [(chapter_label(chapter), chapter.id)] if chapter else []
    labels = {c.id: fold(chapter_label(c)) for c in chapters}
    by_title = process.extract(fold(typed), labels, scorer=fuzz.WRatio, limit=limit, score_cutoff=60)
    ranked = [key for _, _, key in by_title]
    for match in engine.find(read(typed))[0]:
        if match.chapter.id not in ranked:
            ranked.insert(min(len(ranked), 1), match.chapter.id)
    by_id = {c.id: c for c in chapters}
    return [(chapter_label(by_id[i]), i) for i in ranked][:limit]


def find_chapter(engine: Engine, query: str) -> Chapter | None:
    """The chapter a /chapter query names: an id from autocomplete, a time, a title, or a topic."""
    query = query.strip()
    by_id = {c.id: c for c in engine.episode.chapters}
    if query in by_id:
        return by_id[query]
    at = find_time(query)
    if at is not None:
        return engine.episode.chapter_at(at)
    suggestions = suggest_chapters(engine, query, limit=1)
    return by_id[suggestions[0][1]] if suggestions else None


def suggest_studies(engine: Engine, typed: str, limit: int = SUGGESTIONS) -> list[tuple[str, str]]:
    """(label, study id) pairs for what has been typed: author, year, drug or a phrase of the title."""
    studies = engine.episode.studies
    typed = typed.strip()
    labels = {
        s.id: f"{s.authors[0].split()[0] + ' ' if s.authors else ''}{s.year or ''}: {s.title}".strip(": ")
        for s in studies
    }
    if not typed:
        return [(labels[s.id], s.id) for s in studies][:limit]
    found = find_studies(engine, typed)
    return [(labels[s.id], s.id) for s in found][:limit]


def find_studies(engine: Engine, query: str) -> list[Study]:
    """The studies a /sources query names (an id, author, year, drug or title words); all when empty."""
    query = query.strip()
    studies = engine.episode.studies
    if not query:
        return list(studies)
    by_id = {s.id: s for s in studies}
    if query in by_id:
        return [by_id[query]]
    ranked = engine.rank_studies(read(query))
    if ranked:
        return ranked
    # Nothing the index knows: match titles, authors and keywords by name ("racemic", "2019").
    blobs = {s.id: fold(" ".join((s.title, *s.authors, str(s.year or ""), *s.keywords))) for s in studies}
    best = process.extract(fold(query), blobs, scorer=fuzz.partial_ratio, limit=len(studies), score_cutoff=80)
    return [by_id[key] for _, _, key in best]
