"""The knowledge being served, reloadable: load and validate off the event loop, then swap in one step."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

from bot.core.library import Library
from bot.core.loader import load_knowledge
from bot.core.models import Episode


@dataclass(frozen=True, slots=True)
class KnowledgeDiff:
    """What a reload changed, by chapter and study."""

    chapters_added: tuple[str, ...] = ()
    chapters_removed: tuple[str, ...] = ()
    chapters_edited: tuple[str, ...] = ()
    studies_added: tuple[str, ...] = ()
    studies_removed: tuple[str, ...] = ()
    studies_edited: tuple[str, ...] = ()
    episode_edited: bool = False

    @property
    def changed(self) -> bool:
        """Whether anything at all is different."""
        chapters = (self.chapters_added, self.chapters_removed, self.chapters_edited)
        studies = (self.studies_added, self.studies_removed, self.studies_edited)
        return self.episode_edited or any(chapters) or any(studies)

    def summary(self) -> str:
        """A few lines a person reads after /reload."""
        if not self.changed:
            return "No changes: the knowledge on disk is what was already served."
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
        if self.episode_edited:
            lines.append("Episode details, disclaimer or crisis resources edited")
        return "\n".join(lines)


def diff_episodes(old: Episode, new: Episode) -> KnowledgeDiff:
    """Chapters and studies added, removed and edited between two versions of an episode."""
    old_chapters, new_chapters = {c.id: c for c in old.chapters}, {c.id: c for c in new.chapters}
    old_studies, new_studies = {s.id: s for s in old.studies}, {s.id: s for s in new.studies}

    def names(ids: list[str], by_id: dict[str, object]) -> tuple[str, ...]:
        return tuple(str(getattr(by_id[i], "title", i)) for i in ids)

    edited_chapters = [i for i in new_chapters if i in old_chapters and old_chapters[i] != new_chapters[i]]
    edited_studies = [i for i in new_studies if i in old_studies and old_studies[i] != new_studies[i]]
    surroundings = ("title", "show", "video_id", "url", "page", "duration", "disclaimer")
    return KnowledgeDiff(
        chapters_added=names([i for i in new_chapters if i not in old_chapters], dict(new_chapters)),
        chapters_removed=names([i for i in old_chapters if i not in new_chapters], dict(old_chapters)),
        chapters_edited=names(edited_chapters, dict(new_chapters)),
        studies_added=names([i for i in new_studies if i not in old_studies], dict(new_studies)),
        studies_removed=names([i for i in old_studies if i not in new_studies], dict(old_studies)),
        studies_edited=names(edited_studies, dict(new_studies)),
        episode_edited=any(getattr(old, f) != getattr(new, f) for f in surroundings)
        or old.resources != new.resources,
    )


class KnowledgeStore:
    """Holds the library being served; `reload` replaces it only with a knowledge base that validated."""

    def __init__(self, folder: Path, library: Library) -> None:
        self.folder = folder
        self._library = library
        self._lock = asyncio.Lock()

    @classmethod
    def open(cls, folder: Path) -> KnowledgeStore:
        """Load the folder now; raise KnowledgeError when it is bad."""
        return cls(folder, Library(load_knowledge(folder)))

    @property
    def library(self) -> Library:
        """The library answering right now."""
        return self._library

    async def reload(self) -> KnowledgeDiff:
        """Load, validate and index the folder in a worker thread, then swap; KnowledgeError keeps the old."""
        async with self._lock:
            library = await asyncio.to_thread(lambda: Library(load_knowledge(self.folder)))
            diff = diff_episodes(self._library.episode, library.episode)
            self._library = library
            return diff
