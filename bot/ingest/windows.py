"""Transcript cues to statistics: which stems are said in each stretch, and where new topics start."""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.search import terms_of
from bot.core.text import SLANG, STOP_WORDS, fold, specificity, stem
from bot.ingest.transcript import Cue

# 40 s is about 100 spoken words: long enough that a topic's words recur inside a window, short enough
# that a link to the window lands within seconds of what a listener asks about. Measured on the ketamine
# episode (windows alone, no titles or keywords; 831 questions of our sets; the best window's chapter
# first): 20 s 72.1%, 30 s 72.7%, 40 s 73.2%, 45 s 72.6%, 60 s 70.2%, for files of 56, 51, 46, 44 and
# 36 KB. Windows restart at every chapter start, so each belongs to exactly one chapter.
WINDOW_SECONDS = 40
# A chapter's last window shorter than this joins the one before it rather than stand alone.
MIN_TAIL_SECONDS = 15
# Terms kept a window: the most distinctive ones (rare in the episode and in English). Everyday words
# said once add bytes, not evidence, and a library of a thousand episodes has to load fast. Against no
# cap (73.8%, 48 KB), 32 costs 0.6 points for 5% fewer bytes; 24 would cost 5.6 points for 18%.
MAX_WINDOW_TERMS = 32
MIN_KEPT_SPECIFICITY = 0.3
# Moments: at most this many a content chapter, at most one per MOMENT_SPACING seconds of chapter, never
# in the chapter's first window (that is the chapter start) and never two in neighbouring windows.
MAX_MOMENTS = 3
MOMENT_SPACING = 180
MIN_GAP_WINDOWS = 3
# A topic starts where several rare-in-English, rare-in-the-episode terms appear that the preceding
# LOOKBACK_WINDOWS did not have and that recur in the next window: a cluster, not one stray word.
LOOKBACK_WINDOWS = 4
MIN_NEW_TERMS = 2
MIN_MOMENT_SCORE = 6.0
LABEL_TERMS = 3
# Only words rarer than everyday English (Zipf below about 4.75: "habenula", "kilogram", not "seem" or
# "possible") and of three letters or more can start or name a topic.
MIN_TOPIC_SPECIFICITY = 0.5
MIN_TOPIC_LETTERS = 3
# Spoken filler that wordfreq rates rare but that never names a topic.
FILLER = frozenset({"cetera", "etcetera", "quote", "unquote", "com", "kidding", "oclock", "alright"})

_RAW_TOKEN = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class Window:
    """One stretch of a chapter: its start and end in seconds and the stems said in it with counts."""

    start: int
    end: int
    chapter: int
    terms: tuple[tuple[str, int], ...]

    def encoded(self) -> str:
        """The terms as the knowledge file stores them: `stem` or `stem*count`, alphabetical."""
        return " ".join(term if count == 1 else f"{term}*{count}" for term, count in self.terms)


@dataclass(frozen=True, slots=True)
class TopicStart:
    """Where a new cluster of terms begins inside a content chapter, named by its top terms."""

    at: int
    chapter: int
    label: str


@dataclass(frozen=True, slots=True)
class ChapterSpan:
    """A chapter as the windows need it: where it starts and ends, and whether it is content."""

    start: int
    end: int
    is_content: bool


def window_spans(chapters: Sequence[ChapterSpan], size: int = WINDOW_SECONDS) -> list[tuple[int, int, int]]:
    """(start, end, chapter index) of every window: every `size` seconds from each chapter's start."""
    spans: list[tuple[int, int, int]] = []
    for index, chapter in enumerate(chapters):
        starts = list(range(chapter.start, chapter.end, size))
        if len(starts) > 1 and chapter.end - starts[-1] < MIN_TAIL_SECONDS:
            starts.pop()
        ends = [*starts[1:], chapter.end]
        spans.extend((start, end, index) for start, end in zip(starts, ends, strict=True))
    return spans


def count_windows(
    cues: Sequence[Cue], chapters: Sequence[ChapterSpan], size: int = WINDOW_SECONDS
) -> list[Counter[str]]:
    """Every stem said in each window (by cue start); stop words, single letters and numbers left out."""
    spans = window_spans(chapters, size)
    starts = [start for start, _, _ in spans]
    counts: list[Counter[str]] = [Counter() for _ in spans]
    for cue in cues:
        slot = bisect_right(starts, int(cue.start)) - 1
        if slot >= 0:
            counts[slot].update(t for t in terms_of(cue.text) if len(t) > 1 and any(c.isalpha() for c in t))
    return counts


