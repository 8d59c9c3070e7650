"""Distress said in other languages: crisis_lexicon.yaml's phrasings as cue lists, folded as messages are.

crisis.py's patterns grew one blind set at a time, a language's words added when a message in it was
missed. The lexicon says the same eighteen things in thirty languages (and English) at once; a phrase matches inside a
message's plain text, whole words where the script has spaces between words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from bot.core.message import read
from bot.core.safety.prefilter import AnyOf

LEXICON = Path(__file__).with_name("crisis_lexicon.yaml")
# Concepts that are a crisis said outright; the others are cue families of crisis.py's kind ("burden",
# "farewell", "means"), which need a second sign.
DIRECT = frozenset(
    {
        "want_to_die",
        "kill_myself",
        "end_it",
        "not_live",
        "not_wake",
        "better_without_me",
        "goodbye_letter",
        # someone close who says they want to die: a reason to reach out, as crisis.py reads it in English
        "someone_wants_to_die",
    }
)
FAMILY = {
    "burden": "burden",
    "no_reason": "burden",
    "cant_go_on": "burden",
    "hold_on_left": "burden",
    "gave_away": "farewell",
    "farewell_words": "farewell",
    "pills_saved": "means",
    "means_ready": "means",
    "high_place": "means",
    "mind_made_up": "resolve",
}
# Scripts written without spaces between words (and Korean, whose endings attach): no word boundary.
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _pattern(phrase: str) -> str | None:
    """A phrase as a pattern over folded plain text: its words in order, whitespace between them."""
    plain = read(phrase).plain.strip(" .!?")
    # (three characters say it in Chinese or Japanese: "我想死"; anywhere else so short a phrase is a word)
    if len(plain) < (3 if _UNSPACED.search(plain) else 4):
        return None
    body = r"\s+".join(re.escape(word) for word in plain.split())
    if _UNSPACED.search(plain):
        return body
    # ("\b" where it can be, so the prefilter files the phrase under its words; a vowel mark that ends an
    # Indic word is no word character, so those take lookarounds)
    return rf"\b{body}\b" if plain.isascii() else rf"(?<!\w){body}(?!\w)"


@lru_cache(maxsize=1)
def cue_lists() -> dict[tuple[str, bool], AnyOf]:
    """The lexicon's cue lists by what they are ("direct", or a crisis.py cue family's name) and whether
    they hold letters beyond ASCII (those are tried only on a message that does: the prefilter files no
    pattern under such a word, and most messages, folded, hold none)."""
    # (libyaml's loader when there is one: 17 ms against 180 for the pure-Python one)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(LEXICON.read_text(encoding="utf-8"), Loader=loader)
    found: dict[tuple[str, bool], set[str]] = {}
    for concepts in data.values():
        for concept, phrases in concepts.items():
            kind = "direct" if concept in DIRECT else FAMILY[concept]
            for pattern in filter(None, map(_pattern, phrases)):
                found.setdefault((kind, not pattern.isascii()), set()).add(pattern)
    return {key: AnyOf(*sorted(patterns)) for key, patterns in found.items()}


def lexicon_cues(text: str) -> set[str]:
    """What the lexicon finds in a message's plain text: "direct" and cue family names."""
    # (until the twelfth session this asked for an unspaced script, so Greek, Cyrillic, Arabic, Hebrew and
    # Indic phrases were never tried: the other readers hid it, and a test of each phrase alone now fails)
    beyond_ascii = not text.isascii()
    return {
        kind
        for (kind, script), cues in cue_lists().items()
        if (beyond_ascii or not script) and cues.found_in(text)
    }
