"""The safety cue lists' prefilter: what a pattern needs is read from the pattern, and never wrongly.

Every cue list must find exactly what its patterns joined into one regex find, on every message of our
sets; and every pattern must be met by its needs on texts made from the pattern itself (random walks
through its parse tree), so a pattern added tomorrow is checked too.
"""

from __future__ import annotations

import importlib
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.core.message import read
from bot.core.safety import advice, chatter, crisis, emergency, prefilter
from bot.core.safety.patterns import FIGURES
from bot.core.safety.prefilter import AnyOf, Need, alternatives, may_match, needs, words_in

DATA = Path(__file__).parent.parent / "data"


def _cue_lists() -> dict[str, AnyOf]:
    """Every cue list of the safety readers, by name."""
    found = {"direct": crisis._DIRECT, "emergency": emergency._EMERGENCY, "lethal": emergency.LETHAL}
    found["personal"] = advice._PERSONAL
    found["figures"] = FIGURES
    # long patterns read as cue lists of their alternatives
    for module, names in (
        (chatter, ("_ASKS", "_NOT_IN_AN_EPISODE", "_PLACE_VERDICT", "_MEME", "_REACTION", "_CHATTER")),
        (chatter, ("_VERDICT", "_WRITER")),
        (advice, ("_PROFESSIONAL", "_ASK")),
        (crisis, ("_HISTORY",)),
    ):
        short = module.__name__.rsplit(".", 1)[-1]
        found.update({f"{short} {name}": getattr(module, name) for name in names})
    found.update({f"cue {name}": cues for name, cues in crisis._CUES})
    return found


CUE_LISTS = _cue_lists()
PATTERNS = [(name, p) for name, cues in CUE_LISTS.items() for p in cues.patterns]


def _messages() -> list[str]:
    """Every message of our question sets."""
    return [
        str(case["q"])
        for path in sorted(DATA.rglob("*.yaml"))
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []
    ]


def _words(need: Need) -> set[str]:
    return set(need.words) | {" ".join(p) for p in need.phrases}


# What is read from a pattern.
def test_whole_words_between_boundaries() -> None:
    found = needs(r"\b(?:kill|killing)\s+myself\b")
    assert {frozenset(n.words) for n in found} == {frozenset({"kill", "killing"}), frozenset({"myself"})}
    assert not any(n.pieces or n.phrases for n in found)


def test_a_word_cut_open_is_a_piece() -> None:
    (need,) = needs(r"\bsuicid\w*")
    assert need.pieces == ("suicid",) and not need.words
    (need,) = needs(r"overdose")  # no boundary on either side: anywhere in a word
    assert need.pieces == ("overdose",)


def test_phrases_and_spelled_classes() -> None:
    # `\s+` cuts "going to" in two needs, "going" and "to", each of which may stand for that branch
    assert [n.words for n in needs(r"\bgoing\s+to\b|\bgonna\b")] == [{"going", "gonna"}, {"to", "gonna"}]
    (need,) = needs(r"\b(?:going to|gonna)\b")
    assert need.words == {"gonna"} and need.phrases == (("going", "to"),)
    (need,) = needs(r"\bsu[i1]cide\b")
    assert need.words == {"suicide", "su1cide"}


def test_optional_parts_and_assertions_are_looked_past() -> None:
    # "(?:to\s+)?" ends with a space when it is there, and "\s+" comes before it otherwise.
    found = needs(r"\bwant\s+(?:to\s+)?die\b")
    assert {frozenset(n.words) for n in found} == {frozenset({"want"}), frozenset({"die"})}
    assert {"dying"} in [n.words for n in needs(r"(?<!not )\bdying\b")]


def test_a_shared_prefix_is_read_into_each_branch() -> None:
    # The parser writes "\bchest\b|\bclutch\b" as "\bc(?:hest|lutch)\b".
    (need,) = needs(r"\bchest\b|\bclutch\w*")
    assert need.words == {"chest"} and need.pieces == ("clutch",)


def test_a_prefix_is_not_a_boundary() -> None:
    # "hest" follows "c" here: never a whole word, whatever is looked past before it.
    found = needs(r"\bc(?:(?=h)hest|lutch)\b")
    assert all(may_match(found, text, words_in(text)) for text in ("a chest", "clutch"))


