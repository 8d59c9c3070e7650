"""Where in an episode a message points by position: its start ("the very start where he lists
everything") or its end ("the final point he ends on"), whatever words of a topic come with it."""

from __future__ import annotations

import re
from enum import Enum

from bot.core.message import Message
from bot.core.models import Chapter, Episode


class Position(Enum):
    """A place in an episode named by where it is rather than what it says."""

    START = "start"
    END = "end"


_START = re.compile(
    r"\b(?:at|in|during|from)\s+the\s+(?:very\s+)?(?:start|beginning|opening)\b(?!\s+of\s+(?!the\s+(?:ep|episode|pod|video)))"
    r"|\b(?:first|opening)\s+(?:couple|few|\d+)\s+(?:of\s+)?min\w*"
    r"|\bthe\s+(?:very\s+)?(?:start|beginning)\s+where\b"
    r"|\blists?\s+(?:everything|what)\s+(?:he|hes|the\s+episode)\b"
)
# "At the end of the day" is a figure of speech, not a place.
_END = re.compile(
    r"\b(?:at|near|towards?)\s+the\s+(?:very\s+)?end\b(?!\s+of\s+(?!the\s+(?:ep|episode|pod|video)))"
    r"|\bwrap\s*-?\s*up\b|\bfinal\s+(?:point|thoughts|words|takeaways?)\b|\bends?\s+(?:on|with)\b"
    r"|\bbefore\s+the\s+outro\b|\bconclusion\b|\bclosing\s+(?:point|thoughts|words|remarks)\b"
    # "thats how i understood the ending"
    r"|\b(?:understood|got|took\s+from|took\s+away\s+from|about)\s+the\s+ending\b"
)


def position_of(message: Message) -> Position | None:
    """The start or the end of the episode, when the message points there."""
    text = message.folded
    if _START.search(text):
        return Position.START
    if _END.search(text):
        return Position.END
    return None


def chapter_at(position: Position, episode: Episode) -> Chapter | None:
    """The episode's opening chapter for its start, its last chapter of content for its end."""
    content = [c for c in episode.chapters if c.is_content]
    if not content:
        return None
    return content[0] if position is Position.START else content[-1]
