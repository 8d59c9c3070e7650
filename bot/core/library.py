"""The library: every episode served, and the one place where a message becomes an answer."""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections import Counter, OrderedDict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from functools import reduce
from itertools import pairwise
from operator import and_

from rapidfuzz import fuzz, process

from bot.core.answer import Answer, ChapterMatch, Kind
from bot.core.engine import (
    MAX_CHAPTERS,
    RARE_WORD_SPECIFICITY,
    ROUTING_FIELDS,
    Engine,
    asks_for_every_study,
)
from bot.core.message import Message, read
from bot.core.models import Chapter, Episode, KnowledgeBase, SafetyInfo, Study
from bot.core.router import Router
from bot.core.safety import (
    SafetyRead,
    asks,
    is_chatter,
    is_reaction,
    is_remark,
    is_small_talk,
    read_safety,
)
from bot.core.search import Corpus, terms_of
from bot.core.text import fold, specificity, warm, words
from bot.core.timecode import TimeRef

# Routing: a question is tried on its best episodes in turn; another episode that scores this share of
# the best one's evidence and answers too is named beside it.
MAX_EPISODES_TRIED = 3
# A word of another episode's title at least this telling ("bipolar", "disorder"; not "science" or "sleep")
# takes the featured episode's boost away, unless a word of its own title is asked too ("ket for bipolar?").
# Measured on tests/data: right episode 500 -> 506 of 627, routed first chapter 684 -> 693 of 931, no answer
# of the ketamine sets changed (at 0.4, one lost).
TITLE_WORD_SPECIFICITY = 0.6
# A word of the preferred episode's own title this telling names it ("ketamine", "neuroplasticity"; not "ptsd"
# or "risks", which other episodes speak of too): the preferred episode is then routed first wherever it
# answers, a word of another's title or not ("bipolar 2 on lamictal, could ket flip me manic?"). Measured on
# tests/data: the ketamine sets' first chapters lost to other episodes, against the ketamine episode served
# alone, 22 -> 10 of 3,016 questions; library right episode 1,273 -> 1,268 of 1,532 (at 0.8: the same
# ketamine answers, 1,264).
OWN_TITLE_WORD_SPECIFICITY = 0.95
# A time with words that point at one episode this strongly ("53:17 in the sleep toolkit") is that episode's.
NAMED_EPISODE_SCORE = 4.0
# A word that can name an episode is at least this telling ("sleep", "cold", "bipolar"; not "say" or "part").
MIN_NAMING_SPECIFICITY = 0.4
# (0.85 before the router scaled chapters by their coverage, which widens the gap to a second episode: at
# 0.8 the ketamine sets' top three +2 of 1,788, e.g. the Portuguese excitation-inhibition question; no
# first answer changed.)
ALSO_SHARE = 0.8
# The best episode by this lead over the best that answers, silent when asked for the whole library, is asked
# alone: an imported episode's transcript evidence must be surer to claim a question than to answer one asked
# of it, and a curated episode's many keywords answer weakly what another episode is about ("how many days
# lifting vs cardio" went to the ketamine episode). Measured on tests/data/library: right episode
# 1,067 -> 1,069 of 1,292, routed first chapter 1,420 -> 1,425 of 1,836; no ketamine-set answer changed.
RETRY_LEAD = 1.5
# A request for the studies goes to the episodes that cite some, unless the best of them scores under this
# share of the best episode (measured on tests/data/library: 3 more routed right, no ketamine answer changed).
# 0.5 before coverage scaled the router's scores; at 0.47 "can u list all the studies he linked" (0.48 of the
# psychedelics episode's survey-studies chapter) lists the studies again, one library question fewer routed.
CITING_SHARE = 0.47
# Chapter title autocomplete: a typed word of this length with no title word starting so is read as the
# nearest title words (rapidfuzz ratio); at most this many candidate titles are scored in full.
MIN_TITLE_TYPO = 3
TITLE_TYPO_CUTOFF = 75.0
MAX_TITLES_RANKED = 100
# Engines kept in memory at once: a library of a thousand episodes loads each engine when a question
# first needs it (bot.core.cache) and keeps the most recently used (an imported episode's is ~1 MB).
ENGINES_KEPT = 64
# "What is this episode about?": no topic words at all, only the episode itself.
_ABOUT_THE_EPISODE = re.compile(r"\b(?:episode|ep|podcast|pod|video|vid|show)\b", re.IGNORECASE)
# An outline of the episode asked for in words no chapter holds: "what does he go through in this ep, like
# what's the rundown of topics in order?"
_ASKS_FOR_AN_OVERVIEW = re.compile(
    r"\b(?:rundown|run\s+down|overview|outline|summary|summari[sz]e|tl\s*;?\s*dr|recap|breakdown|table\s+of\s+contents)\b"
    r"|\bwhat\s+(?:topics|does\s+(?:he|it|this\s+(?:ep|episode))\s+(?:actually\s+)?(?:go\s+(?:through|over)|cover))\b",
    re.IGNORECASE,
)


