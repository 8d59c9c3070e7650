"""Text to search terms: Unicode folding, tokens, stop words and stems."""

from __future__ import annotations

import gzip
import importlib.util
import math
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import msgpack
import snowballstemmer

# The scripts of India and South-East Asia write vowels as combining marks, which are not \w: within them
# every character is a word's ("चिंता" was "च त", which no Hindi word matched).
INDIC = "\u0900-\u0963\u0966-\u0dff\u0e00-\u0eff\u1000-\u109f"
_TOKEN = re.compile(rf"(?:[^\W_]|[{INDIC}])+(?:\.\d+)?")
_APOSTROPHES = re.compile(r"[\u0027\u2018\u2019\u02bc\u0060\u00b4]")
# A French or Italian elision ("d'en finir", "l'ultima") is two words, where an English contraction
# ("don't", "I'd") is one: only a lone c, d, j, l, m, n, s, t or qu before a vowel is cut off.
_ELISION = re.compile(r"\b(qu|[cdjlmnst])[\u0027\u2019\u02bc](?=[aeiouyh\u00e0-\u00fc])", re.IGNORECASE)
_STEMMER = snowballstemmer.stemmer("english")

# Function words and the chat around a question ("hey, what does he say about ..."): they never say
# which chapter is meant. Topic words stay, even common ones; the ranking discounts those by rarity.
STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any anything are arent as at be because been
    before being below between both but by can cant could couldnt did didnt do does doesnt doing dont
    down during each either else even ever every few for from further get gets getting go goes going
    got had hadnt has hasnt have havent having he hed hell hes her here heres hers herself him himself
    his how hows i id ill im ive if in into is isnt it its itself just let lets like likely me might
    more most much must mustnt my myself no nor not of off on once one only or other ought our ours
    ourselves out over own per please pls plz really same say says said shall she shed shell shes should
    themself ourself yourselfs overall skip plus
    shouldnt so some something such than that thats the their theirs them themselves then there theres
    these they theyd theyll theyre theyve thing things this those though through thru to too u under
    until up upon ur us very vs versus via was wasnt way we wed well were weve werent what whats when
    whens where wheres whether which while who whos whom why whys will with within without wont would
    wouldnt yall yes yeah yep you youd youll your youre yours yourself yourselves youve
    hey hi hello yo ok okay hmm um uh btw tbh imo idk actually basically kinda sorta gonna wanna gotta
    eli5 lmk
    know tell explain explained explains talk talks talked talking mention mentions mentioned mentioning
    discuss discusses discussed discussing describe described describes cover covers covered covering
    part section chapter chapters bit point points where whereabouts timestamp timestamps time stamp
    mean means meant think thought guy dude bro man question questions anyone someone somebody
    episode ep podcast pod video vid show huberman andrew dr doctor lab hubermanlab
    """.split()
)


# Letters that are a plain one with a stroke or without a dot, which NFKD leaves whole: Turkish dotless i,
# Polish l with a stroke, Danish o with a stroke, Croatian d with a stroke.
_UNDECOMPOSED = str.maketrans(
    {"\u0131": "i", "\u0142": "l", "\u0141": "L", "\u00f8": "o", "\u00d8": "O", "\u0111": "d"}
)


_ACCENTS = re.compile("[\u0300-\u036f\u064b-\u065f\u0670]")


def fold(text: str) -> str:
    """Lower case without accents or apostrophes: "What's Ketamín?" -> "whats ketamin?"."""
    if "'" in text or "\u2019" in text or "\u02bc" in text:  # the apostrophes _ELISION reads
        text = _ELISION.sub(r"\1 ", text)
    if text.isascii():  # nothing to decompose: the common case, and the hot path when indexing
        return text.replace("'", "").replace("`", "").casefold()
    text = unicodedata.normalize("NFKD", text)
    # Only the accents of Latin, Greek and Cyrillic letters and Arabic's vowel and hamza marks go; NFC then
    # puts back together what NFKD took apart and nothing removed: Hangul syllables ("살기 싫어" was its
    # jamo, which no Korean word matched) and kana with their voicing marks.
    text = unicodedata.normalize("NFC", _ACCENTS.sub("", text))
    return _APOSTROPHES.sub("", text).translate(_UNDECOMPOSED).casefold()


# Chat spellings of words the index knows by their full form.
SLANG = {
    "ket": "ketamine",
    "keta": "ketamine",
    "ppl": "people",
    "abt": "about",
    "bc": "because",
    "rn": "now",
    "smth": "something",
    "sth": "something",
    "prof": "professor",
    "wks": "weeks",
    "wk": "week",
    "yrs": "years",
    "yr": "year",
    "hrs": "hours",
    "hr": "hour",
    "mins": "minutes",
    "meds": "medication",
    "rx": "prescription",
    "doc": "doctor",
    "bday": "birthday",
    "tho": "though",
    "thru": "through",
    "w": "with",
}
# Everyday words for what an episode names in its own terms; the everyday word is kept as well.
LAY_TERMS = {
    "nose": "nasal",
    "snort": "nasal",
    "snorted": "nasal",
    "snorting": "nasal",
    "needle": "injection",
    "shot": "injection",
    "drip": "infusion",
    "pill": "oral",
    "pills": "oral",
    "tablet": "oral",
    "swallow": "oral",
    "beer": "alcohol",
    "beers": "alcohol",
    "wine": "alcohol",
    "vodka": "alcohol",
    "booze": "alcohol",
    "drunk": "alcohol",
    "drinking": "alcohol",
    "weed": "cannabis",
    "trippy": "dissociation",
    "tripping": "dissociation",
    "numb": "dissociation",
    "floaty": "dissociation",
    "detached": "dissociation",
    "spacey": "dissociation",
    "spaced": "dissociation",
    "lozenge": "troche",
    "lozenges": "troche",
    "tranq": "tranquilizer",
    "epilepsy": "seizure",
    "epileptic": "seizure",
    "rave": "recreational",
    "raves": "recreational",
    "raving": "recreational",
    "clubbing": "recreational",
    "coke": "cocaine",
}

# The episode's terms in Spanish, Portuguese, French, German and Italian, folded: listeners ask in their own
# language, and these words would otherwise be unknown to every index. Matching reads each as the English
# term; safety reads the message as written. Only words whose meaning is the same in every context.
OTHER_LANGUAGES = {
    **dict.fromkeys("ketamina cetamina ketamin".split(), "ketamine"),
    **dict.fromkeys("esketamina esketamin".split(), "esketamine"),
    **dict.fromkeys("depresion depressao depressione depresja".split(), "depression"),
    **dict.fromkeys(
        "depresivo depresiva depressivo depressiva depressif depressive depressiven".split(),
        "depressive",
    ),
    **dict.fromkeys("depresiones depressionen depressoes".split(), "depression"),
    **dict.fromkeys("hipotesis hipotese hypothese ipotesi".split(), "hypothesis"),
    **dict.fromkeys(
        "monoaminergique monoaminergica monoaminergico monoaminas monoamines monoamine".split(),
        "monoamine",
    ),
    **dict.fromkeys("estudio estudo etude studie".split(), "study"),
    **dict.fromkeys("estudios estudos etudes studien".split(), "studies"),
    **dict.fromkeys("pacientes patienten pazienti".split(), "patients"),
    **dict.fromkeys("infusion infusao perfusion infusione infusiones infusoes".split(), "infusion"),
    **dict.fromkeys("efecto efeito effet wirkung effetto efectos efeitos effets".split(), "effect"),
    **dict.fromkeys(
        "antidepresivos antidepressivos antidepresseurs antidepressiva antidepressivi".split(),
        "antidepressants",
    ),
    **dict.fromkeys("isrs".split(), "ssri"),
    **dict.fromkeys("tept tspt ptbs".split(), "ptsd"),
    **dict.fromkeys("disociacion dissociacao dissoziation".split(), "dissociation"),
    **dict.fromkeys("ansiedad ansiedade anxiete angst angststorungen angststorung ansia".split(), "anxiety"),
    **dict.fromkeys(
        "adiccion vicio addiction sucht suchterkrankungen dipendenza uzaleznienie".split(), "addiction"
    ),
    **dict.fromkeys("adictivo adictiva viciante vicia addictif suchtig uzaleznia".split(), "addictive"),
    **dict.fromkeys("narkose anestesia anesthesie".split(), "anesthesia"),
    **dict.fromkeys("anestesico anestesique anasthetikum".split(), "anesthetic"),
    **dict.fromkeys("luz lumiere licht".split(), "light"),
    **dict.fromkeys("azul bleue bleu blau blaues blaue".split(), "blue"),
    **dict.fromkeys("madrugada".split(), "morning"),
    **dict.fromkeys("despertarse despertar acordar reveiller aufwachen".split(), "waking"),
    **dict.fromkeys("cerebro cerveau gehirn cervello".split(), "brain"),
    **dict.fromkeys("receptores recepteurs rezeptoren recettori".split(), "receptors"),
    **dict.fromkeys("opioides opioide oppioidi".split(), "opioid"),
    **dict.fromkeys("naltrexona".split(), "naltrexone"),
    **dict.fromkeys(
        "neuroplasticidad neuroplasticidade neuroplasticite neuroplastizitat neuroplasticita".split(),
        "neuroplasticity",
    ),
    **dict.fromkeys("plasticidad plasticidade plasticite plastizitat plasticita".split(), "plasticity"),
    **dict.fromkeys("vejiga bexiga vessie blase vescica".split(), "bladder"),
    **dict.fromkeys("recreativo recreativa recreatif".split(), "recreational"),
    **dict.fromkeys("psilocibina psilocybine".split(), "psilocybin"),
    **dict.fromkeys("ratas ratos ratten ratti szczury szczurami szczurach".split(), "rats"),
    **dict.fromkeys("nadando natation schwimmen nuotare plywajace plywajacymi plywanie".split(), "swimming"),
    **dict.fromkeys(
        "bezradnosc indefension impotencia desamparo impuissance hilflosigkeit impotenza".split(),
        "helplessness",
    ),
    **dict.fromkeys(
        "intravenosa intravenoso intraveineuse intravenos intravenose endovenosa dozylnie".split(),
        "intravenous",
    ),
    **dict.fromkeys("sertralina".split(), "sertraline"),
    **dict.fromkeys("ratones souris mause topi".split(), "mice"),
    **dict.fromkeys("nariz nez nase naso".split(), "nasal"),
    **dict.fromkeys("habitos habitudes gewohnheiten abitudini".split(), "habits"),
    **dict.fromkeys("mecanismos mecanismes mechanismen meccanismi".split(), "mechanisms"),
    **dict.fromkeys("suicidio suizid".split(), "suicide"),
    **dict.fromkeys("alcool alkohol".split(), "alcohol"),
    **dict.fromkeys("dosis".split(), "dose"),
    **dict.fromkeys("sinapsis sinapses synapsen sinapsi".split(), "synapses"),
    **dict.fromkeys("esquizofrenia schizophrenie".split(), "schizophrenia"),
    **dict.fromkeys("bipolaridad bipolaridade".split(), "bipolar"),
    **dict.fromkeys("dormir schlafen dormire sueno sommeil schlaf".split(), "sleep"),
    **dict.fromkeys("manana matin morgens morgen mattina".split(), "morning"),
    **dict.fromkeys("dias jours tagen tage giorni".split(), "days"),
    **dict.fromkeys("horas heures stunden".split(), "hours"),
    **dict.fromkeys("semanas semaines wochen settimane".split(), "weeks"),
    **dict.fromkeys("clinica clinique klinik".split(), "clinic"),
    **dict.fromkeys("legalmente legal legale".split(), "legal"),
    **dict.fromkeys("casa maison zuhause".split(), "home"),
    **dict.fromkeys("primeiro premier erste primo".split(), "first"),
    **dict.fromkeys(
        "sesion sessao seance sitzung sessione sesiones sessoes seances sitzungen".split(),
        "session",
    ),
    **dict.fromkeys(
        "bloquean bloquear bloquea bloqueiam bloqueia bloquent bloquer blockieren bloccano".split(), "block"
    ),
    **dict.fromkeys("bloqueando bloqueado bloque blockiert bloccato bloccando".split(), "blocking"),
    **dict.fromkeys(
        "funciona funcionar funcione fonctionne fonctionner funktioniert funziona funzionare".split(), "works"
    ),
    **dict.fromkeys("rapidamente rapidement schnell velocemente".split(), "quickly"),
}


# Function words of the other languages listeners write in, none of them an English word: a message with
# OTHER_LANGUAGE_WORDS of them is in that language, so its unknown words are not English misspelt.
FOREIGN_FUNCTION_WORDS = frozenset(
    # Spanish, Portuguese, Italian, French
    "que pero porque cuando tengo estoy esto muy tambien donde puedo para ella ellos usted hay eso todo "
    "nao voce muito tambem isso esse essa tenho estou pra ele ela uma "
    "che sono questo questa anche molto quando perche tutto invece della delle degli cosa mio mia ho "
    "je pas est une avec pour dans mais tres aussi cette les des qui mon nous vous elle "
    # German, Dutch, Polish
    "ich nicht und der das ist mit auch wenn aber sehr mein meine habe wie dass oder kann nach einer eine "
    "einen nur noch schon weil dann doch sind wird haben gibt ihr mir mich dich etwas dieser diese "
    "ik niet een het maar voor zijn heb ook deze mijn naar hoe "
    "nie jest sie jak czy ale mam jestem bardzo tylko mnie "
    # Hindi and Urdu in Latin letters, Indonesian and Malay, Tagalog, Turkish, Swahili
    "hai hain nahi mujhe mera meri kya bhi toh karta karna mein yeh woh kahan kyun aur tha thi hota "
    "saya tidak yang dan ini itu dengan untuk aku apa ada bisa sudah juga "
    "ako ang mga hindi yung lang naman kasi siya "
    "bir cok ama icin ben ile yok "
    "kwa hii sana".split()
)
OTHER_LANGUAGE_WORDS = 3
# Their words spelt like English ones, which in such a message are theirs: German "die" is no dying.
FOREIGN_HOMOGRAPHS = frozenset(
    "die was will also man bin war hat kind son come sale pain sort chat more".split()
)

# "k" is ketamine after a word of taking or having it ("do k", "a bump of k", "found k in"), or before a
# word said of a drug ("k isnt addictive", "k therapy"); else just a letter ("k thanks", "vitamin k").
_TAKING = frozenset(
    "do did does doing done take took taking taken on of some snort snorted with and plus "
    "found bought buy buying got sell selling sells tried try trying mentioned suggested recommended "
    "prescribed offered started starting considering".split()
)
_SAID_OF_A_DRUG = frozenset(
    "is isnt was wasnt plus and with addictive addicting therapy clinic clinics infusion infusions session "
    "sessions dose doses dosing users addiction helps helped works worked treatment treatments".split()
)


def words(text: str) -> list[str]:
    """Every word of the text, folded, stop words included, chat spellings written out."""
    found = [SLANG.get(w, w) for w in _TOKEN.findall(fold(text).replace("+", " plus "))]
    return ["ketamine" if w == "k" and _means_ketamine(found, i) else w for i, w in enumerate(found)]


def _means_ketamine(found: list[str], i: int) -> bool:
    """Whether the "k" at `i` is the drug, by the words on either side of it."""
    before = found[i - 1] if i else ""
    after = found[i + 1] if i + 1 < len(found) else ""
    if after == "hole" or before == "vitamin":
        return False
    return before in _TAKING or after in _SAID_OF_A_DRUG


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The English stem of one folded word."""
    return str(_STEMMER.stemWord(word))


