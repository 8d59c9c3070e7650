"""The text helpers that are shortcuts of a library's own answer must give that answer."""

from __future__ import annotations

import random
import string

from wordfreq import get_frequency_dict, zipf_frequency

from bot.core.message import read
from bot.core.text import commonness, fold, words


def test_commonness_is_wordfreqs_zipf_frequency() -> None:
    listed = sorted(get_frequency_dict("en", "small"))
    rng = random.Random(7)
    unlisted = ["".join(rng.choices(string.ascii_lowercase, k=rng.randint(1, 12))) for _ in range(3000)]
    pairs = [f"{rng.choice(listed)} {rng.choice([*listed, *unlisted])}" for _ in range(5000)]
    other = ["5mg", "naïve", "Ketamine", "k-hole", "0.5", "ssri's", "", "日本", "1000", "k  hole", " k", "k "]
    for word in [*listed, *unlisted, *pairs, *other]:
        assert commonness(word) == zipf_frequency(word, "en", wordlist="small"), word


def test_letters_that_nfkd_leaves_whole_are_folded_too() -> None:
    # Turkish dotless i and Polish l with a stroke have no decomposition: without this, a Turkish message
    # would never meet a pattern written "yasamiyorum".
    assert fold("art\u0131k ya\u015famak \u0130stemiyorum") == "artik yasamak istemiyorum"
    assert fold("Łódź, żyć") == "lodz, zyc"


def test_a_french_or_italian_elision_is_two_words_an_english_contraction_one() -> None:
    assert fold("j'ai envie d\u2019en finir") == "j ai envie d en finir"
    assert fold("l'ultima volta") == "l ultima volta"
    assert fold("don't, I'd, c'mon, y'all, rock n' roll") == "dont, id, cmon, yall, rock n roll"


def test_a_word_of_an_indic_script_keeps_its_vowel_marks() -> None:
    # Devanagari, Tamil and Thai write vowels as combining marks, which are not word characters: without
    # them a Hindi message was read as broken letters ("च त" for "चिंता") that no pattern could match.
    assert words("मेरी चिंता नहीं। ok") == ["मेरी", "चिंता", "नहीं", "ok"]
    assert read("किसी को मेरी चिंता नहीं करनी पड़ेगी").plain == "किसी को मेरी चिंता नहीं करनी पड़ेगी"
    assert words("நான் சோர்வாக இருக்கிறேன்") == ["நான்", "சோர்வாக", "இருக்கிறேன்"]
    assert words("ฉันเหนื่อย") == ["ฉันเหนื่อย"]


def test_a_turn_away_from_the_question_leaves_the_question() -> None:
    message = read("how quick does an infusion start working for depression? anyway leg day destroyed me 🦵")
    assert "infusion" in message.text and "leg" not in message.text
    # A turn to the question still reads what follows it.
    assert (
        read("long week at work lol. anyway, what does the nmda receptor do").text.strip().startswith("what")
    )


def test_the_episodes_terms_in_other_languages_are_matched_as_the_english_terms() -> None:
    message = read("¿alguien me pasa el estudio de los 7 pacientes con depresión?")
    assert {"study", "patients", "depression"} <= set(message.content_words)
    assert "hypothesis" in read("c'est quoi l'hypothèse monoaminergique").content_words
    # safety reads the message as written
    assert "depresión" in message.raw and "estudio" in message.plain


def test_a_message_with_another_languages_function_words_is_not_english() -> None:
    italian = read("ho provato di tutto, il mio psichiatra dice che la ketamina funziona in poche ore")
    assert not italian.in_english
    # German "die" is an article there, not a word the episode's overdose chapter holds
    german = read("Wie lange hielt die Wirkung nach einer Infusion an? Er meinte drei Tagen oder?")
    assert not german.in_english and "die" not in german.content_words
    # English misspelt, or with a word or two of slang from elsewhere, is still English
    for text in ["ketamin helpd my depresion alot, is teh habenulla thing real", "bhai what is the habenula"]:
        assert read(text).in_english, text
    assert "die" in read("does ketamine make you want to die").content_words
