"""Show notes and a transcript to one episode's facts and statistics, ready to write as a knowledge file."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bot.core.text import fold
from bot.core.timecode import format_time, parse_time
from bot.ingest.description import ChapterLine, Description, parse_description, parse_source_note
from bot.ingest.errors import IngestError
from bot.ingest.slug import unique_slugs
from bot.ingest.transcript import Cue, parse_transcript
from bot.ingest.windows import WINDOW_SECONDS, ChapterSpan, TopicStart, Window, build_windows

DEFAULT_SHOW = "Huberman Lab"
DEFAULT_HOST = "Andrew Huberman"
# Without a transcript or --duration the end is unknown; the last chapter (the closing housekeeping,
# typically one to three minutes) is given this long, so that it is never cut short.
LAST_CHAPTER_MARGIN = 300
SOURCE_NOTE = "SOURCE.md"

_VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_WORD = re.compile(r"[^\W_]")
_AND = re.compile(r"\band\b")
_EPISODE_ID = re.compile(r"^(?:[a-z0-9]+(?:-[a-z0-9]+)*|[A-Za-z0-9_-]{11})$")
_SPONSOR = re.compile(r"^\s*(?:sponsors?|sponsored by|ads?|advertisements?|paid promotion)\b", re.IGNORECASE)
_OUTRO = re.compile(
    r"zero[- ]cost support|\bconclu|\bsupport|\bsubscrib|\breviews?\b|newsletter|\boutro\b|wrap[- ]?up"
    r"|\bclosing\b|\bthanks?\b|\bfarewell\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """What the command line may say instead of the files: every field optional."""

    video_id: str | None = None
    episode_id: str | None = None
    title: str | None = None
    released: dt.date | None = None
    duration: int | None = None
    show: str = DEFAULT_SHOW
    host: str = DEFAULT_HOST
    window_seconds: int = WINDOW_SECONDS


@dataclass(frozen=True, slots=True)
class ImportedChapter:
    """A published chapter with its kind and the topic starts found in it."""

    id: str
    start: int
    title: str
    kind: str
    moments: tuple[TopicStart, ...] = ()


@dataclass(frozen=True, slots=True)
class ImportedStudy:
    """A cited article with only what the notes give: an id made from its title, the title, the link."""

    id: str
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class ImportedEpisode:
    """Everything an import stores: facts from the notes, statistics from the transcript."""

    id: str
    title: str
    show: str
    host: str
    video_id: str
    released: dt.date
    duration: int
    chapters: tuple[ImportedChapter, ...]
    studies: tuple[ImportedStudy, ...]
    windows: tuple[Window, ...]
    window_seconds: int
    sources: tuple[str, ...]

    @property
    def url(self) -> str:
        """The video's page."""
        return f"https://www.youtube.com/watch?v={self.video_id}"


def import_options(
    *,
    video_id: str | None = None,
    episode_id: str | None = None,
    title: str | None = None,
    released: str | None = None,
    duration: str | None = None,
    show: str = DEFAULT_SHOW,
    host: str = DEFAULT_HOST,
) -> ImportOptions:
    """Options from command-line text; ValueError saying which value is wrong."""
    if video_id is not None and not _VIDEO_ID.match(video_id):
        raise ValueError(f"--video-id {video_id!r} is not an 11-character YouTube video id")
    if episode_id is not None and not _EPISODE_ID.match(episode_id):
        raise ValueError(f"--id {episode_id!r} must be lowercase words joined by '-' or a YouTube video id")
    try:
        date = dt.date.fromisoformat(released) if released is not None else None
    except ValueError:
        raise ValueError(f"--released {released!r} is not a date YYYY-MM-DD") from None
    try:
        seconds = parse_time(duration) if duration is not None else None
    except ValueError as error:
        raise ValueError(f"--duration: {error}") from None
    for name, value in (("--title", title), ("--show", show), ("--host", host)):
        if value is not None and not value.strip():
            raise ValueError(f"{name} is empty")
    return ImportOptions(video_id, episode_id, title, date, seconds, show, host)


def chapter_kinds(titles: list[str], sponsors: Iterable[str] = ()) -> list[str]:
    """intro first, outro for closing housekeeping at the end, sponsor for ads, else content."""
    kinds = ["sponsor" if _is_ad(title, sponsors) else "content" for title in titles]
    if titles:
        kinds[0] = "intro"
    if len(titles) > 1 and _OUTRO.search(titles[-1]):
        kinds[-1] = "outro"
    return kinds


def _is_ad(title: str, sponsors: Iterable[str]) -> bool:
    if _SPONSOR.match(title):
        return True
    # A title made of nothing but the notes' sponsor names ("AG1 (Athletic Greens)", "ROKA & LMNT").
    rest = fold(title)
    for name in sorted(sponsors, key=len, reverse=True):
        rest = rest.replace(fold(name), " ")
    return rest != fold(title) and not _WORD.search(_AND.sub(" ", rest))