def content_words(text: str) -> list[str]:
    """The words of the text that can carry a topic: folded, no stop words."""
    return [w for w in words(text) if w not in STOP_WORDS]


def has_letters(text: str) -> bool:
    """Whether the text holds any letter or digit at all (emoji and punctuation do not count)."""
    return any(ch.isalnum() for ch in text)


# Everyday English words ("good", "best", "road") say little about which chapter is meant; words rare in
# English ("habenula", "troche") say a lot. Zipf frequency: about 7 for "the", 3 for "seizure", 0 unknown.
COMMON_ZIPF = 6.5
RARE_ZIPF = 3.0
MIN_SPECIFICITY = 0.15


@lru_cache(maxsize=65536)
def commonness(word: str) -> float:
    """How common a word is in everyday English, on the Zipf scale (0 when unknown)."""
    if all(part.isascii() and part.isalpha() and part.islower() for part in word.split(" ")):
        return _listed_zipf(word)
    # Importing wordfreq brings its tokenizer's dependencies (~0.2 s of a start): only a word of other
    # letters needs them ("5-ht2b", "é").
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en", wordlist="small"))


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    """wordfreq's small English list, word to frequency, as its get_frequency_dict makes it, read from the
    package's data file without importing wordfreq (its list format: gzipped msgpack, a header, then the
    words of each centibel of frequency in turn)."""
    spec = importlib.util.find_spec("wordfreq")
    assert spec is not None and spec.submodule_search_locations, "wordfreq is a dependency"
    path = Path(spec.submodule_search_locations[0]) / "data" / "small_en.msgpack.gz"
    with gzip.open(path, "rb") as packed:
        header, *buckets = msgpack.load(packed, raw=False)
    if header != {"format": "cB", "version": 1}:
        raise ValueError(f"{path}: not a wordfreq list ({header!r})")
    return {word: 10 ** (-index / 100) for index, bucket in enumerate(buckets) for word in bucket}


