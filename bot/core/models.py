"""The knowledge base as frozen values: an episode, its chapters, moments and cited studies."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from bot.core.timecode import youtube_link


@dataclass(frozen=True, slots=True)
class Moment:
    """An exact time inside a chapter worth jumping to."""

    seconds: int
    label: str
    keywords: tuple[str, ...] = ()
    study_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Chapter:
    """One chapter of the published list."""

    id: str
    start: int
    end: int
    title: str
    kind: str
    summary: str
    keywords: tuple[str, ...]
    moments: tuple[Moment, ...] = ()

    @property
    def is_content(self) -> bool:
        """True for chapters about the topic, False for sponsor reads and housekeeping."""
        return self.kind in ("intro", "content")

    def contains(self, seconds: int) -> bool:
        """Whether `seconds` falls inside this chapter."""
        return self.start <= seconds < self.end


@dataclass(frozen=True, slots=True)
class Study:
    """An article the episode cites."""

    id: str
    title: str
    url: str
    authors: tuple[str, ...] = ()
    year: int | None = None
    source: str = ""
    finding: str = ""
    # Where the study's finding and what the episode says about it part ways, in one plain line.
    differs: str = ""
    chapter_ids: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    doi: str | None = None
    pmid: str | None = None

    @property
    def citation(self) -> str:
        """A one-line citation of what is known: authors, year, title, source, DOI."""
        if not self.authors:
            who = ""
        elif len(self.authors) > 3:
            who = f"{self.authors[0]} et al. "
        else:
            who = ", ".join(self.authors) + ". "
        year = f"({self.year}). " if self.year else ""
        source = f" {self.source}." if self.source else ""
        doi = f" doi:{self.doi}" if self.doi else ""
        return f"{who}{year}{self.title}.{source}{doi}"


@dataclass(frozen=True, slots=True)
class CrisisResource:
    """Somewhere a person in danger can reach help now."""

    name: str
    contact: str
    url: str


@dataclass(frozen=True, slots=True)
class SafetyInfo:
    """What the deployment says to someone in danger, localised per server (knowledge/safety.yaml)."""

    disclaimer: str
    crisis_message: str
    crisis_resources: tuple[CrisisResource, ...]
    emergency_message: str
    emergency_resources: tuple[CrisisResource, ...]
    source_file: str = field(default="", compare=False)


@dataclass(frozen=True, slots=True)
class TranscriptWindow:
    """Which word stems are said, how often, in one stretch of the episode (statistics, never text)."""

    start: int
    terms: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class Resource:
    """Another resource the episode names."""

    title: str
    url: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Episode:
    """One episode with everything the bot knows about it."""

    id: str
    title: str
    show: str
    host: str
    video_id: str
    url: str
    page: str
    released: dt.date
    duration: int
    disclaimer: str
    disclaimer_url: str
    chapters: tuple[Chapter, ...]
    studies: tuple[Study, ...]
    resources: tuple[Resource, ...] = ()
    windows: tuple[TranscriptWindow, ...] = ()
    # The episode a library answers times ("53:17") from when a question names none.
    featured: bool = False
    source_file: str = field(default="", compare=False)

    def link(self, seconds: int) -> str:
        """A deep link into the video at `seconds`."""
        return youtube_link(self.video_id, seconds)

    def chapter_at(self, seconds: int) -> Chapter | None:
        """The chapter playing at `seconds`, or None past the end."""
        for chapter in self.chapters:
            if chapter.contains(seconds):
                return chapter
        return None


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    """Every episode loaded from a knowledge folder."""

    episodes: tuple[Episode, ...]
    safety: SafetyInfo

    @property
    def featured(self) -> Episode | None:
        """The episode marked `featured`, or the only one."""
        if len(self.episodes) == 1:
            return self.episodes[0]
        return next((e for e in self.episodes if e.featured), None)

    @property
    def default(self) -> Episode:
        """The episode browsed when none is named: the featured one, else the first file's."""
        return self.featured or self.episodes[0]
