"""Personal health advice asked for, directly or not: the answer then comes framed by the disclaimer.

Patterns, not a model: they are read by people, extended by people, and covered by
tests/core/test_safety.py and the question sets.
"""

from __future__ import annotations

import re

from bot.core.message import Message
from bot.core.safety.chatter import asks as _asks_anything
from bot.core.safety.patterns import OVER, cue_list
from bot.core.safety.patterns import any_of as _any

# Questions that concern one's own health need the disclaimer; these say "this is about me".
_PERSONAL = _any(
    r"\bshould\s+(?:i|we|my|he|she|they)\b(?!\s+(?:send|share|show|link|post|point|tag|forward|skip|rewatch|start\s+(?:at|from)))",
    r"\b(?:can|could|may|do|would|will|am|must)\s+i\b(?!\s+(?:misremember\w*|mishear\w*|remembering\s+(?:it\s+)?wrong|the\s+only\s+one)\b)",
    # ... in Spanish, Portuguese, French, German and Italian ("posso fazer", "puedo tomar", "kann ich")
    r"\b(?:puedo|podria|debo|deberia|posso|poderia|devo|deveria|puis\s+je|je\s+peux|dois\s+je|je\s+dois|kann\s+ich|soll\s+ich|sollte\s+ich|darf\s+ich|potrei|dovrei|czy\s+moge|czy\s+powinienem|czy\s+powinnam)\b",
    r"\b(?:vale\s+la\s+pena|vale\s+a\s+pena|ca\s+vaut\s+le\s+coup|lohnt\s+(?:es\s+)?sich|ne\s+vale\s+la\s+pena)\b",
    r"(?<!why )\bis\s+(?:it|ketamine|this|that)\s+(?:ok|okay|safe|fine|alright|bad|dangerous|good|smart|wise|risky|legal)\b",
    r"\b(?:if|when|after|before)\s+i\b(?!\s+(?:tell|told|show|showed|ask|asked|start\s+arguing|argue|post|send|explain|rewatch|finish|get\s+into\s+it))|\bi\s+weigh\b|\bsafely\s+(?:try|take|use|do|start|mix|drink|drive)\b",
    r"\b(?:can|could|should|would|will)\s+my\s+(?:\w+\s+){0,3}(?:try|take|use|do|get|start|stop|have)\b",
    r"\b(?:which|what)\s+(?:one\s+)?would\s+(?:you|u|yall|you\s+guys|u\s+guys|you\s+all|ppl|people)\s+(?:pick|choose|go\s+with|do|get|take)\b|"
    r"\b(?:would|do|can|could)\s+you\s+(?:recommend|suggest|advise)\b|\blike\s+me\b|\bfor\s+a\s+(?:beginner|first\s+timer|newbie)\b",
    r"\btelehealth\b|\breferral\b|\bget\s+(?:\w+\s+)?prescribed\b|\b(?:online|virtual)\s+(?:clinic|provider|doctor|prescri\w*|ketamine)\b|\bat\s*-?\s*home\s+ketamine\b|\b(?:which|best|good|cheap\w*)\s+(?:ketamine\s+)?clinic\b",
    r"\bwhat\s+(?:\w+\s+){0,4}(?:i|u|you|we)\s+should\s+(?:ask|do|take|tell|avoid)\b",
    r"\bis\s+(?:a|an|one|some)\s+(?:\w+\s+){0,3}(?:ok|okay|safe|fine|alright|bad|dangerous)\b|\bis\s+(?:it|ketamine|this|that)\s+(?:reasonable|an\s+option|worth\s+it)\b",
    r"\b(?:dads|moms|mums|sons|daughters|wifes|husbands|partners)\s+(?:doctor|doc|psychiatrist|gp|therapist)\b|\brule\s+(?:me|him|her|them)\s+out\b|\bruns\s+in\s+my\s+family\b",
    r"\bmy\s+(?!(?:coworkers?|colleagues?|boss|bosses|neighbou?rs?|friends|roommates?|teachers?|clients?|patients?|exs?)\s)(?:\w+\s+){0,2}(?:grandma|grandmother|grandpa|grandfather|mom|mum|mother|dad|father|son|daughter|kid|child|teen|brother|sister|wife|husband|partner|friend|gf|bf|girlfriend|boyfriend)\s+(?:has|is|was|takes|suffers|struggles|gets|got)\b"
    # (not how they will take the news: "my dad is gonna lose it when i tell him")
    r"(?!\s+(?:gonna|going\s+to)\s+(?:lose\s+it|freak|flip|kill\s+me|laugh|be\s+(?:mad|shocked|pissed|so\s+mad)))",
    # chat drops the "my": "husband has cptsd from 2 tours and the VA is offering spravato"
    r"^\W*(?:grandma|grandpa|mom|mum|mother|dad|father|son|daughter|kid|brother|sister|wife|husband|partner|gf|bf|girlfriend|boyfriend|"
    r"psychiatrist|doc|doctor|therapist|gp|provider|prescriber)\s+(?:has|is|was|takes|suffers|struggles|gets|got|started|starts|wants|offered|suggested)\b",
    r"\b(?:safe|ok|okay|dangerous|risky|fine|alright)\s+(?:for\s+me|to\s+(?:take|use|mix|combine|drink|do|try|start|stop|drive))\b",
    r"\bis\s+it\s+normal\s+to\s+(?:need|feel|get|have|still|be)\b",
    # (not "how much of an oral dose gets absorbed": a share of a dose is pharmacology)
    r"\bhow\s+(?:much|many)\b(?!\s+of\s+(?:a|an|the|it|that|each)\b).*\b(?:should|take|need|use|do|start|dose|mg|milligrams?)\b",
    # (not a dose referred to: "why not at the normal dose")
    r"(?<!\bat\sthe\s)(?<!\bat\s)\b(?:right|correct|best|ideal|recommended|safe|good|effective|starting|typical|normal)\s+(?:dose|dosage|dosing|amount)\b",
    r"\b(?:dose|dosage|dosing)\s+(?:for\s+(?:me|my|someone|a\s+person|depression|anxiety|ptsd)|should)\b",
    r"\bmg\b.*\b(?:i|me|my|take|should)\b|\b(?:i|me|my|take|should)\b.*\bmg\b",
    r"\bmy\s+(?:doc|doctor|gp|psychiatrist|therapist|provider|prescriber|meds|medication|medications|"
    r"prescription|pills|ssri|ssris|antidepressants?|treatment|therapy|infusions?|sessions?|dose|dosing|dosage|"
    r"clinic|ketamine|iv|depression|anxiety|ptsd|ocd|bipolar|"
    r"diagnosis|condition|symptoms|health|heart|blood pressure|bladder|liver|kidneys?|pregnancy|baby|"
    r"son|daughter|kid|child|friend|partner|wife|husband|mom|dad|mother|father)\b",
    r"\bi\s*(?:m|am|have|ve|ve been|was|got|get)\s+(?:been\s+)?(?:on(?!\s+(?:the|a|my)\s+(?:highway|road|bus|train|subway|phone|call|way|treadmill|plane|bike|drive|commute|walk|run|couch|fence))|taking|prescribed|diagnosed|depressed|"
    r"suffering|struggling|dealing|bipolar|anxious|pregnant|breastfeeding|nursing|addicted|hooked|a\s+(?:recovering|former)|"
    r"depression|anxiety|ptsd|ocd|bipolar|schizo\w*|psychosis|high blood pressure|heart)\b",
    r"\b(?:i|ive)\s+(?:take|use|used|tried|drink|smoke|suffer|struggle|feel)\b",
    r"\b(?:help|treat|cure|fix|heal)\s+(?:me|my)\b|(?<!\bon\s)\bfor\s+me\b|\bwork\s+(?:for|on)\s+me\b|\bworth\s+(?:trying|a\s+(?:shot|try))\b",
    r"\b(?:pregnan\w*|breast\s*feed\w*|nursing|conceive|trying\s+for\s+a\s+baby|ttc)\b",
    r"\b(?:where|how)\s+(?:can|do|could|to|would|should)\s+(?:i|you|u|one|someone|we|ppl|people)?\s*(?:buy|get|find|order|score|cop|purchase|source)\b",
    r"\b(?:buy|purchase|order|score|cop)\s+(?:some\s+)?(?:ketamine|k|special k|ket|esketamine|spravato)\b",
    r"\b(?:get|getting|obtain)\s+(?:a\s+)?(?:prescription|script|rx)\b|\bprescribe\s+me\b|\bclinics?\s+near\b|\bnear\s+me\b",
    # Mixing is personal unless framed as what the risks are ("what are the dangers of mixing ...").
    r"^(?!.*\b(?:dangers?|risks?|why|studies|research|what happens when|episode|does he|did he|he says?)\b).*"
    r"\b(?:mix|mixing|combine|combining|together with|interact\w*|while on|along with)\b.*\b(?:alcohol|booze|drink\w*|beer|wine|weed|"
    r"cannabis|thc|ssris?|snris?|maois?|lexapro|zoloft|prozac|wellbutrin|adderall|ritalin|lithium|lamotrigine|xanax|"
    r"benzos?|benzodiazepines?|klonopin|valium|antidepressants?|meds|medications?|pills|mdma|molly|psilocybin|"
    r"shrooms|mushrooms|cocaine|coke|opioids?|naltrexone|suboxone|methadone|stimulants?|caffeine|birth control)\b",
    r"\b(?:alcohol|booze|drinking|beer|wine)\b.*\b(?:ketamine|ket|k|with|while|and)\b.*\b(?:ok|okay|safe|bad|dangerous)\b",
    r"\b(?:am|i|me|im)\b(?:\W+\w+){0,3}?\W+(?:addicted|hooked|dependent|overdos\w*)\b",
    r"\bmicro\s*-?\s*dos\w*\b.*\b(?:i|me|my|should|can|how)\b|\b(?:i|me|my|should|can)\b.*\bmicro\s*-?\s*dos\w*",
)

