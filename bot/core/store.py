"""The knowledge being served, reloadable: load and validate off the event loop, then swap in one step."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from bot.core.cache import open_library
from bot.core.library import Library
from bot.core.loader import KnowledgeError, Problem, load_knowledge
from bot.core.models import Episode, KnowledgeBase

T = TypeVar("T")

# Tuples up to this long are compared in one C call (a few microseconds); longer ones item by item.
_SHORT_TUPLE = 256

# A /reload waits at most this long for one already running (a load is bounded by MAX_LOAD_SECONDS);
# then it gives up with ReloadBusyError instead of queueing without end.
RELOAD_WAIT_SECONDS = 30.0


@dataclass(frozen=True, slots=True)
class EpisodeDiff:
    """What changed in one episode kept across a reload; fields are named as in models.Episode."""

    id: str
    title: str
    fields: tuple[str, ...] = ()
    chapters_added: tuple[str, ...] = ()
    chapters_removed: tuple[str, ...] = ()
    chapters_edited: tuple[str, ...] = ()
    studies_added: tuple[str, ...] = ()
    studies_removed: tuple[str, ...] = ()
    studies_edited: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        """Whether anything in the episode is different."""
        return any(getattr(self, f.name) for f in dataclasses.fields(self) if f.name not in ("id", "title"))

    def lines(self) -> list[str]:
        """The changes, one a line."""
        lines = []
        for label, names in (
            ("Chapters added", self.chapters_added),
            ("Chapters removed", self.chapters_removed),
            ("Chapters edited", self.chapters_edited),
            ("Studies added", self.studies_added),
            ("Studies removed", self.studies_removed),
            ("Studies edited", self.studies_edited),
        ):
            if names:
                lines.append(f"{label} ({len(names)}): {', '.join(names)}")
        if self.fields:
            lines.append(f"Episode edited: {', '.join(self.fields)}")
        return lines


@dataclass(frozen=True, slots=True)
class KnowledgeDiff:
    """What a reload changed: episodes added, removed and edited, and the deployment's safety file."""

    episodes_added: tuple[str, ...] = ()
    episodes_removed: tuple[str, ...] = ()
    episodes: tuple[EpisodeDiff, ...] = ()
    order_changed: bool = False
    default: str = ""  # the new default episode, when it changed
    safety: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        """Whether anything at all is different."""
        episodes = self.episodes_added or self.episodes_removed or self.episodes
        return bool(episodes or self.order_changed or self.default or self.safety)

    def summary(self) -> str:
        """A few lines a person reads after /reload."""
        if not self.changed:
            return "No changes: the knowledge on disk is what was already served."
        lines = []
        if self.episodes_added:
            lines.append(f"Episodes added ({len(self.episodes_added)}): {', '.join(self.episodes_added)}")
        if self.episodes_removed:
            lines.append(
                f"Episodes removed ({len(self.episodes_removed)}): {', '.join(self.episodes_removed)}"
            )
        if self.default:
            lines.append(f"Default episode (answered when none is named) is now {self.default}")
        if self.order_changed:
            lines.append("Episode order changed")
        several = len(self.episodes) > 1 or self.episodes_added or self.episodes_removed
        for episode in self.episodes:
            if several:
                lines.append(f"{episode.title} ({episode.id}):")
                lines += [f"  {line}" for line in episode.lines()]
            else:
                lines += episode.lines()
        if self.safety:
            lines.append(f"Safety file edited: {', '.join(self.safety)}")
        return "\n".join(lines)


def changed_fields(old: object, new: object) -> tuple[str, ...]:
    """The compared fields of two dataclass values that differ, in declaration order."""
    return tuple(
        f.name
        for f in dataclasses.fields(old)  # type: ignore[arg-type]
        if f.compare and not same(getattr(old, f.name), getattr(new, f.name))
    )


def same(a: object, b: object) -> bool:
    """`a == b` in small steps, so that comparing two large knowledge bases never holds the GIL for long.

    One `==` on two episodes is a single C call over every transcript window (tens of ms on a large
    file, during which no other thread runs); long tuples and dataclasses are walked item by item.
    """
    if a is b:
        return True
    if isinstance(a, tuple) and isinstance(b, tuple) and len(a) > _SHORT_TUPLE:
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if dataclasses.is_dataclass(a) and not isinstance(a, type) and type(a) is type(b):
        return not changed_fields(a, b)
    return a == b


