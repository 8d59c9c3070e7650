"""A second reader of crises and of emergencies: naive Bayes over word stems and pairs of neighbouring stems.

The cue families in crisis.py and the signs in emergency.py know the phrasings they were built on, and each
new blind set found others. This reader weighs words instead: each feature counts log P(feature | label) /
P(feature | not), from how often it appears in the messages of tests/data labelled so (a crisis, an
emergency happening now) and in the others, and a message's score is their sum divided by the square root
of its number of features, so a long story does not add up to a crisis by its length alone. Each label has
its counts and threshold committed beside this file (crisis_counts.tsv, emergency_counts.tsv), written by
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
from bot.core.safety.patterns import NOW, without_figures
from bot.core.text import stem, words

# Additive smoothing of the counts: small, so a word seen in one labelled message already says something.
ALPHA = 0.1

# Two signs no single word carries: the writer speaking of themself, a time that is close.
_SELF = re.compile(r"\b(?:i|im|ive|id|ill|me|my|myself)\b")
_SOON = re.compile(r"\b(?:tonight|tonights|tomorrow|tmrw|this\s+(?:week|weekend)|after\s+(?:this|tonight))\b")
# For emergencies, two signs more: a body in trouble ("blue", "seizing", "not waking") said with a time that
# is now, or with something taken ("took", "k", "pills", "vodka").
_BODY = re.compile(
    r"\b(?:breath\w*|lips?|blue|gr[ae]y|purple|chest|heart|pulse|seiz\w*|shaking|twitching|convuls\w*|pass\w*\s+out|passed"
    r"|wake|waking|respond\w*|unresponsive|unconscious|floppy|limp|vomit\w*|throwing\s+up|puking|blood|bleeding|pupils"
    r"|numb|droop\w*|slurr\w*|fever|burning|hot|faint\w*|collapsed|choking|gurgl\w*|snoring|swell\w*|throat|pale|confused)\b"
)
_TAKEN = re.compile(
    r"\b(?:k|ket|ketamine|esketamine|spravato|troches?|lozenges?|molly|mdma|coke|cocaine|fent\w*|xanax|benzos?|pills?|meds"
    r"|gummies|alcohol|vodka|beers?|drinks?|drank|drinking|took|taken|did|snorted|swallowed|ate|dose|line|bump|spray|patch"
    r"|overdos\w*|od)\b"
)


@dataclass(frozen=True, slots=True)
class _Both:
    """A sign that two patterns make together, anywhere in the message."""

    first: re.Pattern[str]
    second: re.Pattern[str]

    def search(self, text: str) -> bool:
        """Whether both patterns are found in the text."""
        return bool(self.first.search(text) and self.second.search(text))


@dataclass(frozen=True, slots=True)
class Label:
    """What a model reads (a crisis, an emergency), and the signs it adds to a message's words."""

    name: str
    signs: tuple[tuple[str, re.Pattern[str] | _Both], ...]

    @property
    def counts(self) -> Path:
        """The committed counts file of this label."""
        return Path(__file__).with_name(f"{self.name}_counts.tsv")

    @property
    def total(self) -> str:
        """The counts file's name for the number of messages with this label."""
        return f"<{self.name} messages>"

    def features(self, message: Message) -> list[str]:
        """Every word's stem over the whole message, each pair of neighbouring stems, and the label's signs."""
        # Read as the rules read it: figures of speech ("log off twitter for good") taken out first.
        text = without_figures(message.plain)
        found = set(_stems_and_pairs(text))
        found.update(sign for sign, pattern in self.signs if pattern.search(text))
        return sorted(found)


@lru_cache(maxsize=256)
def _stems_and_pairs(text: str) -> frozenset[str]:
    """A text's stems and pairs of neighbouring stems, made once for both readers of a message."""
    stems = [stem(w) for w in words(text)]
    return frozenset((*stems, *(f"{a} {b}" for a, b in pairwise(stems))))


CRISIS = Label("crisis", (("<self>", _SELF), ("<soon>", _SOON)))
EMERGENCY = Label(
    "emergency",
    (
        ("<self>", _SELF),
        ("<soon>", _SOON),
        ("<now body>", _Both(NOW, _BODY)),
        ("<taken body>", _Both(_TAKEN, _BODY)),
    ),
)
LABELS = {label.name: label for label in (CRISIS, EMERGENCY)}
COUNTS = CRISIS.counts


def features(message: Message) -> list[str]:
    """The crisis model's features of a message."""
    return CRISIS.features(message)


