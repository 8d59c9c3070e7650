"""Timed transcripts to cues: WebVTT, SRT, and `[HH:MM:SS.mmm --> HH:MM:SS.mmm]  text` lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.ingest.errors import IngestError

# "1:02:03.450", "02:03.450" (WebVTT), "01:02:03,450" (SRT); the fraction is optional in the wild.
_STAMP = r"(?:\d+:)?\d{1,2}:\d{1,2}(?:[.,]\d{1,3})?"
_TIMING = re.compile(rf"^\s*\[?\s*(?P<start>{_STAMP})\s*-->\s*(?P<end>{_STAMP})\s*\]?(?P<rest>.*)$")
_TAG = re.compile(r"<[^>]*>")
# Cues may overlap a little (Whisper); a cue starting this much before the previous one is disorder.
_ORDER_SLACK = 1.0


@dataclass(frozen=True, slots=True)
class Cue:
    """One timed stretch of speech: start and end in seconds, the words said, and its line in the file."""

    start: float
    end: float
    text: str
    line: int


def parse_transcript(text: str, file: str) -> tuple[Cue, ...]:
    """Every cue of a WebVTT, SRT or bracket-line transcript, in time order; IngestError names the line."""
    lines = text.lstrip("\ufeff").splitlines()
    if not any(line.strip() for line in lines):
        raise IngestError(file, None, "the transcript is empty")
    cues: list[Cue] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        match = _TIMING.match(line)
        index += 1
        if not match:
            continue
        number = index
        start = _seconds(match.group("start"), file, number)
        end = _seconds(match.group("end"), file, number)
        if end < start:
            raise IngestError(file, number, "the cue ends before it starts")
        if cues and start < cues[-1].start - _ORDER_SLACK:
            raise IngestError(file, number, f"the cue starts before the previous cue (line {cues[-1].line})")
        if line.lstrip().startswith("["):
            # Bracket lines carry their text on the same line, after the timing.
            words = match.group("rest").strip()
        else:
            # WebVTT and SRT: the text is every following line up to a blank one (cue settings ignored).
            body: list[str] = []
            while index < len(lines) and lines[index].strip() and not _TIMING.match(lines[index]):
                body.append(lines[index].strip())
                index += 1
            words = " ".join(body)
        words = _TAG.sub("", words).strip()
        if words:
            cues.append(Cue(start, end, words, number))
    if not cues:
        raise IngestError(
            file, None, "no timed cues with text (expected WebVTT, SRT or '[start --> end] text' lines)"
        )
    return tuple(cues)


def _seconds(stamp: str, file: str, line: int) -> float:
    clock, _, fraction = stamp.replace(",", ".").partition(".")
    parts = [int(p) for p in clock.split(":")]
    hours, minutes, seconds = parts if len(parts) == 3 else [0, *parts]
    if seconds >= 60 or (len(parts) == 3 and minutes >= 60):
        raise IngestError(file, line, f"{stamp!r} is not a time: minutes and seconds must be below 60")
    return hours * 3600 + minutes * 60 + seconds + (int(fraction) / 10 ** len(fraction) if fraction else 0.0)