def _listed_zipf(text: str) -> float:
    """What zipf_frequency gives words of letters a-z (one, or a few split by single spaces), read
    straight from wordfreq's list."""
    # Such words are their own tokens, and wordfreq's tokenizer is most of a lookup (~17 us, paid for every
    # new word and word pair of a long message). Combined and rounded as wordfreq does: 1/f = 1/f1 + 1/f2;
    # tests/core/test_text.py compares the two on every listed word and on pairs of them.
    frequencies = _frequencies()
    inverse = 0.0
    for part in text.split(" "):
        frequency = frequencies.get(part)
        if frequency is None:
            return 0.0
        inverse += 1.0 / frequency
    frequency = 1.0 / inverse
    rounded = round(frequency, math.floor(-math.log(frequency, 10)) + 3)
    return round(math.log(rounded, 10) + 9, 2)


def warm() -> None:
    """Read wordfreq's list now (~15 ms), rather than on the first question a process answers."""
    _frequencies()


# Asked of the same words by every index a message reaches and by the checks after them.
@lru_cache(maxsize=65536)
def specificity(word: str) -> float:
    """How much a word can say about a topic: 1 for rare words, down to MIN_SPECIFICITY for everyday ones."""
    share = (COMMON_ZIPF - commonness(word)) / (COMMON_ZIPF - RARE_ZIPF)
    return min(1.0, max(MIN_SPECIFICITY, share))


def clip(text: str, limit: int) -> str:
    """The text, cut with an ellipsis when longer than `limit`."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
