"""What the engine returns: a plain value the CLI and the Discord layer both render."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from bot.core.models import Chapter, Moment, Study
from bot.core.timecode import format_time


class Kind(StrEnum):
    """What sort of answer this is, for the adapters to phrase it."""

    TOPIC = "topic"
    TIME = "time"
    STUDIES = "studies"
    PAST_END = "past_end"
    OFF_TOPIC = "off_topic"
    SMALL_TALK = "small_talk"
    EMPTY = "empty"


@dataclass(frozen=True, slots=True)
class ChapterMatch:
    """A chapter that answers the question, with the moment inside it to jump to."""

    chapter: Chapter
    url: str
    score: float
    moment: Moment | None
    moment_url: str | None
    matched: tuple[str, ...]

    @property
    def jump_url(self) -> str:
        """The best place to start watching: the moment when there is one, else the chapter."""
        return self.moment_url or self.url

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of one chapter in an answer."""
        moment = None
        if self.moment is not None:
            moment = {
                "at": format_time(self.moment.seconds),
                "seconds": self.moment.seconds,
                "label": self.moment.label,
                "url": self.moment_url,
            }
        return {
            "start": format_time(self.chapter.start),
            "seconds": self.chapter.start,
            "title": self.chapter.title,
            "url": self.url,
            "score": round(self.score, 3),
            "moment": moment,
            "matched": list(self.matched),
        }


@dataclass(frozen=True, slots=True)
class Answer:
    """The engine's answer to one question; a miss is an answer too, never an exception."""

    question: str
    kind: Kind
    chapters: tuple[ChapterMatch, ...]
    studies: tuple[Study, ...]
    disclaimer: bool
    crisis: bool
    asked_time: int | None = None
    truncated: bool = False

    @property
    def found(self) -> bool:
        """Whether anything in the episode answers the question."""
        return bool(self.chapters or self.studies)
