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
_THEMSELF = r"(?:myself|my self|himself|him self|herself|her self|themselves|themself|yourself|ourselves)"
_WORDS = r"(?:\w+\s+){0,3}"  # up to three words between the parts of a cue
_RESEARCH = r"(?:study|studies|research|trials?|patients|data|paper|papers|rates?|effects?|scores?|reduce\w*|antisuicid\w*)"
_PILLS = r"(?:pills|meds|medication|medications|tablets|capsules|painkillers|sleeping pills|sleeping tablets|ketamine|k)"

# Cue families, each written to catch the ways people actually put it (slang, typos, third person).
_CRISIS = _any(
    # harming or killing oneself, in any person
    rf"\b(?:kill|killing|killed|kills|hurt|hurting|harm|harming|cut|cutting|burn|burning|shoot|shooting|hang|hanging|drown|drowning|off|offing|end|ending|unalive|unaliving|poison|poisoning|starve|starving)\s+{_THEMSELF}\b",
    r"\bkms\b|\bkys\b|\bunaliv\w*|\bsewerslide\b|\bsu[i1]c[i1]d\w*\s+(?:plan|note|letter|attempt|pact)\b|\bcommit\w*\s+su[i1]c[i1]de\b",
    # ending a life, or "it all"
    r"\bend(?:ing|ed)?\s+(?:it\s+all|(?:my|his|her|their)\s+(?:own\s+)?li(?:fe|ves)|things\s+for\s+good|everything)\b",
    r"\b(?:take|taking|took)\s+(?:my|his|her|their)\s+(?:own\s+)?li(?:fe|ves)\b",
    rf"\b(?:going to|gonna|want to|wanna|plan(?:ning)? to|about to|ready to|decided to|thinking (?:about|of)|think about)\s+{_WORDS}end(?:ing)?\s+(?:it|things|everything|my life)\b",
    # wanting to be dead, not to exist, not to wake
    r"\b(?:want|wanna|wanted|wants|ready|going|gonna|plan\w*|trying|deserve)\s+(?:to\s+)?(?:die|be dead|not exist|stop existing|disappear forever)\b",
    r"\bwish(?:ing)?\s+(?:i|he|she|they)\s+(?:was|were|wasnt|werent|could be|would|had)\s+(?:dead|die|gone|never been born|not born|not alive|not here)\b",
    r"\b(?:dont|do not|no longer|not)\s+want\s+to\s+(?:live|be alive|be here|exist|wake up|go on|keep going|be around)\b",
    r"\bso\s+(?:that\s+)?(?:i|he|she|they)\s+(?:dont|do not|wont|will not|never|cant)\s+wake\s+up\b",
    r"\b(?:never|not)\s+wak(?:e|ing)\s+up\b|\bsleep\s+forever\b|\btired\s+of\s+(?:existing|living|being alive|life|it all|everything)\b",
    # finality and hopelessness
    r"\bno\s+(?:reason|point|will|hope)\s+(?:\w+\s+){0,3}(?:live|living|continu\w*|go(?:ing)? on|keep(?:ing)? going|carry(?:ing)? on|anymore|trying|left)\b",
    r"\bnothing\s+(?:left\s+)?to\s+live\s+for\b|\bwhats\s+the\s+point\s+(?:of|in)\s+(?:anything|living|life|going on|it all|continuing|being alive)\b",
    r"\b(?:life|living)\s+(?:is|isnt|is not|feels)\s+(?:not\s+)?(?:worth|pointless|meaningless|unbearable)\b|\bnot\s+worth\s+living\b",
    r"\bbetter\s+off\s+(?:dead|gone|without\s+(?:me|him|her|them|us))\b",
    r"\bcant\s+(?:go on|do this anymore|do it anymore|take (?:it|this) anymore|keep going|live like this)\b|\bgiv\w*\s+up\s+on\s+(?:life|living)\b",
    r"\b(?:im|i am)\s+(?:so\s+)?done\s*(?:with\s+(?:life|everything|it all|living))?\s*[.!]*\s*$",
    r"\b(?:its|it is|all)\s+(?:almost|nearly|finally|about to be)\s+over\b|\bbeing\s+done\b.*\b(?:wall|bridge|freeway|traffic|pills|life)\b",
    r"\b(?:wont|will not|not going to|wont be)\s+(?:be\s+)?(?:a\s+)?(?:problem|burden|around|here|alive)\s+(?:\w+\s+){0,3}(?:much\s+longer|for\s+long|anymore|soon|tomorrow)\b",
    r"\b(?:dont|do not|cant|can not|cannot)\s+see\s+(?:myself|me)\s+(?:being\s+)?(?:around|here|alive)\b",
    # goodbyes and preparations
    r"\bgoodbye\s+(?:letters?|notes?|texts?|messages?|forever)\b|\b(?:texted|sent|wrote|said|posted)\s+(?:me\s+|us\s+|everyone\s+)?(?:a\s+)?goodbye\b",
    r"\b(?:wrote|writing|left)\s+(?:\w+\s+){0,2}letters?\s+to\s+(?:everyone|all|my\s+family|each)\b|\bsee\s+you\s+never\b|\bthis\s+is\s+goodbye\b",
    r"\b(?:my\s+)?last\s+(?:message|post|words|night|day)\s+(?:here|on earth|alive|ever)\b|\bthis\s+is\s+my\s+last\s+(?:message|post)\b|\btonights\s+the\s+night\b",
    r"\b(?:gave|giving|give|given)\s+away\s+(?:all\s+)?(?:my|his|her|their)\b|\b(?:gave|giving|give|given)\s+(?:all\s+)?(?:my|his|her|their)\s+(?:\w+\s+){0,2}away\b",
    rf"\b(?:stockpil|hoard|sav|collect|stash)\w*\s+(?:up\s+)?(?:my\s+|her\s+|his\s+|their\s+)?{_PILLS}\b",
    r"\b(?:standing|sitting|up)\s+on\s+(?:the|a|this)\s+(?:bridge|ledge|roof|rooftop|edge|tracks)\b|\bjump(?:ing)?\s+(?:off|from)\s+(?:a|the|this)\b",
    r"\b(?:steer|steering|drive|driving|crash|crashing|swerv\w*)\s+(?:my\s+car\s+)?(?:into|off)\s+(?:a|the)\s+(?:wall|tree|traffic|bridge|truck|cliff)\b",
    # self-harm
    r"\b(?:cut|cutting|burn|burning|burned|scratch\w*|hit|hitting|carv\w*)\s+(?:my|his|her|their)\s+(?:arms?|wrists?|legs?|thighs?|skin|stomach|body)\b",
    r"\b(?:started|start|keep|still|been|relapsed\s+(?:on|into))\s+(?:\w+\s+)?(?:cutting|burning|self\s*-?\s*harm\w*)\b|\bcutting\s+again\b",
    r"\b(?:i|im|ive)\b.*\bself\s*-?\s*harm\w*|\bself\s*-?\s*harm\w*.*\b(?:i|im|ive|me|my)\b",
    # an overdose taken, planned or asked about, and emergencies
    rf"\b(?:took|taken|swallowed|downed|ate)\s+(?:\w+\s+){{0,2}}(?:bottle|box|pack|packet|handful|strip)s?\b|\b(?:take|taking|took|taken|swallow\w*)\s+all\s+(?:of\s+)?(?:my|the|her|his)\s+(?:\w+\s+)?{_PILLS}\b",
    r"\b(?:overdosed|overdosing|odd|oded)\b|\b(?:overdose|od)\s+on\s+purpose\b",
    r"\b(?:how much|what amount|how many)\b.*\b(?:to|would|will|make sure|ensure)\s+(?:\w+\s+){0,2}(?:die|kill|overdose|od|never wake|not wake)\b",
    r"\b(?:lethal|fatal|deadly)\s+(?:dose|amount)\b",
    r"\b(?:not|isnt|wont|cant\s+get\s+(?:him|her|them)\s+to)\s+(?:waking up|wake up|respond\w*|breathing)\b|\bunresponsive\b|\bnot\s+breathing\b|\bturning\s+blue\b",
    r"\bk\s*-?\s*holing\s+(?:in|on)\s+(?:the|a)\s+(?:bath|bathtub|tub|pool|water|lake|street|road)\b",
    # suicide and the first person, unless the question is about research
    r"\b(?:im|i am|ive been|i feel|feeling|i get|been|so|really|very|getting)\s+(?:so\s+|really\s+|very\s+|kinda\s+|pretty\s+|super\s+)?su[i1]c[i1]dal\b",
    r"\b(?:my|i have|ive had|i get|having|i keep having|been having)\s+(?:\w+\s+)?su[i1]c[i1]d\w*\s+(?:thoughts?|ideation|feelings?|urges?)\b",
    rf"^(?!.*\b{_RESEARCH}\b).*\b{_SELF}\b.*\bsu[i1]c[i1]d\w*\b|^(?!.*\b{_RESEARCH}\b).*\bsu[i1]c[i1]d\w*\b.*\b{_SELF}\b",
    # someone close
    r"\b(?:he|she|they|hes|shes|theyre)\s+(?:\w+\s+)?(?:is|are|keeps?|has been|have been|been|was)?\s*(?:saying|talking about|said|says|wants?|going|threaten\w*)\s+(?:\w+\s+)?(?:to\s+)?(?:die|end it|kill|shoot|hang|jump)\b",
    r"\bmy\s+\w+\s+(?:\w+\s+){0,4}(?:su[i1]c[i1]d\w*|self\s*-?\s*harm\w*)\b",
)

