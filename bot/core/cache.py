"""Load once, index once: a library opened from a compiled, per-episode cache kept beside the knowledge."""

from __future__ import annotations

import gc
import hashlib
import io
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import bot
from bot.core.engine import Engine
from bot.core.library import ENGINES_KEPT, Cards, Library, build_router, routing_corpus
from bot.core.loader import (
    SAFETY_FILE,
    KnowledgeError,
    episode_file_names,
    load_episode,
    load_knowledge,
    load_safety,
    read_knowledge_file,
)
from bot.core.models import Episode
from bot.core.router import Router
from bot.core.search import Corpus
from bot.paths import BUNDLED_KNOWLEDGE

log = logging.getLogger(__name__)

# Bump when what is pickled changes shape in a way the source hash below would not notice.
FORMAT_VERSION = 3
CACHE_FOLDER = ".cache"
PICKLE_PROTOCOL = 5
_CORE = Path(__file__).resolve().parent


def _code_salt() -> bytes:
    """What the compiled entries depend on besides the knowledge: format, package, Python and core code."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{FORMAT_VERSION}\0{bot.__version__}\0{sys.version}\0".encode())
    # An edit to the code that parses or indexes (weights, stemming) changes what an engine holds, even
    # without a version bump: the core's own source is part of every key.
    for path in sorted(_CORE.rglob("*.py")):
        digest.update(path.relative_to(_CORE).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.digest()


_SALT = _code_salt()


def _key(*parts: bytes) -> str:
    """A cache key over the code salt and the given bytes."""
    # SHA-256: the processor computes it (2x blake2b here), and a start hashes every knowledge file.
    digest = hashlib.sha256(_SALT)
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()[:40]


class _FolderError(Exception):
    """A problem of the whole folder, which the loader words (every problem, in its order)."""


class _Cache:
    """Pickled entries in one folder; anything unreadable is a miss, anything unwritable is skipped."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.writable = True
        self.wrote = False

    def get(self, name: str, kind: type) -> Any:
        """The entry `name` when it holds a `kind`, else None (missing, corrupt, or of an old shape)."""
        try:
            data = (self.folder / name).read_bytes()
        except OSError:
            return None  # not cached yet, or no cache to read (an unwritable one warns once, on writing)
        try:
            value = _loads(data)
        except Exception as error:  # a corrupt entry is any exception unpickling can raise
            log.warning("ignoring the unreadable cache entry %s (%s); rebuilding it", name, error)
            return None
        return value if isinstance(value, kind) else None

    def put(self, name: str, value: object) -> None:
        """Write an entry atomically (temp file, then rename); on the first failure stop writing, warn."""
        if not self.writable:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            # The folder ignores itself, so a cache inside a git checkout is never committed.
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("*\n", encoding="utf-8")
            descriptor, temporary = tempfile.mkstemp(dir=self.folder, prefix=f".{name}.", suffix=".tmp")
            try:
                with os.fdopen(descriptor, "wb") as file:
                    pickle.dump(value, file, protocol=PICKLE_PROTOCOL)
                Path(temporary).replace(self.folder / name)  # os.replace: atomic
                self.wrote = True
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as error:
            self.writable = False
            log.warning("cannot write the knowledge cache in %s (%s); running without it", self.folder, error)

    def prune(self, keep: set[str]) -> None:
        """Remove entries this folder no longer uses (an edited episode's old versions)."""
        if not self.writable:
            return
        try:
            for path in self.folder.glob("*.pickle"):
                if path.name not in keep:
                    path.unlink(missing_ok=True)
        except OSError as error:
            log.warning("cannot prune the knowledge cache in %s (%s)", self.folder, error)


@dataclass(frozen=True, slots=True)
class _Compiled:
    """One episode compiled, each part pickled apart and unpickled only when needed: the parsed episode
    (its card), its engine (when a question first reaches it) and its routing corpus (when the router is
    rebuilt)."""

    episode: bytes
    engine: bytes
    routing: bytes


