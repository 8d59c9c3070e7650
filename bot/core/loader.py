"""Load and validate the YAML knowledge base; every problem is named with file, field path and line."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
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
    Windows,
)
from bot.core.timecode import format_time, parse_time
from bot.paths import BUNDLED_KNOWLEDGE

# The deployment's words for people in danger live in this file of the knowledge folder, not in an
# episode: a server localises them once for every episode. A folder without one uses the bundled file.
SAFETY_FILE = "safety.yaml"

SCHEMA_VERSION = 1
CHAPTER_KINDS = ("intro", "content", "sponsor", "outro")

# Limits, so that a hostile or broken file costs a bounded amount of memory and time. One episode with
# chapters, studies and transcript term windows is about 0.1-0.5 MB, so a file of 8 MiB is far beyond
# any real episode, and a 1,000-episode library is 1,000 files each well under the limit.
MAX_FILE_BYTES = 8 * 1024 * 1024
# The whole folder must load within this; a 1,000-episode library of ordinary files takes a fraction.
MAX_LOAD_SECONDS = 120.0
# The schema nests six levels deep (chapters[].moments[].keywords[]); anything far deeper is not ours.
MAX_DEPTH = 32
# Nodes reached again through aliases (`*name`) per file: generous for shared keyword lists, and what
# stops a "billion laughs" file of nested aliases long before it expands.
MAX_ALIAS_NODES = 10_000
# Every file ends with YAML's document end marker, so a file cut short (a partial copy, a full disk) is
# told apart from a complete one: without it, a cut between two lines can still be valid YAML.
END_MARKER = "..."
# Problems told per file: the first ones say what is wrong; a million more would only flood the reply.
MAX_PROBLEMS = 50
# Echoed values and messages are clipped so a huge value never floods a reply.
_SHOW_CHARS = 60
_MAX_MESSAGE_CHARS = 300

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR_TAG = "tag:yaml.org,2002:str"
# What a failed YAML scalar conversion was trying to read, for the message.
_TAG_NAMES = {
    "tag:yaml.org,2002:int": "number",
    "tag:yaml.org,2002:float": "number",
    "tag:yaml.org,2002:timestamp": "date",
    "tag:yaml.org,2002:bool": "true/false",
}
# How often (in YAML events) a long file checks the time limit.
_DEADLINE_EVERY = 2048


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


class _FatalError(Exception):
    """Stops reading one file: the problem is already recorded."""


def load_knowledge(folder: str | Path, *, time_limit: float = MAX_LOAD_SECONDS) -> KnowledgeBase:
    """Load every `*.yaml` file in `folder` (names starting with `_` or `.` excepted); KnowledgeError."""
    root = Path(folder)
    deadline = time.monotonic() + time_limit
    if not root.is_dir():
        raise KnowledgeError([Problem(str(root), None, "", "is not a folder")])
    names = episode_file_names(root)
    if not names:
        raise KnowledgeError([Problem(str(root), None, "", "holds no *.yaml knowledge file")])
    episodes: list[Episode] = []
    problems: list[Problem] = []
    safety: SafetyInfo | None = None
    try:
        if os.path.lexists(root / SAFETY_FILE):
            safety = load_safety(root / SAFETY_FILE, root=root, deadline=deadline)
        else:
            safety = load_safety(BUNDLED_KNOWLEDGE / SAFETY_FILE, root=BUNDLED_KNOWLEDGE, deadline=deadline)
    except KnowledgeError as error:
        problems.extend(error.problems)
    for name in names:
        try:
            episodes.append(load_episode(root / name, root=root, deadline=deadline))
        except KnowledgeError as error:
            problems.extend(error.problems)
            if time.monotonic() > deadline:
                break  # the time-limit problem is recorded; the other files would only wait longer
    featured = [e for e in episodes if e.featured]
    for extra in featured[1:]:
        message = f"{featured[0].id!r} is featured already; only one episode may be"
        problems.append(Problem(extra.source_file, None, "episode.featured", message))
    ids = [e.id for e in episodes]
    for episode in episodes:
        if ids.count(episode.id) > 1:
            problems.append(
                Problem(episode.source_file, None, "episode.id", f"{_show(episode.id)} is used twice")
            )
    if problems or safety is None:
        raise KnowledgeError(problems)
    return KnowledgeBase(tuple(episodes), safety)


def episode_file_names(root: Path) -> list[str]:
    """The episode files of a knowledge folder, in load order (`_` and `.` names and safety.yaml left out)."""
    # os.scandir, not glob: the names alone are listed, nothing is opened or followed here.
    return sorted(
        entry.name
        for entry in os.scandir(root)
        if entry.name.endswith(".yaml")
        and not entry.name.startswith(("_", "."))
        and entry.name != SAFETY_FILE
    )


def load_episode(
    path: str | Path, *, root: str | Path | None = None, deadline: float | None = None
) -> Episode:
    """Load and validate one episode file inside `root` (default: its folder); raise KnowledgeError."""
    tree, data = _read(Path(path), root, deadline)
    episode = _Validator(tree).episode(data)
    tree.finish()
    if tree.problems or episode is None:
        raise KnowledgeError(tree.problems or [Problem(str(path), None, "", "is not an episode")])
    return episode


def load_safety(
    path: str | Path, *, root: str | Path | None = None, deadline: float | None = None
) -> SafetyInfo:
    """Load and validate the deployment's safety file (disclaimer, crisis and emergency help)."""
    tree, data = _read(Path(path), root, deadline)
    safety = _Validator(tree).safety(data)
    tree.finish()
    if tree.problems or safety is None:
        raise KnowledgeError(tree.problems or [Problem(str(path), None, "", "is not a safety file")])
    return safety


