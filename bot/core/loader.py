"""Load and validate the YAML knowledge base; every problem is named with file, field path and line."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from bot.core.models import (
    Chapter,
    CrisisResource,
    Episode,
    KnowledgeBase,
    Moment,
    Resource,
    SafetyInfo,
    Study,
    TranscriptWindow,
)
from bot.core.timecode import format_time, parse_time
from bot.paths import BUNDLED_KNOWLEDGE

# The deployment's words for people in danger live in this file of the knowledge folder, not in an
# episode: a server localises them once for every episode. A folder without one uses the bundled file.
SAFETY_FILE = "safety.yaml"

SCHEMA_VERSION = 1
CHAPTER_KINDS = ("intro", "content", "sponsor", "outro")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a knowledge file."""

    file: str
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class KnowledgeError(Exception):
    """The knowledge base could not be loaded; `problems` says exactly where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"{problems[0]}{more}")

    def report(self) -> str:
        """Every problem, one a line."""
        return "\n".join(str(p) for p in self.problems)


def load_knowledge(folder: str | Path) -> KnowledgeBase:
    """Load every `*.yaml` file in `folder` (those starting with `_` excepted); raise KnowledgeError."""
    root = Path(folder)
    if not root.is_dir():
        raise KnowledgeError([Problem(str(root), None, "", "is not a folder")])
    files = sorted(p for p in root.glob("*.yaml") if not p.name.startswith("_") and p.name != SAFETY_FILE)
    if not files:
        raise KnowledgeError([Problem(str(root), None, "", "holds no *.yaml knowledge file")])
    episodes: list[Episode] = []
    problems: list[Problem] = []
    safety_path = root / SAFETY_FILE
    safety: SafetyInfo | None = None
    try:
        safety = load_safety(safety_path if safety_path.exists() else BUNDLED_KNOWLEDGE / SAFETY_FILE)
    except KnowledgeError as error:
        problems.extend(error.problems)
    for path in files:
        try:
            episodes.append(load_episode(path))
        except KnowledgeError as error:
            problems.extend(error.problems)
    featured = [e for e in episodes if e.featured]
    for extra in featured[1:]:
        problems.append(
            Problem(extra.source_file, None, "episode.featured", f"{featured[0].id!r} is featured already")
        )
    ids = [e.id for e in episodes]
    for episode in episodes:
        if ids.count(episode.id) > 1:
            problems.append(Problem(episode.source_file, None, "episode.id", f"{episode.id!r} is used twice"))
    if problems or safety is None:
        raise KnowledgeError(problems)
    # An episode without its own disclaimer text uses the deployment's.
    episodes = [e if e.disclaimer else replace(e, disclaimer=safety.disclaimer) for e in episodes]
    return KnowledgeBase(tuple(episodes), safety)


def load_episode(path: str | Path) -> Episode:
    """Load and validate one episode file; raise KnowledgeError naming every problem."""
    tree, data = _read(Path(path))
    episode = _Validator(tree).episode(data)
    if tree.problems or episode is None:
        raise KnowledgeError(tree.problems or [Problem(str(path), None, "", "is not an episode")])
    return episode


def load_safety(path: str | Path) -> SafetyInfo:
    """Load and validate the deployment's safety file (disclaimer, crisis and emergency help)."""
    tree, data = _read(Path(path))
    safety = _Validator(tree).safety(data)
    if tree.problems or safety is None:
        raise KnowledgeError(tree.problems or [Problem(str(path), None, "", "is not a safety file")])
    return safety