# What makes a "should I" a health question rather than "should I watch the next episode".
_HEALTH_CONTEXT = re.compile(
    r"\b(?:ketamine|ketamin|ketamina|cetamina|ket|k|special k|esketamine|spravato|clinica|clinique|klinik|sesiones|sessoes|seances|sitzungen|depresion|depressao|dosis|doses?|dosage|dosing|mg|\d+\s*mg|troches?|lozenges?|take|taking|use|using|try|"
    r"trying|microdos\w*|drug|drugs|med|meds|medication|medicines?|treatments?|therapy|infusions?|clinics?|prescri\w*|"
    r"depress\w*|anxiety|ptsd|ocd|bipolar|suicid\w*|mental|psychiatrist|doctor|health|safe|risk\w*|side effects?|"
    r"addict\w*|pregnan\w*|alcohol|drink|mix|combine|trip|k-?hole|dissociat\w*|nasal|spray|iv|injection|lozenge|"
    r"troche|pill|pills|sessions?|rounds?|effects?|help|treat|cure|heal|brain|habenula|body|heart|liver|bladder|kidneys?|psychosis|schizo\w*|genetic\w*)\b"
)

# "What does he say about ...", with no "I" or "my" in it, asks about the episode, not for advice.
_ABOUT_THE_EPISODE = re.compile(
    r"^\s*(?:so\s+)?(?:what|where|how|why|when)\s+(?:does|did|do)\s+(?:he|huberman|andrew|the episode|the podcast|they)\s+"
    r"(?:say|said|talk|mention|discuss|explain|think|cover|recommend)\b"
    # "Why is it dangerous to ...", with no "I" or "my": asks for the reason, not for advice.
    r"|^\s*(?:so\s+)?why\s+(?:is|are|does|do|would|can|could)\b"
    # finding a place: "where's the part warning about at-home ketamine"
    r"|^\W*(?:so\s+)?(?:where|wheres|which|what|whats)\s+(?:is\s+|was\s+|s\s+)?the\s+(?:part|bit|section|chapter|moment|timestamp)\b"
)
_FIRST_PERSON = re.compile(r"\b(?:i|im|ive|id|me|my|myself)\b")


