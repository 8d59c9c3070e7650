"""Small helpers the safety readers share."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.core.safety.prefilter import AnyOf


def any_of(*patterns: str) -> AnyOf:
    """The cue list of `patterns`: found in a text where any of them matches (see `prefilter.AnyOf`)."""
    return AnyOf(*patterns)


def cue_list(pattern: str) -> AnyOf:
    """One long pattern as a cue list: found where it would be, each of its top-level alternatives tried
    only on a text holding what it needs."""
    return AnyOf(pattern)


# The writer or someone close to them: "i", "my", "we"; a chat message with no pronoun is its writer's.
PERSONAL = re.compile(r"\b(?:i|im|ive|id|ill|me|my|myself|mine|u|ur|we|us)\b")
# Plainly about other people, research or the past ("PCP users jumped out of windows in the 70s").
IMPERSONAL = re.compile(
    r"\b(?:people|users|patients|someone|somebody|soldiers|veterans|historically|history|in the (?:19)?70s|"
    r"rats|mice|animals|studies|study|research|he says|huberman|the episode|in the episode)\b"
)
# Figures of speech that use the words of danger ("dying to know", "this ep killed me").
FIGURES = AnyOf(
    # (before "im dead" alone: "I'M DEAD 💀 i can't breathe" is laughter, all of it); "kms" at an ad or a
    # laugh: "if i hear one more AG1 ad im gonna kms", "kms this server is too funny"
    r"\b(?:one\s+more|another)\s+(?:\w+\s+){0,2}(?:ad|ads|read|sponsor\w*)\b.{0,30}\b(?:kms|kill\s+myself|die)\b|"
    r"\bkms\b(?=.{0,40}\b(?:funny|hilarious|lol\w*|lmao\w*|haha\w*|crying)\b)(?!.{0,40}\bnot\s+(?:the\s+)?(?:funny|joking|a\s+joke|kidding))|"
    # an exam's hyperbole: "im going to fail and die"
    r"\b(?:gonna|going\s+to)\s+fail\s+and\s+die\b|\b(?:exams?|finals|midterms?|tests?|bar)\b.{0,40}\b(?:gonna|going\s+to)\s+die\b|"
    # ... and a working week's: "my boss scheduled a 7am meeting on a monday, i'm going to die"
    r"\b(?:meetings?|mondays?|boss|deadlines?|shift|commute|traffic|leg\s+day|workout)\b.{0,60}\b(?:im|i\s+am|i\s+m)\s+(?:going\s+to|gonna)\s+die\b(?!\s+(?:tonight|soon|anyway))|"
    r"\b(?:im|i\s+am)\s+dead\b.{0,20}\bcant\s+breathe\b|\bcant\s+breathe\s+(?:lol|lmao|haha\w*|from\s+laughing)\b|"
    r"\bdying\s+to\s+(?:know|hear|see|try|find|learn)\b|\b(?:killed|killing|kills)\s+(?:it|me)\b(?=.*(?:lol|lmao|haha|episode|ep\b|pod))"
    r"|\boverdos\w*\s+on\s+(?:episodes?|content|podcasts?|huberman|(?:neuro\s*)?science|knowledge|facts|learning|studying|dopamine|self\s*-?\s*help|info|information|coffee|cold\s+brew|caffeine|espresso|lattes?|sugar|candy|memes|tiktok|netflix|reddit|youtube|videos?)\b|\bdead\s+tired\b"
    r"|\b(?:unalive|kill|shoot|end)\s+me\s+(?:now\s+)?if\s+(?:he|she|they|i\s+hear|i\s+have\s+to|i\s+see|one\s+more|we)\b"
    r"|\b(?:id|i would)\s+(?:kill|die)\s+for\b|\bkiller\s+(?:episode|ep|content)\b|\blifesaver\b|\bim\s+(?:literally\s+|so\s+|actually\s+)?dead\b(?!\s+inside)|\bdying\s+(?:at|over|laughing)\b"
    r"|\b(?:wanna|want to)\s+(?:die|sleep\s+forever)\b(?=.*\b(?:lyric|lyrics|song)\b)"
    r"|\b(?:wanna|want to)\s+die\b(?=.*\b(?:episode|ep|hours?|long|lol|lmao)\b)|\bdead\s+(?:asleep|serious|wrong|set on|center)\b"
    r"|\bk\s*-?\s*hole\s+of\s+(?:youtube|videos?|content|reddit|wikipedia|tiktok)\b|\brabbit\s+hole\b"
    # habits, batteries, embarrassment and jokes about the ads
    r"|\bslowly\s+killing\s+(?:myself|me)\b|\b(?:phone|battery|laptop|charger|plants?)\s+(?:is\s+|was\s+|are\s+|were\s+)?(?:dying|dead|died)\b"
    r"|\bdie\W+(?:of|from)\s+(?:embarrassment|shame|cringe|laughter|laughing|boredom)\b"
    r"|\bmade\s+me\s+want\s+to\s+(?:jump|die|scream)\b(?=.*\b(?:lol|lmao|haha|ad|ads|read|reads)\b)"
    # exclamations reported ("i screamed 'im gonna die' lmao", "'ill pass out' is what i said"), games
    r"|\b(?:screamed|yelled|shouted|gasped|went|was\s+like)\s+(?:im|i\s+am|ill|i\s+will)\s+(?:\w+\s+){0,2}(?:die|dead|pass\s+out)\b"
    r"|\b(?:\w+\s+){1,8}(?:is|was)\s+what\s+i\s+(?:said|thought|screamed|yelled|texted|told)\b|\b(?:be|been|is|was)\s+the\s+death\s+of\s+me\b"
    # someone else told to jump ("organic chem can go jump off a cliff"); a fear of dying, no wish ("mid trip
    # your heart is pounding and ur convinced ur gonna die"); sleep after a long night ("finally passed out at 3am")
    r"|(?<!\bi\s)\b(?:can|should|could|may)\s+(?:go\s+)?jump\s+off\s+a\s+(?:cliff|bridge)\b"
    r"|\b(?:convinced|sure|afraid|scared|terrified|worried|panicking|thought|thinking)\s+(?:that\s+)?(?:i|im|u|ur|you|youre|hes|shes|he|she|they|theyre)\s+(?:was\s+|were\s+|is\s+|are\s+)?(?:gonna|going\s+to|about\s+to)\s+die\b"
    # idioms and life's paperwork: "anxiety through the roof", "kill me now, 3 hour all-hands meeting", "this
    # episode is the only thing keeping me alive", "updated my will since the baby is due in february"
    # "if he says neuroplasticity one more time im going to die"
    r"|\bif\s+(?:he|she|they|huberman|someone)\s+says?\s+(?:\w+\s+){0,3}one\s+more\s+time\b.{0,30}\b(?:die|kms|kill\s+myself|scream|lose\s+it)\b"
    r"|\bthrough\s+the\s+roof\b|\bkill\s+me\s+now\b(?=.{0,40}\b(?:meetings?|class|lectures?|shift|work|exams?|traffic|commute|all\s*-?\s*hands|calls?)\b)"
    r"|\b(?:this\s+(?:episode|ep|podcast|pod)|coffee|caffeine|podcasts?)\b.{0,60}\bonly\s+thing\s+keeping\s+me\s+(?:alive|sane|going)\b"
    r"|\b(?:updated|wrote|made|did|redid|finished)\s+(?:my|our|a)\s+(?:will|life\s+insurance|estate\s+plan\w*)\b(?=.{0,60}\b(?:baby|wedding|married|marriage|house|mortgage|kids?|pregnan\w*|due|newborn|retire\w*)\b)"
    r"|\b(?:finally|basically)\s+(?:passed|crashed|conked)\s+out\b|\b(?:passed|crashed|conked)\s+out\s+(?:on\s+the\s+(?:couch|sofa)|(?:at|around)\s+\d{1,2}(?::\d\d)?\s*(?:am|pm)?)\b"
    # a crisis long over, its years told: "I was suicidal in my early 20s, I'm 38 now and genuinely happy"
    r"|\bwas\s+(?:\w+\s+)?su[i1]c[i1]dal\s+(?:in|during|as|back\s+in|through(?:out)?)\s+(?:my\s+|a\s+)?(?:early\s+|mid\s+|late\s+)?"
    r"(?:teens|teen|twenties|20s|thirties|30s|college|high\s+school|uni|university|kid|teenager)\b"
    r"|\b(?:kms|kys|kill\s+myself|killed\s+myself|suicide)\s+(?:\w+\s+){0,2}(?:every|each)\s+(?:round|game|match|run|level|time\s+i\s+play)\b"
    # schoolwork or a job that "will kill me", in a few languages ("cet exam va me tuer", "ye exam meri jaan le lega")
    r"|\b(?:exams?|tests?|finals?|class|job|work|boss|homework|assignments?|semester|deadlines?|shift)\s+(?:\w+\s+){0,2}(?:va\s+me\s+tuer|meri\s+jaan\s+le\s+(?:lega|legi|lenge)|will\s+kill\s+me|is\s+(?:gonna|going\s+to)\s+kill\s+me|me\s+va\s+a\s+matar|vai\s+me\s+matar|mi\s+uccider\w*|bringt\s+mich\s+um)\b"
    # "kms if i have to sit through one more ad", a quote said to be "me every time my code doesnt compile"
    r"|\b(?:kms|kys|kill\s+myself|unalive\s+myself)\s+if\s+(?:i\s+have\s+to|i\s+hear|i\s+see|one\s+more|he|she|they)\b"
    r"|^.{0,100}\bme\s+(?:every\s+(?:single\s+)?time|whenever)\s+(?:my|i|the|a|someone)\b.*$"
    # games and ads: "died to malenia like 47 times", "throw my controller out the window", "if i have to sit
    # through one more ag1 ad im going to jump off a bridge lmao"
    r"|\bdied\s+(?:to\s+\w+\s+)?(?:like\s+)?\d+\s+times\b|\bthrow\w*\s+(?:my|the)\s+(?:controller|phone|laptop|keyboard|tv|remote)\s+out\s+(?:of\s+)?(?:the|a)\s+window\b"
    r"|\bif\s+i\s+(?:have\s+to|hear|see)\b.{0,60}\b(?:jump\w*\s+off\s+(?:a|the)\s+\w+|kill\s+myself|kms|die)\b(?=.*\b(?:lol|lmao|haha|ads?)\b)"
    # "so tired of these sponsor reads i could die", "so happy i could die"
    r"|\b(?:i\s+)?could\s+(?:literally\s+|just\s+)?die\b(?!\s+(?:tonight|today|now|and|soon))"
    # "i want to die (jk)": a joke said to be one, unless it is taken back ("jk. mostly.")
    r"|\b(?:(?:wanna|want\s+to)\s+die|jump\w*\s+off\s+(?:a|the)\s+(?:bridge|roof|building|cliff)|kill\w*\s+myself)\b[^a-z]{0,12}\b(?:jk|j\s+k|just\s+kidding|in\s+(?:the\s+)?(?:game|\w*craft|roblox|fortnite|gta|valorant|skyrim|sims|elden\s+ring))\b(?![^a-z]*(?:mostly|not\s+really|kinda|maybe|half|or\s+not|unless))"
    # asking what the slang means, leaving an app for good
    r"|\bwhat\s+(?:does|do|is)\s+(?:kms|kys|unalive)\s+(?:mean|stand\s+for)\b|\blog(?:ging)?\s+off\s+(?:of\s+)?(?:twitter|x|insta\w*|tiktok|reddit|discord|social\s+media|facebook|fb|youtube|snap\w*)\s+for\s+good\b"
    # dying of laughter or to know, dead tired, in other languages ("me muero de ganas", "ich lach mich tot")
    r"|\bme\s+(?:muero|mori)\s+de\s+(?:ganas|risa|sueno|hambre|curiosidad|verguenza)\b|\bmorr\w*\s+de\s+(?:rir|curiosidade|vontade|sono|fome|vergonha)\b"
    r"|\bmort\w*\s+de\s+(?:rire|fatigue)\b|\blach\w*\s+(?:mich|mir)\s+(?:\w+\s+)?tot\b|\btodmude\b|\bumieram\s+ze\s+(?:smiechu|zmeczenia)\b|\bgulmekten\s+ol\w*"
    r"|\bmorto\s+di\s+(?:sonno|fame|stanchezza)\b|\bmuoio\s+dalla\s+voglia\b|\bngakak\s+(?:\w+\s+)?mati\b|\bcuoi\s+chet\b|\bmet\s+muon\s+chet\b|\bnamatay\s+(?:ako\s+)?(?:sa\s+)?kakatawa\b"
    r"|\bhass\s+hass\s+ke\s+mar\b|\bumer\w*\s+so\s+smekhu\b|умер\w*\s+со\s+смеху|смертельно\s+устал|笑い死|웃겨\s*죽"  # noqa: RUF001
    r"|\b(?:im|i\s+am|i\s+m)\s+(?:going\s+to|gonna)\s+(?:end\s+it\s+all|kill\s+myself|die)\s+(?:tonight\s+)?me\s+(?:at|when|after|every|whenever)\b"
    r"|\bif\s+(?:he|she|they)\s+(?:has|have)\s+to\b.{0,80}\b(?:jump\w*\s+(?:out|off)|kill\s+(?:himself|herself|themselves))\b(?=.*\b(?:lol|lmao|haha\w*|ground\s+floor)\b)"
    r"|\bhad\s+me\s+(?:(?:on\s+the\s+floor|in\s+tears)\s+)?(?:dying|gasping|wheezing|crying|choking|on\s+the\s+floor)(?:\s+for\s+air)?\b|\bsuicide\s+squad\b|\bchest\s+day\b|\b(?:kms|killed\s+myself|died)\s+\d+\s+times\b|\bwant(?:ed|s)?\s+to\s+die\b(?=.*\b(?:lol|lmao|haha|pitch|game|match|lost|destroyed)\b)"
    # venting with a laugh: "ya no aguanto a mi jefe jajaja", "nao aguento mais kkkk"
    r"|\b(?:ya\s+no\s+aguanto|no\s+aguanto\s+mas|nao\s+aguento\s+mais|ich\s+kann\s+nicht\s+mehr|je\s+n\s*en\s+peux\s+plus|non\s+ce\s+la\s+faccio\s+piu|i\s+cant\s+take\s+(?:it|this)\s+anymore)\b"
    r"(?=.{0,80}\b(?:jaja\w*|jeje\w*|kkk+|haha\w*|hehe\w*|rsrs\w*|lol\w*|lmao\w*|mdr|xd)\b)"
    # a game's boss: "this elden ring boss has killed me 47 times, i want to die 😭"
    # a teenager's hyperbole told: "says hell literally die if he doesnt podium lol"
    r"|\b(?:hell|shell|theyll|he\s+will|she\s+will|they\s+will)\s+(?:literally\s+|actually\s+)?die\s+if\s+(?:he|she|they)\s+(?:doesnt|dont|does\s+not|do\s+not|cant|loses?|miss\w*|fails?|has\s+to|have\s+to)\b"
    r"(?=.*\b(?:lol\w*|lmao\w*|haha\w*|teenagers?|race|game|podium|match|exam|test|concert|tickets?|tournament)\b)"
    r"|\b(?:boss|level|raid|game|match|round)\b.{0,60}?\b(?:want(?:ed|s)?\s+to\s+die|kms)\b|\bkilled\s+me\s+(?:like\s+)?\d+\s+times\b"
)


# Words in quotes: what the episode says, not what the writer asks ('"is that a word?" lmaooo').
QUOTE = re.compile(
    r'"[^"]{1,120}"|\u201c[^\u201d]{1,120}\u201d|(?<!\w)[\'\u2018][^\'\u2019\n]{3,120}[\'\u2019](?!\w)'
)


@lru_cache(maxsize=16)
def without_figures(plain: str) -> str:
    """A message's plain text with its figures of speech taken out, as the crisis and emergency readers
    read it: made once for all of them."""
    return FIGURES.sub(" ", plain)


# Past and over: "my grandma had a seizure years ago, shes okay now".
# Said to be well now, in time, or out of danger: "8 months in remission", "not in danger or anything".
SAID_WELL = r"\b(?:months?|years?|weeks?)\s+in\s+remission\b|\bnot\s+in\s+(?:any\s+)?danger\b"
OVER = re.compile(
    r"\b(?:years?|months?)\s+ago\b|\bback\s+in\b|\bwhen\s+i\s+was\s+(?:a\s+)?(?:kid|child|teen|young)\b"
    r"|\b(?:in|around|circa|during)\s+(?:19|20)\d\d\b|\b(?:in|through|throughout|during)\s+(?:the\s+)?(?:19)?[1-9]0s\b|\b(?:is|was|s|are|were|hes|shes|theyre|im)\s+(?:totally\s+|completely\s+|all\s+)?(?:fine|okay|ok|alright|better)\s+now\b"
    r"|\b(?:shes|hes|theyre|were|im)\s+(?:totally|completely|perfectly)\s+(?:fine|okay|ok|alright)\b"
    rf"|\bturned\s+out\s+(?:fine|ok|okay)\b|\ball\s+(?:good|fine)\s+now\b|\brecovered\b|\bsurvived\b|{SAID_WELL}|\bdoing\s+(?:great|well|better|fine|good)\b"
    r"|\b(?:is|s|hes|shes|theyre|im)\s+\d{1,2}\s+now\b|\bnow\s+and\s+(?:totally\s+|completely\s+)?(?:fine|okay|ok|healthy)\b"
    r"|\b(?:was|were)\s+(?:totally\s+|completely\s+)?(?:fine|okay|ok)\s+(?:after|the\s+next\s+(?:day|morning))\b"
)
# An emergency told afterwards: "my friend overdosed last summer".
PAST_EVENT = re.compile(
    r"\blast\s+(?:year|month|summer|winter|spring|fall|autumn|week)\b|\bweeks?\s+ago\b|\byesterday\b"
    # told the day after ("my friends just laughed the next day like 'dude u took way too much'")
    r"|\bthe\s+(?:next|following)\s+(?:day|morning)\b|\bthe\s+day\s+after\b"
)
# Hours or minutes ago is now: "swallowed a bunch of tylenol an hour ago, says shes fine now" is not over.
_HOURS_AGO = r"\b(?:an?|\d+|few|couple\s+(?:of\s+)?)\s+(?:hours?|hrs?|minutes?|mins?)\s+ago\b"
HOURS_AGO = re.compile(_HOURS_AGO)
# A time that is now, or a call for help that means it: "rn", "currently", "please", "hurry", "an hour ago".
NOW = re.compile(
    # (not a thing that helps: "does a nightcap actually help you sleep")
    r"\b(?:rn|right\s+now|now|tonight|currently|atm|help(?!\s+(?:you|u|people|someone|them|with|sleep|to|in|for)\b)|please|asap|hurry)\b"
    rf"|{_HOURS_AGO}"
    # where the writer is, now: "im in my car in the garage with the engine running"
    r"|\b(?:im|i\s+am)\s+(?:in|at|sitting\s+in|lying\s+in|standing\s+on)\s+(?:my|the)\b"
    r"|\bjust\s+(?:went|walked|found|came|checked|got\s+home|had|took|collapsed|passed\s+out|started)\b|\btoday\b"
    # a scene told as it is: "she's on the bathroom floor and i can't get her to answer me, i'm shaking"
    r"|\b(?:hes|shes|theyre)\s+(?:\w+\s+)?(?:on\s+the\s+(?:\w+\s+)?floor|lying|not\s+moving)\b|\bcant\s+get\s+(?:him|her|them)\s+to\s+(?:answer|respond|wake)\b"
    r"|\b(?:im|i\s+am)\s+(?:shaking|freaking\s+out|panicking|so\s+scared)\b"
)
