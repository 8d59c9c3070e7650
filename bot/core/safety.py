"""Reading what kind of message a question is: crisis, personal health advice, or small talk.

Patterns, not a model: they are read by people, extended by people, and every one is covered by
tests/core/test_safety.py. Crisis patterns err towards showing resources.
"""

from __future__ import annotations

import re

from bot.core.text import fold


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


_SELF = r"(?:i|im|ive|id|me|my|myself|mine)"
_OTHER = (
    r"(?:my\s+(?:friend|best friend|bf|gf|boyfriend|girlfriend|partner|wife|husband|brother|sister|"
    r"mom|mum|mother|dad|father|son|daughter|kid|child|roommate|cousin|buddy|mate|coworker))"
)
_THEMSELF = r"(?:himself|herself|themself|themselves|myself|yourself)"

_CRISIS = _any(
    # intent, in plain words and in the slang used to get past filters
    rf"\b(?:kill|killing|killed|hurt|hurting|harm|harming|cut|cutting|burn|burning|off|offing|end|ending)\s+{_THEMSELF}\b",
    r"\bkms\b|\bkys\b|\bunaliv\w*|\bsewerslide\b|\bsuicide\s+(?:plan|note|letter)\b|\bcommit\s+suicide\b",
    r"\b(?:end|ending|take|taking|took)\s+(?:my|his|her|their)\s+(?:own\s+)?life\b",
    r"\b(?:going to|gonna|want to|wanna|plan to|planning to|about to|ready to|decided to)\s+end\s+(?:it|things|everything)\b",
    r"\bend\s+it\s+all\b|\bwant\s+(?:it|this|everything)\s+(?:all\s+)?to\s+(?:stop|end)\b",
    # wishing to be dead or gone
    r"\b(?:want|wanna|wanted|going|gonna|plan|planning|ready|trying)\s+(?:to\s+)?(?:die|be dead|disappear forever)\b",
    r"\b(?:wish|wishing)\s+(?:i|he|she|they)\s+(?:was|were|could be|would|had)\s+(?:dead|die|gone|never been born)\b",
    r"\b(?:dont|do not|no longer|not)\s+want\s+to\s+(?:live|be alive|be here|exist|wake up|go on|keep going)\b",
    r"\b(?:never|not)\s+wake\s+up\b|\bsleep\s+forever\b",
    r"\bbetter\s+off\s+(?:dead|without me|gone)\b|\bnot\s+worth\s+living\b|\btired\s+of\s+(?:living|being alive|life)\b",
    r"\b(?:dont|do not|cant|can not|cannot)\s+see\s+(?:myself|me)\s+(?:being\s+)?(?:around|here|alive)\b",
    r"\b(?:wont|will not|not)\s+be\s+(?:around|here|alive)\s+(?:much\s+longer|for\s+long|tomorrow|anymore|next)\b",
    # hopelessness that reads as final
    r"\bno\s+(?:reason|point|will)\s+(?:for me\s+)?(?:to|in|left to)\s+(?:live|living|go on|going on|keep going|carry on)\b",
    r"\bnothing\s+(?:left\s+)?to\s+live\s+for\b|\bwhats\s+the\s+point\s+(?:of|in)\s+(?:anything|living|life|going on|it all)\b",
    r"\b(?:life|living)\s+(?:is|isnt|is not|feels)\s+(?:not\s+)?(?:worth|pointless|meaningless)\b",
    r"\bcant\s+(?:go on|do this anymore|take (?:it|this) anymore|keep going)\b|\bgiv\w*\s+up\s+on\s+(?:life|living)\b",
    r"\blast\s+hope\b.*\b(?:done|over|nothing|didnt work|failed)\b|\b(?:im|i am)\s+done\s+with\s+(?:life|everything|it all)\b",
    # preparations
    r"\bgoodbye\s+(?:letters?|notes?|messages?)\b|\b(?:saying|said|say)\s+(?:my\s+)?goodbyes?\s+to\b",
    r"\bgiv\w*\s+(?:all\s+)?(?:my|away my)\s+(?:stuff|things|belongings|possessions|stuff)\s+away\b|\bgiv\w*\s+away\s+my\s+(?:stuff|things|belongings)\b",
    # self-harm
    r"\b(?:i|im|ive|been|started|start|keep|still)\s+(?:\w+\s+)?(?:cutting|burning)\b(?!\s+(?:back|down|out|carbs|calories|weight))",
    r"\b(?:i|im|ive)\b.*\bself\s*-?\s*harm\w*|\bself\s*-?\s*harm\w*.*\b(?:i|im|ive|me|my)\b",
    # overdose, taken or planned
    r"\b(?:took|taken|swallowed|downed)\s+(?:a\s+)?(?:whole|entire|full)?\s*(?:bottle|pack|box|handful)\s+of\b",
    r"\b(?:took|take|taking|swallow\w*)\s+all\s+(?:of\s+)?my\s+\w+(?:\s+\w+)?\s+at\s+once\b",
    r"\b(?:overdose|od)\s+on\s+purpose\b|\b(?:how much|what amount|how many)\b.*\bto\s+(?:die|kill|overdose|od|never wake|not wake)\b",
    r"\b(?:how much|what amount|how many)\b.*\b(?:make sure|ensure|guarantee)\b.*\b(?:die|dead|never wake|not wake)\b",
    r"\b(?:lethal|fatal|deadly)\s+(?:dose|amount)\b",
    # first person and suicide, but not a question about research
    r"\bsuicid\w*\s+(?:thoughts?|ideation|feelings?|urges?)\b.*\b(?:i|im|ive|my|me)\b",
    rf"\b{_SELF}\b.*\b(?:suicidal|suicide)\b(?!.*\b(?:study|studies|research|trial|patients|data|paper)\b)",
    # someone close
    rf"{_OTHER}\b.*\b(?:suicid\w*|kill\w*\s+{_THEMSELF}|end\w*\s+(?:his|her|their)\s+life|end\s+it|self\s*-?\s*harm\w*|want\w*\s+to\s+die|cutting)",
    r"\b(?:he|she|they)\s*(?:s|is|are|keeps?|has been|have been)?\s+(?:saying|talking about|said|says|wants?|going)\s+(?:\w+\s+)?(?:to\s+)?(?:die|end it|kill)\b",
)

