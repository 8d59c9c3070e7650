"""Parsing and finding times."""

from __future__ import annotations

import pytest

from bot.core.timecode import find_time, find_time_ref, format_time, parse_time, short_time, youtube_link


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("00:00:00", 0), ("53:17", 3197), ("1:15:00", 4500), ("01:42:41", 6161), ("0:07", 7)],
)
def test_parse_time(text: str, seconds: int) -> None:
    assert parse_time(text) == seconds


@pytest.mark.parametrize("text", ["", "1:60", "12", "1:2:3:4", "aa:bb", "1:75:00"])
def test_parse_time_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="not a time"):
        parse_time(text)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("what happens at 53:17", 3197),
        ("what's at 1:15:00?", 4500),
        ("00:30:00", 1800),
        ("at 1h27m", 5220),
        ("1 hr 5 min", 3900),
        ("around minute 45", 2700),
        ("the 25 min mark", 1500),
        ("skip to 1h", 3600),
        ("at the 2 hour mark", 7200),
        ("what does he say 1hr in", 3600),
        ("at the 45 sec mark", 45),
        ("skip to 3000 seconds", 3000),
        ("youtube.com/watch?v=Rxmv7rT9leo&t=4000s what is this", 4000),
        # "am I" is a question, not a time of day
        ("after the part around 1:09 am I basically wasting my money", 69),
    ],
)
def test_find_time(text: str, seconds: int) -> None:
    assert find_time(text) == seconds


@pytest.mark.parametrize(
    "text",
    [
        "0.5 mg/kg",
        "a study from 2000",
        "24/7 support",
        "3 sessions",
        "PCN-101",
        "is 60mg a lot",
        "",
        "up at 3:30 am",
        "waking up at 2:30 or 3:30 am",
        # A clock face spoken of: "the 9:20 vs 12 o'clock split" of a plate is no place in the episode.
        "the clock method for a plate, whats the 9:20 vs 12 o'clock split?",
        "vietnam soldiers back in the 70s",
        "the 1970s",
        # A whole number of hours is a length of time unless marked as a place.
        "the part where he splits the 24 hours into 3 critical periods",
        "flying LA to NYC next week (3 hrs ahead)",
        "im running on 5 hrs sleep lol",
        "used to lift 2hrs a day",
        "can someone give me the 30 sec recap",
    ],
)
def test_find_time_ignores_other_numbers(text: str) -> None:
    assert find_time(text) is None


def test_formats() -> None:
    assert format_time(3197) == "00:53:17"
    assert short_time(3197) == "53:17"
    assert short_time(4500) == "1:15:00"
    assert youtube_link("Rxmv7rT9leo", 90) == "https://www.youtube.com/watch?v=Rxmv7rT9leo&t=90s"


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("around 53 min he said the plasticity takes days", 53 * 60),
        ("like 40 min in he explains it", 40 * 60),
        ("peaks around 45 min", None),
        ("takes around 20 min to kick in", None),
    ],
)
def test_about_a_minute_with_who_speaks_there_is_a_place(text: str, seconds: int | None) -> None:
    found = find_time_ref(text)
    assert (found.seconds if found else None) == seconds


@pytest.mark.parametrize("text", ["legit the most useful 1h42m of my week", "1h42m well spent"])
def test_the_whole_episodes_length_is_not_a_place(text: str) -> None:
    assert find_time_ref(text) is None
