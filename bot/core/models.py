"""The knowledge base as frozen values: an episode, its chapters, moments and cited studies."""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from typing import Self, overload

from bot.core.timecode import youtube_link


class _Record:
    """A frozen dataclass pickled as its constructor's arguments: a library's thousand episode cards load
    about twice as fast as through the frozen dataclass's own __setstate__ (a Python call per object)."""

    __slots__ = ()

    def __reduce__(self) -> tuple[type[Self], tuple[object, ...]]:
        """The class and every field's value, in order."""
        return type(self), tuple([getattr(self, f.name) for f in fields(self)])  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Moment(_Record):
    """An exact time inside a chapter worth jumping to."""

    seconds: int
    label: str
    keywords: tuple[str, ...] = ()
    study_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Chapter(_Record):
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
class Study(_Record):
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
class CrisisResource(_Record):
    """Somewhere a person in danger can reach help now."""

    name: str
    contact: str
    url: str


@dataclass(frozen=True, slots=True)
class SafetyInfo(_Record):
    """What the deployment says to someone in danger, localised per server (knowledge/safety.yaml)."""

    disclaimer: str
    crisis_message: str
    crisis_resources: tuple[CrisisResource, ...]
    emergency_message: str
    emergency_resources: tuple[CrisisResource, ...]
    source_file: str = field(default="", compare=False)


@dataclass(frozen=True, slots=True)
class TranscriptWindow(_Record):
    """Which word stems are said, how often, in one stretch of the episode (statistics, never text)."""

    start: int
    terms: tuple[tuple[str, int], ...]


def _smallest(values: Sequence[int]) -> array[int]:
    """The values in the narrowest unsigned array type that holds them."""
    top = max(values, default=0)
    return array("B" if top < 1 << 8 else "H" if top < 1 << 16 else "I" if top < 1 << 32 else "Q", values)


class _WindowData:
    """The arrays behind an episode's windows, shared by every slice of them."""

    __slots__ = ("counts", "offsets", "starts", "terms", "vocabulary", "words")

    def __init__(
        self, vocabulary: str, starts: array[int], offsets: array[int], terms: array[int], counts: array[int]
    ) -> None:
        self.vocabulary = vocabulary  # every distinct stem once, space-separated, in first-said order
        self.starts = starts  # each window's start, in seconds, ascending
        self.offsets = offsets  # window i's (term, count) pairs are terms/counts[offsets[i]:offsets[i + 1]]
        self.terms = terms  # positions in the vocabulary
        self.counts = counts
        # The vocabulary split, made on first read only: a library holds thousands of unread episodes.
        self.words: list[str] | None = None

    def __getstate__(self) -> tuple[str, array[int], array[int], array[int], array[int]]:
        """Everything but the split vocabulary, which is remade when read."""
        return self.vocabulary, self.starts, self.offsets, self.terms, self.counts

    def __setstate__(self, state: tuple[str, array[int], array[int], array[int], array[int]]) -> None:
        """Restore the arrays; the vocabulary is split again on first read."""
        self.vocabulary, self.starts, self.offsets, self.terms, self.counts = state
        self.words = None

    def window(self, position: int) -> TranscriptWindow:
        """The window at `position`, decoded."""
        words = self.words
        if words is None:
            words = self.words = self.vocabulary.split(" ")
        low, high = self.offsets[position], self.offsets[position + 1]
        said = map(words.__getitem__, self.terms[low:high])
        return TranscriptWindow(self.starts[position], tuple(zip(said, self.counts[low:high], strict=True)))


class Windows(Sequence[TranscriptWindow]):
    """An episode's transcript windows in time order, held as a few arrays (a tuple of tuples took ~0.9 MB
    an episode); reading one decodes it, and a slice shares the arrays."""

    __slots__ = ("_data", "_high", "_low")

    def __init__(self, windows: Iterable[TranscriptWindow] = ()) -> None:
        vocabulary: dict[str, int] = {}
        starts: list[int] = []
        offsets = [0]
        terms: list[int] = []
        counts: list[int] = []
        for window in windows:
            starts.append(window.start)
            for term, count in window.terms:
                terms.append(vocabulary.setdefault(term, len(vocabulary)))
                counts.append(count)
            offsets.append(len(terms))
        self._data = _WindowData(
            " ".join(vocabulary), _smallest(starts), _smallest(offsets), _smallest(terms), _smallest(counts)
        )
        self._low, self._high = 0, len(starts)

    @property
    def shared(self) -> object:
        """The arrays behind these windows, one object that every slice of them shares."""
        return self._data

    @property
    def starts(self) -> Sequence[int]:
        """Each window's start in seconds, ascending (a slice of them for a slice)."""
        return self._data.starts[self._low : self._high]

    def __len__(self) -> int:
        return self._high - self._low

    @overload
    def __getitem__(self, index: int) -> TranscriptWindow: ...

    @overload
    def __getitem__(self, index: slice) -> Windows: ...

    def __getitem__(self, index: int | slice) -> TranscriptWindow | Windows:
        if isinstance(index, slice):
            low, high, step = index.indices(len(self))
            if step != 1:
                raise ValueError("windows slice with step 1 only")
            part = Windows.__new__(Windows)
            part._data, part._low, part._high = self._data, self._low + low, self._low + max(low, high)
            return part
        if not -len(self) <= index < len(self):
            raise IndexError("window index out of range")
        return self._data.window(self._low + index % len(self))

    def __iter__(self) -> Iterator[TranscriptWindow]:
        window = self._data.window
        return (window(position) for position in range(self._low, self._high))

    def _whole(self) -> bool:
        return self._low == 0 and self._high == len(self._data.starts)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Windows):
            return NotImplemented
        if self._data is other._data and (self._low, self._high) == (other._low, other._high):
            return True
        if self._whole() and other._whole():
            # Built from the same windows, the arrays are the same: compared at C speed, never decoded.
            mine, theirs = self._data.__getstate__(), other._data.__getstate__()
            return mine == theirs
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"Windows({len(self)} windows)"

    def __getstate__(self) -> tuple[_WindowData, int, int]:
        """The shared arrays and this slice's bounds."""
        return self._data, self._low, self._high

    def __setstate__(self, state: tuple[_WindowData, int, int]) -> None:
        """Restore from the shared arrays and bounds."""
        self._data, self._low, self._high = state


NO_WINDOWS = Windows()


@dataclass(frozen=True, slots=True)
class Resource(_Record):
    """Another resource the episode names."""

    title: str
    url: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Episode(_Record):
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
    windows: Windows = NO_WINDOWS
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
class KnowledgeBase(_Record):
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