# What a listener says about listening ("I think he mentioned", "I got lost around", "I was listening while
# driving"), and other people's people ("my coworker's wife"), are not their health: they are read out
# before asking whose situation a message tells.
_NOT_THE_ASKERS_HEALTH = re.compile(
    r"\bmy\s+(?:coworkers?|colleagues?|boss|bosses|neighbou?rs?|roommates?|teachers?|clients?|vets?|veterinarians?|buddy|buddies|mates?|pals?|friends|friend\s+group)\b"
    # what a moment did to the listener, a grandparent's service, a link wanted for someone else: "the mice in
    # the water part genuinely made me sad", "my grandpa served", "can someone find the part so i can send it"
    r"|\b(?:made|makes|make)\s+me\s+(?:\w+\s+)?(?:sad|cry|laugh|smile|happy|angry|mad|think)\b"
    r"|\bmy\s+(?:\w+\s+)?(?:grandpa|grandfather|grandma|grandmother|dad|father|uncle|great\s+\w+)\s+(?:served|fought|was\s+in\s+(?:the\s+)?(?:army|navy|marines|military|war|vietnam|korea))\b"
    r"|\bso\s+i\s+can\s+(?:send|show|share|forward|link|prove)\b"
    # what someone says of the writer in an argument: "he says im insane"
    r"|\b(?:says|said|thinks|think|calls?\s+me|called\s+me)\s+(?:im|i\s+am)\s+(?:insane|crazy|wrong|nuts|dumb|stupid|an\s+idiot|right|tripping)\b"
    # a figure of speech: "this lecture put me in a k-hole lol"
    r"|\b(?:put|puts|putting|sent|sends)\s+me\s+(?:in|into)\s+(?:a\s+)?k\s*-?\s*hole\b"
    r"|(?:\bme\W+)?(?:stuck\s+in\s+)?(?:a\s+)?\bk\s*-?\s*hole\s+of\s+(?:\w+\s+)?(?:vids|videos|content|episodes|eps|podcasts|youtube|reddit|tiktok)\b"
    # where the writer was while listening: "i was on the highway and missed half of it", "my train went into
    # a tunnel"
    r"|\bmy\s+(?:train|bus|car|commute|wifi|connection|signal|headphones|earbuds|airpods|app|run|walk|jog|hike|flight|workout|lunch\s+break)\b"
    # asking to be shown a place, and bets and arguments about what is true: "point me to the timestamp",
    # "made a bet w my roommate ... who owes who pizza"
    r"|\b(?:point|send|link|direct|show|tag|ping|dm)\s+me\s+(?:to\s+)?(?:\w+\s+){0,2}(?:timestamp|time\s*stamp|part|link|minute|chapter|clip|spot|source|study|paper)\b"
    r"|\b(?:made|make|have|had|got)\s+a\s+(?:\w+\s+)?bet\b|\bwho\s+owes\s+who\b|\b(?:i|we)\s+bet\s+(?:my|him|her|them|a)\b|\bi\s+(?:say|said|claim|argue|argued)\b"
    r"|\b(?:i|im|i\s+was)\s+(?:\w+\s+){0,2}(?:on\s+the\s+(?:highway|road|bus|train|subway|treadmill)|driving|commuting|doing\s+(?:the\s+)?dishes)\b"
    # an opinion: "sounds sketchy to me"
    r"|\b(?:sounds?|seems?|looks?|feels?)\s+(?:\w+\s+){0,2}to\s+me\b"
    # where the writer reads and argues, and a head that hurts from the science: "people in my reddit sub",
    # "@jay and i are arguing abt this", "how does it end up CAUSING plasticity?? my brain hurts"
    r"|\bmy\s+(?:reddit|sub|subreddit|feed|timeline|fyp|group\s+chat|gc|discord|server|class|notes|prof|professor|textbook)\b"
    r"|\bmy\s+(?:\w+\s+)?(?:prof|professor|lecturer|teacher|ta|textbook|class|lecture|seminar)\b"
    # a listener's delight: "i love how he does the math on himself"
    r"|\bi\s+(?:love|loved|like|liked|appreciate\w*|enjoy\w*)\s+(?:how|that|the\s+way|when)\s+(?:he|huberman|andrew)\b"
    r"|\band\s+i\s+(?:are|were|have\s+been|keep)\s+(?:\w+\s+)?(?:arguing|debating|discussing|disagreeing|fighting)\b"
    r"|\bmy\s+(?:brain|head|mind)\s+(?:hurts|is\s+(?:fried|melting|exploding|broken|spinning|blown))\b"
    r"|\b(?:i|im|ive|id|i\s+was|i\s+am|i\s+would)\s+(?:\w+\s+){0,3}?(?:think|thought|hear|heard|remember|noticed|missed|caught|listen\w*|watch\w*|expect\w*|"
    r"got\s+lost|lost\s+track|zoned\s+out|went\s+back|checked|rewound|catch|reading|studying|learning|taught|confused|wondering|recall|believe|guess\w*|understood|forgot|forget|mix\w*\s+(?:them|it|those)\s+up|had\s+no\s+idea|never\s+knew)\b"
)
# Someone's own situation with a drug or treatment: the writer (in a few languages too, and with the "I"
# dropped, as chat does: "did 6 infusions in spring"), or their child, parent or partner.
_SITUATION = re.compile(
    r"^(?=.*\b(?:i|im|ive|id|me|my|mine|myself|mujhe|mera|meri|mere|meu|minha|meus|minhas|eu|yo|mi|mis|mijn|mein|meine|meinem|meiner|ich|moi|mon|mes|jai|j\s+ai|je|biore|moj|moja|"
    r"(?<![\w\s])\s*(?:did|had|got|started|finished|tried|doing|taking|on)\s+(?:\d+\s+|my\s+|a\s+|an\s+|some\s+)?(?:\w+\s+)?(?:infusions?|sessions?|rounds?|treatments?|doses?|ketamine|ket|k|spravato|retreats?|ceremon(?:y|ies)|trips?)|"
    r"(?<![\w\s])\s*(?:want\s+to|wanna|looking\s+(?:at|into)|considering)\b|"
    # (a plan of one's own: "gonna try k", not "ok going to shower")
    r"(?:planning\s+to|gonna|going\s+to|about\s+to|thinking\s+of)\s+(?:\w+\s+){0,2}(?:try|trying|take|taking|do|doing|start|starting|get|getting|use|using|stop|stopping|book|ask|switch|mix|microdose|microdosing|go)\b|worth\s+(?:trying|it)|"
    r"(?<!\bhes\s)(?<!\bshes\s)(?<!\bhe\s)(?<!\bshe\s)(?<!\bhas\s)(?<!\bhave\s)(?<!\btheyve\s)been\s+(?:doing|taking|using|on))\b)"
    r"(?=.*\b(?:ketamine|ketamin|ketamina|cetamina|ket|k|esketamine|spravato|infusions?|troches?|lozenges?|"
    r"doses?|dosing|mg|meds|medications?|prescri\w*|treatments?|clinic|sessions?|ssris?|lexapro|zoloft|prozac|wellbutrin|adderall|"
    r"lithium|lamotrigine|seroquel|xanax|benzos?|alcohol|drinks?|drinking|wine|beer|weed|pregnan\w*|side\s+effects?|k\s*-?\s*hole|"
    r"dissociat\w*|bumps?|lines?|nasal|spray|microdos\w*|cptsd|ptsd|depression|bipolar|epilepsy|seizures?)\b)"
)
# Two drugs taken together, however written: "ketamine + xanax", "adderall in the morning + ket at night".
_COMBINED = re.compile(
    r"\b(?:ketamine|ket|k|special\s+k|esketamine|spravato)\b.{0,60}(?:\+|&|\bwith\b|\band\b|\bthen\b)"
    r"|(?:\+|&|\bwith\b|\band\b|\bafter\b|\bbefore\b).{0,60}\b(?:ketamine|ket|k|special\s+k|esketamine|spravato)\b"
)
# Asking what the episode claims ("does that match what he says", "does huberman agree") is not advice.
_EPISODE_CLAIM = re.compile(
    r"\b(?:match|fit|line\s+up\s+with)\s+what\s+(?:he|huberman)\s+(?:says|said)\b|\bdoes\s+(?:he|huberman|andrew)\s+agree\b"
    r"|\baddicted\s+to\s+(?:this|the|his)\s+(?:podcast|channel|show|content|episodes?|pod)\b"
    r"|\baccording\s+to\s+(?:the\s+ep\w*|him|huberman|the\s+podcast|the\s+stud\w+)\b|\bin\s+the\s+stud(?:y|ies)\b"
    r"|\bis\s+that\s+what\s+(?:he|huberman|andrew|the\s+(?:research|science|studies|study|data|evidence))\s+(?:actually\s+|really\s+)?(?:claims?|says?|said|means?|shows?|showed)\b"
    r"|\bwhat\s+the\s+(?:research|science|studies|study|data|evidence|trials?)\s+(?:actually\s+|really\s+)?(?:says?|said|shows?|showed|found|finds)\b"
    # "is that the dissociation thing he describes?"
    r"|\bis\s+(?:that|this)\s+(?:the\s+)?(?:\w+\s+){0,3}(?:thing|part|effect|state)\s+(?:he|huberman)\s+(?:describes?|described|mentions?|mentioned|talks?\s+about|means)\b"
    r"|\bwhy\s+(?:does|did|would)\s+(?:he|huberman|andrew)\s+(?:say|think|claim)\b"
)
# Asked for work or study, or for others, not for oneself: "for a pharmacology presentation", "I'm an ER
# nurse", "I run a peer support group and someone asked me".
_JOBS = (
    r"(?:nurse|doctor|physician|paramedic|emt|pharmacist|researcher|resident|student|psychiatrist|anesthesiologist|anesthetist|anaesthetist|crna|trainer|coach|"
    r"writer|journalist|reporter|blogger|teacher|counselor|counsellor|therapist|social\s+worker|bartender|barista|vet\s+tech|tech|technician|medic|"
    r"chemist|biologist|psychologist|scientist|engineer|developer|dev|programmer|lawyer|cop|police\s+officer|firefighter|midwife|doula|chaplain|librarian|"
    r"professor|lecturer|tutor|dentist|veterinarian|pharmacologist|neuroscientist|toxicologist|dispatcher|lifeguard|bouncer|dj|promoter)"
)
_PROFESSIONAL = cue_list(
    rf"^\W*(?:\w+\s+){{0,3}}{_JOBS}\s*(?:here\b|,|:)"
    # a course taken: "so I did a psych minor and they taught us", "in my pharmacology class"
    r"|\b(?:psych|psychology|neuro\w*|pharm\w*|bio\w*|chem\w*|nursing|pre\s*-?\s*med|med)\s+(?:minor|major|degree|class|course|lecture|student|school)\b"
    r"|\bfor\s+(?:a|my|our)\s+(?:\w+\s+){0,2}(?:presentation|class|essay|paper|assignment|exam|midterms?|finals|quiz|boards|mcat|usmle|thesis|report|lecture|course|review|dissertation|capstone|journal\s+club|"
    r"study\s+group|explainer|article|piece|blog|newsletter|post|video|podcast|channel)\b"
    rf"|\b(?:im|i\s+am|as)\s+an?\s+(?:\w+\s+){{0,2}}{_JOBS}\b"
    # studying it, in other languages: "ich studiere Pharmazie", "estudio farmacia", "je suis etudiant"
    r"|\b(?:ich\s+studiere|estudio|estudo|j\s*etudie|studio|je\s+suis\s+etudiant\w*|soy\s+estudiante|sou\s+estudante)\s+(?:\w+\s+)?(?:pharm\w*|farm\w*|medizin|medicina|medecine|psycholog\w*|psicolog\w*|biolog\w*|chemie|quimica|enfermeria|enfermagem|neuro\w*)\b"
    r"|\b(?:citing|cite|quoting|using)\s+(?:it|this|that|them)\s+in\s+(?:my|a|our)\s+(?:\w+\s+){0,2}(?:thesis|paper|essay|dissertation|report|presentation|review)\b"
    r"|\b(?:writing|working\s+on)\s+(?:a|an|my)\s+(?:\w+\s+){0,2}(?:explainer|article|piece|post|essay|paper|thesis|story|script|novel|book|screenplay|play|scene)\b"
    r"|\bi\s+(?:work|worked|used\s+to\s+work)\s+(?:(?:the\s+)?(?:front\s+desk|reception|nights|days|part\s+time|full\s+time|intake|admin)\s+)?(?:in|at|as)\s+(?:a|an|the)?\s*(?:\w+\s+){0,2}(?:billing|clinic|hospital|pharmacy|er|icu|ems|nurse|lab|research|insurance|coding|practice|mouse\s+lab|rat\s+lab)\b"
    r"|\bi\s+(?:run|lead|moderate|host|own|founded|started)\s+(?:a|an|the|our)\s+(?:\w+\s+){0,3}(?:group|page|channel|podcast|forum|server|class|meeting|company|startup|business|practice|pharmacy|nonprofit|charity)\b"
    # teaching, or running an event for others: "I teach high school bio", "we're running a harm reduction night"
    r"|\bi\s+(?:run|lead|give|host|facilitate|organi[sz]e|teach)\s+(?:\w+\s+){0,3}(?:workshops?|trainings?|seminars?|classes|courses|outreach|programs?|events)\b"
    r"|\b(?:faire|preparer|pour)\s+(?:un|une|mon|ma)\s+(?:expose|presentation|memoire|devoir)\b|\bmi\s+(?:tfg|tfm|tesis|exposicion)\b|\bmeu\s+(?:tcc|seminario)\b|\b(?:referat|hausarbeit|seminararbeit|facharbeit)\b"
    r"|\bi\s+teach\b|\bwe(?:re|\s+are)\s+(?:running|hosting|organi[sz]ing|putting\s+on|planning)\s+a\b"
    # a job said in Spanish, Portuguese, French or German ("soy residente de psiquiatria", "ich bin Arzt")
    r"|\b(?:soy|sou)\s+(?:\w+\s+)?(?:residente|medic[oa]|enfermer[oa]|enfermeir[oa]|psiquiatra|farmaceutic[oa]|investigador\w*|pesquisador\w*)\b"
    r"|\bje\s+suis\s+(?:\w+\s+)?(?:interne|medecin|infirmier\w*|psychiatre|pharmacien\w*|chercheu\w*)\b"
    r"|\bich\s+bin\s+(?:\w+\s+)?(?:arzt|arztin|assistenzarzt\w*|krankenpfleger\w*|pfleger\w*|psychiater\w*|apotheker\w*|forscher\w*)\b"
    # someone else's work: "my aunt works at a ketamine clinic", "my cousin is a vet tech"
    # ("a vet" is a veteran as often: "my dad is a vietnam vet with ptsd")
    r"|\b(?:(?:my\s+\w+|\w+\s+of\s+mine)\s+(?:is|was|works|worked)\s+(?:a|an|at|as)|my\s+\w+s\s+(?:a|an))\s+(?:\w+\s+){0,2}(?:nurse|doctor|animal\s+vet|vet\s+tech|veterinarian|pharmacist|clinic|hospital|paramedic|medic|army\s+medic|combat\s+medic|anesthesiologist|anesthetist|researcher|psychiatrist|chemist|scientist)\b"
    r"|\b(?:discuss|present|cover|debate)\w*\s+(?:it\s+|this\s+|that\s+)?in\s+(?:class|lecture|seminar)\b|\bmy\s+(?:professor|prof|teacher|lecturer|ta)\s+(?:wants|asked|told|assigned)\b"
)
# A treatment told as settled ("it works for her, she's not looking to change anything", "zero complaints"):
# what follows is curiosity about the episode, not a decision to make.
_SETTLED = re.compile(
    r"\bnot\s+(?:looking|planning|trying|wanting|going)\s+(?:to|on)\s+(?:change|changing|switch\w*|stop\w*|try\w*|quit\w*)\s+(?:anything|it|that|a\s+thing)\b"
    r"|\b(?:zero|no)\s+complaints\b"
    # ("nothing ever worked for me lol. should i just go for the ketamine" is the opposite)
    r"|(?<!\bnothing\s)(?<!\bnothing\sever\s)(?<!\bnever\s)(?<!\bhasnt\s)(?<!\bnot\s)\b(?:works|worked|has\s+worked|been\s+(?:great|good|fine))\s+(?:great\s+|well\s+|fine\s+)?for\s+(?:me|him|her|them|us)\b.{0,60}\b(?:but|just|curious|wondering)\b"
)
# Advice disowned ("he's going to talk to his doctor, that's not my question"), or a paper asked for ("which
# paper was he talking about"): what follows asks for information.
_NOT_ASKING_ADVICE = re.compile(
    r"\bin\s+general\b|\b(?:thats|that\s+is|this\s+is)\s+not\s+(?:my|the)\s+question\b|\bnot\s+(?:asking|looking)\s+for\s+(?:medical\s+)?advice\b"
    r"|\b(?:which|what)\s+(?:paper|study|article|trial|review)\s+(?:was|is|did)\s+(?:he|huberman|that|this|it)\b"
)
# Someone else's mixing, told: "my coworker's on naltrexone and his ketamine treatments did zilch".
_SOMEONE_ELSE = re.compile(
    # ... and a study's: "the stanford paper where they gave naltrexone before the ketamine", "the people who
    # got ketamine + naltrexone"
    r"\b(?:the\s+)?(?:people|patients|participants|subjects|ones|group)\s+(?:who|that)\s+(?:got|took|received|were\s+given)\b|"
    r"\b(?:paper|study|studies|trial|experiment|research)\s+(?:where|in\s+which|when|that)\s+(?:they|researchers|people|patients|participants|subjects)\b|"
    r"\bmy\s+(?:coworker|colleague|cousin|buddy|friend|roommate|neighbou?r|boss|uncle|aunt|brother\s+in\s+law|sister\s+in\s+law)s?\b"
)
# Asked for the asker, now: "should i", "can i", "for me".
_DIRECT_ASK = re.compile(
    r"\b(?:should|can|could|may|do|would|will)\s+i\b(?!\s+(?:send|share|show|link|post|point|tag|forward|skip|rewatch)\b)|\bshould\s+(?:she|he|they|my\s+\w+)\s+(?:ask|try|take|stop|start|go|get|switch|quit)\b|\bshould\s+we\s+(?:go|try|do|start|ask|get|consider)\b|(?<!\bon\s)\bfor\s+me\b|\bmy\s+(?:dose|meds|treatment)\b"
    r"|\b(?:got|was|been|just\s+got)\s+(?:prescribed|approved\s+for|started\s+on|put\s+on)\b"
    # one's own night or first dose weighed: "im fine now but was that actually dangerous?", "kinda nervous to start"
    r"|\bwas\s+(?:that|this|it)\s+(?:actually\s+|really\s+)?(?:dangerous|bad|risky|safe|normal|ok|okay)\b"
    r"|\b(?:nervous|scared|afraid|worried|anxious)\s+(?:to|about)\s+(?:start|starting|take|taking|try|trying|begin|beginning)\b"
    # "ive been good for 4 months ... am i just placeboing myself" (not "am i misremembering")
    r"|\bam\s+i\s+(?:just\s+)?(?!misremember|mishear|wrong|confus|remembering|hearing|missing|crazy\b)[a-z]+ing\s+(?:myself|it)\b"
)
# Any ask, direct or not: "anyone know", "is that normal", "what would you do", "thats fine right?".
_ASK = cue_list(
    r"\?|\b(?:c\s*est|es|e|ist\s+das|is\s+dat|czy\s+to)\s+normal\w*|\banyone\s+(?:know|else|tried|have|had)\b|\bis\s+(?:that|this|it)\s+(?:normal|bad|ok|okay|fine|safe|dangerous|a\s+problem)\b"
    r"|\bwhat\s+would\s+(?:you|u|yall|he|you\s+guys|u\s+guys|you\s+all|ppl|people)\s+do\b|\b(?:right|yeah|ok|correct)\s*[?.!]*\s*$|\bshould\s+i\b|\bany\s+(?:advice|tips|thoughts)\b"
    r"|\b(?:worried|scared|nervous|concerned|freaked\s+out|freaking\s+out|anxious\s+about|afraid)\b|\bsupposed\s+to\b|\bthoughts\b|\bwondering\b|\bcurious\b"
)
# Finding one's way in the episode is not advice: "what was the part about ...", "where does he say ...".
_NAVIGATION = re.compile(
    r"\b(?:what|where|which)\s+(?:was|is)\s+the\s+(?:part|bit|section|chapter|moment|timestamp)\b|\bwhere\s+(?:does|did)\s+he\b"
    r"|\bwhat\s+(?:did|does)\s+(?:he|huberman|andrew)\s+(?:say|mean)\b"
    # and neither is following it: "the mechanism part lost me", "i dont get the AND gate thing"
    r"|\blost\s+me\b|\bi\s+(?:dont|didnt|do\s+not|did\s+not)\s+(?:get|understand|follow)\b|\bconfus\w*\s+me\b"
    r"|\bje\s+(?:ne\s+)?comprends\s+pas\b|\bno\s+entiendo\b|\bnao\s+entendi\b|\bnao\s+entendo\b|\bich\s+verstehe\s+(?:\w+\s+)?nicht\b"
    r"|\b(?:i\s+am|im)\s+(?:so\s+|totally\s+|completely\s+)?lost\b"
    # asking what the episode says, or where: "did he say that or did i dream it", "what minute was that",
    # "which one did nolan williams end up saying is best", "what risks did he bring up"
    r"|\bor\s+(?:did|am)\s+i\s+(?:just\s+)?(?:dream|imagin|mishear|misremember|make|making|confus|mix\w*\s+(?:it|that|them)\s+up)\w*\b"
    # "did huberman mention the vietnam thing", "wo erklärt er den Unterschied"
    r"|\bdid\s+(?:he|huberman|andrew|the\s+(?:episode|ep|podcast))\s+(?:ever\s+|even\s+|also\s+)?(?:mention|cover|bring\s+up)\b"
    r"|\bwo\s+(?:erklart|sagt|spricht|redet)\s+er\b|\b(?:donde|onde|ou)\s+(?:explica|habla|fala|parle|explique)\b"
    r"|\b(?:what|which)\s+(?:\w+\s+){0,3}(?:did|does)\s+(?:he|huberman|andrew|they|[a-z]+\s+williams)\s+(?:\w+\s+)?(?:say|said|bring\s+up|mention|end\s+up|get\s+into|describe|call)\b"
    r"|\b(?:what|which)\s+(?:minute|min|part|timestamp|time\s*stamp|chapter|section)\s+(?:was|is)\s+(?:that|this|it)\b|\bwhere\s+does\s+(?:he|huberman)\s+get\s+into\b"
    # "theres a part where huberman says ..., where is that"
    r"|\b(?:theres|there\s+is|there\s+was)\s+a\s+(?:part|bit|section|moment)\s+where\b|\bwhere\s+(?:is|was)\s+(?:that|this)\s*(?:part|bit)?\W*$"
)


