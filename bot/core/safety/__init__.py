"""Reading a message for safety before anything else: crisis, emergency, lethal amounts, advice, chatter."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.message import Message
from bot.core.safety.advice import wants_health_advice
from bot.core.safety.chatter import is_chatter, is_small_talk
from bot.core.safety.classifier import reads_crisis, reads_emergency
from bot.core.safety.crisis import crisis_cues, is_crisis, is_over
from bot.core.safety.emergency import asks_lethal_amount, is_emergency, is_not_now

__all__ = [
    "SafetyRead",
    "asks_lethal_amount",
    "crisis_cues",
    "is_chatter",
    "is_crisis",
    "is_emergency",
    "is_small_talk",
    "read_safety",
    "wants_health_advice",
]


@dataclass(frozen=True, slots=True)
class SafetyRead:
    """What a message says about the asker's safety, read over the whole message."""

    crisis: bool = False
    emergency: bool = False
    lethal: bool = False
    advice: bool = False
    # Read by the emergency classifier alone, no sign of it said outright.
    emergency_inferred: bool = False

    @property
    def help_only(self) -> bool:
        """Someone in danger, or asking for a lethal amount: help, and no episode content."""
        return self.crisis or self.emergency or self.lethal


# A line quoted from a song or a show ("'so tired of being alone' is stuck in my head") is not the writer's.
_QUOTED = re.compile(r"\bstuck\s+in\s+my\s+head\b|\blyrics?\b|\bsong\b|\bplaylist\b")


def _classifier_crisis(message: Message) -> bool:
    """The second reader's verdict where it can be trusted; the cue rules read every message anyway.

    It weighs words, so a bare "great episode thanks!! 🙏" can score like a farewell, a quoted lyric like
    the writer's own words, a crisis long over like one now, and a lethal-amount question like a plan.
    Those are left to the rules (a lethal amount is refused to anyone, with crisis help on a self-harm cue).
    """
    return not leaves_crisis_to_the_rules(message) and reads_crisis(message)


def leaves_crisis_to_the_rules(message: Message) -> bool:
    """Whether the message is one the crisis classifier is not asked about."""
    return bool(
        is_small_talk(message)
        or asks_lethal_amount(message)
        or is_over(message)
        or _QUOTED.search(message.folded)
    )


def _classifier_emergency(message: Message) -> bool:
    """The second emergency reader's verdict where it can be trusted, as for crises."""
    return not leaves_emergency_to_the_rules(message) and reads_emergency(message)


# Words of danger are the same in a story that is over ("back in college he passed out, he was fine"), in a
# general question ("what happens if someone stops breathing") and in an emergency now: the rules' checks of
# the past and of general questions decide those, as they do greetings, quoted lyrics and lethal amounts.
def leaves_emergency_to_the_rules(message: Message) -> bool:
    """Whether the message is one the emergency classifier is not asked about."""
    return bool(
        is_small_talk(message)
        or asks_lethal_amount(message)
        or is_not_now(message)
        or _QUOTED.search(message.folded)
    )


def read_safety(message: Message) -> SafetyRead:
    """Crisis, emergency, lethal-amount and advice signs of one message."""
    said = is_emergency(message)
    inferred = not said and _classifier_emergency(message)
    return SafetyRead(
        crisis=is_crisis(message) or _classifier_crisis(message),
        emergency=said or inferred,
        lethal=asks_lethal_amount(message),
        advice=wants_health_advice(message),
        emergency_inferred=inferred,
    )
