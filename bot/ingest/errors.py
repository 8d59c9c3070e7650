"""The one error an import raises: which file, which line, and why."""

from __future__ import annotations


class IngestError(Exception):
    """Input that cannot be imported; prints as `FILE:LINE: reason` (no line when it is the whole file)."""

    def __init__(self, file: str, line: int | None, reason: str) -> None:
        self.file = file
        self.line = line
        self.reason = reason
        super().__init__(f"{file}:{line}: {reason}" if line else f"{file}: {reason}")
