"""The answer engine: a question in plain words -> chapters, moments, studies and safety flags."""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Collection, Sequence
from dataclasses import replace
from itertools import pairwise

from bot.core.answer import ChapterMatch
from bot.core.message import Message
from bot.core.models import Chapter, Episode, Moment, Study, TranscriptWindow
from bot.core.position import chapter_at, position_of
from bot.core.search import B, Document, Hit, Index, Term, terms_of
from bot.core.text import content_words, specificity, words

# An imported episode's transcript counts each time a stem is said, so each saying weighs little.
TRANSCRIPT_WEIGHT = 0.25
# A chapter found by its transcript alone needs this many of the question's words said in one window.
MIN_WORDS_SAID_TOGETHER = 2
# ... and at least this share of the question's telling words (calibrated on tests/data/library), one of
# them more than an everyday word.
TOGETHER_SHARE = 0.4
# Transcript windows in a row (40 s each) whose words count as said together, when one of them is at least
# this specific. Measured on tests/data/library asked of the right episode and the chatter of tests/data
# asked of each imported episode: one window, 624/751 first chapters and 27/2400 chatter answered; three
# whatever the words, 629 and 29, and two off-topic requests answered from everyday words ("budget",
# "mechanical"); three with a word of 0.7 ("lifting"), 627 and 27, none; the whole chapter, 631 and 36.
SPAN_WINDOWS = 3
SPAN_SPECIFICITY = 0.7
MIN_SAID_SPECIFICITY = 0.6
# An episode the asker chose answers on less (a question routed across the library must still claim its
# episode as above: looser, the psychedelics episode took "microdosing k" and "my spravato" from the
# ketamine one). Measured on tests/data/library with library G (written 2026-12-02) and the chatter of
# tests/data asked of each imported episode: first chapter asked of the right episode 740 -> 748 of 931,
# chatter answered 19 of 2,605 before and after. Three or more words said together need only one of 0.4 ...
SEVERAL_SAID = 3
SEVERAL_SAID_SPECIFICITY = 0.4
# ... a long message's said words this share of its telling ones ...
LONG_TOGETHER_SHARE = 0.3
# ... and one word of 0.8 said where the chapter scores this much is enough alone.
SOLO_WORD_SCORE = 3.0
SOLO_WORD_SPECIFICITY = 0.8
# ... and a chapter whose written words match needs this share of the usual coverage (right episode given:
# first chapter 851 -> 862 of 1,056, top three 950 -> 970; chatter answered 41 -> 47 of 3,320; at 0.7,
# 864, 972 and 53).
CHOSEN_COVERAGE = 0.8
# BM25's length normalisation inside an episode known only by its transcript: a long chapter says every
# word more often, and its counts are all it has (0.3, as for curated text, before; given the episode: first
# chapter 862 -> 870 of 1,056, top three 970 -> 973; routed 789 -> 796; chatter answered 47 -> 46 of 3,320).
TRANSCRIPT_LENGTH_NORM = 0.5
# Field weights: the published title and the curated keywords say most about a chapter; moment labels
# and the summary are prose whose everyday words mostly add noise, so they count for less.
CHAPTER_FIELDS = {
    "title": 3.0,
    "keywords": 2.0,
    "moments": 0.75,
    "summary": 0.3,
    "transcript": TRANSCRIPT_WEIGHT,
    # the citation of each study the chapter discusses: "williams et al, molecular psychiatry 2019"
    "cited": 1.0,
}
# The router weighs the same fields, and an episode's title on every chapter, so naming it counts. Curated
# keywords, moments and summaries weigh less there: an imported episode has none, and a curated one's rich
# vocabulary ("bipolar vs borderline", "sleeping") would draw other episodes' questions (measured on
# tests/data/library with every episode's transcript windows: right episode 72% -> 78%, first chapter on
# the ketamine sets 1,409 -> 1,406 of 1,500).
ROUTING_FIELDS = {**CHAPTER_FIELDS, "keywords": 0.5, "moments": 0.25, "summary": 0.1, "episode": 1.5}
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
# A message of this many content words is a story around a question (measured on tests/data/library:
# first chapter +5 of 301, none of the off-topic questions answered).
LONG_MESSAGE_WORDS = 8
LONG_MIN_COVERAGE = 0.5
LONG_MIN_STRONG_COVERAGE = 0.4
# A chapter that written words of its own match this many telling words of (each more than everyday) is
# an answer whatever the coverage ("natural night owl ... shift my schedule earlier"; measured on
# tests/data/library: asked of the episode, first chapter +7 and top three +8 of 451; no off-topic
# question of any set answered, asked of the library or of each episode).
MANY_TELLING_WORDS = 3
# A matched word that everyday English hardly knows ("bdnf", "habenula", "k-hole") is about this episode
# whatever chatter surrounds it ("killer episode, the bdnf part blew my mind").
RARE_WORD_SPECIFICITY = 1.0
RARE_WORD_SCORE = 2.0
# One matched word beside two or more that match nothing must be more than a plain word: "convert 5
# miles to km" is not the chapter where ketamine is converted (measured: 4 off-topic questions fewer
# answered, 1 first chapter lost of 1,255).
SINGLE_WORD_SPECIFICITY = 0.7
SINGLE_WORD_UNMATCHED = 2
# Housekeeping (intro, outro) and sponsor reads asked about compete at this share of their score.
NON_CONTENT_WEIGHT = 0.5
# One chapter is given alone only when it leads the runner-up by this factor; else the few best.
CLEAR_LEAD = 1.6
RUNNER_UP_SHARE = 0.55
# An imported episode's evidence is mostly words said in its transcript, less sure than curated keywords:
# its runners-up are shown unless the lead is overwhelming (measured on tests/data/library: top three
# 88% -> 90%, first chapter unchanged).
TRANSCRIPT_CLEAR_LEAD = 4.0
TRANSCRIPT_RUNNER_UP_SHARE = 0.3
MAX_CHAPTERS = 3
# A best chapter that is no answer gives way to a runner-up that is, within this share of its score (measured
# on tests/data/library: 0.8 gives 4 more top-three answers and 3 more right episodes for 1 more chatter
# answered; 0.6 gives 1 more of each answer for 3 more chatter answered).
SKIPPED_BEST_SHARE = 0.8
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
# "That first study", "the name of the study": one study, not the list.
_FIRST_STUDY = re.compile(
    r"\b(?:first|earliest|oldest|original)\s+(?:study|paper|trial|article)\b", re.IGNORECASE
)
_ONE_STUDY = re.compile(
    r"\b(?:the|that|this|a)\s+(?:\w+\s+){0,2}(?:study|paper|trial|article)\b(?!s)|\bname\s+of\s+the\s+(?:study|paper)\b",
    re.IGNORECASE,
)
_SPONSOR_WORDS = re.compile(
    r"\b(?:sponsor\w*|ad|ads|advert\w*|promo\w*|discount|code|deal|partner|shill\w*|plug\w*|brand)\b",
    re.IGNORECASE,
)
# Where a chapter title divides into phrases: "Lithium & Ketamine", "Bipolar vs. Borderline", "A; B".
_TITLE_PARTS = re.compile(r"[;,:&()]|\bvs\.?|\band\b")
# "All the studies he cites, esp. the naltrexone one": the whole list, however specific the rest is.
_EVERY_STUDY = re.compile(
    r"\b(?:all|every|full|complete|entire|whole)\b.*\b(?:studies|papers|references|sources|citations|articles)\b"
    r"|\b(?:reference|source|citation|reading)\s+list\b|\bbibliography\b",
    re.IGNORECASE,
)