# Questions that concern one's own health need the disclaimer; these say "this is about me".
_PERSONAL = _any(
    r"\bshould\s+(?:i|we|my|he|she|they)\b",
    r"\b(?:can|could|may|do|would|will|am|must)\s+i\b",
    r"(?<!why )\bis\s+(?:it|ketamine|this|that)\s+(?:ok|okay|safe|fine|alright|bad|dangerous|good|smart|wise|risky|legal)\b",
    r"\b(?:if|when|after|before)\s+i\b|\bi\s+weigh\b",
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
    r"^(?!.*\b(?:dangers?|risks?|why|studies|research|what happens when)\b).*"
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
    r"\b(?:ketamine|ketamin|ket|k|special k|esketamine|spravato|dose|dosage|dosing|mg|take|taking|use|using|try|"
    r"trying|microdos\w*|drug|drugs|med|meds|medication|medicine|treatment|therapy|infusion|clinic|prescri\w*|"
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


def is_crisis(question: str) -> bool:
    """Whether the message shows signs that someone may harm themselves (or someone close may)."""
    return bool(_CRISIS.search(fold(question)))


def wants_health_advice(question: str) -> bool:
    """Whether the message asks for personal health advice: doses, should I, safety for me, mixing, pregnancy, buying."""
    text = fold(question)
    if not _PERSONAL.search(text):
        return False
    return bool(_HEALTH_CONTEXT.search(text))


def is_small_talk(question: str) -> bool:
    """Greetings, thanks, laughter and the like: nothing to look up."""
    return bool(_SMALL_TALK.match(fold(question).strip()))
