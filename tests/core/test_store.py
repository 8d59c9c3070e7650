"""Reloading the knowledge: a good file swaps in with a summary of changes, a bad one keeps the old."""

from __future__ import annotations

import asyncio
import dataclasses
import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.core import Episode, KnowledgeBase, KnowledgeError, Library, SafetyInfo
from bot.core.loader import SAFETY_FILE as SAFETY
from bot.core.loader import load_knowledge
from bot.core.store import KnowledgeDiff, KnowledgeStore, ReloadBusyError, Store, diff_knowledge
from bot.paths import BUNDLED_KNOWLEDGE
from tests.conftest import chapter_by_id


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The curated episode and the safety file: reloading is what is tested, not the library."""
    for name in ("ketamine.yaml", SAFETY):
        shutil.copy(BUNDLED_KNOWLEDGE / name, tmp_path / name)
    return tmp_path


def edit(folder: Path, old: str, new: str, name: str = "ketamine.yaml") -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_reload_without_changes(folder: Path) -> None:
    store = KnowledgeStore.open(folder)
    diff = asyncio.run(store.reload())
    assert not diff.changed
    assert "No changes" in diff.summary()


def test_reload_reports_edits_and_serves_the_new_knowledge(folder: Path) -> None:
    store = KnowledgeStore.open(folder)
    before = store.library
    edit(folder, "title: Dissociative States", "title: Dissociative States (edited)")
    path = folder / "ketamine.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("berman-2000", "berman-2000-renamed"), encoding="utf-8"
    )
    diff = asyncio.run(store.reload())
    [episode] = diff.episodes
    assert "Dissociative States (edited) [title]" in episode.chapters_edited
    # The renamed study is cited by moments, so the chapters holding them count as edited too.
    assert "Ketamine & Clinical Uses; Depression & Suicidality [moments]" in episode.chapters_edited
    assert len(episode.studies_added) == 1 and len(episode.studies_removed) == 1
    assert "Studies added (1)" in diff.summary()
    assert "Chapters edited (3): " in diff.summary()
    assert "Dissociative States (edited) [title]" in diff.summary()
    assert store.library is not before
    assert chapter_by_id(store.library.episode, "dissociation").title == "Dissociative States (edited)"


def test_a_broken_file_keeps_the_old_knowledge(folder: Path) -> None:
    store = KnowledgeStore.open(folder)
    before = store.library
    edit(folder, 'start: "01:22:45"', 'start: "01:12:45"')
    with pytest.raises(KnowledgeError, match=r"chapters\[17\]\.start"):
        asyncio.run(store.reload())
    assert store.library is before
    assert store.library.answer("out of body experience").chapters[0].chapter.id == "dissociation"


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda p: p.write_bytes(b"\xff\xfe not utf-8"), "cannot be read"),
        (lambda p: p.write_text("", encoding="utf-8"), "is empty"),
        (lambda p: p.write_text("- just\n- a list\n", encoding="utf-8"), "must be a mapping"),
        (lambda p: p.write_text("chapters: [\n", encoding="utf-8"), "is not valid YAML"),
        (lambda p: [f.unlink() for f in p.parent.glob("*.yaml") if f.name != SAFETY], "holds no *.yaml"),
    ],
)
def test_any_damage_keeps_the_old_knowledge(
    folder: Path, damage: Callable[[Path], object], message: str
) -> None:
    store = KnowledgeStore.open(folder)
    before = store.library
    damage(folder / "ketamine.yaml")
    with pytest.raises(KnowledgeError, match=re.escape(message)):
        asyncio.run(store.reload())
    assert store.library is before


# One edit per compared field of an episode record, and what the summary must then say.
EPISODE_EDITS: dict[str, tuple[str, str, str]] = {
    "id": ("  id: ketamine\n", "  id: ketamine-two\n", "(ketamine-two)"),
    "title": ("title: 'Ketamine: Benefits", "title: 'Ketamine: Benefits!", "Episode edited: title"),
    "show": ("show: Huberman Lab", "show: Huberman Lab Podcast", "Episode edited: show"),
    "host": ("host: Andrew Huberman", "host: Dr Andrew Huberman", "Episode edited: host"),
    "video_id": ("video_id: Rxmv7rT9leo", "video_id: Rxmv7rT9leX", "Episode edited: video_id"),
    "url": ("  url: https://www.youtube.com/", "  url: https://youtube.com/", "Episode edited: url"),
    "page": (
        "  page: https://www.hubermanlab.com/",
        "  page: https://hubermanlab.com/",
        "Episode edited: page",
    ),
    "released": ("released: 2023-08-07", "released: 2023-08-08", "Episode edited: released"),
    "duration": ('duration: "01:42:41"', 'duration: "01:42:50"', "duration"),
    "disclaimer": ("around this episode, and", "around this episode and", "Episode edited: disclaimer"),
    "disclaimer_url": (
        "  url: https://www.hubermanlab.com/episode/",
        "  url: https://www.hubermanlab.com/episodes/",
        "Episode edited: disclaimer_url",
    ),
    "chapters": ("title: Dissociative States", "title: Dissociative States!", "Chapters edited (1)"),
    "studies": ("the idea is still debated.", "the idea is debated.", "Studies edited (1)"),
    "resources": ("An earlier Huberman Lab episode", "A Huberman Lab episode", "Episode edited: resources"),
    "featured": ("  featured: true\n", "  featured: false\n", "Episode edited: featured"),
    "windows": (
        '  - {at: "00:00:00", terms: "abus*2 ',
        '  - {at: "00:00:00", terms: "abus*3 ',
        "Episode edited: windows",
    ),
}

SAFETY_EDITS: dict[str, tuple[str, str]] = {
    "disclaimer": ("around these episodes, and", "around these episodes and"),
    "crisis_message": ("I'm really glad you said something", "I'm so glad you said something"),
    "crisis_resources": ("Call or text 988, or chat", "Call or text 988 or chat"),
    "emergency_message": ("Call your local emergency number now", "Call your emergency number now"),
    "emergency_resources": ("Find the poison centre of your country.", "Find your country's poison centre."),
}


def test_every_episode_field_has_an_edit_here() -> None:
    assert set(EPISODE_EDITS) == {f.name for f in dataclasses.fields(Episode) if f.compare}
    assert set(SAFETY_EDITS) == {f.name for f in dataclasses.fields(SafetyInfo) if f.compare}


@pytest.mark.parametrize("field", sorted(EPISODE_EDITS))
def test_each_episode_field_edit_is_reported(folder: Path, field: str) -> None:
    old, new, expected = EPISODE_EDITS[field]
    store = KnowledgeStore.open(folder)
    before = load_knowledge(folder)
    edit(folder, old, new)
    diff = asyncio.run(store.reload())
    assert diff.changed
    assert expected in diff.summary(), diff.summary()
    assert "No changes" not in diff.summary()
    # The library's diff reads only what changed, and says what comparing everything says.
    assert diff == diff_knowledge(before, load_knowledge(folder))


@pytest.mark.parametrize("field", sorted(SAFETY_EDITS))
def test_each_safety_field_edit_is_reported(folder: Path, field: str) -> None:
    old, new = SAFETY_EDITS[field]
    store = KnowledgeStore.open(folder)
    edit(folder, old, new, name="safety.yaml")
    diff = asyncio.run(store.reload())
    assert diff.summary() == f"Safety file edited: {field}"
    assert (
        store.library.safety
        == store.knowledge.safety
        != KnowledgeStore.open(BUNDLED_KNOWLEDGE).knowledge.safety
    )


def test_a_moment_edit_names_its_chapter(folder: Path) -> None:
    store = KnowledgeStore.open(folder)
    edit(folder, "label: What a K-hole is", "label: What a K-hole really is")
    assert "[moments]" in asyncio.run(store.reload()).summary()


def test_episodes_added_removed_and_reordered(folder: Path) -> None:
    store = KnowledgeStore.open(folder)
    text = (folder / "ketamine.yaml").read_text(encoding="utf-8")
    (folder / "a-second.yaml").write_text(
        text.replace("  id: ketamine\n", "  id: second\n").replace("  featured: true\n", ""), encoding="utf-8"
    )
    diff = asyncio.run(store.reload())
    assert diff.episodes_added and "(second)" in diff.summary()
    # a-second.yaml sorts first, but the featured episode stays the default.
    assert "Default episode" not in diff.summary()
    (folder / "a-second.yaml").unlink()
    diff = asyncio.run(store.reload())
    assert "Episodes removed (1)" in diff.summary() and "(second)" in diff.summary()


def test_store_serves_any_built_value(folder: Path) -> None:
    store: Store[int] = Store(folder, lambda knowledge: len(knowledge.episodes))
    assert store.value == 1 and store.knowledge.default.id == "ketamine"
    text = (folder / "ketamine.yaml").read_text(encoding="utf-8")
    other = text.replace("  id: ketamine\n", "  id: other\n").replace("  featured: true\n", "")
    (folder / "other.yaml").write_text(other, encoding="utf-8")
    diff = asyncio.run(store.reload())
    assert store.value == 2 and "Episodes added (1)" in diff.summary()


def test_concurrent_reloads_queue_and_time_out(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(knowledge: KnowledgeBase) -> int:
        time.sleep(0.3)
        return len(knowledge.episodes)

    store: Store[int] = Store(folder, slow)

    async def two(wait: float) -> tuple[KnowledgeDiff | BaseException, ...]:
        monkeypatch.setattr("bot.core.store.RELOAD_WAIT_SECONDS", wait)
        return await asyncio.gather(store.reload(), store.reload(), return_exceptions=True)

    assert [type(r) for r in asyncio.run(two(5.0))] == [KnowledgeDiff, KnowledgeDiff]
    first, second = asyncio.run(two(0.05))
    assert isinstance(first, KnowledgeDiff)
    assert isinstance(second, ReloadBusyError)
    assert "another reload has been running for over 0 s" in str(second)


def unread(library: Library) -> list[str]:
    """The ids of the episodes the library has not read yet."""
    read = {episode.id for episode in library.read_so_far()}
    return [episode_id for episode_id in library.ids if episode_id not in read]


def test_a_start_and_a_reload_read_only_the_episodes_that_changed(tmp_path: Path) -> None:
    folder = shutil.copytree(BUNDLED_KNOWLEDGE, tmp_path / "knowledge")
    KnowledgeStore.open(folder)  # the cache, built
    store = KnowledgeStore.open(folder)
    first = store.library
    assert unread(first) == list(first.ids)
    edit(folder, "title: Dissociative States", "title: Dissociative States (edited)")
    diff = asyncio.run(store.reload())
    assert [episode.id for episode in diff.episodes] == ["ketamine"]
    assert unread(first) == unread(store.library) == [e for e in first.ids if e != "ketamine"]
    assert not asyncio.run(store.reload()).changed
    assert unread(store.library) == list(first.ids)


def test_the_diff_of_libraries_is_the_diff_of_their_knowledge(tmp_path: Path) -> None:
    folder = shutil.copytree(BUNDLED_KNOWLEDGE, tmp_path / "knowledge")
    store = KnowledgeStore.open(folder)
    before = load_knowledge(folder)
    text = (folder / "ketamine.yaml").read_text(encoding="utf-8")
    (folder / "a-copy.yaml").write_text(
        text.replace("  id: ketamine\n", "  id: a-copy\n").replace("  featured: true\n", ""), encoding="utf-8"
    )
    (folder / "h2aWYjSA1Jc.yaml").unlink()
    edit(folder, "title: Dissociative States", "title: Dissociative States!")
    edit(folder, "  featured: true\n", "")
    diff = asyncio.run(store.reload())
    assert diff == diff_knowledge(before, load_knowledge(folder))
    assert diff.episodes_added and diff.episodes_removed and diff.default and diff.episodes
