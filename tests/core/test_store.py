"""Reloading the knowledge: a good file swaps in with a summary of changes, a bad one keeps the old."""

from __future__ import annotations

import asyncio
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.core import KnowledgeError
from bot.core.store import KnowledgeStore
from bot.paths import BUNDLED_KNOWLEDGE
from tests.conftest import chapter_by_id


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for source in BUNDLED_KNOWLEDGE.glob("*.yaml"):
        shutil.copy(source, tmp_path / source.name)
    return tmp_path


def edit(folder: Path, old: str, new: str) -> None:
    path = folder / "ketamine.yaml"
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
    assert "Dissociative States (edited)" in diff.chapters_edited
    # The renamed study is cited by moments, so the chapters holding them count as edited too.
    assert "Ketamine & Clinical Uses; Depression & Suicidality" in diff.chapters_edited
    assert len(diff.studies_added) == 1 and len(diff.studies_removed) == 1
    assert "Studies added (1)" in diff.summary()
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
        (
            lambda p: [f.unlink() for f in p.parent.glob("*.yaml") if f.name != "safety.yaml"],
            "holds no *.yaml",
        ),
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
