"""Which episode a question is about: every chapter of the library in one index, scored per episode."""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left
from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from bot.core.message import Message
from bot.core.search import K1, Corpus, Index, Term, best_weights

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

# The server (or channel) is about its preferred episode first: it wins what it shares.
FEATURED_BOOST = 1.25
# From this many chapters on, a question is scored with numpy: its terms' postings in a few passes in C
# instead of a Python step per posting (125 ms a question at 24,000 chapters). Below it the import
# (0.25-0.5 s and ~16 MB here) is never repaid, so a library of a few episodes does not load numpy at all.
VECTOR_MIN_DOCUMENTS = 2_000
# A whole keyword phrase or run said counts for half as much in routing: curated episodes have hundreds of
# them ("bipolar vs borderline"), imported ones a few, so at full weight they drew other episodes' questions
# (measured on tests/data/library: right episode 232 -> 243 of 295; no ketamine-set answer changed).
KEYWORD_SHARE = 0.5
# An episode's chapter is scored as its evidence times the square root of its coverage: the share of the
# question's term weight (weight x specificity x idf, as each term is scored) that the chapter holds at all.
# A curated chapter's hand-written keywords, moments and summary repeat its words many times ("psilocybin"
# in every list beside ketamine), so summed evidence favours it over an imported chapter that only has
# transcript windows; which of the question's telling words a chapter holds is compared like with like
# ("eye shades during psilocybin therapy": the psychedelics chapter holds "shades", the ketamine one not).
# Measured on tests/data/library: right episode 392 -> 411 of 495; ketamine sets' first chapter -1 of 1,788
# (tried instead: scaling by the episodes' transcript shares of each word, 432 but -88 ketamine; squaring
# the coverage, 417 but -8).
# A question's keyword runs and phrases are told apart by one bit each of a 64-bit word; a message
# holding more is scored document by document.
MAX_KEYWORD_BITS = 63
# An episode's best chapter says where in it a question points; which episode says the question's words most
# is evidence of its own: for each of the best RERANKED episodes, the log-likelihood of the question's terms
# (weight x specificity each) under its word counts (the router's term weights summed over its chapters,
# smoothed by EVIDENCE_SMOOTHING, about one word said), as a softmax over those episodes at
# EVIDENCE_TEMPERATURE, the preferred episode given PREFERRED_EVIDENCE of log-odds first (the server is
# about it). An episode ranks by its score as a share of the best one's plus EVIDENCE_WEIGHT times that
# probability. Measured on tests/data/library: right episode 670 -> 672 of 817, routed first chapter
# 901 -> 908 of 1,186, the ketamine sets' first chapter unchanged (a log-odds of 1.0 for the preferred: 679
# but 2 ketamine answers lost); on library J, not tuned on: 76 -> 80 of 90. A naive Bayes over the episodes'
# words alone picks 719-732 of 817 but, without the preferred's prior, loses ketamine answers.
# (1.25 until the eleventh session: once a question naming the preferred episode's own subject ("ketamine",
# "neuroplasticity") routes to it first, 0.9 gives right episode 1,273 -> 1,282 of 1,532 and the ketamine
# sets' first chapter 3,069 -> 3,079; 0.75 gives 1,284 but 3,073.)
RERANKED = 5
EVIDENCE_SMOOTHING = 0.25
EVIDENCE_TEMPERATURE = 1.0
EVIDENCE_WEIGHT = 0.5
PREFERRED_EVIDENCE = 0.9


