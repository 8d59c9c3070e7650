"""A small field-weighted BM25 index with typo correction, for a few dozen documents."""

from __future__ import annotations

import math
from array import array
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
# In a message of another language (Message.in_english): its own words are not English misspelt, but its
# cognates are spelt nearly alike. Measured on tests/data: the Italian "ho provato di tutto" read as
# Spravato's chapter, fixed; at no correction at all, two German questions lost their chapter.
OTHER_LANGUAGE_TYPO_CUTOFF = 88.0
# How many letters longer or shorter than the typed word a correction may be (a quarter for long words).
MAX_TYPO_LENGTH_CHANGE = 2
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


class Corpus:
    """Documents reduced to what an index keeps (stem weights, phrases, runs): the costly part of indexing,
    done once per episode; `Index.merged` joins corpora without reading a word again."""

    def __init__(self, documents: Iterable[Document], weights: Mapping[str, float]) -> None:
        self.entries: list[_Entry] = []
        # Each written word's stem, for reading a misspelt question word as a known one.
        self.surface: dict[str, str] = {}
        # A run of everyday words ("how long") says less than one holding a rare word ("k hole").
        self.sequence_weight: dict[tuple[str, ...], float] = {}
        for doc in documents:
            tf: defaultdict[str, float] = defaultdict(float)
            for name, texts in doc.fields.items():
                weight = weights.get(name, 0.0)
                if not weight:
                    continue
                for text in texts:
                    for word in content_words(text):
                        self.surface.setdefault(word, stem(word))
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
                    self.sequence_weight[run] = max(weight, self.sequence_weight.get(run, 0.0))
            entry = _Entry(
                doc.key, dict(tf), sum(tf.values()), [p for p in phrases if len(p) > 1], frozenset(runs)
            )
            self.entries.append(entry)


def terms_of(text: str) -> list[str]:
    """Stems of a text's content words, plus compounds around one- and two-letter words ("k hole")."""
    tokens = content_words(text)
    stems = [stem(t) for t in tokens]
    stems += [stem(a + b) for a, b in pairwise(tokens) if min(len(a), len(b)) <= 2]
    return stems