# Questions that concern one's own health need the disclaimer; these say "this is about me".
_PERSONAL = _any(
    r"\bshould\s+(?:i|we|my|he|she|they)\b",
    r"\b(?:can|could|may|do|would|will|am|must)\s+i\b",
    r"(?<!why )\bis\s+(?:it|ketamine|this|that)\s+(?:ok|okay|safe|fine|alright|bad|dangerous|good|smart|wise|risky|legal)\b",
    r"\b(?:if|when|after|before)\s+i\b|\bi\s+weigh\b|\bsafely\s+(?:try|take|use|do|start|mix|drink|drive)\b",
    r"\b(?:can|could|should|would|will)\s+my\s+(?:\w+\s+){0,3}(?:try|take|use|do|get|start|stop|have)\b",
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


_ELONGATED = re.compile(r"(\w)\1{2,}")
_NOT_WORDS = re.compile(r"[^\w\s.!?]+")


def _plain(text: str) -> str:
    """Folded text with stretched letters shortened ("dieee" -> "die") and symbols dropped."""
    return _NOT_WORDS.sub(" ", _ELONGATED.sub(r"\1", fold(text)))


def is_crisis(question: str) -> bool:
    """Whether the message shows signs that someone may harm themselves, or is in danger now."""
    return bool(_CRISIS.search(_plain(question)))


def wants_health_advice(question: str) -> bool:
    """Whether the message asks for personal health advice: doses, should I, safety for me, mixing, pregnancy, buying."""
    text = fold(question)
    if not _PERSONAL.search(text):
        return False
    return bool(_HEALTH_CONTEXT.search(text))


def is_small_talk(question: str) -> bool:
    """Greetings, thanks, laughter and the like: nothing to look up."""
    return bool(_SMALL_TALK.match(fold(question).strip()))
