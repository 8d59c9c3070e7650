"""What a pattern cannot match without: words, or pieces of text, that a text must hold for it to match.

Python's regex engine tries every alternative of a cue list at every position of a message, so a long
message costs each list its length times its alternatives. Most alternatives need a word the message does
not have ("myself", "bridge", "suicid"), and a set lookup says so at once. `needs` reads them from the
pattern as the regex module itself parses it (`re._parser`), so a cue list is extended by writing a
pattern, as before, and nothing else: no second list to keep in step.

What is read is only ever a necessary condition, never a reading of its own. A pattern gets a `Need` for
a stretch of literal text every match holds: "kill myself" or "killing myself" in
`\\b(?:kill|killing)\\s+myself\\b`, each of which a text must hold one of, in whatever position. Where the
stretch is marked off on both sides (by `\\b`, `^`, `$` or a space), its words are whole words of the text
and are looked up in the text's set of words; anywhere else ("suicid" in `\\bsuicid\\w*`) the stretch is
looked for in the text itself. A lookahead's or lookbehind's words are needed in the text too. Anything
this reading does not know (a flag that changes what a letter or a word is, a backreference, an
unexpected node of a future parser) gives no need for that part, so the pattern is tried more often,
never less: a pattern with no need at all is tried on every text.

Reading every cue list's needs at import takes about what compiling the lists took before (~0.1 s), and
costs a start nothing more: each pattern is compiled when a text first gets as far as trying it, and the
list joined into one pattern only when asked for it (`AnyOf.compiled`).
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import product
from pathlib import Path
from typing import Any

# The regex module's own parser: private, so used defensively (see `needs`).
try:
    _PARSER: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - a Python without it: every pattern is tried on every text
    _PARSER = None

# A stretch of literal text is read as at most this many strings ("(?:a|b)(?:c|d)" is four).
MAX_STRINGS = 64
# A repeated literal part is spelled out up to this many times ("(?:ha){1,3}"), else not read.
MAX_SPELLED_REPEAT = 3
# An alternation's needs are read this many deep (each one needs one thing from every branch).
MAX_BRANCH_NEEDS = 3
# `AnyOf.sub` keeps at most this many joined patterns (a few kinds of text recur: most need one or none).
MAX_JOINED = 64
# Flags that change what a letter or a word is: a pattern with them is tried on every text.
_UNREAD_FLAGS = re.IGNORECASE | re.ASCII | re.LOCALE
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")

_WORD = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")


@lru_cache(maxsize=16)
def words_in(text: str) -> frozenset[str]:
    """The text's words: its longest runs of word characters, as `\\b` and `\\w` read them."""
    return frozenset(_WORD.findall(text))


@dataclass(frozen=True, slots=True)
class Need:
    """One of these must be in the text: a word, all the words of a phrase, or a piece of text anywhere."""

    words: frozenset[str] = frozenset()
    phrases: tuple[tuple[str, ...], ...] = ()
    pieces: tuple[str, ...] = ()

    def met(self, text: str, words: frozenset[str]) -> bool:
        """Whether `text`, whose words are `words`, holds one of them."""
        if not self.words.isdisjoint(words):
            return True
        for phrase in self.phrases:
            if words.issuperset(phrase):
                return True
        for piece in self.pieces:  # noqa: SIM110 - the plain loop is the fast one here
            if piece in text:
                return True
        return False

    @property
    def shortest(self) -> int:
        """The length of its shortest word, phrase or piece: a longer one is met more rarely."""
        lengths = [len(w) for w in self.words]
        lengths += [len(" ".join(p)) for p in self.phrases] + [len(p) for p in self.pieces]
        return min(lengths)

    def keys(self) -> frozenset[str] | None:
        """Words one of which a text holds wherever this need is met; None when a piece may meet it."""
        if self.pieces:
            return None
        return self.words | {max(phrase, key=len) for phrase in self.phrases}

    def rank(self) -> tuple[int, bool, int]:
        """Better first: met rarely (long), by set lookups alone, by few alternatives."""
        return (self.shortest, not self.pieces, -len(self.words) - len(self.phrases) - len(self.pieces))


