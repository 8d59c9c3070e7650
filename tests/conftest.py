"""Shared fixtures: the bundled knowledge, loaded once, and an engine over it."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core import Engine, Episode, load_knowledge
from bot.paths import BUNDLED_KNOWLEDGE

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def episode() -> Episode:
    """The bundled episode."""
    return load_knowledge(BUNDLED_KNOWLEDGE).default


@pytest.fixture(scope="session")
def engine(episode: Episode) -> Engine:
    """An engine over the bundled episode."""
    return Engine(episode)