def surface_forms(cues: Sequence[Cue]) -> dict[str, str]:
    """Each stem's most frequent spoken form ("glutam" -> "glutamate"), to name moments in words."""
    forms: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for cue in cues:
        for raw in _RAW_TOKEN.findall(cue.text):
            word = fold(raw)
            word = SLANG.get(word, word)
            if len(word) > 1 and word not in STOP_WORDS and any(c.isalpha() for c in word):
                forms[stem(word)][raw] += 1
    # Lower case wins a tie: "Dopamine" is usually just a sentence start.
    return {s: max(c.items(), key=lambda kv: (kv[1], kv[0].islower()))[0] for s, c in forms.items()}


def build_windows(
    cues: Sequence[Cue], chapters: Sequence[ChapterSpan], size: int = WINDOW_SECONDS
) -> tuple[list[Window], list[TopicStart]]:
    """The compact term windows of a transcript and the topic starts found inside content chapters."""
    spans = window_spans(chapters, size)
    counts = count_windows(cues, chapters, size)
    forms = surface_forms(cues)
    weights = _term_weights(counts, forms)
    topical = {
        term
        for term, form in forms.items()
        if len(form) >= MIN_TOPIC_LETTERS
        and fold(form) not in FILLER
        and specificity(fold(form)) >= MIN_TOPIC_SPECIFICITY
    }
    windows = [
        Window(start, end, chapter, _kept(count, weights, forms))
        for (start, end, chapter), count in zip(spans, counts, strict=True)
    ]
    # Windows with nothing said in them (music, silence) carry no evidence; leave them out.
    windows = [w for w in windows if w.terms]
    return windows, topic_starts(
        spans, counts, chapters, {t: weights[t] for t in topical if t in weights}, forms
    )


def topic_starts(
    spans: Sequence[tuple[int, int, int]],
    counts: Sequence[Counter[str]],
    chapters: Sequence[ChapterSpan],
    weights: dict[str, float],
    forms: dict[str, str],
) -> list[TopicStart]:
    """Where clusters of the `weights` terms begin inside each content chapter, a few a chapter at most."""
    found: list[TopicStart] = []
    by_chapter: defaultdict[int, list[int]] = defaultdict(list)
    for slot, (_, _, chapter) in enumerate(spans):
        by_chapter[chapter].append(slot)
    for chapter, slots in sorted(by_chapter.items()):
        span = chapters[chapter]
        limit = min(MAX_MOMENTS, (span.end - span.start) // MOMENT_SPACING)
        if not span.is_content or limit < 1:
            continue
        candidates: list[tuple[float, int, list[str]]] = []
        for position in range(1, len(slots)):
            before: Counter[str] = Counter()
            for slot in slots[max(0, position - LOOKBACK_WINDOWS) : position]:
                before.update(counts[slot])
            here = counts[slots[position]]
            after = counts[slots[position + 1]] if position + 1 < len(slots) else Counter()
            new = {
                term: weights.get(term, 0.0) * min(3, here[term] + after[term])
                for term in here
                if term in weights and term not in before and here[term] + after[term] >= 2
            }
            score = sum(new.values())
            if len(new) >= MIN_NEW_TERMS and score >= MIN_MOMENT_SCORE:
                top = sorted(new, key=lambda t: (-new[t], t))[:LABEL_TERMS]
                candidates.append((score, position, top))
        chosen: list[tuple[int, list[str]]] = []
        for _, position, top in sorted(candidates, key=lambda c: (-c[0], c[1])):
            if len(chosen) < limit and all(abs(position - p) >= MIN_GAP_WINDOWS for p, _ in chosen):
                chosen.append((position, top))
        for position, top in sorted(chosen):
            label = ", ".join(dict.fromkeys(forms[t] for t in top))
            found.append(TopicStart(spans[slots[position]][0], chapter, label))
    return found


def _term_weights(counts: Sequence[Counter[str]], forms: dict[str, str]) -> dict[str, float]:
    """How much a stem says about where it is: rare across the episode's windows and in English."""
    document_frequency: Counter[str] = Counter()
    for count in counts:
        document_frequency.update(count.keys())
    total = max(1, sum(1 for c in counts if c))
    return {
        term: math.log(1 + total / df) * specificity(fold(forms.get(term, term)))
        for term, df in document_frequency.items()
    }


def _kept(
    count: Counter[str], weights: dict[str, float], forms: dict[str, str]
) -> tuple[tuple[str, int], ...]:
    """A window's most telling terms, alphabetical (so no run of speech survives), with their counts."""
    ranked = sorted(count, key=lambda t: (-weights.get(t, 0.0) * (1 + math.log(count[t])), t))
    # Specificity is read off the spoken word: a stem ("peopl") is not a word wordfreq knows.
    kept = [t for t in ranked if specificity(fold(forms.get(t, t))) >= MIN_KEPT_SPECIFICITY]
    return tuple((term, count[term]) for term in sorted(kept[:MAX_WINDOW_TERMS]))