def _warm() -> None:
    """Read now what a process's first question would read: wordfreq's list, the safety readers' counts."""
    # ~15 ms and ~50 ms: a first question paid them, the slowest answer of a server's life.
    warm()
    read_safety(read("how long does the afterglow last"))  # a plain question reaches both safety readers


_LEADING_TIME = re.compile(r"\s*@?\s*\d{1,2}:\d{2}")
# A time and a laugh, nothing more, is a reaction to that moment ("47:59 🤣🤣🤣"); a word or a question mark
# after it points at the place ("1:17:40?", "47:59 😂😂 the burst noise he makes").
_LAUGH = r"\b(?:lol+|lmao+|lmfao+|haha\w*|omg|bruh|(?:im\s+)?dead)\b"
_TIME_AND_A_LAUGH = re.compile(
    rf"{_LEADING_TIME.pattern}(?::\d{{2}})?(?=.*(?:[^\x00-\x7f]|{_LAUGH}))(?:[^\x00-\x7f\w]|[!.\s]|{_LAUGH})*$"
)


def _may_look_up(message: Message) -> bool:
    """Whether a chapter could match a word of the message rare enough for `_looked_up`: a match's words
    are the message's own, one at a time or two side by side."""
    tokens = message.content_words
    said = [*tokens, *(f"{a} {b}" for a, b in pairwise(tokens))]
    return any(specificity(word) >= RARE_WORD_SPECIFICITY for word in said)


def _looked_up(chapters: list[ChapterMatch]) -> bool:
    """A reaction that names a topic ("sherm 💀", "the NMDA part lmao") is still a lookup; praise that meets
    only the episode's opening, which says what the whole is about, is not ("finally someone explains
    ketamine without hype 🙏")."""
    best = chapters[0] if chapters else None
    if best is None or not best.chapter.is_content or best.chapter is best.episode.chapters[0]:
        return False
    return any(specificity(word) >= RARE_WORD_SPECIFICITY for word in best.matched)


