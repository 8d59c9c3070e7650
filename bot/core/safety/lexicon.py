"""Distress and emergencies said in other languages: the lexicons' phrasings as phrase books, folded as
messages are.

crisis.py's patterns grew one blind set at a time, a language's words added when a message in it was
missed. The lexicon says the same eighteen things in 64 languages (and English) at once; a phrase matches inside a
message's plain text, whole words in order where the script has spaces between words (PhraseBook).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from bot.core.message import plain_text
from bot.core.text import INDIC

LEXICON = Path(__file__).with_name("crisis_lexicon.yaml")
# A body in danger now, in 40 languages: unresponsive, breathing, colour, a seizure, chest pain, too much taken.
EMERGENCY_LEXICON = Path(__file__).with_name("emergency_lexicon.yaml")
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
# Scripts written without spaces between words (Thai, Lao, Burmese, Khmer, Chinese, Japanese; and Korean,
# whose endings attach): a phrase is found as a piece of the text, spaces aside, not as whole words.
_UNSPACED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# The words of folded plain text, an Indic word's vowel marks kept (they are no word characters).
_WORDS = re.compile(rf"(?:\w|[{INDIC}])+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class PhraseBook:
    """A lexicon's phrases, folded as messages are: those of spaced scripts as word sequences filed under
    their first word (a message is read word by word, a dictionary lookup each), the others as pieces of
    text without spaces. Building it compiles no pattern: ~9,700 phrases cost a start ~0.2 s."""

    by_first: dict[str, list[tuple[tuple[str, ...], str]]]
    pieces: list[tuple[str, str]]

    def found(self, text: str) -> set[str]:
        """The kinds of the phrases in a message's plain text."""
        kinds: set[str] = set()
        said = _WORDS.findall(text)
        by_first = self.by_first
        for i, word in enumerate(said):
            for words, kind in by_first.get(word, ()):
                if kind not in kinds and tuple(said[i : i + len(words)]) == words:
                    kinds.add(kind)
        if self.pieces and _UNSPACED.search(text):
            squeezed = _SPACE.sub("", text)
            kinds.update(kind for piece, kind in self.pieces if kind not in kinds and piece in squeezed)
        return kinds


def _kind(concept: str) -> str:
    """What a crisis concept is: "direct", or the crisis.py cue family it joins."""
    return "direct" if concept in DIRECT else FAMILY[concept]


@lru_cache(maxsize=2)
def phrase_book(path: Path) -> PhraseBook:
    """A lexicon file's phrase book; the emergency lexicon's concepts are all one kind, "emergency"."""
    # (libyaml's loader when there is one: 17 ms against 180 for the pure-Python one)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    pieces: list[tuple[str, str]] = []
    for concepts in data.values():
        for concept, phrases in concepts.items():
            kind = _kind(concept) if path == LEXICON else "emergency"
            for phrase in phrases:
                plain = plain_text(phrase)
                if _UNSPACED.search(plain):
                    piece = _SPACE.sub("", plain.strip(" .!?"))
                    # (three characters say it in Chinese or Japanese: "我想死")
                    if len(piece) >= 3:
                        pieces.append((piece, kind))
                    continue
                words = tuple(_WORDS.findall(plain))
                # (anywhere else so short a phrase is a word, not a thing said)
                if words and len(" ".join(words)) >= 4:
                    by_first.setdefault(words[0], []).append((words, kind))
    return PhraseBook(by_first, pieces)


def phrase_books() -> tuple[PhraseBook, PhraseBook]:
    """Both lexicons' phrase books, made now (the crisis lexicon's and the emergency lexicon's)."""
    return phrase_book(LEXICON), phrase_book(EMERGENCY_LEXICON)


def says_an_emergency(text: str) -> bool:
    """Whether the emergency lexicon finds a body in danger now in a message's plain text (any language)."""
    return bool(phrase_book(EMERGENCY_LEXICON).found(text))


def lexicon_cues(text: str) -> set[str]:
    """What the crisis lexicon finds in a message's plain text: "direct" and cue family names."""
    return phrase_book(LEXICON).found(text)
