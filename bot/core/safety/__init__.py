"""Reading a message for safety before anything else: crisis, emergency, lethal amounts, advice, chatter."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.message import Message
from bot.core.safety.advice import wants_health_advice
from bot.core.safety.chatter import is_chatter, is_small_talk
from bot.core.safety.classifier import reads_crisis
from bot.core.safety.crisis import crisis_cues, is_crisis
from bot.core.safety.emergency import asks_lethal_amount, is_emergency

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

    @property
    def help_only(self) -> bool:
        """Someone in danger, or asking for a lethal amount: help, and no episode content."""
        return self.crisis or self.emergency or self.lethal


def read_safety(message: Message) -> SafetyRead:
    """Crisis, emergency, lethal-amount and advice signs of one message."""
    return SafetyRead(
        crisis=is_crisis(message) or reads_crisis(message),
        emergency=is_emergency(message),
        lethal=asks_lethal_amount(message),
        advice=wants_health_advice(message),
    )