def _read(path: Path) -> tuple[_Tree, Any]:
    """A file's YAML as plain values, with the tree that remembers lines; KnowledgeError when unreadable."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise KnowledgeError([Problem(str(path), None, "", f"cannot be read: {error}")]) from error
    tree = _Tree(str(path))
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        reason = getattr(error, "problem", None) or str(error)
        raise KnowledgeError([Problem(str(path), line, "", f"is not valid YAML: {reason}")]) from error
    if node is None:
        raise KnowledgeError([Problem(str(path), 1, "", "is empty")])
    return tree, tree.convert(node, "")


class _Tree:
    """YAML nodes to plain values, remembering each field's line and raw scalar text."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.lines: dict[str, int] = {}
        self.raw: dict[str, str] = {}
        self.problems: list[Problem] = []
        self._constructor = yaml.constructor.SafeConstructor()

    def convert(self, node: yaml.Node, path: str) -> Any:
        self.lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = str(key_node.value)
                child = f"{path}.{key}" if path else key
                if key in result:
                    self.problems.append(
                        Problem(self.file, key_node.start_mark.line + 1, child, "appears twice")
                    )
                result[key] = self.convert(value_node, child)
                self.lines[child] = key_node.start_mark.line + 1
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, f"{path}[{i}]") for i, item in enumerate(node.value)]
        self.raw[path] = str(node.value)
        try:
            return self._constructor.construct_object(node, deep=True)
        except yaml.YAMLError as error:
            self.problems.append(Problem(self.file, self.lines[path], path, f"bad value: {error}"))
            return None

    def line(self, path: str) -> int | None:
        while path and path not in self.lines:
            path = path.rsplit(".", 1)[0] if "." in path else ""
        return self.lines.get(path)