def test_alternations_need_one_thing_from_every_branch() -> None:
    found = needs(r"\bthen\s+im\s+out\b|\bwill\s+be\s+it\b")
    assert {"then", "will"} in [n.words for n in found]
    assert all(n.words & {"then", "im", "out"} and n.words & {"will", "be", "it"} for n in found)


def test_lookaheads_need_their_words_in_the_text() -> None:
    found = needs(r"^(?=.*\b(?:dose|pills)\b).*\bcome\s+back\b")
    assert {"dose", "pills"} in [n.words for n in found]
    assert not any("hurt" in _words(n) for n in needs(r"\bkill\b(?!.*\bhurt\b)"))


def test_nothing_is_read_where_nothing_is_certain() -> None:
    assert needs(r"\d+\s*mg|.*") == ()  # a branch that needs nothing
    assert needs(r"(?i)\bkill\b") == ()  # letters read in any case
    assert needs(r"(?a)\bkill\b") == ()  # words as ASCII sees them
    assert needs(r"(\w+)\1") == ()  # a backreference
    assert needs(r"(?:ha){0,2}") == ()  # may match nothing


def test_a_need_is_met_by_words_or_pieces() -> None:
    (need,) = needs(r"\b(?:going to|gonna)\b|\bsuicid\w*")
    assert need.met("im going to", words_in("im going to"))
    assert need.met("to im going", words_in("to im going"))  # a need, not a match: words in any order
    assert need.met("suicidal", words_in("suicidal"))
    assert not need.met("gonnabe", words_in("gonnabe"))


def test_words_are_the_runs_that_boundaries_mark() -> None:
    assert words_in("im   done... 4ever,ok x_y") == {"im", "done", "4ever", "ok", "x_y"}


# Never wrong: on our messages.
@pytest.fixture(scope="module")
def texts() -> list[str]:
    """Each message of our sets as the readers search it: without figures of speech, and folded."""
    found: list[str] = []
    for message in map(read, _messages()):
        found += [FIGURES.sub(" ", message.plain), message.folded]
    return found


@pytest.mark.parametrize("name", sorted(CUE_LISTS))
def test_cue_lists_find_what_their_joined_pattern_finds(name: str, texts: list[str]) -> None:
    cues = CUE_LISTS[name]
    wrong = [text for text in texts if cues.found_in(text) != bool(cues.compiled.search(text))]
    assert not wrong, wrong[:5]


def test_every_pattern_is_met_on_our_messages(texts: list[str]) -> None:
    compiled = [(name, re.compile(p), needs(p)) for name, p in PATTERNS]
    wrong = [
        (name, pattern.pattern, text)
        for text in texts
        for name, pattern, pattern_needs in compiled
        if pattern.search(text) and not may_match(pattern_needs, text, words_in(text))
    ]
    assert not wrong, wrong[:5]


# Never wrong: on texts made from each pattern.
_CONTEXT = "so ok i think my friend said the episode was about it and then we left".split()
_PARSER: Any = importlib.import_module("re._parser")


def _walk(items: Any, rng: random.Random, after: list[str]) -> Iterator[str]:
    """Random text the parsed `items` could match (lookaheads' text is added at the end)."""
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            yield chr(av)
        elif name == "NOT_LITERAL":
            yield rng.choice([c for c in "  a.1" if ord(c) != av])
        elif name == "ANY":
            yield rng.choice("  a.1")
        elif name == "IN":
            yield _member(av, rng)
        elif name == "BRANCH":
            yield from _walk(rng.choice(av[1]), rng, after)
        elif name == "SUBPATTERN":
            yield from _walk(av[3], rng, after)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, sub = av
            for _ in range(rng.randint(low, min(high, low + 2))):
                yield from _walk(sub, rng, after)
        elif name == "ASSERT" and av[0] == 1:
            after.append(" " + "".join(_walk(av[1], rng, after)))
        # \b, ^, $, lookbehinds, negative lookarounds: nothing to write (the text may then not match)


_CATEGORIES = {"CATEGORY_SPACE": r"\s", "CATEGORY_DIGIT": r"\d", "CATEGORY_WORD": r"\w"}
_CATEGORIES |= {k.replace("CATEGORY_", "CATEGORY_NOT_"): v.upper() for k, v in _CATEGORIES.items()}