class TitleLookup:
    """Folded titles found by what is typed: words by their beginnings, a misspelt word by its nearest."""

    def __init__(self, titles: Sequence[str]) -> None:
        self.titles = list(titles)
        self._lengths = [len(title) for title in self.titles]
        # Every (word, title) pair in word order: the titles holding a word that starts with what was typed
        # are one bisected slice, however many titles there are.
        pairs = sorted({(word, i) for i, title in enumerate(self.titles) for word in words(title)})
        self._words = [word for word, _ in pairs]
        self._positions = [i for _, i in pairs]
        self._vocabulary = sorted(set(self._words))
        # A word's first letter, typed alone, starts words in thousands of titles: those sets are kept (every
        # (word, title) pair is in one of them at most).
        self._by_initial: dict[str, frozenset[int]] = {}

    def _starting_with(self, token: str) -> list[int]:
        start = bisect_left(self._words, token)
        return self._positions[start : bisect_left(self._words, token + "\U0010ffff", start)]

    def _holding(self, token: str) -> AbstractSet[int]:
        """The titles holding a word that starts with `token`; else those holding a word nearest to it."""
        if len(token) == 1:
            held = self._by_initial.get(token)
            if held is None:
                held = self._by_initial[token] = frozenset(self._starting_with(token))
            return held
        found = set(self._starting_with(token))
        if not found and len(token) >= MIN_TITLE_TYPO:
            near = process.extract(
                token, self._vocabulary, scorer=fuzz.ratio, score_cutoff=TITLE_TYPO_CUTOFF, limit=3
            )
            for word, _, _ in near:
                found.update(self._starting_with(word))
        return found

    def find(self, typed: str, limit: int) -> list[tuple[str, float, int]]:
        """(title, score, position) of the titles most like `typed`, best first."""
        folded = fold(typed)
        found = [titles for token in dict.fromkeys(words(folded)) if (titles := self._holding(token))]
        if not found:
            return []
        # The titles matching the most typed words, the shortest first when there are many ("s" alone),
        # are ranked by the usual fuzzy score: only a few hundred ever are.
        chosen = _most_held(found)
        chosen.sort(key=self._lengths.__getitem__)
        ranked = {i: self.titles[i] for i in chosen[:MAX_TITLES_RANKED]}
        return process.extract(folded, ranked, scorer=fuzz.WRatio, limit=limit)


def _most_held(found: list[AbstractSet[int]]) -> list[int]:
    """The titles in the most of these sets, in the order first met going through them in turn."""
    # A word's first letter alone ("timing e") holds thousands of titles: counting each is the slow way,
    # needed only when no title holds every typed word.
    if len(found) == 1:
        return list(found[0])
    every = reduce(and_, found)
    if every:
        return [i for i in found[0] if i in every]  # met first in the first set, as each holds them all
    held: Counter[int] = Counter()
    for titles in found:
        held.update(titles)
    most = max(held.values())
    return [i for i, n in held.items() if n == most]


def routing_corpus(engine: Engine) -> Corpus:
    """An episode's chapters as the router indexes them."""
    return Corpus(engine.routing_documents(), ROUTING_FIELDS)


def build_router(corpora: Iterable[tuple[str, Corpus]]) -> Router:
    """The library-wide index over every episode's chapters that routes a question to its episode."""
    return Router(corpora)


class Cards:
    """A library's episodes as a start needs them (ids, titles, which is featured, which cite studies), each
    episode itself made by `read` when first asked for: a thousand episodes' chapters and moments take
    ~0.4 s to unpickle, and answering a question needs only the few it reaches."""

    def __init__(
        self,
        ids: Sequence[str],
        featured: Sequence[bool],
        citing: Sequence[bool],
        read: Callable[[int], Episode],
        *,
        titles: Sequence[str],
        sources: Sequence[str] | None = None,
    ) -> None:
        """`sources` names what each episode was read from (a cache entry: its file's bytes and the code),
        when known: two episodes of the same source are equal, which a reload's diff needs not read."""
        self.ids = tuple(ids)
        self.titles = tuple(titles)
        self.sources = tuple(sources) if sources is not None else None
        self.position = {episode_id: i for i, episode_id in enumerate(self.ids)}
        flagged = [episode_id for episode_id, flag in zip(self.ids, featured, strict=True) if flag]
        # As KnowledgeBase.featured: the episode marked featured, or the only one.
        self.featured = self.ids[0] if len(self.ids) == 1 else next(iter(flagged), None)
        self.citing = frozenset(e for e, flag in zip(self.ids, citing, strict=True) if flag)
        self._read = read
        self._made: list[Episode | None] = [None] * len(self.ids)
        self._lock = threading.Lock()

    @classmethod
    def of(cls, episodes: Sequence[Episode]) -> Cards:
        """Cards of episodes already in memory."""
        return cls(
            [e.id for e in episodes],
            [e.featured for e in episodes],
            [bool(e.studies) for e in episodes],
            episodes.__getitem__,
            titles=[e.title for e in episodes],
        )

    def __getitem__(self, episode_id: str) -> Episode:
        """The episode with this id, made once (every caller gets the same object); KeyError if unknown."""
        i = self.position[episode_id]
        made = self._made[i]
        if made is None:
            episode = self._read(i)
            with self._lock:
                made = self._made[i]
                if made is None:
                    made = self._made[i] = episode
        return made

    def all(self) -> tuple[Episode, ...]:
        """Every episode, in library order."""
        return tuple(self[episode_id] for episode_id in self.ids)

    def made(self) -> list[Episode]:
        """The episodes read so far."""
        return [episode for episode in self._made if episode is not None]


