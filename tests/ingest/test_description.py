"""Show notes: both chapter-list formats, the article list, the title line, and bad lists by line."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest.description import parse_description, parse_source_note
from bot.ingest.errors import IngestError
from bot.ingest.importer import chapter_kinds

FEED_NOTES = """\
This episode I discuss sleep with a guest. We cover many things in a long paragraph of prose.
For the full show notes, visit hubermanlab.com.
Thank you to our sponsors
AG1: https://athleticgreens.com/huberman
(00:00:00) Introducing the Guest
(00:02:27) Sponsors: AG1, LMNT
(00:06:40) \u2018Psychedelics\u2019 Defined
(00:9:19) Serotonin & Dopamine\u00a0
(01:04:36) Flashbacks
(02:50:38) Conclusions, Subscribing & Supporting the HLP, Supplements
Title Card Photo Credit: Mike Blabac
"""

YOUTUBE_NOTES = """\
Ketamine: Benefits and Risks | Huberman Lab Podcast
In this episode, I explain things.

Articles
Antidepressant effects of ketamine in depressed patients: https://bit.ly/44YTGxY
Dopamine, Updated: Reward Prediction Error and Beyond: https://bit.ly/3Gha0A7

Books
Dopamine Nation: https://amzn.to/3TIWfj2

Timestamps
00:00:00 Ketamine
00:02:29 Sponsors: ROKA & Eight Sleep
00:05:13 Ketamine & PCP; Clinical & Recreational Use
00:33:24 Sponsor: AG1
01:40:40 Zero-Cost Support, YouTube Feedback, Spotify & Apple Reviews
"""


def test_feed_notes_give_chapters_with_lines_and_no_articles() -> None:
    notes = parse_description(FEED_NOTES, "d.txt")
    assert [(c.start, c.title, c.line) for c in notes.chapters] == [
        (0, "Introducing the Guest", 5),
        (147, "Sponsors: AG1, LMNT", 6),
        (400, "\u2018Psychedelics\u2019 Defined", 7),
        (559, "Serotonin & Dopamine", 8),  # "(00:9:19)": one-digit minutes, read as 00:09:19
        (3876, "Flashbacks", 9),
        (10238, "Conclusions, Subscribing & Supporting the HLP, Supplements", 10),
    ]
    assert notes.articles == ()
    assert notes.title is None  # the first line is prose, never stored as a title


def test_youtube_notes_give_chapters_articles_and_title() -> None:
    notes = parse_description(YOUTUBE_NOTES, "d.txt")
    assert [c.start for c in notes.chapters] == [0, 149, 313, 2004, 6040]
    assert notes.chapters[2].title == "Ketamine & PCP; Clinical & Recreational Use"
    assert [(a.title, a.url, a.line) for a in notes.articles] == [
        ("Antidepressant effects of ketamine in depressed patients", "https://bit.ly/44YTGxY", 5),
        ("Dopamine, Updated: Reward Prediction Error and Beyond", "https://bit.ly/3Gha0A7", 6),
    ]
    assert notes.title == "Ketamine: Benefits and Risks"


def test_short_clock_and_dash_formats() -> None:
    notes = parse_description(
        "0:00 Start\n5:13 Topic one\n1:02:03 - Topic two\n75:30 \u2013 Topic three\n", "d"
    )
    assert [(c.start, c.title) for c in notes.chapters] == [
        (0, "Start"),
        (313, "Topic one"),
        (3723, "Topic two"),
        (4530, "Topic three"),
    ]


def test_chapter_kinds() -> None:
    titles = ["Ketamine", "Sponsors: ROKA", "NMDA", "Sponsor: AG1", "Ad: LMNT", "Recap", "Zero-Cost Support"]
    assert chapter_kinds(titles) == ["intro", "sponsor", "content", "sponsor", "sponsor", "content", "outro"]
    assert chapter_kinds(["Intro", "Conclusions, Subscribing & Supporting"])[-1] == "outro"
    assert chapter_kinds(["Intro", "Sleep Tools"])[-1] == "content"


def test_a_chapter_named_only_by_sponsors_is_an_ad() -> None:
    notes = parse_description(
        "Thank you to our sponsors\nAG1 (Athletic Greens): https://a.com\nROKA: https://r.com\n\n"
        "00:00:00 Intro\n00:01:00 AG1 (Athletic Greens)\n00:02:00 ROKA and AG1\n"
        "00:03:00 Athletic Performance\n",
        "d",
    )
    assert notes.sponsors == ("AG1", "Athletic Greens", "ROKA")
    titles = [c.title for c in notes.chapters]
    assert chapter_kinds(titles, notes.sponsors) == ["intro", "sponsor", "sponsor", "content"]


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("Just prose.\nNo list here.\n", None, "no chapter lines"),
        ("00:00:00 A\n00:05:00 B\n00:04:59 C\n", 3, "out of order"),
        ("00:00:00 A\n00:05:00 B\n00:05:00 C\n", 3, "out of order"),
        ("00:01:00 A\n00:05:00 B\n", 1, "must start at 00:00:00"),
        ("00:00:00 A\n00:05:75 B\n", 2, "not a time"),
        ("00:00:00 A\n01:75:00 B\n", 2, "not a time"),
    ],
)
def test_bad_chapter_lists_name_file_line_and_reason(text: str, line: int | None, reason: str) -> None:
    with pytest.raises(IngestError) as caught:
        parse_description(text, "notes.txt")
    assert (caught.value.file, caught.value.line) == ("notes.txt", line)
    assert reason in caught.value.reason
    assert str(caught.value).startswith(f"notes.txt:{line}: " if line else "notes.txt: ")


def test_source_note() -> None:
    note = parse_source_note("# Sleep Toolkit: Tools (#84) (h2aWYjSA1Jc, 2022-08-08)\n\n- files\n")
    assert note is not None
    assert (note.title, note.video_id, note.released) == (
        "Sleep Toolkit: Tools (#84)",
        "h2aWYjSA1Jc",
        dt.date(2022, 8, 8),
    )
    assert parse_source_note("# No id here\n") is None


def test_ids_are_short_unique_slugs_of_the_titles() -> None:
    from bot.ingest.slug import unique_slugs

    titles = [
        "Pain modulates dopamine neurons via a spinal\u2013parabrachial circuit",
        "Sponsor: AG1",
        "Sponsor: AG1",
    ]
    assert unique_slugs(titles, "x") == [
        "pain-modulates-dopamine-neurons-spinal-parabrachial",
        "sponsor-ag1",
        "sponsor-ag1-2",
    ]
    assert unique_slugs(["\u2014", "The"], "study") == ["study-1", "the"]