# A treatment still going on, whatever happened months ago: "next round is in 2 weeks".
_ONGOING = re.compile(
    r"\b(?:next|upcoming|another|booster)\s+(?:round|session|infusion|dose|treatment|appointment)\b|\bstill\s+(?:on|taking|doing|getting)\b"
)

# The drugs people combine; a second one next to ketamine makes a combination.
_DRUGS = re.compile(
    r"\b(?:alcohol|booze|drinks?|drinking|beers?|wine|vodka|weed|cannabis|thc|ssris?|snris?|maois?|lexapro|zoloft|prozac|"
    r"wellbutrin|adderall|ritalin|vyvanse|lithium|lamotrigine|lamictal|seroquel|xanax|benzos?|klonopin|valium|mdma|molly|"
    r"psilocybin|shrooms|mushrooms|cocaine|coke|opioids?|oxy|naltrexone|suboxone|methadone|caffeine|coffee|meds|pills)\b"
)


# What a therapist or doctor said, told as a fact, is information, not the asker's situation.
_REPORTED = re.compile(
    r"\bmy\s+(?:\w+s\s+)?(?:therapist|doctor|doc|psychiatrist|gp|professor|prof|teacher|pharmacist|manager|boss|coworker|colleague)\s+(?:once\s+)?(?:said|says|told\s+(?:me|us|him|her|them)|mentioned|explained|described|calls|called|compared)\b"
    # a friend's story told: "buddy of mine described his first k-hole at a festival"
    r"|\b(?:\w+\s+of\s+mine|my\s+(?:buddy|friend|mate|pal|roommate|coworker))\s+(?:once\s+)?(?:described|told\s+(?:me|us)\s+about|swears|(?:was\s+)?brag\w*|claims|insists)\b[^.?!]*"
    # how someone close will take the news: "my dad is gonna lose it when i tell him"
    r"|\bmy\s+(?:dad|mom|mum|father|mother|brother|sister|wife|husband|partner|gf|bf|friend|parents|family)\s+(?:is\s+)?(?:gonna|going\s+to|will|would)\s+(?:lose\s+it|freak(?:\s+out)?|flip|kill\s+me|laugh|be\s+(?:mad|shocked|pissed|so\s+mad))\b[^.?!]*"
    # someone close who heard the episode too: "my dad heard a snippet of this in the car"
    r"|\bmy\s+(?:dad|mom|mum|father|mother|brother|sister|wife|husband|partner|gf|bf|friend|cousin|roommate)\s+(?:heard|overheard|watched|listened|laughed|joked|asked\s+me\s+(?:why|what))\b"
    # a claim someone close keeps making, to the end of its sentence: "my dad keeps telling me ketamine is
    # 'basically angel dust' and im gonna end up punching light poles"
    r"|\bmy\s+(?:dad|mom|mum|father|mother|brother|sister|uncle|aunt|grandpa|grandma|cousin|friend|friends|roommate|family|parents)\s+(?:keeps?|kept|always|used\s+to)\s+(?:telling\s+me|saying|say|said|calling|call|warning\s+me|insisting)\b[^.?!]*"
    # ... or a claim about the drug itself: "my uncle (pharmacist) says ketamine is basically an opioid, my cousin
    # says no its NMDA"
    r"|\bmy\s+(?:dad|mom|mum|father|mother|brother|sister|uncle|aunt|grandpa|grandma|cousin|friend|friends|roommate|family|parents|bf|gf|boyfriend|girlfriend|buddy)\s+(?:\(\w+\)\s+)?(?:says|said|claims|thinks|swears|insists)\s+(?:that\s+|no\s+|yes\s+)?(?:ketamine|it|its|k|ket|esketamine|spravato)\b(?![^.?!,]*\b(?:my|me|i|im)\b)[^.?!,]*"
    # ... or said once and argued over: "my uncle said that at thanksgiving and we had a whole fight about it"
    r"|\bmy\s+(?:dad|mom|mum|father|mother|brother|sister|uncle|aunt|grandpa|grandma|cousin|friend|friends|roommate|family|parents|bf|gf|boyfriend|girlfriend)\s+(?:once\s+)?(?:said|says|claims|claimed|insists|insisted|swore)\s+(?:that|this|the\s+same)\s+(?:at|on|during|over|in|last|once|too|to\s+me|and)\b[^.?!]*"
    # checking what one understood, and figures of speech: "did i get that right?", "explain like im 5",
    # "nobody ever told me that"
    r"|\b(?:did|do|have)\s+i\s+(?:get|got|have|understand)\s+(?:that|this|it|everything)\s+(?:right|correct|straight)\b"
    r"|\bam\s+i\s+(?:understanding|reading|getting|following|summarizing|summarising|remembering)\s+(?:this|that|it|him)\s+(?:right|correctly)\b"
    r"|\bor\s+am\s+i\s+(?:\w+\s+)?(?:backwards|wrong|off|confused|misunderstanding|missing\s+something)\b"
    r"|\bdo\s+i\s+have\s+(?:it|that|this)\s+(?:backwards|wrong|right|mixed\s+up)\b|\b(?:just\s+)?checking\s+(?:that\s+|if\s+)?i\s+(?:get|got|understand)\b"
    r"|\bif\s+i\s+(?:understand|understood|followed|got)\s+(?:this|that|it|him)?\s*(?:right|correctly)\b"
    r"|\b(?:explain|eli5)\s+(?:it\s+|this\s+|that\s+)?like\s+(?:im|i\s+am)\s+(?:\d+|five|a\s+\w+)\b"
    r"|\b(?:nobody|no\s+one|noone)\s+(?:\w+\s+)?(?:told|tell|tells|warned)\s+me\b|\b(?:breaks?|broke|melts?|melted|fried|blew|blows)\s+my\s+(?:brain|mind|head)\b"
)


