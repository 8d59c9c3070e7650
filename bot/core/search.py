"""A small field-weighted BM25 index with typo correction, for a few dozen documents."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from rapidfuzz import fuzz, process

from bot.core.message import Message
from bot.core.text import STOP_WORDS, commonness, content_words, specificity, stem, words

# BM25's usual constants; b is low because keyword lists differ in length by design, not by verbosity.
K1 = 1.2
B = 0.3
# A multi-word keyword that the question contains whole is stronger evidence than its words apart:
# all its topic words in any order earn PHRASE_BONUS, the exact run of words (stop words included,
# "every week") earns SEQUENCE_BONUS times the rarity of that run among the documents.
PHRASE_BONUS = 0.6
SEQUENCE_BONUS = 1.0
MAX_SEQUENCE = 6
MIN_RUN_SPECIFICITY = 0.15
# How alike a misspelt word must be to a known one (rapidfuzz ratio, 0-100) to be read as it.
TYPO_CUTOFF_LONG = 80.0  # words of 7 letters or more
TYPO_CUTOFF_SHORT = 83.0  # words of 5-6 letters, which must also share the first letter
MIN_TYPO_LENGTH = 5
PREFIXED_WEIGHT = 0.9
TYPO_MAX_ZIPF = 2.5


@dataclass(frozen=True, slots=True)
class Term:
    """A search term read from a question: its stem, the word as typed, and how sure the reading is."""

    stem: str
    word: str
    weight: float = 1.0
    specificity: float = 1.0


@dataclass(slots=True)
class Document:
    """Searchable text of one item, as named fields of plain text."""

    key: str
    fields: Mapping[str, Sequence[str]]
    phrases: Sequence[str] = ()
    # Fields already reduced to stem counts (a transcript's term windows): counted as they are.
    counts: Mapping[str, Mapping[str, float]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Hit:
    """A document's score for a question and the words that matched it."""

    key: str
    score: float
    matched: tuple[str, ...]
    phrases: int = 0


@dataclass(slots=True)
class _Entry:
    key: str
    tf: dict[str, float]
    length: float
    phrases: list[tuple[str, ...]] = field(default_factory=list)
    sequences: frozenset[tuple[str, ...]] = frozenset()


def terms_of(text: str) -> list[str]:
    """Stems of a text's content words, plus compounds around one- and two-letter words ("k hole")."""
    tokens = content_words(text)
    stems = [stem(t) for t in tokens]
    stems += [stem(a + b) for a, b in pairwise(tokens) if min(len(a), len(b)) <= 2]
    return stems


