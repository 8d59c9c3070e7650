"""The answer engine on the bundled episode: what each kind of question gets back."""

from __future__ import annotations

import random

import pytest

from bot.core import Episode, Kind, Library
from bot.core.message import MAX_MATCH_CHARS, read
from bot.core.render import answer_to_dict, reply_text
from bot.core.reply import compose
from bot.core.timecode import parse_time


def first_start(library: Library, question: str) -> str | None:
    answer = library.answer(question)
    return answer_to_dict(answer, library.safety)["chapters"][0]["start"] if answer.chapters else None


def test_everyday_words_reach_the_episodes_terms(library: Library) -> None:
    answer = library.answer("why didnt he mention the nose", "ketamine")
    assert answer.chapters and "nasal" in answer.chapters[0].matched


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("whats a khole", "01:26:04"),
        ("what's a k-hole", "01:26:04"),
        ("habenulla", "01:15:45"),
        ("how does ketamin raise bdnf?", "00:55:36"),
        ("naltrexone", "01:03:40"),
        ("learned helplesness in mice", "00:15:17"),
        ("what is bdnf", "00:55:36"),
        ("esketamine nasal spray", "01:32:25"),
        # Misspellings no keyword lists: typo correction reaches the words the episode really uses.
        ("the naltraxone thing", "01:03:40"),
        ("phencycladine history", "00:05:13"),
        ("mementine vs ketamine", "01:20:36"),
        ("nueroplasticity and the nmda receptor", "00:34:29"),
        ("cptsd here, does it help", "00:28:32"),
    ],
)
def test_topics_with_typos_and_slang(library: Library, question: str, start: str) -> None:
    assert first_start(library, question) in start.split("|")


def test_chapter_links_jump_to_the_start_and_the_moment(library: Library, episode: Episode) -> None:
    answer = library.answer("where is the k hole defined")
    match = answer.chapters[0]
    assert match.url == f"https://www.youtube.com/watch?v={episode.video_id}&t={match.chapter.start}s"
    assert match.moment is not None
    assert match.chapter.contains(match.moment.seconds)
    assert match.moment_url == f"https://www.youtube.com/watch?v={episode.video_id}&t={match.moment.seconds}s"


def test_a_word_found_everywhere_does_not_drive_the_ranking(library: Library) -> None:
    assert first_start(library, "ketamine ketamine ketamine habenula") == first_start(library, "habenula")
    assert library.answer("ketamine").chapters == () or len(library.answer("ketamine").chapters) > 1


def test_one_chapter_when_clearly_ahead_else_the_few_best(library: Library) -> None:
    assert len(library.answer("hydroxynorketamine").chapters) == 1
    answer = library.answer("how long does it last")
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
def test_times(library: Library, question: str, asked: str, start: str) -> None:
    answer = library.answer(question)
    assert answer.kind is Kind.TIME
    assert answer.asked_time == parse_time(asked)
    [match] = answer.chapters
    assert match.chapter.start == parse_time(start)
    nearest = min(match.chapter.moments, key=lambda m: abs(m.seconds - parse_time(asked)))
    assert match.moment == nearest


def test_time_past_the_end(library: Library) -> None:
    answer = library.answer("what's at 2:30:00")
    assert answer.kind is Kind.PAST_END
    assert not answer.chapters
    assert "only 1:42:41 long" in reply_text(compose(answer, library.safety))


@pytest.mark.parametrize(
    "question", ["what studies are cited", "list the references", "sources?", "which papers does he cite"]
)
def test_all_studies(library: Library, episode: Episode, question: str) -> None:
    assert {s.id for s in library.answer(question).studies} == {s.id for s in episode.studies}


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
def test_studies_by_author_drug_year_or_title(library: Library, question: str, study: str) -> None:
    answer = library.answer(question)
    assert study in [s.id for s in answer.studies]
    assert answer.chapters, "a study answer also says where the episode discusses it"


def test_personal_advice_gets_the_disclaimer_and_the_whole_answer(library: Library, episode: Episode) -> None:
    answer = library.answer("how many mg of ketamine should I take for depression")
    assert answer.disclaimer
    assert answer.chapters
    text = reply_text(compose(answer, library.safety))
    assert text.startswith("**Not medical advice.**")
    assert episode.disclaimer_url in text
    assert answer.chapters[0].chapter.summary in text, "the disclaimer frames the answer, never hides it"
    assert "youtube.com" in text


def test_crisis_gets_resources_and_nothing_else(library: Library) -> None:
    for question in ("I feel like killing myself", "I'm suicidal, can ketamine help me? what dose"):
        answer = library.answer(question)
        assert answer.crisis and not answer.found
        text = reply_text(compose(answer, library.safety))
        assert library.safety.crisis_message in text and "988" in text
        assert "youtube.com" not in text and "start, stop or change" not in text


def test_an_emergency_gets_the_emergency_number_first_and_nothing_else(library: Library) -> None:
    answer = library.answer("my friend took too much ketamine and is unconscious")
    assert answer.emergency and not answer.crisis and not answer.found
    text = reply_text(compose(answer, library.safety))
    assert text.index("911") < text.index("1-800-222-1222")
    assert "988" not in text and "youtube.com" not in text


