"""Start-up: one error type for every failure, logs without secrets or members' messages."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any
from unittest.mock import MagicMock

import discord
import discord.gateway
import discord.http
import pytest
import yarl

from bot.config import ConfigError, Settings, StartupError
from bot.discord.client import EpisodeBot
from bot.discord.runner import application_id, configure_logging, invite_url, run_discord

TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.secret-part-of-the-token"
INTERACTION_TOKEN = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OnNlY3JldA"
QUESTION = "how much ketamine can I take with my antidepressants"
# What discord.py's gateway logs at DEBUG for one /ask: the whole event.
EVENT = {
    "t": "INTERACTION_CREATE",
    "d": {
        "id": "1311",
        "token": INTERACTION_TOKEN,
        "member": {"user": {"id": "4242", "username": "alice_listener", "global_name": "Alice"}},
        "data": {"name": "ask", "options": [{"name": "question", "value": QUESTION}]},
    },
}
CALLBACK = f"https://discord.com/api/v10/interactions/1311/{INTERACTION_TOKEN}/callback"


@pytest.fixture
def restore_globals() -> Iterator[None]:
    """Put back what start-up changes process-wide: logging and discord.py's endpoints."""
    root, library = logging.getLogger(), logging.getLogger("discord")
    handlers, root_level, library_level = list(root.handlers), root.level, library.level
    base, gateway = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    yield
    root.handlers[:] = handlers
    root.setLevel(root_level)
    library.setLevel(library_level)
    discord.http.Route.BASE = base
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = gateway


def log_a_slash_command() -> None:
    """What discord.py and the bot log around one /ask, at every level."""
    logging.getLogger("discord.gateway").debug("For Shard ID %s: WebSocket Event: %s", 0, EVENT)
    body = {"type": 4, "data": {"content": f"> {QUESTION}"}}
    logging.getLogger("discord.http").debug("POST %s with %s has returned %s", CALLBACK, body, 200)
    logging.getLogger("discord.http").warning(
        "We are being rate limited. POST %s responded with 429", CALLBACK
    )
    logging.getLogger("bot.discord.client").debug("a debug line of our own")


