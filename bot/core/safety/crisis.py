"""Signs that someone may harm themselves, read from a chat message.

Two kinds of evidence. Said outright (intent, a wish to be dead, a plan, self-harm) is enough alone.
Weaker cues (means, absence, farewell, burden, a time set) each say little, so they count only two
together and only when the message is about the writer or someone close: "people jumped out of
windows on PCP" is history, "im standing at the window" is not. Figures of speech ("dying to know",
"this ep killed me") are taken out first. A body in danger right now is a medical emergency, read in
emergency.py; a crisis answer carries help and nothing else, so a false alarm costs the asker their
answer, and the cues are kept to what people in danger really say.
"""

from __future__ import annotations

import re

from bot.core.message import Message, read
from bot.core.safety.emergency import LETHAL
from bot.core.safety.lexicon import lexicon_cues
from bot.core.safety.patterns import IMPERSONAL, PERSONAL, cue_list, without_figures
from bot.core.safety.patterns import any_of as _any
from bot.core.safety.prefilter import AnyOf

_SELF = r"(?:i|im|ive|id|me|my|myself|mine)"
_THEMSELF = r"(?:myself|my self|himself|him self|herself|her self|themselves|themself|yourself|ourselves)"
_WORDS = r"(?:\w+\s+){0,3}"  # up to three words between the parts of a cue
_RESEARCH = r"(?:study|studies|research|clusters?|prevention|hotlines?|helplines?|volunteer\w*|estudios?|estudo|etude|studien?|studio|onderzoek|badani\w*|penelitian|nghien\s+cuu|arastirma|issledovani\w*|trials?|patients|data|paper|papers|rates?|effects?|scores?|reduce\w*|antisuicid\w*|thesis|essay|class|epidemiolog\w*|statistics|stats|(?:does|did)\s+(?:he|the\s+(?:episode|ep|podcast)|huberman)\s+(?:say|talk|mention|cover|discuss)\s+(?:\w+\s+){0,2}(?:about\s+)?su[i1]c[i1]d\w*|if\s+(?:someone|somebody|anyone|a\s+(?:friend|student|patient|person|client))\s+(?:ever\s+)?(?:tells|says|comes\s+to|told|said))"
_PILLS = r"(?:pills|meds|medication|medications|prescriptions?|scripts?|oxy|oxys|tablets|capsules|painkillers|sleeping pills|sleeping tablets|ketamine|k)"
# "See you on the other side" with a farewell's signs anywhere in the message (a post, a note, the lake).
_OTHER_SIDE = r"\bsee\s+(?:you|u|ya)\s+(?:all\s+)?on\s+the\s+other\s+side\b"
_FAREWELL_SIGN = r"\b(?:posted|story|texted|note|wrote|lake|bridge|pills|goodbye|bye)\b"