class Engines(Mapping[str, Engine]):
    """Each episode's engine by id, made by `load` when first asked for; the `keep` most recently used stay.

    Safe to share between threads: two threads asking for the same new engine at once may both load it.
    """

    def __init__(
        self,
        episodes: Cards | Sequence[Episode],
        load: Callable[[Episode], Engine] = Engine,
        keep: int = ENGINES_KEPT,
        loaded: Iterable[Engine] = (),
    ) -> None:
        self._episodes = episodes if isinstance(episodes, Cards) else Cards.of(episodes)
        self._load = load
        self._keep = max(keep, 1)
        self._kept: OrderedDict[str, Engine] = OrderedDict()
        self._lock = threading.Lock()
        for engine in loaded:
            self._remember(engine.episode.id, engine)

    def _remember(self, episode_id: str, engine: Engine) -> None:
        with self._lock:
            self._kept[episode_id] = engine
            self._kept.move_to_end(episode_id)
            while len(self._kept) > self._keep:
                self._kept.popitem(last=False)

    def __getitem__(self, episode_id: str) -> Engine:
        with self._lock:
            engine = self._kept.get(episode_id)
            if engine is not None:
                self._kept.move_to_end(episode_id)
                return engine
        engine = self._load(self._episodes[episode_id])  # KeyError for an unknown id
        self._remember(episode_id, engine)
        return engine

    def __contains__(self, episode_id: object) -> bool:
        return episode_id in self._episodes.position

    def __iter__(self) -> Iterator[str]:
        return iter(self._episodes.ids)

    def __len__(self) -> int:
        return len(self._episodes.ids)

    def loaded(self) -> list[str]:
        """The ids of the engines in memory, least recently used first."""
        with self._lock:
            return list(self._kept)