def _need(strings: Iterable[str], whole: bool) -> Need | None:
    """The need for one of `strings`; `whole` when each is marked off on both sides in the pattern."""
    found = set(strings)
    if not found or "" in found:
        return None
    words: set[str] = set()
    phrases: set[tuple[str, ...]] = set()
    pieces: set[str] = set()
    for string in found:
        parts = tuple(_WORD.findall(string)) if whole else ()
        if not parts:
            pieces.add(string)
        elif len(parts) == 1:
            words.add(parts[0])
        else:
            phrases.add(parts)
    # Where a phrase's words are met, a word among them is too; where a piece is, a piece inside it.
    phrases = {p for p in phrases if words.isdisjoint(p) and not any(set(q) < set(p) for q in phrases)}
    pieces = {p for p in pieces if not any(q != p and q in p for q in pieces)}
    return Need(frozenset(words), tuple(sorted(phrases)), tuple(sorted(pieces)))


def _union(needs: Sequence[Need]) -> Need:
    """One need met where any of `needs` is."""
    words = frozenset().union(*(n.words for n in needs))
    phrases = {p for n in needs for p in n.phrases if words.isdisjoint(p)}
    pieces = {p for n in needs for p in n.pieces}
    pieces = {p for p in pieces if not any(q != p and q in p for q in pieces)}
    return Need(words, tuple(sorted(phrases)), tuple(sorted(pieces)))


# A parsed pattern as this reading walks it: a list of (name, argument) nodes, "LITERAL", "IN", "BRANCH"...,
# with sub-patterns as lists too. The parser's own (private) types are met in `_nodes` alone.
Node = tuple[str, Any]


def _name(code: Any) -> str:
    return str(getattr(code, "name", code))


def _nodes(parsed: Any) -> list[Node]:
    """The parser's nodes as (name, argument) pairs, with every sub-pattern read the same way."""
    found: list[Node] = []
    for code, argument in getattr(parsed, "data", parsed):
        name = _name(code)
        if name == "SUBPATTERN":
            group, added, removed, sub = argument
            argument = (group, added, removed, _nodes(sub))
        elif name in _REPEATS:
            low, high, sub = argument
            argument = (low, high, _nodes(sub))
        elif name in ("ASSERT", "ASSERT_NOT"):
            direction, sub = argument
            argument = (direction, _nodes(sub))
        elif name == "BRANCH":
            argument = (None, [_nodes(branch) for branch in argument[1]])
        elif name == "ATOMIC_GROUP":
            argument = _nodes(argument)
        elif name == "IN":
            argument = [
                (_name(kind), _name(value) if _name(kind) == "CATEGORY" else value)
                for kind, value in argument
            ]
        elif name == "AT":
            argument = _name(argument)
        found.append((name, argument))
    return found


def _is_word_char(code: int) -> bool:
    return bool(_WORD_CHAR.match(chr(code)))


# The places `\b`, `^` and `$` mark: a stretch of literal text beside one is marked off on that side.
_MARKS_BEFORE = {"AT_BOUNDARY", "AT_BEGINNING", "AT_BEGINNING_STRING", "AT_BEGINNING_LINE"}
_MARKS_AFTER = {"AT_BOUNDARY", "AT_END", "AT_END_STRING", "AT_END_LINE"}
_NOT_WORD_CATEGORIES = {"CATEGORY_SPACE", "CATEGORY_NOT_WORD", "CATEGORY_LINEBREAK"}


def _non_word(item: Node) -> bool:
    """Whether the item always matches one character that is not a word character (" ", `\\s`, `\\W`)."""
    name, av = item
    if name == "LITERAL":
        return not _is_word_char(av)
    if name == "IN":
        return bool(av) and all(
            (kind == "LITERAL" and not _is_word_char(value))
            or (kind == "CATEGORY" and value in _NOT_WORD_CATEGORIES)
            for kind, value in av
        )
    return False


def _edge_marks(items: Sequence[Node], side: str) -> bool | None:
    """Whether a sequence marks off a word beside it: one that starts just after it (`side` "before") or
    ends just before it ("after"). None when it may match nothing at that edge: look past it."""
    for item in reversed(items) if side == "before" else items:
        marks = _item_marks(item, side)
        if marks is not None:
            return marks
    return None


def _item_marks(item: Node, side: str) -> bool | None:
    """As `_edge_marks`, for one node: `\\b`, `^` and `$` mark, and so does a character that is not a word
    character; zero-width assertions, and optional parts that mark when there, are looked past."""
    name, av = item
    if name == "AT":
        return av in (_MARKS_BEFORE if side == "before" else _MARKS_AFTER)
    if name in ("ASSERT", "ASSERT_NOT"):
        return None
    if name in _REPEATS:
        low, _, sub = av
        marks = _edge_marks(sub, side)
        return marks if low >= 1 or marks is None else (None if marks else False)
    if name == "SUBPATTERN":
        _, added, _, sub = av
        return False if added & _UNREAD_FLAGS else _edge_marks(sub, side)
    if name == "BRANCH":
        found = [_edge_marks(branch, side) for branch in av[1]]
        return False if False in found else (None if None in found else True)
    return _non_word(item)