class Engine:
    """Finds what one episode says about a message: chapters, moments and studies. Build once; cheap after."""

    def __init__(self, episode: Episode) -> None:
        self.episode = episode
        self._chapters = {c.id: c for c in episode.chapters}
        self._windows = _windows_by_chapter(episode)
        # Within the episode its guest's name says nothing of where: "does matt walker nap?" is the naps
        # chapter, not "Introducing Dr. Matt Walker".
        name = _name_words(episode.title)
        self._guest = _guest_words(episode, name)
        documents = (
            _chapter_document(c, self._windows.get(c.id, ()), unnamed=name, cited=_citations(episode, c))
            for c in episode.chapters
        )
        curated = any(c.keywords or c.summary for c in episode.chapters)
        self._chapter_index = Index(
            documents, CHAPTER_FIELDS, length_norm=B if curated else TRANSCRIPT_LENGTH_NORM
        )
        # Stems a person wrote or a title holds; words only said in the transcript need more evidence.
        self._written_stems = {
            term
            for c in episode.chapters
            for text in (
                c.title,
                c.summary,
                *c.keywords,
                *(m.label for m in c.moments),
                *(k for m in c.moments for k in m.keywords),
            )
            for term in terms_of(text)
        }
        self._study_index = Index((_study_document(s) for s in episode.studies), STUDY_FIELDS)
        self._studies = {s.id: s for s in episode.studies}
        # Sponsor names ("ROKA", "Eight Sleep", "AG1"), from the titles of the sponsor reads: naming one, or
        # asking about ads, is what makes a sponsor read an answer.
        self._sponsor_names = _sponsor_names(episode)
        # Words of housekeeping and sponsor titles ("newsletter", "AG1"): naming one asks for that chapter.
        # The guest's or episode's name ("Introducing Dr. Matt Walker") only says which episode is meant.
        named = terms_of(episode.title)
        self._non_content_title_stems = {
            t
            for c in episode.chapters
            if not c.is_content
            for t in terms_of(c.title)
            if len(t) > 2 and not _names(t, named)
        }
        # Each moment's stems, computed once here rather than on every answer.
        moments = [m for c in episode.chapters for m in c.moments]
        self._moment_terms = {m: frozenset(terms_of(" ".join((m.label, *m.keywords)))) for m in moments}

    def routing_documents(self) -> list[Document]:
        """The episode's chapters for the library's router, keyed `episode<TAB>chapter`, titled by episode."""
        documents = []
        named = _name_phrases(self.episode.title)
        for chapter in self.episode.chapters:
            document = _chapter_document(chapter, self._windows.get(chapter.id, ()))
            fields = {**document.fields, "episode": [self.episode.title]}
            phrases = [*document.phrases, *named]
            if chapter.is_content:
                phrases += _title_phrases(chapter.title)
            documents.append(Document(f"{self.episode.id}\t{chapter.id}", fields, phrases, document.counts))
        return documents

    def at(self, seconds: int) -> ChapterMatch | None:
        """The chapter playing at `seconds` and the moment nearest to it, or None past the end."""
        chapter = self.episode.chapter_at(seconds)
        if chapter is None:
            return None
        moment = min(chapter.moments, key=lambda m: abs(m.seconds - seconds), default=None)
        return ChapterMatch(self.episode, chapter, 0.0, moment, ())

    def rank_studies(self, message: Message) -> list[Study]:
        """Studies the message touches at all (author, year, drug, title, finding), best first."""
        hits = self._study_index.rank(self._study_index.expand(message), message)
        return [self._studies[h.key] for h in hits if h.score >= MIN_STUDY_SCORE]

    def named_studies(self, message: Message) -> list[Study]:
        """The studies a message names outright (authors, year, drug, title), best first."""
        hits = self._study_index.rank(self._study_index.expand(message), message)
        strong = [h for h in hits if h.score >= STRONG_STUDY_SCORE]
        return [self._studies[h.key] for h in strong if h.score >= 0.5 * strong[0].score]

    def cited_at(self, place: ChapterMatch, message: Message) -> list[Study]:
        """The studies a message names at a place; asked for one ("what study is he reading the title of
        around 1:09") and naming none, the moment's, then the chapter's."""
        named = self.named_studies(message)
        if not message.says(_STUDY_WORDS):
            return named
        near = place.moment.study_ids if place.moment else ()
        cited = named or sorted(
            (s for s in self.episode.studies if place.chapter.id in s.chapter_ids or s.id in near),
            key=lambda s: s.id not in near,
        )
        return cited[:1] if message.says(_ONE_STUDY) else cited

    def overview(self) -> ChapterMatch:
        """The episode's opening chapter, for "what is this episode about"."""
        return ChapterMatch(self.episode, self.episode.chapters[0], 0.0, None, ())

    def find(
        self, message: Message, *, personal: bool = False, chosen: bool = True
    ) -> tuple[list[ChapterMatch], list[Study]]:
        """The chapters (best first) and studies that answer the message; both empty when none does.

        `personal` says the message asks about the asker's own health, which a sponsor read never answers.
        `chosen` says the asker chose this episode: its best chapter may then answer on less of its
        transcript than a library-wide question needs to claim the episode.
        """
        chapter_terms = self._chapter_index.expand(message)
        # The guest's name says which episode is meant, not which chapter: "jeff cavaliere plate method" is
        # not "The Cavaliere Cramp Contraction Test" (a name alone still finds the introduction).
        # It still counts as a word of the question that the answer knows; a question its other words don't
        # answer ("where can i find matt walker online") is searched with the name.
        unnamed = [t for t in chapter_terms if not _calls_by_name(t.word, self._guest)]
        hits = []
        if len(unnamed) < len(chapter_terms) and unnamed:
            ranked = self._chapter_index.rank(unnamed, message)
            hits = self._confident(ranked, chapter_terms, message, personal=personal, chosen=chosen)
        if not hits:
            ranked = self._chapter_index.rank(chapter_terms, message)
            hits = self._confident(ranked, chapter_terms, message, personal=personal, chosen=chosen)
        studies = self._studies_for(message, hits)
        if not hits and studies:
            hits = [Hit(cid, 0.0, ()) for cid in dict.fromkeys(studies[0].chapter_ids)][:1]
        hits = self._placed(hits, message)
        chapters = [
            ChapterMatch(
                self.episode,
                self._chapters[h.key],
                h.score,
                self._best_moment(h.key, chapter_terms, studies),
                h.matched,
            )
            for h in hits
        ]
        return chapters, studies

    # -- chapters -------------------------------------------------------------------------------

    def _placed(self, hits: list[Hit], message: Message) -> list[Hit]:
        """A message that points at the start or the end ("the very start where he lists everything") gets
        that chapter: first when the search has it among its best, alone when the search found nothing."""
        position = position_of(message)
        chapter = chapter_at(position, self.episode) if position else None
        if chapter is None:
            return hits
        if not hits:
            return [Hit(chapter.id, 0.0, ())]
        best = [h.key for h in hits[:MAX_CHAPTERS]]
        if chapter.id in best and self._chapters[hits[0].key].is_content:
            return sorted(hits, key=lambda h: h.key != chapter.id)
        return hits

    def _names_a_sponsor(self, message: Message) -> bool:
        """Whether the message asks about ads or names a sponsor."""
        if message.says(_SPONSOR_WORDS):
            return True
        padded = f" {' '.join(message.words)} "
        return any(f" {name} " in padded for name in self._sponsor_names)

    def _confident(
        self, hits: list[Hit], terms: Sequence[Term], message: Message, *, personal: bool, chosen: bool
    ) -> list[Hit]:
        # A question about one's own health is never about an ad: "is it ok to drink wine with ketamine"
        # is not the electrolyte read, unless the sponsor is named.
        names_a_sponsor = self._names_a_sponsor(message)
        if personal and not names_a_sponsor:
            hits = [h for h in hits if self._chapters[h.key].kind != "sponsor"]
        if not ({t.stem for t in terms} & self._non_content_title_stems or names_a_sponsor):
            hits = sorted(
                (
                    h if self._chapters[h.key].is_content else replace(h, score=h.score * NON_CONTENT_WEIGHT)
                    for h in hits
                ),
                key=lambda h: -h.score,
            )
        if not hits:
            return []
        # "The ad where he says ...": a question about an ad is answered by the sponsor read it matches.
        asked_for_this_ad = (
            names_a_sponsor
            and self._chapters[hits[0].key].kind == "sponsor"
            and any(not _SPONSOR_WORDS.fullmatch(word) for word in hits[0].matched)
        )
        if not (asked_for_this_ad or self._is_answer(hits[0], terms, message, chosen=chosen)):
            # The best may have matched by chance ("1" in "GLP-1"): a close runner-up that answers leads.
            runner = next(
                (
                    i
                    for i, h in enumerate(hits[1:MAX_CHAPTERS], start=1)
                    if h.score >= SKIPPED_BEST_SHARE * hits[0].score
                    and self._is_answer(h, terms, message, chosen=chosen)
                ),
                None,
            )
            if runner is None:
                return []
            hits = hits[runner:]
        top = hits[0].score
        lead, share = (
            (TRANSCRIPT_CLEAR_LEAD, TRANSCRIPT_RUNNER_UP_SHARE)
            if self._windows
            else (CLEAR_LEAD, RUNNER_UP_SHARE)
        )
        if len(hits) == 1 or top >= lead * hits[1].score:
            return hits[:1]
        return [h for h in hits[:MAX_CHAPTERS] if h.score >= share * top]

    def _is_answer(self, hit: Hit, terms: Sequence[Term], message: Message, *, chosen: bool) -> bool:
        matched_stems = {t.stem for t in terms if t.word in hit.matched}
        if self._windows and not matched_stems & self._written_stems:
            # Only the transcript matched: most of the question's telling words must be said together.
            telling = {t.stem for t in terms if t.specificity >= MIN_MATCHED_SPECIFICITY}
            asked = {w for w in message.content_words if specificity(w) >= MIN_MATCHED_SPECIFICITY}
            windows = self._said_per_window(hit.key, telling)
            said = _most_said(windows, span=1)
            # Within two minutes when one of the words is more than everyday ("cardio before or after
            # lifting"); everyday words that far apart ("budget", "mechanical") are chance.
            wider = _most_said(windows, span=SPAN_WINDOWS)
            if any(t.specificity >= SPAN_SPECIFICITY for t in terms if t.stem in wider):
                said = wider
            said_terms = [t for t in terms if t.stem in said]
            if chosen and len(said) == 1 and hit.score >= SOLO_WORD_SCORE:
                # One telling word the chapter says again and again ("mania", "blue-blocker"): its topic.
                return any(t.specificity >= SOLO_WORD_SPECIFICITY for t in said_terms)
            if len(said) == len(telling) == 1 and min(t.specificity for t in terms) >= RARE_WORD_SPECIFICITY:
                # One word everyday English hardly knows ("HPPD??"), said in the episode: that is the topic.
                return len(asked) <= 1
            # Everyday words said together ("fix", "function") are chance; one must be more than everyday,
            # unless several are ("blood", "pressure", "chest").
            least = SEVERAL_SAID_SPECIFICITY if chosen and len(said) >= SEVERAL_SAID else MIN_SAID_SPECIFICITY
            topical = any(t.specificity >= least for t in said_terms)
            # In a long story the question is a small part of what is asked.
            long = len(message.content_words) >= LONG_MESSAGE_WORDS
            share = LONG_TOGETHER_SHARE if chosen and long else TOGETHER_SHARE
            return len(said) >= MIN_WORDS_SAID_TOGETHER and len(said) >= share * len(asked) and topical
        if not hit.phrases and self._one_plain_word(hit, terms, message):
            return False
        coverage = self._chapter_index.coverage(message, terms)
        # In a long story the question is a small part: its words need be known less of the whole.
        if len(message.content_words) >= LONG_MESSAGE_WORDS:
            min_coverage, min_strong = LONG_MIN_COVERAGE, LONG_MIN_STRONG_COVERAGE
        else:
            min_coverage, min_strong = MIN_COVERAGE, MIN_STRONG_COVERAGE
        if chosen and self._windows:
            min_coverage, min_strong = min_coverage * CHOSEN_COVERAGE, min_strong * CHOSEN_COVERAGE
        if hit.score >= STRONG_CHAPTER_SCORE and coverage >= min_strong:
            return True
        matched = [t for t in terms if t.word in hit.matched]
        # Several telling words of one chapter are its topic, however much story surrounds them.
        telling = {t.stem for t in matched if t.specificity >= MIN_MATCHED_SPECIFICITY}
        if len(telling) >= MANY_TELLING_WORDS and hit.score >= MIN_CHAPTER_SCORE:
            return True
        if hit.score >= RARE_WORD_SCORE and any(t.specificity >= RARE_WORD_SPECIFICITY for t in matched):
            return True
        # A whole keyword phrase ("how long does it last") is specific even when its words are everyday ones.
        specific = (
            hit.phrases > 0 or max((t.specificity for t in matched), default=0.0) >= MIN_MATCHED_SPECIFICITY
        )
        return hit.score >= MIN_CHAPTER_SCORE and specific and coverage >= min_coverage

    @staticmethod
    def _one_plain_word(hit: Hit, terms: Sequence[Term], message: Message) -> bool:
        """Whether one plain word is all that matched, among others that didn't ("best protein powder")."""
        matched = [t for t in terms if t.word in hit.matched]
        if len({t.stem for t in matched}) != 1:
            return False
        # A number alone ("under 1000 bucks") is never a topic, however rare its spelling.
        if matched[0].specificity >= SINGLE_WORD_SPECIFICITY and not matched[0].word.isdigit():
            return False
        unmatched = [w for w in message.content_words if not w.isdigit() and w not in hit.matched]
        return len(unmatched) >= SINGLE_WORD_UNMATCHED

    def _best_moment(self, chapter_id: str, terms: Sequence[Term], studies: Sequence[Study]) -> Moment | None:
        chapter = self._chapters[chapter_id]
        wanted_studies = {s.id for s in studies}
        stems = {t.stem: t.weight for t in terms}
        idf = self._chapter_index.idf
        best: tuple[float, Moment] | None = None
        for moment in chapter.moments:
            # fsum over a set: the same total in whatever order a (pickled) set yields its stems, or the
            # intersection (most moments share none of the question's stems) yields them.
            score = math.fsum(stems[s] * idf.get(s, 0.0) for s in stems.keys() & self._moment_terms[moment])
            score += 3.0 * len(wanted_studies.intersection(moment.study_ids))
            if score > 0 and (best is None or score > best[0]):
                best = (score, moment)
        return best[1] if best else self._best_window(chapter_id, terms)

    def _said_per_window(self, chapter_id: str, stems: set[str]) -> list[set[str]]:
        """Which of these stems (telling ones) each transcript window of the chapter says, in order."""
        telling = {s for s in stems if self._chapter_index.idf.get(s, 0.0) > 0 and len(s) > 2}
        return [telling.intersection(dict(w.terms)) for w in self._windows.get(chapter_id, ())]

    def _best_window(self, chapter_id: str, terms: Sequence[Term]) -> Moment | None:
        """Where in the chapter the transcript says the question's words most: a moment of its own."""
        idf = self._chapter_index.idf
        asked = {t.stem: t.word for t in terms}
        best: tuple[float, TranscriptWindow, list[str]] | None = None
        for window in self._windows.get(chapter_id, ()):
            said = [(stem, count) for stem, count in window.terms if stem in asked]
            score = sum(idf.get(stem, 0.0) * min(count, 3) for stem, count in said)
            if said and (best is None or score > best[0]):
                best = (score, window, [asked[stem] for stem, _ in said])
        # The chapter's own start needs no second link.
        if best is None or best[1].start == self._chapters[chapter_id].start:
            return None
        return Moment(best[1].start, f"where {', '.join(dict.fromkeys(best[2]))} come up")

    # -- studies --------------------------------------------------------------------------------

    def _studies_for(self, message: Message, chapter_hits: Sequence[Hit]) -> list[Study]:
        if not self.episode.studies:
            return []  # an imported episode cites none: nothing to read the message for
        hits = self._study_index.rank(self._study_index.expand(message), message)
        asks_for_studies = message.says(_STUDY_WORDS)
        strong = [h for h in hits if h.score >= STRONG_STUDY_SCORE]
        if message.says(_EVERY_STUDY) or (asks_for_studies and not strong and message.says(_ALL_STUDIES)):
            # All of them, the ones the question touches first.
            order = {h.key: rank for rank, h in enumerate(hits)}
            return sorted(self.episode.studies, key=lambda s: order.get(s.id, len(order)))
        if asks_for_studies and message.says(_FIRST_STUDY) and self.episode.studies:
            # "The first study" is the earliest one.
            return [min(self.episode.studies, key=lambda s: (s.year or 9999, self.episode.studies.index(s)))]
        if strong:
            chosen = [h for h in strong if h.score >= 0.5 * strong[0].score]
        elif asks_for_studies:
            chosen = [h for h in hits if h.score >= MIN_STUDY_SCORE]
            if not chosen and chapter_hits:
                # Nothing named outright: the studies discussed in the chapter asked about, that the
                # question touches at all.
                top_chapter = chapter_hits[0].key
                chosen = [h for h in hits if top_chapter in self._studies[h.key].chapter_ids]
        else:
            chosen = []
        if chosen and message.says(_ONE_STUDY):
            chosen = chosen[:1]
        return [self._studies[h.key] for h in chosen]


