"""Times in an episode: parsing "53:17" / "1:15:00" / "1h15m", formatting, deep links."""

from __future__ import annotations

import re

_CLOCK = re.compile(r"^\s*(?:(\d{1,2}):)?(\d{1,2}):(\d{2})\s*$")

# Times inside free text. A clock needs a colon ("53:17", "1:05:00"); the spelled forms need a unit
# ("1h15m", "1 hr 27 min", "minute 45", "45 min mark") so that "0.5 mg" or "2000" are never times.
# "3:30 am" is a time of day, not a place in the episode.
_TEXT_CLOCK = re.compile(
    r"(?<![\d:.])(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?![\d:])(?!\s*(?:[ap]\.?m\b|o\s*clock))", re.I
)
_TIME_OF_DAY = re.compile(
    r"\d{1,2}:\d{2}\s*(?:[ap]\.?m\b|o\s*clock)|\b(?:in\s+the\s+(?:morning|evening|afternoon|night)|at\s+night|tonight|"
    r"today|tomorrow|tmrw|this\s+(?:morning|evening|afternoon)|wake|wakes|woke|waking|awake|up\s+at|bed|bedtime|asleep|"
    r"sleep|alarm|stream|streams|starts?\s+at|live\s+at|meeting|class|shift|gym|lunch|dinner|breakfast|"
    r"est|pst|cst|mst|utc|gmt|cet|bst|every\s+day\s+at|daily\s+at)\b",
    re.IGNORECASE,
)
# "3000 seconds", "4000s"; but "the 70s" and "1970s" are decades.
_TEXT_SECONDS = re.compile(
    r"(?<![\w.])(?:(\d{1,5})\s*(?:sec|secs|seconds)\b|(?!(?:19|20)\d\ds\b)(\d{3,5})s\b)", re.IGNORECASE
)
_TEXT_HMS = re.compile(
    r"(?<![\w.])(\d{1,2})\s*(?:h|hr|hrs|hour|hours)\s*(?:(\d{1,2})\s*(?:m|min|mins|minute|minutes)?)?"
    r"(?:\s*(\d{1,2})\s*(?:s|sec|secs|seconds?))?(?!\w)"
)
_TEXT_MINUTES = re.compile(
    r"(?:\bminute\s+(\d{1,3})\b)|(?:(?<![\w.])(\d{1,3})\s*(?:m|min|mins|minutes?)\s*(?:mark|in)?(?!\w))"
)


_LINK_SECONDS = re.compile(r"[?&#]t=(\d{1,5})s?\b")


def parse_time(text: str) -> int:
    """Seconds in a clock time "HH:MM:SS" or "MM:SS"; ValueError when it is not one."""
    match = _CLOCK.match(text)
    if not match:
        raise ValueError(f"not a time: {text!r} (expected HH:MM:SS or MM:SS)")
    hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
    if minutes >= 60 or seconds >= 60:
        raise ValueError(f"not a time: {text!r} (minutes and seconds must be below 60)")
    return hours * 3600 + minutes * 60 + seconds


def format_time(seconds: int) -> str:
    """'HH:MM:SS' for a number of seconds."""
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def short_time(seconds: int) -> str:
    """The way people write a time: '53:17', '1:15:00'."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def find_time(text: str) -> int | None:
    """The first time mentioned in free text (or in a pasted video link's t=), in seconds, or None."""
    link = _LINK_SECONDS.search(text)
    if link:
        return int(link.group(1))
    # "up at 2:30 or 3:30 am", "stream starts at 7:30 tonight": once the message speaks of the time of
    # day, no clock in it is a place in the episode.
    clock = None if _TIME_OF_DAY.search(text) else _TEXT_CLOCK.search(text)
    if clock:
        hours, minutes, seconds = (int(g) if g else 0 for g in clock.groups())
        if minutes < 60 and seconds < 60:
            return hours * 3600 + minutes * 60 + seconds
    spelled = _TEXT_HMS.search(text)
    if spelled:
        hours, minutes, seconds = (int(g) if g else 0 for g in spelled.groups())
        if minutes < 60 and seconds < 60:
            return hours * 3600 + minutes * 60 + seconds
    seconds_only = _TEXT_SECONDS.search(text)
    if seconds_only:
        return int(seconds_only.group(1) or seconds_only.group(2))
    minute = _TEXT_MINUTES.search(text)
    if minute:
        return int(minute.group(1) or minute.group(2)) * 60
    return None


def youtube_link(video_id: str, seconds: int) -> str:
    """A link that starts the video at `seconds`."""
    return f"https://www.youtube.com/watch?v={video_id}&t={seconds}s"
