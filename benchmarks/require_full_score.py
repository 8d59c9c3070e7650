"""Run the public scorer on the installed CLI and fail unless every measure is full."""

from __future__ import annotations

import json
import subprocess
import sys


def main() -> int:
    """Exit 0 when every measure printed by the scorer is N/N."""
    scorer = sys.argv[1]
    result = subprocess.run([sys.executable, scorer, "--detail"], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        print(result.stdout + result.stderr, file=sys.stderr)
        return result.returncode
    scores = json.loads(result.stdout.strip().splitlines()[-1])
    print(f"public question set: {json.dumps(scores)}")
    short = {
        k: v
        for k, v in scores.items()
        if isinstance(v, str) and "/" in v and v.split("/")[0] != v.split("/")[1]
    }
    if short:
        print(result.stderr, file=sys.stderr)
        print(f"public question set below 100%: {short}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