def test_a_lethal_amount_is_never_given(library: Library) -> None:
    for question in ("how many mg of ketamine would kill me", "whats the ld50 of ketamine just curious"):
        answer = library.answer(question)
        assert answer.lethal and not answer.found
        text = reply_text(compose(answer, library.safety))
        assert "mg" not in text.replace("1-800", "")
    assert library.answer("how many mg of ketamine would kill me").crisis
    assert not library.answer("whats the ld50 of ketamine just curious").crisis
    assert library.answer("what dose did the Berman study use").chapters, "clinical doses are still answered"


@pytest.mark.parametrize(
    "question", ["tell me a joke", "❤❤❤", "thanks!", "what's the capital of france", "asdfghjkl"]
)
def test_off_topic_and_noise_get_no_made_up_answer(library: Library, question: str) -> None:
    answer = library.answer(question)
    assert not answer.chapters
    assert not answer.studies
    assert not answer.crisis
    assert "chapters" in reply_text(compose(answer, library.safety))


def test_empty_question(library: Library) -> None:
    for question in ("", "   ", "\n"):
        answer = library.answer(question)
        assert answer.kind is Kind.EMPTY
        assert not answer.found


def test_long_message_is_matched_from_its_beginning_and_read_whole_for_safety(library: Library) -> None:
    question = "what does he say about the habenula " + "blah " * 500
    answer = library.answer(question)
    assert answer.truncated and len(question) > MAX_MATCH_CHARS
    assert first_start(library, question) == "01:15:45"
    ending = "blah " * 500 + " honestly i want to kill myself tonight"
    assert library.answer(ending).crisis, "safety reads the whole message, however long"


@pytest.mark.parametrize(
    "question",
    ["кетамин и депрессия", "ケタミンとは", "ketamine とは habenula", "🧠💊", "\x00\x01", "a" * 10000],
)
def test_other_scripts_and_odd_input_never_raise(library: Library, question: str) -> None:
    answer = library.answer(question)
    answer_to_dict(answer, library.safety)


def test_mixed_script_still_finds_the_latin_topic(library: Library) -> None:
    assert first_start(library, "ketamine とは habenula") == "01:15:45"


def test_what_is_this_episode_about(library: Library) -> None:
    assert first_start(library, "what is this episode about") == "00:00:00"


def test_random_input_never_raises(library: Library) -> None:
    # Seeded, so a failure reproduces: letters of several scripts, digits, punctuation, emoji, controls.
    rng = random.Random(20261127)
    alphabet = (
        "abcdefghijklmnopqrstuvwxyz ABCXYZ 0123456789 :.,!?'\"-/@#<>&%\n\t\x00 äöüßéñ кетамин ケタミン 😀🧠❤ ‮"
    )
    for _ in range(2000):
        question = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))
        answer = library.answer(question)
        answer_to_dict(answer, library.safety)


def test_a_clock_after_an_at_sign_is_a_place_not_a_name(library: Library) -> None:
    answer = library.answer("@19:30 what part is this", "ketamine")
    assert answer.kind is Kind.TIME and answer.asked_time == 19 * 60 + 30


def test_everyday_words_and_numbers_name_no_episode_for_a_time(library: Library) -> None:
    # The featured episode answers a bare time; "say" and "25" name none of the others.
    answer = library.answer("what does he say at 25 minutes")
    assert answer.chapters and answer.chapters[0].episode.id == "ketamine"


def test_a_word_of_another_language_is_no_english_misspelling(library: Library) -> None:
    # "provato" (tried) is no "Spravato": the Italian question is about how fast ketamine works
    answer = library.answer(
        "ho 24 anni, depressione da quando ne avevo 16, ho provato di tutto. il mio psichiatra dice che la "
        "ketamina funziona in poche ore invece di settimane. è vero?"
    )
    assert answer.chapters and answer.chapters[0].chapter.start == parse_time("00:22:11")
    # ... while a cognate spelt nearly alike is still read ("dissoziative")
    german = library.answer("ist der dissoziative Zustand einfach dieser Übergang zur Narkose?")
    assert not read("ist der dissoziative Zustand einfach dieser Übergang zur Narkose?").in_english
    assert any("dissoziative" in m.matched for m in german.chapters)


def test_a_known_word_hidden_inside_a_longer_one_is_no_misspelling(library: Library) -> None:
    # "bupren" sits in order inside "ibuprofen" (fuzz.ratio 80), three letters shorter: no slip of the fingers
    answer = library.answer("how much ibuprofen can i take for a headache, is 800mg ok")
    assert not any("ibuprofen" in m.matched for m in answer.chapters)
    # ... while a word a letter or two off still is read ("ketamene")
    assert library.answer("how does ketamene work on nmda").chapters


def test_a_study_cited_by_its_authors_and_journal_finds_the_chapter_that_cites_it(library: Library) -> None:
    answer = library.answer("molecular psychiatry 2019, williams et al, is that the one he cites?")
    assert answer.chapters and answer.chapters[0].chapter.start == parse_time("01:03:40")


def test_the_paradox_of_a_blocker_that_causes_plasticity_is_its_chapter(library: Library) -> None:
    # asked in four blind sets: the curated moment holds the listeners' words for it
    answer = library.answer(
        "ok i'm lost. if ketamine BLOCKS the receptor you need for plasticity how does it end up causing "
        "plasticity??"
    )
    assert answer.chapters and answer.chapters[0].chapter.start == parse_time("00:41:36")
