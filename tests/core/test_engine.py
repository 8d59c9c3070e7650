"""The answer engine on the bundled episode: what each kind of question gets back."""

from __future__ import annotations

import random

import pytest

from bot.core import MAX_QUESTION_CHARS, Engine, Episode, Kind
from bot.core.render import answer_text, answer_to_dict
from bot.core.timecode import parse_time


def first_start(engine: Engine, question: str) -> str | None:
    answer = engine.answer(question)
    return (
        answer_to_dict(answer, engine.episode, engine.safety)["chapters"][0]["start"]
        if answer.chapters
        else None
    )


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("whats a khole", "01:26:04"),
        ("what's a k-hole", "01:26:04"),
        ("habenulla", "01:15:45"),
        ("Ketamin or psylocibin for depression?", "00:55:36|01:10:00"),
        ("naltrexone", "01:03:40"),
        ("learned helplesness in mice", "00:15:17"),
        ("what is bdnf", "00:55:36"),
        ("esketamine nasal spray", "01:32:25"),
    ],
)
def test_topics_with_typos_and_slang(engine: Engine, question: str, start: str) -> None:
    assert first_start(engine, question) in start.split("|")


def test_chapter_links_jump_to_the_start_and_the_moment(engine: Engine, episode: Episode) -> None:
    answer = engine.answer("where is the k hole defined")
    match = answer.chapters[0]
    assert match.url == f"https://www.youtube.com/watch?v={episode.video_id}&t={match.chapter.start}s"
    assert match.moment is not None
    assert match.chapter.contains(match.moment.seconds)
    assert match.moment_url == f"https://www.youtube.com/watch?v={episode.video_id}&t={match.moment.seconds}s"


def test_a_word_found_everywhere_does_not_drive_the_ranking(engine: Engine) -> None:
    assert first_start(engine, "ketamine ketamine ketamine habenula") == first_start(engine, "habenula")
    assert engine.answer("ketamine").chapters == () or len(engine.answer("ketamine").chapters) > 1


def test_one_chapter_when_clearly_ahead_else_the_few_best(engine: Engine) -> None:
    assert len(engine.answer("hydroxynorketamine").chapters) == 1
    answer = engine.answer("how long does it last")
    assert 1 <= len(answer.chapters) <= 3
    scores = [c.score for c in answer.chapters]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize(
    ("question", "asked", "start"),
    [
        ("53:17", "00:53:17", "00:48:26"),
        ("what's at 1:15:00", "01:15:00", "01:10:00"),
        ("00:30:00", "00:30:00", "00:28:32"),
    ],
)
def test_times(engine: Engine, question: str, asked: str, start: str) -> None:
    answer = engine.answer(question)
    assert answer.kind is Kind.TIME
    assert answer.asked_time == parse_time(asked)
    [match] = answer.chapters
    assert match.chapter.start == parse_time(start)
    nearest = min(match.chapter.moments, key=lambda m: abs(m.seconds - parse_time(asked)))
    assert match.moment == nearest


def test_time_past_the_end(engine: Engine) -> None:
    answer = engine.answer("what's at 2:30:00")
    assert answer.kind is Kind.PAST_END
    assert not answer.chapters
    assert "only 1:42:41 long" in answer_text(answer, engine.episode, engine.safety)


@pytest.mark.parametrize(
    "question", ["what studies are cited", "list the references", "sources?", "which papers does he cite"]
)
def test_all_studies(engine: Engine, episode: Episode, question: str) -> None:
    assert {s.id for s in engine.answer(question).studies} == {s.id for s in episode.studies}


