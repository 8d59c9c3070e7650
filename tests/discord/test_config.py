"""Settings: every bad variable is named; the token never reaches a log line."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.config import ConfigError, RedactSecrets, settings_from_env
from bot.paths import BUNDLED_KNOWLEDGE

TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.secret.part"


def test_defaults_with_only_a_token() -> None:
    settings = settings_from_env({"DISCORD_TOKEN": TOKEN})
    assert settings.knowledge_dir == BUNDLED_KNOWLEDGE
    assert settings.shard_ids is None and settings.dev_guild_id is None
    assert settings.log_level == "INFO"
    assert TOKEN not in repr(settings)


def test_everything_set(tmp_path: Path) -> None:
    env = {
        "DISCORD_TOKEN": TOKEN,
        "ADMIN_ROLE_IDS": "111, 222",
        "ADMIN_USER_IDS": "333",
        "AUTO_ANSWER_CHANNEL_IDS": "444,555",
        "KNOWLEDGE_DIR": str(tmp_path),
        "DEV_GUILD_ID": "666",
        "SHARD_COUNT": "2",
        "SHARD_IDS": "1",
        "LOG_LEVEL": "debug",
        "COOLDOWN_SECONDS": "2.5",
        "DISCORD_API_BASE": "http://127.0.0.1:8080/api/v10/",
        "DISCORD_GATEWAY_URL": "ws://127.0.0.1:8080/",
    }
    settings = settings_from_env(env)
    assert settings.admin_role_ids == {111, 222}
    assert settings.auto_answer_channel_ids == {444, 555}
    assert settings.shard_count == 2 and settings.shard_ids == (1,)
    assert settings.log_level == "DEBUG" and settings.cooldown_seconds == 2.5
    assert settings.api_base == "http://127.0.0.1:8080/api/v10"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "DISCORD_TOKEN: not set"),
        ({"DISCORD_TOKEN": "Bot abc"}, "DISCORD_TOKEN: contains white space"),
        ({"ADMIN_ROLE_IDS": "admins"}, "ADMIN_ROLE_IDS: 'admins' is not a Discord id"),
        ({"AUTO_ANSWER_CHANNEL_IDS": "12,#general"}, "AUTO_ANSWER_CHANNEL_IDS: '#general'"),
        ({"SHARD_COUNT": "0"}, "SHARD_COUNT: '0' is not a whole number >= 1"),
        ({"SHARD_IDS": "0"}, "SHARD_IDS: needs SHARD_COUNT"),
        ({"SHARD_COUNT": "2", "SHARD_IDS": "2"}, "SHARD_IDS: 2 is not below SHARD_COUNT"),
        ({"LOG_LEVEL": "loud"}, "LOG_LEVEL: 'LOUD' is not one of"),
        ({"COOLDOWN_SECONDS": "soon"}, "COOLDOWN_SECONDS: 'soon' is not a number"),
        ({"KNOWLEDGE_DIR": "/no/such/folder"}, "KNOWLEDGE_DIR: /no/such/folder is not a folder"),
        ({"DEV_GUILD_ID": "guild"}, "DEV_GUILD_ID: 'guild'"),
        (
            {"DISCORD_API_BASE": "127.0.0.1:80"},
            "DISCORD_API_BASE: '127.0.0.1:80' is not a http:// or https:// URL",
        ),
        ({"DISCORD_GATEWAY_URL": "http://x"}, "DISCORD_GATEWAY_URL: 'http://x' is not a ws:// or wss:// URL"),
    ],
)
def test_bad_settings_name_the_variable(env: dict[str, str], message: str) -> None:
    full = {"DISCORD_TOKEN": TOKEN, **env} if "DISCORD_TOKEN" not in env and env else dict(env)
    with pytest.raises(ConfigError) as caught:
        settings_from_env(full)
    assert str(caught.value).startswith(message.split(":")[0] + ":")
    assert message in str(caught.value)
    assert TOKEN not in str(caught.value)


def test_token_is_redacted_from_logs(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("test.redact")
    logger.addFilter(RedactSecrets(TOKEN))
    with caplog.at_level(logging.INFO, logger="test.redact"):
        logger.info("connecting with %s", TOKEN)
    assert TOKEN not in caplog.text
    assert "connecting with [redacted]" in caplog.text