@dataclass(frozen=True, slots=True)
class _Served:
    """A library as a start needs it, under all the episodes' keys: the router, each episode's id, title and
    flags, and its card pickled (unpickled when the episode is first needed)."""

    ids: tuple[str, ...]
    titles: tuple[str, ...]
    featured: tuple[bool, ...]
    citing: tuple[bool, ...]
    cards: tuple[bytes, ...]
    router: Router | None


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Unpickling makes many small containers, none of them garbage: without pauses for the cyclic
    collector scanning them again and again, a warm start takes about half as long."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _loads(data: bytes) -> object:
    """Unpickle with the cyclic collector paused."""
    with _collector_paused():
        return pickle.loads(data)


def _parts(episode: Episode) -> list[object]:
    """The episode's parts an engine points at, in a fixed order: pickled as their places in this list, and
    read back as the served card's (a list lookup in C for each of a few hundred references)."""
    # Slices of the windows (each chapter's) share the windows' arrays.
    parts: list[object] = [episode, episode.windows, episode.windows.shared, *episode.chapters]
    parts += [moment for chapter in episode.chapters for moment in chapter.moments]
    parts += episode.studies
    return parts


def _dump_engine(engine: Engine) -> bytes:
    """The engine pickled without its episode: what it points at of the episode is pickled by reference."""
    places: dict[int, int] = {}
    for place, part in enumerate(_parts(engine.episode)):
        places.setdefault(id(part), place)
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=PICKLE_PROTOCOL)
    pickler.persistent_id = lambda value: places.get(id(value))  # type: ignore[method-assign]
    pickler.dump(engine)
    return buffer.getvalue()


def _load_engine(data: bytes, episode: Episode) -> Engine:
    """An engine from `_dump_engine`, pointing at this episode (the served card) again."""
    unpickler = pickle.Unpickler(io.BytesIO(data))
    # A place the card does not have raises (IndexError, TypeError): the entry is not of this card.
    unpickler.persistent_load = _parts(episode).__getitem__  # type: ignore[method-assign]
    with _collector_paused():
        engine = unpickler.load()
    if not isinstance(engine, Engine) or engine.episode is not episode:
        raise pickle.UnpicklingError("not an engine of this episode")
    return engine


def _compile(episode: Episode) -> _Compiled:
    """Index one episode: the cache entry of its card, engine and routing corpus."""
    engine = Engine(episode)
    card = pickle.dumps(episode, protocol=PICKLE_PROTOCOL)
    routing = pickle.dumps(routing_corpus(engine), protocol=PICKLE_PROTOCOL)
    return _Compiled(card, _dump_engine(engine), routing)


def _bound(episode: Episode, path: Path) -> Episode:
    """The episode as load_knowledge gives it: from this path."""
    # The path is not indexed, so a cached episode stays valid when the folder moves.
    return episode if episode.source_file == str(path) else replace(episode, source_file=str(path))