@pytest.mark.usefixtures("restore_globals")
def test_debug_logs_carry_no_question_name_or_token(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging(Settings(token=TOKEN, log_level="DEBUG"))
    log_a_slash_command()
    err = capsys.readouterr().err
    assert "a debug line of our own" in err, "DEBUG is on for the bot"
    assert "We are being rate limited" in err
    for private in (QUESTION, "alice_listener", "Alice", INTERACTION_TOKEN, TOKEN):
        assert private not in err
    assert "/interactions/1311/[redacted]/callback" in err


@pytest.mark.usefixtures("restore_globals")
def test_message_content_is_logged_only_when_asked_and_tokens_never(
    capsys: pytest.CaptureFixture[str],
) -> None:
    configure_logging(Settings(token=TOKEN, log_level="DEBUG", log_message_content=True))
    log_a_slash_command()
    err = capsys.readouterr().err
    assert QUESTION in err and "alice_listener" in err
    assert INTERACTION_TOKEN not in err and TOKEN not in err
    assert "'token': '[redacted]'" in err


@pytest.mark.usefixtures("restore_globals")
def test_the_configured_level_holds_for_discord_py_too(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging(Settings(token=TOKEN, log_level="WARNING"))
    logging.getLogger("discord.client").info("logging in using static token")
    logging.getLogger("bot").info("serving")
    logging.getLogger("discord.client").warning("a warning")
    err = capsys.readouterr().err
    assert "static token" not in err and "serving" not in err
    assert "a warning" in err


@pytest.mark.usefixtures("restore_globals")
def test_tokens_are_redacted_from_exception_text_and_tracebacks(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging(Settings(token=TOKEN, log_level="INFO"))
    try:
        raise RuntimeError(f"request with {TOKEN} to /webhooks/99/{INTERACTION_TOKEN}/messages failed")
    except RuntimeError:
        logging.getLogger("bot").exception("could not reply")
    logging.getLogger("bot").info("token %s", TOKEN, stack_info=True)
    err = capsys.readouterr().err
    assert "Traceback" in err and "could not reply" in err and "Stack (most recent call last)" in err
    assert TOKEN not in err and INTERACTION_TOKEN not in err
    assert "/webhooks/99/[redacted]/messages" in err


def test_invite_link_from_the_token() -> None:
    assert application_id(TOKEN) == 123456789012345678
    for token in ("t.t.t", "", "!!!.x", "bm90IGEgbnVtYmVy.x.y"):
        assert application_id(token) is None
    url = invite_url(123456789012345678)
    assert "client_id=123456789012345678" in url and "scope=bot+applications.commands" in url


def http_error(kind: type[discord.HTTPException], status: int, url: str) -> discord.HTTPException:
    response = MagicMock(status=status, reason="Forbidden", url=yarl.URL(url))
    return kind(response, {"code": 50001, "message": "Missing Access"})


def start_failing_with(monkeypatch: pytest.MonkeyPatch, error: BaseException, **env: str) -> StartupError:
    """run_discord's error when connecting raises `error`."""

    def run(self: Any, *args: Any, **kwargs: Any) -> None:
        raise error

    monkeypatch.setattr(EpisodeBot, "run", run)
    with pytest.raises(StartupError) as caught:
        run_discord({"DISCORD_TOKEN": TOKEN, **env})
    assert TOKEN not in str(caught.value)
    return caught.value


@pytest.mark.usefixtures("restore_globals")
def test_a_wrong_dev_guild_id_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    url = "https://discord.com/api/v10/applications/123456789012345678/guilds/555/commands"
    error = start_failing_with(monkeypatch, http_error(discord.Forbidden, 403, url), DEV_GUILD_ID="555")
    assert isinstance(error, ConfigError) and error.exit_code == 2
    assert str(error).startswith("DEV_GUILD_ID: Discord refused to sync the commands to guild 555 (403")
    assert "applications.commands" in str(error)


@pytest.mark.usefixtures("restore_globals")
def test_other_refusals_rejected_tokens_and_missing_intents(monkeypatch: pytest.MonkeyPatch) -> None:
    other = http_error(discord.HTTPException, 500, "https://discord.com/api/v10/gateway/bot")
    error = start_failing_with(monkeypatch, other, DEV_GUILD_ID="555")
    assert str(error).startswith("Discord refused at start (500") and error.exit_code == 1
    error = start_failing_with(monkeypatch, discord.LoginFailure("Improper token has been passed."))
    assert str(error) == "DISCORD_TOKEN was rejected: check the token in the environment or .env"
    error = start_failing_with(monkeypatch, discord.PrivilegedIntentsRequired(None))
    assert str(error).startswith("AUTO_ANSWER_CHANNEL_IDS needs the Message Content intent")


@pytest.mark.usefixtures("restore_globals")
def test_discord_unreachable_names_the_network_or_the_api_base(monkeypatch: pytest.MonkeyPatch) -> None:
    down = OSError(101, "Network is unreachable")
    error = start_failing_with(monkeypatch, down)
    assert str(error) == (
        "cannot reach Discord at https://discord.com/api/v10 ([Errno 101] Network is unreachable); "
        "check the network"
    )
    error = start_failing_with(monkeypatch, down, DISCORD_API_BASE="http://127.0.0.1:1/api/v10")
    assert str(error).startswith("cannot reach Discord at http://127.0.0.1:1/api/v10")
    assert str(error).endswith("check DISCORD_API_BASE") and error.exit_code == 1


@pytest.mark.usefixtures("restore_globals")
def test_a_bug_is_not_disguised_as_a_startup_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(EpisodeBot, "run", MagicMock(side_effect=KeyError("bug")))
    with pytest.raises(KeyError):
        run_discord({"DISCORD_TOKEN": TOKEN})
