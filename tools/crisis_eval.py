"""How far the crisis (or emergency) readers reach on messages they were not built on, as Markdown tables.

    .venv/bin/python -m tools.crisis_eval             # leave one set out
    .venv/bin/python -m tools.crisis_eval --replay    # and each blind set against the rules of its day
    .venv/bin/python -m tools.crisis_eval --label emergency --replay    # the emergency readers

Leave one set out: each question set is scored by a classifier counted on all the other sets, its
threshold chosen on those sets alone (each of them left out in turn, tools/train_crisis.py), so nothing
of the held-out set is seen. The rules are today's, tuned on every set: on these sets they are right by
construction, and only the classifier's figures are blind. Hence the replay: each blind set, in the order
they were written, read by the rules as they stood the commit before it arrived (from git history) and by
a classifier counted on the sets that existed then. That is the comparison a new set would make: a set
not yet committed, that the rules were not tuned on, gets it in the first table, and no replay row.
Emergencies were a cue family of the crisis rules before they had their own module: for a commit of that
time, the emergency rules are that family.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from bot.core.message import Message, read
from bot.core.safety import leaves_crisis_to_the_rules, leaves_emergency_to_the_rules
from bot.core.safety.classifier import CRISIS, LABELS, Label
from bot.core.safety.crisis import is_crisis
from bot.core.safety.emergency import is_emergency
from tools.train_crisis import DATA, ROOT, Example, count, examples, question_sets, threshold_by_sets

RULES: dict[str, Callable[[Message], bool]] = {"crisis": is_crisis, "emergency": is_emergency}
# The messages read_safety does not ask the classifier about (--wired leaves them to the rules).
LEFT_TO_THE_RULES: dict[str, Callable[[Message], bool]] = {
    "crisis": leaves_crisis_to_the_rules,
    "emergency": leaves_emergency_to_the_rules,
}
# The labels a message can have; one that has another is a look-alike of each label it does not have.
FLAGS = ("crisis", "emergency", "lethal")

# Reads a flag with the code of an old commit, whatever its interface then: JSON messages in, flags out.
_OLD_HEAD = """
import json, sys
import bot
assert bot.__file__.startswith(sys.argv[1]), bot.__file__
"""
_OLD_TAIL = """
print(json.dumps([bool(flag(q)) for q in json.load(sys.stdin)]))
"""
OLD_RULES = (
    _OLD_HEAD
    + """try:
    from bot.core.message import read
    from bot.core.safety.crisis import is_crisis
    flag = lambda q: is_crisis(read(q))
except ImportError:
    try:
        from bot.core.crisis import is_crisis as flag
    except ImportError:
        from bot.core.safety import is_crisis as flag"""
    + _OLD_TAIL
)
# The same for emergencies: their own module, else the crisis rules' emergency family, else nothing.
OLD_EMERGENCY_RULES = (
    _OLD_HEAD
    + """try:
    from bot.core.message import read
    from bot.core.safety.emergency import is_emergency
    flag = lambda q: is_emergency(read(q))
except ImportError:
    try:
        from bot.core.crisis import crisis_cues
        flag = lambda q: "emergency" in crisis_cues(q)
    except ImportError:
        flag = lambda q: False"""
    + _OLD_TAIL
)
OLD = {"crisis": OLD_RULES, "emergency": OLD_EMERGENCY_RULES}


@dataclass
class Tally:
    """Labelled messages (crises, by default) found and other messages flagged, by each reader."""

    label: str = "crisis"
    positives: int = 0
    others: int = 0
    lookalikes: int = 0
    found: dict[str, int] = field(default_factory=lambda: dict.fromkeys("abc", 0))
    flagged: dict[str, int] = field(default_factory=lambda: dict.fromkeys("abc", 0))
    flagged_lookalikes: dict[str, int] = field(default_factory=lambda: dict.fromkeys("abc", 0))
    missed: list[str] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)

    def add(self, case: Mapping[str, Any], rules: bool, classifier: bool) -> None:
        """Count one message: (a) rules, (b) classifier, (c) either."""
        flags = {"a": rules, "b": classifier, "c": rules or classifier}
        if case.get(self.label) is True:
            self.positives += 1
            for reader, flag in flags.items():
                self.found[reader] += flag
            if classifier and not rules:
                self.missed.append(case["q"])
            return
        self.others += 1
        lookalike = self.label in case or any(case.get(flag) for flag in FLAGS)
        self.lookalikes += lookalike
        for reader, flag in flags.items():
            self.flagged[reader] += flag
            self.flagged_lookalikes[reader] += flag and lookalike
        if classifier and not rules:
            self.alarms.append(case["q"])

    def merge(self, other: Tally) -> None:
        """Add another tally's counts to this one."""
        self.positives += other.positives
        self.others += other.others
        self.lookalikes += other.lookalikes
        for reader in "abc":
            self.found[reader] += other.found[reader]
            self.flagged[reader] += other.flagged[reader]
            self.flagged_lookalikes[reader] += other.flagged_lookalikes[reader]
        self.missed += other.missed
        self.alarms += other.alarms

    def row(self, name: str, note: str = "") -> str:
        """One Markdown table row."""

        def share(found: int, total: int) -> str:
            return f"{found}/{total} ({found / total:.0%})" if total else "-"

        found = [share(self.found[r], self.positives) for r in "abc"]
        flagged = [f"{self.flagged[r]} ({self.flagged_lookalikes[r]})" for r in "abc"]
        return "| " + " | ".join([name, *([note] if note else []), *found, str(self.others), *flagged]) + " |"


