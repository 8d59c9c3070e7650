"""Micro-benchmark: the cost of one cooldown check with 10,000 and 100,000 members in the window.

    .venv/bin/python benchmarks/cooldown_bench.py

Each member asks once (filling the window), then every member asks again, in the window and after it
(when each call also prunes expired members). Reports the mean time per call.
"""

from __future__ import annotations

import time

from bot.discord.cooldown import Cooldown


def per_call(members: int) -> tuple[float, float, float]:
    """Mean microseconds per call: filling the window, asking again inside it, asking after it."""
    now = [0.0]
    cooldown = Cooldown(60.0, clock=lambda: now[0])
    timings: list[float] = []
    for step in (0.0, 1.0, 120.0):  # fill, ask again within the window, ask after it expired
        now[0] += step
        start = time.perf_counter()
        for user in range(members):
            cooldown.retry_after(user)
        timings.append((time.perf_counter() - start) / members * 1e6)
    return timings[0], timings[1], timings[2]


def main() -> None:
    """Print the figures for 10,000 and 100,000 members."""
    print("members   fill (us/call)   in window   after window")
    for members in (10_000, 100_000):
        fill, within, after = per_call(members)
        print(f"{members:>7,}   {fill:14.2f}   {within:9.2f}   {after:12.2f}")


if __name__ == "__main__":
    main()
