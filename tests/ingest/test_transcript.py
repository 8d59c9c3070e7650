"""Transcripts: WebVTT (MM:SS and HH:MM:SS cues), SRT and bracket lines; bad ones by file and line."""

from __future__ import annotations

import pytest

from bot.ingest.errors import IngestError
from bot.ingest.transcript import parse_transcript

VTT_SHORT = """WEBVTT

00:00.000 --> 00:02.240
 Welcome to the <b>show</b>,

00:02.240 --> 00:04.880 align:start
 where we discuss
 science

59:58.000 --> 1:00:01.500
 an hour in
"""

VTT_LONG = """WEBVTT

NOTE a comment block

00:00:01.000 --> 00:00:02.000
one

01:02:03.250 --> 01:02:04.000
two
"""

SRT = """1
00:00:01,000 --> 00:00:02,500
first line
second line

2
00:00:03,000 --> 00:00:04,000
third
"""

BRACKETS = """[00:00:00.000 --> 00:00:02.300]   - Welcome to the Podcast,
[00:00:02.300 --> 00:00:04.920]   where we discuss science
[01:42:38.060 --> 01:42:40.640]   (upbeat music)
"""


def test_webvtt_with_minute_cues() -> None:
    cues = parse_transcript(VTT_SHORT, "t.vtt")
    assert [(c.start, c.end, c.text, c.line) for c in cues] == [
        (0.0, 2.24, "Welcome to the show,", 3),
        (2.24, 4.88, "where we discuss science", 6),
        (3598.0, 3601.5, "an hour in", 10),
    ]


def test_webvtt_with_hour_cues_and_notes() -> None:
    cues = parse_transcript(VTT_LONG, "t.vtt")
    assert [(c.start, c.text) for c in cues] == [(1.0, "one"), (3723.25, "two")]


def test_srt() -> None:
    cues = parse_transcript(SRT, "t.srt")
    assert [(c.start, c.end, c.text, c.line) for c in cues] == [
        (1.0, 2.5, "first line second line", 2),
        (3.0, 4.0, "third", 7),
    ]


def test_bracket_lines() -> None:
    cues = parse_transcript(BRACKETS, "t.txt")
    assert [(c.start, c.text, c.line) for c in cues] == [
        (0.0, "- Welcome to the Podcast,", 1),
        (2.3, "where we discuss science", 2),
        (6158.06, "(upbeat music)", 3),
    ]


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("", None, "empty"),
        ("  \n\n", None, "empty"),
        ("WEBVTT\n\nno cues at all\n", None, "no timed cues"),
        ("WEBVTT\n\n00:05.000 --> 00:04.000\nbackwards\n", 3, "ends before it starts"),
        ("[00:00:10.000 --> 00:00:12.000] a\n[00:00:01.000 --> 00:00:02.000] b\n", 2, "before the previous"),
        ("[00:00:10.000 --> 00:00:75.000] a\n", 1, "not a time"),
    ],
)
def test_bad_transcripts_name_file_line_and_reason(text: str, line: int | None, reason: str) -> None:
    with pytest.raises(IngestError) as caught:
        parse_transcript(text, "t.vtt")
    assert (caught.value.file, caught.value.line) == ("t.vtt", line)
    assert reason in caught.value.reason
