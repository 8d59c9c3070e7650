"""Count the second readers' features in the labelled messages of tests/data; write the counts.

    .venv/bin/python -m tools.train_crisis            # writes bot/core/safety/{crisis,emergency}_counts.tsv
    .venv/bin/python -m tools.train_crisis --check    # fails when a committed file is not what it writes
    .venv/bin/python -m tools.train_crisis --label emergency    # one label only

Every case with `crisis: true` is a crisis; every other case (look-alikes, emergencies, lethal-amount
questions, topic questions, chatter) is not. Likewise every case with `emergency: true` is an emergency
happening now, and every other case (crises included) is not. The threshold is chosen by leaving one
question set out at a time: each set is scored by a model counted on all the others, and the threshold is
the lowest at which at most MAX_FALSE_ALARMS of the unlabelled messages, over all the held-out sets, score
above it. The same data always gives the same file: counts are integers, the threshold is rounded.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.core.message import read
from bot.core.safety.classifier import CRISIS, LABELS, OTHERS, THRESHOLD, Label, Model

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
# At most this share of the unlabelled messages of held-out sets may score above the threshold.
MAX_FALSE_ALARMS = 0.005
# A feature seen in one unlabelled message only, and in no labelled one, says too little to keep.
MIN_OTHERS = 2
DIGITS = 4

Example = tuple[list[str], bool]


def question_sets(data: Path = DATA) -> dict[str, list[dict[str, Any]]]:
    """Every labelled set by its path under tests/data: the question sets, then the library's."""
    paths = sorted(data.glob("*questions*.yaml")) + sorted((data / "library").glob("*questions*.yaml"))
    return {
        path.relative_to(data).as_posix(): list(yaml.safe_load(path.read_text(encoding="utf-8")))
        for path in paths
    }


def examples(cases: Iterable[Mapping[str, Any]], label: Label = CRISIS) -> list[Example]:
    """Each case's features and whether it has the label (a crisis, by default)."""
    return [(label.features(read(case["q"])), case.get(label.name) is True) for case in cases]


@dataclass(frozen=True)
class Counts:
    """How many labelled and other messages carry each feature, and how many there are of each."""

    features: dict[str, tuple[int, int]]
    positives: int
    others: int
    label: Label = CRISIS

    def model(self, threshold: float = 0.0) -> Model:
        """The classifier of these counts."""
        return Model.from_counts(self.features, self.positives, self.others, threshold, self.label)


def count(data: Iterable[Example], label: Label = CRISIS) -> Counts:
    """The feature counts of labelled examples."""
    yes: Counter[str] = Counter()
    no: Counter[str] = Counter()
    positives = others = 0
    for feats, labelled in data:
        (yes if labelled else no).update(feats)
        positives += labelled
        others += not labelled
    kept = {f: (yes[f], no[f]) for f in sorted(yes.keys() | no.keys()) if yes[f] or no[f] >= MIN_OTHERS}
    return Counts(kept, positives, others, label)


def held_out_scores(sets: Mapping[str, Sequence[Example]]) -> dict[str, list[tuple[float, bool]]]:
    """Each set's scores, by a model counted on all the other sets."""
    found: dict[str, list[tuple[float, bool]]] = {}
    for name, held in sets.items():
        model = count(e for other, data in sets.items() if other != name for e in data).model()
        found[name] = [(model.score(feats), labelled) for feats, labelled in held]
    return found


def choose_threshold(
    scores: Iterable[tuple[float, bool]], max_false_alarms: float = MAX_FALSE_ALARMS
) -> float:
    """The lowest threshold (rounded up) above which at most `max_false_alarms` of the others score."""
    others = sorted((s for s, labelled in scores if not labelled), reverse=True)
    allowed = int(max_false_alarms * len(others))
    if allowed >= len(others):
        return -math.inf
    return math.ceil(others[allowed] * 10.0**DIGITS) / 10.0**DIGITS


def threshold_by_sets(sets: Mapping[str, Sequence[Example]]) -> float:
    """The threshold chosen on held-out sets, each scored by a model of the others."""
    return choose_threshold(s for scores in held_out_scores(sets).values() for s in scores)


def render(counts: Counts, threshold: float) -> str:
    """The committed file: totals and threshold, then a feature a line with its two counts."""
    name = counts.label.name
    lines = [
        f"# {name.capitalize()} classifier counts, written by `make crisis-model` (tools/train_crisis.py):"
        " do not edit.",
        f"# feature<TAB>{name} messages carrying it<TAB>other messages carrying it",
        f"{counts.label.total}\t{counts.positives}",
        f"{OTHERS}\t{counts.others}",
        f"{THRESHOLD}\t{threshold:.{DIGITS}f}",
    ]
    lines += [f"{f}\t{yes}\t{no}" for f, (yes, no) in counts.features.items()]
    return "\n".join(lines) + "\n"


def build(sets: Mapping[str, Sequence[Example]], label: Label = CRISIS) -> str:
    """The committed file for these sets: counted on all of them, the threshold chosen on held-out ones."""
    return render(count((e for data in sets.values() for e in data), label), threshold_by_sets(sets))


def main(argv: list[str] | None = None) -> int:
    """Write the counts files, or check that the committed ones are what the data gives."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--check", action="store_true", help="fail when a committed file differs")
    parser.add_argument("--label", choices=sorted(LABELS), help="one label only (default: every label)")
    args = parser.parse_args(argv)
    stale = 0
    for label in [LABELS[args.label]] if args.label else LABELS.values():
        sets = {name: examples(cases, label) for name, cases in question_sets().items()}
        text, path = build(sets, label), label.counts.relative_to(ROOT)
        if not args.check:
            label.counts.write_text(text, encoding="utf-8")
            print(f"{path}: {text.count(chr(10)) - 5} features")
        elif label.counts.read_text(encoding="utf-8") != text:
            print(f"{path} is stale: run `make crisis-model`", file=sys.stderr)
            stale += 1
        else:
            print(f"{path} is up to date")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