# Said outright: intent, a wish to be dead, an overdose or an emergency. One of these is enough.
_DIRECT = _any(
    # harming or killing oneself, in any person
    rf"\b(?:kill|killing|killed|kills|hurt|hurting|harm|harming|cut|cutting|burn|burning|shoot|shooting|hang|hanging|drown|drowning|off|offing|end|ending|unalive|unaliving|poison|poisoning|starve|starving)\s+{_THEMSELF}\b",
    r"\bkms\b|\bkys\b|\bunaliv\w*|\bsewerslide\b|\bsu[i1]c[i1]d\w*\s+(?:plan|note|letter|attempt|pact)\b|\bcommit\w*\s+su[i1]c[i1]de\b",
    # ending a life, or "it all"
    r"\bend(?:ing|ed)?\s+(?:it\s+all|(?:my|his|her|their)\s+(?:own\s+)?li(?:fe|ves)|things\s+for\s+good|everything)\b",
    r"\b(?:take|taking|took)\s+(?:my|his|her|their)\s+(?:own\s+)?li(?:fe|ves)\b",
    rf"\b(?:going to|gonna|want to|wanna|plan(?:ning)? to|about to|ready to|decided to|thinking (?:about|of)|think about)\s+{_WORDS}end(?:ing)?\s+(?:it|things|everything|my life)\b(?!\s+(?:with|on)\s+(?!(?:a|the)\s+(?:rope|gun|pills|bridge)\b))",
    # wanting to be dead, not to exist, not to wake
    r"\b(?:want|wanna|wanted|wants|ready|going|gonna|plan\w*|trying|deserve)\s+(?:to\s+)?(?:die|be dead|not exist|stop existing|disappear forever)\b",
    r"\bwish(?:ing)?\s+(?:i|he|she|they)\s+(?:was|were|wasnt|werent|could be|would|had)\s+(?:dead|die|gone|never been born|not born|not alive|not here)\b",
    r"\b(?:dont|do not|didnt|did not|doesnt|does not|no longer|not)\s+(?:really\s+|even\s+)?want\s+to\s+(?:live|be alive|be here|exist|wake up|go on|keep going|be around|come back)\b"
    # (going on a medication or a trip is no going on: "if i really dont want to go on meds")
    r"(?!\s+(?:meds|medications?|pills|antidepressants|ssris?|lithium|a|an|the|it|them|this|that|any|another|trips?|vacation|holiday|dates?)\b)",
    r"\b(?:not\s+sure|dont\s+(?:know|think)|doubt)\s+(?:if\s+|that\s+)?(?:ill|i\s+will|i\s+can|i\s+could)\s+(?:still\s+)?(?:be\s+(?:around|here|alive)|make\s+it|last|hold\s+on)\b",
    r"\b(?:plan\w*|figur\w*\s+out|work\w*\s+out|research\w*|thinking\s+about|decid\w*)\s+how\s+to\s+(?:end\s+(?:it|things|my\s+life)|kill\s+myself|die|do\s+it)\b",
    # the pain of a fall or of not coming back: "does it hurt if you jump from high enough or are you out
    # before you feel it", "if you went deep enough and just didnt come back would you even feel anything"
    r"\b(?:jump\w*|fall\w*)\s+(?:from|off)\s+(?:\w+\s+){0,2}high\s+enough\b|\bout\s+before\s+you\s+(?:feel|felt)\s+(?:it|anything)\b"
    r"|\b(?:just\s+)?(?:didnt|did\s+not|never)\s+come\s+back\b.{0,40}\b(?:feel|hurt)\w*\b",
    # an amount asked with both drugs at hand and nothing left: "i have both here and i've had enough"
    r"\b(?:have|got)\s+(?:both|them\s+both|all\s+of\s+it|everything)\s+(?:right\s+)?here\b.{0,40}\b(?:ive|i\s+have)\s+had\s+enough\b",
    # the car's exhaust made ready: "i already have the hose for the car"
    r"\b(?:have|got|bought)\s+(?:the\s+|a\s+)?hose\s+(?:for|in|on)\s+(?:the\s+|my\s+)?(?:car|exhaust)\b",
    # (blind set 38) a pet to be checked on with the door left unlocked, the next session not needed, one's
    # messages read "after", the stuff bought "just in case", going off to the rope
    r"\b(?:check\s+on|feed|look\s+after|take\s+care\s+of)\s+my\s+\w+\b.{0,160}\bdoor\s+(?:will\s+be|is|is\s+left|left|ll\s+be)\s+unlocked\b"
    r"|\bdoor\s+(?:will\s+be|is|is\s+left|left|ll\s+be)\s+unlocked\b.{0,160}\b(?:check\s+on|feed|look\s+after|take\s+care\s+of)\s+my\s+\w+\b"
    r"|\bi\s+(?:just\s+)?wont\s+be\s+needing\s+(?:the\s+next\s+(?:one|session|appointment|refill)|another\s+(?:one|session|appointment))\b"
    r"|\b(?:read|see|keep)\s+my\s+(?:messages|posts|account|stuff|chats)\s+after\s*(?:[.!?]|$|(?:im|i\s+am)\s+gone|i\s+die)"
    r"|\bbought\s+(?:the\s+)?(?:stuff|rope|pills|it|supplies|everything)\b.{0,30}\bjust\s+in\s+case\b"
    r"|\b(?:ill|i\s+will|gonna|going\s+to)\s+go\s+(?:\w+\s+){0,2}(?:the|my)\s+rope\b",
    # pills kept after stopping them, pills as a way out: "stopped taking my lexapro ... kept every pill tho
    # ... kinda feels like insurance"
    r"\bstopped\s+taking\s+(?:my\s+)?\w+\b.{0,80}\bkept\s+(?:every|all|each)\b|\b(?:pills?|meds|bottle|stash|tablets)\b.{0,80}\b(?:feels?|like)\s+(?:\w+\s+)?(?:insurance|a\s+backup\s+plan|an?\s+exit|a\s+way\s+out|a\s+safety\s+net)\b",
    # a plan with its day, a plan denied to a therapist and then owned, goodbyes said one by one
    r"\b(?:actual|real|proper|whole)\s+(?:plan|one)\s+(?:w|with)\s+a\s+(?:date|day|time)\b|\bif\s+i\s+(?:had|have|got)\s+a\s+plan\b.{0,60}\bbut\s+(?:\w+\W+){0,2}i\s+do\b"
    r"|\b(?:saying|said|say)\s+(?:my\s+)?goodbyes?\s+to\s+(?:\w+\s+){0,2}(?:one\s+by\s+one|one\s+at\s+a\s+time|individually)\b",
    # (not how one wakes: "a nap so i dont wake up feeling like garbage")
    r"\bso\s+(?:that\s+)?(?:i|he|she|they)\s+(?:dont|do not|wont|will not|never|cant)\s+wake\s+up\b(?!\s+(?:feeling|tired|groggy|exhausted|sore|hungry|with|at|in|during|early|late|every|so|too|like|mid|halfway|before|until|till|again)\b)",
    r"\b(?:to|and|just|i|id|ill|might|would|could|then|hope|hopefully)\s+(?:never|not)\s+wak(?:e|ing)\s+up\b(?!\s+(?:at|before|until|till|early|so\s+early|too\s+early|in\s+the|every|again\s+at|with|feeling|tired|groggy|sore|mid|during)\b)|\b(?:sleep|go\s+to\s+sleep)\s+(?:forever|permanently)\b|\btired\s+of\s+(?:existing|living|being alive|life|it all|everything)\b",
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
    r"\b(?:my\s+)?last\s+(?:message|post|words|night|day)\s+(?:here|on earth|alive|ever)\b|\bthis\s+is\s+my\s+last\s+(?:message|post|comment|video|tweet|words)\b|\btonights\s+the\s+night\b",
    r"\b(?:gave|giving|give|given)\s+away\s+(?:all\s+)?(?:my|his|her|their)\b(?!.*\b(?:since\s+i|because|bc|moving|moved|declutter\w*|upgrad\w*|anyone\s+(?:in|want|need)|for\s+free|free\s+to)\b)|\b(?:gave|giving|give|given)\s+(?:all\s+)?(?:my|his|her|their)\s+(?:\w+\s+){0,2}away\b",
    rf"\b(?:stockpil|hoard|stash)\w*\s+(?:up\s+)?(?:my\s+|her\s+|his\s+|their\s+)?\w+|\b(?:sav|collect)\w*\s+(?:up\s+)?(?:my\s+|her\s+|his\s+|their\s+)?(?:\w+\s+){{0,2}}{_PILLS}\b",
    r"\b(?:standing|sitting|up)\s+on\s+(?:the|a|this)\s+(?:bridge|ledge|roof|rooftop|edge|tracks)\b|\bjump(?:ing)?\s+(?:off|from)\s+(?:a|the|this)\b",
    r"\b(?:steer|steering|drive|driving|crash|crashing|swerv\w*)\s+(?:my\s+car\s+)?(?:into|off)\s+(?:a|the)\s+(?:wall|tree|traffic|bridge|truck|cliff)\b",
    # self-harm
    r"\b(?:cut|cutting|burn|burning|burned|scratch\w*|hit|hitting|carv\w*)\s+(?:my|his|her|their)\s+(?:arms?|wrists?|legs?|thighs?|skin|stomach|body)\b",
    r"\b(?:started|start|keep|still|been|relapsed\s+(?:on|into))\s+(?:\w+\s+)?(?:cutting|burning|self\s*-?\s*harm\w*)\b|\bcutting\s+again\b",
    r"\b(?:i|im|ive)\b.*\bself\s*-?\s*harm\w*|\bself\s*-?\s*harm\w*.*\b(?:i|im|ive|me|my)\b",
    # an overdose taken or planned on purpose; an amount asked for oneself ("to not wake up", "kill me")
    rf"\b(?:take|taking|took|taken|swallow\w*)\s+(?:the\s+|a\s+)?(?:whole|entire)\s+(?:bottle|box|pack|packet|strip|bag)\b|\b(?:take|taking|took|taken|swallow\w*)\s+all\s+(?:of\s+)?(?:my|the|her|his|my\s+\w+s)\s+(?:\w+\s+)?{_PILLS}\b",
    r"\b(?:overdose|od)\s+on\s+purpose\b|\bpurposely\s+(?:overdos|od)\w*",
    r"\b(?:how much|what amount|how many|what dose|enough)\b.*\b(?:never wake|not wake|kill me|stop my heart|end (?:it|me|my life)|to stay there forever)\b",
    r"\btake\s+enough\s+to\b|\b(?:stay|stayed)\s+there\s+forever\b|\bi\s+want\s+it\s+to\s+be\s+(?:quick|painless)\b|\bdoes\s+it\s+hurt\b(?=.*\b(?:bottle|pills|car|gun|rope|bridge)\b)",
    # a farewell to everyone, with no "see you"
    r"\b(?:goodbye|bye)\s+(?:everyone|all|yall|guys|forever|world)\b(?!.*\b(?:see you|see ya|next|tomorrow|later|tmrw)\b)",
    # in danger from someone else
    r"\b(?:gets|is|was|been|getting)\s+(?:\w+\s+)?violent\b|\b(?:he|she|they|dad|father|mom|mother|stepdad|stepmom|husband|wife|boyfriend|girlfriend|bf|gf|partner|ex|brother|sister|parents?)\s+(?:\w+\s+)?(?:hits|hit|beats|beat|chokes|choked|strangl\w+)\s+me\b(?!\s+like\b)",
    # a passive wish to be hit: "honestly if a car hit me on my walk home i'd be relieved"
    r"\b(?:if|wish|hope|hoping)\s+(?:a|some|the)\s+(?:car|bus|truck|train|drunk\s+driver)\s+(?:would\s+|could\s+|just\s+)?(?:hit|hits|ran\s+over|runs\s+over|run\s+over)\s+me\b",
    r"\bthreaten\w*\s+to\s+(?:kill|hurt|harm)\s+(?:me|us|my)\b|\b(?:scared|afraid|terrified)\s+(?:to\s+go\s+home|for\s+my\s+(?:life|safety))\b",
    # a method in mind
    r"\b(?:think\w*\s+(?:about|of)|want\w*\s+to|going\s+to|gonna|about\s+to|ready\s+to|plan\w*\s+(?:on|to))\s+(?:jump\w*|hang\w*|shoot\w*|drown\w*|overdos\w*|od\b)",
    # means at hand, in the moment
    r"\b(?:standing|stand|sitting|parking|parked|walking out|climbed|climbing)\s+(?:\w+\s+){0,4}(?:edge|ledge|tracks|bridge|roof|railing|overpass|balcony)\b",
    r"\b(?:bought|buying|got|have|keep)\s+(?:a\s+|some\s+)?(?:rope|noose)\b|\b(?:should|going to|gonna|want to|wanna|about to)\s+jump\b",
    r"\b(?:gun|revolver|pistol)\b.*\b(?:taking it out|out on|loaded|in my mouth|to my head)\b|\b(?:taking it out|loaded)\b.*\b(?:gun|revolver|pistol)\b",
    r"\b(?:how many|how much)\b.*\bbefore\s+(?:your|my|the)\s+heart\s+stops\b|\btrying\s+not\s+to\s+(?:come back|wake up|survive)\b",
    # suicide and the first person, unless the question is about research
    r"\b(?:im|i am|ive been|i feel|feeling|i get|(?<!who had )(?<!who have )(?<!who has )(?<!who )been|so|really|very|getting)\s+(?:so\s+|really\s+|very\s+|kinda\s+|pretty\s+|super\s+)?su[i1]c[i1]dal\b",
    r"\b(?:my|i have|ive had|i get|(?<!stopped )(?<!stop )(?<!without )(?<!patients )(?<!people )having|i keep having|been having)\s+(?:\w+\s+)?su[i1]c[i1]d\w*\s+(?:thoughts?|ideation|feelings?|urges?)\b",
    rf"^(?!.*\b{_RESEARCH}\b).*\b{_SELF}\b.*\bsu[i1]c[i1]d\w*\b|^(?!.*\b{_RESEARCH}\b).*\bsu[i1]c[i1]d\w*\b.*\b{_SELF}\b",
    # someone close
    r"\b(?:he|she|they|hes|shes|theyre)\s+(?:\w+\s+)?(?:is|are|keeps?|has been|have been|been|was)?\s*(?:saying|talking about|said|says|wants?|going|threaten\w*)\s+(?:\w+\s+)?(?:to\s+)?(?:die|end it|ending it|ending (?:his|her|their) life|kill|shoot|hang|jump)\b",
    # ways out, giving up on everything, a plan and a day
    r"\b(?:painless|easy|easiest|quick|quickest|best)\s+ways?\s+(?:out|to go|to die|to end)\b|\b(?:out of|no more)\s+options\b|\bthats\s+it\s+for\s+me\b",
    r"\b(?:want|wanna|wanted)\s+to\s+(?:just\s+)?(?:disappear|vanish|not wake|sleep and not wake|stop existing)\b(?!\s+(?:into|to|for|from|off|on)\b)|\b(?:want|wanna)\s+(?:it|everything|it all)\s+to\s+(?:just\s+)?stop\b",
    r"\b(?:dont|do not)\s+think\s+(?:ill|i will|i can)\s+(?:make it|last|hold on)\b|\b(?:days?|weeks?)\s+(?:of\s+(?:holding\s+on|hanging\s+on|fight|strength)\s+)?left\s+in\s+me\b|\b(?:need|find|finding|looking\s+for|searching\s+for|give\s+me)\s+(?:a|one|any|just\s+one)\s+(?:good\s+)?reason\s+not\s+to\b",
    r"\b(?:finish|end)\s+it\s+(?:this|tonight|tomorrow|on|after|before|soon|for good)\b|\blook\s+like\s+an\s+accident\b|\bone\s+less\s+(?:bill|mouth|problem|burden)\b",
    rf"\b{_PILLS}\s+(?:all\s+)?(?:lined|laid|counted)\s+(?:up|out)\b|\bthinking\s+about\s+(?:my\s+)?(?:\w+\s+){{0,2}}(?:gun|rope|pills|bridge)\b|\bkeep\s+thinking\s+about\s+(?:\w+\s+){{0,3}}gun\b",
    r"\b(?:cut|cutting|burned|burnt)\s+(?:myself\s+)?again\b|\bdeeper\s+than\s+i\s+meant\b",
    # acting on the thoughts: "she asked how likely i am to act on it. its more like a 9"
    r"\blikely\s+(?:i\s+am|im|i\s+would\s+be|i\s+was)\s+to\s+act\s+on\s+(?:it|them|(?:the|these|those|my)\s+(?:thoughts|urges|plan))\b"
    r"|\b(?:close\s+to|scared\s+(?:ill|i\s+will|i\s+might)|afraid\s+(?:ill|i\s+will|i\s+might))\s+act(?:ing)?\s+on\s+(?:it|them|(?:the|these|those|my)\s+(?:thoughts|urges|plan))\b",
    r"\b(?:labeled|labelled|decided)\s+who\s+gets\s+what\b|\bwho\s+gets\s+(?:my|what)\b",
    rf"^(?!.*\b{_RESEARCH}\b).*\bmy\s+\w+\s+(?:\w+\s+){{0,4}}(?:su[i1]c[i1]d\w*|self\s*-?\s*harm\w*)\b",
    # ending it, said plainly in the first person: "i'm ending it this weekend", "end the pain myself"
    r"\b(?:im|i\s+am|ill|i\s+will|gonna|going\s+to)\s+(?:\w+\s+){0,2}(?:end(?:ing)?\s+(?:it|the\s+pain|things|my\s+pain)(?!\s+(?:with|on)\s+(?!(?:a|the)\s+(?:rope|gun|pills|bridge)\b))|check(?:ing)?\s+out\s+for\s+good)\b",
    r"\bend\s+the\s+pain\s+(?:myself|for\s+good)\b|\bchecking\s+out\s+for\s+good\b|\bends?\b.{0,30}\bso\s+do\s+i\b",
    r"\b(?:dont|do\s+not|cant|can\s+not)\s+see\s+myself\s+(?:making\s+it|living|lasting|getting\s+(?:to|through))\b",
    r"\b(?:not|never)\s+(?:gonna|going\s+to)\s+be\s+(?:around|here|alive)\b|\b(?:ill|i\s+will|she\s*ll|he\s*ll)\s+be\s+gone\s+(?:soon|tonight|tomorrow)\b",
    r"\b(?:dont|do\s+not)\s+worry\s+about\s+me\s+after\b|\b(?:never|not)\b.{0,40}\bwak(?:e|ing)\s+up\s+(?:ever\s+)?again\b",
    r"\bswallow\w*\s+all\s+(?:of\s+)?(?:my|the|her|his)\s+\w+|\bstones\s+in\s+(?:my|his|her)\s+(?:\w+\s+)?pockets\b",
    # the third blind set's general phrasings: wanting it over, not being here by a day, going to sleep and
    # staying there, mattering if i didn't wake, cuts on a thigh, a note to be found, out after someone goes
    r"\bwant(?:ed|s)?\s+(?:it|this|everything|it\s+all)\s+(?:to\s+(?:just\s+)?be\s+)?(?:all\s+)?over\b(?!\s+with)|\bready\s+to\s+check\s+out\s*(?:[.!]|$)",
    r"\b(?:wont|will\s+not)\s+be\s+(?:here|around|alive)\s+(?:for|by|at|on|next|this|after)\b|\b(?:wont|will\s+not)\s+be\s+a\s+(?:problem|burden)\s+for\s+anyone\b",
    r"\bgo\s+to\s+sleep\s+and\s+(?:stay\s+there|never|not\s+wake)\b|\b(?:stay|stayed)\s+(?:\w+\s+){0,2}forever\b(?!\s+young)|\b(?:to\s+not|never)\s+come\s+back\b",
    r"\b(?:matter|care|notice)\b.{0,30}\bif\s+i\s+(?:didnt|did\s+not|never|wasnt|was\s+gone|died|disappeared)\b",
    r"\b(?:cuts|burns|scratches)\s+on\s+(?:my|his|her)\s+(?:arms?|wrists?|legs?|thighs?|skin|stomach)\b|\bif\s+(?:anyone|someone)\s+(?:\w+\s+){0,3}finds\s+this\b",
    r"\b(?:then|and\s+then)\s+im\s+out\s+too\b|\b(?:will|would|that\s*ll)\s+be\s+it\s+for\s+me\b",
    # the fourth blind set's: not minding not waking, fine without me, logging off for good, the oncoming
    # lane, a crash that should have finished the job, a gun just for me, see you on the other side,
    # a long walk in the snow, no reason left to stay, asleep forever, better off once it's done
    r"\b(?:wouldnt|would\s+not|dont|do\s+not)\s+mind\s+if\s+i\s+(?:just\s+)?(?:didnt|did\s+not|never|wouldnt)\s+wake\b|"
    r"\b(?:wouldnt|would\s+not|dont|do\s+not)\s+mind\s+(?:just\s+)?(?:not|never)\s+waking\s+up\b(?!\s+(?:at|before|until|till|early|for|to)\b)|\bif\s+i\s+(?:just\s+)?(?:didnt|did\s+not|never)\s+wake\s+up\b",
    r"\b(?:would|will|d|ll)\s+be\s+(?:fine|better|happier|ok|okay)\s+(?:\w+\s+){0,2}without\s+me\b|\bbetter\s+off\s+(?:once|when|after)\s+(?:im|i\s+am|its|it\s+is|i\s+am)\s+(?:gone|done|over)\b|\bonce\s+its\s+done\b(?=.*\bbetter\s+off\b)",
    r"\b(?:log|logging|sign|signing|check|checking|tap|tapping|bow|bowing|clock|clocking)\s+(?:off|out)\s+for\s+good\b|\b(?:made|make)\s+(?:my\s+)?peace\s+with\s+(?:checking\s+out|going|dying|ending)\b",
    r"\b(?:drift\w*|swerv\w*|steer\w*|veer\w*|driv\w*)\s+(?:\w+\s+)?into\s+(?:the\s+)?(?:oncoming|traffic|a\s+truck|a\s+semi|a\s+wall|the\s+median)\b",
    r"\b(?:wish|wished|should\s+have)\b.{0,40}\bfinish\w*\s+(?:the\s+job|me\s+off)\b|\b(?:gun|rope|pistol|rifle)\b.{0,60}\bjust\s+for\s+me\b",
    rf"^(?=.*{_FAREWELL_SIGN}).*{_OTHER_SIDE}|{_OTHER_SIDE}(?=.*{_FAREWELL_SIGN})|\blong\s+walk\s+(?:in\s+the\s+snow|off\s+a\s+short\s+pier)\b",
    r"\breasons?\s+to\s+(?:stay|live|keep\s+going|be\s+here)\b.{0,60}\b(?:couldnt|cant|cannot|no|none)\b|\b(?:couldnt|cant|cannot)\s+(?:come\s+up\s+with|think\s+of|find)\s+(?:one|a\s+single)\s+reason\b",
    r"\bonly\s+reason\s+(?:im|i\s+am|i\s+m)\s+(?:still\s+)?(?:here|alive|around)\b|\b(?:a)?sleep\s+forever\b|^(?=.*\b(?:dose|pills|take|ketamine|want)\b).*\b(?:dont|do\s+not|wont|will\s+not)\s+come\s+back\b|\bsomething\s+to\s+remember\s+me\s+by\b",
    r"\bswallow\w*\s+(?:his|her|my|their)\s+whole\s+(?:month|bottle|supply|prescription|stash)\b|\bi\s+(?:dont|do\s+not)\s+(?:really\s+)?care\s+how\s+anymore\b",
    # the fifth blind set's: no reasons, hoping for a fatal accident, not being here,
    # the right moment to disappear, logging off permanently
    r"\b(?:zero|0|no)\s+reasons?\s+(?:\w+\s+){0,2}(?:to\s+)?(?:keep\s+going|go\s+on|live|stay|be\s+here)\b",
    r"\b(?:hope|hoping|wish|wishing|pray\w*)\s+(?:that\s+)?(?:i|a\s+\w+|something|someone)\s+(?:\w+\s+){0,3}(?:wreck|crash|accident|kills?\s+me|hits?\s+me|runs?\s+me\s+over)\b",
    r"\b(?:least\s+(?:messy|painful)|easiest|best|quickest)\s+way\s+to\s+not\s+be\s+(?:here|around|alive)\b|\b(?:right|perfect)\s+(?:moment|time)\s+to\s+(?:disappear|end\s+it)\b",
    # the sixth's: a game's words for one's own end, a phone left for whoever finds it, tired of being here
    r"\b(?:game\s+over(?:\s+screen)?|respawn\w*|log(?:ging)?\s+off|uninstall\w*)\s+(?:\w+\s+){0,2}(?:irl|in\s+real\s+life|for\s+real)\b|\bctrl\s*\W*\s*alt\s*\W*\s*delet\w*\s+myself\b",
    r"\bfor\s+whoever\s+finds\s+(?:my|this|me)\b|\b(?:so\s+)?tired\s+of\s+being\s+(?:here|alive|around)\b",
    r"\b(?:log|logging|sign|signing|check|checking)\s+(?:off|out)\s+(?:permanently|forever)\b|\b(?:ill|i\s+will)\s+be\s+gone\s+by\s+\w+",
    # the ninth's: a cut that finishes it, meds saved up, a whole bottle held under the tongue
    r"\b(?:actually|really)\s+finish(?:es)?\s+(?:it|the\s+job|me)\b|^(?=.*\b(?:meds|pills|tablets|medication|prescriptions?)\b).*\b(?:saving|stockpiling|hoarding|stashing)\s+(?:them|it|those|these)\b",
    r"\b(?:put|putting|use|using|dissolv\w*|do|doing)\s+(?:the\s+|a\s+)?(?:whole|entire)\s+(?:bottle|box|pack|strip|bag)\b(?=.*\b(?:not\s+wake|never\s+wake|die|dead)\b)",
    # the seventh's: logging off from life, a leg over the rail, an overdose taken to see if one wakes
    r"\b(?:log|logging|logged|sign|signing|check|checking)\s+(?:off|out)\s+(?:from|of)\s+life\b|\b(?:leg|legs|foot|feet)\s+over\s+the\s+(?:rail|railing|edge|ledge)\b",
    r"\bto\s+see\s+if\s+(?:i|id|i\s+would|ill|i\s+will|he|she)\s+(?:\w+\s+)?(?:wake\s+up|wake|survive|make\s+it|come\s+back)\b(?=.*\b(?:took|take|dose|pills|swallowed|ate)\b)|^(?=.*\b(?:took|take|dose|pills|swallowed)\b).*\bto\s+see\s+if\s+(?:i|id|i\s+would)\s+(?:\w+\s+)?(?:wake\s+up|wake|survive)\b",
    # a few other languages' plainest words
    r"\b(?:me\s+despido|ya\s+no\s+voy\s+a\s+estar|quiero\s+morir(?:me)?|no\s+quiero\s+vivir|quero\s+morrer|je\s+veux\s+mourir|ich\s+will\s+sterben|ich\s+will\s+nicht\s+mehr\s+leben)\b",
    r"\b(?:no\s+despertar|ya\s+no\s+quiero\s+(?:seguir|vivir)|ya\s+no\s+puedo\s+mas|quitarme\s+la\s+vida|matarme|suicidarme|se\s+despidio\s+de\s+todos|todo\s+se\s+termina|queria\s+morir)\b",
    r"\b(?:nao\s+aguento\s+mais\s+viver|acabar\s+com\s+tudo|queria\s+morrer|me\s+matar|tirar\s+(?:a\s+)?minha\s+(?:propria\s+)?vida|me\s+suicidar|me\s+suicider|envie\s+de\s+mourir|en\s+finir|mich\s+umbringen|sich\s+(?:\w+\s+){0,3}umbring\w*|sich\s+(?:\w+\s+){0,2}umzubringen|(?:mir|sich)\s+(?:\w+\s+){0,2}das\s+leben\s+(?:nehmen|nimmt|zu\s+nehmen))\b",
    r"\bya\s+no\s+quiero\s+estar\s+aqui\b|\bnao\s+quero\s+mais\s+estar\s+aqui\b|\bje\s+ne\s+veux\s+plus\s+etre\s+(?:la|ici)\b|\bich\s+will\s+nicht\s+mehr\s+(?:hier\s+)?sein\b",
    r"\bapres\s+(?:ca|ce)\s+sera\s+fini\b|\bsera\s+fini\s+(?:demain|ce\s+soir|bientot)\b|\bauf\s+seine\s+art\b|\bauf\s+ihre\s+art\b(?=.*\b(?:waffe|pistole|tabletten)\b)",
    # Dutch, Italian, Polish and Tagalog: ending one's life, not wanting to live or wake, wanting to die
    r"\b(?:einde\s+aan\s+(?:mijn|zijn|haar)\s+leven|zelfmoord\w*|niet\s+meer\s+wakker\s+(?:te\s+)?worden|wil\s+(?:niet\s+meer\s+leven|dood)|wil\s+er\s+(?:gewoon\s+|echt\s+)?niet\s+meer\s+zijn|mezelf\s+van\s+kant)\b",
    r"\b(?:la\s+faccio\s+finita|farla\s+finita|farmi\s+fuori|togliermi\s+la\s+vita|suicidarmi|non\s+voglio\s+piu\s+vivere|voglio\s+morire|non\s+(?:ri)?svegliarmi\s+piu)\b",
    r"\b(?:nie\s+chce\s+(?:sie\s+)?juz\s+(?:budzic|zyc)|skoncze\s+ze\s+soba|zabic\s+sie|zabije\s+sie|samoboj\w*|chce\s+umrzec)\b",
    r"\bgusto\s+(?:na\s+)?(?:ko|kong|niya|niyang|nya|nyang)\s+(?:na\s+)?(?:lang\s+)?(?:mawala|mamatay)\b",
    r"\b(?:hindi\s+na\s+(?:magising|gumising|magigising)|magpakamatay|ayoko\s+na\s+(?:mabuhay|mabuhay\s+pa)|mamatay\s+na\s+lang|nicht\s+mehr\s+aufwachen|ja\s+escolhi\s+a\s+data)\b",
    r"\b(?:jeene\s+ka\s+(?:mann|man|mun)\s+nahi|khatam\s+kar\s+(?:dena|du|doon|dunga)|latak\s+ja\w*|marna\s+chahta|mar\s+jana\s+chahta|suicide\s+kar\s+\w+)\b",
    # Turkish and transliterated Russian ("yasamak istemiyorum", "ne hochu zhit")
    r"\b(?:yasamak\s+istemiyorum|olmek\s+istiyorum|intihar\w*|kendi(?:mi|ni|sini)\s+old\w*|hayatima\s+son\s+ver\w*|ne\s+hochu\s+(?:bolshe\s+)?zhit|hochu\s+umeret|pokonchit\s+s\s+soboj|samoubi\w*)\b",
    # Indonesian, Vietnamese and Egyptian Arabic in Latin letters ("mau bunuh diri", "muon chet",
    # "mesh 3ayez a3eesh"): suicide, wanting to die, not wanting to live
    r"\b(?:pengen|ingin|mau)\s+(?:ngilang|menghilang|hilang)\s+(?:aja\s+|saja\s+)?selamanya\b|"
    r"\b(?:bunuh\s+diri|(?:ingin|mau|pengen|pingin)\s+mati|(?:gak|nggak|tidak|ga)\s+mau\s+hidup\s+lagi|tu\s+sat|tuyet\s+menh|muon\s+chet|khong\s+muon\s+song)\b",
    r"\b(?:mesh|mish|msh|mush)\s+(?:3ayez|3ayza|3awez|3awza|3aiz|3ayz)\s+(?:a|ye|te|ne)?3ee?sh\b|\b(?:3ayez|3ayza|3awez|3awza|3aiz|3ayz)\s+a?mout?\b|\ba2tel\s+nafsi\b|\bente7ar\b|\bentehar\b",
    # Persian, Hebrew and Swahili: suicide, killing oneself, wanting to die, not wanting to live or wake up;
    # a bridge's railing gone over in Korean
    r"خودکشی|خودمو\s*بکشم|می\s*خوام\s*بمیرم|نمی.?خوام\s*(?:\S+\s*)?(?:زنده|بیدار)|להתאבד|לא\s+רוצה\s+לחיות|רוצה\s+למות"
    r"|\b(?:nimechoka\s+kuishi|nataka\s+kufa|kujiua)\b|난간.{0,60}넘어|뛰어\s*내리",
    # Japanese, Chinese and Korean in their own scripts: wanting to die, suicide, not wanting to live
    r"死にたい|自殺|消えたい|生きたくない|想死|自杀|不想活|죽고\s*싶|자살(?!\s*(?:위험\s*)?환자)|살기\s*싫|生きてる意味|生きる意味がない|終わりにしよう|終わらせたい|生きてたくない|生きていたくない|다\s*그만하고\s*싶|못\s*버티겠|끝내려고|끝낼\s*거|活着没意思|不想活了",
    # a count of pills in hand; the whole bottle of one's own taken; Lebanese Arabic in Latin letters
    r"\b\d+\s+(?:of\s+)?(?:\w+\s+){0,2}(?:pills|oxys?|tablets|xanax|bars|percs?|vicodin|tramadol|meds)\b.{0,20}\bin\s+my\s+(?:hand|hands|palm|lap)\b|\b(?:took|taken|swallowed|downed)\s+(?:my|his|her)\s+(?:whole|entire)\s+(?:bottle|box|pack|strip|supply)\b",
    r"\ba5las\s+(?:men|min)\s+7ay[ae]t\w*|\bma\s+ba2a\s+fiye\s+kammel\b",
    # wanting it all to stop, in French, German, Spanish and Portuguese ("je voulais juste que ça s'arrête")
    r"\b(?:veux|voulais|voudrais)\s+(?:juste\s+|seulement\s+)?que\s+(?:ca|tout)\s+(?:s\s+)?arrete\b"
    r"|\b(?:will|mochte|wollte)\s+(?:\w+\s+){0,3}dass\s+(?:es|alles)\s+(?:endlich\s+)?aufhort\b"
    r"|\b(?:quiero|queria|quero)\s+(?:solo\s+|so\s+)?que\s+(?:todo|esto|tudo|isso)\s+(?:se\s+)?(?:acabe|termine|pare)\b",
    r"\b(?:never|dont|wont|not)\s+(?:have\s+to\s+)?(?:climb|crawl|come|get)\s+(?:back\s+)?out\s+of\b.{0,30}\b(?:even\s+better|sounds?\s+(?:nice|good|great|perfect))\b"
    r"|\bsounds?\s+(?:kinda\s+|so\s+)?(?:nice|good|great|perfect)\b.{0,60}\b(?:never|dont|wont|not)\s+(?:have\s+to\s+)?(?:climb|crawl|come|get)\s+(?:back\s+)?out\b"
    r"|\bper\s+non\s+svegliarsi\s+piu\b|"
    r"(?:чтобы|чтоб)\s+(?:уже\s+)?(?:точно\s+)?не\s+проснуться|без\s+мене\s+(?:вам\s+)?(?:стане|буде)\s+легше|вам\s+без\s+мене\s+(?:стане|буде)\s+легше"
    r"|без\s+меня\s+(?:вам\s+)?(?:станет|будет)\s+легче|смысла\s+(?:дальше\s+)?жить|\bvorrei\s+(?:solo\s+)?che\s+(?:finisse|finisca)\s+tutto\b|\bfarla\s+finita\b",
    # the eleventh's look-alike corpus: afraid of what one will do, not planning to stick around, waking
    # up disappointed to be alive, time to stop using up the air
    r"\b(?:scared|afraid|terrified)\s+of\s+what\s+(?:i|ill|i\s+will|i\s+might|id)\s+(?:\w+\s+)?do\b|\bnot\s+(?:planning|going|gonna|plan)\s+(?:on\s+|to\s+)?(?:stick(?:ing)?|stay(?:ing)?|be(?:ing)?)\s+around\b",
    r"\b(?:disappointed|upset|sad|angry|pissed)\s+(?:that\s+)?i\s+(?:woke\s+up|wake\s+up|am\s+still\s+(?:alive|here)|survived)\b|\btime\s+to\s+stop\s+(?:using\s+it\s+up|breathing|taking\s+up\s+space)\b",
    # Greek, Romanian, Swahili, Ukrainian, Japanese, Korean, Chinese, Thai and Urdu in Latin letters
    r"\b(?:autoktoni\w*|den\s+thelo\s+na\s+zo|sinucid\w*|nu\s+mai\s+vreau\s+sa\s+traiesc|kujiua|nitajiua|atajiua|sitaki\s+kuishi|pokinchyty\s+z\s+soboyu|ne\s+khochu\s+(?:bilshe\s+)?zhyty)\b",
    r"\b(?:shinitai|jisatsu|ikitakunai|jasal|sal\s+iyu\s*ga\s+eops\w*|zisha|bu\s+xiang\s+huo|kha\s+tua\s+tai|khudkushi|khud\s*kushi)\b",
    r"\b(?:pokonchit\s+s\s+soboy|sie\s+zabije|pular\s+da\s+ponte|ngakhirin\s+hidup\w*|mengakhiri\s+hidup\w*|besok\s+(?:gak|ga|tidak)\s+bangun|hayento7er|hayentehar|ente7ar)\b",
    # the thirteenth's: the only thing keeping one here, enough this time, a guaranteed overdose; Arabic
    # and Russian in their own scripts: not waking, suicide, wanting to die, not wanting to live
    r"\bonly\s+(?:thing|one|reason|person)\s+(?:\w+\s+)?(?:keeping|that\s+keeps|keeps)\s+me\s+(?:here|alive|around|going)\b(?!\s+(?:is|are)\s+(?:coffee|caffeine|spite|the\s+gym))",
    r"\b(?:took|taken|swallowed)\s+(?:everything|it\s+all|all\s+of\s+it)\s+(?:i\s+(?:had|have|could\s+find)|in\s+(?:my|the)\s+(?:cabinet|drawer|cupboard|bathroom|medicine))\b|\b(?:mieux|mejor|melhor|besser|beter\s+af|meglio)\s+(?:\w+\s+){0,2}(?:sans\s+moi|sin\s+mi|sem\s+mim|ohne\s+mich|zonder\s+mij|senza\s+di\s+me)\b",
    r"\b(?:se|me|te)\s+foutre\s+en\s+l\s*air\b|\bno\s+(?:queria|quiero|quise)\s+(?:seguir\s+)?vivir\b|\bme\s+tome\s+todas?\s+(?:las|mis)\s+(?:pastillas|pildoras|medicinas)\b",
    r"\bdecided\s+(?:tonight|today|this\s+(?:week|weekend))\s+(?:was|is)\s+(?:it|the\s+(?:night|day))\b|\b(?:queria|quiero|quer[ei]a)\s+morir(?:se|me)?\b",
    r"\b(?:took|taken|swallowed|ate|drank|kha\s+li|tome|tomo|tomei|pris|avale)\b.{0,80}\b(?:on\s+purpose|deliberately|intentionally|jaan\s*boo?jh\s*(?:ke|kar)|a\s+proposito|de\s+proposito|expres|absichtlich|celowo|bilerek)\b|\b(?:on\s+purpose|deliberately|intentionally|jaan\s*boo?jh\s*(?:ke|kar)|a\s+proposito|de\s+proposito|absichtlich|celowo|bilerek)\b.{0,80}\b(?:took|taken|swallowed|ate|drank|kha\s+li|tome|tomo|tomei|pris|avale)\b",
    r"\b(?:the\s+)?(?:world|everyone|everybody|family)d?\s*(?:would|will|is\s+gonna|is\s+going\s+to)?\s*be\s+better\s+off(?:\s*(?:anyway|anyways|tbh|honestly|lol|lmao|fr|tho))*\s*(?:[.!]|$)",
    r"\b(?:motor\s+(?:ligado|encendido|prendido)|moteur\s+(?:allume|en\s+marche|tourne)|motor\s+lauft)\b.{0,60}\b(?:garagem|garaje|garage)\b|\b(?:garagem|garaje|garage)\b.{0,60}\b(?:motor\s+(?:ligado|encendido|prendido)|moteur\s+(?:allume|en\s+marche|tourne)|motor\s+lauft)\b",
    r"\bwhen\s+i\s+(?:planned|plan|decided|am\s+going)\s+to\s+do\s+it\b|\bchce\s+zeby\s+to\s+bylo\s+szybk\w*",
    r"\b(?:swallowed|took|downed|ate)\s+(?:a\s+bunch|a\s+handful|a\s+lot|all|\d+)\s+of\b.{0,60}\bafter\s+(?:a|an|our|the|their|his|her)\s+(?:fight|argument|breakup|row)\b",
    r"\bdate\s+(?:picked|set|chosen)\b.{0,30}\bmine(?:s|\s+is)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|next)\b",
    r"\bif\s+you\s+(?:find|read|see)\s+this\b.{0,30}\b(?:sorry|love\s+you|goodbye|forgive)\b",
    r"\b(?:vai|vou|quer|querendo|va\s+a|voy\s+a|quiere)\s+(?:pular|saltar|se\s+tirar|tirarse)\s+d[aoe]\b",
    r"специально\s+(?:выпил\w*|принял\w*|наглотал\w*)|(?:выпил\w*|принял\w*|наглотал\w*)\s+.{0,40}специально",
    r"\benough\s+this\s+time\b|\bguaranteed\s+(?:od|overdose|death|to\s+(?:die|kill|work))\b",
    r"ما\s*اصحى|(?:انهي|انهاء|انهيت)\s*حياتي|اقتل\s*نفسي|انتحار|انتحر|ابي\s*اموت|اريد\s*ان\s*اموت|ابغى\s*اموت|самоубий|покончить\s+с\s+собой|не\s+хочу\s+жить|хочу\s+умереть|убить\s+себя",  # noqa: RUF001
    # better without me, no sense in living, ending it, in more languages, as folded ("moi nguoi se song tot
    # hon neu khong co minh", "ailem bensiz daha rahat eder", "yasamanin anlami yok", "er een eind aan maken")
    r"\btot\s+hon\s+(?:neu\s+)?(?:khong\s+co|thieu)\s+(?:minh|toi|tao|em|anh)\b|\bbensiz\s+(?:cok\s+)?(?:daha\s+)?(?:rahat|iyi|mutlu)\b|\blebih\s+(?:baik|bahagia|tenang)\s+tanpa\s+(?:aku|saya|gue|gw)\b"
    r"|\bkung\s+wala\s+na\s+ako\b|\bmere\s+bina\s+(?:sab\s+)?(?:\w+\s+)?(?:khush|better|achha)\b|\bbez\s+(?:mnie|menya)\s+(?:wszystkim\s+|vsem\s+)?(?:bedzie\s+|budet\s+)?(?:lepiej|lu?chshe)\b",
    r"\byasamanin\s+(?:bir\s+)?anlami\s+yok\b|\b(?:no\s+tiene|sin|nao\s+tem|sem)\s+sentido\s+(?:seguir\s+)?(?:vivir|viver)\b|\bplus\s+(?:aucun\s+)?sens\s+(?:de|a)\s+vivre\b|\bkein\s+sinn\s+mehr\s+zu\s+leben\b"
    r"|\been\s+einde?\s+aan\s+(?:\w+\s+)?(?:gaat|ga|wil|gaan|te)\s+maken\b|\bmuon\s+tu\s+tu\b|\bhidup\s+(?:gak|ga|tidak|nggak)\s+ada\s+artinya\b",
    # plans and farewells told in Russian, Polish, Vietnamese, Indonesian, Japanese, Chinese, Lebanese Arabic
    # and Portuguese: things given away and all decided, a date chosen and letters written, not wanting to
    # wake again, gone far and not coming back, the last playlist of one's life, not holding on any longer
    r"раздал\w*\s+(?:свои\s+|все\s+)?вещи|вс[её]\s+(?:уже\s+)?решено|\bwybra\w+\s+(?:juz\s+)?date\b|\bnapisa\w+\s+(?:juz\s+)?listy\b|\bviet\s+thu\s+cho\s+(?:bo\s+me|gia\s+dinh|moi\s+nguoi)\b"
    r"|\b(?:gak|nggak|ga|tidak|ngga|enggak)\s+(?:pengen|mau|ingin)\s+bangun\s+lagi\b|\bpergi\s+jauh\s+dan\s+(?:gak|nggak|tidak|ga|nggak\s+akan)\s+(?:balik|kembali)\b"
    r"|撑不下去|不打算再撑|活不下去|手紙.{0,12}(?:置いて|残して)|\bma\s+(?:3ad|ba2a)\s+fiye?\s+kam+el\b|\bkatabt\s+resal\w*"
    r"|\bultim[ao]\s+\w+\s+da\s+minha\s+vida\b|\b(?:e|sera)\s+(?:o\s+)?meu\s+ultimo\s+dia\b|\b(?:the\s+)?last\s+(?:playlist|song|post|message|meal)\s+of\s+my\s+life\b",
    # nobody will have to worry about me after a day; in Hindi, Japanese, Arabic; a farewell letter in Arabic;
    # not wanting to wake tomorrow in Arabic; not wanting to try any more in Vietnamese
    r"\b(?:nobody|no\s+one|noone)\s+(?:will|would|is\s+gonna)\s+(?:have\s+to|need\s+to)\s+worry\s+about\s+me\b|किसी\s+को\s+मेरी\s+चिंता\s+नहीं|सब\s+कुछ\s+तय\s+कर\s+लिया"
    r"|心配しなくて(?:済む|いい)|رسالة\s+وداع|لا\s+أريد\s+أن\s+أستيقظ|\bkhong\s+muon\s+co\s+(?:gang\s+)?nua\b",
    # not lasting until help comes, walking into water, suicide in Finnish and Hungarian
    r"\bdont\s+think\s+(?:im|i\s+am|ill|i\s+will|i\s+can)\s+(?:gonna\s+|going\s+to\s+)?(?:make\s+it|last|hold\s+on)\s+(?:that\s+long|till|til|until|to\s+(?:then|monday|the\s+\d+)|through\s+(?:the\s+)?(?:night|week|weekend))\b"
    r"|\bitsemurh\w*|\bongyilkos\w*|\ben\s+jaksa\s+enaa\b",
    # "the world would be quieter without me in it"
    r"\b(?:world|everyone|everybody|everything|family|they|life)\s+(?:would|will|d)\s+be\s+(?:so\s+much\s+|a\s+lot\s+|much\s+)?(?:quieter|better|easier|lighter|happier|simpler|calmer)\s+without\s+me\b",
    # the tenth's: the last question ever asked, who to leave one's things to
    r"\blast\s+(?:question|thing|message|post)\s+(?:\w+\s+)?(?:ill|i\s+will)\s+ever\b|\bwho\s+(?:do|should|will|would|can)\s+i\s+(?:even\s+)?(?:leave|give)\s+(?:all\s+)?my\b",
    r"\b(?:garage|car)\b.*\b(?:car|engine)\s+running\b|\b(?:guns?|rifles?|pistols?|sidearm|handgun|glock|shotgun)\b.{0,60}\b(?:next\s+to\s+me|in\s+my\s+(?:hand|lap)|on\s+my\s+(?:lap|desk|bed)|out\s+of\s+the\s+safe)\b",
    # the eleventh session's: a gun held at night, a flame let go out; not wanting to live or wake in Hinglish
    # and Portuguese, tired of life and no reason to go on in Swahili, no sense in living in Polish, everyone
    # happier without me in Hindi, everything at home swallowed in Russian
    r"\b(?:guns?|rifles?|pistols?|sidearm|handgun|glock|shotgun)\b.{0,60}\b(?:(?:just\s+)?holding\s+it|in\s+my\s+mouth|to\s+my\s+head|at\s+[1-5]\s*am)\b"
    r"|\bready\s+to\s+let\s+(?:the|my|it)\s+(?:\w+\s+)?(?:go\s+out|burn\s+out)\b"
    # what dying feels like, "asking for me"
    r"|\b(?:what\s+(?:does|would|will)\s+it\s+feel\s+like|how\s+does\s+it\s+feel)\s+(?:to|when)\b.{0,60}\b(?:die|dying|stops?|ends?|never\s+wak\w*)\b.{0,60}\basking\s+for\s+(?:me|myself)\b",
    # the eleventh session's second round: a farewell letter (Dutch, German, Spanish, Portuguese, French,
    # Italian); no longer a burden, soon, in Italian, Spanish, Portuguese and French; no point left and done
    # with me in Romanian; no reason to stay in Urdu; ways to disappear searched in Japanese; prescribed
    # pills saved up instead of taken; dying asked about "before I do it for real"
    r"\b(?:afscheidsbrie\w*|abschiedsbrie\w*|carta\s+de\s+despedida|lettre\s+d\s*adieu|lettera\s+d\s*addio)\b"
    r"|\b(?:non\s+saro\s+piu|ya\s+no\s+(?:sere|voy\s+a\s+ser)|nao\s+(?:vou\s+)?ser(?:ei)?\s+mais|ne\s+serai\s+plus)\s+(?:un|una|um|uma)\s+(?:peso|carga|fardeau)\b"
    r"|\bnu\s+mai\s+vad\s+(?:niciun|nici\s+un)\s+rost\b|\bgata\s+cu\s+mine\b|نہ\s+رہنے\s+کی\s+وجہ|جینے\s+کی\s+(?:کوئی\s+)?وجہ\s+نہیں|消える方法|死ぬ方法|迷惑かけずに消え"
    r"|\bsaving\s+(?:up\s+)?(?:my|the)\s+(?:\w+\s+){0,2}(?:troches|pills|meds|tablets|lozenges|prescriptions?)(?:\s+\w+){0,4}?\s+instead\s+of\s+taking\b"
    r"|\b(?:die|dying|death|dead)\b.{0,80}\bbefore\s+i\s+(?:do|try)\s+it\s+for\s+real\b"
    # an exit planned so that someone finds the dog: "planning my exit around my dog's vet appointment"
    r"|\bplan(?:ning|ned)?\s+my\s+exit\b(?!\s+(?:from|strategy|interview|out\s+of))"
    # the third round's: killing oneself with the reflexive first in Polish
    r"|\b(?:zeby|aby|by|chce|chcialbym|chcialabym)\s+sie\s+zabic\b",
    r"\bjeena\s+(?:hi\s+)?nahi\s+(?:tha|hai|chahta|chahti)\b|\bnao\s+(?:quero|queria)\s+(?:mais\s+)?acordar\b|\bnimechoka\s+na\s+maisha\b|\b(?:sina|hakuna)\s+sababu\s+ya\s+(?:kuendelea\s+)?kuishi\b"
    r"|\b(?:nie\s+widz\w*|nie\s+ma|bez)\s+sensu\s+(?:dalej\s+)?zyc\b|मेरे\s+बिना\s+(?:\S+\s+){0,3}(?:खुश|बेहतर)|(?:выпил|приня\w*|наглота\w*)\s+вс[её]\s+что\s+было",
)