def _by_id(items: Sequence[Any]) -> dict[str, Any]:
    return {item.id: item for item in items}


def _keyed_diff(old: Sequence[Any], new: Sequence[Any]) -> tuple[tuple[str, ...], ...]:
    """Added, removed and edited items (by id) of two tuples of records, each named by title and fields."""
    before, after = _by_id(old), _by_id(new)
    added = tuple(after[i].title for i in after if i not in before)
    removed = tuple(before[i].title for i in before if i not in after)
    edited = []
    for ident, item in after.items():
        if ident in before and not same(before[ident], item):
            edited.append(f"{item.title} [{', '.join(changed_fields(before[ident], item))}]")
    return added, removed, tuple(edited)


def diff_episodes(old: Episode, new: Episode) -> EpisodeDiff:
    """Every difference between two versions of an episode, field by field of the dataclasses."""
    fields: list[str] = []
    chapters: tuple[tuple[str, ...], ...] = ((), (), ())
    studies: tuple[tuple[str, ...], ...] = ((), (), ())
    for name in changed_fields(old, new):
        if name not in ("chapters", "studies"):
            fields.append(name)
            continue
        found = _keyed_diff(getattr(old, name), getattr(new, name))
        if name == "chapters":
            chapters = found
        else:
            studies = found
        if not any(found):
            fields.append(f"{name} order")  # the same records in another order still list differently
    return EpisodeDiff(
        id=new.id,
        title=new.title,
        fields=tuple(fields),
        chapters_added=chapters[0],
        chapters_removed=chapters[1],
        chapters_edited=chapters[2],
        studies_added=studies[0],
        studies_removed=studies[1],
        studies_edited=studies[2],
    )


def diff_knowledge(old: KnowledgeBase, new: KnowledgeBase) -> KnowledgeDiff:
    """Everything a reload changes; "no change" only when the two knowledge bases are equal."""
    before, after = _by_id(old.episodes), _by_id(new.episodes)
    edited = tuple(
        edit for i, e in after.items() if i in before and (edit := diff_episodes(before[i], e)).changed
    )
    kept_old = [e.id for e in old.episodes if e.id in after]
    kept_new = [e.id for e in new.episodes if e.id in before]
    diff = KnowledgeDiff(
        episodes_added=tuple(f"{after[i].title} ({i})" for i in after if i not in before),
        episodes_removed=tuple(f"{before[i].title} ({i})" for i in before if i not in after),
        episodes=edited,
        order_changed=kept_old != kept_new,
        default="" if old.default.id == new.default.id else f"{new.default.title} ({new.default.id})",
        safety=changed_fields(old.safety, new.safety),
    )
    # The field-by-field walk covers every compared field; this guards against a "No changes" that lies.
    if not diff.changed and not same(old, new):
        return dataclasses.replace(diff, order_changed=True)
    return diff


def diff_libraries(old: Library, new: Library) -> KnowledgeDiff:
    """`diff_knowledge(old.knowledge, new.knowledge)`, reading only the episodes added, removed or of
    another source: an episode of the same source (bot.core.cache: its file's bytes and the code) is equal."""
    before, after = set(old.ids), set(new.ids)

    def compared(episode_id: str) -> bool:
        source = old.source(episode_id)
        return source is None or source != new.source(episode_id)

    kept = [i for i in new.ids if i in before]
    read = [(old.card(i), new.card(i)) for i in kept if compared(i)]
    edited = tuple(edit for a, b in read if (edit := diff_episodes(a, b)).changed)
    old_default, new_default = old.default_id, new.default_id
    diff = KnowledgeDiff(
        episodes_added=tuple(f"{title} ({i})" for i, title in new.titles() if i not in before),
        episodes_removed=tuple(f"{title} ({i})" for i, title in old.titles() if i not in after),
        episodes=edited,
        order_changed=[i for i in old.ids if i in after] != kept,
        default="" if old_default == new_default else f"{new.episode.title} ({new_default})",
        safety=changed_fields(old.safety, new.safety),
    )
    # As diff_knowledge's guard: the field-by-field walk covers every compared field of what it read.
    if not diff.changed and not all(same(a, b) for a, b in read):
        return dataclasses.replace(diff, order_changed=True)
    return diff


class ReloadBusyError(KnowledgeError):
    """Another reload held the store for longer than RELOAD_WAIT_SECONDS."""


