"""Score question sets the way the tests do, and print each measure: the tool for a blind set's one scoring.

    python -m tools.score_sets FILE...         the ketamine episode's sets (test_question_sets.py's measures)
    python -m tools.score_sets --library FILE  library sets (given@1, given@3, routed@1, episode)
    python -m tools.score_sets all             every set of tests/data, summed
Add --detail to list each miss.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from bot.core import Answer, Library, load_knowledge
from bot.core.timecode import format_time, parse_time
from bot.paths import BUNDLED_KNOWLEDGE

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.core.test_question_sets import measure  # noqa: E402


def _load(path: Path) -> list[dict[str, Any]]:
    return list(yaml.safe_load(path.read_text(encoding="utf-8")))


Counts = tuple[Counter[str], Counter[str], list[str]]


def _holds(answer: Answer, episode_id: str, wanted: set[str], within: int) -> bool:
    """Whether one of the answer's first `within` chapters is a wanted one of the episode."""
    return any(
        m.episode.id == episode_id and format_time(m.chapter.start) in wanted
        for m in answer.chapters[:within]
    )


def score_library(library: Library, cases: list[dict[str, Any]]) -> Counts:
    """Given@1, given@3, routed@1 and right-episode counts over library cases, with a line per miss."""
    passed: Counter[str] = Counter()
    scored: Counter[str] = Counter()
    misses: list[str] = []
    for case in cases:
        wanted = {format_time(parse_time(t)) for t in case["chapter"]}
        given = library.answer(case["q"], case["episode"])
        routed = library.answer(case["q"])
        episode_id = case["episode"]
        got = [f"{m.episode.id[:4]}@{format_time(m.chapter.start)}" for m in given.chapters[:3]]
        for key, answer, within in (("given@1", given, 1), ("given@3", given, 3), ("routed@1", routed, 1)):
            ok = _holds(answer, episode_id, wanted, within)
            scored[key] += 1
            passed[key] += ok
            if not ok:
                misses.append(f"{key}: [{case['episode'][:4]} {sorted(wanted)} got {got}] {case['q']}")
        if case.get("routing"):
            ok = bool(routed.chapters) and routed.chapters[0].episode.id == case["episode"]
            scored["episode"] += 1
            passed["episode"] += ok
            if not ok:
                first = routed.chapters[0].episode.id if routed.chapters else None
                misses.append(f"episode: [{case['episode'][:4]} got {first}] {case['q']}")
    return passed, scored, misses


def main() -> None:
    """Score the named sets and print passed/scored per measure."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="+")
    parser.add_argument("--library", action="store_true", help="the files are library sets")
    parser.add_argument("--detail", action="store_true", help="list each miss")
    args = parser.parse_args()
    library = Library(load_knowledge(BUNDLED_KNOWLEDGE))
    data = ROOT / "tests" / "data"
    if args.files == ["all"]:
        groups = [
            (False, sorted(data.glob("*questions*.yaml"))),
            (True, sorted((data / "library").glob("*.yaml"))),
        ]
    else:
        groups = [(args.library, [Path(f) for f in args.files])]
    for is_library, paths in groups:
        passed: Counter[str] = Counter()
        scored: Counter[str] = Counter()
        for path in paths:
            cases = _load(path)
            p, s, misses = score_library(library, cases) if is_library else measure(library, cases)
            passed += p
            scored += s
            line = "  ".join(f"{k} {p[k]}/{s[k]}" for k in sorted(s))
            print(f"{path.name}: {line}")
            if args.detail:
                for miss in misses:
                    print("   ", miss)
        if len(paths) > 1:
            shares = (f"{k} {passed[k]}/{scored[k]} ({passed[k] / scored[k]:.1%})" for k in sorted(scored))
            print("TOTAL: " + "  ".join(shares))


if __name__ == "__main__":
    main()