def _member(members: Any, rng: random.Random) -> str:
    """A character a character class holds."""

    def holds(char: str, kind: str, value: Any) -> bool:
        if kind == "LITERAL":
            return char == chr(value)
        if kind == "RANGE":
            return bool(value[0] <= ord(char) <= value[1])
        return bool(re.match(_CATEGORIES[str(value)], char))

    negated = str(members[0][0]) == "NEGATE"
    members = [(str(kind), value) for kind, value in members[negated:]]
    chars = [chr(value) for kind, value in members if kind == "LITERAL"] + list("a .1-Z/(é_")
    chars += [chr(rng.randint(*value)) for kind, value in members if kind == "RANGE"]
    held = [c for c in chars if negated != any(holds(c, kind, value) for kind, value in members)]
    return rng.choice(held)


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[f"{n} {i}" for i, (n, _) in enumerate(PATTERNS)])
def test_every_pattern_is_met_on_texts_made_from_it(name: str, pattern: str) -> None:
    rng = random.Random(pattern)
    compiled, pattern_needs, parsed = re.compile(pattern), needs(pattern), _PARSER.parse(pattern)
    matched = 0
    # (a pattern whose "." and "\\b" its random texts seldom satisfy together is given more tries)
    for attempt in range(900):
        if matched >= 40:
            break
        after: list[str] = []
        made = "".join(_walk(parsed, rng, after))
        context = rng.sample(_CONTEXT, 3) if attempt % 2 else []
        text = " ".join([*context[:1], made, *context[1:], *after])
        if compiled.search(text):
            matched += 1
            assert may_match(pattern_needs, text, words_in(text)), (pattern, text)
    assert matched >= 20, f"only {matched} texts made from {pattern!r} match it"


def test_a_pattern_that_is_not_one_fails_at_once() -> None:
    with pytest.raises(re.error):
        AnyOf(r"\bfine\b", r"\bbroken(\b")


def test_alternatives_split_at_the_top_level_only() -> None:
    assert alternatives(r"a|(?:b|c)|[|]d|e\|f") == ["a", "(?:b|c)", "[|]d", r"e\|f"]
    assert alternatives(r"[]|]x|y") == ["[]|]x", "y"]
    assert "|".join(alternatives(FIGURES.compiled.pattern)) == FIGURES.compiled.pattern


def test_figures_of_speech_are_taken_out_as_their_joined_pattern_takes_them_out(texts: list[str]) -> None:
    cues = FIGURES
    wrong = [text for text in texts if cues.sub(" ", text) != cues.compiled.sub(" ", text)]
    assert not wrong, wrong[:5]


def test_the_needs_served_are_those_kept_on_disk() -> None:
    # What is served is what the tests above check on our messages and on texts made from each pattern;
    # a reading may pick another word of a branch in another process (set order), each one a need.
    kept = prefilter._load_needs(prefilter.needs_file())
    served = {pattern: needs(pattern) for _, pattern in PATTERNS}
    assert {pattern: kept.get(pattern) for pattern in served} == served


def test_needs_are_kept_for_the_next_start_and_a_bad_file_is_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prefilter, "NEEDS_FOLDER", tmp_path / "cache")
    monkeypatch.setattr(prefilter, "_known", {})
    monkeypatch.setattr(prefilter, "_unsaved", set())
    monkeypatch.setattr(prefilter, "_asked", set())
    pattern = r"\bkill\s+myself\b|\bsuicid\w*"
    read_now = needs(pattern)
    prefilter.save_needs()
    assert prefilter._load_needs(prefilter.needs_file()) == {pattern: read_now}
    # another reading's file is dropped when this one's is written
    stale = prefilter.needs_file().with_name("needs-0.json")
    stale.write_text("{}", encoding="utf-8")
    needs(r"\bnoose\b")
    prefilter.save_needs()
    assert not stale.exists()
    assert set(prefilter._load_needs(prefilter.needs_file())) == {pattern, r"\bnoose\b"}
    prefilter.needs_file().write_text("{not json", encoding="utf-8")
    assert prefilter._load_needs(prefilter.needs_file()) == {}