def header(label: str = "crisis") -> str:
    """The tables' header."""
    return (
        f"| held-out set | {label} found: (a) rules | (b) classifier | (c) either | non-{label} "
        "| flagged (of them look-alikes): (a) | (b) | (c) |\n|---|---|---|---|---|---|---|---|"
    )


def asked(label: Label, wired: bool, question: str) -> bool:
    """Whether the classifier is asked about a question: always, or (wired) where read_safety asks it."""
    return not (wired and LEFT_TO_THE_RULES[label.name](read(question)))


def leave_one_out(
    sets: Mapping[str, list[dict[str, Any]]],
    feats: Mapping[str, list[Example]],
    label: Label = CRISIS,
    wired: bool = False,
) -> Tally:
    """Print the leave-one-set-out table; the total tally."""
    total = Tally(label.name)
    rules = RULES[label.name]
    print(header(label.name))
    for name, cases in sets.items():
        rest = {other: data for other, data in feats.items() if other != name}
        model = count(e for data in rest.values() for e in data).model(threshold_by_sets(rest))
        tally = Tally(label.name)
        for case, (found, _) in zip(cases, feats[name], strict=True):
            flag = model.score(found) > model.threshold and asked(label, wired, case["q"])
            tally.add(case, rules(read(case["q"])), flag)
        print(tally.row(f"`{name}`"))
        total.merge(tally)
    print(total.row("**all**"))
    return total


def added_in(name: str) -> str | None:
    """The commit that added a question set; None while it is not committed."""
    out = git("log", "--diff-filter=A", "--format=%H", "--", f"tests/data/{name}").split()
    return out[-1] if out else None


def git(*args: str) -> str:
    """The output of a git command in the repository."""
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout


def old_rules(commit: str, questions: Sequence[str], label: str = "crisis") -> list[bool]:
    """The crisis (or emergency) flags the rules of `commit` give the questions."""
    archive = subprocess.run(
        ["git", "archive", "--format=tar", commit, "bot"], cwd=ROOT, check=True, capture_output=True
    ).stdout
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        done = subprocess.run(
            [sys.executable, "-c", OLD[label], tmp],
            cwd=tmp,
            env={"PYTHONPATH": tmp, "PATH": "/usr/bin:/bin"},
            input=json.dumps(list(questions)),
            check=True,
            capture_output=True,
            text=True,
        )
    return [bool(flag) for flag in json.loads(done.stdout)]


def replay(
    sets: Mapping[str, list[dict[str, Any]]],
    feats: Mapping[str, list[Example]],
    label: Label = CRISIS,
    wired: bool = False,
) -> Tally:
    """Print each blind set against the rules and the data of its day; the total tally."""
    # A set not committed yet has no rules of its day: its row in the first table is its blind figure.
    commits = {name: commit for name in sets if (commit := added_in(name))}
    dates = {c: int(git("log", "-1", "--format=%ct", c)) for c in set(commits.values())}
    total = Tally(label.name)
    head = header(label.name)
    print(head.replace("held-out set |", "blind set | sets before |").replace("|---|", "|---|---|", 1))
    for commit in sorted(dates, key=dates.__getitem__):
        new = [name for name in sets if commits.get(name) == commit]
        before = {n: f for n, f in feats.items() if n in commits and dates[commits[n]] < dates[commit]}
        if sum(any(labelled for _, labelled in data) for data in before.values()) < 2:
            continue  # too little to count a classifier on, or to choose its threshold
        model = count(e for data in before.values() for e in data).model(threshold_by_sets(before))
        cases = [case for name in new for case in sets[name]]
        rules = old_rules(commit + "^", [case["q"] for case in cases], label.name)
        tally = Tally(label.name)
        for case, rule, (found, _) in zip(
            cases, rules, [f for name in new for f in feats[name]], strict=True
        ):
            tally.add(case, rule, model.score(found) > model.threshold and asked(label, wired, case["q"]))
        if tally.positives:
            print(tally.row(", ".join(f"`{name}`" for name in new), str(len(before))))
            total.merge(tally)
    print(total.row("**all**", ""))
    return total


def main(argv: list[str] | None = None) -> int:
    """Print the tables."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--replay", action="store_true", help="also each blind set against its day's rules")
    parser.add_argument("--show", action="store_true", help="list what the classifier adds to the rules")
    parser.add_argument("--label", choices=sorted(LABELS), default=CRISIS.name, help="what is read")
    parser.add_argument("--wired", action="store_true", help="the classifier only where read_safety asks it")
    args = parser.parse_args(argv)
    label = LABELS[args.label]
    sets = question_sets(DATA)
    feats = {name: examples(cases, label) for name, cases in sets.items()}
    print("Leave one set out (rules: today's, tuned on every set):\n")
    tallies = [leave_one_out(sets, feats, label, args.wired)]
    if args.replay:
        print("\nReplay (rules: those of the commit before each set arrived):\n")
        tallies.append(replay(sets, feats, label, args.wired))
    if args.show:
        for tally in tallies:
            print("\nfound by the classifier alone:", *tally.missed, sep="\n  ")
            print("flagged by the classifier alone:", *tally.alarms, sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
