"""Show notes to facts: the chapter list, the cited articles, the title (never the prose around them)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.core.timecode import format_time
from bot.ingest.errors import IngestError

# "(00:05:13) Title" (podcast feed notes), "00:05:13 Title" and "5:13 Title" (YouTube), "1:02:03 - Title".
# Components may have one digit ("(00:9:19)" occurs in real notes): the reading is still unambiguous.
_CHAPTER = re.compile(
    r"^\s*(?P<open>\()?(?P<time>\d{1,2}(?::\d{1,2}){1,2})(?(open)\))\s*(?:[-\u2013\u2014|:.]\s*)?(?P<title>\S.*?)\s*$"
)
_ARTICLES_HEADING = re.compile(r"^\s*(?:articles|studies|papers|references)\s*:?\s*$", re.IGNORECASE)
_SPONSORS_HEADING = re.compile(
    r"^\s*(?:thank you to our sponsors|our sponsors|sponsors)\s*:?\s*$", re.IGNORECASE
)
_PARENTHESES = re.compile(r"\s*\(([^)]*)\)")
_LINK_LINE = re.compile(r"^\s*(?P<title>\S.*?)\s*:\s*(?P<url>https?://\S+)\s*$")
# "(Title) | Huberman Lab Podcast": the YouTube title carries the show's name after a bar.
_SHOW_SUFFIX = re.compile(r"\s*\|[^|]*podcast[^|]*$", re.IGNORECASE)
_MAX_TITLE_CHARS = 150
_SOURCE_NOTE = re.compile(
    r"^#\s*(?P<title>.+?)\s*\((?P<video_id>[A-Za-z0-9_-]{11}),\s*(?P<released>\d{4}-\d{2}-\d{2})\)\s*$"
)


@dataclass(frozen=True, slots=True)
class ChapterLine:
    """One line of the published chapter list: where it starts and its title, as given."""

    start: int
    title: str
    line: int


@dataclass(frozen=True, slots=True)
class Article:
    """One cited article: its title and link, as given under the Articles heading."""

    title: str
    url: str
    line: int


@dataclass(frozen=True, slots=True)
class Description:
    """What the importer keeps from the show notes."""

    title: str | None
    chapters: tuple[ChapterLine, ...]
    articles: tuple[Article, ...]
    sponsors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SourceNote:
    """The library's SOURCE.md heading: `# Title (video id, YYYY-MM-DD)`."""

    title: str
    video_id: str
    released: dt.date


def parse_description(text: str, file: str) -> Description:
    """The chapter list, the articles and a title line from show notes; IngestError names the bad line."""
    lines = text.splitlines()
    articles = _links_under(_ARTICLES_HEADING, lines)
    article_lines = {a.line for a in articles}
    chapters: list[ChapterLine] = []
    for number, line in enumerate(lines, 1):
        if number in article_lines or "://" in line:
            continue
        match = _CHAPTER.match(line)
        if not match:
            continue
        start = _chapter_time(match.group("time"), file, number)
        if not chapters and start != 0:
            raise IngestError(
                file,
                number,
                f"the first chapter starts at {format_time(start)}; the list must start at 00:00:00",
            )
        if chapters and start <= chapters[-1].start:
            previous = chapters[-1]
            raise IngestError(
                file,
                number,
                f"chapter time {format_time(start)} is not after {format_time(previous.start)} "
                f"(line {previous.line}): chapter times out of order",
            )
        chapters.append(ChapterLine(start, match.group("title"), number))
    if not chapters:
        raise IngestError(file, None, "no chapter lines (like '00:05:13 Title' or '(00:05:13) Title')")
    sponsors = [name for link in _links_under(_SPONSORS_HEADING, lines) for name in _names(link.title)]
    return Description(_title_line(lines), tuple(chapters), tuple(articles), tuple(sponsors))


def parse_source_note(text: str) -> SourceNote | None:
    """The title, video id and release date from a SOURCE.md's first line, or None when it has none."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    match = _SOURCE_NOTE.match(first)
    if not match:
        return None
    try:
        released = dt.date.fromisoformat(match.group("released"))
    except ValueError:
        return None
    return SourceNote(match.group("title"), match.group("video_id"), released)


def _chapter_time(text: str, file: str, line: int) -> int:
    parts = [int(p) for p in text.split(":")]
    hours, minutes, seconds = parts if len(parts) == 3 else [0, *parts]
    # "75:30" is plainly 75 minutes; with hours given, 75 minutes is a typo we must not guess at.
    if seconds >= 60 or (len(parts) == 3 and minutes >= 60):
        raise IngestError(file, line, f"{text!r} is not a time: minutes and seconds must be below 60")
    return hours * 3600 + minutes * 60 + seconds


def _names(title: str) -> list[str]:
    """ "AG1 (Athletic Greens)" -> ["AG1", "Athletic Greens"]: a sponsor by either of its names."""
    inner = _PARENTHESES.findall(title)
    return [n for n in (_PARENTHESES.sub("", title).strip(), *inner) if n.strip()]


def _links_under(heading: re.Pattern[str], lines: list[str]) -> list[Article]:
    """`Title: link` lines from a heading to the first line that is not one."""
    found: list[Article] = []
    inside = False
    for number, line in enumerate(lines, 1):
        if heading.match(line):
            inside = True
            continue
        if not inside:
            continue
        match = _LINK_LINE.match(line)
        if match:
            found.append(Article(match.group("title"), match.group("url"), number))
        elif line.strip() or found:
            inside = False
    return found


def _title_line(lines: list[str]) -> str | None:
    """The first line when it reads as a title (short, no sentence end), without the show's name."""
    first = next((line.strip() for line in lines if line.strip()), "")
    if not first or len(first) > _MAX_TITLE_CHARS or first[-1] in ".!?" or _CHAPTER.match(first):
        return None
    return _SHOW_SUFFIX.sub("", first).strip() or None
