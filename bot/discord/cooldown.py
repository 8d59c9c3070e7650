"""A per-user cooldown on questions, so one member cannot flood a channel through the bot."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(slots=True)
class _Window:
    started: float
    noticed: bool = False


class Cooldown:
    """Allows one question per `seconds` for each user; remembers only users seen within that window."""

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self._clock = clock
        # Oldest window first: a user's entry moves to the end when a new window starts, and the clock
        # never goes back, so expired windows are always at the front and pruning is O(1) amortised.
        self._windows: OrderedDict[int, _Window] = OrderedDict()

    def __len__(self) -> int:
        """How many users are remembered (those whose window is still open, at the last call)."""
        return len(self._windows)

    def retry_after(self, user_id: int) -> float:
        """0 when the user may ask now (and records the question), else the seconds left to wait."""
        now = self._clock()
        self._prune(now)
        window = self._windows.get(user_id)
        if window is not None:
            return self.seconds - (now - window.started)
        self._windows[user_id] = _Window(now)
        return 0.0

    def notice_due(self, user_id: int) -> bool:
        """True once per window for a user who must wait: the one cooldown notice they are sent."""
        window = self._windows.get(user_id)
        if window is None or window.noticed:
            return False
        window.noticed = True
        return True

    def _prune(self, now: float) -> None:
        windows = self._windows
        while windows:
            oldest = next(iter(windows.values()))
            if now - oldest.started < self.seconds:
                break
            windows.popitem(last=False)
