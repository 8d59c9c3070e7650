"""A medical emergency happening now, and questions that ask for a lethal amount.

An emergency is a body in danger right now, the writer's or someone else's: not responding, breathing
wrong, blue lips, a seizure, chest pain or numb limbs after taking something, too much taken. It is
told apart from the past ("years ago, she's fine now") and from general questions ("how do ERs treat
an overdose"). A lethal-amount question is refused whoever asks and why.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.core.message import Message
from bot.core.safety.lexicon import says_an_emergency
from bot.core.safety.patterns import HOURS_AGO, NOW, OVER, PAST_EVENT, any_of, without_figures

# Three signs that are an emergency on drugs: with a drug or a dose said anywhere in the message ("took
# xanax and some beers ... can barely keep my eyes open"). A word of taking ("took", "did", "after") counts
# only after them: before them it is anyone's day ("did leg day and i feel like im dying").
_DYING = r"\bfeel\s+like\s+(?:im|i\s+am|i\s+m)\s+(?:dying|going\s+to\s+die|gonna\s+die)\b"
_EYES_CLOSING = r"\b(?:(?:can|could)\s+barely|(?:getting\s+|so\s+|really\s+)?hard\s+to|cant|struggling\s+to)\s+keep\s+(?:my|his|her)\s+eyes\s+open\b"
_THROAT_CLOSING = r"\b(?:throat|tongue|lips|face)\s+(?:is\s+|are\s+|feels?\s+|keeps?\s+)?(?:\w+\s+)?(?:swell\w*|closing\s+up|tight)\b"

_EMERGENCY = any_of(
    # not responding
    r"\b(?:unresponsive|unconscious|not\s+(?:really\s+)?responding|slumped\s+(?:over|down)|isnt\s+responding|wont\s+respond\w*|not\s+respond\w*|doesnt\s+respond\w*|no\s+response)\b",
    r"\b(?:cant|cannot|can not|couldnt)\s+(?:(?:wake|rouse)\s+(?:him|her|them|my\s+\w+)(?:\s+up|\s+to\s+(?:wake|respond))?|get\s+(?:him|her|them|my\s+\w+)\s+(?:up|to\s+(?:wake|respond|answer)))\b",
    r"(?<!to )(?<!would )(?<!i )(?<!id )(?<!hopefully )(?<!mind )(?<!sleep and )\b(?:(?:wont|isnt|is not)\s+wak(?:e|ing)|not\s+waking)(?!(?:\s+up)?\s+(?:before|until|till|til|early|on\s+time|in\s+the\s+morning)\b)(?:\s+up)?(?:\s+properly)?\b",
    r"\b(?:passed|blacked)\s+out\b|\bcollapsed\b|\b(?:totally|completely|just)\s+limp\b|\bout\s+cold\b"
    # (not a move: "im not moving anywhere lol")
    r"|(?<!\bim\s)(?<!\bam\s)(?<!\bwere\s)\bnot\s+moving\b(?!\s+(?:anywhere|out|away|in|to|back|on|forward|ahead|house|home|abroad))",
    # breathing
    # ("stops breathing sometimes" is a habit: sleep apnoea)
    r"\b(?:not|isnt|stopped|barely|hardly|trouble|struggling\s+to|cant|can not)\s+breath\w*",
    r"\bbreath\w*\s+(?:is\s+|are\s+|like\s+)?(?:\w+\s+){0,2}(?:slow\w*|shallow|weird\w*|funny|strange\w*|irregular|stopp\w*|once\s+every|rattl\w*|noisy)\b",
    r"\bgurgl\w*|\bgasping\b|\bchoking\b|\bstopped\s+breathing\b",
    # colour
    r"\b(?:lips|face|skin|fingers|fingertips|nails)\s+(?:is\s+|are\s+|look\w*\s+|turn\w*\s+|going\s+|so\s+|kind\s+of\s+|kinda\s+|a\s+bit\s+|really\s+|very\s+)*(?:blue|grey|gray|purple)\b",
    r"\b(?:hes|shes|theyre|looks?|looking)\s+(?:kinda\s+|kind\s+of\s+|really\s+|so\s+|all\s+|very\s+)?(?:grey|gray|blue|purple)\b(?!\s+(?:shirt|hoodie|jacket|hair|eyes|dress|team|bottle|pill))|\b(?:barely|hardly|cant|cannot|can\s+not)\s+see\s+(?:his|her|their)\s+chest\s+(?:move|moving|rise|rising|go\s+up)\b",
    r"\b(?:turning|going|gone|went)\s+(?:blue|gr[ae]y|purple)\b|\bblue\s+(?:around|round)\s+(?:the|his|her)\s+(?:mouth|lips)\b",
    # seizures
    r"\b(?:having|had|has|is\s+having)\s+(?:a\s+)?(?:seizure|fit|convulsions?)\b(?!\s+(?:years?|months?)\s+ago)",
    r"\b(?:seizing|convulsing)\b|\bwont\s+stop\s+(?:shaking|seizing|twitching)\b|\beyes\s+(?:rolled|rolling)\s+back\b",
    r"\b(?:hit\s+the\s+floor|dropped|fell\s+down)\b.*\b(?:shaking|twitching|jerking)\b",
    r"\b(?:keep|keeps|kept)\s+(?:passing\s+out|nodding\s+off)\b|\bcant\s+stay\s+awake\b|\b(?:passing|blacking)\s+out\b",
    # chest, heart, limbs, a stroke's signs
    r"^(?!.*\b(?:doms|sore|workout|gym|bench\w*|lifting|sneez\w*|pec|pecs)\b).*\bchest\s+(?:is\s+)?(?:pain|hurts|is\s+hurting|feels\s+(?:tight|heavy)|tight\w*|pressure|crushing|caving)\b|\bclutch\w*\s+(?:his|her|my|their)\s+chest\b",
    r"\b(?:left|right)\s+arm\s+(?:is\s+|feels\s+|went\s+|going\s+)?(?:numb|tingling|dead)\b|\bpinpoint\s+pupils\b|\bfainted\b|\bpulse\s+(?:is\s+|feels\s+)?(?:\w+\s+){0,2}(?:weak|fast|racing|faint)\b",
    r"\b(?:really|super|very|so)\s+(?:floppy|limp|drowsy|out\s+of\s+it)\b(?=.*\b(?:took|ate|swallowed|pills?|patch|gummies|meds|drank|did)\b)",
    r"\b(?:heart|chest)\s+(?:is\s+)?(?:pounding|racing|going\s+crazy|beating\s+(?:so\s+)?(?:fast|hard|weird))\b(?!\s+(?:part|bit|thing|stuff|section|moment)\b)|\bcant\s+(?:get|catch)\s+(?:a\s+)?(?:full\s+|deep\s+)?breath\b",
    r"\bcant\s+feel\s+(?:my\s+|his\s+|her\s+)?(?:arms?|legs?|hands?|feet|face|left|right|limbs?|fingers)\b",
    r"\bface\s+(?:is\s+|feels\s+|looks\s+|went\s+)?droop\w*|\bheart\s+(?:is\s+)?(?:going|racing|beating|pounding)\s+(?:at\s+|like\s+)?(?:1[6-9]\d|2\d\d)\b|\bdroopy\s+face\b|\bnumb\w*\s+on\s+one\s+side\b|\bslurr\w*\s+(?:his|her|my)?\s*(?:words|speech)\b",
    # too much taken, now
    r"\b(?:took|taken|did|done|had|used|snorted|swallowed|drank|sprayed)\s+(?:\w+\s+){0,3}(?:way\s+|far\s+)?(?:too\s+much|too\s+many|more\s+than\s+(?:i|he|she|they)\s+meant|double|triple|a\s+bunch|(?:a|the|my|his|her|their)\s+whole\s+(?:bottle|box|pack|strip|bag|month))\b"
    # (not a habit of years: "i drank way too much for about 10 years, 8 months sober now")
    r"(?!\s+(?:for|over)\s+(?:about\s+|like\s+|almost\s+|over\s+|nearly\s+)?(?:\d+|a\s+few|few|several|many|two|three|four|five|ten)\s+(?:years?|yrs|months?|decades?))",
    r"\b(?:oding|od\s*ing|overdosing|overdosed|odd|oded)\b|\b(?:is|hes|shes|im|theyre|having)\s+(?:an?\s+)?(?:od|overdose)\b",
    r"\b(?:throwing\s+up|vomit\w*|puking)\b.*\b(?:passed\s+out|unconscious|on\s+(?:his|her|their)\s+back|wont\s+wake)\b",
    r"^(?=.*\b(?:fever|overheat\w*|burning\s+up|burning\s+hot|stopped\s+sweating|super\s+hot|cant\s+cool\s+down)\b)(?=.*\b(?:took|molly|mdma|k|ketamine|coke|pills)\b)",
    r"\b(?:hit|banged)\s+(?:his|her|their|my)\s+head\b|\bfell\b.*\b(?:confused|bleeding|hit\s+(?:his|her|my)\s+head)\b",
    r"\b(?:got\s+into|ate|swallowed|drank)\s+(?:my|his|her|the|some|our)\s+(?:\w+\s+){0,3}(?:meds|pills|ketamine|spray|medication|troches?|edibles?)\b",
    # a child who swallowed someone's pills: "ate a few of my melatonin gummies ... hes really floppy"
    r"\b(?:baby|toddler|kid|child|son|daughter|little\s+\w+|\(\d\)|\d\s*(?:yo|year\s+old|yr\s+old))\b.{0,40}\b(?:ate|swallowed|drank|got\s+into|chew\w*\s+on)\b.{0,80}\b(?:pills?|meds|gummies|tablets|medication|patch|troches?|lozenges?|ketamine|edibles?|vape|gum|batter(?:y|ies)|pods?)\b",
    r"\bk\s*-?\s*hol(?:e|ing)\s+(?:in|on)\s+(?:the|a)\s+(?:bath|bathtub|tub|pool|water|lake|street|road)\b",
    # about to faint, bleeding that won't stop, blood brought up
    r"\b(?:about|going|gonna)\s+to\s+(?:pass\s+out|faint|black\s+out)\b|\b(?:wont|doesnt|cant\s+get\s+it\s+to)\s+stop\s+bleeding\b|\bbleeding\s+(?:a\s+lot|everywhere|so\s+much|wont\s+stop)\b",
    r"\b(?:throwing\s+up|vomit\w*|puking|coughing\s+up)\s+(?:\w+\s+){0,2}blood\b|\bblood\s+in\s+(?:it|my\s+vomit|the\s+vomit|his\s+vomit|her\s+vomit)\b",
    # a heart attack's weight, a low pulse after a double dose, a diabetic's confusion
    # "chest feels like its being crushed and my left arm is going numb"
    r"\bchest\s+(?:\w+\s+){0,4}(?:being\s+)?(?:crushed|squeezed|squished)\b|\b(?:left\s+)?arm\s+(?:is\s+)?(?:going|gone|went)\s+numb\b|"
    r"\bchest\s+(?:\w+\s+){0,3}like\s+(?:an?\s+)?(?:elephant|weight|truck|someone)\b|\bpain\s+(?:going|shooting|running|spreading)?\s*(?:down|into|up)\s+(?:my|his|her)\s+(?:left\s+)?(?:arm|jaw)\b|\belephant\s+(?:is\s+)?(?:sitting|standing)\s+on\s+(?:my|his|her)\s+chest\b|\bpulse\s+(?:is\s+)?(?:like\s+|around\s+|at\s+)?(?:[1-3]\d|4[0-5])\b",
    r"\b(?:diabetic|diabetes)\b.{0,80}\b(?:shaking|sweaty|confused|not\s+making\s+sense|passed\s+out|wont\s+wake)\b",
    # everything taken at once: "took them. all of them", "40 of my seroquel", "a handful of his troches"
    r"\b(?:took|taken|swallowed|ate|downed)\s+(?:\w+\s+){0,2}(?:all\s+of\s+them|a\s+handful|the\s+rest\s+of)\b|\b(?:took|swallowed|downed|ate)\s+all\s+(?:of\s+)?(?:the|my|his|her|their)\s+(?:\w+\s+)?(?:pills|meds|tablets|troches|capsules)\b|\b(?:swallowed|downed)\s+everything\b|\b(?:took|swallowed|downed|ate)\s+every\s+(?:single\s+)?(?:pill|tablet|capsule|med)\b|\ball\s+of\s+them\b.{0,40}\b\d{2,}\s+of\s+(?:my|his|her|their)\b",
    # the heart, the head, the bladder, speech and balance
    r"\bheart\s+(?:is\s+)?(?:\w+\s+){0,3}(?:skipping\s+beats|skipping|fluttering\s+like\s+crazy|doing\s+something\s+(?:insane|weird|crazy)|doing\s+(?:weird|crazy|strange)\s+(?:stuff|things))\b",
    r"\b(?:worst\s+headache|head\s+(?:is\s+)?(?:splitting|exploding))\b|\bbp\b.{0,20}\b(?:1[89]\d|2\d\d)\s*/\s*1[0-4]\d\b",
    r"\b(?:cant|barely|can\s+barely|cannot|can\s+not)\s+pee\b.{0,60}\b(?:pain|blood|worse)\b|\b(?:pain|blood)\b.{0,80}\b(?:cant|barely)\s+pee\b",
    r"\bslurr\w*\b.{0,40}\bfall\w*\s+(?:over|down)\b|\bfall\w*\s+(?:over|down)\b.{0,40}\bslurr\w*",
    r"^(?=.*\b(?:burning\s+(?:hot|up)|fever)\b)(?=.*\b(?:ket|pupils\s+huge|confused|rave)\b)",
    # a child who swallowed something not food: "chewed open a pack of nicotine gum ... vomiting"
    r"\b(?:baby|toddler|kid|child|son|daughter|\d\s*yo|\d\s*(?:yr|year)\s*old|\(\d\))\b.{0,60}\b(?:ate|swallowed|drank|chewed|got\s+into)\b.{0,80}\b(?:vomit\w*|throwing\s+up|puking|pale|sleepy|drowsy|floppy|limp|wont\s+wake)\b",
    # a heart far too fast, swelling that closes the throat, blood loss, or "feel like im dying" on drugs
    r"\bheart\s+rate\s+(?:is\s+)?(?:at\s+)?(?:1[6-9]\d|2\d\d)\b",
    rf"^(?=.*\b(?:dose|spray)\b).*{_THROAT_CLOSING}|{_THROAT_CLOSING}(?=.*\b(?:dose|took|after|spray|breath\w*)\b)",
    r"\bso\s+much\s+blood\b|\bblood\s+everywhere\b|\blosing\s+(?:a\s+lot\s+of\s+)?blood\b",
    rf"^(?=.*\b(?:k|ket|ketamine|coke|molly|pills)\b).*{_DYING}|{_DYING}(?=.*\b(?:took|did|on|k|ket|ketamine|coke|molly|pills)\b)",
    rf"^(?=.*\b(?:xanax|benzos?|beers?|drinks|alcohol|pills|took\s+(?:everything|it\s+all|all\s+of\s+(?:it|them)))\b).*{_EYES_CLOSING}|{_EYES_CLOSING}(?=.*\b(?:xanax|benzos?|beers?|drinks|alcohol|pills|took)\b)",
    # a stroke's signs, and a child who swallowed pills, in Spanish and Portuguese; fainted and snoring in Malay
    r"\b(?:se\s+le\s+cayo\s+(?:un|el)\s+lado\s+de\s+la\s+cara|no\s+puede\s+(?:levantar|mover)\s+el\s+brazo|arrastrando\s+las\s+palabras|(?:caiu|caido)\s+(?:um|o)\s+lado\s+do\s+rosto|nao\s+consegue\s+(?:levantar|mexer)\s+o\s+braco)\b",
    r"\b(?:filh[oa]|bebe|crianca|nene|hij[oa]|nin[oa])\b.{0,80}\b(?:engoliu|comeu|tomou|trago|se\s+comio|se\s+tomo)\b.{0,40}\b(?:comprimidos|remedios|pilulas|pastillas|pildoras|medicinas|medicamentos)\b",
    r"\b(?:amezimia|hapumui|hajitambui|pengsan|nafas\s+(?:\w+\s+){0,2}(?:pelik|aneh|berdengkur|ngorok|tersekat))\b",
    # the plainest words in Spanish and Portuguese
    r"\b(?:no\s+respira|se\s+(?:esta\s+)?poniendo\s+(?:morado|azul)|inconsciente|no\s+responde|no\s+reacciona|boca\s+arriba|convulsion\w*|sobredosis|nao\s+respira|desmaiou|convulsionando)\b",
    # ... in French, German and Hinglish ("il respire bizarrement", "krampft gerade", "behosh pada hai")
    r"\b(?:respire\s+(?:bizarrement|mal|plus|a\s+peine|tres\s+lentement)|ne\s+respire\s+(?:plus|pas)|arrive\s+pas\s+a\s+(?:le|la)\s+reveiller|inconscient\w*|(?:il|elle)\s+convulse|levres\s+(?:bleues|violettes))\b",
    r"\b(?:labios\s+(?:roxos|azuis)|respirando\s+(?:devagar|mal|estranho)|nao\s+acorda|nao\s+responde|olhos\s+virados|tremendo\s+todo|repond\s+plus|ne\s+repond\s+(?:plus|pas)|labios\s+morados|respira\s+muy\s+lento)\b",
    # ... in Dutch, Italian, Polish and Tagalog ("reageert niet", "non respira", "nie da sie go obudzic")
    r"\b(?:reageert\s+(?:niet|nergens)|ademt\s+(?:heel\s+)?(?:langzaam|raar|niet|nauwelijks)|bewusteloos|krijgt\s+(?:nu\s+)?een\s+aanval|schokt)\b",
    r"\b(?:non\s+respira|respira\s+(?:male|piano|a\s+fatica)|non\s+si\s+sveglia|svenut[oa]|convulsioni|labbra\s+(?:blu|viola))\b",
    r"\b(?:nie\s+da\s+sie\s+(?:go|jej)\s+obudzic|oddycha\s+(?:bardzo\s+)?(?:wolno|dziwnie|plytko)|charczy|nieprzytomn\w*|ma\s+drgawki)\b",
    # (a wish is no emergency: "gusto ko na lang matulog at hindi na magising")
    r"\b(?:(?<!matulog\sat\s)hindi\s+(?:na\s+)?(?:siya\s+)?(?:humihinga|magising|gumigising)|nag\s*-?\s*seizure|nangingisay|walang\s+malay)\b",
    r"\bbrustschmerz\w*|\b(?:kriegt|bekommt|krieg|bekomme)\s+(?:\w+\s+)?(?:kaum|keine)\s+luft\b|\blippen\s+(?:sind\s+)?(?:ganz\s+|total\s+)?(?:grau|blau|lila)\b|"
    r"\b(?:krampft|atmet\s+(?:nur\s+noch\s+)?(?:nicht|kaum|komisch|(?:ganz\s+|sehr\s+)?langsam)|bewusstlos|wacht\s+nicht\s+(?:mehr\s+)?auf|blaue\s+lippen|reagiert\s+(?:nicht|kaum))\b",
    r"\b(?:behosh|saans\s+(?:\w+\s+){0,2}(?:dheere|nahi|ruk)|hosh\s+(?:nahi|mein\s+nahi)|utha\s+nahi\s+(?:raha|rahi|pa))\w*",
    # eyes closing after all the pills in Hinglish; chest pain and a heart beating wildly in French
    r"\baankh\w*\s+band\s+ho\s+rah\w*|\bsaari\s+(?:\w+\s+){0,3}goliyan\s+kha\s+li\b"
    r"|\bmal\s+a\s+la\s+poitrine\b|\bdouleurs?\s+(?:\w+\s+){0,2}poitrine\b|\bc(?:œ|oe)ur\s+bat\s+(?:n\s*importe\s+comment|tres\s+vite|trop\s+vite|bizarrement)\b",
    # blood in the urine with bad pain (a bladder ruined by heavy use), enough taken and gone quiet
    r"^(?=.*\b(?:peeing|pissing|urinating|pee|urine)\b.{0,40}\bblood)(?=.*\b(?:pain|10\s*/\s*10|cant\s+stand|barely\s+stand)\b)",
    r"\btook\s+enough\s+(?:this\s+time|to)\b|^(?=.*\bempty\s+(?:pill\s+)?bottles?\b)(?=.*\b(?:not\s+answering|wont\s+answer|isnt\s+answering|not\s+picking\s+up)\b)",
    # ... in Japanese, Korean, Indonesian, Vietnamese, Egyptian Arabic and more, in Latin letters: not waking,
    # breathing wrong, blue lips, chest pain with a numb left arm, a seizure
    r"\b(?:okinai|iki\s+ga\s+hen|kuchibiru\s+ga\s+aoi|an\s+ireona|sum\s+swi\w*\s+ge\s+isang\w*|pingsan|napas\w*\s+(?:pelan|berhenti)|bibir\w*\s+biru|tidak\s+sadar)\b",
    r"\b(?:msh\s+byet7arak|nafas[ou]\s+ta2eel|dau\s+nguc|tay\s+trai\s+te|gogsunde\s+(?:cok\s+)?agri|sol\s+kolu\s+uyus\w*|dor\s+forte\s+no\s+peito|crise\s+d\s*epilepsie|kaum\s+(?:noch\s+)?ansprechbar|ne\s+otvechaet|quedando\s+dormid[ao])\b",
    # ... in Turkish, and in Chinese, Japanese, Korean, Russian and Arabic in their own scripts: a seizure,
    # foam at the mouth, not waking, not responding, breathing slowly or not at all, purple lips, vomiting
    # while out
    r"\b(?:nobet\s+geciriyor\w*|agzindan\s+kopuk|ayilmiyor|tepki\s+vermiyor|nefes\s+almakta\s+zorlan\w*)\b"
    r"|\bbutun\s+(?:\w+\s+){0,3}(?:haplari|ilaclari)\w*\s+(?:aldim|ictim|yuttum)\b",
    # the tenth session's: not responding and breathing slowly in Catalan, all her mother's pills in Spanish,
    # far too much taken in German, no response and purple lips in Japanese, a seizure in Turkish
    r"\b(?:no\s+respon|respira\s+molt\s+(?:a\s+poc\s+a\s+poc|lent\w*)|ulls\s+mig\s+oberts)\b|\bse\s+tomo\s+todas?\s+(?:las|sus)\s+(?:\w+\s+)?(?:pastillas|pildoras|medicinas)\b"
    r"|\b(?:viel\s+)?zu\s+viel\s+(?:\w+\s+){0,2}(?:genommen|gezogen|geschluckt)\b|反応(?:しない|がない)|唇.{0,3}紫|意識がな[いく]|呼吸が.{0,6}(?:ゆっくり|遅い|浅い|止ま)|\bkasilma\w*\s+basla\w*|\bgozleri\s+geriye\s+kay\w*",
    r"온몸이\s*(?:\w+\s*)?떨리|눈이\s*뒤로|거품을\s*물|숨을\s*헐떡|"
    r"胸口剧痛|胸口(?:很|好)?痛|喘不(?:上|过)气|\b(?:ha\s+)?battuto\s+la\s+testa\b|\bnon\s+mi\s+riconosce\b|\bse\s+golpeo\s+la\s+cabeza\b|\bbateu\s+a\s+cabeca\b|\bkan\s+durmuyor\b|"
    r"叫不醒|没有呼吸|不呼吸|呼吸很慢|呼吸困难|嘴唇发紫|昏迷|抽搐|不省人事|意識がない|息をしていない|起きない|痙攣|의식이\s*없|숨을\s*안\s*쉬|숨을\s*못\s*쉬|경련|안\s*깨어나",
    r"не\s+реагирует|не\s+дышит|(?:трудно|тяжело)\s+дышать|еле\s+дышит|без\s+сознания|не\s+просыпается|судорог|рв[её]т\s+во\s+сне|губы\s+синие|لا\s*يتنفس|فاقد\s*الوعي|مغمى\s*عليه|تشنج|ما\s*يصحى",
    # a whole box or every pill taken, in French, Spanish, Portuguese, Italian and German
    r"\b(?:pris|avale)\s+toute?s?\s+(?:ma|la|mes|les)\s+(?:boite|plaquette|comprimes|cachets|pilules|medicaments)\b|\bme\s+tome\s+todas?\s+(?:las|mis)\s+(?:pastillas|pildoras|medicinas)\b",
    r"\btomei\s+todos?\s+(?:os|as|meus|minhas)\s+(?:comprimidos|remedios|pilulas)\b|\bho\s+preso\s+tutte?\s+(?:le|i)\s+(?:pillole|pastiglie|compresse)\b|\balle\s+(?:meine\s+)?tabletten\s+genommen\b",
    # ... and Vietnamese: unconscious, won't wake, breathing weakly
    r"\b(?:bat\s+tinh|(?:goi|lay)\s+(?:mai\s+)?khong\s+(?:day|tinh)|tho\s+(?:rat\s+)?(?:yeu|cham|kho|thoi\s+thop))\b",
    # ... in Indonesian: a seizure, something swallowed
    r"\b(?:ga|gak|nggak|tidak|tak)\s+sadar(?:kan\s+diri)?\b|\bnafas\w*\s+pendek|\bkepala\w*\s+berdarah\b|"
    r"\bkejang\w*|\b(?:nelan|menelan|ketelan)\b.{0,30}\b(?:obat|pil)\b",
    # ... and a car running in a closed garage in Portuguese, Spanish, French and German
    r"\b(?:motor\s+(?:ligado|encendido|prendido)|moteur\s+(?:allume|en\s+marche|tourne)|motor\s+lauft)\b.{0,60}\b(?:garagem|garaje|garage)\b",
    # a running engine in a closed garage is poisoning now
    r"\bgarage\b.{0,60}\b(?:engine|car)\s+running\b|\b(?:engine|car)\s+running\b.{0,60}\bgarage\b",
    # ... in Turkish and transliterated Russian ("nefes alamiyor", "ne dyshit", "guby sinie")
    r"\b(?:nefes\s+(?:alamiyor\w*|almak\s+zorla\w*|almiyor)|uyanmiyor|bilinci\s+kapali|bayildi|dudaklari\s+mor\w*|kriz\s+geciriyor|butun\s+ilaclarimi\s+ictim)\b",
    r"\b(?:ne\s+dyshit|ele\s+dyshit|ploho\s+dyshit|ne\s+prosypa\w*|guby\s+(?:sinie|posineli)|bez\s+soznaniya|sudorogi|ne\s+reagiruet)\b",
)
# General questions about emergencies, not one happening: "how do ERs treat an overdose".
_GENERAL = re.compile(
    r"\b(?:if|when)\s+(?:someone|somebody|a\s+person|people|you|u|your|ur|a\s+friend)\b|\bwhat\s+if\b|\bhow\s+do\s+(?:doctors|ers?|hospitals|paramedics|emts|they|you)\b"
    # a sign asked about as a thing: "is passing out after a few whiskeys actually sleep", "are you just passing out"
    r"|\bis\s+(?:passing|blacking)\s+out\b|\b(?:are|do)\s+(?:you|u)\s+(?:just\s+|really\s+)?(?:passing|blacking|pass|black)\s+out\b"
    r"|\bin\s+general\b|\bwhat\s+happens\s+(?:if|when)\b|\bdoes\s+(?:he|huberman|the\s+episode)\s+(?:say|talk|mention)\b|\bsigns\s+of\b"
    # the episode's own words retold: "in this episode he goes on about ... not waking up even to a pinch"
    # a professional's calls and shifts: "as an emt ive had a bunch of calls where people were deep in a k hole"
    r"|\bas\s+an?\s+(?:emt|paramedic|nurse|er\s+(?:doc|doctor|nurse)|medic|anesthesiologist)\b|\bive\s+had\s+(?:a\s+bunch\s+of|many|lots\s+of|so\s+many)\s+(?:calls|patients)\b"
    r"|\b(?:in\s+(?:this|the)\s+(?:episode|ep|podcast|video)|huberman)\b.{0,40}\b(?:goes\s+on\s+about|talks?\s+about|describes?|mentions?|explains?|says)\b"
    # a story being written: "writing a novel where a character ODs ... is it realistic"
    r"|\b(?:writing|wrote|write)\s+(?:a|my|the)\s+(?:\w+\s+)?(?:novel|story|book|screenplay|script|fanfic|scene)\b|\bfor\s+(?:the|my)\s+(?:book|novel|story|screenplay)\b"
)

LETHAL = any_of(
    r"\bhow\s+(?:much|many)\b.{0,80}\b(?:breathing|heart|breath)\b.{0,16}\bstops?\b",
    r"\bhow\s+(?:much|many)\b.{0,60}\bwould\s+be\s+enough\b",
    # one word may come between: "a lethal ketamine dose"
    r"\b(?:lethal|fatal|deadly|toxic|killing|overdose|od)\s+(?:\w+\s+)?(?:dose|dosage|doses|amount|level|threshold|number|limit|point|range|mg)\b",
    r"\bld\s*-?\s*50\b",
    r"\bquant[ao]\s+(?:\w+\s+){0,3}(?:serve|ci\s+vuole|bisogna)\s+per\s+(?:non\s+svegliarsi|morire|uccidersi|ammazzarsi)\b",
    # "can you actually overdose and die on it", "whats the dangerous amount", "quanti grammi diventano pericolosi"
    r"\bcan\s+(?:you|u|someone|a\s+person|people)\s+(?:actually\s+|really\s+)?overdose\s+and\s+die\b|\bdangerous\s+(?:amount|dose|dosage|level)\b"
    r"|\bquant[ie]\s+(?:\w+\s+){0,6}(?:diventa|diventano)\s+(?:pericolos[oi]|letal[ei]|mortal[ei])\b",
    # the dose at which it "becomes the end": "at what dose does it stop being anesthesia and just become the end"
    r"\b(?:what|which)\s+(?:\w+\s+){0,2}(?:dose|amount|mg|point)\b.{0,60}\b(?:become|becomes|turn\s+into|turns\s+into)\s+(?:the\s+end|fatal|deadly|lethal)\b",
    r"\bis\s+there\s+(?:an?\s+)?(?:amount|dose)\b.{0,60}\b(?:stop\s+(?:your|my|the|someones?)\s+(?:breathing|heart)|kill|die|never\s+wake|not\s+wake|painless\w*|peacefully)\b",
    # the gap between a dose that works and one that harms, asked in figures: "so what mg/kg is the gap"
    r"\b(?:what|how\s+(?:many|much|big|wide))\b.{0,30}\b(?:gap|window|margin)\b.{0,80}\bdoses?\b.{0,80}\b(?:problems|kill|fatal|lethal|deadly|toxic|dangerous)\b|\b(?:mg|mg\s*/\s*kg)\s+is\s+the\s+(?:gap|window|margin)\b",
    # "the max amount of k before it kills you", "can you die from a k hole", "an anesthetic dose and a fatal one"
    r"\b(?:max|maximum|most)\s+(?:amount|dose|mg)\b.{0,40}\b(?:kill|kills|die|fatal|lethal|od)\b|\bcan\s+(?:you|u|someone|a\s+person|people)\s+die\s+(?:from|of)\b|\bcan\s+(?:you|u|someone|a\s+person|people)\s+(?:actually\s+|really\s+)?die\s+(?:from|of|on)\s+(?:\w+\s+){0,2}(?:on\s+its\s+own|by\s+itself|alone)\b|\b(?:a|the)\s+(?:fatal|lethal|deadly)\s+one\b",
    r"\b(?:what|which)\s+(?:\w+\s+){0,3}(?:dose|amount|mg|point)\b.{0,40}\bstops?\s+(?:your|my|the|his|her|someones?|a\s+persons?)\s+(?:breathing|heart|breath)\b",
    # "is there a dose of ketamine where the heart just stops?"
    r"\b(?:dose|amount|mg|point)\b.{0,40}\b(?:where|when|at\s+which)\s+(?:the|your|my|a\s+persons?|someones?)\s+(?:heart|breathing)\s+(?:\w+\s+)?stops?\b",
    # Dutch, German, French, Polish, Turkish, Russian, Chinese, Japanese and Korean words for deadly
    r"\b(?:dodelijk\w*|todlich\w*|dose\s+mortelle|smierteln\w*|olumcul\w*|oldurucu\s+doz\w*)\b|смертельн|致死|致命剂量|치사량|치명적",
    # ... Hungarian, Czech and Slovak, Swedish, Norwegian and Danish, Finnish, Indonesian and Malay, Tagalog,
    # Swahili
    r"\b(?:mennyi|hany)\b.{0,60}\bhalalos\w*|\bsmrteln\w*\s+(?:davk\w*|mnozstv\w*)|\b(?:dodlig|dodelig)\w*\s+(?:dos|dose|dosis|mangd|mengde)\b|\btappava\w*\s+annos\w*"
    r"|\b(?:dosis|dos|takaran|jumlah)\s+(?:yang\s+)?(?:mematikan|maut|membunuh)\b|\bnakamamatay\s+na\s+(?:dosis|dami)\b|\bdozi\s+ya\s+kuua\b",
    # ... Greek, Thai, Bengali and Urdu
    r"θανατηφ\w*\s+δοσ|θανατιμ\w*\s+δοσ|ปริมาณ\S{0,12}(?:ตาย|ถึงตาย)|প্রাণঘাতী\s+(?:ডোজ|মাত্রা)|مہلک\s+(?:خوراک|مقدار)",
    # ... and Persian, Arabic, Hebrew and Hindi: a deadly dose or amount
    r"(?:دوز|مقدار)\s*(?:ی\s*)?کشنده|جرعة\s*(?:قاتلة|مميتة)|الجرعة\s*(?:القاتلة|المميتة)|מנה\s+קטלנית|घातक\s+(?:खुराक|मात्रा)",
    r"\b(?:quanti|quanto|quanta|cuanto|cuantos|cuanta|quantos|combien|wie\s+viel\w*|hoeveel|ile)\b.{0,60}\b(?:per\s+morire|para\s+morir|para\s+morrer|pour\s+mourir|um\s+zu\s+sterben|om\s+dood\s+te\s+gaan|zeby\s+umrzec)\b|몇.{0,30}죽을|多少.{0,20}(?:会死|致死|死掉)|сколько.{0,40}(?:умереть|смерт)",
    # "dosis letal", "es una dosis mortal", "son mortales"; never "mortality" or "my mortal enemy"
    r"\bbao\s+nhieu\b.{0,60}\b(?:khong\s+tinh\s+lai|chet|tu\s+vong)\b|\b(?:lieu|luong)\s+(?:\w+\s+){0,2}gay\s+tu\s+vong\b|\btu\s+vong\b.{0,40}\bbao\s+nhieu\b|\bhalalos\s+adag\w*|\bletal\w*\b|\b(?:dosis|dose|es|son|sao|e)\s+(?:\w+\s+)?(?:mortal|mortales|mortais)\b",
    r"\bhow\s+(?:much|many)\b.{0,80}\b(?:kill|kills|killing|killed|die|dead|fatal|lethal|deadly|overdose|od|stop\s+(?:my|your|the|a|his|her)\s+heart|never\s+wake|not\s+wake)\b",
    r"\b(?:what|which|at\s+what)\s+(?:\w+\s+){0,4}(?:dose|amount|mg|point|number)\b.{0,60}\b(?:kill\w*|lethal|fatal|deadly|overdose|od|die|dead)\b",
    r"\b(?:dose|amount|mg|much)\b.{0,40}\b(?:is|becomes?|gets?|be)\s+(?:\w+\s+)?(?:lethal|fatal|deadly)\b",
    r"\bhow\s+many\s+\w+\s+(?:is|are|would\s+be|makes?)\s+(?:an?\s+)?(?:overdose|od|lethal|fatal)\b",
    # "where's the line where it becomes fatal", "at what mg/kg does your heart actually stop"
    r"^(?=.*\b(?:dose|doses|mg|amount|much)\b).*\b(?:becomes?|gets?|turns?)\s+(?:\w+\s+)?(?:fatal|lethal|deadly|dangerous)\b",
    r"\b(?:what|which)\s+(?:\w+\s+){0,3}(?:dose|amount|mg|point)\b.{0,40}\b(?:your|my|the|his|her|someones?|a\s+persons?)\s+(?:heart|breathing)\s+(?:\w+\s+)?stops?\b",
    # "cuantas pastillas hacen falta para una sobredosis mortal", "berapa dosis ... sampai meninggal"
    r"\b(?:cuant[oa]s?|quant[oaie]s?|combien|wie\s+viel\w*|hoeveel|ile|ilu|berapa|kac|kitn[aie]|ne\s+kadar)\b.{0,80}"
    r"\b(?:sobredos\w*|overdosis|surdose|uberdosis|przedawkowa\w*|asiri\s+doz\w*|mortal\w*|mortel\w*|meninggal|mati|morir|morrer|mourir|sterben|umrzec|olmek|oldur\w*|marne|mar\s+jaun?)\b",
    # "is it even possible to OD on ketamine by itself or is it only deadly when its mixed"
    r"\b(?:possible|able)\s+to\s+(?:od|overdose)\s+on\b|\bonly\s+(?:deadly|fatal|lethal)\s+(?:when|if)\b|"
    r"\b(?:no|a|any)\s+(?:lethal|fatal)\s+dose\b|\bcant\s+die\s+from\b|\bwhere\s+the\s+line\s+is\b(?=.*\b(?:lethal|die|fatal|od|dangerous)\b)",
)


# Not responding to a treatment, or animals and patients in a study not responding, is no body in danger:
# "BDNF knockout mice not responding", "patients who dont respond to SSRIs".
_TREATMENT_RESPONSE = re.compile(
    r"\b(?:mice|mouse|rats?|animals?|monkeys?|cells?|neurons?|patients|people|responders?|models?|subjects)\s+"
    r"(?:\w+\s+){0,2}(?:not|dont|didnt|wont|doesnt|never)\s+respond\w*(?:\s+to\s+\w+)?"
    r"|\b(?:not|dont|didnt|doesnt|wont|isnt|never)\s+respond\w*\s+to\s+(?:\w+\s+)?(?:treatment|ssris?|antidepressants?|meds|"
    r"medications?|therapy|drugs?|ketamine|lithium|infusions?|doses?)\b"
)


@lru_cache(maxsize=1)
def _lethal_sentences() -> re.Pattern[str]:
    """A lethal-amount question to the end of its sentence."""
    return re.compile(f"(?:{LETHAL.compiled.pattern})[^.?!]*")


def is_emergency(message: Message) -> bool:
    """Whether the message tells of a medical emergency happening now, to the writer or someone else."""
    text = _TREATMENT_RESPONSE.sub(" ", without_figures(message.plain))
    if LETHAL.found_in(text):
        # "how many pills make a fatal overdose?" asks an amount: its overdose is no emergency told, nor is
        # the rest of its sentence ("at what dose does it turn into an overdose that stops breathing?")
        text = _lethal_sentences().sub(" ", text)
    # (the emergency lexicon says the same signs in forty languages: lexicon.py)
    return (_EMERGENCY.found_in(text) or says_an_emergency(text)) and not _not_now(text)


def is_not_now(message: Message) -> bool:
    """Whether the message tells of something over or past, or asks in general, with nothing said of now."""
    return _not_now(without_figures(message.plain))


def _not_now(text: str) -> bool:
    """Over ("years ago, she's fine now"), told afterwards ("last summer") or general ("what happens if")."""
    now = NOW.search(text)
    over = OVER.search(text) and not HOURS_AGO.search(text)
    return bool(over or (PAST_EVENT.search(text) and not now) or (_GENERAL.search(text) and not now))


def asks_lethal_amount(message: Message) -> bool:
    """Whether the message asks how much would kill, an overdose amount or an LD50."""
    return LETHAL.found_in(without_figures(message.plain))
