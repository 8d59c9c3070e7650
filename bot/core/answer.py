"""What the engine returns: a plain value that the presentation model turns into a reply."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from bot.core.models import Chapter, Episode, Moment, Study
from bot.core.safety import SafetyRead
from bot.core.timecode import format_time


class Kind(StrEnum):
    """What sort of answer this is."""

    TOPIC = "topic"
    TIME = "time"
    STUDIES = "studies"
    PAST_END = "past_end"
    OFF_TOPIC = "off_topic"
    SMALL_TALK = "small_talk"
    EMPTY = "empty"
    HELP = "help"  # someone in danger or a lethal amount asked: help, and no episode content
    WHICH_EPISODE = "which_episode"  # a time asked with several episodes served and none chosen


@dataclass(frozen=True, slots=True)
class ChapterMatch:
    """A chapter that answers the question, with the moment inside it to jump to."""

    episode: Episode = field(repr=False, compare=False)
    chapter: Chapter
    score: float
    moment: Moment | None
    matched: tuple[str, ...]

    @property
    def url(self) -> str:
        """A link to the chapter's start."""
        return self.episode.link(self.chapter.start)

    @property
    def moment_url(self) -> str | None:
        """A link to the moment, when there is one."""
        return self.episode.link(self.moment.seconds) if self.moment else None

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
            "episode": {
                "id": self.episode.id,
                "title": self.episode.title,
                "video_id": self.episode.video_id,
            },
        }


@dataclass(frozen=True, slots=True)
class Answer:
    """The engine's answer to one message; a miss is an answer too, never an exception."""

    question: str
    kind: Kind
    safety: SafetyRead
    chapters: tuple[ChapterMatch, ...] = ()
    studies: tuple[Study, ...] = ()
    episode: Episode | None = field(default=None, repr=False, compare=False)
    asked_time: int | None = None
    truncated: bool = False

    @property
    def found(self) -> bool:
        """Whether anything in the episodes answers the question."""
        return bool(self.chapters or self.studies)

    @property
    def crisis(self) -> bool:
        """Someone may harm themselves: resources first, and nothing else."""
        return self.safety.crisis

    @property
    def emergency(self) -> bool:
        """A medical emergency happening now: the emergency number first, and nothing else."""
        return self.safety.emergency

    @property
    def lethal(self) -> bool:
        """A lethal or overdose amount was asked for: refused, with where to get help."""
        return self.safety.lethal

    @property
    def disclaimer(self) -> bool:
        """Personal health advice was asked for: the answer comes framed by the disclaimer."""
        # Chatter gets no answer, so nothing to frame: "this episode is my therapy lol" is a remark.
        return self.safety.advice and not self.safety.help_only and self.kind is not Kind.SMALL_TALK