def asks_for_every_study(message: Message) -> bool:
    """Whether the message asks for the list of cited studies ("sources?", "all the papers")."""
    return message.says(_EVERY_STUDY) or (message.says(_STUDY_WORDS) and message.says(_ALL_STUDIES))


def _sponsor_names(episode: Episode) -> list[str]:
    """Sponsor names from the sponsor reads' titles: "Sponsors: ROKA & Eight Sleep" -> roka, eight sleep."""
    names: list[str] = []
    for chapter in episode.chapters:
        if chapter.kind != "sponsor":
            continue
        title = chapter.title.split(":", 1)[-1]
        for part in re.split(r"[,&/]|\band\b", title):
            name = " ".join(words(part))
            if name and name not in ("sponsor", "sponsors"):
                names.append(name)
    return names


def _name_phrases(title: str) -> list[str]:
    """The word pairs of an episode's name, its title before any colon ("Sleep Toolkit", "Matthew Johnson"):
    a message that says one names the episode, whatever a chapter elsewhere lists among its keywords
    (measured: 8 more of 301 library questions routed right, none of the ketamine episode's lost)."""
    name = content_words(title.split(":", 1)[0])
    return [f"{a} {b}" for a, b in pairwise(name)]


def _title_phrases(title: str) -> list[str]:
    """A chapter title's parts of two words or more, as keyword phrases for the router ("Bipolar", "Borderline
    Personality Disorder"): an imported episode has no curated keywords, and its titles' phrases weigh
    against a curated episode's many (measured on tests/data/library: right episode 506 -> 509 of 627, no
    ketamine-set answer changed)."""
    parts = (part.strip() for part in _TITLE_PARTS.split(title))
    return [part for part in parts if len(content_words(part)) >= 2]


