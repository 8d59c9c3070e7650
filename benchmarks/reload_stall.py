"""Benchmark: how long a /reload of the largest allowed knowledge file stalls the bot's event loop.

    .venv/bin/python benchmarks/reload_stall.py

A coroutine ticks every 10 ms on the event loop and records how late each tick wakes while
`KnowledgeStore.reload()` loads, validates and indexes in its worker thread. The worst lateness is the
longest time the loop could not run, which is what an interaction waiting for its reply feels: mostly
the longest single hold of the interpreter lock by the worker. For reference the same is measured while
a worker thread hands the whole file to PyYAML's C composer in one call, as the loader did before.
"""

from __future__ import annotations

import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from functools import partial
from pathlib import Path

import yaml

from bot.core.loader import END_MARKER, MAX_FILE_BYTES, load_knowledge
from bot.core.store import KnowledgeStore
from bot.paths import BUNDLED_KNOWLEDGE

TICK = 0.01


def largest_episode(shape: str) -> str:
    """The shipped episode grown to just under MAX_FILE_BYTES, by transcript windows or by keywords."""
    text = (BUNDLED_KNOWLEDGE / "ketamine.yaml").read_text(encoding="utf-8").removesuffix(f"{END_MARKER}\n")
    room = MAX_FILE_BYTES - len(text.encode()) - 1024
    if shape == "windows":
        # One window a second over the 01:42:41 episode, each as many stem*count terms as fit.
        count = 6000
        per = room // count
        words = " ".join(f"stem{i}*{i % 9 + 1}" for i in range(per // 8))[: per - 40].rsplit(" ", 1)[0]
        lines = ["transcript:", "  windows:"]
        for second in range(count):
            lines += [
                f'  - at: "{second // 3600:02}:{second // 60 % 60:02}:{second % 60:02}"',
                f"    terms: {words}",
            ]
        extra = "\n".join(lines) + "\n"
    else:
        # Tens of thousands of short keywords on the opening chapter: the most YAML events per byte.
        words = ", ".join(f"kw{i}" for i in range(room // 8))
        extra = ""
        text = text.replace(
            "  keywords: [overview, ", f"  keywords: [{words[: room - 100].rsplit(',', 1)[0]}, ", 1
        )
    out = text + extra + f"{END_MARKER}\n"
    assert len(out.encode()) <= MAX_FILE_BYTES, len(out.encode())
    return out


async def stalls(job: Callable[[], Awaitable[object]]) -> tuple[float, float, float]:
    """(worst lateness, median lateness, seconds) of the 10 ms ticker while `job` runs."""
    late: list[float] = []
    done = asyncio.Event()

    async def ticker() -> None:
        while not done.is_set():
            due = time.perf_counter() + TICK
            await asyncio.sleep(TICK)
            late.append(time.perf_counter() - due)

    started = time.perf_counter()
    tick = asyncio.create_task(ticker())
    await job()
    elapsed = time.perf_counter() - started
    done.set()
    await tick
    return max(late), statistics.median(late), elapsed


def main() -> int:
    """Measure each file shape, print a table, fail when the loader or a reload stalls the loop 100 ms."""
    print(f"Python {sys.version.split()[0]}, switch interval {sys.getswitchinterval() * 1000:.0f} ms")
    print("| file (bytes) | what runs in the worker thread | total s | worst tick lateness ms | median ms |")
    print("|---|---|---|---|---|")
    worst = 0.0
    loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for shape in ("windows", "keywords"):
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            shutil.copy(BUNDLED_KNOWLEDGE / "safety.yaml", root / "safety.yaml")
            text = largest_episode(shape)
            (root / "ketamine.yaml").write_text(text, encoding="utf-8")
            jobs: list[tuple[str, Callable[[], Awaitable[object]]]] = [
                (
                    "one yaml.compose call (the old loader's parse)",
                    partial(asyncio.to_thread, yaml.compose, text, loader),
                ),
                ("load_knowledge()", partial(asyncio.to_thread, load_knowledge, root)),
            ]
            # The engine stems every distinct word in pure Python: a file of a million distinct keywords
            # takes it minutes (its own concern), so the full reload is measured on the windows file.
            if shape == "windows":
                jobs.append(
                    ("KnowledgeStore.reload(): load, engine, diff, swap", KnowledgeStore.open(root).reload)
                )
            for label, job in jobs:
                high, median, seconds = asyncio.run(stalls(job))
                if not label.startswith("one yaml"):
                    worst = max(worst, high)
                row = f"| {shape} ({len(text.encode()):,}) | {label} | {seconds:.2f} |"
                print(f"{row} {high * 1000:.0f} | {median * 1000:.1f} |")
    return 0 if worst < 0.1 else 1


if __name__ == "__main__":
    raise SystemExit(main())
