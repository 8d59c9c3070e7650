"""Every episode of ../shared/library (and ../shared/episode) imports exactly, loads, and copies no text."""

from __future__ import annotations

import datetime as dt
import os
import re
from functools import cache
from pathlib import Path

import pytest

from bot.core import load_knowledge
from bot.core.text import fold
from bot.ingest import (
    ImportedEpisode,
    ImportOptions,
    import_episode,
    import_options,
    render_episode,
    with_transcript,
)
from bot.ingest.transcript import parse_transcript
from bot.paths import BUNDLED_KNOWLEDGE

# ../shared beside the checkout; a worktree elsewhere points at it with SHARED_DIR.
SHARED = Path(os.environ.get("SHARED_DIR") or BUNDLED_KNOWLEDGE.parent.parent / "shared")
LIBRARY = SHARED / "library"
COMMITTED = BUNDLED_KNOWLEDGE
FOLDERS = sorted(p.name for p in LIBRARY.iterdir() if p.is_dir()) if LIBRARY.is_dir() else []
needs_library = pytest.mark.skipif(
    not FOLDERS, reason=f"{LIBRARY} is absent (set SHARED_DIR to the folder holding library/)"
)
RUN = 7


def transcript_of(folder: Path) -> Path | None:
    """The folder's transcript file, if it has one."""
    found = [folder / n for n in ("transcript.vtt", "transcript.txt") if (folder / n).is_file()]
    return found[0] if found else None


@cache
def imported(name: str) -> ImportedEpisode:
    """One library episode, imported once for every test."""
    folder = LIBRARY / name
    return import_episode(folder / "description.txt", transcript_of(folder), ImportOptions())


def expected_chapters(text: str) -> list[tuple[int, str]]:
    """The chapter list as the notes give it, read independently of the importer."""
    chapters = []
    for line in text.splitlines():
        match = re.match(r"^\(?(\d+):(\d+)(?::(\d+))?\)?\s+(.+)$", line)
        if match and "://" not in line:
            a, b, c = (int(g) if g else None for g in match.groups()[:3])
            seconds = a * 3600 + b * 60 + c if c is not None else a * 60 + b  # type: ignore[operator]
            chapters.append((seconds, match.group(4).strip()))
    return chapters


def expected_articles(text: str) -> list[tuple[str, str]]:
    """`Title: link` lines under the Articles heading, read independently of the importer."""
    lines = text.splitlines()
    if "Articles" not in [line.strip() for line in lines]:
        return []
    start = [line.strip() for line in lines].index("Articles") + 1
    articles = []
    for line in lines[start:]:
        if ": http" not in line:
            break
        title, url = line.rsplit(": ", 1)
        articles.append((title.strip(), url.strip()))
    return articles


def words(text: str) -> list[str]:
    """Folded words, as a reader would see a run of them."""
    return re.findall(r"[a-z0-9]+", fold(text))


def runs(tokens: list[str]) -> set[tuple[str, ...]]:
    """Every run of RUN consecutive words."""
    return {tuple(tokens[i : i + RUN]) for i in range(len(tokens) - RUN + 1)}


@needs_library
@pytest.mark.parametrize("name", FOLDERS)
def test_chapters_and_articles_exactly_as_the_notes_give_them(name: str) -> None:
    text = (LIBRARY / name / "description.txt").read_text(encoding="utf-8")
    episode = imported(name)
    assert [(c.start, c.title) for c in episode.chapters] == expected_chapters(text)
    assert [(s.title, s.url) for s in episode.studies] == expected_articles(text)
    assert episode.video_id == episode.id == name
    kinds = [c.kind for c in episode.chapters]
    assert kinds[0] == "intro" and kinds[-1] == "outro"
    assert all(
        k == "sponsor" for c, k in zip(episode.chapters, kinds, strict=True) if "Sponsor" in c.title[:8]
    )


@needs_library
def test_the_article_lists_are_read() -> None:
    with_articles = {n: len(imported(n).studies) for n in FOLDERS if imported(n).studies}
    assert with_articles == {"K-TW2Chpz4k": 5, "ufsIA5NARIo": 1}


@needs_library
@pytest.mark.parametrize("name", FOLDERS)
def test_load_knowledge_accepts_every_import(name: str, tmp_path: Path) -> None:
    (tmp_path / f"{name}.yaml").write_text(render_episode(imported(name)), encoding="utf-8")
    episode = load_knowledge(tmp_path).episodes[0]
    assert len(episode.chapters) == len(imported(name).chapters)
    assert bool(episode.windows) == (transcript_of(LIBRARY / name) is not None)
    assert all(c.summary == "" for c in episode.chapters)