# Weaker cue families: (name, pattern). Two different families together make a crisis.
_CUES: tuple[tuple[str, AnyOf], ...] = (
    (
        "means",
        _any(
            # the tenth session's: insurance read for its payout, a gun bought back, drugs within reach at work
            r"\blife\s+insurance\b.{0,60}\b(?:fine\s+print|pays?\s+out|payout|clause)\b|\bfine\s+print\b.{0,40}\blife\s+insurance\b"
            r"|\b(?:bought|got|getting|buying)\s+(?:one|it|a\s+(?:gun|pistol|rifle))\s+back\b|\b(?:have|got)\s+access\s+(?:to\s+(?:\w+\s+){0,2})?(?:at|through)\s+work\b",
            r"\b(?:gun|guns|revolver|pistol|rifle|firearm|sidearm|handgun|glock|shotgun|rope|noose|razor|blade|blades|pills?|tablets|meds)\b",
            r"\b(?:bridges?|cliff|cliffs|ledge|rooftop|roof|tracks|in\s+front\s+of\s+(?:a|the)\s+train|balcony|balconies|highest floors?|overpass|sumu)\b",
            # a window only as a way out ("out the window"), never the window of plasticity
            r"\b(?:out|from|off|through|open\w*|climb\w*|jump\w*|lean\w*)\s+(?:of\s+)?(?:a|the|my|this|that|our)\s+(?:\w+\s+)?windows?\b|\bwindow\s*(?:sill|ledge)\b",
            r"\bknow\s+(?:exactly\s+)?(?:what|how\s+much)\s+to\s+take\b|\b(?:lubid|pillen|tabletki|pillole|waffe|pistole|gewehr|remedios?|comprimidos?|pastillas?|pastilles|cachets|tabletten|goliyan|goli)\b",
            r"\b(?:od|overdose|overdosing|whole bag|whole bottle|the bottle|heart stops?|stop (?:my|your|his|her) heart)\b",
            r"\bwalk\w*\s+into\s+(?:the|a)\s+(?:lake|sea|ocean|river|water|traffic)\b|\b(?:car|engine)\s+running\b|\bgarage\b|\b(?:drive|driving|steer\w*|swerv\w*)\s+into\b|\bmedian\b",
            r"\bempty\s+(?:pill\s+|blister\s+|medicine\s+)?(?:packs?|bottles?|boxes|strips?|blisters?)\b|\b(?:genug|genugend)\s+(?:\w+\s+)?gesammelt\b|\b(?:vials?|empty\s+bottle)\b|\b(?:lined|laid)\s+up\s+on\s+(?:my|the)\b|\b(?:saved|saving|stashed|stockpiled)\s+up\b|\bsupply\s+in\s+my\s+hand\b|\bin\s+my\s+hand\b|\bhunting\s+rifle\b|\brazor\b",
        ),
    ),
    (
        "absence",
        _any(
            # gone quiet since a loss: "he's been really quiet since the breakup"
            r"\b(?:hes|shes|theyve|theyre|has|have)\s+(?:been\s+)?(?:really\s+|so\s+|super\s+|very\s+)?(?:quiet|withdrawn|distant)\s+(?:since|ever\s+since|lately|for\s+(?:days|weeks))\b",
            # a hole never climbed out of, a reason to stay fought for
            r"\bnever\s+(?:have\s+to\s+)?(?:climb|crawl|come|get)\s+(?:back\s+)?(?:out|up)\b|\b(?:fighting|looking|searching)\s+for\s+a\s+reason\s+to\s+(?:stay|live|keep\s+going)\b",
            # (disappearing "into a cabin for a month" is a holiday; gone is someone's, never "libido gone")
            r"\b(?:die|dying|dead|death|vanish)\b|\bdisappear\w*\b(?!\s+(?:into|to|for|from|off|on)\b)",
            r"\b(?:be|being|im|am|ill|id|will|wanna\s+be|just\s+be)\s+(?:\w+\s+)?gone\b|\b(?:when|after|once|before)\s+(?:im|i\s+am|ive)\s+gone\b",
            r"\braggiunger\w*\s+(?:papa|mamma|mio\s+padre|mia\s+madre|nonn[oa]|mio\s+marito|mia\s+moglie)\b|\b(?:be|join)\s+with\s+(?:my\s+)?(?:late\s+)?(?:dad|mom|husband|wife|son|daughter)\s+again\b|"
            r"\b(?:my\s+)?last\s+(?:msg|message|post)\s+(?:in\s+here|here|ever|on\s+(?:here|this\s+server))\b|"
            r"\bnot\s+(?:being\s+)?(?:here|around|alive)\b|\bwont\s+be\s+(?:here|around)\b",
            # a pet rehomed to "someone who'll actually be around", cared for by others "after that", a last listen
            r"\bwont\s+be\s+able\s+to\s+(?:look\s+after|take\s+care\s+of|care\s+for|feed|walk)\s+(?:her|him|them|it|my)\b"
            r"|\bmy\s+last\s+time\s+(?:listening|posting|here|watching|on\s+here)\b",
            # a pet rehomed to "someone who'll actually be around"
            r"\bsomeone\s+(?:wholl|who\s+will|thatll|that\s+will|who\s+can)\s+(?:actually\s+|still\s+)?be\s+(?:around|there|here)\b",
            r"\b(?:make|making)\s+(?:it|this|everything)\s+(?:all\s+)?stop\b|\bending\s+it\b(?!\s+(?:with|on)\b)|\bend\s+(?:it|this)\b(?!\s+(?:with|on)\b)",
            r"\b(?:long|permanent|eternal|endless|forever|big)\s+(?:nap|sleep|rest)\b|\bthe\s+permanent\s+kind\b|\bdo\s+it\s+quietly\b",
            r"\bif\s+i\s+(?:wake|move|survive)\b|\bwhere\s+im\s+going\b|\bpermanently\s*[.!?]*\s*$|\b(?:stopped|stop|quit|done)\s+(?:swimming|treading)\b|\bfor\s+good\b",
            r"\bsay\s+(?:that|this|it|goodbye|thanks)\s+(?:somewhere\s+)?before\s*[.!]*\s*$|\bif\s+something\s+(?:happens|were\s+to\s+happen)\s+to\s+(?:me|you|u)\b",
            r"\b(?:one|1)\s+last\s+time\b|\bto\s+the\s+22\b|\bfor\s+the\s+last\s+time\b|\bbefore\s+i\s+go\b|\bnot\s+be\s+here\b",
            r"\bone\s+(?:more|last)\s+\w+(?:\s+\w+){0,2}\s+(?:first|before)\b|\bbefore\s+i\s+use\s+them\b|\bmade\s+peace\s+with\s+it\b",
            r"\b(?:gonna|going\s+to|ready\s+to|about\s+to|want\s+to|have\s+to)\s+let\s+go\b(?!\s+of\b)|\bsinks?\b.*\bthats\s+me\b|\bthats\s+me\b.*\bsink",
        ),
    ),
    (
        "farewell",
        _any(
            # a wish to vanish or die that someone close told before ("semana passada ela falou que queria
            # sumir"): a second sign beside anything, and beside an emergency now an attempt's
            r"\b(?:said|says|told\s+(?:me|us)|falou|disse|dijo|dice|a\s+dit|hat\s+gesagt)\s+(?:that\s+|que\s+|dass\s+)?(?:she|he|they|ela|ele|ella|el|elle|il|sie|er)?\s*(?:wanted|wants|queria|quer|quiere|queria|voulait|veut|wollte|will)\s+(?:to\s+)?(?:disappear|vanish|sumir|desaparecer|disparaitre|verschwinden|die|morrer|morir|mourir|sterben)\b(?!\s+(?:for\s+a|from|into|to|off|on|do|da|de|por\s+un|por\s+uns|pra|para)\b)",
            # thanks for everything in Russian, things shared out in Indonesian
            r"\b(?:a|the)\s+note\s+(?:on|in|by|next\s+to)\s+(?:her|his|their|my|the)\s+(?:desk|bed|pillow|table|nightstand|door|dresser|phone|body)\b|спасибо\s+за\s+все|\bпрощаите\b|\b(?:nulis|menulis)\s+surat\s+(?:buat|untuk|ke)\b|猫.{0,3}送人|\bbarang\W*barang\w*\s+(?:\w+\s+)?dibagi\w*",  # noqa: RUF001
            # a dog given away in Polish, "forgive me for everything" in Arabic, a bare "sorry" sent
            r"\boddal\w*\s+(?:\w+\s+){0,2}(?:psa|kota)\b|\bpsa\s+(?:\w+\s+)?oddal\w*|سامحني\s*على\s*كل"
            r"|\bwith\s+(?:just\s+)?(?:the\s+word\s+)?sorry\b|\bjust\s+(?:said|wrote|texted|sent)\s+sorry\b",
            # the tenth session's: a letter written, a dog or a cat given away, everyone apologised to, things not
            # needed any more, savings handed over, in Greek, Czech, Malay, Amharic, Chinese and Vietnamese
            r"γραμμα\w*.{0,60}γραψ\w*|γραψ\w*.{0,30}γραμμα|\bdal\w*\s+(?:\w+\s+)?(?:psa|kocku|kocicku)\b"
            r"|\bminta\s+maaf\s+(?:kat|kepada|pada|dengan)\s+semua\s+orang\b|አያስፈልገኝም|把猫送|\bchuyen\s+het\s+(?:\w+\s+){0,3}tien\b",
            # a note written, goodbyes said, a pet given away, in Russian ("написал записку", "отдал кота")
            r"\b(?:написал|оставил)\w*\s+(?:\w+\s+)?записк\w*|\bпопрощал\w*|\bотдал\w*\s+(?:\w+\s+)?(?:кота|кошку|собаку|вещи)\b",  # noqa: RUF001
            r"\bgoodbye\w*\b|\bbye\s+(?:everyone|all|guys|yall|forever)\b|\bbeen\s+nice\s+knowing\b|\bnice\s+knowing\s+(?:you|u|yall)\b",
            r"\btake\s+care\s+of\s+(?:each other|yourselves|my)\b|\bthanks?\s+(?:you\s+)?for\s+(?:everything|all\s+the)\b",
            r"\bletters?\s+(?:to|for)\b|\b(?:new|good|loving)\s+homes?\s+for\b|\bremember\s+me\s+by\b|\b(?:gave|giving|give)\s+(?:away\s+)?(?:my\s+)?(?:\w+\s+){1,4}to\s+(?:my|a|his|her|the)\b|\bfound\s+(?:my\s+)?\w+\s+a\s+new\s+home\b|\bcancel+ed\s+my\b(?!\s+(?:\w+\s+)?(?:membership|subscription|order|flight|account|plan\b|netflix|spotify|gym))",
            r"\b(?<!\bguy\s)(?<!\bhe\s)(?<!\bshe\s)(?<!\bthey\s)(?<!\bsomeone\s)(?<!\bsomebody\s)(?<!\bdude\s)(?:gave|giving)\s+(?:my|away)\b"
            # (dosing someone is no gift: "some guy gave my friend another big one")
            r"(?!\s+(?:friend|buddy|bf|gf|boyfriend|girlfriend|brother|sister|mate|roommate)\s+(?:another|a|an|some|more)\b)|\bwont\s+(?:be\s+)?need(?:ing)?\b|\bsorry\b.*\b(?:posted|story|note)\b|\bwanted\s+someone\s+to\s+know\b",
            r"\b(?:wrote|written|writing|left)\s+(?:the\s+|my\s+|a\s+)?notes?\b|\bthanks?\s+for\s+all\b|\bnot\s+gonna\s+say\s+more\b",
            r"\bdelet\w*\s+(?:all\s+|every\s+)?(?:of\s+)?(?:my\s+|her\s+|his\s+|their\s+)?(?:\w+\s+)?(?:socials|accounts?|posts|photos?|pictures?|pics)\b|"
            r"\b(?:passwords?|passwort\w*|pins?|bank\s+details)\s+(?:\w+\s+){0,3}(?:for|to|fur)\s+(?:my|his|her|meinen?|meine)\b|\bmachts\s+gut\b|\bkatze\s+zu\b|"
            r"\brehom(?:e|ed|ing)\s+(?:my|mine|him|her|them|the\s+(?:dog|cat))\b|\bsaying\s+(?:bye|goodbye)\b|"
            r"\b(?:thanks|thank\s+you)\s+to\s+(?:whoever|anyone\s+who|everyone\s+who)\s+reads?\s+this\b|"
            r"\b(?:wanted|want)\s+to\s+say\s+(?:thanks|thank\s+you|goodbye|bye|sorry)\s+(?:to\s+)?(?:\w+\s+){0,3}before\s+i\b|\b(?:long\s+term|forever)\s+(?:pet\s+sitting|home)\b.{0,80}\bforever\b|\bnot\s+to\s+follow\s+(?:him|her|them|me)\b|\bthis\s+is\s+it\b|\bwithdrew\s+all\b|\bgave\s+me\s+(?:her|his|their)\s+\w+|\bwhy\s+im\s+(?:typing|posting|writing)\s+this\b|\bjust\s+wanted\s+someone\s+to\s+know\b|"
            r"\b(?:wrote|written|writing)\s+(?:the\s+|my\s+|all\s+the\s+)?(?:letters?|notes?)\b|\b(?:wrote|writing|made|did)\s+(?:my|a)\s+will\b|\blife\s+insurance\b|\bpaid\s+off\s+(?:all\s+)?(?:my\s+)?(?:\w+\s+)?debts?\b|"
            r"\btell\s+(?:mom|dad|mum|my\s+\w+|them|her|him)\s+(?:im|i\s+am)\s+sorry\b|\bthanks?\b.{0,60}\b(?:for\s+the\s+company|these\s+past)\b|\bgot\s+me\s+through\b|\b(?:left|found)\s+a\s+note\b|\bnote\s+on\s+the\b|\bnot\s+your\s+fault\b|"
            r"\b(?:said|saying)\s+(?:bye|goodbye)\s+to\s+(?:my|the|everyone|all)\b|\b(?:he|she|they|\w+)\s+can\s+have\s+my\s+(?:\w+\s+){0,2}(?:world|account|stuff|things|skins|collection|setup|pc|console|cat|dog|clothes)\b|\bsurat\s+wasiat\b|\b(?:factory\s+reset|wiped|reset)\s+(?:my\s+)?(?:phone|laptop|hp)\b|\b(?:hp|phone)\s+(?:\w+\s+){0,3}reset\s+ke\s+pabrik\b|\bregalat\w*\s+(?:tutt[ie]\s+)?(?:i|le)\s+(?:suoi|sue|miei|mie)\b|\btam\s+biet\b|"
            r"\bafscheids\w*|\baddio\b|\bgrazie\s+di\s+tutto\b|\bzegnaj\w*|\bpaalam\b|\blettere\s+per\b|\btestament\b|\bje\s+vous\s+aime\s+tous\b|\blos\s+quiero\s+a\s+todos\b|\bamo\s+(?:todos\s+)?voces\b|\bich\s+liebe\s+euch\s+alle\b|\b(?:pardonnez|perdonenme|perdoname|me\s+perdoem|verzeiht)\b|"
            r"\b(?:hear|find\s+out)\s+(?:it\s+|about\s+it\s+)?from\s+someone\b|\b(?:not|never)\s+find\s+out\s+(?:some\s+|in\s+some\s+)?(?:random|bad|awful|horrible|weird)\s+way\b|"
            r"\bletters?\s+(?:are|is)\s+(?:all\s+)?(?:written|done|ready|sealed)\b|\b(?:will|ll|gonna|going\s+to)\s+understand\s+(?:once|when|after)\s+(?:he|she|they|you|u)\s+(?:reads?|sees?|gets?|opens?)\b|\b(?:glad|happy)\s+(?:it|this|that)\s+(?:was|is|will\s+be|s)\s+(?:the\s+)?last\s+thing\s+(?:i|ill|id)\b|\bdeix(?:ou|ei)\s+(?:um\s+bilhete|uma\s+carta)\b|\bdej(?:o|e)\s+una\s+(?:nota|carta)\b|\ba\s+laisse\s+(?:une\s+lettre|un\s+mot)\b|\bha\s+lasciato\s+(?:un\s+biglietto|una\s+lettera)\b|\babschiedsbrief\w*|\bsorry\s+for\s+everything\b|\b(?:gave|giving|give)\s+(?:my\s+|the\s+)?\w+\s+to\s+(?:my|a|his|her|the)\b|\bwrote\s+letters?\b|\bjust\s+in\s+case\b",
        ),
    ),
    (
        "burden",
        _any(
            # nobody has to deal with me once gone; tired of this life in Indonesian
            r"\bif\s+(?:im|i\s+am|i\s+was)\s+gone\b.{0,40}\b(?:nobody|no\s+one|noone)\s+(?:has|would\s+have|will\s+have)\s+to\b"
            r"|\b(?:capek|cape|lelah)\s+(?:banget\s+|sekali\s+)?(?:sama|dengan)\s+hidup\b",
            # can't go on, in Levantine Arabic; nobody cares anyway, in Italian
            r"ما\s*عاد\s*فيني\s*(?:كمل|اكمل)|ما\s*بقدر\s*(?:كمل|اكمل)|\btanto\s+non\s+importa\s+a\s+nessuno\b",
            # a life at 1% battery, the charger no longer sought, left to run out (in Thai too)
            # (read as plain text: "%" is gone, Thai's sara am is folded into two marks)
            r"\b(?:battery|batt)\w*\b.{0,30}\b(?:1|0)\b(?!\s*(?:year|month|week|day|hour|min|yr))|แบต.{0,40}1(?!\d)|\bstopped\s+(?:looking\s+for|trying\s+to\s+find)\s+(?:a\s+|the\s+|my\s+)?charger\b"
            r"|\b(?:no|the)\s+point\s+(?:in\s+|of\s+)?(?:plugging\s+in|charging|recharging)\b|ปล่อยให้(?:มัน)?ดับ",
            # too late for me, can't go on (Greek, Bengali), no reasons left
            r"για\s+μενα\s+ειναι\s+(?:πια\s+)?αργα|ειναι\s+αργα\s+(?:πια\s+)?για\s+μενα|টানতে\s*পারছি\s*না"  # noqa: RUF001
            r"|\brunning\s+out\s+of\s+reasons\b|устал\w*\s+от\s+всего",
            r"\b(?:everyone|everybody|they|family)\s+(?:would|will|d)\s+(?:\w+\s+)?be\s+(?:relieved|happier|better)\b|\bonly\s+(?:still\s+)?(?:here|alive|around)\s+(?:for|because)\b",
            r"\bniemand\s+(?:gaat|zal)\s+me\s+missen\b|\bnikt\s+(?:nawet\s+)?nie\s+zauwazy\b|\bnessuno\s+(?:se\s+ne\s+accorgera|mi\s+manchera)\b|\btarde\s+demais\s+(?:pra|para)\s+mim\b|\bdemasiado\s+tarde\s+para\s+mi\b|\btrop\s+tard\s+pour\s+moi\b|\bzu\s+spat\s+fur\s+mich\b|\bnakakapagod\s+na\b|\bnao\s+aguento\s+mais\b|\bya\s+no\s+aguant[oa]\s+mas\b|\bnon\s+ce\s+la\s+faccio\s+piu\b|\bya\s+no\s+puedo\s+mas\b|\bje\s+n\s*en\s+peux\s+plus\b|\bich\s+kann\s+nicht\s+mehr\b|\bnem\s+birom\s+tovabb\b|\bnadie\s+me\s+va\s+a\s+extranar\b|\bninguem\s+vai\s+sentir\s+falta\b",
            r"(?:אין|שום)\s+טעם\s+להמשיך|\bburden\b|\bnothing\s+(?:left\s+)?to\s+lose\b|\b(?:im|i\s+am)\s+(?:so\s+)?(?:tired|exhausted)\s*[.!]*\s*$|\b(?:says?|said|told\s+me)\s+it\s+gets\s+better\b.{0,30}\bbut\b|\bwaste\s+of\s+(?:space|air|oxygen)\b|\bworthless\b|\bhopeless\b|\bdont\s+deserve\b|\btoo\s+late\s+for\s+(?:me|someone|people\s+like\s+me)\b",
            r"\b(?:nobody|no one|noone)\s+(?:would|will)\s+(?:even\s+)?(?:notice|care|miss)\b|\bbetter\s+off\b",
            r"\b(?:im|i am)\s+(?:so\s+)?done\b|\bcant\s+do\s+(?:this|it)\b|\bno\s+point\b(?!\s+(?:in\s+)?(?:paying|buying|spending|keeping\s+(?:it|the)|watching|arguing))|\b(?:give|given|giving)\s+up\b|\b(?:dont|doesnt|does\s+not|do\s+not)\s+(?:really\s+)?want\s+help\b|\btired\s+of\s+being\s+tired\b|\bwhats\s+the\s+point\s*(?:[.!?]|$)|\bnothing(?:s|\s+is)\s+(?:ever\s+)?(?:gonna|going\s+to)\s+change\b|\bever\s+a\s+point\b|\bfine\s+(?:\w+\s+)?without\s+me\b|\bdone\s+pretending\b",
            r"\b(?:shes|hes|theyre|they|she|he|everyone|everybody|family)\s+(?:\w+\s+)?(?:gonna|going\s+to|would|will|d)\s+be\s+(?:\w+\s+)?(?:happier|relieved|better\s+off)\b|"
            r"\btreading\s+(?:water\s+)?for\s+(?:\w+\s+)?(?:years|months|ever)\b|\btired\s+of\s+(?:swimming|fighting|trying|waiting|pretending|treading)\b|\bdone\s+fighting\b|\bnothing\s+will\s+ever\s+get\s+better\b|\bcant\s+last\b|\bi\s+am\s+the\s+rat\b|\blast\s+(?:hope|chance|try|shot)\b(?!\s+(?:for|to|at)\s+(?:\w+\s+){0,2}(?:pass\w*|exams?|tests?|finals?|class|grades?|course|interview|job|game|match|tickets?)\b)|\bbetter\s+this\s+way\b|\bweirdly\s+calm\b|\bdidnt\s+(?:do|work)\s+(?:anything|at all)\b",
        ),
    ),
    (
        "timing",
        _any(
            # not much time left, not joking, in Hungarian and Thai; a day told to oneself
            r"\b(?:have|got|picked|chose|set)\s+a\s+date\s+(?:picked|chosen|set)?\s*out\b|\b(?:have|got)\s+a\s+date\s+(?:picked|chosen|set)\b|\b(?:wait\w*|until|till|til)\s+(?:\w+\s+){0,3}(?:house|home|place)\s+(?:is\s+)?empty\b|\brumah\s+kosong\b|\bnincs\s+sok\s+idom\b|ไม่ได้ขํา|ไม่ได้ล้อเล่น|\btold\s+myself\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\b",
            r"\b(?<!exam\s)(?<!exams\s)(?<!test\s)(?<!class\s)(?<!shift\s)(?<!work\s)(?:tonight|tmrw|tomorrow|this\s+week|after\s+this\s+(?:month|week|weekend)|after\s+(?:saturday|sunday|monday|tuesday|wednesday|thursday|friday)|hoje\s+a\s+noite|esta\s+noche|ce\s+soir|heute\s+nacht|aaj\s+raat|after\s+my\b(?!\s+(?:\w+\s+)?(?:infusions?|sessions?|treatments?|doses?|appointments?|therapy|shift|workout)\b))\b",
            r"\b(?:this\s+)?(?:isnt|is\s+not|not)\s+for\s+(?:a\s+)?(?:party|fun|recreation\w*|the\s+vibes)\b|\b(?:i\s+have|ive\s+got|i\s+got|i\s+made|made|have)\s+a\s+plan\b|\b(?:date|day|time)\s+is\s+set\b|\bplan\s+is\b|\bon\s+purpose\b|\bnot\s+(?:even\s+)?kidding\b|\bserious\s+question\b",
            r"\basking\s+for\s+(?:the\s+)?(?:end\s+of\s+(?:this|the|next)\s+(?:month|week)|this\s+(?:weekend|friday|saturday|sunday))\b|\b(?:to\s+be\s+sure|make\s+sure|(?:take|taking|took|have|had|got)\s+enough\s+to|get\s+it\s+right|asking\s+for\s+(?:reasons|a\s+reason|me|myself))\b|\bcounted\s+out\b|\bthis\s+is\s+the\s+(?:week|day|night)\b",
            r"\b(?:looking up|looked up|googl\w*|searching)\b|\b(?:picked|set|chose)\s+a\s+date\b|\b(?:picked|chose|found|scoped)\s+(?:out\s+)?(?:the|a|my)\s+(?:spot|place)\b|\b(?:vannacht|stanotte|stasera|dzisiaj|dzis\s+w\s+nocy|mamaya|ngayong\s+gabi|bu\s+gece|malam\s+ini|toi\s+nay|segodnya\s+nochyu)\b|сегодня\s+ночью|этой\s+ночью|今夜|今晩|今晚|오늘\s*밤|الليلة|\bfr\s+tho\b|\bfor\s+real\s+though\b|\bnot\s+(?:even\s+)?joking\b|\bbefore\s+the\s+weekend\b|\bhow\s+many\s+\w+\s+would\s+i\s+need\s+to\s+(?:save|stockpile|collect|get)\b|\b(?:know|ready|done|sorted)\s+(?:by|before)\s+(?:saturday|sunday|monday|tuesday|wednesday|thursday|friday|tonight|tomorrow)\b|\bdone\s+pretending\b|\btry\s+again\b",
            r"\b(?:ive|i\s+have|i|been)\s+(?:\w+\s+)?thought\s+about\s+(?:it|this)\s+(?:a\s+lot|for\s+(?:a\s+while|weeks|months|years|ages)|every\s+day|constantly)\b|\bwill\s+it\s+be\s+(?:quick|painless|fast)\b|\b(?:planning|planned|picked|set)\s+the\s+date\b|\bits\s+tomorrow\b|\bdoes\s+it\s+hurt\b|\b(?:really|keep|kept|been)\s+thinking\s+about\s+it\b|\bjust\s+wanted\s+to\s+ask\s+one\s+(?:thing|last)\b",
        ),
    ),
    (
        # a mind made up: going through with it, at peace with it, the time is up
        "resolve",
        _any(
            r"\b(?:dont|do\s+not)\s+want\s+to\s+(?:mess|screw|fuck)\s+(?:it\s+)?up\s+this\s+time\b",
            # a mind made up, a calm that is "supposedly a warning sign", knowing what one will do (Polish)
            r"\balready\s+made\s+up\s+(?:my|your)\s+mind\b|\bcalm\b.{0,60}\bwarning\s+sign\b|\bjuz\s+wiem\s+co\s+zrobie\b",
            r"\b(?:want|wanna)\s+(?:it|everything|it\s+all)\s+to\s+(?:just\s+)?be\s+(?:peaceful|calm|still|over)\b",
            # affairs put in order: a will updated, passwords or a PIN handed over, everything arranged (in
            # Hungarian, Bengali, Chinese and Portuguese)
            r"\b(?:updated|wrote|made|redid|finished|signed)\s+(?:my\s+|the\s+|a\s+)?(?:will|testament)\b"
            r"|\bjelszav\w*.{0,40}odaad\w*|odaad\w*.{0,40}jelszav\w*|পিন\S*.{0,30}মেসেজ"
            r"|存款.{0,6}(?:转给|给了)|账号密码|密码.{0,10}(?:写|给|留)|\bdeix\w*\s+tudo\s+(?:organizado|arrumado|pronto|resolvido)\b",
            # the veterans' "22 a day" understood, wanting it all quiet
            r"\b22\s+a\s+day\b.{0,40}\b(?:get|understand)\s+it\b|\b(?:want|wanna)\s+(?:it|everything|it\s+all)\s+(?:to\s+(?:just\s+)?(?:be\s+)?)?(?:quiet|silent)\b",
            # a mind made up, a last day set for trying, oneself not trusted, a strange relief (Vietnamese)
            r"\b(?:ive|i\s+have|i)\s+made\s+up\s+my\s+mind\b|\bthe\s+last\s+day\s+(?:i|im)\s+(?:try|trying|keep|fight|give\s+it)\b"
            r"|\b(?:dont|didnt|do\s+not|did\s+not|cant|no\s+longer)\s+trust\s+myself\b|\bnhe\s+nhom\s+la\b",
            r"\bgo(?:ing)?\s+through\s+with\s+it\b|\bplanning\s+mine\b|\bfound\s+the\s+solution\b|\b(?:made|make)\s+(?:my\s+)?peace\b|\b(?:feels?|feeling)\s+(?:weirdly\s+|so\s+)?peaceful\b",
            r"\b(?:looking\s+at|driving\s+past|staring\s+at|scoping\s+out)\s+(?:the\s+)?(?:\w+\s+)?(?:bridges?|tracks|ledges?|rooftops?|cliffs?)\b|\bforgive\s+(?:you|me|him|her)\s+if\s+(?:you|i|he|she)\s+(?:go|left|leave|die)\b",
            r"\bneed\s+(?:it|these|them|this)\s+more\s+than\s+(?:me|i\s+do)\b|\b(?:gonna|going\s+to|will)\s+be\s+my\s+last\s+(?:one|time)\s+anyway\b|"
            r"\bвсе\s+решил\w*",  # noqa: RUF001 (decided, in Russian: "я уже всё решил")
            r"\bhand(?:ing|ed)?\s+(?:out\s+)?my\s+\w+\s+(?:out\s+)?to\b",
            r"\b(?:got|have)\s+(?:the\s+)?(?:\w+\s+)?(?:part|plan|method)\s+(?:all\s+)?figured\s+out\b|\bdoesnt\s+matter\s+why\b|\bpretty\s+sure\s+i\s+(?:have|got)\s+enough\b|\blooking\s+smarter\b",
            r"\bfinally\s+(?:going\s+to|gonna)\s+do\s+something\s+about\s+it\b|\b(?:they|everyone|she|he)\s+thinks?\s+(?:im|i\s+am)\s+\w+ing\W+(?:im|i\s+am)\s+not\b|"
            r"\bdone\s+being\s+(?:one|a\s+burden|a\s+problem|here|alive)\b|\b(?:diesmal|this\s+time)\s+(?:klappt|funktioniert|it\s+works|works|it\s+will\s+work)\b|\b(?:works|get\s+it\s+right)\s+this\s+time\b|"
            r"כבר\s+החלטתי|אני\s+אעשה\s+את\s+זה|"
            r"\bdone\s+after\s+(?:this|tonight|today|tomorrow|the)\b|\b(?:it|k|ketamine|treatment)\s+stopped\s+working\W+so\s+did\s+i\b",
            r"\b(?:going\s+to|gonna|im)\s+stop(?:ping)?\s+waiting\b|\bdone\s+trying\b|\bpain\s+(?:needs|has)\s+to\s+stop\b|\b(?:it|this|everything)\s+stops\s+hurting\b|\bstarting\s+to\s+understand\s+(?:them|why)\b|\bwant(?:ed|s)?\s+(?:it|this|everything|the\s+\w+(?:\s+in\s+my\s+head)?)\s+(?:all\s+)?to\s+(?:just\s+)?(?:end|stop)\b|\b(?:painless|final)\s+(?:and\s+(?:final|painless)\s+)?this\s+time\b|\bwant\s+(?:them|it|these|those)\s+for\s+something\s+else\b|\bonly\s+(?:thing|reason|one|person)\s+(?:that\s+)?(?:was\s+|is\s+|s\s+|has\s+been\s+|kept\s+)?(?:stopping|keeping|holding)\s+me\b|\bforgive\s+me\b|"
            r"\b(?:it\s+would\s+be\s+(?:so\s+)?easy|(?:already|just)\s+know\s+(?:where|how|when)\s+(?:id|i\s+would|i\s+d|to))\b|"
            r"\bif\s+(?:\w+\s+){0,6}(?:is|would\s+be|will\s+be)\s+enough\b|\b(?:im|i\s+am)\s+(?:so\s+)?over\s+(?:everything|it\s+all|life)\b|"
            r"\bmam\s+dosc\s+(?:wszystkiego|zycia)\b|\b(?:opposite\s+of|not)\s+what\s+i\s+(?:want|wanted|need|needed)\s+to\s+hear\b|"
            r"\b(?:week|time)\s+is\s+up\b|\bclinical\s+way\b|\bif\s+you\s+know\s+what\s+i\s+mean\b|\bthoughts\s+are\s+back\b|\bkeep\s+looking\s+at\s+it\b|\bnot\s+(?:taking|doing)\s+(?:them|it)\s+yet\b",
        ),
    ),
    (
        "self-harm",
        _any(
            r"\b(?:hit|hitting|cut|cutting|burn|burning|scratch\w*|starv\w*|punch\w*)\s+(?:myself|my\s+(?:arms?|legs?|face|skin))\b",
            r"\bkendimi\s+kest\w*|\buntil\s+i\s+(?:bruise|bleed)\b|\bhavent\s+eaten\b.*\bon\s+purpose\b|\bcut\s+(?:\w+\s+){0,2}too\s+deep\b",
        ),
    ),
    (
        # a wound told alone ("it wont stop bleeding") may be an accident: one cue, not a crisis by itself
        "wound",
        _any(r"\bbruises?\b|\bbleed\w*\b"),
    ),
    (
        "unreachable",
        _any(
            r"не\s+бер[её]т\s+трубку|не\s+отвечает\s+на\s+звонки",  # noqa: RUF001
            r"ما\s*عم\s*يرد|مش\s*عم\s*يرد|ما\s*بيرد",
            # off the phone, not picking up, in Malay, Amharic, Portuguese and Spanish
            r"\b(?:terus\s+)?off\s+(?:phone|fon|hp)\b|ስልኩን\s*አያነሳም|\bagora\s+nao\s+atende\b|\bno\s+me\s+contesta\b",
            r"\b(?:wont|will not|doesnt|isnt)\s+(?:answer|pick up)\w*\b|\b(?:not|isnt|wasnt|hasnt\s+been|havent\s+been)\s+answering\b|\bstopped\s+(?:picking\s+up|answering|replying|responding)\b|\blocked\s+(?:herself|himself|themselves)\b",
            r"\b(?:spento|spenta)\s+il\s+telefono\b|\bnon\s+risponde\b|\bneemt\s+niet\s+op\b|\bnie\s+odbiera\b|\bne\s+repond\s+plus\b|\bno\s+(?:contesta|responde)\b|\bnao\s+(?:atende|responde)\b|\bgeht\s+nicht\s+(?:mehr\s+)?ran\b|\bantwortet\s+nicht\b|"
            r"\b(?:not|isnt|wasnt)\s+(?:at\s+)?home\b(?!\s+(?:yet|til|till|until|today|this|for))|\bcant\s+find\s+(?:him|her|them)\b|\b(?:not|isnt)\s+picking\s+up\b|\bcant\s+reach\s+(?:him|her|them)\b|\bphone\s+(?:is\s+)?(?:off|dead|going to voicemail)\b",
        ),
    ),
)

