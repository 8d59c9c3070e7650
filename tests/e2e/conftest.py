"""End-to-end tests run the real discord.py client against tests/e2e/fake_discord.py on 127.0.0.1.

Tests are plain sync functions calling ``run_scenario`` (asyncio.run with a timeout), so no async plugin is
needed. The fixture here is a safety net for the module-level URLs that the tests patch.
"""

from __future__ import annotations

from collections.abc import Iterator

import discord.gateway
import discord.http
import pytest


@pytest.fixture(autouse=True)
def restore_discord_urls() -> Iterator[None]:
    """Put discord.py's API base and gateway URL back even if a test dies while they point at the fake."""
    base = discord.http.Route.BASE
    gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    yield
    discord.http.Route.BASE = base
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = gateway