class Ratios(dict[str, float]):
    """Log-likelihood ratios by feature; a feature never counted weighs nothing."""

    def __missing__(self, feature: str) -> float:
        return 0.0


class LazyRatios(Ratios):
    """Ratios worked out from a counts file's "with<TAB>in others" columns when first asked for: a message
    asks for a hundred of the tens of thousands, and a start reads the file at once."""

    def __init__(self, columns: dict[str, str], base: float) -> None:
        """`columns` by feature; `base` the log ratio of the totals (as `Model.from_counts`)."""
        super().__init__()
        self._columns = columns
        self._base = base

    def __missing__(self, feature: str) -> float:
        counted = self._columns.get(feature)
        if counted is None:
            return 0.0
        yes, no = counted.split("\t")
        ratio = self[feature] = math.log(int(yes) + ALPHA) - math.log(int(no) + ALPHA) + self._base
        return ratio


@dataclass(frozen=True, slots=True)
class Model:
    """The log-likelihood ratio of each known feature, and the score above which a message has the label."""

    ratios: Ratios
    threshold: float
    label: Label = CRISIS

    @classmethod
    def from_counts(
        cls,
        counts: dict[str, tuple[int, int]],
        positives: int,
        others: int,
        threshold: float,
        label: Label = CRISIS,
    ) -> Model:
        """The model of feature counts (in labelled messages, in others) over `positives` and `others`."""
        base = _base(positives, others)
        ratios = Ratios(
            {f: math.log(yes + ALPHA) - math.log(no + ALPHA) + base for f, (yes, no) in counts.items()}
        )
        return cls(ratios, threshold, label)

    def score(self, feats: list[str]) -> float:
        """The evidence of the label in a message's features, its length discounted."""
        ratios = self.ratios
        return sum(ratios[f] for f in feats) / math.sqrt(max(1, len(feats)))

    def flags(self, message: Message) -> bool:
        """Whether the message scores above the threshold."""
        return self.score(self.label.features(message)) > self.threshold


CRISES = CRISIS.total
OTHERS = "<other messages>"
THRESHOLD = "<threshold>"


def _base(positives: int, others: int) -> float:
    """The log ratio of the label's prior, smoothed as each feature's counts are."""
    return math.log((others + 2 * ALPHA) / (positives + 2 * ALPHA))


def parse(text: str, label: Label = CRISIS) -> Model:
    """The model of a counts file: "feature<TAB>with the label<TAB>in others" lines, and three totals."""
    columns = dict(line.split("\t", 1) for line in text.splitlines() if line and not line.startswith("#"))
    # the totals' lines are "<name><TAB>value"; every other line is a feature's
    totals = {name: columns.pop(name) for name in (label.total, OTHERS, THRESHOLD)}
    # Every "<...>" line is left out, as this reader always has: the "<self>"-like features counted in
    # training are not served (serving them changes no answer of tests/data, but the emergency model alone
    # then reads "my grandma had a seizure years ago, shes okay now" as one).
    for name in [name for name in columns if name.startswith("<")]:
        del columns[name]
    positives, others = int(totals[label.total]), int(totals[OTHERS])
    return Model(LazyRatios(columns, _base(positives, others)), float(totals[THRESHOLD]), label)


@lru_cache(maxsize=len(LABELS))
def model(label: Label = CRISIS) -> Model:
    """The committed model of a label, read once."""
    return parse(label.counts.read_text(encoding="utf-8"), label)


def crisis_score(message: Message) -> float:
    """The committed crisis model's score of a message (a crisis above `model().threshold`)."""
    return model().score(features(message))


def reads_crisis(message: Message) -> bool:
    """Whether the committed model reads the message as a crisis."""
    return model().flags(message)


def emergency_score(message: Message) -> float:
    """The committed emergency model's score of a message (an emergency above its threshold)."""
    return model(EMERGENCY).score(EMERGENCY.features(message))


# Something taken, said with its taking: a drug's name alone is every message here ("i was listening to this
# episode to learn about ketamine for her").
_TOOK = re.compile(
    r"\b(?:took|taken|taking|snorted|swallowed|drank|downed|popped|ate|overdos\w*|od|oded|used)\b"
)


def speaks_of_a_body(message: Message) -> bool:
    """Whether the message speaks of a body in trouble or of something taken."""
    plain = without_figures(message.plain)
    return bool(_BODY.search(plain) or _TOOK.search(plain))


def reads_emergency(message: Message) -> bool:
    """Whether the committed model reads the message as a medical emergency happening now."""
    return model(EMERGENCY).flags(message)
