"""The pure core: knowledge, matching and answers. It imports no Discord code."""

from bot.core.answer import Answer, ChapterMatch, Kind
from bot.core.engine import Engine
from bot.core.library import Library
from bot.core.loader import KnowledgeError, Problem, load_episode, load_knowledge
from bot.core.models import Chapter, Episode, KnowledgeBase, Moment, SafetyInfo, Study

__all__ = [
    "Answer",
    "Chapter",
    "ChapterMatch",
    "Engine",
    "Episode",
    "Kind",
    "KnowledgeBase",
    "KnowledgeError",
    "Library",
    "Moment",
    "Problem",
    "SafetyInfo",
    "Study",
    "load_episode",
    "load_knowledge",
]
