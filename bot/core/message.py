"""A message read once: folded, tokenized and stemmed, with the episode time it names, for every reader."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from bot.core.text import (
    FOREIGN_FUNCTION_WORDS,
    FOREIGN_HOMOGRAPHS,
    INDIC,
    LAY_TERMS,
    OTHER_LANGUAGE_WORDS,
    OTHER_LANGUAGES,
    STOP_WORDS,
    fold,
    stem,
    words,
)
from bot.core.timecode import TimeRef, find_time_ref

# Matching reads at most this much of a message: enough for a long story with its question at the end,
# and a bound on the work one message can cause. Safety always reads the whole message.
MAX_MATCH_CHARS = 2000

# Where a message turns from its story to its question.
_TURN = re.compile(
    r"\b(?:anyway|anyways|anyhow|btw|quick\s+q|quick\s+question|my\s+question\s+is|question)\b\s*[:,.-]*",
    re.I,
)
MIN_FOCUS_WORDS = 2
# "@jess_22" is someone addressed; "@19:30" is a place in the episode.
_ADDRESSED = re.compile(r"(?<!\w)@(?!\d{1,2}:\d)\w+")
_ELONGATED = re.compile(r"(\w)\1{2,}")
_NOT_WORDS = re.compile(rf"[^\w\s.!?{INDIC}]+")


def _plain(folded: str) -> str:
    return _NOT_WORDS.sub(" ", _ELONGATED.sub(r"\1", folded))


def plain_text(raw: str) -> str:
    """What `Message.plain` reads of a text, with no Message made: for phrase lists read by the thousand."""
    return _plain(fold(raw))


@dataclass(frozen=True)
class Message:
    """One listener message and the readings every part of the engine shares."""

    raw: str

    @cached_property
    def text(self) -> str:
        """The part of the message that matching reads: the question a story ends on, without "@name"."""
        text = _ADDRESSED.sub(" ", self.raw[:MAX_MATCH_CHARS])
        # "...long story... anyway, what's the AND gate thing": the question after the last turn to it.
        turns = list(_TURN.finditer(text))
        if turns:
            asked = text[turns[-1].end() :]
            if "?" not in asked and "?" in text[: turns[-1].start()]:
                # A turn away from the question ("how quick does an infusion work? anyway leg day destroyed
                # me") asks before it: the question is the last part that asks, up to the next turn.
                parts = [0, *(t.end() for t in turns)]
                ends = [t.start() for t in turns] + [len(text)]
                spans = reversed(list(zip(parts, ends, strict=True)))
                start, end = next((s, e) for s, e in spans if "?" in text[s:e])
                asked = text[start:end]
            if len([w for w in words(asked) if w not in STOP_WORDS]) >= MIN_FOCUS_WORDS:
                return asked
        return text

    @property
    def truncated(self) -> bool:
        """Whether matching read only the beginning of a very long message."""
        return len(self.raw) > MAX_MATCH_CHARS

    @cached_property
    def folded(self) -> str:
        """The whole message in lower case without accents or apostrophes."""
        return fold(self.raw)

    @cached_property
    def plain(self) -> str:
        """The whole message folded, stretched letters shortened ("dieee" -> "die"), symbols dropped."""
        return _plain(self.folded)

    @cached_property
    def words(self) -> tuple[str, ...]:
        """Every word of the matched text, stop words included, chat spellings written out."""
        return tuple(words(self.text))

    @cached_property
    def content_words(self) -> tuple[str, ...]:
        """The words that can carry a topic, and the episode's term for each everyday one ("nose": nasal)."""
        others = () if self.in_english else FOREIGN_HOMOGRAPHS
        found = [OTHER_LANGUAGES.get(w, w) for w in self.words if w not in STOP_WORDS and w not in others]
        lay = [LAY_TERMS[w] for w in found if w in LAY_TERMS and LAY_TERMS[w] not in found]
        return tuple(found + list(dict.fromkeys(lay)))

    @cached_property
    def in_english(self) -> bool:
        """Whether the matched text is English: it holds fewer than OTHER_LANGUAGE_WORDS distinct function
        words of another language ("che", "invece", "mujhe"), so its unknown words may be English misspelt."""
        return len(FOREIGN_FUNCTION_WORDS.intersection(self.words)) < OTHER_LANGUAGE_WORDS

    @cached_property
    def stems(self) -> tuple[str, ...]:
        """The content words' stems."""
        return tuple(stem(w) for w in self.content_words)

    @cached_property
    def word_stems(self) -> tuple[str, ...]:
        """Every word's stem, stop words included: each index matches its keyword runs on them."""
        return tuple(stem(w) for w in self.words)

    @cached_property
    def time(self) -> TimeRef | None:
        """The place in the episode the message names ("53:17", "minute 45"), never a time of day."""
        return find_time_ref(self.text)

    @cached_property
    def _found(self) -> dict[re.Pattern[str], bool]:
        """Which patterns the matched text holds, of those asked about so far."""
        return {}

    def says(self, pattern: re.Pattern[str]) -> bool:
        """Whether the matched text holds the pattern: searched once per message, however many engines ask."""
        found = self._found.get(pattern)
        if found is None:
            found = self._found[pattern] = pattern.search(self.text) is not None
        return found

    @property
    def has_letters(self) -> bool:
        """Whether the message holds any letter or digit at all (emoji and punctuation do not count)."""
        return any(ch.isalnum() for ch in self.raw)


def read(raw: str | None) -> Message:
    """The message, read once."""
    return Message(raw or "")
