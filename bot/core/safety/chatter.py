"""Chatter: thanks, praise, jokes and remarks about the show that ask nothing, so nothing is looked up."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.core.message import Message
from bot.core.safety.patterns import QUOTE as _QUOTE
from bot.core.safety.patterns import cue_list
from bot.core.text import fold

# Greetings, thanks and laughter alone.
_SMALL_TALK = re.compile(
    r"^(?:(?:hi|hey|hello|yo|sup|hiya|howdy|gm|gn|good (?:morning|night|evening|afternoon)|thanks?|"
    r"thank you|thx|ty|tysm|cheers|lol|lmao|rofl|haha\w*|hehe\w*|ok|okay|k|cool|nice|great|awesome|wow|"
    r"love (?:it|this|you|u)|bye|goodbye|see ya|cya|gg|xd|yes|no|nope|yep|yeah|nah|test|testing|ping|"
    r"bruh|bro|dude|man|bot|you|u|are|is|the|this|that|a|so|very|much|for|great|video|episode|podcast|"
    r"show|content|work|job|stuff|amazing|helpful|informative|interesting|good|best|ever|really|"
    r"appreciate(?:d)?|it|all|guys|everyone|buddy|pal|again|still|there|working|alive|whats up|wassup|how are (?:you|u))"
    r"[\s!.?,]*)+$"
)
# A message asks something when it says so: a question mark, a question word, a request.
# Where a question can start: the message's start, after punctuation or an emoji, or after a filler word.
_CLAUSE = r"(?:^|[^\w\s']\s*|\b(?:and|so|but|also|anyway|btw|ok|okay|quick\s+q|question|lol+|lmao+|haha\w*|tho|like|still)\s+)"
_ASKS = cue_list(
    rf"\?|{_CLAUSE}(?:what(?!\s+an?\s+(?:\w+\s+){{0,2}}\w+\W*$)|whats|how|hows|why|when|where|wheres|which|whos|whose|who(?!\s+else))\b"
    # "did my first infusion last year" tells, where "did he say" asks
    rf"|{_CLAUSE}(?:does|did(?!\s+(?:my|a|an|some|\d))|do|is|are|can|could|should|would|will|was|were|has|have|tell\s+me|remind\s+me)\b"
    # asked in the negative: "wouldnt a drug that makes you dissociate make it worse", "isnt ketamine an opioid"
    rf"|{_CLAUSE}(?:doesnt|didnt|isnt|arent|cant|couldnt|shouldnt|wouldnt|wont|wasnt|werent|hasnt|havent)\s+(?:it|this|that|a|an|the|he|she|they|you|u|ketamine|k|ket|[a-z]+ing)\b"
    # doubt and worry about one's own case: "not sure i trust him", "is that something i should be worried about"
    r"|\bnot\s+sure\s+(?:i\s+|if\s+i\s+)?(?:trust|believe|buy)\b|\bsomething\s+i\s+should\s+(?:\w+\s+)?(?:be\s+)?(?:worried|worry|concerned)\b"
    r"|\b(?:anyone|somebody|someone)\s+(?:know|remember|have|got|wanna|want\s+to|care\s+to|can|could)\b|\bam\s+i\b|\b(?:dying|want|wanna|need)\s+to\s+know\b|"
    r"\blost\s+me\b|\bover\s+my\s+head\b|\bdumb\s+(?:it\s+)?down\b|\bpls\b|\bplz\b|(?<!best\s)(?<!great\s)(?<!good\s)(?<!clear\s)(?<!clearest\s)(?<!for\sthe\s)(?<!for\sthat\s)\bexplanation\b(?!\s+(?:\w+\s+)?(?:was|is|made|finally|really|honestly|of\s+\w+\s+(?:was|is)))|\b(?:i\s+wonder|wondering|curious|dont\s+get|dont\s+understand|confused|"
    r"the\s+(?:bit|part|section|moment)\s+(?:about|where|with|when)|right\s*$|"
    r"looking\s+for|explain|(?<!idea\s)how\s+(?:many|much|long|often)|any\s+(?:tips|advice|ideas|recs|recommendations|suggestions)|(?:before|after)\s+or\s+(?:before|after)|(?:does|did|will|would|can)\s+(?:that|this|it)|is\s+(?:that|this|it|ketamine|ket|k|the\s+\w+)\s+(?:normal|ok|okay|fine|bad|safe|true|real|dangerous|common|a\s+thing)|(?:idk|dunno|not\s+sure|unsure|no\s+idea)\s+(?:if|whether)|^\s*if\s+(?:i|im|my|we|you|u)|(?:should|can|could|do|would)\s+(?:i|we)|need\s+(?:help|to\s+find|an?\s+(?:link|source|answer|citation|reference|paper|study)|the\s+(?:link|source|timestamp|part|study|paper|citation|reference))|(?<!this\s)(?<!that\s)link|timestamp|source|sources|citations?|eli5|tldr|summar\w*)\b"
)
# Thanks, praise, laughter, and remarks about the host, his voice, the speed, the ads or the channel.
_CHATTER = cue_list(
    r"\b(?:thanks?|thank\s+(?:you|u)|thx|ty|tysm|appreciate\w*|grateful|love\s+(?:this|it|you|u|the|his|how|these)|"
    r"great|amazing|awesome|excellent|brilliant|incredible|fantastic|goat|legend|banger|fire|masterclass|gem|underrated|"
    r"lol+|lmao+|lmfao+|rofl|haha\w*|hehe\w*|jk|joke|funny|hilarious|brb|^\s*first|who\s+else|anyone\s+else\s+(?:here|watching|listening)|"
    r"voice|sounds?\s+like|beard|shirt|hair|jacket|outfit|\d(?:\.\d+)?x|speed|(?:ads?|ad\s+reads?|sponsor\s+reads?)\s+(?:are|were|is)|sponsors?\s+(?:are|is)|"
    r"my\s+sign|go(?:ing)?\s+to\s+bed|listened\s+to\s+this|watching\s+(?:this\s+)?in\s+20\d\d|subscribed|notification|helped\s+me|"
    r"love\s+(?:him|her|them|that)|"
    r"as\s+always|channel|\d{1,2}\s*/\s*10|never\s+misses|(?:\d|five)\s+stars?|shout\s*-?\s*outs?\s+to|is\s+why\s+i\s+(?:subscribe\w*|watch|listen)|"
    r"(?:perfect|great|good|ideal)\s+(?:episode|ep|pod|podcast|listen|video)\s+for\s+(?:the|my|a)\s+\w+)\b|>{3}"
    r"|[\U0001F600-\U0001F64F\U0001F480\U0001F525\u2764\U0001F923\U0001F44F\U0001F64C]"
)


# How the host looks or sounds is never in an episode, asked or not, whatever rare word comes with it:
# "wait is the beard back??", "his voice is like asmr".
_HOST_REMARK = re.compile(
    r"\b(?:beard|shirt|jacket|outfit|haircut|mustache|moustache)\b|\b(?:his|hubermans|andrews)\s+voice\b"
    r"|\bwith\s+a\s+(?:completely\s+|totally\s+|dead\s+|perfectly\s+|straight\s+)?straight\s+face\b"
    # how he sounds: "why does he sound like hes narrating a nature doc even at 1.5x"
    r"|\b(?:he|huberman|andrew)\s+sounds?\s+like\b"
)


# (a son's jacket is no remark on the host's: "found a little baggie in my 17yo son's jacket")
_SOMEONE_ELSES_CLOTHES = re.compile(
    r"\b(?:my|your|our)\s+(?:\w+\s+){0,2}(?:beard|shirt|jacket|outfit|haircut|mustache|moustache)\b"
)


# Nor is the show's schedule, the server's housekeeping, praise that the host "could read the phone book",
# or a task from elsewhere that says so ("off topic but", "translate ... into", "for hw").
_NOT_IN_AN_EPISODE = cue_list(
    # a member's work praised: "whoever made the summary pinned above, you're a legend"
    r"\b(?:whoever|who|person\s+who)\s+(?:made|wrote|posted|pinned|did)\s+(?:the|this|that|these|those)\s+(?:\w+\s+)?(?:summary|summaries|notes|timestamps|recap|transcript)\b|"
    # leaving the channel, and sharing one's story with no question: "unsubscribed. tired of him pushing
    # supplements", "ketamine saved my life ... just sharing for anyone whos scared to try it"
    r"\bunsub(?:scribed|scribing|bed|bing)?\b|\bjust\s+sharing\s+(?:for|in\s+case|bc|because)\b|"
    # the host's tour and shows: "anyone know when hubermans live tour comes to london?"
    r"\blive\s+(?:tour|shows?|events?)\b|\btour\s+(?:dates?|stops?)\b|\btickets?\s+(?:for|to)\s+(?:the|his|a)\s+(?:\w+\s+)?(?:tour|show|event|live)\b|"
    r"\bnext\s+(?:episode|ep|video|one|pod)\s+(?:\w+\s+)?(?:drops?|dropping|comes?\s+out|coming\s+out|releases?|out)\b"
    r"|\bpinned\s+(?:thread|post|message|rules)\b|\bmods?\s+(?:can|could|pls|please|should)\b"
    r"|\b(?:can|could|would|will)\s+(?:a|the|any|some|one\s+of\s+the)\s+mods?\b|\bpin\s+(?:the|this|that|a)\s+(?:rules|post|message|thread|link)\b"
    # requests for the show ("a part 2 with a guest psychiatrist") and how the upload sounds
    r"|\bpart\s+(?:2|two|ii)\s+(?:with|on|about)\b|\bnext\s+week\s+is\s+the\b|\bwould\s+love\s+(?:a|an)\s+(?:\w+\s+)?(?:part|episode|ep|follow\s*-?\s*up|guest)\b"
    r"|\b(?:audio|sound|mic|volume)\s+(?:is|was|quality|levels?)\b.{0,40}\b(?:upload|video|ep|episode|quiet|loud|bad|off)\b"
    r"|\b(?:audio|sound|mic|volume)\b.{0,40}\b(?:quiet|muffled|echo\w*|distorted|out\s+of\s+sync|clipp\w*|crackl\w*|peaking)\b"
    # the bot and the server themselves: its nickname, a channel for something, a clip of the episode
    r"|\bnickname\b|\bbots?\s+(?:name|avatar|pfp|status)\b|\b(?:a|separate|new|dedicated|own)\s+(?:discussion\s+)?(?:channel|thread)\s+for\b"
    r"|\b(?:give|get|assign)\s+(?:me\s+)?(?:the\s+)?\w+\s+role\b|\breaction\s+roles?\b|\bthanks?\s+(?:\w+\s+)?mods?\b"
    r"|\b(?:is|are)\s+(?:the|this)\s+bot\b|\bthe\s+bot\s+(?:in\s+this|an?\s+ai)\b|\b(?:still|been)\s+up\s+(?:listening|watching)\b"
    r"|\b(?:ad|ads|read|reads|sponsor\w*)\b.{0,30}\b(?:word\s+for\s+word|by\s+heart|memori[sz]ed)\b|\brecite\s+the\s+\w+\s+(?:ad|read)\b"
    r"|\bmake\s+(?:a|an)\s+(?:\w+\s+){0,2}(?:tiktok|short|reel|clip|meme)\b"
    # the sponsors' codes and skipping their reads
    r"|\b(?:promo|discount|sponsor|affiliate|\w+)\s+code\s+(?:still\s+)?(?:works|worked|is\s+(?:valid|working|dead|expired))\b|\bhit(?:ting)?\s+skip\b"
    # remarks about the ads ("skipped the eight sleep ad so fast", "ROKA ads on a ketamine episode")
    r"|\bskip(?:ped|ping)?\s+(?:the\s+)?(?:\w+\s+){0,2}(?:ad|ads|read|sponsor\w*)\b|\b(?:are|is)\s+(?:all|just|only)\s+(?:ads|sponsors?)\b|\b(?:ad|ads|read|reads|sponsors?)\s+(?:\w+\s+){0,4}(?:is|was|are|were|getting|get)\s+(?:a\s+)?(?:wild|long|longer|so\s+long|too\s+long|out\s+of\s+hand)\b"
    r"|\bcould\s+(?:read|explain|narrate|talk\s+about)\s+(?:me\s+)?(?:the\s+)?(?:phone\s*book|paint\s+drying|a\s+grocery\s+list|anything|the\s+dictionary)\b"
    # a call to the others in the channel: "anyone else up at 4:30 in the morning", "whos online rn"
    r"|\b(?:anyone|any1|who|whos)\s+(?:else\s+)?(?:is\s+)?(?:up|awake|online|around|listening|watching)\s+(?:at|rn|right\s+now|this\s+(?:late|early)|tonight|too)\b"
    # the server's events at a time of day ("voice chat at 9:00", "listening party stream tonight at 7:30")
    r"|\b(?:voice\s+chat|vc|stream|livestream|listening\s+party|watch\s+party|meetup|stage\s+channel|rsvp\w*|reading\s+group|book\s+club|study\s+group)\b.{0,80}(?:\b(?:(?:at|to|moved\s+to)\s+\d|tonight|tomorrow|tmrw|pm|am|est|pst|utc|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b|\d\s*(?:pm|am)\b)"
    r"|\b(?:joining|join|starts?|starting)\s+(?:the\s+)?(?:voice\s+chat|vc|stream|call|party)\b"
    # skipping to a time to miss the ads is about the ads ("skip to 5:13 if u dont want the roka ad")
    r"|\bskip\w*\s+(?:to|past|ahead)\b.{0,50}\b(?:ads?|sponsors?|reads?)\b|\b\d+\s+(?:ad\s+reads?|ads|sponsor\s+reads?|sponsors)\b"
    # a guest asked for ("bring nolan williams on as a full guest"), the others' stories asked for ("drop your
    # k-hole stories in the replies"), the ads skipped ("the first 5 min are ads, just skip to 5:13")
    r"|\b(?:bring|get|have|invite)\s+(?:\w+\s+){1,3}on\s+(?:as\s+(?:a\s+)?(?:\w+\s+)?guest|the\s+(?:pod|show|podcast))\b"
    r"|\b(?:should\s+have|shouldve|should\s+of)\s+(?:brought|had|invited|gotten)\s+(?:\w+\s+){1,3}on\b"
    r"|\b(?:listened|listening|watched|watching)\s+(?:\w+\s+){0,2}at\s+\d(?:\.\d+)?\s*x\b"
    r"|\bgood\s+(?:morning|afternoon|evening|night)\s+(?:fellow|everyone|all|yall|fam|friends|nerds)\b"
    r"|\b(?:drop|share|post|tell)\s+(?:your|ur|yall|yalls)\b.{0,50}\b(?:below|in\s+the\s+(?:replies|comments|thread|chat))\b"
    r"|\b(?:ads?|sponsors?|sponsor\s+reads?)\b.{0,30}\bskip\w*\s+(?:to|past|ahead)\b"
    r"|\b(?:ads?|sponsors?|reads?)\s+(?:\w+\s+)?(?:til|till|until|up\s+to|to)\s+\d{1,2}:\d\d\b"
    r"|\b(?:ad|ads|read|sponsor\w*)\b.{0,20}\bskipped\b|\b(?:ad|ads|read)\s+(?:\w+\s+)?(?:straight\s+)?into\b"
    r"|\b\d(?:\.\d+)?\s*x\s+speed\b|\bplayback\s+speed\b|\b(?:new|next|last)\s+season\s+of\b|\bseason\s+(?:\d+|finale)\b"
    r"|\b(?:do|make|need)\s+(?:an?\s+)?(?:\w+\s+){0,3}(?:episode|ep|video|follow\s*-?\s*up|part\s+(?:2|two))\s+(?:\w+\s+)?(?:on|about|with)\b"
    # no question at all, said so; the others' favourite episodes, the show's format, another game's score
    r"|\b(?:dont|do\s+not)\s+(?:even\s+|really\s+)?have\s+a\s+question\b"
    r"|\b(?:everyones|everybodys|yalls|ur|your)\s+(?:fav|fave|favorite|favourite)\s+(?:huberman\s+)?(?:ep|eps|episode|episodes|guest|guests)\b"
    r"|\banyone\s+else\s+(?:annoyed|bothered|tired|sick|bored|frustrated)\s+(?:\w+\s+){0,6}(?:episodes|eps|ads|guests|sponsors|format)\b"
    r"|\bwho\s+won\s+(?:the\s+)?(?:game|match|fight|race|last\s+night)\b"
    # the comment section's roll call: "who's watching in 2026?", "anyone here from brazil"
    r"|\b(?:who|whos|anyone|any1)\s+(?:is\s+|else\s+|else\s+is\s+)?(?:still\s+)?(?:watching|listening|here)\s+(?:in|from)\s+(?:20\d\d|\w+)\s*\W*$"
    # the show's ads, complained of: "why does every episode start with 5 min of ads man", "so many ads lately"
    r"|\b(?:every|each)\s+(?:single\s+)?(?:episode|ep|video|vid|pod)\s+(?:\w+\s+){0,2}(?:start|starts|begin|begins|open|opens)\s+with\s+(?:\w+\s+){0,4}(?:ads?|sponsors?|ad\s+reads?)\b"
    r"|\b(?:so|too)\s+many\s+(?:ads|sponsors|ad\s+reads|sponsor\s+reads)\b"
    r"|\bwhy\s+am\s+i\s+(?:still\s+)?(?:listening|watching|awake|up|doing\s+this)\b"
    r"|\bmore\s+of\s+(?:that|this|these|those|him|it)\s+(?:please|pls|plz)\b"
    r"|\boff\s*-?\s*topic\b|\btranslate\b.{1,60}\b(?:to|into|in)\s+(?:spanish|german|french|english|italian|portuguese|hindi|japanese|chinese)\b"
    r"|\bneed\s+(?:it|this|help|an?\s+answer)\s+(?:for|with)\s+(?:my\s+)?(?:hw|homework)\b|\b(?:hw|homework)\s+(?:help|question|problem)\b"
)


# A channel named ("#general is dead lol") in a message of at most CHANNEL_WORDS words; a longer one may
# still ask of the episode ("follow-up to what marcus said in #general ... does ketamine raise dopamine?").
_CHANNEL = re.compile(r"(?:^|\s)#[a-z][\w-]*")
CHANNEL_WORDS = 25

_SYMBOLS = re.compile(r"[^\w\s!.?,']")


def is_small_talk(message: Message) -> bool:
    """Greetings, thanks, laughter and the like alone, a remark on the host, or nothing an episode holds."""
    # Emoji and other symbols say nothing more: "great episode thanks!! 🙏" is thanks alone.
    bare = _SYMBOLS.sub(" ", message.folded).strip()
    return bool(
        _SMALL_TALK.match(bare)
        or _HOST_REMARK.search(_SOMEONE_ELSES_CLOTHES.sub(" ", message.folded))
        or _NOT_IN_AN_EPISODE.found_in(message.folded)
        or (len(message.words) <= CHANNEL_WORDS and bool(_CHANNEL.search(message.folded)))
    )


# A longer story with a laugh in it may still tell of something to look up ("my grandpa got it for surgery
# in the 80s lol, crazy its the same stuff they use for depression now").
REACTION_WORDS = 20
# Laughing at or reacting to a moment: a joke, however rare the word it names ("the rat part killed me 💀").
_REACTION = cue_list(
    r"\b(?:lol+|lmao+|lmfao+|rofl|haha\w*|hehe\w*|killed\s+me|killing\s+me|im\s+dead|i'?m\s+dead|deceased|sent\s+me|iconic|"
    r"no\s+notes|goes\s+(?:so\s+)?hard|(?:bro|this\s+man)\s+(?:really\s+)?said|he\s+really\s+said|imagine\s+(?:being|working|if)|"
    r"gang|dont\s+@\s+me|nobody|me\s+(?:after|falling|when|trying)|sound\s+effects?|had\s+me|looked\s+at\s+me\s+like|"
    r"listening\s+(?:to\s+(?:this|these|him|it)\s+)?(?:at|on|during|while|in\s+the)|listening\s+to\s+this|alarm\s+clock\s+at\s+this\s+point|"
    r"see\s+myself\s+out|fight\s+me|no\s+regrets|hits?\s+different|lets\s+go+|love\s+(?:him|her)|rise\s+up)\b|\d{1,2}\s*/\s*10"
    # a greeting that opens a remark: "gm everyone ☀️ getting my morning sunlight in"
    r"|^\s*(?:gm|gn|good\s+(?:morning|evening|night)|morning)\b(?=\s*(?:[!,.]|everyone|all\b|yall|guys|fam|folks|friends|from\b|$))"
    r"|^\s*hey\s+(?:all|everyone|guys|yall)\b"
    # a reply to someone else in the channel ("@jess_22 yeah, 100% agree")
    r"|^\s*@(?!bot\b)\w+"
    r"|[\U0001F602\U0001F923\U0001F480\U0001F62D\U0001F913]"
    # laughter as other chats write it: "kkkkkk", "jajaja", "mdr", "wkwk", "ㅋㅋㅋ", "555"
    r"|\bk{4,}\b|\b(?:ja){2,}\w*|\b(?:je){2,}\w*|\b(?:rs){2,}\b|\bmdr\b|\bptdr\b|\bwkwk\w*|\b5{3,}\b|ㅋㅋ|\bxd+\b"
)


# (agreeing with someone is a reply too: "agree with @tom, the mechanism section drags a bit")
_REPLY = re.compile(
    r"\s*(?:(?:i\s+)?(?:totally\s+|fully\s+|100\s*%?\s+)?(?:agree|agreed|disagree|same|exactly|this|facts|\+1)\W+(?:with\s+)?)?@(?!bot\b)[^\W\d]\w*",
    re.IGNORECASE,
)


# A question anywhere: a reaction asks nothing at all ("... why doesnt my own serotonin make me trip 😂"
# asks).
_WH_OR_PLEASE = re.compile(
    r"\b(?:why|whats|whos|hows|wheres|pls|plz|please)\b"
    # "glutamate vs gaba which one is excitatory"
    r"|\bwhich\s+(?:one|ones|of\s+(?:them|these|those|the))\b"
    # a yes-no question mid-sentence: "... if i start ket next month is it even gonna work"
    r"|\b(?:is|are|does|do|will|would|can|could|should)\s+(?:it|this|that|ket|ketamine|k|he|she|they|i|you|u)\s+"
    r"(?:even\s+|actually\s+|really\s+|still\s+)?(?:gonna|going\s+to|work|help|be\s+(?:safe|ok|okay|fine|bad)|safe|ok|okay|normal|matter|worth)\b"
    # mid-sentence "love when he...", "who else paused..." ask nothing; "what does", "how is" do
    r"|\b(?:what|how|when|where|which|who)\s+(?:is|are|was|were|does|did|do|can|could|should|would|will|has|have|u|you)\b"
)


# A meme's set form asks nothing, whatever its question mark: "depression? never heard of her",
# "k-hole? i barely know her", "ketamine? more like KETAMAZING" (where "trkb? never heard of it" asks).
_MEME = cue_list(
    r"\?\W*(?:never\s+heard\s+of\s+her|i\s+(?:barely|hardly)\s+know\s+her|more\s+like)\b"
    # "LMNT watermelon salt supremacy", "AND gate gang where u at", "roka stan account", "jokes in 3..2..1"
    r"|\b(?:supremacy|gang|enjoyers?|stan\s+account)\b(?:\s+(?:where\s+(?:u|you)\s+at|rise\s+up|reporting\s+for\s+duty))?\W*$"
    # "W episode", "he says et cetera like 400 times", "huberman really said no skipping"
    r"|^\W*(?:w|l|huge\s+w|massive\s+w|big\s+w|another\s+w)\s+(?:episode|ep|pod|video|vid|take|guest)\W*$"
    r"|\bsays?\W+(?:\w+\W+){1,3}like\s+\d+\s+times\b|\b(?:count|counter|tally)\W+\d+\W*$|\b(?:huberman|he|bro|andrew)\s+really\s+said\b"
    r"|\bcame\s+for\s+(?:the\s+)?.{1,40}\bstayed\s+for\b|^\W*pov\b"
    # a poll of the channel: "who else is eating cereal at midnight listening to neuroscience, just me?"
    r"|^\W*who\s+else\b.{0,160}\b(?:just\s+me|only\s+me)\W*$"
    r"|^\W*(?:isnt|aint)\s+it\s+(?:so\s+|just\s+)?(?:crazy|wild|insane|amazing|funny|weird|nuts|fascinating|wild|mind\s*blowing)\s+(?:how|that)\b[^?]{0,120}\??\W*$"
    # a favourite line, a joke's rhetorical question: "'serieses' is my new favorite moment", "why is it always
    # rats in water. what did rats ever do to science"
    r"|\bis\s+my\s+(?:new\s+)?(?:favou?rite|fav)\s+(?:moment|part|bit|line|quote)\b|\bwhat\s+did\s+(?:\w+\s+){1,3}ever\s+do\s+to\b"
    r"|\brhetorical(?:\s+question)?\W*$|\bin\s+3\W+2\W+1\b|\bnot\s+(?:asking|a\s+question)\b.{0,30}\bjust\s+(?:wanted\s+to\s+)?shar\w*"
    # a caption over a picture: "me trying to explain the AND gate to my gf at 2am: [image]"
    r"|^\W*me\s+(?:\w+\s+){0,2}(?:trying|when|after|explaining|watching|listening|reading|hearing|realizing)\b.{0,120}:\s*"
    r"(?:\[[^\]]{1,20}\]|\W*)$"
)


@lru_cache(maxsize=16)
def _unquoted(raw: str) -> str:
    """The message folded without its quoted words: read once for the chatter, reaction and remark checks."""
    return fold(_QUOTE.sub(" ", raw))


@lru_cache(maxsize=16)
def _asks_plainly(raw: str) -> bool:
    """Whether the message, its quotes aside, asks something: read once for the three checks below."""
    return bool(_ASKS.found_in(_unquoted(raw)))


def _asks(raw: str, *, anywhere: bool) -> bool:
    """Whether the message asks; `anywhere` counts a question word or "please" mid-sentence too
    ("... why doesnt my own serotonin make me trip")."""
    return _asks_plainly(raw) or (anywhere and bool(_WH_OR_PLEASE.search(_unquoted(raw))))


def asks(message: Message) -> bool:
    """Whether the message asks something, a question mark or not ("how much is safe for a first time")."""
    return _asks(message.raw, anywhere=True)


def is_reaction(message: Message) -> bool:
    """A joke or a laugh at a moment, or a reply to someone else, that asks nothing: no lookup."""
    if _MEME.found_in(message.folded):
        return True
    if _asks(message.raw, anywhere=True):
        return False
    # A reply to someone else that asks nothing is theirs, however long ("@dan nah you're thinking of ...").
    if _REPLY.match(message.raw):
        return True
    return len(message.words) <= REACTION_WORDS and bool(_REACTION.found_in(message.raw.casefold()))


def is_chatter(message: Message) -> bool:
    """Thanks, praise, jokes or remarks about the show that ask nothing."""
    return not _asks(message.raw, anywhere=True) and bool(_CHATTER.found_in(message.raw.casefold()))


# Pointing at a place in the episode: "the part where", "he says", "at 47 min". A remark that points is
# still a lookup ("my aunt's clinic does 6 infusions, lines up w the 3 week thing he described").
_POINTS_AT_THE_EPISODE = re.compile(
    r"\b(?:he|huberman|andrew|hubermans|they)\s+(?:\w+\s+)?(?:says?|said|talks?|talked|mentions?|mentioned|describes?|described|"
    r"explains?|explained|compares?|compared|covers?|covered|goes|went|lists?|listed|brings?\s+up|brought\s+up|calls?|called)\b"
    r"|\b(?:part|bit|section|segment|moment|chapter|mark)\b"
    r"|\b\d+\s*(?:min|mins|minutes?)\b"
)
# When something happened to the writer: "my cat knocked my coffee over in the middle of the BDNF part".
_DURING = re.compile(
    r"\b(?:in\s+the\s+middle\s+of|during|halfway\s+through|right\s+at)\s+(?:the\s+)?(?:\w+\s+){0,3}(?:part|bit|section|segment)\b"
)
# The writer as the one speaking ("you" and "ur" are as often the topic's: "risks ... with ur doctor").
# Chat drops the "I" at the start: "cant believe he...", "playing valorant with this on".
_WRITER = cue_list(
    r"\b(?:i|im|ive|id|ill|me|my|myself|mine|we|us|our)\b"
    r"|^\W*(?:love|loved|hate|hated|finally|gonna|currently|officially|lowkey|highkey|wish)\b"
    r"|^\W*just\s+(?:signed|finished|started|got|bought|watched|listened|subscribed|joined)\b"
    r"|^\W*(?:missed|forgot|overslept|woke\s+up|spent|wasted|took\s+notes)\b|^\W*(?:quick\s+|small\s+|life\s+)?update\b"
    r"|\b(?:so\s+)?glad\s+(?:this|the|he|they|someone|huberman)\b|\b(?:imo|imho|hot\s+take|unpopular\s+opinion)\b"
    r"|\bjust\s+wanted\s+to\s+(?:tell\s+(?:someone|somebody|yall|you\s+all)|share)\b|^\W*not\s+convinced\b"
    r"|^\W*(?:kinda\s+|so\s+|pretty\s+|lowkey\s+)?(?:wild|crazy|insane|funny|weird|interesting|fascinating)\s+(?:that|how)\b"
    r"|\bis\s+peak\s+[a-z]+|^\W*(?:finished|started|booked)\s+(?:my\s+)?(?:infusion|session|round|treatment|dose|appointment)"
    r"|^\W*(?:cant|cannot|couldnt)\s+(?:believe|wait|stop|stand|get\s+over)\b"
    r"|^\W*(?:playing|listening|watching|rewatching|relistening|driving|cooking|cleaning)\s+(?:\w+\s+){0,3}?"
    r"(?:this|these|it|him|while|with\s+this|on\s+my|at\s+\d)\b"
)
# Fewer words than this are a topic typed bare ("my ptsd and ketamine"), not a remark.
REMARK_WORDS = 5


# An intensified verdict anywhere: "the two kinds of scientists bit is so real", "the k-hole explanation was
# way more clinical than i expected", "dissociative anesthetic is such a metal phrase", "sounds like a band".
_INTENSE_VERDICT = re.compile(
    r"\b(?:is|was|are|were|its|thats)\s+(?:so|such\s+an?|way\s+(?:more|less|too)|super|lowkey|highkey|literally\s+so)\s+[a-z]+"
    r"|\bsounds?\s+like\s+(?:a|an|the)\s+(?:\w+\s+){0,2}(?:band|album|song|movie|rapper|villain|pokemon|name|spell)\b"
)
_PLACE_VERDICT = cue_list(
    r"\b(?:part|bit|section|segment)\s+(?:is|was)\s+(?:so|such\s+an?|way\s+(?:more|less|too)|super|lowkey|literally)\b"
    r"|\b(?:part|bit|section|segment)\s+(?:finally\s+)?(?:clicked|made\s+(?:it\s+)?(?:click|sense)|hit\s+different|landed)\b"
    r"|\b(?:part|bit|section|segment)\s+(?:\w+\s+)?(?:flipped|changed|blew|broke|shifted|rewired|wrecked|destroyed|cooked)\s+(?:my|me)\b"
    r"|\b(?:part|bit|section|segment|explanation|analogy|example|mention)\s+(?:is|was)\s+(?:\w+\s+)?(?:fascinating|amazing|incredible|great|excellent|elite|gold|brilliant|perfect|beautiful|hilarious|underrated|eye\s*opening|mind\s*blowing|a\s+deep\s+cut)\b"
    r"|\b(?:explanation|analogy|example|part|bit)\s+(?:\w+\s+)?made\s+(?:\w+\s+)?(?:click|make\s+sense)\b|\bexplain\w*\s+(?:\w+\s+){0,3}better\s+than\b"
    r"|\b(?:part|bit|section|segment)\s+(?:is|was)\s+(?:a|an)\s+(?:\w+\s+)?(?:check|call|ride|trip|journey|gem|highlight|masterpiece|banger|treat|blast)\b"
    r"|\b(?:part|bit|section|segment|chapter)\s+alone\s+(?:is|was)\s+worth\b"
    r"|\b(?:part|bit|section|segment)\s+(?:\w+\s+)?(?:slapped|slaps|bangs|banged|went\s+hard|ate)\b"
    r"|\bthe\s+only\s+(?:part|bit|thing)\s+i\s+(?:fully\s+|actually\s+|really\s+)?(?:got|understood|followed)\b"
    r"|^\W*(?:i\s+)?(?:love|loved|gotta\s+love)\s+(?:how|when|that)\s+(?:he|huberman|andrew)\b"
    # or a plan to hear it again: "gonna rewatch the bdnf section tomorrow"
    r"|\b(?:need|needs|gonna\s+need|going\s+to\s+need)\s+(?:a\s+)?(?:second|another|2nd|third|3rd)\s+(?:watch|listen|viewing|pass|run)\b"
    r"|\b(?:gonna|going\s+to|will|ill|about\s+to)\s+finish\s+(?:the\s+)?(?:last|rest|remaining|final|other)\b"
    r"|^(?:gonna|going\s+to|will|ill|need\s+to|have\s+to)\s+(?:re\s*-?\s*watch|re\s*-?\s*listen|listen\s+again|watch\s+again|come\s+back\s+to)\b"
)
# A verdict that ends the message: "lmnt watermelon flavor is elite btw", "the rat swimming thing was wild".
_VERDICT = cue_list(
    # a closing exclamation or reaction: "... and it changed psychiatry, wild", "... falling asleep, i felt that"
    r"(?:^|\W)(?:wild|insane|crazy|nuts|bonkers|fascinating|incredible|mind\s*blown|(?:i\s+)?felt\s+that|so\s+true|"
    r"too\s+real|big\s+facts|facts|literally\s+me|this\s+is\s+me|love\s+it|love\s+that|noted|got\s+it|classic|respect|"
    r"(?:crazy|wild|insane|what\s+a)\s+(?:timeline|time\s+to\s+be\s+alive|world|story))(?:\s+(?:lol+|lmao+|tbh|ngl|fr))*\s*$|"
    r"\b(?:is|was|are|were|its|thats|whats)\s+(?:(?:so|really|kinda|sorta|actually|literally|basically|lowkey|highkey|honestly|pretty|whole|"
    r"too|absolutely|straight|just|the|such|a|an|totally|low\s+key|high\s+key)\s+)*[a-z]+"
    r"(?:\s+(?:btw|tbh|ngl|fr|frfr|imo|imho|honestly|lol+|lmao+|af|asf|tho|though|man|bro|dude|guys|fam|rn))*\s*$"
)


def is_remark(message: Message) -> bool:
    """The writer's own story or reaction, or a verdict on anything, told and asking nothing, pointing at no
    place in the episode."""
    if len(message.words) < REMARK_WORDS:
        return False
    if _asks(message.raw, anywhere=True):
        return False
    said = " ".join(message.words)
    # A verdict on a place is a reaction to it ("the two kinds of scientists bit is so real").
    if _PLACE_VERDICT.found_in(said):
        return True
    unquoted = _unquoted(message.raw)
    if _POINTS_AT_THE_EPISODE.search(_DURING.sub(" ", unquoted)):
        return False
    return bool(_WRITER.found_in(unquoted) or _VERDICT.found_in(said) or _INTENSE_VERDICT.search(said))
