"""The per-user cooldown."""

from __future__ import annotations

from bot.discord.cooldown import Cooldown


def test_one_question_per_window_per_user() -> None:
    now = [100.0]
    cooldown = Cooldown(5.0, clock=lambda: now[0])
    assert cooldown.retry_after(1) == 0
    assert cooldown.retry_after(2) == 0
    now[0] += 2
    assert cooldown.retry_after(1) == 3.0
    now[0] += 3
    assert cooldown.retry_after(1) == 0


def test_zero_seconds_never_waits() -> None:
    cooldown = Cooldown(0.0)
    assert all(cooldown.retry_after(1) == 0 for _ in range(5))
