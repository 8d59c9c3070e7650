"""Print docs/quality.md's per-set table rows for every set of tests/data, as the tests measure them.

    python -m tools.quality_table
The public set's row is the shared scorer's (`make eval`); paste the rows under the table's header.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import yaml

from bot.core import Library, load_knowledge
from bot.paths import BUNDLED_KNOWLEDGE

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.core.test_question_sets import measure  # noqa: E402


def _share(passed: Counter[str], scored: Counter[str], key: str, *, percent: bool = False) -> str:
    if not scored[key]:
        return ""
    text = f"{passed[key]}/{scored[key]}"
    return f"{text} ({passed[key] / scored[key]:.0%})" if percent else text


def _pair(passed: Counter[str], scored: Counter[str], key: str) -> str:
    plus, minus = _share(passed, scored, key + "+"), _share(passed, scored, key + "-")
    if not plus and not minus:
        return ""
    return f"{plus or '-'}, {minus or '-'}" if (plus and minus) or key == "crisis" else plus or minus


def row(library: Library, path: Path) -> str:
    """One set's row: questions, first chapter, top three, studies, disclaimer, crisis, emergency, help
    only, chatter left alone."""
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    passed, scored, _ = measure(library, cases)
    cells = [
        f"`{path.name}`",
        str(len(cases)),
        _share(passed, scored, "chapter@1", percent=True),
        _share(passed, scored, "chapter@3"),
        _share(passed, scored, "study"),
        _pair(passed, scored, "disclaimer"),
        _pair(passed, scored, "crisis"),
        _pair(passed, scored, "emergency"),
        _share(passed, scored, "clean"),
        _share(passed, scored, "none"),
    ]
    return "| " + " | ".join(cells) + " |"


def main() -> None:
    """Print a row per set: those docs/quality.md lists, in its order, then any new ones by name."""
    library = Library(load_knowledge(BUNDLED_KNOWLEDGE))
    doc = (ROOT / "docs" / "quality.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| `([\w.]+)` \| \d", doc, re.M)
    paths = {p.name: p for p in (ROOT / "tests" / "data").glob("*questions*.yaml")}
    order = [name for name in dict.fromkeys(listed) if name in paths]
    order += sorted(set(paths) - set(order))
    for name in order:
        print(row(library, paths[name]))


if __name__ == "__main__":
    main()