def wants_health_advice(message: Message) -> bool:
    """Whether the message asks about someone's own health with a drug or treatment, in any phrasing."""
    text = _REPORTED.sub(" ", message.folded)
    if _ABOUT_THE_EPISODE.search(text) and not _FIRST_PERSON.search(text):
        return False
    # "my grandpa got ketamine for surgery in the 80s" is history, not a question about now.
    over = OVER.search(text) and not _ONGOING.search(text)
    # ("it's been great for me" is no "for me" asked)
    asked = _SETTLED.sub(" ", text)
    if (
        _EPISODE_CLAIM.search(text)
        or over
        or asked != text
        or _NOT_ASKING_ADVICE.search(text)
        or _PROFESSIONAL.found_in(text)
    ) and not _DIRECT_ASK.search(asked):
        return False
    told = _NOT_THE_ASKERS_HEALTH.sub(" ", text)
    if _PERSONAL.found_in(text) and _HEALTH_CONTEXT.search(text):
        return True
    asks = bool(_ASK.found_in(text))
    if asks and _COMBINED.search(text) and _DRUGS.search(text) and not _SOMEONE_ELSE.search(text):
        return True
    situation = _SITUATION.search(told)
    # One's own situation with any question about it, a question mark or not ("im 17 and wanna try k at a
    # party, how much is safe for a first time").
    return bool(situation and (asks or _asks_anything(message)) and not _NAVIGATION.search(text))
