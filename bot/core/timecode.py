"""Times in an episode: parsing "53:17" / "1:15:00" / "1h15m", formatting, deep links."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CLOCK = re.compile(r"^\s*(?:(\d{1,2}):)?(\d{1,2}):(\d{2})\s*$")

# Times inside free text. A clock needs a colon ("53:17", "1:05:00"); the spelled forms need a unit
# ("1h15m", "1 hr 27 min", "minute 45", "45 min mark") so that "0.5 mg" or "2000" are never times.
# "3:30 am" is a time of day, not a place in the episode; "the part around 1:09 am I wasting my money" is.
_TEXT_CLOCK = re.compile(
    r"(?<![\d:.])(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?![\d:])(?!\s*(?:p\.?m\b|a\.?m\b(?!\s+i\b)|o['\u2019\s]*clock))",
    re.I,
)
_TIME_OF_DAY = re.compile(
    r"\d{1,2}:\d{2}\s*(?:p\.?m\b|a\.?m\b(?!\s+i\b))|\b\d{1,2}\s*o['\u2019\s]*clock\b|\b(?:in\s+the\s+(?:morning|evening|afternoon|night)|at\s+night|tonight|"
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
    r"(?:\bminute\s+(\d{1,3})\b)|(?:(?:\b(?:at|@)\s*)?(?<![\w.])(\d{1,3})\s*(?:minutes?|mins|min|m)\b\s*(?:mark|in)(?!\w))"
    r"|(?:\b(?:at|@)\s*(\d{1,3})\s*(?:minutes?|mins|min|m)(?!\w))"
    # "around 53 min he said ...": about a minute, then who speaks there
    r"|(?:\b(?:around|about|like|roughly|near)\s+(\d{1,3})\s*(?:minutes?|mins|min|m)\s+(?=(?:he|she|they|huberman|andrew)\b))"
)


_LINK_SECONDS = re.compile(r"[?&#]t=(\d{1,5})s?\b")
_DIGIT = re.compile(r"\d")


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


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A place in an episode named in a message; "1:29" may also mean 1 h 29 min (`as_hours`)."""

    seconds: int
    as_hours: int | None = None

    def within(self, duration: int) -> int:
        """The reading that fits an episode of `duration` seconds: "1:29" is 1:29:00 in a long one."""
        if self.as_hours is not None and self.as_hours < duration:
            return self.as_hours
        return self.seconds


def find_time(text: str) -> int | None:
    """The first time mentioned in free text (or in a pasted video link's t=), in seconds, or None."""
    found = find_time_ref(text)
    return found.seconds if found else None


def find_time_ref(text: str) -> TimeRef | None:
    """The first place in the episode a message names, with the other reading of a short clock."""
    # Every form below holds a digit: most messages have none, and a long one costs ~250 us to search.
    if not _DIGIT.search(text):
        return None
    link = _LINK_SECONDS.search(text)
    if link:
        return TimeRef(int(link.group(1)))
    # "up at 2:30 or 3:30 am", "stream starts at 7:30 tonight": once the message speaks of the time of
    # day, no clock in it is a place in the episode (asked only of a clock: the costliest search here).
    clock = _TEXT_CLOCK.search(text)
    if clock and _TIME_OF_DAY.search(text):
        clock = None
    if clock and not _is_duration(text, clock.start()):
        hours, minutes, seconds = (int(g) if g else 0 for g in clock.groups())
        if minutes < 60 and seconds < 60:
            short = clock.group(1) is None and 1 <= minutes <= 9 and seconds < 60
            return TimeRef(
                hours * 3600 + minutes * 60 + seconds, minutes * 3600 + seconds * 60 if short else None
            )
    for pattern in (_TEXT_HMS, _TEXT_SECONDS, _TEXT_MINUTES):
        found = pattern.search(text)
        if found and not _is_duration(text, found.start()) and not _unmarked_length(text, pattern, found):
            return TimeRef(_spelled_seconds(pattern, found))
    return None


# No episode runs this many hours: "24 hours into 3 periods" is a day.
MAX_EPISODE_HOURS = 10
# "skip to 1h", "at the 2 hour mark", "1hr in": a whole number of hours is a place only when marked so.
_PLACE_BEFORE = re.compile(r"\b(?:at|to|near|past)\s+(?:the\s+)?$|@\s*$", re.IGNORECASE)
_PLACE_AFTER = re.compile(r"^\s*(?:mark|in\b|into|timestamp)", re.IGNORECASE)


# "the most useful 1h42m of my week", "1h42m well spent", "a 1h42m episode": the whole episode's length.
_LENGTH_AFTER = re.compile(
    r"^\s*(?:of\s+(?:my|your|his|her|our|the)\b|well\s+spent\b|straight\b|long\b|episode\b|ep\b|podcast\b|video\b)",
    re.IGNORECASE,
)


def _unmarked_length(text: str, pattern: re.Pattern[str], found: re.Match[str]) -> bool:
    """Whether "3 hrs", "24 hours", "30 sec" is a length of time rather than a place in the episode."""
    if _LENGTH_AFTER.match(text[found.end() :]):
        return True
    if pattern is _TEXT_SECONDS:
        # "a 30 sec recap" is a length; "skip to 3000 seconds" or "4000s" a place.
        if int(found.group(1) or found.group(2)) >= 60:
            return False
    elif pattern is _TEXT_HMS and not (found.group(2) or found.group(3)):
        if int(found.group(1)) >= MAX_EPISODE_HOURS:
            return True
    else:
        return False
    before = text[max(0, found.start() - 12) : found.start()]
    return not (_PLACE_BEFORE.search(before) or _PLACE_AFTER.match(text[found.end() :]))


def _spelled_seconds(pattern: re.Pattern[str], found: re.Match[str]) -> int:
    if pattern is _TEXT_HMS:
        hours, minutes, seconds = (int(g) if g else 0 for g in found.groups())
        return hours * 3600 + min(minutes, 59) * 60 + min(seconds, 59)
    if pattern is _TEXT_SECONDS:
        return int(found.group(1) or found.group(2))
    return int(found.group(1) or found.group(2) or found.group(3) or found.group(4)) * 60


# "peaks around 45 min", "not sitting thru 1h42m": a length of time, not a place in the episode.
_DURATION_BEFORE = re.compile(
    r"\b(?:thru|through|sitting|lasts?|lasting|for|takes?|took|peaks?|within|over|every|long|only|just|"
    r"after|waited?|wait)\s*$",
    re.IGNORECASE,
)


def _is_duration(text: str, start: int) -> bool:
    return bool(_DURATION_BEFORE.search(text[max(0, start - 20) : start]))


def youtube_link(video_id: str, seconds: int) -> str:
    """A link that starts the video at `seconds`."""
    return f"https://www.youtube.com/watch?v={video_id}&t={seconds}s"
