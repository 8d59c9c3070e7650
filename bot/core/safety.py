"""Reading what kind of message a question is: crisis, personal health advice, or small talk.

Patterns, not a model: they are read by people, extended by people, and covered by
tests/core/test_safety.py and the question sets. Crisis signs are read in bot/core/crisis.py.
"""

from __future__ import annotations

import re

from bot.core.crisis import is_crisis
from bot.core.text import fold

__all__ = ["is_crisis", "is_small_talk", "wants_health_advice"]


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


# Questions that concern one's own health need the disclaimer; these say "this is about me".
_PERSONAL = _any(
    r"\bshould\s+(?:i|we|my|he|she|they)\b",
    r"\b(?:can|could|may|do|would|will|am|must)\s+i\b",
    r"(?<!why )\bis\s+(?:it|ketamine|this|that)\s+(?:ok|okay|safe|fine|alright|bad|dangerous|good|smart|wise|risky|legal)\b",
    r"\b(?:if|when|after|before)\s+i\b|\bi\s+weigh\b|\bsafely\s+(?:try|take|use|do|start|mix|drink|drive)\b",
    r"\b(?:can|could|should|would|will)\s+my\s+(?:\w+\s+){0,3}(?:try|take|use|do|get|start|stop|have)\b",
    r"\b(?:would|do|can|could)\s+you\s+(?:recommend|suggest|advise)\b|\blike\s+me\b|\bfor\s+a\s+(?:beginner|first\s+timer|newbie)\b",
    r"\btelehealth\b|\breferral\b|\bget\s+(?:\w+\s+)?prescribed\b|\b(?:online|virtual)\s+(?:clinic|provider|doctor|prescri\w*|ketamine)\b|\bat\s*-?\s*home\s+ketamine\b|\b(?:which|best|good|cheap\w*)\s+(?:ketamine\s+)?clinic\b",
    r"\bmy\s+(?:grandma|grandmother|grandpa|grandfather|mom|mum|mother|dad|father|son|daughter|kid|child|teen|brother|sister|wife|husband|partner|friend|gf|bf|girlfriend|boyfriend)\s+(?:has|is|was|takes|suffers|struggles|gets|got)\b",
    r"\b(?:safe|ok|okay|dangerous|risky|fine|alright)\s+(?:for\s+me|to\s+(?:take|use|mix|combine|drink|do|try|start|stop|drive))\b",
    r"\bhow\s+(?:much|many)\b.*\b(?:should|take|need|use|do|start|dose|mg|milligrams?)\b",
    r"\b(?:right|correct|best|ideal|recommended|safe|good|effective|starting|typical|normal)\s+(?:dose|dosage|dosing|amount)\b",
    r"\b(?:dose|dosage|dosing)\s+(?:for\s+(?:me|my|someone|a\s+person|depression|anxiety|ptsd)|should)\b",
    r"\bmg\b.*\b(?:i|me|my|take|should)\b|\b(?:i|me|my|take|should)\b.*\bmg\b",
    r"\bmy\s+(?:doc|doctor|gp|psychiatrist|therapist|provider|prescriber|meds|medication|medications|"
    r"prescription|pills|ssri|ssris|antidepressants?|treatment|therapy|infusions?|sessions?|dose|dosing|dosage|"
    r"clinic|ketamine|iv|depression|anxiety|ptsd|ocd|bipolar|"
    r"diagnosis|condition|symptoms|health|heart|blood pressure|bladder|liver|kidneys?|pregnancy|baby|"
    r"son|daughter|kid|child|friend|partner|wife|husband|mom|dad|mother|father)\b",
    r"\bi\s*(?:m|am|have|ve|ve been|was|got|get)\s+(?:been\s+)?(?:on|taking|prescribed|diagnosed|depressed|"
    r"suffering|struggling|dealing|bipolar|anxious|pregnant|breastfeeding|nursing|addicted|hooked|a\s+(?:recovering|former)|"
    r"depression|anxiety|ptsd|ocd|bipolar|schizo\w*|psychosis|high blood pressure|heart)\b",
    r"\b(?:i|ive)\s+(?:take|use|used|tried|drink|smoke|suffer|struggle|feel)\b",
    r"\b(?:help|treat|cure|fix|heal)\s+(?:me|my)\b|\bfor\s+me\b|\bwork\s+for\s+me\b",
    r"\b(?:pregnan\w*|breast\s*feed\w*|nursing|conceive|trying\s+for\s+a\s+baby|ttc)\b",
    r"\b(?:where|how)\s+(?:can|do|could|to|would|should)\s+(?:i|you|one|someone|we)?\s*(?:buy|get|find|order|score|cop|purchase|source)\b",
    r"\b(?:buy|purchase|order|score|cop)\s+(?:some\s+)?(?:ketamine|k|special k|ket|esketamine|spravato)\b",
    r"\b(?:get|getting|obtain)\s+(?:a\s+)?(?:prescription|script|rx)\b|\bprescribe\s+me\b|\bclinics?\s+near\b|\bnear\s+me\b",
    # Mixing is personal unless framed as what the risks are ("what are the dangers of mixing ...").
    r"^(?!.*\b(?:dangers?|risks?|why|studies|research|what happens when|episode|does he|did he|he says?)\b).*"
    r"\b(?:mix|mixing|combine|combining|together with|interact\w*|while on|along with)\b.*\b(?:alcohol|booze|drink\w*|beer|wine|weed|"
    r"cannabis|thc|ssris?|snris?|maois?|lexapro|zoloft|prozac|wellbutrin|adderall|ritalin|lithium|lamotrigine|xanax|"
    r"benzos?|benzodiazepines?|klonopin|valium|antidepressants?|meds|medications?|pills|mdma|molly|psilocybin|"
    r"shrooms|mushrooms|cocaine|coke|opioids?|naltrexone|suboxone|methadone|stimulants?|caffeine|birth control)\b",
    r"\b(?:alcohol|booze|drinking|beer|wine)\b.*\b(?:ketamine|ket|k|with|while|and)\b.*\b(?:ok|okay|safe|bad|dangerous)\b",
    r"\b(?:am|i|me|im)\b.*\b(?:addicted|hooked|dependent|overdos\w*)\b",
    r"\bmicro\s*-?\s*dos\w*\b.*\b(?:i|me|my|should|can|how)\b|\b(?:i|me|my|should|can)\b.*\bmicro\s*-?\s*dos\w*",
)