class Store(Generic[T]):
    """Serves a value built from a knowledge folder (an engine, a library); `reload` swaps in a new one.

    `build` turns a validated KnowledgeBase into what is served. Loading and building run in a worker
    thread, and the swap happens only when both succeeded, so a broken file keeps the old value.
    """

    def __init__(self, folder: Path, build: Callable[[KnowledgeBase], T]) -> None:
        """Load and build now (at start-up); raise KnowledgeError when the folder is bad."""
        self.folder = folder
        self._build = build
        # What is served, and what a reload's diff compares it by (a KnowledgeBase here).
        self._current: tuple[Any, T] = self._open()
        self._lock: asyncio.Lock | None = None
        self._lock_loop: asyncio.AbstractEventLoop | None = None

    @property
    def value(self) -> T:
        """What is served right now."""
        return self._current[1]

    @property
    def knowledge(self) -> KnowledgeBase:
        """The knowledge base the served value was built from."""
        knowledge: KnowledgeBase = self._current[0]
        return knowledge

    def _open(self) -> tuple[Any, T]:
        """What the diff compares (the folder's knowledge) and the value built from it."""
        knowledge = load_knowledge(self.folder)
        return knowledge, self._build(knowledge)

    def _diff(self, old: Any, new: Any) -> KnowledgeDiff:
        """What changed between two of `_open`'s first values."""
        return diff_knowledge(old, new)

    def _load(self, current: Any) -> tuple[Any, T, KnowledgeDiff]:
        compared, value = self._open()
        return compared, value, self._diff(current, compared)

    async def reload(self) -> KnowledgeDiff:
        """Load, validate and build in a worker thread, then swap; KnowledgeError keeps the old value.

        Reloads run one at a time; one that waits longer than RELOAD_WAIT_SECONDS raises ReloadBusyError.
        """
        # asyncio locks belong to one event loop; the bot runs one, tests run one per asyncio.run().
        loop = asyncio.get_running_loop()
        if self._lock is None or self._lock_loop is not loop:
            self._lock, self._lock_loop = asyncio.Lock(), loop
        lock = self._lock
        try:
            await asyncio.wait_for(lock.acquire(), RELOAD_WAIT_SECONDS)
        except TimeoutError:
            message = f"another reload has been running for over {RELOAD_WAIT_SECONDS:.0f} s; try again later"
            raise ReloadBusyError([Problem(str(self.folder), None, "", message)]) from None
        try:
            compared, value, diff = await asyncio.to_thread(self._load, self._current[0])
            old = [self._current]
            self._current = (compared, value)  # one assignment: readers see the old pair or the new
            # Freeing a large knowledge base at once is one long C call on this thread: free it piece by
            # piece in the worker instead (the list hands over the last reference).
            await asyncio.to_thread(_release, old)
            return diff
        finally:
            lock.release()


def _release(box: list[tuple[Any, Any]]) -> None:
    """Drop the last reference to an old knowledge base or library in small pieces (each frees little)."""
    held = box.pop()[0]
    episodes = held.read_so_far() if isinstance(held, Library) else held.episodes
    pieces: list[object] = []
    for episode in episodes:
        pieces += episode.chapters
        pieces += episode.studies
    del held, episodes
    while pieces:
        pieces.pop()


class KnowledgeStore(Store[Library]):
    """A Store serving the library of every episode; `store.library` is what answers.

    The library is opened from the folder's cache (bot.core.cache), as the command line opens it: a start
    or a reload reads no episode it does not need, and the diff reads only the episodes whose file changed.
    """

    def __init__(self, folder: Path) -> None:
        """Open the folder's library now; raise KnowledgeError when it is bad."""
        super().__init__(folder, Library)

    @classmethod
    def open(cls, folder: Path) -> KnowledgeStore:
        """Open the folder's library now; raise KnowledgeError when it is bad."""
        return cls(folder)

    @property
    def library(self) -> Library:
        """The library answering right now."""
        return self.value

    @property
    def knowledge(self) -> KnowledgeBase:
        """Every episode served and the safety file (each episode read now, if not yet)."""
        return self.library.knowledge

    def _open(self) -> tuple[Library, Library]:
        # Each episode is indexed once and kept in the folder's cache: a start, or a /reload after one
        # file changed, re-parses and re-indexes only what changed.
        library = open_library(self.folder)
        return library, library

    def _diff(self, old: Library, new: Library) -> KnowledgeDiff:
        return diff_libraries(old, new)
