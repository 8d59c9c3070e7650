"""episode-bot: answers listeners' questions about a podcast episode."""

__version__ = "0.1.0"