class Router:
    """Routes a question to episodes: one index over every chapter of the library, so that a word said in
    one episode only ("habenula", "toolkit") tells the episodes apart; an episode scores its best chapter."""

    def __init__(self, corpora: Iterable[tuple[str, Corpus]]) -> None:
        """Index the episodes' routing corpora (episode id, its chapters), in library order."""
        self._episode_ids: list[str] = []
        # Each document's episode, by position: an episode's chapters are consecutive.
        self._episode_of = array("I")
        # Each episode's term weights summed, for the episode evidence.
        self._episode_totals = array("d")

        # Where each episode's chapters end, by position: an episode scores the best of its span.
        self._ends = array("I")

        def read() -> Iterator[Corpus]:
            for episode_id, corpus in corpora:
                self._episode_of.extend([len(self._episode_ids)] * len(corpus.entries))
                self._episode_ids.append(episode_id)
                self._ends.append(len(self._episode_of))
                self._episode_totals.append(math.fsum(entry.length for entry in corpus.entries))
                yield corpus

        self.index = Index.merged(read(), keyword_share=KEYWORD_SHARE)
        self._numbers = {episode_id: number for number, episode_id in enumerate(self._episode_ids)}
        self._vectors: _Vectors | None = None
        # A small library's term weights summed per stem and episode, for the episode evidence (made by
        # `prepare`); a large one sums an episode's run of postings when asked.
        self._said: dict[str, dict[int, float]] | None = None

    def __getstate__(self) -> dict[str, object]:
        """Everything but the numpy views, which are made again on first use."""
        state = dict(self.__dict__)
        state["_vectors"] = None
        state["_said"] = None
        return state

    @property
    def size(self) -> int:
        """How many chapters the router holds."""
        return self.index.size

    def prepare(self) -> None:
        """Get ready to route: a large library imports numpy now rather than on its first question, a small
        one sums each stem's weights per episode (about 20 ms for six episodes)."""
        if self.index.size >= VECTOR_MIN_DOCUMENTS:
            if self._vectors is None:
                self._vectors = _Vectors(self)
        elif self._said is None:
            self._said = self._said_per_episode()

    def _said_per_episode(self) -> dict[str, dict[int, float]]:
        """Each stem's term weights summed over each episode's chapters that hold it."""
        positions, tfs, values, _ = self.index.columns()
        said: dict[str, dict[int, float]] = {}
        for term_stem in self.index.idf:
            span = self.index.postings(term_stem)
            if span is None:
                continue
            runs: dict[int, list[float]] = {}
            for k in range(*span):
                runs.setdefault(self._episode_of[positions[k]], []).append(values[tfs[k]])
            said[term_stem] = {number: math.fsum(run) for number, run in runs.items()}
        return said

    def route(
        self,
        message: Message,
        preferred: str | None = None,
        *,
        limit: int | None = None,
        among: Collection[str] | None = None,
        named: bool = False,
    ) -> list[tuple[str, float]]:
        """Episodes by their best chapter's score for the message (the preferred one's boosted), the best
        RERANKED ordered again with the episode evidence: the first `limit`, of those `among` when given.
        `named` says the message names the preferred episode: it then comes first wherever it touched.

        Ties go to the episode whose best chapter was indexed first, as a stable sort of the hits gives.
        """
        terms = self.index.expand(message)
        self.prepare()
        if self._vectors is not None:
            ranked = self._vectors.route(terms, message, preferred, among)
        else:
            ranked = self._route(terms, message, preferred, among)
        ranked = self._reranked(ranked, terms, preferred)
        if named:
            ranked.sort(key=lambda scored: scored[0] != preferred)
        return ranked[:limit]

    def _route(
        self, terms: Sequence[Term], message: Message, preferred: str | None, among: Collection[str] | None
    ) -> list[tuple[str, float]]:
        """Every touched episode of those `among`, by its best chapter's (boosted) score."""
        scores = self.index.scores(terms, message)
        _cover(scores, *self.index.matched_weights(terms))
        # (boosted, best, episode id) of each touched episode, in library order; a touched chapter scores
        # above 0, and boosting an episode's best chapter boosts the best of its boosted chapters.
        best: list[tuple[float, float, str]] = []
        low = 0
        for episode_id, high in zip(self._episode_ids, self._ends, strict=True):
            top = max(scores[low:high], default=0.0)
            if top > 0:
                best.append((top * FEATURED_BOOST if episode_id == preferred else top, top, episode_id))
            low = high
        # By boosted score, then by score, then (a stable sort) in library order: as a stable sort of the
        # chapters by score met each episode's best first.
        best.sort(key=lambda scored: (-scored[0], -scored[1]))
        return [(e, boosted) for boosted, _, e in best if among is None or e in among]

    def _reranked(
        self, ranked: list[tuple[str, float]], terms: Sequence[Term], preferred: str | None
    ) -> list[tuple[str, float]]:
        """The best RERANKED episodes ordered again with the episode evidence; the rest as they were."""
        head = ranked[:RERANKED]
        if len(head) < 2 or head[0][1] <= 0:
            return ranked
        weights = best_weights(terms)
        evidence = [self._evidence(episode_id, weights) for episode_id, _ in head]
        evidence = [
            e / EVIDENCE_TEMPERATURE + (PREFERRED_EVIDENCE if episode_id == preferred else 0.0)
            for e, (episode_id, _) in zip(evidence, head, strict=True)
        ]
        most = max(evidence)
        odds = [math.exp(e - most) for e in evidence]
        total = math.fsum(odds)
        top = head[0][1]
        fused = [score / top + EVIDENCE_WEIGHT * o / total for (_, score), o in zip(head, odds, strict=True)]
        # A stable sort: a tie keeps the order the scores gave.
        order = sorted(range(len(head)), key=lambda i: -fused[i])
        return [head[i] for i in order] + ranked[RERANKED:]

    def _evidence(self, episode_id: str, weights: dict[str, Term]) -> float:
        """How likely an episode's words make the question's: each term's log share of the episode's term
        weight (smoothed), by the term's weight and specificity."""
        number = self._numbers[episode_id]
        low = self._ends[number - 1] if number else 0
        high = self._ends[number]
        positions, tfs, values, _ = self.index.columns()
        denominator = self._episode_totals[number] + EVIDENCE_SMOOTHING * len(self.index.idf)
        total = 0.0
        if self._said is not None:
            for term_stem, term in weights.items():
                per_episode = self._said.get(term_stem)
                held = per_episode.get(number, 0.0) if per_episode is not None else 0.0
                total += term.weight * term.specificity * math.log((held + EVIDENCE_SMOOTHING) / denominator)
            return total
        for term_stem, term in weights.items():
            span = self.index.postings(term_stem)
            said = 0.0
            if span is not None:
                # A term's postings are in document order: the episode's are one run of them.
                first = bisect_left(positions, low, *span)
                last = bisect_left(positions, high, first, span[1])
                said = math.fsum(values[tfs[k]] for k in range(first, last))
            total += term.weight * term.specificity * math.log((said + EVIDENCE_SMOOTHING) / denominator)
        return total


