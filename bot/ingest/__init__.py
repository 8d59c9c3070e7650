"""Importing episodes: show notes and transcripts to knowledge files of facts and statistics (no Discord)."""

from bot.ingest.episode_file import render_episode, with_transcript
from bot.ingest.errors import IngestError
from bot.ingest.importer import (
    ImportedEpisode,
    ImportOptions,
    build_episode,
    import_episode,
    import_options,
)

__all__ = [
    "ImportOptions",
    "ImportedEpisode",
    "IngestError",
    "build_episode",
    "import_episode",
    "import_options",
    "render_episode",
    "with_transcript",
]
