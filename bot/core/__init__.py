"""The pure core: knowledge, matching and answers. It imports no Discord code."""

from bot.core.answer import Answer, ChapterMatch, Kind
from bot.core.engine import MAX_QUESTION_CHARS, Engine
from bot.core.loader import KnowledgeError, Problem, load_episode, load_knowledge
from bot.core.models import Chapter, Episode, KnowledgeBase, Moment, SafetyInfo, Study

__all__ = [
    "MAX_QUESTION_CHARS",
    "Answer",
    "Chapter",
    "ChapterMatch",
    "Engine",
    "Episode",
    "Kind",
    "KnowledgeBase",
    "KnowledgeError",
    "Moment",
    "Problem",
    "SafetyInfo",
    "Study",
    "load_episode",
    "load_knowledge",
]
