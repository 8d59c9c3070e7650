"""Benchmark: the real bot process against the local Discord-protocol server.

    .venv/bin/python benchmarks/discord_bench.py [--interactions N] [--members M]

A soak: N /ask interactions (10,000 by default) from M distinct members (1,000), in turn, with the
default cooldown, so the cooldown table holds every member. Reports the bot's resident memory after
READY, after the first tenth (warm-up) and after the run, and the latency from INTERACTION_CREATE
leaving the server's socket to the bot's callback arriving, for questions taken in turn from our sets.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the test server lives in tests/e2e

from benchmarks.answer_latency import percentile, questions  # noqa: E402
from tests.conftest import copy_knowledge  # noqa: E402
from tests.e2e.bot_process import build_world, running_bot  # noqa: E402
from tests.e2e.fake_discord import FakeDiscord, LiveDiscord  # noqa: E402


def rss_mb(pid: int) -> float:
    """Resident memory of a process, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def measure(count: int, members: int, folder: Path) -> tuple[float, float, float, list[float]]:
    """RSS after READY, after warm-up and after the run, and each interaction's latency in ms."""
    asked = [q[:500] for q in questions() if q.strip()]
    fake = FakeDiscord()
    world = build_world(fake)
    extra = {"DEV_GUILD_ID": str(world.guild.id), "LOG_LEVEL": "INFO"}
    with (
        LiveDiscord(fake, barrier_question="habenula") as server,
        running_bot(fake, copy_knowledge(folder), extra, ready_timeout=30) as bot,
    ):
        time.sleep(1.0)  # let start-up work settle before reading memory
        ready_rss = rss_mb(bot.process.pid)
        people = [server.join(world.guild) for _ in range(members)]
        latencies: list[float] = []
        warm_rss = ready_rss
        for number in range(count):
            who = people[number % len(people)]
            record = server.send(who, "ask", {"question": asked[number % len(asked)]})
            server.answer(record)
            assert record.callback is not None
            latencies.append(record.callback.elapsed * 1000)
            if number + 1 == max(1, count // 10):
                warm_rss = rss_mb(bot.process.pid)
        end_rss = rss_mb(bot.process.pid)
        assert not fake.problems, fake.problems
    return ready_rss, warm_rss, end_rss, latencies


def main() -> None:
    """Print the figures as a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--interactions", type=int, default=10_000)
    parser.add_argument("--members", type=int, default=1_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        ready_rss, warm_rss, end_rss, latencies = measure(args.interactions, args.members, Path(folder))
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}")
    print(f"interactions: {len(latencies)} /ask from {args.members} members, one at a time\n")
    print("| measure | value |")
    print("|---|---|")
    print(f"| bot RSS after READY | {ready_rss:.1f} MB |")
    print(f"| bot RSS after warm-up (first tenth) | {warm_rss:.1f} MB |")
    print(f"| bot RSS after the run | {end_rss:.1f} MB |")
    print(f"| RSS growth after warm-up | {end_rss - warm_rss:+.1f} MB |")
    print(f"| INTERACTION_CREATE to callback p50 | {statistics.median(latencies):.2f} ms |")
    print(f"| INTERACTION_CREATE to callback p99 | {percentile(latencies, 0.99):.2f} ms |")
    print(f"| INTERACTION_CREATE to callback max | {max(latencies):.2f} ms |")


if __name__ == "__main__":
    main()