class _Vectors:
    """numpy views of a router's postings (no copy) and the vectorised scoring of one question."""

    def __init__(self, router: Router) -> None:
        import numpy as np  # a large library only: see VECTOR_MIN_DOCUMENTS

        self.np = np
        index = router.index
        self.router = router
        positions, tfs, values, norms = index.columns()
        self.positions = _view(positions)
        self.tfs = _view(tfs)
        self.values = np.frombuffer(values, dtype=np.float64)
        self.norms = np.frombuffer(norms, dtype=np.float64)
        self.episode_of = _view(router._episode_of)
        self.number = router._numbers
        # Each episode's first document (an episode's chapters are consecutive), for the episodes that have
        # any: their best scores are one reduceat over every document.
        sizes = np.bincount(self.episode_of, minlength=len(router._episode_ids))
        self.held = np.flatnonzero(sizes)
        self.starts = (np.cumsum(sizes) - sizes)[self.held]

    def route(
        self,
        terms: Sequence[Term],
        message: Message,
        preferred: str | None,
        among: Collection[str] | None,
    ) -> list[tuple[str, float]]:
        """What Router._route gives, to the last bit: the same operations on each chapter, in numpy."""
        np = self.np
        index = self.router.index
        weights = best_weights(terms)
        spans: list[tuple[int, int]] = []
        factors: list[float] = []
        for term_stem, term in weights.items():
            span = index.postings(term_stem)
            if span is not None:
                spans.append(span)
                factors.append(term.weight * term.specificity * index.idf[term_stem])
        if spans:
            # Every term's postings at once, in the terms' order: bincount adds each chapter's share in
            # the order given, starting from 0.0, as Index.rank adds them term by term.
            positions = np.concatenate([self.positions[low:high] for low, high in spans])
            tfs = self.values[np.concatenate([self.tfs[low:high] for low, high in spans])]
            # Index.rank's expression, operation for operation, so every chapter's sum is the same float:
            # factor * tf * (K1 + 1) / (tf + norm), in place (a long message has ~100,000 postings).
            shares = np.repeat(factors, [high - low for low, high in spans])
            shares *= tfs
            shares *= K1 + 1
            tfs += self.norms[positions]
            shares /= tfs
            scores = np.bincount(positions, weights=shares, minlength=index.size)
            # Every factor, weight and norm is positive, so a chapter a term touched scores above 0.
            touched = scores > 0
        else:
            scores = np.zeros(index.size)
            touched = np.zeros(index.size, dtype=bool)
        self._add_keywords(scores, touched, weights, message)
        total = math.fsum(factors)
        if total:
            # Coverage as _cover gives it: each chapter's held term weights added in the terms' order.
            lengths = [high - low for low, high in spans]
            held = np.bincount(positions, weights=np.repeat(factors, lengths), minlength=index.size)
            scores *= np.sqrt(held / total)
        return self._per_episode(scores, preferred, among)

    def _add_keywords(
        self,
        scores: NDArray[np.float64],
        touched: NDArray[np.bool_],
        weights: dict[str, Term],
        message: Message,
    ) -> None:
        """Index.rank's keyword bonuses: each document holding a run is touched, and every touched document
        gets what its phrases and runs add; documents holding the same ones get the same bonus."""
        np = self.np
        index = self.router.index
        runs, phrases = index.keywords(weights, message)
        held = runs + phrases
        if not held:
            return
        if len(held) > MAX_KEYWORD_BITS:
            runs_at, phrases_at = index.keyword_matches(weights, message)
            touched[list(runs_at)] = True
            for position in runs_at.keys() | phrases_at.keys():
                if touched[position]:
                    phrases_in, runs_in = phrases_at.get(position, []), runs_at.get(position, [])
                    scores[position] = index.with_keywords(float(scores[position]), phrases_in, runs_in)
            return
        # One bit per run or phrase: a document's bits say which it holds.
        bits = np.zeros(len(scores), dtype=np.uint64)
        for bit, (_, positions) in enumerate(held):
            documents = (
                _view(positions) if isinstance(positions, array) else np.array(positions, dtype=np.intp)
            )
            bits[documents] |= np.uint64(1 << bit)
        touched |= (bits & np.uint64((1 << len(runs)) - 1)) != 0
        documents = np.flatnonzero((bits != 0) & touched)
        kinds, which = np.unique(bits[documents], return_inverse=True)
        bonuses = [
            index.keyword_bonus(
                (phrase for bit, (phrase, _) in enumerate(phrases, len(runs)) if kind >> bit & 1),
                (run for bit, (run, _) in enumerate(runs) if kind >> bit & 1),
            )
            for kind in kinds.tolist()
        ]
        phrase_bonus = np.array([bonus[0] for bonus in bonuses])[which]
        run_bonus = np.array([bonus[1] for bonus in bonuses])[which]
        # As Index.with_keywords adds them: the phrases' bonus first, then the runs'.
        scores[documents] = (scores[documents] + phrase_bonus) + run_bonus

    def _per_episode(
        self,
        scores: NDArray[np.float64],
        preferred: str | None,
        among: Collection[str] | None,
    ) -> list[tuple[str, float]]:
        """Each touched episode's best score (a touched chapter's is above 0, the others' 0), ordered as
        Router.route orders them."""
        np = self.np
        if not len(self.starts):
            return []
        best = np.maximum.reduceat(scores, self.starts)
        touched = best > 0
        found, best = self.held[touched], best[touched]
        boosted = best
        if preferred in self.number:
            boosted = best.copy()
            boosted[found == self.number[preferred]] *= FEATURED_BOOST
        if among is not None:
            kept = np.isin(found, [self.number[e] for e in among if e in self.number])
            found, best, boosted = found[kept], best[kept], boosted[kept]
        # By boosted score, then as first met in the hits: by unboosted score, then (an episode's chapters
        # all coming before the next one's) in index order.
        ranking = np.lexsort((found, -best, -boosted))
        ids = self.router._episode_ids
        return [(ids[e], s) for e, s in zip(found[ranking].tolist(), boosted[ranking].tolist(), strict=True)]


def _cover(scores: list[float], held: list[float], total: float) -> None:
    """Scale each chapter's score by the square root of its coverage of the question, in place."""
    if not total:
        return  # no term the library knows: keyword runs alone, nothing to compare
    for position, score in enumerate(scores):
        if score:
            share = held[position] / total
            scores[position] = score * math.sqrt(share)


def _view(values: array[int]) -> NDArray[np.unsignedinteger[Any]]:
    """An array's integers seen by numpy, without a copy."""
    import numpy as np  # loaded already: only _Vectors calls this

    kinds = {1: np.uint8, 2: np.uint16, 4: np.uint32, 8: np.uint64}
    return np.frombuffer(values, dtype=kinds[values.itemsize])