def _strings(items: Sequence[Node]) -> set[str] | None:
    """Every string a sequence of nodes can match, when it is a few fixed strings; else None."""
    found = {""}
    for item in items:
        spelled = _item_strings(item)
        if spelled is None:
            return None
        found = {a + b for a in found for b in spelled}
        if len(found) > MAX_STRINGS:
            return None
    return found


def _item_strings(item: Node) -> set[str] | None:
    name, av = item
    if name == "LITERAL":
        return {chr(av)}
    if name == "IN":
        chars: set[str] = set()
        for kind, value in av:
            if kind != "LITERAL":  # a range, a category, a negation: too many to spell
                return None
            chars.add(chr(value))
        return chars
    if name == "SUBPATTERN":
        _, added, _, sub = av
        return None if added & _UNREAD_FLAGS else _strings(sub)
    if name == "BRANCH":
        found: set[str] = set()
        for branch in av[1]:
            spelled = _strings(branch)
            if spelled is None:
                return None
            found |= spelled
        return found if len(found) <= MAX_STRINGS else None
    if name in _REPEATS:
        low, high, sub = av
        once = _strings(sub) if high <= MAX_SPELLED_REPEAT else None
        if once is None:
            return None
        found = set()
        for times in range(low, high + 1):
            found |= {"".join(parts) for parts in product(sorted(once), repeat=times)}
            if len(found) > MAX_STRINGS:
                return None
        return found
    return None  # zero-width, any character, a backreference...: not a fixed string


def _sequence_needs(
    items: Sequence[Node],
    marked_before: bool = False,
    marked_after: bool = False,
    prefix: tuple[set[str], bool] = ({""}, False),
) -> list[Need]:
    """What a sequence of nodes needs: every stretch of literal text in it, and what its parts need.

    `marked_before` and `marked_after` say whether the sequence itself is marked off where it starts and
    ends (a group between `\\b` and `\\b`); `prefix` is literal text read just before it, and whether
    that was marked off where it started.
    """
    needs: list[Need] = []
    # The stretch of literal text being read, as every string it can be, and whether it starts marked off.
    run, run_marked = prefix

    def marks(position: int, side: str) -> bool:
        """Whether the nodes from `position` on (back to the start when `side` is "before") mark off a word
        that starts after them (or ends before them), the sequence's own edges included."""
        step = -1 if side == "before" else 1
        while 0 <= position < len(items):
            found = _item_marks(items[position], side)
            if found is not None:
                return found
            position += step
        return marked_before if side == "before" else marked_after

    def close(marked_after_run: bool) -> None:
        """The stretch read ends, marked off there or not."""
        nonlocal run
        need = _need(run, whole=run_marked and marked_after_run)
        if need is not None:
            needs.append(need)
        run = {""}

    for position, item in enumerate(items):
        spelled = _item_strings(item)
        if spelled is None:
            # Where a group or an alternation is marked off, so is what it starts or ends with.
            grouped = item[0] in ("SUBPATTERN", "BRANCH", "ATOMIC_GROUP")
            before = grouped and marks(position - 1, "before")
            after = grouped and marks(position + 1, "after")
            if item[0] == "BRANCH" and run != {""}:
                # The parser moves a prefix shared by every branch out of them ("c(?:hest|lutch)" for
                # "chest|clutch"): the stretch read so far is read on into each branch.
                needs += _branch_needs(item[1][1], before, after, prefix=(run, run_marked))
                run = {""}
                continue
            close(marks(position, "after"))
            needs += _item_needs(item, before, after)
            continue
        if run == {""}:
            run_marked = marks(position - 1, "before")
        grown = {a + b for a in run for b in spelled}
        if len(grown) <= MAX_STRINGS:
            run = grown
        else:  # too many strings to read as one stretch: read on from this node, unmarked
            close(False)
            run, run_marked = (spelled, False) if len(spelled) <= MAX_STRINGS else ({""}, False)
    close(marks(len(items), "after"))
    return needs


