"""The compiled knowledge cache: same answers as a fresh load, rebuilt per changed file, never stale."""

from __future__ import annotations

import logging
import pickle
import shutil
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.core import Kind, KnowledgeError, Library, load_episode, load_knowledge
from bot.core import cache as cache_module
from bot.core.cache import open_library
from bot.core.library import build_router
from bot.core.models import Episode
from bot.core.render import reply_text
from bot.core.reply import compose
from bot.core.router import Router
from tests.conftest import DATA, copy_knowledge

KETAMINE_CHAPTER = "title: Dissociative States"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the bundled knowledge."""
    return copy_knowledge(tmp_path)


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many episodes and routers the cache parsed or indexed, by what."""
    counted: Counter[str] = Counter()

    def counting(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            counted[name] += 1
            return function(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(cache_module, "load_episode", counting("episode", load_episode))
    monkeypatch.setattr(cache_module, "build_router", counting("router", build_router))
    return counted


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def questions() -> list[str]:
    """Every question of the question sets in tests/data, the library's included."""
    paths = sorted(DATA.glob("*questions*.yaml")) + sorted((DATA / "library").glob("*.yaml"))
    return [case["q"] for path in paths for case in yaml.safe_load(path.read_text(encoding="utf-8"))]


def entries(folder: Path) -> list[Path]:
    return sorted((folder / ".cache").glob("*.pickle"))


def test_cached_and_uncached_libraries_answer_identically(folder: Path, builds: Counter[str]) -> None:
    fresh = Library(load_knowledge(folder))
    cold = open_library(folder)
    assert builds == {"episode": 6, "router": 1}
    warm = open_library(folder)
    assert builds == {"episode": 6, "router": 1}, "the second open reads everything from the cache"
    assert warm.knowledge == fresh.knowledge
    assert [e.source_file for e in warm.episodes] == [e.source_file for e in fresh.episodes]
    for question in questions():
        expected = fresh.answer(question)
        assert cold.answer(question) == expected, question
        assert warm.answer(question) == expected, question


def test_the_cache_sits_beside_the_knowledge_and_ignores_itself(folder: Path) -> None:
    open_library(folder)
    assert len(entries(folder)) == 7  # six episodes, and the cards and router of all six
    assert (folder / ".cache" / ".gitignore").read_text(encoding="utf-8") == "*\n"


def test_editing_one_episode_rebuilds_only_it_and_answers_anew(folder: Path, builds: Counter[str]) -> None:
    before = open_library(folder)
    question = "what does he say about dissociative states"
    assert "(edited)" not in before.answer(question).chapters[0].chapter.title
    edit(folder / "ketamine.yaml", KETAMINE_CHAPTER, f"{KETAMINE_CHAPTER} (edited)")
    builds.clear()
    after = open_library(folder)
    assert builds == {"episode": 1, "router": 1}
    assert after.answer(question) == Library(load_knowledge(folder)).answer(question)
    assert after.answer(question).chapters[0].chapter.title == "Dissociative States (edited)"
    # The old version's entry is gone; the edited one is served from now on.
    assert len(entries(folder)) == 7
    builds.clear()
    assert open_library(folder).answer(question) == after.answer(question)
    assert builds == {}


def test_a_corrupt_or_foreign_entry_is_rebuilt(folder: Path, builds: Counter[str]) -> None:
    open_library(folder)
    episodes = [p for p in entries(folder) if p.name.startswith("episode-")]
    episodes[0].write_bytes(b"\x80\x05 not a pickle")
    episodes[1].write_bytes(pickle.dumps("not an engine", protocol=5))
    served = next(p for p in entries(folder) if p.name.startswith("library-"))
    served.write_bytes(served.read_bytes()[:100])
    builds.clear()
    library = open_library(folder)
    assert builds == {"episode": 2, "router": 1}
    assert isinstance(pickle.loads(served.read_bytes()).router, Router)
    question = "what's a k-hole"
    assert library.answer(question) == Library(load_knowledge(folder)).answer(question)
    builds.clear()
    open_library(folder)
    assert builds == {}


def test_a_changed_safety_file_is_picked_up(folder: Path, builds: Counter[str]) -> None:
    open_library(folder)
    safety = folder / "safety.yaml"
    text = safety.read_text(encoding="utf-8")
    disclaimer = yaml.safe_load(text)["disclaimer"]["text"].strip()
    edit(safety, disclaimer.split()[0], "Localised:")
    builds.clear()
    library = open_library(folder)
    assert library.safety == load_knowledge(folder).safety
    assert library.safety.disclaimer.startswith("Localised:")
    # Imported episodes have no disclaimer of their own: their answers show the deployment's, the new one.
    answer = library.answer("is it safe for me to take magnesium before bed", "h2aWYjSA1Jc")
    assert answer.disclaimer and "Localised:" in reply_text(compose(answer, library.safety))
    assert all(library.engines[e.id].episode is e for e in library.episodes)
    assert builds == {}, "the safety file's text is not indexed: no episode is rebuilt"


def test_a_bad_file_raises_the_loaders_error_and_is_never_cached(folder: Path, builds: Counter[str]) -> None:
    open_library(folder)
    path = folder / "ketamine.yaml"
    good = path.read_text(encoding="utf-8")
    edit(path, "kind: content", "kind: contnet")
    with pytest.raises(KnowledgeError) as expected:
        load_knowledge(folder)
    with pytest.raises(KnowledgeError) as raised:
        open_library(folder)
    assert raised.value.report() == expected.value.report()
    assert "ketamine.yaml" in raised.value.report()
    assert len(entries(folder)) == 7, "nothing of the failed load was written"
    path.write_text(good, encoding="utf-8")
    builds.clear()
    open_library(folder)
    assert builds == {}, "the good version's entry still serves"


@pytest.mark.parametrize(
    ("change", "wanted"),
    [
        (lambda f: edit(f / "h2aWYjSA1Jc.yaml", 'id: "h2aWYjSA1Jc"', 'id: "GzvzWO0NU50"'), "used twice"),
        (lambda f: edit(f / "h2aWYjSA1Jc.yaml", "episode:\n", "episode:\n  featured: true\n"), "featured"),
        (lambda f: [p.unlink() for p in f.glob("*.yaml") if p.name != "safety.yaml"], "no *.yaml"),
    ],
)
def test_whole_library_problems_come_from_the_loader(
    folder: Path, change: Callable[[Path], object], wanted: str
) -> None:
    open_library(folder)
    change(folder)
    with pytest.raises(KnowledgeError) as expected:
        load_knowledge(folder)
    with pytest.raises(KnowledgeError) as raised:
        open_library(folder)
    assert raised.value.report() == expected.value.report()
    assert wanted in raised.value.report()


def test_an_unwritable_cache_warns_and_serves_uncached(
    folder: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="bot.core.cache"):
        library = open_library(folder, cache_dir=blocker / "cache")
    assert "cannot write the knowledge cache" in caplog.text
    assert len([r for r in caplog.records if r.levelno == logging.WARNING]) == 1
    assert library.answer("what's a k-hole") == Library(load_knowledge(folder)).answer("what's a k-hole")


def test_a_moved_folder_names_its_own_files(folder: Path, tmp_path: Path) -> None:
    open_library(folder)
    moved = tmp_path / "moved"
    shutil.copytree(folder, moved)
    episodes: tuple[Episode, ...] = open_library(moved).episodes
    assert [e.source_file for e in episodes] == [e.source_file for e in load_knowledge(moved).episodes]
    assert all(e.source_file.startswith(str(moved)) for e in episodes)


def test_chapters_are_suggested_across_episodes(library: Library) -> None:
    def titles(typed: str) -> list[str]:
        return [chapter.title for _, chapter in library.suggest_chapters_across(typed, limit=3)]

    assert titles("caffiene")[0] == "Caffeine"  # a typo, in an imported episode
    assert "“K-holes”" in titles("k hol")[0]  # word beginnings, in the curated one
    assert all("Sleep" in title or "sleep" in title for title in titles("sleep"))
    assert library.suggest_chapters_across("") == []
    found = library.suggest_chapters_across("introducing", limit=25)
    assert len({episode.id for episode, _ in found}) > 1


def test_a_start_reads_no_engine_and_a_question_only_those_it_reaches(folder: Path) -> None:
    open_library(folder)
    library = open_library(folder)
    # The test looks inside on purpose: which episodes were unpickled so far.
    unread = library._cards._made
    assert library.engines.loaded() == [] and unread == [None] * 6
    fresh = Library(load_knowledge(folder))
    assert library.answer("what's a k-hole") == fresh.answer("what's a k-hole")
    loaded = library.engines.loaded()
    assert "ketamine" in loaded and len(loaded) < 6 and sum(e is not None for e in unread) == len(loaded)
    assert library.knowledge == fresh.knowledge and all(e is not None for e in unread)


def test_a_card_that_does_not_read_back_is_parsed_from_its_file(
    folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    open_library(folder)
    path = next(p for p in entries(folder) if p.name.startswith("library-"))
    served = pickle.loads(path.read_bytes())
    cards = list(served.cards)
    cards[served.ids.index("ketamine")] = b"\x80\x05 not a card"
    path.write_bytes(pickle.dumps(replace(served, cards=tuple(cards)), protocol=5))
    with caplog.at_level(logging.WARNING, logger="bot.core.cache"):
        library = open_library(folder)
        assert library.answer("what's a k-hole") == Library(load_knowledge(folder)).answer("what's a k-hole")
    assert "unreadable card of ketamine.yaml" in caplog.text


def test_engines_past_keep_are_dropped_and_read_again_alike(folder: Path, builds: Counter[str]) -> None:
    open_library(folder)
    builds.clear()
    library = open_library(folder, keep=2)
    fresh = Library(load_knowledge(folder))
    question = "what does he say about sleep and caffeine"
    for _ in range(2):
        for episode in library.episodes:
            assert library.answer(question, episode.id) == fresh.answer(question, episode.id)
            assert len(library.engines.loaded()) <= 2
            assert library.engines.loaded()[-1] == episode.id
    assert builds == {}, "every engine came from the cache, twice over"


def test_an_engine_whose_entry_went_bad_is_built_from_the_served_episode(
    folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    open_library(folder)
    library = open_library(folder)
    for path in entries(folder):
        if path.name.startswith("episode-"):
            path.write_bytes(pickle.dumps("not an engine", protocol=5)[:-1])
    with caplog.at_level(logging.WARNING, logger="bot.core.cache"):
        answer = library.answer("what's a k-hole")
    assert answer == Library(load_knowledge(folder)).answer("what's a k-hole")
    assert "unreadable cache entry" in caplog.text
    assert library.engine().episode is library.episode


def test_an_edit_reaches_the_router_and_an_older_library_keeps_its_own_version(folder: Path) -> None:
    question = "what does he say about quokkas"
    before = open_library(folder)
    assert before.answer(question).kind is Kind.OFF_TOPIC
    chapter = "Morning Tool: Morning Sunlight Viewing, Cortisol"
    edit(folder / "h2aWYjSA1Jc.yaml", chapter, f"{chapter}, Quokkas")
    after = open_library(folder)  # prunes the entries of the old version
    routed = after.answer(question)
    assert routed.chapters and routed.chapters[0].episode.id == "h2aWYjSA1Jc"
    assert routed.chapters[0].chapter.title.endswith("Quokkas")
    assert routed == Library(load_knowledge(folder)).answer(question)
    # The library opened before the edit still answers from the version it serves, engines included.
    assert before.answer(question).kind is Kind.OFF_TOPIC
    sunlight = before.answer("morning sunlight viewing cortisol", "h2aWYjSA1Jc")
    assert sunlight.chapters and sunlight.chapters[0].chapter.title == chapter


def test_a_cache_from_other_code_is_rebuilt(
    folder: Path, builds: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    open_library(folder)
    old = set(entries(folder))
    monkeypatch.setattr(cache_module, "_SALT", b"another version of the core")
    builds.clear()
    library = open_library(folder)
    assert builds == {"episode": 6, "router": 1}
    assert not old & set(entries(folder)) and len(entries(folder)) == 7, "the other code's entries are gone"
    assert library.answer("what's a k-hole") == Library(load_knowledge(folder)).answer("what's a k-hole")