def import_episode(
    description_path: str | Path, transcript_path: str | Path | None, options: ImportOptions
) -> ImportedEpisode:
    """Read the notes (and SOURCE.md beside them) and the transcript; IngestError on bad input."""
    description_file = str(description_path)
    text = _read(Path(description_path))
    description = parse_description(text, description_file)
    note_path = Path(description_path).with_name(SOURCE_NOTE)
    note = parse_source_note(_read(note_path)) if note_path.is_file() else None
    cues: tuple[Cue, ...] | None = None
    transcript_file = str(transcript_path) if transcript_path else None
    if transcript_path is not None:
        cues = parse_transcript(_read(Path(transcript_path)), str(transcript_path))
    folder_id = Path(description_path).resolve().parent.name
    video_id = options.video_id or (note.video_id if note else None) or folder_id
    if not _VIDEO_ID.match(video_id):
        raise IngestError(
            description_file, None, f"no YouTube video id (the folder is {folder_id!r}); pass --video-id"
        )
    title = options.title or (note.title if note else None) or description.title
    if not title:
        raise IngestError(
            description_file, 1, "the first line is not a title and there is no SOURCE.md; pass --title"
        )
    released = options.released or (note.released if note else None)
    if released is None:
        raise IngestError(description_file, None, "no release date (no SOURCE.md beside it); pass --released")
    # Named by folder and file only, so the file is the same wherever the library is checked out.
    sources = tuple(_short(s) for s in (description_file, transcript_file) if s)
    return build_episode(
        description,
        cues,
        description_file=description_file,
        transcript_file=transcript_file,
        episode_id=options.episode_id or video_id,
        title=title,
        video_id=video_id,
        released=released,
        duration=options.duration,
        show=options.show,
        host=options.host,
        sources=sources,
        window_seconds=options.window_seconds,
    )


def build_episode(
    description: Description,
    cues: tuple[Cue, ...] | None,
    *,
    description_file: str,
    transcript_file: str | None,
    episode_id: str,
    title: str,
    video_id: str,
    released: dt.date,
    duration: int | None,
    show: str = DEFAULT_SHOW,
    host: str = DEFAULT_HOST,
    sources: tuple[str, ...] = (),
    window_seconds: int = WINDOW_SECONDS,
) -> ImportedEpisode:
    """The episode from parsed notes and cues; checks that every time fits inside the episode."""
    chapters = description.chapters
    end = _duration(chapters, cues, duration, description_file, transcript_file)
    kinds = chapter_kinds([c.title for c in chapters], description.sponsors)
    spans = [
        ChapterSpan(c.start, chapters[i + 1].start if i + 1 < len(chapters) else end, kinds[i] == "content")
        for i, c in enumerate(chapters)
    ]
    windows: list[Window] = []
    moments: list[TopicStart] = []
    if cues:
        windows, moments = build_windows(cues, spans, window_seconds)
    ids = unique_slugs([c.title for c in chapters], "chapter")
    imported_chapters = tuple(
        ImportedChapter(ids[i], c.start, c.title, kinds[i], tuple(m for m in moments if m.chapter == i))
        for i, c in enumerate(chapters)
    )
    study_ids = unique_slugs([a.title for a in description.articles], "study")
    studies = tuple(ImportedStudy(study_ids[i], a.title, a.url) for i, a in enumerate(description.articles))
    return ImportedEpisode(
        id=episode_id,
        title=title,
        show=show,
        host=host,
        video_id=video_id,
        released=released,
        duration=end,
        chapters=imported_chapters,
        studies=studies,
        windows=tuple(windows),
        window_seconds=window_seconds,
        sources=sources,
    )


def _duration(
    chapters: tuple[ChapterLine, ...],
    cues: tuple[Cue, ...] | None,
    given: int | None,
    description_file: str,
    transcript_file: str | None,
) -> int:
    """The episode's length: --duration, else the transcript's last cue, else the last chapter + margin."""
    spoken_end = math.ceil(max(c.end for c in cues)) if cues else None
    if given is not None and cues and spoken_end is not None and spoken_end > given:
        last = max(cues, key=lambda c: c.end)
        raise IngestError(
            transcript_file or "transcript",
            last.line,
            f"the transcript runs to {format_time(spoken_end)}, past the episode's end "
            f"({format_time(given)}, --duration)",
        )
    end = given if given is not None else spoken_end
    if end is None:
        return chapters[-1].start + LAST_CHAPTER_MARGIN
    last_chapter = chapters[-1]
    if last_chapter.start >= end:
        what = "--duration" if given is not None else "the transcript's end"
        raise IngestError(
            description_file,
            last_chapter.line,
            f"the chapter starts at {format_time(last_chapter.start)}, past the episode's end "
            f"({format_time(end)}, {what})",
        )
    return end


def _short(path: str) -> str:
    return "/".join(Path(path).resolve().parts[-2:])


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise IngestError(str(path), None, f"cannot be read: {reason}") from error