def _branch_needs(
    branches: Sequence[Sequence[Node]],
    marked_before: bool,
    marked_after: bool,
    prefix: tuple[set[str], bool] = ({""}, False),
) -> list[Need]:
    """What an alternation needs: one of its branches' needs (each branch's best)."""
    ranked: list[list[Need]] = []
    for branch in branches:
        branch_needs = sorted(
            set(_sequence_needs(branch, marked_before, marked_after, prefix)), key=Need.rank
        )
        if not branch_needs:
            return []  # a branch that needs nothing: the whole alternation needs nothing
        ranked.append(branch_needs[::-1])
    # (a and b) or (c and d) needs (a or c), and (b or d): each need is one from every branch, the best
    # of each first, then the second best (or the best again), and so on.
    depth = min(MAX_BRANCH_NEEDS, max(len(r) for r in ranked))
    return [_union([r[min(column, len(r) - 1)] for r in ranked]) for column in range(depth)]


def _item_needs(item: Node, marked_before: bool, marked_after: bool) -> list[Need]:
    """What one node that is not a few fixed strings needs, marked off or not where it starts and ends."""
    name, av = item
    if name == "SUBPATTERN":
        _, added, _, sub = av
        return [] if added & _UNREAD_FLAGS else _sequence_needs(sub, marked_before, marked_after)
    if name == "ATOMIC_GROUP":
        return _sequence_needs(av, marked_before, marked_after)
    if name == "ASSERT":  # a lookahead or lookbehind: what it reads is in the text too
        _, sub = av
        return _sequence_needs(sub)
    if name in _REPEATS:
        low, _, sub = av
        return _sequence_needs(sub) if low >= 1 else []
    if name == "BRANCH":
        return _branch_needs(av[1], marked_before, marked_after)
    return []  # ASSERT_NOT, AT, ANY, a backreference...: nothing needed


# Reading every cue list's needs parses each pattern (~0.2-0.3 s at a start, most of a start's import), so
# what was read is kept on disk, by pattern, in a file named for this module's source and the Python that
# parsed it: a new pattern is read and added, an edit to the reading makes a new file, and a file that
# cannot be read or written is no file (JSON: plain data, nothing in it runs).
NEEDS_FOLDER = Path(__file__).resolve().parent / ".cache"


def needs_file() -> Path:
    """The file this module's reading of patterns is kept in."""
    digest = hashlib.sha256(Path(__file__).read_bytes() + sys.version.encode()).hexdigest()[:24]
    return NEEDS_FOLDER / f"needs-{digest}.json"


def _load_needs(path: Path) -> dict[str, tuple[Need, ...]]:
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        return {
            pattern: tuple(
                Need(frozenset(words), tuple(tuple(p) for p in phrases), tuple(pieces))
                for words, phrases, pieces in pattern_needs
            )
            for pattern, pattern_needs in kept.items()
        }
    except (OSError, ValueError, TypeError):
        return {}


_known: dict[str, tuple[Need, ...]] = _load_needs(needs_file())
_unsaved: set[str] = set()
# The patterns asked about since the start: what is kept (a pattern edited away is dropped).
_asked: set[str] = set()


