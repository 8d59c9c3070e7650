"""A second crisis reader: naive Bayes over a message's word stems and pairs of neighbouring stems.

The cue families in crisis.py know the phrasings they were built on, and each new blind set found others.
This reader weighs words instead: each feature counts log P(feature | crisis) / P(feature | not), from
how often it appears in the crisis and other labelled messages of tests/data, and a message's score is
their sum divided by the square root of its number of features, so a long story does not add up to a
crisis by its length alone. The counts and the threshold are committed beside this file and written by
tools/train_crisis.py; the reach and false alarms measured set by set are in docs/quality.md.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from bot.core.message import Message
from bot.core.text import stem, words

COUNTS = Path(__file__).with_name("crisis_counts.tsv")
# Additive smoothing of the counts: small, so a word seen in one crisis message already says something.
ALPHA = 0.1

# Two signs no single word carries: the writer speaking of themself, a time that is close.
_SELF = re.compile(r"\b(?:i|im|ive|id|ill|me|my|myself)\b")
_SOON = re.compile(r"\b(?:tonight|tonights|tomorrow|tmrw|this\s+(?:week|weekend)|after\s+(?:this|tonight))\b")


def features(message: Message) -> list[str]:
    """Every word's stem over the whole message, each pair of neighbouring stems, and two signs."""
    text = message.plain
    stems = [stem(w) for w in words(text)]
    found = set(stems)
    found.update(f"{a} {b}" for a, b in pairwise(stems))
    if _SELF.search(text):
        found.add("<self>")
    if _SOON.search(text):
        found.add("<soon>")
    return sorted(found)


@dataclass(frozen=True, slots=True)
class Model:
    """The log-likelihood ratio of each known feature, and the score above which a message is a crisis."""

    ratios: dict[str, float]
    threshold: float

    @classmethod
    def from_counts(
        cls, counts: dict[str, tuple[int, int]], crises: int, others: int, threshold: float
    ) -> Model:
        """The model of feature counts (in crisis messages, in others) over `crises` and `others` messages."""
        base = math.log((others + 2 * ALPHA) / (crises + 2 * ALPHA))
        ratios = {f: math.log(yes + ALPHA) - math.log(no + ALPHA) + base for f, (yes, no) in counts.items()}
        return cls(ratios, threshold)

    def score(self, feats: list[str]) -> float:
        """The evidence of crisis in a message's features, its length discounted."""
        return sum(self.ratios.get(f, 0.0) for f in feats) / math.sqrt(max(1, len(feats)))

    def flags(self, message: Message) -> bool:
        """Whether the message scores above the threshold."""
        return self.score(features(message)) > self.threshold


CRISES = "<crisis messages>"
OTHERS = "<other messages>"
THRESHOLD = "<threshold>"


def parse(text: str) -> Model:
    """The model of a counts file: "feature<TAB>in crises<TAB>in others" lines, and three totals."""
    counts: dict[str, tuple[int, int]] = {}
    totals: dict[str, str] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        name, *values = line.split("\t")
        if name.startswith("<"):
            totals[name] = values[0]
        else:
            counts[name] = (int(values[0]), int(values[1]))
    return Model.from_counts(counts, int(totals[CRISES]), int(totals[OTHERS]), float(totals[THRESHOLD]))


@lru_cache(maxsize=1)
def model() -> Model:
    """The committed model, read once."""
    return parse(COUNTS.read_text(encoding="utf-8"))


def crisis_score(message: Message) -> float:
    """The committed model's score of a message (a crisis above `model().threshold`)."""
    return model().score(features(message))


def reads_crisis(message: Message) -> bool:
    """Whether the committed model reads the message as a crisis."""
    return model().flags(message)
