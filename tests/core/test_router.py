"""The router: a large library's numpy scoring routes exactly as the Python scoring does, ties included."""

from __future__ import annotations

from dataclasses import replace
from typing import cast

import pytest
import yaml

from bot.core import Engine, Library
from bot.core import library as library_module
from bot.core import router as router_module
from bot.core.library import Engines
from bot.core.message import read
from bot.core.models import Episode, KnowledgeBase
from tests.conftest import DATA

IMPORTED = "h2aWYjSA1Jc"


def questions() -> list[str]:
    paths = sorted(DATA.glob("*questions*.yaml")) + sorted((DATA / "library").glob("*.yaml"))
    return [case["q"] for path in paths for case in yaml.safe_load(path.read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def doubled(knowledge: KnowledgeBase) -> Library:
    """The bundled library and a copy of each episode under another id: every chapter has a tied twin."""
    copies = tuple(replace(e, id=f"{e.id}-copy", featured=False) for e in knowledge.episodes)
    return Library(KnowledgeBase(knowledge.episodes + copies, knowledge.safety))


@pytest.mark.parametrize(("which", "keyword_bits"), [("bundled", 63), ("doubled", 63), ("doubled", 0)])
def test_numpy_routes_as_python_to_the_last_bit(
    which: str, keyword_bits: int, library: Library, doubled: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    served = library if which == "bundled" else doubled
    assert served.route(read("k hole"))[0][1] > 0
    asked = [read(q) for q in questions()]
    preferences = [None, IMPORTED, f"{IMPORTED}-copy" if which == "doubled" else "ketamine"]
    some = {e.id for e in served.episodes[1::2]}

    def routes() -> list[list[tuple[str, float]]]:
        return [
            route
            for message in asked
            for preferred in preferences
            for route in (
                served.route(message, preferred),
                served.route(message, preferred, limit=2, among=some),
            )
        ]

    expected = routes()
    assert any(len(route) > 2 for route in expected) and any(len(route) == 2 for route in expected)
    monkeypatch.setattr(router_module, "VECTOR_MIN_DOCUMENTS", 0)
    # 0: every question's keywords take the document-by-document way, as a very long message's do.
    monkeypatch.setattr(router_module, "MAX_KEYWORD_BITS", keyword_bits)
    routed = routes()
    assert routed == expected, [(e, r) for e, r in zip(expected, routed, strict=True) if e != r][:3]


def test_a_tie_goes_to_the_episode_indexed_first(doubled: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    for vectorised in (False, True):
        if vectorised:
            monkeypatch.setattr(router_module, "VECTOR_MIN_DOCUMENTS", 0)
        for question in ("sleep toolkit morning sunlight", "lithium for bipolar", "what's a k-hole"):
            routed = doubled.route(read(question))
            assert not routed[0][0].endswith("-copy") and routed[1] == (f"{routed[0][0]}-copy", routed[0][1])


def test_engines_are_made_when_first_asked_for_and_the_least_recent_dropped(knowledge: KnowledgeBase) -> None:
    made: list[str] = []
    markers = {e.id: object() for e in knowledge.episodes}

    def load(episode: Episode) -> Engine:
        made.append(episode.id)
        return cast(Engine, markers[episode.id])  # a stand-in: the mapping never looks inside

    first, second, third = (e.id for e in knowledge.episodes[:3])
    engines = Engines(knowledge.episodes, load, keep=2)
    assert made == [] and len(engines) == len(knowledge.episodes) and next(iter(engines)) == first
    assert first in engines and "nope" not in engines and made == []
    assert engines[first] is markers[first]
    engines[second]
    engines[first]
    engines[third]
    assert made == [first, second, third] and engines.loaded() == [first, third]
    engines[second]
    assert made[-1] == second and engines.loaded() == [third, second]
    with pytest.raises(KeyError):
        engines["nope"]


def test_the_episode_that_says_the_words_most_outranks_a_curated_chapter(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = read("how do u tell bipolar apart from borderline personality disorder")
    assert library.route(question, "ketamine")[0][0] == "m_OazsImOiI"
    # By the best chapters alone, the curated episode's keywords ("bipolar") won it.
    monkeypatch.setattr(router_module, "EVIDENCE_WEIGHT", 0.0)
    assert library.route(question, "ketamine")[0][0] == "ketamine"


def test_the_preferred_episode_keeps_what_it_shares(library: Library) -> None:
    # Depression and dosing are said in several episodes; the server's own episode answers them.
    for question in ("what dose of ketamine did the depression study use", "what is a k hole"):
        assert library.route(read(question), "ketamine")[0][0] == "ketamine"


def test_an_episode_far_ahead_that_found_nothing_sure_is_asked_alone(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "my dad has bipolar 1 😟 what are the odds i get it, how genetic is it actually"
    answer = library.answer(question)
    assert answer.chapters and answer.chapters[0].episode.id == "m_OazsImOiI"
    # Without asking it alone, the curated episode's weaker chapter answered for the library.
    monkeypatch.setattr(library_module, "RETRY_LEAD", float("inf"))
    assert library.answer(question).chapters[0].episode.id == "ketamine"
