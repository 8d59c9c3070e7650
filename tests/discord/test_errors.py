"""The one error handler: the user gets a short message, the log gets the detail."""

from __future__ import annotations

import asyncio
import logging
from unittest.mock import AsyncMock, MagicMock

import pytest
from discord import app_commands

from bot.config import Settings
from bot.core.store import KnowledgeStore
from bot.discord.client import SORRY, EpisodeBot
from bot.paths import BUNDLED_KNOWLEDGE


def interaction(done: bool) -> MagicMock:
    mock = MagicMock()
    mock.response.is_done.return_value = done
    mock.response.send_message = AsyncMock()
    mock.followup.send = AsyncMock()
    mock.command.name = "ask"
    return mock


@pytest.fixture(scope="module")
def bot() -> EpisodeBot:
    return EpisodeBot(Settings(token="t"), KnowledgeStore.open(BUNDLED_KNOWLEDGE))


def test_unexpected_error_is_logged_and_the_user_gets_a_short_reply(
    bot: EpisodeBot, caplog: pytest.LogCaptureFixture
) -> None:
    failing = interaction(done=False)
    error = app_commands.CommandInvokeError(MagicMock(), RuntimeError("database on fire"))
    with caplog.at_level(logging.ERROR):
        asyncio.run(bot.on_app_command_error(failing, error))
    failing.response.send_message.assert_awaited_once()
    args, kwargs = failing.response.send_message.await_args
    assert args == (SORRY,) and kwargs["ephemeral"] is True
    assert "database on fire" not in args[0]
    assert "command /ask failed" in caplog.text and "database on fire" in caplog.text


def test_after_a_reply_the_notice_is_a_followup(bot: EpisodeBot) -> None:
    answered = interaction(done=True)
    asyncio.run(bot.on_app_command_error(answered, app_commands.CheckFailure()))
    answered.followup.send.assert_awaited_once()
    assert answered.followup.send.await_args.args == ("You can't use that command here.",)