class Index:
    """BM25F over documents with weighted fields; `expand` turns a question into terms, `rank` scores them."""

    def __init__(self, documents: Iterable[Document], weights: Mapping[str, float]) -> None:
        self._entries: list[_Entry] = []
        surface: dict[str, str] = {}
        # A run of everyday words ("how long") says less than one holding a rare word ("k hole").
        self._sequence_weight: dict[tuple[str, ...], float] = {}
        for doc in documents:
            tf: defaultdict[str, float] = defaultdict(float)
            for name, texts in doc.fields.items():
                weight = weights.get(name, 0.0)
                if not weight:
                    continue
                for text in texts:
                    for word in content_words(text):
                        surface.setdefault(word, stem(word))
                    for term in terms_of(text):
                        tf[term] += weight
            for name, stem_counts in doc.counts.items():
                weight = weights.get(name, 0.0)
                for term, count in stem_counts.items():
                    tf[term] += weight * count
            phrases = list(dict.fromkeys(tuple(stem(w) for w in content_words(p)) for p in doc.phrases))
            runs: set[tuple[str, ...]] = set()
            for phrase in doc.phrases:
                run = _sequence(phrase)
                if 1 < len(run) <= MAX_SEQUENCE:
                    runs.add(run)
                    weight = math.sqrt(len(run)) * _run_specificity(phrase)
                    self._sequence_weight[run] = max(weight, self._sequence_weight.get(run, 0.0))
            sequences = frozenset(runs)
            entry = _Entry(doc.key, tf, sum(tf.values()), [p for p in phrases if len(p) > 1], sequences)
            self._entries.append(entry)
        count = max(len(self._entries), 1)
        self._avg_length = sum(e.length for e in self._entries) / count or 1.0
        document_frequency: Counter[str] = Counter()
        for entry in self._entries:
            document_frequency.update(entry.tf.keys())
        self.idf = {t: _idf(count, n) for t, n in document_frequency.items()}
        sequence_frequency: Counter[tuple[str, ...]] = Counter(q for e in self._entries for q in e.sequences)
        self._sequence_idf = {q: _idf(count, n) for q, n in sequence_frequency.items()}
        # Postings: which entries hold a stem or a run, so a question scores only the documents it touches.
        self._postings: defaultdict[str, list[int]] = defaultdict(list)
        self._run_postings: defaultdict[tuple[str, ...], list[int]] = defaultdict(list)
        for position, entry in enumerate(self._entries):
            for term in entry.tf:
                self._postings[term].append(position)
            for run in entry.sequences:
                self._run_postings[run].append(position)
        # BM25's length normalisation per document, fixed once the index is built.
        self._norms = [K1 * (1 - B + B * e.length / self._avg_length) for e in self._entries]
        self._phrases_by_stem: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for known in {p for e in self._entries for p in e.phrases}:
            self._phrases_by_stem[known[0]].append(known)
        # Which documents hold each phrase: a question's whole phrases go straight to their documents.
        self._phrase_entries: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for position, entry in enumerate(self._entries):
            for known in dict.fromkeys(entry.phrases):
                self._phrase_entries[known].append(position)
        self._surface = surface
        self._words = sorted(surface)
        self._words_by_initial: dict[str, list[str]] = defaultdict(list)
        for word in self._words:
            self._words_by_initial[word[:1]].append(word)
        self._correct = lru_cache(maxsize=8192)(self._closest)

    def __getstate__(self) -> dict[str, object]:
        """Everything but the typo cache: an lru_cache wrapper does not pickle, and it refills as asked."""
        state = dict(self.__dict__)
        del state["_correct"]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        """Restore a pickled index with an empty typo cache."""
        self.__dict__.update(state)
        self._correct = lru_cache(maxsize=8192)(self._closest)

    def expand(self, message: Message) -> list[Term]:
        """The question's terms: known stems, compounds, and misspellings read as the nearest known word."""
        tokens = message.content_words
        terms: list[Term] = []
        joined_used: set[int] = set()
        for i in range(len(tokens) - 1):
            joined = stem(tokens[i] + tokens[i + 1])
            if joined in self.idf:
                terms.append(
                    Term(joined, f"{tokens[i]} {tokens[i + 1]}", 1.0, specificity(tokens[i] + tokens[i + 1]))
                )
                joined_used.update((i, i + 1))
        for i, token in enumerate(tokens):
            stemmed = stem(token)
            if stemmed in self.idf:
                terms.append(Term(stemmed, token, 1.0, specificity(token)))
            elif i not in joined_used:
                corrected = self._correct(token)
                if corrected is not None:
                    terms.append(corrected)
        return terms

    def _sequences_in(self, message: Message) -> set[tuple[str, ...]]:
        stems = tuple(stem(w) for w in message.words)
        return {
            tuple(stems[i : i + n])
            for n in range(2, MAX_SEQUENCE + 1)
            for i in range(len(stems) - n + 1)
            if tuple(stems[i : i + n]) in self._sequence_idf
        }

    def coverage(self, message: Message, terms: Sequence[Term]) -> float:
        """The share of the question's meaningful words the index knows, weighed by how specific each is."""
        known = {word for term in terms for word in term.word.split()}
        tokens = {t for t in message.content_words if len(t) >= 3 and not t.isdigit()}
        total = sum(specificity(t) for t in tokens)
        if not total:
            return 0.0
        return sum(specificity(t) for t in tokens if t in known) / total

    def _closest(self, token: str) -> Term | None:
        if token.isdigit() or token in STOP_WORDS or commonness(token) >= TYPO_MAX_ZIPF:
            return None
        # A known term with a one-letter qualifier in front: "cptsd" is PTSD, "ssris" stems anyway.
        rest = token[1:]
        if len(rest) >= 4 and stem(rest) in self.idf:
            return Term(stem(rest), token, PREFIXED_WEIGHT, specificity(rest))
        # A real English word is not a typo ("weather" is not "water"); only unknown words get corrected.
        if (
            len(token) < MIN_TYPO_LENGTH
            or token.isdigit()
            or token in STOP_WORDS
            or commonness(token) >= TYPO_MAX_ZIPF
        ):
            return None
        long_word = len(token) >= 7
        choices = self._words if long_word else self._words_by_initial.get(token[:1], [])
        cutoff = TYPO_CUTOFF_LONG if long_word else TYPO_CUTOFF_SHORT
        best = process.extractOne(token, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
        if best is None:
            return None
        word, similarity, _ = best
        return Term(self._surface[word], token, similarity / 100.0, specificity(word))

    def rank(self, terms: Sequence[Term], message: Message) -> list[Hit]:
        """Documents that match any term (or contain a run of the text's words as a keyword), best first."""
        best_weight: dict[str, Term] = {}
        for term in terms:
            if term.stem not in best_weight or term.weight > best_weight[term.stem].weight:
                best_weight[term.stem] = term
        query_stems = set(best_weight)
        query_sequences = self._sequences_in(message)
        # Term at a time over the postings, in the terms' order (so each document's sum is added up in
        # the same order as document at a time): a question touching thousands of chapters of a large
        # library looks up only the stems each one holds.
        scores: dict[int, float] = {}
        matched: dict[int, list[str]] = {}
        entries, norms = self._entries, self._norms
        for term_stem, term in best_weight.items():
            postings = self._postings.get(term_stem)
            if not postings:
                continue
            factor = term.weight * term.specificity * self.idf[term_stem]
            for position in postings:
                tf = entries[position].tf[term_stem]
                if not tf:
                    continue
                score = factor * tf * (K1 + 1) / (tf + norms[position])
                if position in scores:
                    scores[position] += score
                    matched[position].append(term.word)
                else:
                    scores[position] = score
                    matched[position] = [term.word]
        touched = set(scores)
        touched.update(p for q in query_sequences for p in self._run_postings.get(q, ()))
        # The keyword phrases the question holds whole, found once rather than per document.
        wanted = {
            phrase
            for term_stem in query_stems
            for phrase in self._phrases_by_stem.get(term_stem, ())
            if query_stems.issuperset(phrase)
        }
        phrases_at: defaultdict[int, list[tuple[str, ...]]] = defaultdict(list)
        for phrase in wanted:
            for position in self._phrase_entries.get(phrase, ()):
                phrases_at[position].append(phrase)
        hits: list[Hit] = []
        for position in sorted(touched):
            entry = entries[position]
            runs = query_sequences & entry.sequences
            score = scores.get(position, 0.0)
            phrases = phrases_at.get(position, [])
            # fsum: exact whatever the order, and a set's order may differ once it has been pickled.
            score += PHRASE_BONUS * math.fsum(self.idf.get(s, 0.0) for p in phrases for s in p)
            score += SEQUENCE_BONUS * math.fsum(
                self._sequence_idf[q] * self._sequence_weight[q] for q in runs
            )
            phrases += list(runs)
            words = matched.get(position, ())
            hits.append(Hit(entry.key, score, tuple(dict.fromkeys(words)), len(phrases)))
        hits.sort(key=lambda h: -h.score)
        return hits


def _idf(documents: int, containing: int) -> float:
    """BM25's inverse document frequency: rare across documents means telling."""
    return math.log(1 + (documents - containing + 0.5) / (containing + 0.5))


def _run_specificity(phrase: str) -> float:
    """The specificity of a phrase's most telling word (stop words say nothing)."""
    return max((specificity(w) for w in content_words(phrase)), default=MIN_RUN_SPECIFICITY)


def _sequence(text: str) -> tuple[str, ...]:
    """Every word's stem, stop words included, for matching runs of words exactly."""
    return tuple(stem(w) for w in words(text))
