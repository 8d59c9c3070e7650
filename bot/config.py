"""Settings from the environment or a git-ignored .env file."""

from __future__ import annotations

from pathlib import Path

from dotenv import load_dotenv


def load_dotenv_file(path: str | Path = ".env") -> None:
    """Read `.env` from the working folder into the environment; real environment variables win."""
    load_dotenv(path, override=False)
