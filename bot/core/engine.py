"""The answer engine: a question in plain words -> chapters, moments, studies and safety flags."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bot.core.answer import Answer, ChapterMatch, Kind
from bot.core.models import Chapter, Episode, Moment, SafetyInfo, Study
from bot.core.safety import is_crisis, is_small_talk, wants_health_advice
from bot.core.search import Document, Hit, Index, Term, terms_of
from bot.core.text import content_words, has_letters
from bot.core.timecode import find_time

# Longer questions are cut here: the first 500 characters always say what is asked, and the cut
# bounds the work one message can cause.
MAX_QUESTION_CHARS = 500

# Field weights: the published title and the curated keywords say most about a chapter; moment labels
# and the summary are prose whose everyday words mostly add noise, so they count for less.
CHAPTER_FIELDS = {"title": 3.0, "keywords": 2.0, "moments": 0.75, "summary": 0.3}
STUDY_FIELDS = {"title": 1.5, "keywords": 2.0, "authors": 2.5, "year": 2.0, "finding": 1.0, "source": 0.5}

# When is a match an answer rather than noise? Calibrated on the question sets in tests/data:
# most of the question's specific words must be known to the episode (coverage), at least one matched
# word must be more than an everyday word, and the score must clear a floor. A strong match (a rare
# term or a whole keyword phrase) is an answer even inside a longer, partly unrelated question.
MIN_COVERAGE = 0.6
MIN_CHAPTER_SCORE = 0.3
MIN_MATCHED_SPECIFICITY = 0.4
STRONG_CHAPTER_SCORE = 4.0
MIN_STRONG_COVERAGE = 0.5  # even a strong match must explain half the question ("who won the nba finals")
# A matched word that everyday English hardly knows ("bdnf", "habenula", "k-hole") is about this episode
# whatever chatter surrounds it ("killer episode, the bdnf part blew my mind").
RARE_WORD_SPECIFICITY = 1.0
RARE_WORD_SCORE = 2.0
# Sponsor reads and housekeeping compete at this share of their score unless the question is about ads.
NON_CONTENT_WEIGHT = 0.5
# One chapter is given alone only when it leads the runner-up by this factor; else the few best.
CLEAR_LEAD = 1.6
RUNNER_UP_SHARE = 0.55
MAX_CHAPTERS = 3
# Studies: named outright (author, drug, trial) vs merely touched by a topic word.
STRONG_STUDY_SCORE = 4.0
MIN_STUDY_SCORE = 1.5

_STUDY_WORDS = re.compile(
    r"\b(?:study|studies|paper|papers|trial|trials|research|article|articles|journal|published|publication|"
    r"publications|cite|cited|citation|citations|reference|references|source|sources|evidence|experiment|"
    r"experiments|findings|literature|bibliography|et al|pubmed|doi|science behind|link|links|linked)\b",
    re.IGNORECASE,
)
_ALL_STUDIES = re.compile(
    r"\b(?:studies|papers|trials|articles|references|sources|citations|publications|bibliography|literature)\b"
    r"|\b(?:list|all|every|which|what)\b.*\b(?:study|paper|article|reference|source|citation)\b",
    re.IGNORECASE,
)
# "What is this episode about?": no topic words at all, only the episode itself.
_ABOUT_THE_EPISODE = re.compile(r"\b(?:episode|ep|podcast|pod|video|vid|show)\b", re.IGNORECASE)
_SPONSOR_WORDS = re.compile(
    r"\b(?:sponsor\w*|ad|ads|advert\w*|promo\w*|discount|code|deal|partner|shill\w*|plug\w*|brand)\b",
    re.IGNORECASE,
)
# "All the studies he cites, esp. the naltrexone one": the whole list, however specific the rest is.
_EVERY_STUDY = re.compile(
    r"\b(?:all|every|full|complete|entire|whole)\b.*\b(?:studies|papers|references|sources|citations|articles)\b"
    r"|\b(?:reference|source|citation|reading)\s+list\b|\bbibliography\b",
    re.IGNORECASE,
)


class Engine:
    """Answers questions about one episode; build once, then `answer` is cheap and never raises."""

    def __init__(self, episode: Episode, safety: SafetyInfo) -> None:
        self.episode = episode
        self.safety = safety
        self._chapters = {c.id: c for c in episode.chapters}
        self._chapter_index = Index((_chapter_document(c) for c in episode.chapters), CHAPTER_FIELDS)
        self._study_index = Index((_study_document(s) for s in episode.studies), STUDY_FIELDS)
        self._studies = {s.id: s for s in episode.studies}
        # Words of sponsor and housekeeping titles ("AG1", "Eight Sleep"): naming one asks for that read.
        self._non_content_title_stems = {
            t for c in episode.chapters if not c.is_content for t in terms_of(c.title) if len(t) > 2
        }
        # Each moment's stems, computed once here rather than on every answer.
        moments = [m for c in episode.chapters for m in c.moments]
        self._moment_terms = {m: frozenset(terms_of(" ".join((m.label, *m.keywords)))) for m in moments}

    def answer(self, question: str) -> Answer:
        """The answer to one question in plain words."""
        question = question or ""
        truncated = len(question) > MAX_QUESTION_CHARS
        text = question[:MAX_QUESTION_CHARS]
        crisis = is_crisis(text)
        disclaimer = wants_health_advice(text)

        def reply(
            kind: Kind,
            chapters: Sequence[ChapterMatch] = (),
            studies: Sequence[Study] = (),
            at: int | None = None,
        ) -> Answer:
            return Answer(text, kind, tuple(chapters), tuple(studies), disclaimer, crisis, at, truncated)

        if not text.strip():
            return reply(Kind.EMPTY)
        if not has_letters(text):
            return reply(Kind.SMALL_TALK)

        asked = find_time(text)
        if asked is not None:
            chapter = self.episode.chapter_at(asked)
            if chapter is None:
                return reply(Kind.PAST_END, at=asked)
            moment = min(chapter.moments, key=lambda m: abs(m.seconds - asked), default=None)
            return reply(Kind.TIME, [self._match(chapter, 0.0, moment, ())], at=asked)

        if is_small_talk(text) and not crisis:
            return reply(Kind.SMALL_TALK)

        if not content_words(text) and _ABOUT_THE_EPISODE.search(text) and not crisis:
            return reply(Kind.TOPIC, [self._match(self.episode.chapters[0], 0.0, None, ())])
        chapter_terms = self._chapter_index.expand(text)
        hits = self._confident(self._chapter_index.rank(chapter_terms, text), chapter_terms, text)
        studies = self._studies_for(text, hits)
        if not hits and studies:
            hits = [Hit(cid, 0.0, ()) for cid in dict.fromkeys(studies[0].chapter_ids)][:1]
        chapters = [
            self._match(
                self._chapters[h.key], h.score, self._best_moment(h.key, chapter_terms, studies), h.matched
            )
            for h in hits
        ]
        if not chapters and not studies:
            return reply(Kind.OFF_TOPIC)
        kind = Kind.STUDIES if studies and not chapters else Kind.TOPIC
        return reply(kind, chapters, studies)

    # -- chapters -------------------------------------------------------------------------------

    def _confident(self, hits: list[Hit], terms: Sequence[Term], text: str) -> list[Hit]:
        named = {t.stem for t in terms} & self._non_content_title_stems
        about_ads = bool(_SPONSOR_WORDS.search(text))
        if not about_ads and not named:
            hits = sorted(
                (
                    h if self._chapters[h.key].is_content else replace(h, score=h.score * NON_CONTENT_WEIGHT)
                    for h in hits
                ),
                key=lambda h: -h.score,
            )
        # "The ad where he says ...": a question about an ad is answered by the sponsor read it matches.
        asked_for_this_ad = bool(
            hits
            and about_ads
            and not self._chapters[hits[0].key].is_content
            and any(not _SPONSOR_WORDS.fullmatch(word) for word in hits[0].matched)
        )
        if not hits or not (asked_for_this_ad or self._is_answer(hits[0], terms, text)):
            return []
        top = hits[0].score
        if len(hits) == 1 or top >= CLEAR_LEAD * hits[1].score:
            return hits[:1]
        return [h for h in hits[:MAX_CHAPTERS] if h.score >= RUNNER_UP_SHARE * top]

    def _is_answer(self, hit: Hit, terms: Sequence[Term], text: str) -> bool:
        coverage = self._chapter_index.coverage(text, terms)
        if hit.score >= STRONG_CHAPTER_SCORE and coverage >= MIN_STRONG_COVERAGE:
            return True
        matched = [t for t in terms if t.word in hit.matched]
        if hit.score >= RARE_WORD_SCORE and any(t.specificity >= RARE_WORD_SPECIFICITY for t in matched):
            return True
        # A whole keyword phrase ("how long does it last") is specific even when its words are everyday ones.
        specific = (
            hit.phrases > 0 or max((t.specificity for t in matched), default=0.0) >= MIN_MATCHED_SPECIFICITY
        )
        return hit.score >= MIN_CHAPTER_SCORE and specific and coverage >= MIN_COVERAGE

    def _best_moment(self, chapter_id: str, terms: Sequence[Term], studies: Sequence[Study]) -> Moment | None:
        chapter = self._chapters[chapter_id]
        wanted_studies = {s.id for s in studies}
        stems = {t.stem: t.weight for t in terms}
        idf = self._chapter_index.idf
        best: tuple[float, Moment] | None = None
        for moment in chapter.moments:
            score = sum(stems[s] * idf.get(s, 0.0) for s in self._moment_terms[moment] if s in stems)
            score += 3.0 * len(wanted_studies.intersection(moment.study_ids))
            if score > 0 and (best is None or score > best[0]):
                best = (score, moment)
        return best[1] if best else None

    def _match(
        self, chapter: Chapter, score: float, moment: Moment | None, matched: tuple[str, ...]
    ) -> ChapterMatch:
        moment_url = self.episode.link(moment.seconds) if moment else None
        return ChapterMatch(chapter, self.episode.link(chapter.start), score, moment, moment_url, matched)

    # -- studies --------------------------------------------------------------------------------

    def _studies_for(self, text: str, chapter_hits: Sequence[Hit]) -> list[Study]:
        hits = self._study_index.rank(self._study_index.expand(text), text)
        asks_for_studies = bool(_STUDY_WORDS.search(text))
        strong = [h for h in hits if h.score >= STRONG_STUDY_SCORE]
        if _EVERY_STUDY.search(text) or (asks_for_studies and not strong and _ALL_STUDIES.search(text)):
            # All of them, the ones the question touches first.
            order = {h.key: rank for rank, h in enumerate(hits)}
            return sorted(self.episode.studies, key=lambda s: order.get(s.id, len(order)))
        if strong:
            chosen = [h for h in strong if h.score >= 0.5 * strong[0].score]
        elif asks_for_studies:
            chosen = [h for h in hits if h.score >= MIN_STUDY_SCORE]
            if not chosen and chapter_hits:
                # Nothing named outright: the studies of the chapter asked about, and the study the
                # question touches most, best first.
                top_chapter = chapter_hits[0].key
                chosen = [h for h in hits if top_chapter in self._studies[h.key].chapter_ids or h is hits[0]]
        else:
            chosen = []
        return [self._studies[h.key] for h in chosen]


def _chapter_document(chapter: Chapter) -> Document:
    if not chapter.is_content:
        fields = {"title": [chapter.title], "keywords": list(chapter.keywords)}
    else:
        moments = [" ".join((m.label, *m.keywords)) for m in chapter.moments]
        fields = {
            "title": [chapter.title],
            "keywords": list(chapter.keywords),
            "moments": moments,
            "summary": [chapter.summary],
        }
    phrases = [*chapter.keywords, *(k for m in chapter.moments for k in m.keywords)]
    return Document(chapter.id, fields, phrases)


def _study_document(study: Study) -> Document:
    fields = {
        "title": [study.title],
        "keywords": list(study.keywords),
        "authors": [a.split()[0] if a else a for a in study.authors],
        "year": [str(study.year)],
        "finding": [study.finding],
        "source": [study.source],
    }
    return Document(study.id, fields, study.keywords)
