"""A per-user cooldown on questions, so one member cannot flood a channel through the bot."""

from __future__ import annotations

import time
from collections.abc import Callable


class Cooldown:
    """Allows one question per `seconds` for each user; remembers only users seen within that window."""

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self._clock = clock
        self._last: dict[int, float] = {}

    def retry_after(self, user_id: int) -> float:
        """0 when the user may ask now (and records the question), else the seconds left to wait."""
        now = self._clock()
        if len(self._last) > 10_000:
            self._last = {u: t for u, t in self._last.items() if now - t < self.seconds}
        last = self._last.get(user_id)
        if last is not None and now - last < self.seconds:
            return self.seconds - (now - last)
        self._last[user_id] = now
        return 0.0