def _read(path: Path, root: str | Path | None, deadline: float | None) -> tuple[_Tree, Any]:
    """A file's YAML as plain values, with the tree that remembers lines; KnowledgeError when unreadable."""
    data = read_knowledge_file(path, Path(root) if root is not None else path.parent)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise KnowledgeError([Problem(str(path), None, "", f"cannot be read: {error}")]) from error
    tree = _Tree(str(path), deadline if deadline is not None else time.monotonic() + MAX_LOAD_SECONDS)
    try:
        value = tree.compose(text)
    except _FatalError:
        raise KnowledgeError(tree.problems) from None
    return tree, value


def read_knowledge_file(path: Path, root: Path) -> bytes:
    """The bytes of `path`, only when it is a regular file inside `root` and within MAX_FILE_BYTES.

    Everything is checked before the file is opened (a FIFO would block, /dev/zero never ends), and
    nothing read from outside the folder can reach a message.
    """

    def refuse(message: str) -> KnowledgeError:
        return KnowledgeError([Problem(str(path), None, "", message)])

    try:
        info = os.lstat(path)
        target = path
        if stat.S_ISLNK(info.st_mode):
            # realpath resolves every link in the chain without opening anything.
            real = Path(os.path.realpath(path))
            if not real.is_relative_to(os.path.realpath(root)):
                raise refuse(
                    "is a link to something outside the knowledge folder; only files inside it are read"
                )
            info, target = real.stat(), real
    except FileNotFoundError as error:
        raise refuse("does not exist (or is a link to nothing)") from error
    except OSError as error:
        raise refuse(f"cannot be read: {error.strerror}") from error
    if not stat.S_ISREG(info.st_mode):
        raise refuse(f"is {_file_kind(info.st_mode)}, not a regular file; only plain files are read")
    if info.st_size > MAX_FILE_BYTES:
        raise refuse(f"is {_mib(info.st_size)}; a knowledge file may hold at most {_mib(MAX_FILE_BYTES)}")
    # O_NONBLOCK: should the file be swapped for a FIFO after the check, open() still returns at once;
    # O_NOFOLLOW: nor may it become a link. fstat then confirms it is the file just checked.
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(target, flags)
    except OSError as error:
        raise refuse(f"cannot be read: {error.strerror}") from error
    try:
        opened = os.fstat(fd)
        if (opened.st_dev, opened.st_ino) != (info.st_dev, info.st_ino) or not stat.S_ISREG(opened.st_mode):
            raise refuse("changed while it was being read; try again")
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_FILE_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_FILE_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise refuse(f"cannot be read: {error.strerror}") from error
    finally:
        os.close(fd)
    if size > MAX_FILE_BYTES:
        raise refuse(f"grew past {_mib(MAX_FILE_BYTES)} while it was being read")
    return b"".join(chunks)


