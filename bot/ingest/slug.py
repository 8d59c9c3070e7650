"""Ids for chapters and studies, made from their titles."""

from __future__ import annotations

import re

from bot.core.text import fold

_WORD = re.compile(r"[a-z0-9]+")
# Ids are handles, not titles: a few words name a chapter well enough, and long ids only bloat the file.
MAX_SLUG_WORDS = 6


def slugify(title: str, fallback: str) -> str:
    """The title's first few ASCII words, lowercase, joined by '-'; `fallback` when it has none."""
    words = _WORD.findall(fold(title).encode("ascii", "ignore").decode())
    return "-".join(words[:MAX_SLUG_WORDS]) or fallback


def unique_slugs(titles: list[str], fallback: str) -> list[str]:
    """One slug a title, with -2, -3 ... where two titles give the same one."""
    seen: set[str] = set()
    out: list[str] = []
    for index, title in enumerate(titles, 1):
        base = slugify(title, f"{fallback}-{index}")
        slug, n = base, 2
        while slug in seen:
            slug, n = f"{base}-{n}", n + 1
        seen.add(slug)
        out.append(slug)
    return out