def save_needs() -> None:
    """Keep the needs of the patterns asked about since the start for the next one, if any were new or
    any kept are no longer asked about, and drop the files of other readings (best effort)."""
    if not _unsaved and _asked == _known.keys():
        return
    path = needs_file()
    kept = {
        pattern: [[sorted(n.words), [list(p) for p in n.phrases], list(n.pieces)] for n in _known[pattern]]
        for pattern in sorted(_asked)
    }
    try:
        path.parent.mkdir(exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
        temporary.replace(path)
        for other in path.parent.glob("needs-*.json"):
            if other != path:
                other.unlink(missing_ok=True)
        _unsaved.clear()
    except OSError:
        pass


def needs(pattern: str) -> tuple[Need, ...]:
    """What `pattern` cannot match a text without, best first: every need must be met for it to match.

    Empty when nothing is known (then the pattern is tried on every text). A pattern that is not one
    raises `re.error`, as `re.compile` would.
    """
    _asked.add(pattern)
    known = _known.get(pattern)
    if known is None:
        known = _known[pattern] = read_needs(pattern)
        _unsaved.add(pattern)
    return known


def read_needs(pattern: str) -> tuple[Need, ...]:
    """`needs` read from the pattern itself, never from the file."""
    if _PARSER is None:
        return ()
    try:
        parsed = _PARSER.parse(pattern)
        if parsed.state.flags & _UNREAD_FLAGS:
            return ()
        found = _sequence_needs(_nodes(parsed))
    except re.error:
        raise
    except Exception:  # a parser this reading does not know: try the pattern on every text
        return ()
    return tuple(sorted(set(found), key=Need.rank, reverse=True))


def alternatives(pattern: str) -> list[str]:
    """The pattern's top-level alternatives ("a|(?:b|c)|d" is "a", "(?:b|c)", "d")."""
    found: list[str] = []
    depth, start, position, in_class = 0, 0, 0, False
    while position < len(pattern):
        char = pattern[position]
        if char == "\\":
            position += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            # a "]" right after "[" or "[^" is a member, not the end
            if pattern[position + 1 : position + 2] == "^":
                position += 1
            if pattern[position + 1 : position + 2] == "]":
                position += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            found.append(pattern[start:position])
            start = position + 1
        position += 1
    found.append(pattern[start:])
    return found


def may_match(pattern_needs: Sequence[Need], text: str, words: frozenset[str]) -> bool:
    """Whether `text`, whose words are `words`, could match a pattern that has `pattern_needs`."""
    return all(need.met(text, words) for need in pattern_needs)


class AnyOf:
    """Patterns of which any may match: a cue list. Each is tried only on a text that has what it cannot
    match without, so a long message costs the few patterns whose words it holds rather than every
    pattern at every position. The patterns are found by those words: each is filed under the words of
    one of its needs (those with a piece of text to look for are tried on every text). Each is compiled
    when first tried (a start compiles only what its first messages need)."""

    def __init__(self, *patterns: str) -> None:
        # Each top-level alternative is a pattern of its own: one that says "for" or "my" would otherwise
        # send all its rarer siblings to every text.
        self.patterns = tuple(alternative for pattern in patterns for alternative in alternatives(pattern))
        self.needs = tuple(needs(p) for p in self.patterns)
        self._compiled: list[re.Pattern[str] | None] = [None] * len(self.patterns)
        by_word: dict[str, list[int]] = {}
        always: list[int] = []
        # The needs left to check for each pattern once it is found by a word (all of them but the one it
        # is filed under, when that one is words alone).
        self._left: list[tuple[Need, ...]] = []
        for position, pattern_needs in enumerate(self.needs):
            keyed = [need for need in pattern_needs if need.keys() is not None]
            if not keyed:
                always.append(position)
                self._left.append(pattern_needs)
                continue
            filed = max(keyed, key=Need.rank)
            for word in filed.keys() or ():
                by_word.setdefault(word, []).append(position)
            met = filed if not filed.phrases else None
            self._left.append(tuple(need for need in pattern_needs if need is not met))
        self._by_word = {word: tuple(positions) for word, positions in by_word.items()}
        self._always = frozenset(always)
        # The patterns a text could match, joined for `sub`, by their positions.
        self._joined: dict[tuple[int, ...], re.Pattern[str]] = {}

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        """All the patterns as one, for what finds where they match (`sub`), not only whether."""
        return re.compile("|".join(f"(?:{p})" for p in self.patterns))

    def pattern(self, position: int) -> re.Pattern[str]:
        """The pattern at `position`, compiled."""
        compiled = self._compiled[position]
        if compiled is None:
            compiled = self._compiled[position] = re.compile(self.patterns[position])
        return compiled

    def candidates(self, words: frozenset[str]) -> list[int]:
        """The positions of the patterns a text with these words could match, in order, and maybe more."""
        found = set(self._always)
        for word in self._by_word.keys() & words:
            found.update(self._by_word[word])
        return sorted(found)

    def sub(self, replacement: str, text: str) -> str:
        """`compiled.sub(replacement, text)`, joined of only the patterns the text could match: one that
        cannot match anywhere in it changes no match of the others."""
        words = words_in(text)
        chosen = tuple(
            position
            for position in self.candidates(words)
            if all(need.met(text, words) for need in self._left[position])
        )
        if not chosen:
            return text
        joined = self._joined.get(chosen)
        if joined is None:
            if len(self._joined) >= MAX_JOINED:
                self._joined.clear()
            joined = self._joined[chosen] = re.compile("|".join(f"(?:{self.patterns[p]})" for p in chosen))
        return joined.sub(replacement, text)

    def found_in(self, text: str) -> bool:
        """Whether any of the patterns matches somewhere in `text` (as `compiled.search` would)."""
        words = words_in(text)
        for position in self.candidates(words):
            if all(need.met(text, words) for need in self._left[position]) and self.pattern(position).search(
                text
            ):
                return True
        return False