def _file_kind(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MiB"


def _show(value: object) -> str:
    """A value for a message: its repr, clipped."""
    text = repr(value)
    return (
        text if len(text) <= _SHOW_CHARS else f"{text[: _SHOW_CHARS - 1]}… ({len(str(value)):,} characters)"
    )


@dataclass(slots=True)
class _Frame:
    """A mapping or sequence being composed."""

    path: str
    value: dict[str, Any] | list[Any]
    anchor: str | None
    line: int
    first_path: int  # index into _Tree.order where this node's paths begin
    first_count: int  # _Tree.count when the node began
    key: str | None = None
    key_line: int = 0
    seen_keys: set[str] = field(default_factory=set)


@dataclass(slots=True)
class _Anchor:
    """A finished anchored node, ready to be reused by an alias."""

    value: Any
    size: int
    entries: list[tuple[str, int, str | None]]  # (path suffix, line, raw text) of every node inside


class _Tree:
    """YAML to plain values, one parser event at a time, remembering each field's line and raw text.

    The C parser is driven event by event, never handed a whole file: it holds the interpreter lock only
    for one event, so a /reload never stalls the bot's event loop. Composing here (not in PyYAML) is also
    what bounds the work: nesting depth, alias expansion and time are counted as the file is read.
    """

    def __init__(self, file: str, deadline: float) -> None:
        self.file = file
        self.deadline = deadline
        self.lines: dict[str, int] = {}
        self.raw: dict[str, str] = {}
        self.problems: list[Problem] = []
        self.cut_short: Problem | None = None
        self.bad: set[str] = set()  # paths whose value could not be read; not reported twice
        self.order: list[str] = []
        self.count = 0  # nodes composed, counting those reached through aliases
        self.expanded = 0  # nodes reached through aliases
        self._anchors: dict[str, _Anchor] = {}
        self._open: set[str] = set()
        self._resolver = yaml.resolver.Resolver()
        self._constructor = yaml.constructor.SafeConstructor()

    def fatal(self, line: int | None, message: str, path: str = "") -> _FatalError:
        self.problems.append(Problem(self.file, line, path, message))
        return _FatalError()

    def compose(self, text: str) -> Any:
        """The single document of `text` as plain values; _FatalError (problem recorded) when unreadable."""
        parser = _Loader(text)
        try:
            return self._compose(parser)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            reason = getattr(error, "problem", None) or str(error).split("\n")[0]
            if isinstance(error, yaml.reader.ReaderError):  # a bad character: it knows the offset only
                line = text.count("\n", 0, error.position) + 1
            raise self.fatal(line, f"is not valid YAML: {reason}") from None
        finally:
            parser.dispose()

    def _compose(self, parser: yaml.SafeLoader) -> Any:
        stack: list[_Frame] = []
        root: Any = None
        documents = 0
        ended = False
        last_line = 1
        events = 0
        while parser.check_event():
            # Any: the stubs type neither events nor marks precisely.
            event: Any = parser.get_event()  # type: ignore[no-untyped-call]
            events += 1
            line = event.start_mark.line + 1
            if events % _DEADLINE_EVERY == 1 and time.monotonic() > self.deadline:
                raise self.fatal(line, "reading stopped: loading the folder took longer than its time limit")
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise self.fatal(line, "holds a second YAML document (a '---' line); one a file")
                continue
            if isinstance(event, yaml.DocumentEndEvent):
                ended = bool(event.explicit)
                continue
            if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent)):
                continue
            if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                frame = stack.pop()
                if frame.anchor is not None:
                    self._close_anchor(frame)
                done = self._attach(stack, frame.value, frame.path)
                if done:
                    root = frame.value
                continue
            last_line = line
            path = self._next_path(stack, event, line)
            if path is None:
                continue  # the event was a mapping key
            if isinstance(event, yaml.AliasEvent):
                value = self._alias(str(event.anchor), path, line)
            elif isinstance(event, yaml.ScalarEvent):
                value = self._scalar(event, path, line)
                if isinstance(value, str) and value.strip() and event.anchor is None and _in_list(stack):
                    # A good text item of a list keeps no line of its own (the list's line stands for
                    # it): a file of a million keywords then costs no million path strings.
                    self.count += 1
                else:
                    self._record(path, line)
                    self.raw[path] = event.value
                if event.anchor is not None:
                    self._define(event.anchor, line)
                    self._anchors[event.anchor] = _Anchor(value, 1, [("", line, event.value)])
            else:
                if len(stack) >= MAX_DEPTH:
                    raise self.fatal(line, f"nests deeper than {MAX_DEPTH} levels", path)
                if event.anchor is not None:
                    self._define(event.anchor, line)
                    self._open.add(event.anchor)
                self._record(path, line)
                container: dict[str, Any] | list[Any] = (
                    {} if isinstance(event, yaml.MappingStartEvent) else []
                )
                stack.append(_Frame(path, container, event.anchor, line, len(self.order) - 1, self.count - 1))
                continue
            if self._attach(stack, value, path):
                root = value
        if documents == 0:
            raise self.fatal(1, "is empty")
        if not ended:
            # Reported after whatever else is wrong: a file cut short often fails the schema too.
            self.cut_short = Problem(
                self.file,
                last_line,
                "",
                f"does not end with the line {END_MARKER!r}: the file may be cut short (a partial copy or a "
                f"full disk); if it is complete, add {END_MARKER!r} as its last line",
            )
        return root

    def finish(self) -> None:
        """After validation: add the problems that are best read last, and cap how many are told."""
        if len(self.problems) > MAX_PROBLEMS:
            more = len(self.problems) - MAX_PROBLEMS
            self.problems[MAX_PROBLEMS:] = [Problem(self.file, None, "", f"and {more:,} more problems")]
        if self.cut_short is not None:
            self.problems.append(self.cut_short)

    def _record(self, path: str, line: int) -> None:
        self.lines[path] = line
        if self._open:  # paths are listed only inside an anchored node, to be copied by its aliases
            self.order.append(path)
        self.count += 1

    def _define(self, anchor: str, line: int) -> None:
        if anchor in self._anchors or anchor in self._open:
            raise self.fatal(line, f"the anchor &{_clip(anchor)} is defined twice")

    def _close_anchor(self, frame: _Frame) -> None:
        assert frame.anchor is not None
        self._open.discard(frame.anchor)
        cut = len(frame.path)
        entries = [(p[cut:], self.lines[p], self.raw.get(p)) for p in self.order[frame.first_path :]]
        self._anchors[frame.anchor] = _Anchor(frame.value, self.count - frame.first_count, entries)

    def _alias(self, anchor: str, path: str, line: int) -> Any:
        if anchor in self._open:
            raise self.fatal(line, f"the alias *{_clip(anchor)} refers to itself (a recursive alias)", path)
        found = self._anchors.get(anchor)
        if found is None:
            raise self.fatal(
                line, f"the alias *{_clip(anchor)} has no anchor &{_clip(anchor)} before it", path
            )
        self.expanded += found.size
        if self.expanded > MAX_ALIAS_NODES:
            raise self.fatal(
                line,
                f"aliases repeat more than {MAX_ALIAS_NODES:,} values (an alias bomb?); write them out",
                path,
            )
        # The reused values keep the lines where they are written; the alias itself is named at its own line.
        for suffix, at, raw in found.entries:
            child = path + suffix
            self._record(child, at)
            if raw is not None:
                self.raw[child] = raw
        self.lines[path] = line
        return found.value

    def _next_path(self, stack: list[_Frame], event: yaml.Event, line: int) -> str | None:
        """Where the node of `event` goes; None when the event was a mapping key (remembered on the frame)."""
        if not stack:
            return ""
        top = stack[-1]
        if isinstance(top.value, list):
            return f"{top.path}[{len(top.value)}]"
        if top.key is not None:
            return _join(top.path, top.key)
        if not isinstance(event, yaml.ScalarEvent):
            raise self.fatal(line, "a key must be plain text, not a list, mapping or alias", top.path)
        top.key, top.key_line = _clip(event.value), line
        return None

    def _attach(self, stack: list[_Frame], value: Any, path: str) -> bool:
        """Put a finished value into its parent; True when it is the document itself."""
        if not stack:
            return True
        top = stack[-1]
        if isinstance(top.value, list):
            top.value.append(value)
            return False
        key = top.key
        assert key is not None
        if key in top.seen_keys:
            self.problems.append(Problem(self.file, top.key_line, path, "appears twice"))
        top.seen_keys.add(key)
        top.value[key] = value
        # A field is named at its key's line, as people read it.
        self.lines[path] = top.key_line
        top.key = None
        return False

    def _scalar(self, event: yaml.ScalarEvent, path: str, line: int) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            tag = self._resolver.resolve(yaml.ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
        if tag == _STR_TAG:
            return event.value
        node = yaml.ScalarNode(tag, event.value, style=event.style)
        build = self._constructor.yaml_constructors.get(tag) or self._constructor.yaml_constructors[None]
        try:
            value = build(self._constructor, node)
            if hasattr(value, "__next__"):  # a collection tag on a plain value
                raise ValueError(f"the tag {tag} does not fit a single value")
        # Any error at all: datetime.date(2023, 2, 30), int() of 5,000 digits, an unknown tag.
        except Exception as error:
            # The first clause says it; the rest is Python's advice (sys.set_int_max_str_digits...).
            reason = (getattr(error, "problem", None) or str(error)).split(": ")[0]
            what = _TAG_NAMES.get(tag, "value")
            self.problems.append(
                Problem(self.file, line, path, f"{_show(event.value)} is not a valid {what}: {reason}")
            )
            self.bad.add(path)
            return None
        return value

    def line(self, path: str) -> int | None:
        """The line of `path`, or of the nearest enclosing field or list that has one."""
        while path and path not in self.lines:
            if path.endswith("]"):
                path = path[: path.rindex("[")]
            else:
                path = path.rsplit(".", 1)[0] if "." in path else ""
        return self.lines.get(path)


def _in_list(stack: list[_Frame]) -> bool:
    return bool(stack) and isinstance(stack[-1].value, list)


def _clip(text: str) -> str:
    return text if len(text) <= _SHOW_CHARS else f"{text[: _SHOW_CHARS - 1]}…"


class _Validator:
    """Checks fields against the schema in knowledge/README.md and builds the models."""

    def __init__(self, tree: _Tree) -> None:
        self.tree = tree

    # -- generic field checks -------------------------------------------------------------------

    def fail(self, path: str, message: str) -> None:
        if path in self.tree.bad:
            return  # its value could not be read, which is already reported
        if len(message) > _MAX_MESSAGE_CHARS:
            message = message[: _MAX_MESSAGE_CHARS - 1] + "…"
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
            self.fail(_join(path, key), f"{_show(value)} must be lowercase words joined by '-'")
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
                self.fail(_join(path, key), f"{_show(value)} is not a valid http(s) URL")
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
                self.fail(path, f"duplicate {what} id {_show(ident)}")
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
            self.fail("episode.video_id", f"{_show(video_id)} is not an 11-character YouTube video id")
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
            windows=Windows(windows),
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
                    self.fail(f"{path}.terms", f"{_show(token)} is not a term or term*count")
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
                self.fail(f"{path}.kind", f"{_show(kind)} must be one of {', '.join(CHAPTER_KINDS)}")
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
        optional = ("authors", "year", "source", "finding", "differs", "chapters", "keywords", "doi", "pmid")
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
            differs=self.text(item, "differs", path, optional=True),
            chapter_ids=chapters,
            keywords=self.strings(item, "keywords", path),
            doi=self.text(item, "doi", path, optional=True) or None,
            pmid=self.text(item, "pmid", path, optional=True) or None,
        )

    def references(self, refs: tuple[str, ...], path: str, known: set[Any], what: str) -> None:
        for i, ref in enumerate(refs):
            if ref not in known:
                self.fail(f"{path}[{i}]", f"no {what} has the id {_show(ref)}")


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _kind(value: Any) -> str:
    names: dict[type, str] = {dict: "a mapping", list: "a list", str: "a string", bool: "true/false"}
    if value is None:
        return "nothing"
    return names.get(type(value), type(value).__name__)