def _windows_by_chapter(episode: Episode) -> dict[str, Sequence[TranscriptWindow]]:
    """Each chapter's transcript windows: a slice of the episode's (chapters follow each other in time)."""
    found: dict[str, Sequence[TranscriptWindow]] = {}
    starts = episode.windows.starts
    for chapter in episode.chapters:
        low, high = bisect_left(starts, chapter.start), bisect_left(starts, chapter.end)
        if low < high:
            found[chapter.id] = episode.windows[low:high]
    return found


def _name_words(title: str) -> frozenset[str]:
    """The words of an episode's name when its title gives one before a colon ("Dr. Matthew Walker")."""
    name, colon, _ = title.partition(":")
    return frozenset(content_words(name)) if colon else frozenset()


def _guest_words(episode: Episode, name: frozenset[str]) -> frozenset[str]:
    """The guest's name: the title's words before a colon, two or more, that the introduction names too."""
    # "Dr. Matthew Walker: ..." introduced as "Dr. Matt Walker"; never "Ketamine: ..." or "Sleep Toolkit: ..."
    intro = next((c for c in episode.chapters if c.kind == "intro"), None)
    if intro is None or len(name) < 2:
        return frozenset()
    said = content_words(intro.title)
    return name if all(any(_names(w, (n,)) for w in said) for n in name) else frozenset()