_STRONG_ALONE = ("self-harm",)

_HISTORY = cue_list(
    # the tenth's: "three years ago i was the person posting goodbye notes. im still here", "14 months past
    # the worst night", "used to cut in high school ... havent in over a decade"
    r"\b(?:years?|months?)\s+ago\b.{0,80}\b(?:(?:im|i\s+am)\s+still\s+here|got\s+me\s+through|(?:it\s+)?(?:can|does|will)\s+get\s+better)\b|"
    r"\b(?:years?|months?)\s+(?:past|since|after)\s+(?:the|my)\s+worst\b|"
    r"\byears?\s+ago\s+i\s+(?:tried|attempted)\b.{0,160}\b(?:years?\s+(?:of\s+\w+\s+)?later|getting\s+married|(?:im|i\s+am)\s+(?:doing\s+)?(?:well|great|better|thriving)|now\s+i)\b|"
    r"\b(?:years?|months?)\s+(?:free|clean)\s+(?:from|of)\s+(?:self\s*-?\s*harm\w*|cutting|suicid\w*)|"
    r"\bused\s+to\s+(?:cut|self\s*-?\s*harm|burn\s+myself)\b.{0,60}\b(?:behind\s+me|in\s+the\s+past|long\s+ago|as\s+a\s+(?:teen|kid)|in\s+high\s+school)\b|"
    r"\bused\s+to\s+(?:cut|self\s*-?\s*harm|burn\s+myself)\b.{0,80}\bhavent\s+(?:\w+\s+){0,2}(?:in|for)\s+(?:over\s+)?(?:a\s+decade|\d+\s+years|years)\b|"
    r"\bsu[i1]c[i1]d\w*\b.*\b(?:doing\s+(?:great|well|better|fine|good)|recovered|in\s+remission|years\s+ago|saved\s+my\s+life|"
    r"(?:years?|months?)\s+(?:free|clean)\b|free\s+of\s+(?:those|these|the|suicidal)\s+thoughts)\b|"
    r"\b(?:back\s+in|in)\s+(?:19|20)\d\d\b.{0,20}\b(?:i|he|she)\s+was\s+su[i1]c[i1]dal\b|"
    # "i was suicidal back in 2019 ... ive been well for four years now", "self-harm scars (10+ years ago, long healed)"
    r"\b(?:i|he|she)\s+was\s+su[i1]c[i1]dal\s+(?:back\s+)?in\s+(?:19|20)\d\d\b.{0,160}\b(?:been\s+(?:well|good|stable|fine|okay|ok|better)|turned\s+(?:\w+\s+)?around)\b|"
    r"\b(?:self\s*-?\s*harm\w*|cutting)\s+(?:\w+\s+)?scars?\b.{0,40}\b(?:years?\s+ago|long\s+healed|healed)\b|"
    r"\b(?:i|he|she)\s+was\s+(?:\w+\s+){0,5}(?:in|back\s+in)\s+(?:19|20)\d\d\b.{0,40}\bsu[i1]c[i1]d\w*|"
    r"\b(?:in|back\s+in)\s+(?:19|20)\d\d\b.{0,10}\bi\s+(?:overdosed|attempted|tried\s+to\s+(?:kill|end))\b.{0,160}\b(?:im|i\s+am)\s+(?:now|doing|still\s+here|a\s+peer|in\s+recovery|better)\b|"
    r"\bsu[i1]c[i1]dal\s+(?:thoughts\s+|ideation\s+|feelings\s+)?last\s+(?:spring|summer|fall|autumn|winter|year)\b.{0,120}\b(?:now|doing\s+(?:great|well|better))\b|"
    r"\bsu[i1]c[i1]d\w*\b.{0,40}\b(?:in\s+the\s+past\s+(?:\W*\s*)?not\s+(?:now|anymore)|stable\s+(?:for\s+)?\d+\s+(?:yrs?|years?|months?))\b|"
    r"\b(?:died|committed)\s+(?:by\s+)?suicide\b.*\b(?:ago|back in|years)\b|"
    r"\b(?:years?|decades?)\s+ago\b.{0,60}\b(?:at\s+peace|sober|doing\s+(?:great|well|fine|better)|recovered|happy\s+now|in\s+a\s+good\s+place)\b|"
    # "two years ago i was actively suicidal ... it genuinely helped, im in a much better place now"
    r"\b(?:years?|decades?)\s+ago\b.{0,160}\b(?:im|i\s+am)\s+(?:now\s+)?in\s+a\s+(?:much\s+|way\s+|far\s+|so\s+much\s+)?(?:good|better|great)\s+place\b|"
    # "vor drei jahren ... heute gehts mir gut", "hace dos anos ... hoy estoy bien", "2 years ago ... ngayon okay na"
    r"\b(?:vor\s+(?:\w+\s+)?jahren|hace\s+(?:\w+\s+)?anos|ha\s+(?:\w+\s+)?anos|il\s+y\s+a\s+(?:\w+\s+)?ans|(?:\w+\s+)?(?:anni|jaar|lat|saal|nam|tahun|yil)\s+(?:fa|geleden|temu|pehle|truoc|lalu|once)|(?:years?|yrs?)\s+ago)\b"
    r".{0,120}\b(?:heute|jetzt|hoy|ahora|hoje|agora|aujourd\s*hui|maintenant|oggi|ora|nu|teraz|ab|ngayon|sekarang|bay\s+gio|simdi)\b.{0,40}\b(?:gut|besser|bien|mejor|bem|melhor|mieux|bene|meglio|goed|beter|dobrze|lepiej|theek|okay|ok|baik|on|iyiyim)\b|"
    r"\b(?:tried\s+to\s+take|took|ended)\s+(?:his|her|their)\s+(?:own\s+)?life\b.{0,40}\b(?:ago|back\s+in|in\s+the\s+(?:19)?[1-9]0s|in\s+(?:19|20)\d\d|when\s+i\s+was)\b|\b(?:years ago|back in the)\b.*\bsuicide\b"
)


