"""Ids for chapters and studies, made from their titles."""

from __future__ import annotations

import re

from bot.core.text import fold

_WORD = re.compile(r"[^\W_]+")
# Ids are handles, not titles: a few words name a chapter well enough, and long ids only bloat the file.
MAX_SLUG_WORDS = 6
# Words that only hold a title together; without them the first few words say more.
_GLUE = frozenset("a an and at by for from in into is of on or the to via vs with".split())


def slugify(title: str, fallback: str) -> str:
    """The title's first few ASCII words, lowercase, joined by '-'; `fallback` when it has none."""
    # Split first, then keep ASCII: a dash between words ("spinal\u2013parabrachial") still divides them.
    ascii_words = (w.encode("ascii", "ignore").decode() for w in _WORD.findall(fold(title)))
    words = [w for w in ascii_words if w]
    words = [w for w in words if w not in _GLUE] or words
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
