"""Answer quality on the imported episodes (tests/data/library), asked of one episode and of the library.

The sets were written by authors who saw neither the engine nor the transcripts' index; their blind and
current figures are in tests/README.md. Floors are where the engine stands; the issue's targets (first
chapter 85%, top three 97%, right episode 90%) are not met yet, and the README says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.core import Library
from bot.core.message import read
from bot.core.safety import read_safety
from bot.core.timecode import format_time, parse_time

SETS = sorted((Path(__file__).parent.parent / "data" / "library").glob("*.yaml"))
# Set G (seventh session), written to avoid the chapter titles' words, took the sums down from 0.835, 0.913,
# 0.768 and 0.832 (tests/README.md).
FLOORS = {"given@1": 0.80, "given@3": 0.89, "routed@1": 0.73, "episode": 0.79}


def cases() -> list[dict[str, Any]]:
    return [case for path in SETS for case in yaml.safe_load(path.read_text(encoding="utf-8"))]


def hit(library: Library, case: dict[str, Any], *, given: bool, within: int) -> bool:
    answer = library.answer(case["q"], case["episode"] if given else None)
    wanted = {format_time(parse_time(t)) for t in case["chapter"]}
    return any(
        m.episode.id == case["episode"] and format_time(m.chapter.start) in wanted
        for m in answer.chapters[:within]
    )


def test_every_set_names_known_episodes(library: Library) -> None:
    assert len(cases()) >= 150
    assert {c["episode"] for c in cases()} <= set(library.engines)


@pytest.mark.parametrize(
    ("measure", "given", "within"), [("given@1", True, 1), ("given@3", True, 3), ("routed@1", False, 1)]
)
def test_chapters_found(library: Library, measure: str, given: bool, within: int) -> None:
    results = [hit(library, c, given=given, within=within) for c in cases()]
    assert sum(results) >= FLOORS[measure] * len(results), f"{measure}: {sum(results)}/{len(results)}"


def test_questions_naming_no_episode_reach_the_right_one(library: Library) -> None:
    routing = [c for c in cases() if c.get("routing")]
    right = [
        bool(answer.chapters) and answer.chapters[0].episode.id == c["episode"]
        for c in routing
        for answer in [library.answer(c["q"])]
    ]
    assert sum(right) >= FLOORS["episode"] * len(right), f"episode: {sum(right)}/{len(right)}"


def test_an_episode_named_wins_over_a_chapter_that_lists_its_name(library: Library) -> None:
    # The ketamine episode's outro lists the newsletter's "sleep toolkit" among its keywords.
    answer = library.answer("in the sleep toolkit ep what did he say about caffeine")
    assert answer.chapters
    assert answer.chapters[0].episode.id == "h2aWYjSA1Jc"


def test_the_guests_name_says_which_episode_not_which_chapter(library: Library) -> None:
    # "Introducing Dr. Matt Walker" holds the name; where to find him online is near the end.
    answer = library.answer("where can i find matt walker online, his lab site etc", "gbQFSMayJxk")
    assert answer.chapters and answer.chapters[0].chapter.title.startswith("Connecting to")


def test_a_word_of_another_episodes_title_takes_the_featured_boost_away(library: Library) -> None:
    # The ketamine episode's psychiatric-challenges chapter lists bipolar among its keywords.
    answer = library.answer("how common is bipolar and what age does it usually start")
    assert answer.chapters and answer.chapters[0].episode.id == "m_OazsImOiI"


def test_the_featured_episode_keeps_what_names_it_too(library: Library) -> None:
    answer = library.answer("does ketamine work for bipolar")
    assert answer.chapters and answer.chapters[0].episode.id == "ketamine"


def test_the_guests_name_chooses_the_episode_and_the_rest_the_chapter(library: Library) -> None:
    # "The Cavaliere Cramp Contraction Test" holds his name; the plate method is the nutrition chapter's.
    answer = library.answer("jeff cavaliere plate method")
    assert answer.chapters and answer.chapters[0].chapter.title.startswith("Tool: “Plate Eating”")


def test_no_listener_question_on_the_library_is_read_as_danger() -> None:
    # Each set's questions are about sleep, exercise, psychedelics or bipolar disorder: mice "not responding",
    # a nightcap "passing out" or apnoea that "stops breathing sometimes" were emergencies before the
    # thirteenth session. Two remain: a friend's "u took way too much" told the next day "and now i want to
    # quit my job" (now), and a trial's "convinced ur gonna die ... she can't die ... a pill".
    flagged = [c["q"] for c in cases() if read_safety(read(c["q"])).help_only]
    assert len(cases()) > 2800 and len(flagged) <= 2, flagged


def test_the_featured_episode_named_by_its_subject_comes_first(library: Library) -> None:
    # The bipolar episode's words (bipolar, mania, lamotrigine) are most of this question's evidence.
    answer = library.answer(
        "i have bipolar 2, is ketamine safe for me or can it trigger mania?? my psych mentioned it"
    )
    assert answer.chapters and answer.chapters[0].episode.id == "ketamine"


def test_the_guests_name_said_in_the_introduction_points_nowhere(library: Library) -> None:
    # "welcome, Jeff Cavaliere": the introduction's transcript says the name three times.
    answer = library.answer("jeff cavaliere said the warm up matters more as you age, why", "UNCwdFxPtE8")
    assert answer.chapters and answer.chapters[0].chapter.kind != "intro"


def test_a_study_asked_for_at_a_time_is_the_one_discussed_there(library: Library) -> None:
    answer = library.answer("what study is he reading the title of around 1:09")
    assert answer.chapters and answer.studies
    # the moment near 1:09 is the Stanford naltrexone experiment
    assert "3qesrR8" in answer.studies[0].url
    # a time alone lists no study
    assert not library.answer("what happens at 1:09:00", "ketamine").studies
