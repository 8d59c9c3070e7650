"""Shared fixtures: the bundled knowledge, loaded once, and an engine over it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.core import Chapter, Engine, Episode, KnowledgeBase, Library, SafetyInfo, load_knowledge
from bot.paths import BUNDLED_KNOWLEDGE

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def knowledge() -> KnowledgeBase:
    """The bundled knowledge."""
    return load_knowledge(BUNDLED_KNOWLEDGE)


@pytest.fixture(scope="session")
def episode(knowledge: KnowledgeBase) -> Episode:
    """The bundled episode."""
    return knowledge.default


@pytest.fixture(scope="session")
def safety(knowledge: KnowledgeBase) -> SafetyInfo:
    """The bundled safety file: disclaimer, crisis and emergency help."""
    return knowledge.safety


@pytest.fixture(scope="session")
def library(knowledge: KnowledgeBase) -> Library:
    """A library over the bundled knowledge: what answers every message."""
    return Library(knowledge)


@pytest.fixture(scope="session")
def engine(library: Library) -> Engine:
    """The bundled episode's engine, for browsing."""
    return library.engine()


def chapter_by_id(episode: Episode, chapter_id: str) -> Chapter:
    """The episode's chapter with this id (KeyError when there is none)."""
    return {c.id: c for c in episode.chapters}[chapter_id]


def copy_knowledge(folder: Path) -> Path:
    """A private copy of the bundled knowledge (its YAML files, not its cache) that a test may edit."""
    target = folder / "knowledge"
    target.mkdir()
    for source in BUNDLED_KNOWLEDGE.glob("*.yaml"):
        shutil.copy(source, target / source.name)
    return target