class _Validator:
    """Checks fields against the schema in knowledge/README.md and builds the models."""

    def __init__(self, tree: _Tree) -> None:
        self.tree = tree

    # -- generic field checks -------------------------------------------------------------------

    def fail(self, path: str, message: str) -> None:
        self.tree.problems.append(Problem(self.tree.file, self.tree.line(path), path, message))

    def mapping(self, value: Any, path: str, required: Iterable[str], optional: Iterable[str] = ()) -> bool:
        if not isinstance(value, dict):
            self.fail(path or "(top level)", f"must be a mapping, got {_kind(value)}")
            return False
        required, optional = list(required), list(optional)
        for key in required:
            if key not in value:
                self.fail(path or "(top level)", f"missing required field {key!r}")
        for key in value:
            if key not in required and key not in optional:
                allowed = ", ".join(required + optional)
                self.fail(_join(path, key), f"unknown field (allowed: {allowed})")
        return True

    def text(self, obj: dict[str, Any], key: str, path: str, *, optional: bool = False) -> str:
        value = obj.get(key)
        if value is None and (optional or key not in obj):
            return ""
        if not isinstance(value, str) or not value.strip():
            self.fail(_join(path, key), f"must be a non-empty string, got {_kind(value)}")
            return ""
        return value.strip()

    def slug(self, obj: dict[str, Any], key: str, path: str) -> str:
        value = self.text(obj, key, path)
        if value and not _SLUG.match(value):
            self.fail(_join(path, key), f"{value!r} must be lowercase words joined by '-'")
        return value

    def episode_id(self, info: dict[str, Any]) -> str:
        # An imported episode is named by its YouTube video id, which has capitals and '_'.
        value = self.text(info, "id", "episode")
        if value and not (_SLUG.match(value) or _VIDEO_ID.match(value)):
            self.fail("episode.id", f"{value!r} must be lowercase words joined by '-' or a YouTube video id")
        return value

    def url(self, obj: dict[str, Any], key: str, path: str) -> str:
        value = self.text(obj, key, path)
        if value:
            parts = urlsplit(value)
            if (
                parts.scheme not in ("http", "https")
                or "." not in parts.netloc
                or any(c.isspace() for c in value)
            ):
                self.fail(_join(path, key), f"{value!r} is not a valid http(s) URL")
        return value

    def time(self, obj: dict[str, Any], key: str, path: str) -> int | None:
        if key not in obj:
            return None
        full = _join(path, key)
        raw = self.tree.raw.get(full)
        if raw is None or isinstance(obj[key], (list, dict)):
            self.fail(full, f"must be a time HH:MM:SS, got {_kind(obj[key])}")
            return None
        try:
            return parse_time(raw)
        except ValueError as error:
            self.fail(full, str(error))
            return None

    def flag(self, obj: dict[str, Any], key: str, path: str) -> bool:
        value = obj.get(key, False)
        if not isinstance(value, bool):
            self.fail(_join(path, key), f"must be true or false, got {_kind(value)}")
            return False
        return value

    def integer(self, obj: dict[str, Any], key: str, path: str) -> int:
        value = obj.get(key)
        if key in obj and (not isinstance(value, int) or isinstance(value, bool)):
            self.fail(_join(path, key), f"must be a whole number, got {_kind(value)}")
            return 0
        return value if isinstance(value, int) else 0

    def strings(self, obj: dict[str, Any], key: str, path: str) -> tuple[str, ...]:
        value = obj.get(key, [])
        if value is None:
            value = []
        if not isinstance(value, list):
            self.fail(_join(path, key), f"must be a list of strings, got {_kind(value)}")
            return ()
        out: list[str] = []
        for i, item in enumerate(value):
            if isinstance(item, (int, float)) and not isinstance(item, bool):
                item = self.tree.raw.get(f"{_join(path, key)}[{i}]", str(item))
            if not isinstance(item, str) or not item.strip():
                self.fail(f"{_join(path, key)}[{i}]", f"must be a non-empty string, got {_kind(item)}")
            else:
                out.append(item.strip())
        return tuple(out)

    def items(self, obj: dict[str, Any], key: str, path: str) -> list[tuple[str, Any]]:
        value = obj.get(key, [])
        if value is None:
            value = []
        if not isinstance(value, list):
            self.fail(_join(path, key), f"must be a list, got {_kind(value)}")
            return []
        return [(f"{_join(path, key)}[{i}]", item) for i, item in enumerate(value)]

    def unique(self, entries: list[tuple[str, str]], what: str) -> None:
        seen: set[str] = set()
        for path, ident in entries:
            if ident and ident in seen:
                self.fail(path, f"duplicate {what} id {ident!r}")
            seen.add(ident)

    # -- the episode ------------------------------------------------------------------------------

    def episode(self, data: Any) -> Episode | None:
        top = ("schema", "episode", "chapters")
        if not self.mapping(data, "", top, ("disclaimer", "studies", "resources", "transcript")):
            return None
        if "schema" in data and data["schema"] != SCHEMA_VERSION:
            self.fail("schema", f"must be {SCHEMA_VERSION}, got {data['schema']!r}")
        info = data.get("episode", {})
        fields = ("id", "title", "show", "host", "video_id", "url", "released", "duration")
        if not self.mapping(info, "episode", fields, ("page", "featured")):
            info = {}
        video_id = self.text(info, "video_id", "episode")
        if video_id and not _VIDEO_ID.match(video_id):
            self.fail("episode.video_id", f"{video_id!r} is not an 11-character YouTube video id")
        released = info.get("released")
        if "released" in info and not isinstance(released, dt.date):
            self.fail("episode.released", f"must be a date YYYY-MM-DD, got {_kind(released)}")
        duration = self.time(info, "duration", "episode") or 0

        disclaimer = data.get("disclaimer", {})
        if not self.mapping(disclaimer, "disclaimer", (), ("text", "url")):
            disclaimer = {}
        resources = [self.resource(item, path) for path, item in self.items(data, "resources", "")]

        study_entries = self.items(data, "studies", "")
        study_ids = {item.get("id") for _, item in study_entries if isinstance(item, dict)}
        chapters = self.chapters(data, duration, study_ids)
        chapter_ids = {c.id for c in chapters}
        studies = [self.study(item, path, chapter_ids) for path, item in study_entries]
        self.unique([(p, i.get("id", "")) for p, i in study_entries if isinstance(i, dict)], "study")
        windows = self.windows(data, duration)
        url = self.url(info, "url", "episode")
        page = self.url(info, "page", "episode") if "page" in info else url
        episode = Episode(
            id=self.episode_id(info),
            title=self.text(info, "title", "episode"),
            show=self.text(info, "show", "episode"),
            host=self.text(info, "host", "episode"),
            video_id=video_id,
            url=url,
            page=page,
            released=released if isinstance(released, dt.date) else dt.date.min,
            duration=duration,
            disclaimer=self.text(disclaimer, "text", "disclaimer", optional=True),
            disclaimer_url=self.url(disclaimer, "url", "disclaimer") if "url" in disclaimer else page,
            chapters=tuple(chapters),
            studies=tuple(s for s in studies if s is not None),
            resources=tuple(r for r in resources if r is not None),
            windows=tuple(windows),
            featured=self.flag(info, "featured", "episode"),
            source_file=self.tree.file,
        )
        return None if self.tree.problems else episode

    def safety(self, data: Any) -> SafetyInfo | None:
        if not self.mapping(data, "", ("schema", "disclaimer", "crisis", "emergency")):
            return None
        if "schema" in data and data["schema"] != SCHEMA_VERSION:
            self.fail("schema", f"must be {SCHEMA_VERSION}, got {data['schema']!r}")
        help_lines: dict[str, tuple[str, tuple[CrisisResource, ...]]] = {}
        for section in ("crisis", "emergency"):
            block = data.get(section, {})
            if not self.mapping(block, section, ("message", "resources")):
                block = {}
            found = [
                self.crisis_resource(item, path) for path, item in self.items(block, "resources", section)
            ]
            if "resources" in block and not found:
                self.fail(f"{section}.resources", "must name at least one resource")
            message = self.text(block, "message", section)
            help_lines[section] = (message, tuple(r for r in found if r is not None))
        disclaimer = data.get("disclaimer", {})
        if not self.mapping(disclaimer, "disclaimer", ("text",)):
            disclaimer = {}
        return SafetyInfo(
            disclaimer=self.text(disclaimer, "text", "disclaimer"),
            crisis_message=help_lines["crisis"][0],
            crisis_resources=help_lines["crisis"][1],
            emergency_message=help_lines["emergency"][0],
            emergency_resources=help_lines["emergency"][1],
            source_file=self.tree.file,
        )

    def windows(self, data: dict[str, Any], duration: int) -> list[TranscriptWindow]:
        """The transcript's term statistics: windows in time order, each `stem` or `stem*count` words."""
        block = data.get("transcript")
        if block is None:
            return []
        if not self.mapping(block, "transcript", ("windows",), ("window", "source")):
            return []
        windows: list[TranscriptWindow] = []
        for path, item in self.items(block, "windows", "transcript"):
            if not self.mapping(item, path, ("at", "terms")):
                continue
            at = self.time(item, "at", path)
            terms = self.text(item, "terms", path)
            if at is None or not terms:
                continue
            if windows and at <= windows[-1].start:
                self.fail(f"{path}.at", f"{format_time(at)} is not after the previous window")
                continue
            if duration and at >= duration:
                self.fail(
                    f"{path}.at", f"{format_time(at)} is past the episode's end ({format_time(duration)})"
                )
                continue
            counts: list[tuple[str, int]] = []
            for token in terms.split():
                term, _, count = token.partition("*")
                if not term or (count and not (count.isascii() and count.isdigit() and len(count) <= 6)):
                    self.fail(f"{path}.terms", f"{token!r} is not a term or term*count")
                    break
                counts.append((term, int(count) if count else 1))
            windows.append(TranscriptWindow(at, tuple(counts)))
        return windows

    def crisis_resource(self, item: Any, path: str) -> CrisisResource | None:
        if not self.mapping(item, path, ("name", "contact", "url")):
            return None
        return CrisisResource(
            self.text(item, "name", path), self.text(item, "contact", path), self.url(item, "url", path)
        )

    def resource(self, item: Any, path: str) -> Resource | None:
        if not self.mapping(item, path, ("title", "url"), ("note",)):
            return None
        return Resource(
            self.text(item, "title", path),
            self.url(item, "url", path),
            self.text(item, "note", path, optional=True),
        )

    def chapters(self, data: dict[str, Any], duration: int, study_ids: set[Any]) -> list[Chapter]:
        entries = self.items(data, "chapters", "")
        if "chapters" in data and not entries:
            self.fail("chapters", "must list at least one chapter")
        required = ("id", "start", "title", "kind")
        starts: list[tuple[str, dict[str, Any], int]] = []
        for path, item in entries:
            if not self.mapping(item, path, required, ("summary", "keywords", "moments")):
                continue
            start = self.time(item, "start", path)
            if start is None:
                continue
            if starts and start <= starts[-1][2]:
                previous = format_time(starts[-1][2])
                self.fail(
                    f"{path}.start", f"{format_time(start)} is not after the previous chapter's {previous}"
                )
            elif not starts and start != 0:
                self.fail(f"{path}.start", "the first chapter must start at 00:00:00")
            if duration and start >= duration:
                self.fail(
                    f"{path}.start",
                    f"{format_time(start)} is past the episode's end ({format_time(duration)})",
                )
            starts.append((path, item, start))
        self.unique([(f"{p}.id", i.get("id", "")) for p, i, _ in starts], "chapter")
        chapters: list[Chapter] = []
        for index, (path, item, start) in enumerate(starts):
            end = starts[index + 1][2] if index + 1 < len(starts) else max(duration, start + 1)
            kind = self.text(item, "kind", path)
            if kind and kind not in CHAPTER_KINDS:
                self.fail(f"{path}.kind", f"{kind!r} must be one of {', '.join(CHAPTER_KINDS)}")
            keywords = self.strings(item, "keywords", path)
            moments = self.moments(item, path, start, end, study_ids)
            chapters.append(
                Chapter(
                    id=self.slug(item, "id", path),
                    start=start,
                    end=end,
                    title=self.text(item, "title", path),
                    kind=kind,
                    summary=self.text(item, "summary", path, optional=True),
                    keywords=keywords,
                    moments=tuple(moments),
                )
            )
        return chapters

    def moments(
        self, chapter: dict[str, Any], path: str, start: int, end: int, study_ids: set[Any]
    ) -> list[Moment]:
        moments: list[Moment] = []
        previous = -1
        for mpath, item in self.items(chapter, "moments", path):
            if not self.mapping(item, mpath, ("at", "label"), ("keywords", "studies")):
                continue
            at = self.time(item, "at", mpath)
            if at is None:
                continue
            if not start <= at < end:
                span = f"{format_time(start)}-{format_time(end)}"
                self.fail(f"{mpath}.at", f"{format_time(at)} is outside the chapter ({span})")
            elif at <= previous:
                self.fail(
                    f"{mpath}.at",
                    f"{format_time(at)} is not after the previous moment {format_time(previous)}",
                )
            previous = max(previous, at)
            refs = self.strings(item, "studies", mpath)
            self.references(refs, f"{mpath}.studies", study_ids, "study")
            moments.append(
                Moment(at, self.text(item, "label", mpath), self.strings(item, "keywords", mpath), refs)
            )
        return moments

    def study(self, item: Any, path: str, chapter_ids: set[str]) -> Study | None:
        optional = ("authors", "year", "source", "finding", "chapters", "keywords", "doi", "pmid")
        if not self.mapping(item, path, ("id", "title", "url"), optional):
            return None
        chapters = self.strings(item, "chapters", path)
        self.references(chapters, f"{path}.chapters", chapter_ids, "chapter")
        year = self.integer(item, "year", path) if "year" in item else None
        if year is not None and isinstance(item.get("year"), int) and not 1900 <= year <= 2100:
            self.fail(f"{path}.year", f"{year} is not a plausible year")
        return Study(
            id=self.slug(item, "id", path),
            title=self.text(item, "title", path),
            url=self.url(item, "url", path),
            authors=self.strings(item, "authors", path),
            year=year,
            source=self.text(item, "source", path, optional=True),
            finding=self.text(item, "finding", path, optional=True),
            chapter_ids=chapters,
            keywords=self.strings(item, "keywords", path),
            doi=self.text(item, "doi", path, optional=True) or None,
            pmid=self.text(item, "pmid", path, optional=True) or None,
        )

    def references(self, refs: tuple[str, ...], path: str, known: set[Any], what: str) -> None:
        for i, ref in enumerate(refs):
            if ref not in known:
                self.fail(f"{path}[{i}]", f"no {what} has the id {ref!r}")


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _kind(value: Any) -> str:
    names: dict[type, str] = {dict: "a mapping", list: "a list", str: "a string", bool: "true/false"}
    if value is None:
        return "nothing"
    return names.get(type(value), type(value).__name__)
