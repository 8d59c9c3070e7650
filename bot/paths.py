"""Where the bundled knowledge lives."""

from __future__ import annotations

from pathlib import Path

BUNDLED_KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"
