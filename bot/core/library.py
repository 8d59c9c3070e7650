"""The library: every episode served, and the one place where a message becomes an answer."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from bot.core.answer import Answer, ChapterMatch, Kind
from bot.core.engine import RARE_WORD_SPECIFICITY, Engine
from bot.core.message import Message, read
from bot.core.models import Episode, KnowledgeBase, SafetyInfo, Study
from bot.core.safety import SafetyRead, is_chatter, is_small_talk, read_safety
from bot.core.text import fold, specificity
from bot.core.timecode import TimeRef

# "What is this episode about?": no topic words at all, only the episode itself.
_ABOUT_THE_EPISODE = re.compile(r"\b(?:episode|ep|podcast|pod|video|vid|show)\b", re.IGNORECASE)


def _looked_up(chapters: list[ChapterMatch]) -> bool:
    """A reaction that names a topic ("sherm 💀", "the NMDA part lmao") is still a lookup."""
    if not chapters or not chapters[0].chapter.is_content:
        return False
    return any(specificity(word) >= RARE_WORD_SPECIFICITY for word in chapters[0].matched)


class Library:
    """Answers messages from the episodes of one knowledge base; build once, then `answer` never raises."""

    def __init__(self, knowledge: KnowledgeBase) -> None:
        self.knowledge = knowledge
        self.engines = {episode.id: Engine(episode) for episode in knowledge.episodes}

    @property
    def episodes(self) -> tuple[Episode, ...]:
        """Every episode served, in file order."""
        return self.knowledge.episodes

    @property
    def safety(self) -> SafetyInfo:
        """The deployment's disclaimer, crisis and emergency help."""
        return self.knowledge.safety

    @property
    def episode(self) -> Episode:
        """The first episode: what a single-episode library serves."""
        return self.knowledge.episodes[0]

    def engine(self, episode_id: str | None = None) -> Engine:
        """The engine of one episode (the first when none is named); KeyError for an unknown id."""
        return self.engines[episode_id] if episode_id else next(iter(self.engines.values()))

    def suggest_episodes(self, typed: str, limit: int = 25) -> list[tuple[str, str]]:
        """(title, id) pairs for what has been typed: every episode when nothing is, else by title."""
        pairs = {e.id: e.title for e in self.episodes}
        if not typed.strip():
            return [(title, key) for key, title in pairs.items()][:limit]
        titles = {key: fold(f"{title} {key}") for key, title in pairs.items()}
        ranked = process.extract(fold(typed), titles, scorer=fuzz.WRatio, limit=limit, score_cutoff=50)
        return [(pairs[key], key) for _, _, key in ranked]

    def answer(self, question: str | Message, episode_id: str | None = None) -> Answer:
        """The answer to one message, from one episode when `episode_id` is given, else from the library."""
        message = question if isinstance(question, Message) else read(question)
        safety = read_safety(message)
        engines = [self.engines[episode_id]] if episode_id else list(self.engines.values())

        def reply(
            kind: Kind,
            chapters: list[ChapterMatch] | tuple[ChapterMatch, ...] = (),
            studies: list[Study] | tuple[Study, ...] = (),
            at: int | None = None,
        ) -> Answer:
            episode = chapters[0].episode if chapters else (engines[0].episode if len(engines) == 1 else None)
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
            return self._at_time(message.time, engines, safety=safety, message=message)
        if not message.content_words and _ABOUT_THE_EPISODE.search(message.text) and len(engines) == 1:
            return reply(Kind.TOPIC, [engines[0].overview()])
        chapters, studies = self._find(message, engines, personal=safety.advice)
        if is_chatter(message) and not _looked_up(chapters):
            return reply(Kind.SMALL_TALK)
        if not chapters and not studies:
            return reply(Kind.OFF_TOPIC)
        return reply(Kind.STUDIES if studies and not chapters else Kind.TOPIC, chapters, studies)

    def _at_time(
        self, time: TimeRef, engines: list[Engine], *, safety: SafetyRead, message: Message
    ) -> Answer:
        if len(engines) > 1:
            seconds = time.seconds
            return Answer(
                message.raw, Kind.WHICH_EPISODE, safety, asked_time=seconds, truncated=message.truncated
            )
        engine = engines[0]
        seconds = time.within(engine.episode.duration)
        match = engine.at(seconds)
        kind = Kind.TIME if match else Kind.PAST_END
        chapters = (match,) if match else ()
        return Answer(message.raw, kind, safety, chapters, (), engine.episode, seconds, message.truncated)

    def _find(
        self, message: Message, engines: list[Engine], *, personal: bool
    ) -> tuple[list[ChapterMatch], list[Study]]:
        """The best evidence across episodes: the episode whose best chapter scores highest answers."""
        best: tuple[float, list[ChapterMatch], list[Study]] | None = None
        for engine in engines:
            chapters, studies = engine.find(message, personal=personal)
            score = chapters[0].score if chapters else (0.1 if studies else 0.0)
            if (chapters or studies) and (best is None or score > best[0]):
                best = (score, chapters, studies)
        return (best[1], best[2]) if best else ([], [])