# A return planned ("see you all in june", "back after finals"): going away for a while, not for good.
_WHEN_BACK = (
    r"(?:soon|later|tomorrow|tmrw|(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"(?:in|after|next)\s+(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|finals|exams?|(?:the\s+)?(?:fall|spring|summer|winter|new\s+year|break)|a\s+(?:week|month|few)|\d+|"
    r"week|month|semester|year|season))\b"
)
_RETURNING = re.compile(
    # (a bare "back in march" is the past: "started at this clinic back in march")
    rf"\b(?:see|catch)\s+(?:you|u|ya|yall)\s+(?:all\s+|guys\s+)?{_WHEN_BACK}|\b(?:be|come|coming|return\w*)\s+back\s+{_WHEN_BACK}"
)


# A song's words in quotes, with the song named ("the johnny cash cover"), are the song's; unless
# the message says they are more than a song now.
_SUNG = re.compile(
    r"\b(?:cover|song|lyrics?|sings?|sang|on\s+(?:loop|repeat)|theme|hums?|humming|tune|soundtrack)\b"
)
# (single quotes too: "'im so tired of being here' - evanescence on loop")
_SUNG_WORDS = re.compile(
    r'"[^"]{1,160}"|\u201c[^\u201d]{1,160}\u201d|(?<!\w)[\'\u2018](?:[^\'\u2019\n]|(?<=\w)[\'\u2019](?=\w)){3,160}[\'\u2019](?!\w)'
)
_NOT_JUST_A_SONG = re.compile(
    r"\b(?:not\s+(?:just\s+)?a\s+song|(?:doesnt|does\s+not|dont|no\s+longer)\s+feel\s+like\s+(?:a\s+)?(?:song|lyrics?)|anymore|for\s+real|about\s+me)\b"
)


# Words no planned return makes innocent.
_EXPLICIT = re.compile(
    r"\b(?:kill\w*|suicid\w*|die|dying|dead|death|overdos\w*|hang\w*|jump\w*|unaliv\w*|kms|end\s+(?:it|my\s+life|things))\b"
)


def returns(text: str) -> bool:
    """Whether a message that says goodbye also says when it is back ("see you all in june")."""
    return bool(_RETURNING.search(text))


# A story being written: its characters' suicide is not the writer's.
_FICTION = re.compile(
    r"\b(?:short\s+story|novel|screenplay|script|fiction|fanfic|my\s+book|a\s+character|the\s+character)\b"
)
_SUICIDE_WORD = re.compile(r"\bsu[i1]c[i1]d\w*")
# A suicide word that is not the writer's wish: someone lost to suicide ("we lost a few guys to suicide after
# deployment", "my uncle died by suicide in 2009"), a state denied ("not suicidal or anything, just sad"), a
# cause worked for ("i volunteer on a suicide prevention line"), what a drug acts on ("why it works so much
# faster on suicidal thoughts"); what else the message says is still read.
_OTHERS_SUICIDE = re.compile(
    r"\b(?:lost\s+(?:\w+\s+){0,4}to|died\s+(?:by|of|from)|death\s+by|deaths?\s+from)\s+su[i1]c[i1]d\w*"
    r"|\b(?:not|never|wasnt|isnt|arent)\s+su[i1]c[i1]dal\b|\bsu[i1]c[i1]de\s+(?:prevention|rescue|risk|rates?|research|statistics|awareness|hotline|helpline)\b"
    r"|\b(?:for|on|of|about|against|in|with)\s+su[i1]c[i1]dality\b"
    # the episode's chapter named: "stuck in my head for the entire suicidality chapter"
    r"|\bsu[i1]c[i1]d\w*\s+(?:chapter|section|segment|part|bit)\b"
    r"|\b(?:works?|worked|working|acts?|effects?|helps?|helped)\s+(?:\w+\s+){0,3}(?:on|with|against|for)\s+su[i1]c[i1]dal\s+(?:thoughts?|ideation|thinking|feelings?)\b"
    r"|(?:卒論|論文|研究).{0,30}自殺|自殺念慮.{0,30}(?:効果|研究|卒論|論文)"
    r"|(?:ال)?مضاد\w*\s+(?:لل|ل)?انتحار\w*|(?:ابحاث|دراسات?|بحث)\s+(?:\S+\s+){0,4}(?:على\s+|عن\s+)?(?:ال)?افكار\s+(?:ال)?انتحارية"
)


# Leaving a job or a town: its goodbyes and the things given away are that ("handed in my notice, said
# goodbye to everyone", "giving away the furniture, moving to Lisbon for a new job").
# ("moving to a better place" is no move: the euphemisms of dying are left out.)
_LEAVING = re.compile(
    r"\b(?:moving|move|moved)\s+(?:to|abroad|across|out\s+of\s+state|back\s+(?:to|home))\b"
    r"(?!\s+(?:a\s+)?(?:better\s+place|heaven|the\s+other\s+side|the\s+next\s+life|somewhere\s+(?:better|peaceful|quiet)))"
    r"|\bnew\s+job\b|\b(?:handed|put)\s+in\s+my\s+notice\b"
    r"|\bbackpack\w*\b|\b(?:heading|flying|off)\s+(?:off\s+)?to\s+(?:\w+\s+){0,2}for\s+(?:\d+|a|two|three|six)\s+(?:weeks?|months?|years?)\b"
    r"|\b(?:gap\s+year|semester\s+abroad|study\s+abroad|world\s+trip|road\s+trip)\b"
    r"|\bretir(?:ed|ing|ement)\b|\brelocat\w+\b|\blast\s+day\s+at\s+(?:work|the\s+office|my\s+job)\b"
    # a game given up: "deleted my fortnite account ... done with that game for good, school starts monday"
    r"|\b(?:done|quit|quitting|finished)\s+with\s+(?:that|this|the)\s+(?:game|app|server|platform)\b"
)
_LEAVING_SIGNS = re.compile(
    r"\b(?:said|saying)\s+(?:my\s+)?goodbyes?\b|\b(?:giv\w*|gave)\s+(?:\w+\s+)?away\b|\bcleared\s+(?:out\s+)?my\s+desk\b|\bpacking\s+up\b"
    r"|\bgave\s+(?:all\s+)?my\s+(?:\w+\s+){0,2}to\b|\bdeleted\s+my\s+(?:\w+\s+)?account\b|\bfor\s+good\b"
)


def quotes_a_song(message: Message) -> bool:
    """Whether the message quotes a song's words and names it as a song ("... - evanescence on loop")."""
    folded = message.folded
    return bool(
        _SUNG.search(folded) and not _NOT_JUST_A_SONG.search(folded) and _SUNG_WORDS.search(message.raw)
    )


# German and Dutch: "die" is an article or a pronoun ("die Spülmaschine"), not dying.
_GERMANIC = re.compile(
    r"\b(?:ich|und|nicht|der|das|ist|mit|zum|zur|auch|aber|sich|ein|eine|mein|meine|hat|habe|noch|schon|egal|"
    r"ik|het|een|niet|maar|voor|zijn|wat|heb)\b"
)
_DIE = re.compile(r"\bdie\b")


def crisis_cues(message: Message) -> list[str]:
    """The cue families a message shows, "direct" first when something is said outright."""
    text = without_figures(message.plain)
    if len(set(_GERMANIC.findall(text))) >= 2:
        text = _DIE.sub(" ", text)
    if quotes_a_song(message):
        # '"i hurt myself today, to see if i still feel" - the johnny cash cover': the song's words
        text = without_figures(read(_SUNG_WORDS.sub(" ", message.raw)).plain)
    if _HISTORY.found_in(text):
        return []
    if _FICTION.search(text):
        text = _SUICIDE_WORD.sub(" ", text)
    text = _OTHERS_SUICIDE.sub(" ", text)
    if _LEAVING.search(text):
        text = _LEAVING_SIGNS.sub(" ", text)
    if returns(text) and not _EXPLICIT.search(text):
        return []
    # (the lexicon says the plainest things in 64 languages and English: lexicon.py)
    said = lexicon_cues(text)
    found = ["direct"] if "direct" in said or _DIRECT.found_in(text) else []
    # (the pronouns are English ones: a message in another language is read as its writer's)
    if PERSONAL.search(text) or not IMPERSONAL.search(text) or not message.in_english:
        # Asking how much would kill is a means cue, whose own words ("die", "kill") count for nothing
        # more: with one other sign ("asking so i get it right") it is a crisis.
        lethal = LETHAL.found_in(text)
        rest = LETHAL.compiled.sub(" ", text) if lethal else text
        found += [name for name, cues in _CUES if name in said or cues.found_in(rest)]
        if lethal and "means" not in found:
            found.append("means")
    return found


def is_over(message: Message) -> bool:
    """Whether the message tells of a crisis that is over ("suicidal in 2016, doing great now")."""
    return bool(_HISTORY.found_in(without_figures(message.plain)))


# What an emergency says by itself: something taken, a time, someone not answering. Two of them are a crisis
# only when no emergency is told ("the pills and tonight" is a plan; "drank a whole bottle of vodka tonight
# and now he won't respond" is an overdose); beside an emergency a crisis needs a sign of its own.
_EMERGENCY_LIKE = frozenset({"means", "timing", "absence", "unreachable"})
# Signs of an attempt that need no second one beside an emergency told now.
_ITS_OWN_BESIDE_AN_EMERGENCY = frozenset({"farewell", "resolve"})
# A way of dying that is no accident ("left the car running in the garage with the door shut").
_METHOD = re.compile(
    r"\b(?:garage|engine\s+running|car\s+running|rope|noose|gun|rifle|pistol|bridge|ledge|rooftop|tracks|hanging)\b"
)


def is_crisis(message: Message, *, emergency: bool = False, cues: list[str] | None = None) -> bool:
    """Whether the message shows signs that someone may harm themselves; `emergency` says a medical
    emergency is told in it, `cues` are its crisis_cues when already read."""
    cues = crisis_cues(message) if cues is None else cues
    if {"direct", *_STRONG_ALONE}.intersection(cues):
        return True
    if emergency and _ITS_OWN_BESIDE_AN_EMERGENCY.intersection(cues):
        # An overdose now with a note left or a wish for it all to stop is an attempt: the emergency is the
        # second sign ("he took a bunch of medicine and his lips are purple. he left a note").
        return True
    if emergency and not set(cues) - _EMERGENCY_LIKE and not _METHOD.search(without_figures(message.plain)):
        return False
    return len(cues) >= 2