class Index:
    """BM25F over documents with weighted fields; `expand` turns a question into terms, `rank` scores them.

    Postings are held as arrays (a term's documents and weights are one slice of each), so a large index
    loads as a few blocks of bytes rather than a dict per document.
    """

    def __init__(
        self, documents: Iterable[Document], weights: Mapping[str, float], *, length_norm: float = B
    ) -> None:
        self._build([Corpus(documents, weights)], length_norm)

    # What a whole keyword phrase or run adds, as a share of PHRASE_BONUS and SEQUENCE_BONUS.
    keyword_share = 1.0

    @classmethod
    def merged(cls, corpora: Iterable[Corpus], *, keyword_share: float = 1.0) -> Index:
        """One index over the documents of every corpus, in order: the same as indexing them together."""
        index = cls.__new__(cls)
        index.keyword_share = keyword_share
        index._build(corpora)
        return index

    def _build(self, corpora: Iterable[Corpus], length_norm: float = B) -> None:
        # Corpora are read one at a time, so a library's are never all in memory: postings grow as arrays.
        self._keys: list[str] = []
        lengths: list[float] = []
        surface: dict[str, str] = {}
        sequence_weight: dict[tuple[str, ...], float] = {}
        term_ids: dict[str, int] = {}
        containing: list[int] = []
        positions: list[array[int]] = []
        weights: list[array[float]] = []
        run_postings: defaultdict[tuple[str, ...], list[int]] = defaultdict(list)
        phrase_entries: defaultdict[tuple[str, ...], list[int]] = defaultdict(list)
        for corpus in corpora:
            for word, stemmed in corpus.surface.items():
                surface.setdefault(word, stemmed)
            for run, weight in corpus.sequence_weight.items():
                sequence_weight[run] = max(weight, sequence_weight.get(run, 0.0))
            for entry in corpus.entries:
                position = len(self._keys)
                self._keys.append(entry.key)
                lengths.append(entry.length)
                for term, tf in entry.tf.items():
                    term_id = term_ids.setdefault(term, len(term_ids))
                    if term_id == len(positions):
                        containing.append(0)
                        positions.append(array("I"))
                        weights.append(array("d"))
                    containing[term_id] += 1
                    if tf:  # a weight of nothing still counts as holding the term, but never scores
                        positions[term_id].append(position)
                        weights[term_id].append(tf)
                for run in entry.sequences:
                    run_postings[run].append(position)
                for known in dict.fromkeys(entry.phrases):
                    phrase_entries[known].append(position)
        count = max(len(self._keys), 1)
        self._avg_length = sum(lengths) / count or 1.0
        self.idf = {t: _idf(count, containing[i]) for t, i in term_ids.items()}
        # Each run's bonus (its rarity among the documents times its weight) and the documents holding it.
        self._runs = {
            run: (_idf(count, len(held)) * sequence_weight[run], _held(held))
            for run, held in run_postings.items()
        }
        # Postings: which documents hold a stem or a run, so a question scores only the documents it touches.
        self._offsets = array("Q", [0])
        for held in positions:
            self._offsets.append(self._offsets[-1] + len(held))
        self._positions = narrow(array("I", b"".join(held.tobytes() for held in positions)))
        # A weight is a sum of a few field weights times counts: a library holds a few hundred distinct
        # ones, so each posting keeps the number of its weight in a table (2 bytes rather than 8).
        values: dict[float, int] = {}
        codes = array("I", [values.setdefault(tf, len(values)) for held in weights for tf in held])
        self._tf_values = array("d", values)
        self._tfs = narrow(codes)
        # BM25's length normalisation per document, fixed once the index is built.
        b = length_norm
        self._norms = array("d", [K1 * (1 - b + b * length / self._avg_length) for length in lengths])
        self._phrases_by_stem: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for known in phrase_entries:
            self._phrases_by_stem[known[0]].append(known)
        # Which documents hold each phrase: a question's whole phrases go straight to their documents.
        self._phrase_entries = {phrase: _held(held) for phrase, held in phrase_entries.items()}
        self._surface = surface
        self._words = sorted(surface)
        self._prepare()

    def _prepare(self) -> None:
        """What is derived from the rest: term positions, run heads and starts, words by initial, the typo
        cache."""
        self._term_ids = {term: i for i, term in enumerate(self.idf)}
        self._run_heads = {run[0] for run in self._runs}
        # Every run's beginnings: reading a message's words as a run stops where no run goes on that way.
        self._run_starts = {run[:n] for run in self._runs for n in range(2, len(run) + 1)}
        self._words_by_initial: dict[str, list[str]] = defaultdict(list)
        for word in self._words:
            self._words_by_initial[word[:1]].append(word)
        self._correct = lru_cache(maxsize=8192)(self._closest)
        # Filled as misspelt words of each initial and length come: see _typo_choices.
        self._choices_by_length: dict[tuple[str, int], list[str]] = {}

    @property
    def size(self) -> int:
        """How many documents the index holds."""
        return len(self._keys)

    def columns(self) -> tuple[array[int], array[int], array[float], array[float]]:
        """Every posting's document and number of its term weight (term by term), the weights so
        numbered, and each document's BM25 norm."""
        return self._positions, self._tfs, self._tf_values, self._norms

    def postings(self, term_stem: str) -> tuple[int, int] | None:
        """Where a stem's postings lie in `columns()`, or None for a stem the index does not hold."""
        term_id = self._term_ids.get(term_stem)
        return None if term_id is None else (self._offsets[term_id], self._offsets[term_id + 1])

    def __getstate__(self) -> dict[str, object]:
        """Everything but the typo caches: an lru_cache wrapper does not pickle, and both refill as asked."""
        state = dict(self.__dict__)
        del state["_correct"], state["_choices_by_length"]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        """Restore a pickled index with empty typo caches."""
        # The derived maps are pickled too: unpickled, they cost less than deriving them again, and an
        # engine is unpickled on the way to a question's answer.
        self.__dict__.update(state)
        self._correct = lru_cache(maxsize=8192)(self._closest)
        self._choices_by_length = {}

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
                corrected = self._correct(token, message.in_english)
                if corrected is not None:
                    terms.append(corrected)
        return terms

    def _sequences_in(self, message: Message) -> set[tuple[str, ...]]:
        stems = message.word_stems
        heads, starts, runs = self._run_heads, self._run_starts, self._runs
        found: set[tuple[str, ...]] = set()
        # Only where a keyword run can start (a long message has hundreds of places, few of them heads),
        # and only as far as some run goes on with the same words.
        for i in range(len(stems) - 1):
            if stems[i] in heads:
                for n in range(2, min(MAX_SEQUENCE, len(stems) - i) + 1):
                    run = stems[i : i + n]
                    if run not in starts:
                        break
                    if run in runs:
                        found.add(run)
        return found

    def coverage(self, message: Message, terms: Sequence[Term]) -> float:
        """The share of the question's meaningful words the index knows, weighed by how specific each is."""
        known = {word for term in terms for word in term.word.split()}
        # A number with its unit or an age ("19yo", "3rd", "10mg") is no topic word the index could miss.
        tokens = {t for t in message.content_words if len(t) >= 3 and not t[0].isdigit()}
        if not message.in_english:
            # Nor is a word of the message's own language that English does not know ("einzigen").
            tokens = {t for t in tokens if t in known or commonness(t)}
        total = sum(specificity(t) for t in tokens)
        if not total:
            return 0.0
        return sum(specificity(t) for t in tokens if t in known) / total

    def _closest(self, token: str, english: bool = True) -> Term | None:
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
        choices, cutoff = self._typo_choices(token)
        if not english:
            # A word of another language is read as a known word only when spelt nearly alike, as cognates
            # are ("dissoziative"), never as a misspelling ("provato" is no "spravato").
            cutoff = max(cutoff, OTHER_LANGUAGE_TYPO_CUTOFF)
        best = process.extractOne(token, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
        if best is None:
            return None
        word, similarity, _ = best
        return Term(self._surface[word], token, similarity / 100.0, specificity(word))

    def _typo_choices(self, token: str) -> tuple[list[str], float]:
        """The known words a misspelt word may be read as, in sorted order, and how alike it must be: any
        word for a long one, those of its initial for a short one, of a length that leaves them a chance."""
        size = len(token)
        long_word = size >= 7
        cutoff = TYPO_CUTOFF_LONG if long_word else TYPO_CUTOFF_SHORT
        key = ("" if long_word else token[:1], size)
        choices = self._choices_by_length.get(key)
        if choices is None:
            group = self._words if long_word else self._words_by_initial.get(token[:1], [])
            # fuzz.ratio is 200 x the letters two words share in order over both lengths: a word whose
            # length alone keeps it under the cutoff never matches (40-45% of the search time).
            # nor does a word far shorter or longer, whose letters all sit in order inside the other ("bupren"
            # in "ibuprofen" scores 80): a slip of the fingers changes a letter or two, not a third of them.
            most = max(MAX_TYPO_LENGTH_CHANGE, size // 4)
            choices = [
                w
                for w in group
                if 200 * min(size, len(w)) >= cutoff * (size + len(w)) and abs(size - len(w)) <= most
            ]
            self._choices_by_length[key] = choices
        return choices, cutoff

    def rank(self, terms: Sequence[Term], message: Message) -> list[Hit]:
        """Documents that match any term (or contain a run of the text's words as a keyword), best first."""
        best_weight = best_weights(terms)
        scores = self._term_scores(best_weight)
        runs_at, phrases_at = self.keyword_matches(best_weight, message)
        self._add_keywords(scores, runs_at, phrases_at)
        matched: defaultdict[int, list[str]] = defaultdict(list)
        positions, offsets = self._positions, self._offsets
        for term_stem, term in best_weight.items():
            term_id = self._term_ids.get(term_stem)
            if term_id is not None:
                for position in positions[offsets[term_id] : offsets[term_id + 1]]:
                    matched[position].append(term.word)
        hits = [
            Hit(
                self._keys[position],
                score,
                tuple(dict.fromkeys(matched.get(position, ()))),
                len(phrases_at.get(position, ())) + len(runs_at.get(position, ())),
            )
            for position, score in enumerate(scores)
            if score > 0
        ]
        hits.sort(key=lambda h: -h.score)
        return hits

    def scores(self, terms: Sequence[Term], message: Message) -> list[float]:
        """Every document's score, as `rank` gives it, by position (0.0 for a document it leaves out): the
        router's way, which needs no hit and no matched word."""
        best_weight = best_weights(terms)
        scores = self._term_scores(best_weight)
        self._add_keywords(scores, *self.keyword_matches(best_weight, message))
        return scores

    def matched_weights(self, terms: Sequence[Term]) -> tuple[list[float], float]:
        """Each document's sum of the weights (weight x specificity x idf) of the question's terms it holds,
        by position, and the sum over every term the index knows: how much of the question it covers."""
        held = [0.0] * len(self._keys)
        factors: list[float] = []
        positions, offsets, term_ids = self._positions, self._offsets, self._term_ids
        for term_stem, term in best_weights(terms).items():
            term_id = term_ids.get(term_stem)
            if term_id is None:
                continue
            factor = term.weight * term.specificity * self.idf[term_stem]
            factors.append(factor)
            for position in positions[offsets[term_id] : offsets[term_id + 1]]:
                held[position] += factor
        return held, math.fsum(factors)

    def _term_scores(self, best_weight: Mapping[str, Term]) -> list[float]:
        """Each document's BM25 sum over the terms, by position: 0.0 for a document no term touches."""
        # Term at a time over the postings, in the terms' order (so each document's sum is added up in
        # the same order as document at a time): a question touching thousands of chapters of a large
        # library looks up only the stems each one holds. A posting's weight is never 0 (see _build),
        # so a touched document scores above 0, and 0.0 plus the first share is that share exactly.
        scores = [0.0] * len(self._keys)
        norms, positions, offsets = self._norms, self._positions, self._offsets
        tfs, values, term_ids, idf = self._tfs, self._tf_values, self._term_ids, self.idf
        saturation = K1 + 1
        for term_stem, term in best_weight.items():
            term_id = term_ids.get(term_stem)
            if term_id is None:
                continue
            factor = term.weight * term.specificity * idf[term_stem]
            low, high = offsets[term_id], offsets[term_id + 1]
            # Two slices of one length: a strict zip costs ~10% of this loop.
            for position, code in zip(positions[low:high], tfs[low:high]):  # noqa: B905
                tf = values[code]
                scores[position] += factor * tf * saturation / (tf + norms[position])
        return scores

    def _add_keywords(
        self,
        scores: list[float],
        runs_at: Mapping[int, Sequence[tuple[str, ...]]],
        phrases_at: Mapping[int, Sequence[tuple[str, ...]]],
    ) -> None:
        """Add each document's keyword bonuses: a run touches the document that holds it, a whole phrase
        only adds to a document touched already."""
        for position in runs_at.keys() | phrases_at.keys():
            if position in runs_at or scores[position] > 0:
                phrases, runs = phrases_at.get(position, ()), runs_at.get(position, ())
                scores[position] = self.with_keywords(scores[position], phrases, runs)

    def keywords(
        self, best_weight: Mapping[str, Term], message: Message
    ) -> tuple[list[tuple[tuple[str, ...], Sequence[int]]], list[tuple[tuple[str, ...], Sequence[int]]]]:
        """The runs of the message's words that are keywords, and the keyword phrases the question holds
        whole (found once per question rather than per document), each with the documents holding it."""
        runs = [(run, self._runs[run][1]) for run in self._sequences_in(message)]
        query_stems = set(best_weight)
        wanted = {
            phrase
            for term_stem in best_weight
            for phrase in self._phrases_by_stem.get(term_stem, ())
            if query_stems.issuperset(phrase) and _says_as_often(message, phrase)
        }
        return runs, [(phrase, self._phrase_entries[phrase]) for phrase in wanted]

    def keyword_matches(
        self, best_weight: Mapping[str, Term], message: Message
    ) -> tuple[dict[int, list[tuple[str, ...]]], dict[int, list[tuple[str, ...]]]]:
        """`keywords` by document: the runs each holds, and the phrases."""
        runs, phrases = self.keywords(best_weight, message)
        runs_at: defaultdict[int, list[tuple[str, ...]]] = defaultdict(list)
        for run, held in runs:
            for position in held:
                runs_at[position].append(run)
        phrases_at: defaultdict[int, list[tuple[str, ...]]] = defaultdict(list)
        for phrase, held in phrases:
            for position in held:
                phrases_at[position].append(phrase)
        return runs_at, phrases_at

    def keyword_bonus(
        self, phrases: Iterable[tuple[str, ...]], runs: Iterable[tuple[str, ...]]
    ) -> tuple[float, float]:
        """What a document's whole keyword phrases add, and what its runs add."""
        # fsum: exact whatever the order, and a set's order may differ once it has been pickled.
        share = self.keyword_share
        return (
            share * PHRASE_BONUS * math.fsum(self.idf.get(s, 0.0) for p in phrases for s in p),
            share * SEQUENCE_BONUS * math.fsum(self._runs[q][0] for q in runs),
        )

    def with_keywords(
        self, score: float, phrases: Sequence[tuple[str, ...]], runs: Sequence[tuple[str, ...]]
    ) -> float:
        """A document's term score plus what its whole keyword phrases and runs add."""
        phrase_bonus, run_bonus = self.keyword_bonus(phrases, runs)
        score += phrase_bonus
        return score + run_bonus


def _says_as_often(message: Message, phrase: tuple[str, ...]) -> bool:
    """Whether the message says each word a keyword phrase repeats as often: "bad" alone is not the
    keyword "bad bad bad" (measured: 4 first chapters more of 1,500, 4 more questions routed right)."""
    if len(set(phrase)) == len(phrase):
        return True
    return all(message.stems.count(s) >= n for s, n in Counter(phrase).items() if n > 1)


def best_weights(terms: Sequence[Term]) -> dict[str, Term]:
    """Each stem once, read as its surest term (a stem typed and also corrected counts once)."""
    best_weight: dict[str, Term] = {}
    for term in terms:
        if term.stem not in best_weight or term.weight > best_weight[term.stem].weight:
            best_weight[term.stem] = term
    return best_weight


def narrow(values: array[int]) -> array[int]:
    """The same unsigned integers in the narrowest array type that holds them."""
    top = max(values, default=0)
    code = "B" if top < 1 << 8 else "H" if top < 1 << 16 else "I" if top < 1 << 32 else "Q"
    return values if values.typecode == code else array(code, values)


def _held(positions: list[int]) -> Sequence[int]:
    """A run's or phrase's documents: a tuple when few (a small index unpickles thousands of them fast),
    else an array."""
    return tuple(positions) if len(positions) < 64 else narrow(array("I", positions))


def _idf(documents: int, containing: int) -> float:
    """BM25's inverse document frequency: rare across documents means telling."""
    return math.log(1 + (documents - containing + 0.5) / (containing + 0.5))


def _run_specificity(phrase: str) -> float:
    """The specificity of a phrase's most telling word (stop words say nothing)."""
    return max((specificity(w) for w in content_words(phrase)), default=MIN_RUN_SPECIFICITY)


def _sequence(text: str) -> tuple[str, ...]:
    """Every word's stem, stop words included, for matching runs of words exactly."""
    return tuple(stem(w) for w in words(text))
