"""Benchmark: answer latency in one process over our question sets, and process start to first answer.

    .venv/bin/python benchmarks/answer_latency.py [--passes N]

Latency is measured with the engine's caches cleared before every pass, so each question is seen
cold (typo corrections and stems are cached per process); the first pass is reported on its own too.
"""

from __future__ import annotations

import argparse
import gc
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

from bot.core import Library, load_knowledge
from bot.core.text import commonness, specificity, stem
from bot.paths import BUNDLED_KNOWLEDGE

ROOT = Path(__file__).resolve().parent.parent


def questions() -> list[str]:
    """Every question of our own question sets."""
    found: list[str] = []
    for path in sorted((ROOT / "tests" / "data").glob("*questions*.yaml")):
        found += [case["q"] for case in yaml.safe_load(path.read_text(encoding="utf-8"))]
    return found


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the values fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def clear_caches(library: Library) -> None:
    """Forget every per-process cache, so the next answers are computed cold."""
    stem.cache_clear()
    commonness.cache_clear()
    specificity.cache_clear()
    # The benchmark reaches into the engines on purpose: only it needs to forget the caches.
    for engine in library.engines.values():
        for index in (engine._chapter_index, engine._study_index):
            index._correct.cache_clear()


def latency(library: Library, asked: list[str], passes: int) -> tuple[list[float], list[float]]:
    """Milliseconds per answer: all passes, and the first pass alone."""
    timings: list[float] = []
    first: list[float] = []
    gc.disable()
    try:
        for number in range(passes):
            clear_caches(library)
            for question in asked:
                started = time.perf_counter_ns()
                library.answer(question)
                elapsed = (time.perf_counter_ns() - started) / 1e6
                timings.append(elapsed)
                if number == 0:
                    first.append(elapsed)
    finally:
        gc.enable()
    return timings, first


def start_to_first_answer(runs: int) -> list[float]:
    """Seconds from starting `episode-bot ask` to its exit with an answer printed."""
    script = Path(sys.executable).with_name("episode-bot")
    seconds: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        command = [str(script), "ask", "what is a k-hole"]
        result = subprocess.run(command, capture_output=True, text=True, check=True)
        seconds.append(time.perf_counter() - started)
        assert "01:26:04" in result.stdout
    return seconds


def main() -> None:
    """Print the figures as a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--passes", type=int, default=10)
    parser.add_argument("--starts", type=int, default=7)
    args = parser.parse_args()

    started = time.perf_counter()
    library = Library(load_knowledge(BUNDLED_KNOWLEDGE))
    build_ms = (time.perf_counter() - started) * 1000
    asked = questions()
    timings, first = latency(library, asked, args.passes)
    starts = start_to_first_answer(args.starts)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}")
    print(f"questions: {len(asked)} x {args.passes} passes = {len(timings)} answers\n")
    print("| measure | value |")
    print("|---|---|")
    print(f"| answer latency p50 | {percentile(timings, 0.50):.3f} ms |")
    print(f"| answer latency p99 | {percentile(timings, 0.99):.3f} ms |")
    print(f"| answer latency max | {max(timings):.3f} ms |")
    cold = f"{percentile(first, 0.5):.3f} / {percentile(first, 0.99):.3f} ms"
    print(f"| first pass (cold) p50 / p99 | {cold} |")
    print(f"| load + index the knowledge | {build_ms:.0f} ms |")
    start_ms = statistics.median(starts) * 1000
    print(f"| process start to first answer (median of {len(starts)}) | {start_ms:.0f} ms |")
    print(f"| peak RSS of this benchmark process | {rss_mb:.0f} MB |")


if __name__ == "__main__":
    main()