# Endings that make another word of a name's start ("walk" + "er"), so it is no short form of the name.
_WORD_ENDINGS = ("s", "es", "er", "ers", "ing", "ed", "y")


def _calls_by_name(word: str, name: Collection[str]) -> bool:
    """Whether a typed word is one of the name's words or its short form ("matt" of "matthew", never
    "walk" of "walker")."""
    return any(
        word == n or (len(word) >= 4 and n.startswith(word) and n[len(word) :] not in _WORD_ENDINGS)
        for n in name
    )


def _names(word: str, name: Collection[str]) -> bool:
    """Whether a word is one of the name's words or a short form of one ("Matt" of "Matthew")."""
    return any(n.startswith(word) or word.startswith(n) for n in name)


def _without_name(title: str, name: frozenset[str]) -> str:
    """A title with the episode's name words (and their short forms) left out."""

    def named(word: str) -> bool:
        return any(_names(w, name) for w in content_words(word) if len(w) > 2)

    return " ".join(word for word in title.split() if not named(word))


def _citations(episode: Episode, chapter: Chapter) -> list[str]:
    """How the studies a chapter discusses are cited: first authors' surnames, year, journal."""
    return [
        " ".join((*(a.split()[0] for a in s.authors if a), str(s.year or ""), s.source))
        for s in episode.studies
        if chapter.id in s.chapter_ids
    ]


