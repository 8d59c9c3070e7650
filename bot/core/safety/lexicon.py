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
_WORD_CHAR = re.compile(r"\w")
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
    # ("\b" where it can be, so the prefilter files the phrase under its words, Greek, Cyrillic or Arabic
    # as much as Latin: ~700 -> ~60 us a message beyond ASCII; a vowel mark that ends an Indic word is no
    # word character, so those take lookarounds)
    edges = _WORD_CHAR.match(plain[0]) and _WORD_CHAR.match(plain[-1])
    return rf"\b{body}\b" if edges else rf"(?<!\w){body}(?!\w)"


def _script(pattern: str) -> str:
    """Which messages a pattern can match: "ascii" ones, "spaced" ones beyond ASCII (Greek, Cyrillic,
    Arabic, accented Latin ...), or "unspaced" ones (Chinese, Japanese, Korean, Thai)."""
    if pattern.isascii():
        return "ascii"
    return "unspaced" if _UNSPACED.search(pattern) else "spaced"


@lru_cache(maxsize=1)
def cue_lists() -> dict[tuple[str, str], AnyOf]:
    """The lexicon's cue lists by what they are ("direct", or a crisis.py cue family's name) and which
    messages they can match (`_script`): most messages, folded, are ASCII and try only the ASCII phrases;
    an unspaced script's phrases have no words to be filed under, so only its messages try them, as one
    pattern (one search of the joined phrases: ~400 -> ~60 us a Chinese or Korean message)."""
    # (libyaml's loader when there is one: 17 ms against 180 for the pure-Python one)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(LEXICON.read_text(encoding="utf-8"), Loader=loader)
    found: dict[tuple[str, str], set[str]] = {}
    for concepts in data.values():
        for concept, phrases in concepts.items():
            kind = "direct" if concept in DIRECT else FAMILY[concept]
            for pattern in filter(None, map(_pattern, phrases)):
                found.setdefault((kind, _script(pattern)), set()).add(pattern)
    return {key: AnyOf(*sorted(patterns)) for key, patterns in found.items()}


def lexicon_cues(text: str) -> set[str]:
    """What the lexicon finds in a message's plain text: "direct" and cue family names."""
    # (until the twelfth session phrases beyond ASCII were tried only on an unspaced script's messages, so
    # Greek, Cyrillic, Arabic, Hebrew and Indic ones never were: the other readers hid it, and a test of
    # each phrase alone now fails)
    scripts = {"ascii"}
    if not text.isascii():
        scripts.add("spaced")
        if _UNSPACED.search(text):
            scripts.add("unspaced")
    return {
        kind
        for (kind, script), cues in cue_lists().items()
        if script in scripts and (cues.compiled.search(text) if script == "unspaced" else cues.found_in(text))
    }