@pytest.mark.parametrize(
    ("question", "study"),
    [
        ("Berman 2000", "berman-2000"),
        ("the naltrexone study", "williams-2019-naltrexone"),
        ("PCN-101 trial", "atai-pcn101-2023"),
        (
            "study comparing s-ketamine with racemic ketamine in healthy volunteers",
            "passie-2021-s-vs-racemic",
        ),
        ("hydroxynorketamine opioid receptor paper", "hnk-opioid-2021"),
        ("Williams Heifets Schatzberg", "williams-2019-naltrexone"),
    ],
)
def test_studies_by_author_drug_year_or_title(engine: Engine, question: str, study: str) -> None:
    answer = engine.answer(question)
    assert study in [s.id for s in answer.studies]
    assert answer.chapters, "a study answer also says where the episode discusses it"


def test_personal_advice_gets_the_disclaimer_and_still_the_chapter(engine: Engine, episode: Episode) -> None:
    answer = engine.answer("how many mg of ketamine should I take for depression")
    assert answer.disclaimer
    assert answer.chapters
    text = answer_text(answer, episode, engine.safety)
    assert text.startswith("**Not medical advice.**")
    assert episode.disclaimer_url in text
    assert answer.chapters[0].chapter.summary not in text, (
        "no summary with dose figures after a personal question"
    )
    assert "youtube.com" in text


def test_crisis_gets_resources_first(engine: Engine, episode: Episode) -> None:
    answer = engine.answer("I feel like killing myself")
    assert answer.crisis
    text = answer_text(answer, episode, engine.safety)
    assert text.startswith(engine.safety.crisis_message)
    assert "988" in text


def test_crisis_with_a_topic_still_puts_resources_before_any_chapter(
    engine: Engine, episode: Episode
) -> None:
    answer = engine.answer("I'm suicidal, can ketamine help me?")
    text = answer_text(answer, episode, engine.safety)
    assert answer.crisis
    assert text.index("988") < (text.index("youtube.com") if "youtube.com" in text else len(text))


@pytest.mark.parametrize(
    "question", ["tell me a joke", "❤❤❤", "thanks!", "what's the capital of france", "asdfghjkl"]
)
def test_off_topic_and_noise_get_no_made_up_answer(engine: Engine, question: str) -> None:
    answer = engine.answer(question)
    assert not answer.chapters
    assert not answer.studies
    assert not answer.crisis
    assert "chapters" in answer_text(answer, engine.episode, engine.safety)


def test_empty_question(engine: Engine) -> None:
    for question in ("", "   ", "\n"):
        answer = engine.answer(question)
        assert answer.kind is Kind.EMPTY
        assert not answer.found


def test_long_question_is_cut_at_the_documented_limit(engine: Engine) -> None:
    question = "what does he say about the habenula " + "blah " * 500
    answer = engine.answer(question)
    assert answer.truncated
    assert len(answer.question) == MAX_QUESTION_CHARS
    assert first_start(engine, question) == "01:15:45"


@pytest.mark.parametrize(
    "question",
    ["кетамин и депрессия", "ケタミンとは", "ketamine とは habenula", "🧠💊", "\x00\x01", "a" * 10000],
)
def test_other_scripts_and_odd_input_never_raise(engine: Engine, question: str) -> None:
    answer = engine.answer(question)
    answer_to_dict(answer, engine.episode, engine.safety)


def test_mixed_script_still_finds_the_latin_topic(engine: Engine) -> None:
    assert first_start(engine, "ketamine とは habenula") == "01:15:45"


def test_what_is_this_episode_about(engine: Engine) -> None:
    assert first_start(engine, "what is this episode about") == "00:00:00"


def test_random_input_never_raises(engine: Engine) -> None:
    # Seeded, so a failure reproduces: letters of several scripts, digits, punctuation, emoji, controls.
    rng = random.Random(20261127)
    alphabet = (
        "abcdefghijklmnopqrstuvwxyz ABCXYZ 0123456789 :.,!?'\"-/@#<>&%\n\t\x00 äöüßéñ кетамин ケタミン 😀🧠❤ ‮"
    )
    for _ in range(2000):
        question = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))
        answer = engine.answer(question)
        answer_to_dict(answer, engine.episode, engine.safety)