def open_library(folder: Path, *, cache_dir: Path | None = None, keep: int = ENGINES_KEPT) -> Library:
    """`Library(load_knowledge(folder))`, compiled once into `cache_dir` (`<folder>/.cache/`).

    Each episode is cached under the hash of its file's bytes (and the core's code), so an edit re-parses
    and re-indexes that episode alone; the router and every episode's card are cached once more under all
    the episodes' keys, and are all a start reads: an episode is unpickled when first needed, its engine
    read when a question first reaches it, and the `keep` most recently used engines stay in memory.
    `cache_dir` belongs to one folder (unused entries are pruned). A bad folder raises the loader's own
    KnowledgeError; a failed load is never cached.
    """
    root = Path(folder)
    if not root.is_dir():
        return Library(load_knowledge(root))  # raises the loader's error for a missing folder
    files = [root / name for name in episode_file_names(root)]
    cache = _Cache(cache_dir if cache_dir is not None else root / CACHE_FOLDER)
    try:
        safety_path = root / SAFETY_FILE
        if os.path.lexists(safety_path):
            safety = load_safety(safety_path, root=root)
        else:
            safety = load_safety(BUNDLED_KNOWLEDGE / SAFETY_FILE, root=BUNDLED_KNOWLEDGE)
        contents = [read_knowledge_file(path, root) for path in files]
        names = [f"episode-{_key(content)}.pickle" for content in contents]
        served_name = f"library-{_key(*(name.encode() for name in names))}.pickle"
        served = cache.get(served_name, _Served)
        built = 0
        if served is None or len(served.ids) != len(files):
            served, built = _serve(files, contents, names, root, cache)
            cache.put(served_name, served)
        if not files or len(set(served.ids)) < len(files) or sum(served.featured) > 1:
            raise _FolderError  # no episode, a duplicate id or two featured: the loader says so
    except (KnowledgeError, OSError, _FolderError):
        # Every problem of the folder, worded and ordered by the loader itself; should it find none (a
        # file fixed meanwhile), its library is the answer.
        return Library(load_knowledge(root))
    if cache.wrote:
        cache.prune({*names, served_name})
    log.info(
        "knowledge: %d episodes, %d parsed and indexed, the rest from %s", len(files), built, cache.folder
    )

    def read(i: int) -> Episode:
        try:
            card = _loads(served.cards[i])
            if isinstance(card, Episode) and card.id == served.ids[i]:
                return _bound(card, files[i])
        except Exception as error:  # a corrupt card is any exception unpickling can raise
            log.warning("ignoring the unreadable card of %s in %s (%s)", files[i].name, served_name, error)
        return load_episode(files[i], root=root)

    cards = Cards(served.ids, served.featured, served.citing, read, titles=served.titles, sources=names)
    entries = dict(zip(served.ids, names, strict=True))

    def load(episode: Episode) -> Engine:
        # The entry of the very bytes this library was opened from; should it be gone or unreadable (an
        # edit pruned it), the engine is built from the served card itself: never from a newer file.
        compiled = cache.get(entries[episode.id], _Compiled)
        if compiled is not None:
            try:
                return _load_engine(compiled.engine, episode)
            except Exception as error:  # a corrupt entry is any exception unpickling can raise
                log.warning("ignoring the unreadable engine in %s (%s)", entries[episode.id], error)
        return Engine(episode)

    return Library((cards, safety), router=served.router, load=load, keep=keep)


def _serve(
    files: list[Path], contents: list[bytes], names: list[str], root: Path, cache: _Cache
) -> tuple[_Served, int]:
    """The cards and router of these files: each episode from its own entry, or parsed and indexed now.

    Only pickled bytes are kept from one episode to the next (a thousand episodes' parsed cards and
    routing corpora would take most of a gigabyte); the router unpickles the corpora one at a time.
    """
    flags: list[tuple[str, str, bool, bool]] = []
    cards: list[bytes] = []
    routing: list[bytes] = []
    built = 0
    for path, content, name in zip(files, contents, names, strict=True):
        compiled = cache.get(name, _Compiled)
        episode = _loads(compiled.episode) if compiled is not None else None
        if compiled is None or not isinstance(episode, Episode):
            episode = load_episode(path, root=root)
            compiled = _compile(episode)
            built += 1
            # Cached only when the file did not change while it was parsed: the key must be of what was read.
            if read_knowledge_file(path, root) == content:
                cache.put(name, compiled)
        flags.append((episode.id, episode.title, episode.featured, bool(episode.studies)))
        cards.append(compiled.episode)
        routing.append(compiled.routing)
    ids = tuple(episode_id for episode_id, _, _, _ in flags)
    featured = tuple(flag for _, _, flag, _ in flags)
    if len(set(ids)) < len(ids) or sum(featured) > 1:
        raise _FolderError  # worded by the loader; nothing library-wide is built or cached
    router = None
    if len(ids) > 1:

        def corpora() -> Iterator[tuple[str, Corpus]]:
            for episode_id, held in zip(ids, routing, strict=True):
                corpus = _loads(held)
                if not isinstance(corpus, Corpus):
                    raise _FolderError  # a corrupt entry: opened anew through the loader
                yield episode_id, corpus

        router = build_router(corpora())
    titles = tuple(title for _, title, _, _ in flags)
    citing = tuple(flag for _, _, _, flag in flags)
    return _Served(ids, titles, featured, citing, tuple(cards), router), built
