"""Load once, index once: a library opened from a compiled, per-episode cache kept beside the knowledge."""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import bot
from bot.core.engine import Engine
from bot.core.library import Library, build_router
from bot.core.loader import (
    SAFETY_FILE,
    KnowledgeError,
    episode_file_names,
    load_episode,
    load_knowledge,
    load_safety,
    read_knowledge_file,
)
from bot.core.models import KnowledgeBase
from bot.core.search import Index
from bot.paths import BUNDLED_KNOWLEDGE

log = logging.getLogger(__name__)

# Bump when what is pickled changes shape in a way the source hash below would not notice.
FORMAT_VERSION = 1
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
    digest = hashlib.blake2b(_SALT, digest_size=20)
    for part in parts:
        digest.update(len(part).to_bytes(8, "little") + part)
    return digest.hexdigest()


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
        # Unpickling makes many small containers, none of them garbage: without pauses for the cyclic
        # collector scanning them again and again, a warm start takes about half as long.
        collecting = gc.isenabled()
        gc.disable()
        try:
            value = pickle.loads(data)
        except Exception as error:  # a corrupt entry is any exception unpickling can raise
            log.warning("ignoring the unreadable cache entry %s (%s); rebuilding it", name, error)
            return None
        finally:
            if collecting:
                gc.enable()
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


def _bound(engine: Engine, path: Path) -> Engine:
    """The engine serving its episode as load_knowledge gives it: from this path."""
    # The path is not indexed, so a cached index stays valid when the folder moves.
    if engine.episode.source_file != str(path):
        engine.episode = replace(engine.episode, source_file=str(path))
    return engine


def open_library(folder: Path, *, cache_dir: Path | None = None) -> Library:
    """`Library(load_knowledge(folder))`, each episode compiled once into `cache_dir` (`<folder>/.cache/`).

    Each episode's parsed Episode and Engine is cached under the hash of its file's bytes, so an edit
    rebuilds that episode alone; `cache_dir` belongs to one folder (unused entries are pruned). A bad folder
    raises the loader's own KnowledgeError, and a failed load is never cached.
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
        engines: dict[str, Engine] = {}
        keys: list[str] = []
        built = 0
        for path in files:
            engine, key, fresh = _episode_engine(path, root, cache)
            built += fresh
            if engine.episode.id in engines:
                raise _FolderError  # a duplicate id: the loader names both files
            engines[engine.episode.id] = _bound(engine, path)
            keys.append(key)
        episodes = tuple(engine.episode for engine in engines.values())
        if not episodes or sum(e.featured for e in episodes) > 1:
            raise _FolderError  # no episode, or two featured: the loader says so
    except (KnowledgeError, OSError, _FolderError):
        # Every problem of the folder, worded and ordered by the loader itself; should it find none (a
        # file fixed meanwhile), its library is the answer.
        return Library(load_knowledge(root))
    router: Index | None = None
    if len(engines) > 1:
        router_name = f"router-{_key(*(k.encode() for k in keys))}.pickle"
        router = cache.get(router_name, Index)
        if router is None:
            router = build_router(engines)
            cache.put(router_name, router)
        keys.append(router_name)
    if cache.wrote:
        cache.prune(set(keys))
    log.info(
        "knowledge: %d episodes, %d parsed and indexed, the rest from %s", len(engines), built, cache.folder
    )
    return Library(KnowledgeBase(episodes, safety), engines=engines, router=router)


def _episode_engine(path: Path, root: Path, cache: _Cache) -> tuple[Engine, str, bool]:
    """One episode's engine and cache entry, and whether it was built now (not cached); KnowledgeError."""
    # Read as the loader reads: only a regular file inside the folder, within the size limit.
    content = read_knowledge_file(path, root)
    name = f"episode-{_key(content)}.pickle"
    engine = cache.get(name, Engine)
    if engine is not None:
        return engine, name, False
    engine = Engine(load_episode(path, root=root))
    # Cached only when the file did not change while it was parsed: the key must be of what was read.
    if read_knowledge_file(path, root) == content:
        cache.put(name, engine)
    return engine, name, True
