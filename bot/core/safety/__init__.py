"""Reading a message for safety before anything else: crisis, emergency, lethal amounts, advice, chatter."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.message import Message
from bot.core.safety.advice import wants_health_advice
from bot.core.safety.chatter import asks, is_chatter, is_reaction, is_remark, is_small_talk
from bot.core.safety.classifier import reads_crisis, reads_emergency, speaks_of_a_body
from bot.core.safety.crisis import crisis_cues, is_crisis, is_over, quotes_a_song, returns
from bot.core.safety.emergency import asks_lethal_amount, is_emergency, is_not_now
from bot.core.safety.lexicon import phrase_books
from bot.core.safety.patterns import SAID_WELL, without_figures
from bot.core.safety.prefilter import save_needs

__all__ = [
    "SafetyRead",
    "asks",
    "asks_lethal_amount",
    "crisis_cues",
    "is_chatter",
    "is_crisis",
    "is_emergency",
    "is_reaction",
    "is_remark",
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


# Longer than this, a message is read for danger by the classifiers however it opens.
SMALL_TALK_WORDS = 25

# A line quoted from a song or a show ("'so tired of being alone' is stuck in my head") is not the writer's.
_QUOTED = re.compile(r"\bstuck\s+in\s+my\s+head\b|\blyrics?\b|\bsong\b|\bplaylist\b")


def _left_to_the_rules(message: Message, lethal: bool) -> bool:
    """What neither classifier is asked about: greetings and thanks alone, quoted lyrics, lethal amounts.

    They weigh words, so a bare "great episode thanks!! 🙏" can score like a farewell, a quoted lyric like
    the writer's own words, and a lethal-amount question like a plan (a lethal amount is refused to anyone,
    with crisis help when the rules see a self-harm cue).
    """
    # (small talk only when short: a remark on the host or the speed may open a long message that is not
    # small talk at all: "listened at 1.5x on my night shift ... my gf just sent me 'take care of yourself'")
    short = len(message.plain.split()) <= SMALL_TALK_WORDS
    return lethal or (short and is_small_talk(message)) or bool(_QUOTED.search(message.folded))


def leaves_crisis_to_the_rules(message: Message) -> bool:
    """Whether the message is one the crisis classifier is not asked about (a crisis long over too)."""
    left_to_rules = _left_to_the_rules(message, asks_lethal_amount(message))
    return _crisis_left_to_the_rules(message, left_to_rules, crisis_cues(message))


# A pet that died is grief, not a wish to die: with no cue of the rules, its words are not weighed
# ("my cat died yesterday, she was 19 🥲 i know this isnt the place, just needed to say it somewhere").
_PET_LOST = re.compile(
    r"\bmy\s+(?:\w+\s+)?(?:cat|dog|pet|puppy|kitten|kitty|bird|hamster|rabbit|bunny|horse|fish|parrot|guinea\s+pig)\s+"
    r"(?:\w+\s+)?(?:died|passed(?:\s+away)?|was\s+put\s+down|got\s+put\s+down|had\s+to\s+be\s+put\s+down)\b"
)


# Said to be well or out of danger ("8 months in remission", "not in danger or anything just sad"): the rules'
# cues still count, but the classifier's weighing of grief or a goodbye does not.
_SAYS_WELL = re.compile(SAID_WELL)


def _crisis_left_to_the_rules(message: Message, left_to_rules: bool, cues: list[str]) -> bool:
    # A crisis long over, or a goodbye that says when it is back ("see you all in june"), is not asked; nor
    # is a message whose words of danger were a figure of speech or a song's and that shows no cue without
    # them: what is left is a few words weighed alone ("cet exam va me tuer, j'ai rien révisé").
    plain = without_figures(message.plain)
    figurative = (plain != message.plain or quotes_a_song(message)) and not cues
    grief = bool(_PET_LOST.search(plain)) and not cues
    well = bool(_SAYS_WELL.search(plain))
    return left_to_rules or figurative or grief or well or is_over(message) or returns(plain)


# Words of danger are the same in a story that is over ("back in college he passed out, he was fine"), in a
# general question ("what happens if someone stops breathing") and in an emergency now: the rules' checks of
# the past and of general questions decide those.
def leaves_emergency_to_the_rules(message: Message) -> bool:
    """Whether the message is one the emergency classifier is not asked about."""
    return _left_to_the_rules(message, asks_lethal_amount(message)) or is_not_now(message)


# Asking whether it is normal, or whether to ring the clinic, is no emergency by weight of words alone ("my mom
# had her 3rd ket infusion on tuesday and she's still kinda spacey on thursday. is that normal or should we call
# the clinic"): the emergencies that ask it say their signs outright, which the rules read.
_ASKS_IF_NORMAL = re.compile(
    r"\bis\s+(?:that|this|it)\s+normal\b|\bshould\s+(?:we|i)\s+call\s+(?:the|her|his|my|their)\s+(?:clinic|doctor|doc|psychiatrist|provider|gp)\b"
)


def read_safety(message: Message) -> SafetyRead:
    """Crisis, emergency, lethal-amount and advice signs of one message."""
    lethal = asks_lethal_amount(message)
    # As leaves_crisis_to_the_rules and leaves_emergency_to_the_rules, each sign read once.
    left_to_rules = _left_to_the_rules(message, lethal)
    said = is_emergency(message)
    cues = crisis_cues(message)
    told_crisis = is_crisis(message, emergency=said, cues=cues)
    # Nor is a crisis the rules read an emergency by weight of words, unless a body or something taken is
    # spoken of: "texted goodbye and now she won't answer" is a crisis, not a medical emergency.
    inferred = (
        not said
        and not left_to_rules
        and not is_not_now(message)
        and not (told_crisis and not speaks_of_a_body(message))
        and not _ASKS_IF_NORMAL.search(message.plain)
        and reads_emergency(message)
    )
    # An emergency is not read for a crisis by weight of words: an overdose's words are a suicide note's too
    # ("took his oxy on top of his troches, he's grey and barely breathing"). The rules still read it, so
    # "she took all her pills and left a note" is both.
    crisis = told_crisis or (
        not (said or inferred)
        and not _crisis_left_to_the_rules(message, left_to_rules, cues)
        and reads_crisis(message)
    )
    return SafetyRead(
        crisis=crisis,
        emergency=said or inferred,
        lethal=lethal,
        advice=wants_health_advice(message),
        emergency_inferred=inferred,
    )


# Every cue list is made by now: what their patterns need is kept for the next start (prefilter.py). The
# lexicons' phrase books are made here too, rather than by the first message.
phrase_books()
save_needs()
