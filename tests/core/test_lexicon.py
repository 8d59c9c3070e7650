"""The crisis and emergency lexicons: their phrases, folded as messages are, are found inside messages."""

from __future__ import annotations

import pytest
import yaml

from bot.core.message import read
from bot.core.safety import read_safety
from bot.core.safety.lexicon import (
    DIRECT,
    EMERGENCY_LEXICON,
    FAMILY,
    LEXICON,
    lexicon_cues,
    says_an_emergency,
)

ENTRIES = yaml.safe_load(LEXICON.read_text(encoding="utf-8"))
SAID_OUTRIGHT = [
    (language, phrase)
    for language, concepts in ENTRIES.items()
    for concept, phrases in concepts.items()
    if concept in DIRECT
    for phrase in phrases
]


def test_every_concept_is_a_direct_cue_or_a_family() -> None:
    concepts = {concept for concepts in ENTRIES.values() for concept in concepts}
    assert concepts == DIRECT | FAMILY.keys()
    assert len(ENTRIES) >= 30


@pytest.mark.parametrize(("language", "phrase"), SAID_OUTRIGHT)
def test_a_phrase_said_outright_is_a_crisis_inside_a_message(language: str, phrase: str) -> None:
    message = read(f"long week, sorry for posting this here. {phrase}. idk why im telling a discord")
    assert read_safety(message).crisis, language


FAMILY_PHRASES = [
    (language, concept, phrase)
    for language, concepts in ENTRIES.items()
    for concept, phrases in concepts.items()
    if concept in FAMILY
    for phrase in phrases
]


@pytest.mark.parametrize(("language", "phrase"), SAID_OUTRIGHT)
def test_a_phrase_said_outright_is_found_alone(language: str, phrase: str) -> None:
    assert "direct" in lexicon_cues(read(phrase).plain), language


@pytest.mark.parametrize(("language", "concept", "phrase"), FAMILY_PHRASES)
def test_a_family_phrase_alone_is_its_family(language: str, concept: str, phrase: str) -> None:
    assert FAMILY[concept] in lexicon_cues(read(phrase).plain), language


def test_a_family_phrase_needs_a_second_sign() -> None:
    assert lexicon_cues(read("soy una carga para todos").plain) == {"burden"}
    assert read_safety(read("soy una carga para todos, esta noche se acaba")).crisis
    # a phrase is whole words where the script spaces them: "mau mati" (want to die) is not in "mau matikan
    # lampu" (want to switch the light off)
    assert lexicon_cues(read("aku mau mati aja").plain) == {"direct"}
    assert not lexicon_cues(read("aku mau matikan lampu dulu").plain)


EMERGENCY_ENTRIES = yaml.safe_load(EMERGENCY_LEXICON.read_text(encoding="utf-8"))
EMERGENCY_PHRASES = [
    (language, phrase)
    for language, concepts in EMERGENCY_ENTRIES.items()
    for phrases in concepts.values()
    for phrase in phrases
]


@pytest.mark.parametrize(("language", "phrase"), EMERGENCY_PHRASES)
def test_an_emergency_phrase_is_an_emergency_inside_a_message(language: str, phrase: str) -> None:
    assert says_an_emergency(read(phrase).plain), language
    assert read_safety(read(f"help please, {phrase}, what do we do")).emergency, language


def test_an_emergency_told_as_the_past_is_not_one_now() -> None:
    # the lexicon says what a body in danger is; whether it is now is still emergency.py's reading
    assert read_safety(read("sa7bi a5ad ketamine bil party w hala2 mish 3am yrod w nafaso da3eef")).emergency
    told = "years ago my friend was not responding after a party, hes fine now"
    assert not read_safety(read(told)).emergency