@pytest.mark.skipif(not (SHARED / "episode").is_dir(), reason=f"{SHARED / 'episode'} is absent")
def test_the_ketamine_episode_imports_with_its_bracket_transcript(tmp_path: Path) -> None:
    folder = SHARED / "episode"
    options = ImportOptions(video_id="Rxmv7rT9leo", released=dt.date(2023, 8, 7))
    episode = import_episode(folder / "description.txt", folder / "transcript.txt", options)
    text = (folder / "description.txt").read_text(encoding="utf-8")
    assert [(c.start, c.title) for c in episode.chapters] == expected_chapters(text)
    assert [(s.title, s.url) for s in episode.studies] == expected_articles(text)
    assert episode.title == "Ketamine: Benefits and Risks for Depression, PTSD & Neuroplasticity"
    # The hand-written file's kinds, found from the titles alone.
    hand = load_knowledge(BUNDLED_KNOWLEDGE).default
    assert [c.kind for c in episode.chapters] == [c.kind for c in hand.chapters]
    assert episode.duration == hand.duration
    (tmp_path / "ketamine.yaml").write_text(render_episode(episode), encoding="utf-8")
    assert load_knowledge(tmp_path).episodes[0].windows
    assert_no_copied_runs(render_episode(episode), folder / "transcript.txt", folder / "description.txt")


def assert_no_copied_runs(generated: str, transcript: Path, description: Path) -> None:
    """No RUN consecutive words of the transcript, or of the notes' prose, appear in the file."""
    cues = parse_transcript(transcript.read_text(encoding="utf-8"), str(transcript))
    spoken = runs(words(" ".join(c.text for c in cues)))
    # The prose of the notes: its long lines (chapter titles and links are facts the file may hold).
    prose = runs(
        words(" ".join(x for x in description.read_text(encoding="utf-8").splitlines() if len(x) > 200))
    )
    # Titles are facts the file must hold, even where the host reads one out ("Is It Possible To Get Too
    # Much Sleep?"); every other run of seven words is statistics, never speech.
    titles: set[tuple[str, ...]] = set()
    for line in generated.splitlines():
        if line.lstrip("- ").startswith(("title:", "# ")):
            titles |= runs(words(line))
    found = runs(words(generated)) - titles
    assert not found & spoken, sorted(found & spoken)[:3]
    assert not found & prose, sorted(found & prose)[:3]


@needs_library
@pytest.mark.parametrize("name", [n for n in FOLDERS if transcript_of(LIBRARY / n)])
def test_committed_files_are_reproducible_and_copy_no_text(name: str) -> None:
    committed = COMMITTED / f"{name}.yaml"
    assert committed.is_file(), "run `make knowledge` and commit the files"
    text = committed.read_text(encoding="utf-8")
    assert text == render_episode(imported(name)), "stale: run `make knowledge`"
    transcript = transcript_of(LIBRARY / name)
    assert transcript is not None
    assert_no_copied_runs(text, transcript, LIBRARY / name / "description.txt")


@needs_library
def test_the_curated_episode_carries_its_transcript_windows_and_no_text() -> None:
    # `make knowledge` writes only the windows into the hand-written file: the same transcript, the same file.
    committed = (COMMITTED / "ketamine.yaml").read_text(encoding="utf-8")
    episode_folder = SHARED / "episode"
    options = import_options(video_id="Rxmv7rT9leo", episode_id="ketamine", released="2023-08-07")
    fresh = import_episode(episode_folder / "description.txt", episode_folder / "transcript.txt", options)
    assert committed == with_transcript(committed, fresh), "stale: run `make knowledge`"
    windows = committed[committed.index("\ntranscript:") :]
    assert_no_copied_runs(windows, episode_folder / "transcript.txt", episode_folder / "description.txt")


def test_committed_files_load_and_stay_small() -> None:
    knowledge = load_knowledge(COMMITTED)
    # Every episode has its transcript's windows; the imported ones are facts and statistics only.
    assert all(e.windows for e in knowledge.episodes)
    imported = [e for e in knowledge.episodes if not e.featured]
    assert len(imported) == 5
    for episode in imported:
        path = Path(episode.source_file)
        hours = episode.duration / 3600
        assert path.stat().st_size < 25_000 * hours + 5_000, path