def _chapter_document(
    chapter: Chapter,
    windows: Sequence[TranscriptWindow] = (),
    *,
    unnamed: frozenset[str] = frozenset(),
    cited: Sequence[str] = (),
) -> Document:
    counts: dict[str, float] = {}
    for window in windows:
        for stem, count in window.terms:
            counts[stem] = counts.get(stem, 0.0) + count
    # An introduction or an outro names the guest, in its title and in what is said ("welcome, Jeff
    # Cavaliere"); other chapters keep every word.
    title = chapter.title
    if chapter.kind in ("intro", "outro"):
        title = _without_name(chapter.title, unnamed)
        counts = {stem: n for stem, n in counts.items() if len(stem) <= 2 or not _names(stem, unnamed)}
    if not chapter.is_content:
        fields = {"title": [title], "keywords": list(chapter.keywords)}
    else:
        moments = [" ".join((m.label, *m.keywords)) for m in chapter.moments]
        fields = {
            "title": [title],
            "keywords": list(chapter.keywords),
            "moments": moments,
            "summary": [chapter.summary],
            "cited": list(cited),
        }
    phrases = [*chapter.keywords, *(k for m in chapter.moments for k in m.keywords)]
    return Document(chapter.id, fields, phrases, {"transcript": counts} if chapter.is_content else {})


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


def _most_said(windows: list[set[str]], *, span: int) -> set[str]:
    """The most stems that `span` windows in a row say together."""
    spans = [set().union(*windows[i : i + span]) for i in range(max(len(windows) - span + 1, 1))]
    return max(spans, key=len, default=set())