# What makes a "should I" a health question rather than "should I watch the next episode".
_HEALTH_CONTEXT = re.compile(
    r"\b(?:ketamine|ketamin|ket|k|special k|esketamine|spravato|doses?|dosage|dosing|mg|\d+\s*mg|troches?|lozenges?|take|taking|use|using|try|"
    r"trying|microdos\w*|drug|drugs|med|meds|medication|medicines?|treatments?|therapy|infusions?|clinics?|prescri\w*|"
    r"depress\w*|anxiety|ptsd|ocd|bipolar|suicid\w*|mental|psychiatrist|doctor|health|safe|risk\w*|side effects?|"
    r"addict\w*|pregnan\w*|alcohol|drink|mix|combine|trip|k-?hole|dissociat\w*|nasal|spray|iv|injection|lozenge|"
    r"troche|pill|pills|sessions?|effects?|help|treat|cure|heal)\b"
)

_SMALL_TALK = re.compile(
    r"^(?:(?:hi|hey|hello|yo|sup|hiya|howdy|gm|gn|good (?:morning|night|evening|afternoon)|thanks?|"
    r"thank you|thx|ty|tysm|cheers|lol|lmao|rofl|haha\w*|hehe\w*|ok|okay|k|cool|nice|great|awesome|wow|"
    r"love (?:it|this|you|u)|bye|goodbye|see ya|cya|gg|xd|yes|no|nope|yep|yeah|nah|test|testing|ping|"
    r"bruh|bro|dude|man|bot|you|u|are|is|the|this|that|a|so|very|much|for|great|video|episode|podcast|"
    r"show|content|work|job|stuff|amazing|helpful|informative|interesting|good|best|ever|really|"
    r"appreciate(?:d)?|it|all|guys|everyone|buddy|pal|again|still|there|working|alive|whats up|wassup|how are (?:you|u))"
    r"[\s!.?,]*)+$"
)


# "What does he say about ...", with no "I" or "my" in it, asks about the episode, not for advice.
_ABOUT_THE_EPISODE = re.compile(
    r"^\s*(?:so\s+)?(?:what|where|how|why|when)\s+(?:does|did|do)\s+(?:he|huberman|andrew|the episode|the podcast|they)\s+"
    r"(?:say|said|talk|mention|discuss|explain|think|cover|recommend)\b"
    # "Why is it dangerous to ...", with no "I" or "my": asks for the reason, not for advice.
    r"|^\s*(?:so\s+)?why\s+(?:is|are|does|do|would|can|could)\b"
)
_FIRST_PERSON = re.compile(r"\b(?:i|im|ive|id|me|my|myself)\b")


def wants_health_advice(question: str) -> bool:
    """Whether the message asks for personal health advice: doses, should I, safety for me, mixing, pregnancy, buying."""
    text = fold(question)
    if _ABOUT_THE_EPISODE.search(text) and not _FIRST_PERSON.search(text):
        return False
    if not _PERSONAL.search(text):
        return False
    return bool(_HEALTH_CONTEXT.search(text))


def is_small_talk(question: str) -> bool:
    """Greetings, thanks, laughter and the like: nothing to look up."""
    return bool(_SMALL_TALK.match(fold(question).strip()))
