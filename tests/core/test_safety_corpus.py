"""The crisis and emergency readers on a machine-written corpus in many languages (tests/data/corpora).

Its author saw neither the readers nor our sets; some of its labels are debatable (a seizure or heavy
bleeding read as a crisis too is the safe side), so it has floors where the readers stand rather than the
question sets' 100%. Its figures as found, before any change for it: crisis 93/130, no false crisis
169/190, emergency 44/60, no false emergency 253/260 (tests/README.md).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.core import Library
from tests.core.test_question_sets import measure

CORPUS = Path(__file__).parent.parent / "data" / "corpora" / "safety_training.yaml"
# crisis- 172 -> 183 once an emergency was no longer read as a crisis by its words' weight, crisis+ 120 -> 123
# (seventh session)
# emergency- 256 -> 255 (ninth session, the readers counted on two more sets): "mein kumpel hat grad
# geschrieben dass er sich heute umbringt und sein handy is aus" is read as an emergency and a crisis
FLOORS = {"crisis+": 123, "crisis-": 184, "emergency+": 59, "emergency-": 255, "clean": 178}


def test_the_readers_stay_where_they_stand_on_the_corpus(library: Library) -> None:
    passed, scored, misses = measure(library, yaml.safe_load(CORPUS.read_text(encoding="utf-8")))
    assert scored["crisis+"] == 130 and scored["emergency+"] == 60
    below = {k: f"{passed[k]}/{scored[k]}" for k, floor in FLOORS.items() if passed[k] < floor}
    assert not below, f"below floor: {below}; misses:\n" + "\n".join(misses)