class Library:
    """Answers messages from the episodes of one knowledge base; build once, then `answer` never raises."""

    def __init__(
        self,
        knowledge: KnowledgeBase | tuple[Cards, SafetyInfo],
        *,
        router: Router | None = None,
        load: Callable[[Episode], Engine] = Engine,
        keep: int = ENGINES_KEPT,
    ) -> None:
        """Serve `knowledge`, or cards read when first needed and the safety file (bot.core.cache); `load`
        makes an episode's engine when first needed (bot.core.cache reads it from the compiled cache); a
        prebuilt `router` (bot.core.cache) must be of exactly these episodes."""
        if isinstance(knowledge, KnowledgeBase):
            self._knowledge: KnowledgeBase | None = knowledge
            self._cards, self._safety = Cards.of(knowledge.episodes), knowledge.safety
        else:
            self._knowledge = None
            self._cards, self._safety = knowledge
        self.engines = Engines(self._cards, load, keep)
        # Which episode a question is about: every chapter of the library in one index, so that a word
        # said in one episode only ("habenula", "toolkit") tells the episodes apart.
        if router is None and len(self._cards.ids) > 1:
            router = build_router((e, routing_corpus(self.engines[e])) for e in self._cards.ids)
        if router is not None:
            router.prepare()
        self._router = router
        _warm()
        self._chapter_titles: tuple[TitleLookup, list[list[tuple[Episode, Chapter]]]] | None = None
        self._title_index: dict[str, frozenset[str]] | None = None

    @property
    def knowledge(self) -> KnowledgeBase:
        """Every episode served and the safety file (made on first use when the library was opened lazily)."""
        if self._knowledge is None:
            self._knowledge = KnowledgeBase(self._cards.all(), self._safety)
        return self._knowledge

    @property
    def episodes(self) -> tuple[Episode, ...]:
        """Every episode served, in file order."""
        return self.knowledge.episodes

    @property
    def safety(self) -> SafetyInfo:
        """The deployment's disclaimer, crisis and emergency help."""
        return self._safety

    @property
    def episode(self) -> Episode:
        """The episode browsed when none is named: the featured one, else the first."""
        return self._cards[self.default_id]

    @property
    def default_id(self) -> str:
        """The id of the episode browsed when none is named (no episode is read)."""
        return self._cards.featured or self._cards.ids[0]

    @property
    def ids(self) -> tuple[str, ...]:
        """Every episode's id, in file order (no episode is read)."""
        return self._cards.ids

    def titles(self) -> list[tuple[str, str]]:
        """(id, title) of every episode, in file order (no episode is read)."""
        return list(zip(self._cards.ids, self._cards.titles, strict=True))

    def card(self, episode_id: str) -> Episode:
        """One episode, read when first needed; KeyError for an unknown id."""
        return self._cards[episode_id]

    def source(self, episode_id: str) -> str | None:
        """What the episode was read from, when known (bot.core.cache): equal sources, equal episodes."""
        sources = self._cards.sources
        return None if sources is None else sources[self._cards.position[episode_id]]

    def read_so_far(self) -> list[Episode]:
        """The episodes read so far (all of them when the library was made from a KnowledgeBase)."""
        return self._cards.made() if self._knowledge is None else list(self._knowledge.episodes)

    def has(self, episode_id: str) -> bool:
        """Whether the library serves an episode with this id."""
        return episode_id in self._cards.position

    def engine(self, episode_id: str | None = None) -> Engine:
        """The engine of one episode (the default one when none is named); KeyError for an unknown id."""
        return self.engines[episode_id or self.episode.id]

    def suggest_episodes(self, typed: str, limit: int = 25) -> list[tuple[str, str]]:
        """(title, id) pairs for what has been typed: every episode when nothing is, else by title."""
        pairs = dict(self.titles())
        if not typed.strip():
            return [(title, key) for key, title in pairs.items()][:limit]
        titles = {key: fold(f"{title} {key}") for key, title in pairs.items()}
        ranked = process.extract(fold(typed), titles, scorer=fuzz.WRatio, limit=limit, score_cutoff=50)
        return [(pairs[key], key) for _, _, key in ranked]

    def suggest_chapters_across(self, typed: str, limit: int = 25) -> list[tuple[Episode, Chapter]]:
        """(episode, chapter) pairs whose chapter title is like what has been typed, across every episode."""
        if not typed.strip():
            return []
        if self._chapter_titles is None:
            # Built on first use: one entry per distinct folded title (many episodes share "Introduction"),
            # each with the chapters that bear it, so a lookup scores each title once.
            grouped: dict[str, list[tuple[Episode, Chapter]]] = {}
            for episode in self.episodes:
                for chapter in episode.chapters:
                    grouped.setdefault(fold(chapter.title), []).append((episode, chapter))
            self._chapter_titles = (TitleLookup(list(grouped)), list(grouped.values()))
        titles, chapters = self._chapter_titles
        found: list[tuple[Episode, Chapter]] = []
        for _, _, position in titles.find(typed, limit):
            found += chapters[position][: limit - len(found)]
            if len(found) >= limit:
                break
        return found

    def answer(
        self, question: str | Message, episode_id: str | None = None, *, prefer: str | None = None
    ) -> Answer:
        """The answer to one message: from one episode when `episode_id` is given, else from the library.

        `prefer` names the episode a channel is about: it answers bare times and wins what it shares.
        """
        preferred = prefer if prefer in self._cards.position else self._cards.featured
        message = question if isinstance(question, Message) else read(question)
        safety = read_safety(message)
        # The episodes that may answer, by id: engines are only loaded for those a question reaches.
        if episode_id and episode_id not in self._cards.position:
            raise KeyError(episode_id)
        scope = [episode_id] if episode_id else list(self._cards.ids)

        def reply(
            kind: Kind,
            chapters: list[ChapterMatch] | tuple[ChapterMatch, ...] = (),
            studies: list[Study] | tuple[Study, ...] = (),
            at: int | None = None,
        ) -> Answer:
            episode = (
                chapters[0].episode if chapters else (self._cards[scope[0]] if len(scope) == 1 else None)
            )
            return Answer(
                message.raw, kind, safety, tuple(chapters), tuple(studies), episode, at, message.truncated
            )

        # Someone in danger, or a lethal amount asked for: help, and no episode content at all.
        if safety.help_only:
            return reply(Kind.HELP)
        if not message.raw.strip():
            return reply(Kind.EMPTY)
        if not message.has_letters or is_small_talk(message):
            return reply(Kind.SMALL_TALK)
        if message.time is not None:
            # A laugh at a moment asks nothing, even with its time in it ("the sound effect at 55:43 😂"), nor
            # does a time of day told ("dentist at 2:15 and im already dreading it"); a comment that starts
            # with the time points at the place, as timestamped comments do ("47:59 the burst noise").
            if _TIME_AND_A_LAUGH.match(message.raw) or (
                not _LEADING_TIME.match(message.raw) and (is_reaction(message) or is_remark(message))
            ):
                return reply(Kind.SMALL_TALK)
            if not episode_id and len(scope) > 1:
                scope = self._episode_for_time(message, scope, preferred)
            return self._at_time(message.time, scope, safety=safety, message=message)
        chatter = is_chatter(message)
        if not message.content_words and _ABOUT_THE_EPISODE.search(message.text) and not chatter:
            overview = self.engine(scope[0] if len(scope) == 1 else None)
            return reply(Kind.TOPIC, [overview.overview()])
        if is_reaction(message) or is_remark(message) or (chatter and not _may_look_up(message)):
            return reply(Kind.SMALL_TALK)  # whatever the episodes say: no episode need be searched
        named = preferred is not None and self._names_its_own(message, preferred)
        if preferred and not named and self._names_another(message, preferred):
            # "how common is bipolar" is the bipolar episode's, however the featured one scores
            preferred = None
        chapters, studies = self._find(
            message, scope, personal=safety.advice, preferred=preferred, named=named
        )
        if chatter and not _looked_up(chapters):
            return reply(Kind.SMALL_TALK)
        if not chapters and not studies:
            if _ASKS_FOR_AN_OVERVIEW.search(message.text) and asks(message):
                # "what's the rundown of topics in order?": nothing of it is a topic, the episode itself is
                return reply(Kind.TOPIC, [self.engine(scope[0] if len(scope) == 1 else None).overview()])
            return reply(Kind.OFF_TOPIC)
        return reply(Kind.STUDIES if studies and not chapters else Kind.TOPIC, chapters, studies)

    def _names_another(self, message: Message, preferred: str) -> bool:
        """Whether a telling word of the message is in another episode's title and not the preferred one's
        ("bipolar", "psychedelics", "toolkit"): the preferred episode then wins nothing it merely shares."""
        telling = " ".join(w for w in message.content_words if specificity(w) >= TITLE_WORD_SPECIFICITY)
        titled = [self._titled().get(stem, ()) for stem in terms_of(telling)]
        return not any(preferred in ids for ids in titled) and any(ids for ids in titled)

    def _names_its_own(self, message: Message, preferred: str) -> bool:
        """Whether a telling word of the message is in the preferred episode's title ("ket for bipolar?")."""
        telling = " ".join(w for w in message.content_words if specificity(w) >= OWN_TITLE_WORD_SPECIFICITY)
        return any(preferred in self._titled().get(stem, ()) for stem in terms_of(telling))

    def _titled(self) -> dict[str, frozenset[str]]:
        """Which episodes' titles hold each stem, made on first use."""
        if self._title_index is None:
            index: dict[str, set[str]] = {}
            for episode_id, title in zip(self._cards.ids, self._cards.titles, strict=True):
                for stem in terms_of(title):
                    index.setdefault(stem, set()).add(episode_id)
            self._title_index = {stem: frozenset(ids) for stem, ids in index.items()}
        return self._title_index

    def _episode_for_time(self, message: Message, scope: list[str], preferred: str | None) -> list[str]:
        """A time's episode: the one the message names, else the preferred one, else still all of them."""
        # Everyday words and numbers ("what does he say at 25 minutes") name no episode, however they score.
        if any(specificity(w) >= MIN_NAMING_SPECIFICITY and not w.isdigit() for w in message.content_words):
            named = self.route(message, preferred, limit=1)
            if named and named[0][1] >= NAMED_EPISODE_SCORE:
                return [named[0][0]]
        return [preferred] if preferred else scope

    def _at_time(self, time: TimeRef, scope: list[str], *, safety: SafetyRead, message: Message) -> Answer:
        if len(scope) > 1:
            seconds = time.seconds
            return Answer(
                message.raw, Kind.WHICH_EPISODE, safety, asked_time=seconds, truncated=message.truncated
            )
        engine = self.engines[scope[0]]
        seconds = time.within(engine.episode.duration)
        match = engine.at(seconds)
        kind = Kind.TIME if match else Kind.PAST_END
        chapters = (match,) if match else ()
        # "the Berman 2000 paper, at 23 min right?": the time's chapter, and the study it names; "what study
        # is he reading at 1:09": the studies of the time's chapter.
        studies = tuple(engine.cited_at(match, message) if match else engine.named_studies(message))
        return Answer(
            message.raw, kind, safety, chapters, studies, engine.episode, seconds, message.truncated
        )

    def route(
        self,
        message: Message,
        preferred: str | None = None,
        *,
        limit: int | None = None,
        among: Collection[str] | None = None,
        named: bool = False,
    ) -> list[tuple[str, float]]:
        """Episodes by how much of the library's evidence for the message is theirs, best first: the first
        `limit` of them, of those `among` when given; `named` says the message names the preferred one."""
        if self._router is None:
            return [(e, 1.0) for e in self._cards.ids if among is None or e in among][:limit]
        return self._router.route(message, preferred, limit=limit, among=among, named=named)

    def _find(
        self,
        message: Message,
        scope: list[str],
        *,
        personal: bool,
        preferred: str | None,
        named: bool = False,
    ) -> tuple[list[ChapterMatch], list[Study]]:
        """The routed episode answers; a close second episode that answers too comes along."""
        if len(scope) == 1:
            return self.engines[scope[0]].find(message, personal=personal)
        found: list[tuple[float, list[ChapterMatch], list[Study]]] = []
        if asks_for_every_study(message):
            # "Drop the sources": only an episode that cites studies can answer, unless the question is
            # plainly about another episode ("is bipolar genetic? twin studies"). One ranking serves both.
            ranked = self.route(message, preferred, named=named)
            routed = ranked[:MAX_EPISODES_TRIED]
            citing = [pair for pair in ranked if pair[0] in self._cards.citing][:MAX_EPISODES_TRIED]
            if citing and (not routed or citing[0][1] >= CITING_SHARE * routed[0][1]):
                routed = citing
        else:
            routed = self.route(message, preferred, limit=MAX_EPISODES_TRIED, named=named)
        silent: tuple[str, float] | None = None
        for episode_id, score in routed:
            # Two episodes that answer are all an answer uses: a third is never searched.
            if len(found) == 2 or (found and score < ALSO_SHARE * found[0][0]):
                break
            chapters, studies = self.engines[episode_id].find(message, personal=personal, chosen=False)
            if chapters or studies:
                found.append((score, chapters, studies))
            elif silent is None and not found:
                silent = (episode_id, score)
        if silent and found and silent[1] >= RETRY_LEAD * found[0][0]:
            # The best episode by far found nothing sure enough for the whole library: asked of it alone,
            # it may answer, and it is the one the question is about.
            chapters, studies = self.engines[silent[0]].find(message, personal=personal)
            if chapters or studies:
                found = [(silent[1], chapters, studies)]
        if not found:
            return [], []
        _, chapters, studies = found[0]
        # "Covered in A at 12:30 and in B at 1:02:10": a second episode's best chapter after the first's.
        also = [other[1][0] for other in found[1:2] if other[1]]
        return chapters[: MAX_CHAPTERS - len(also)] + also, studies
