"""Settings: every bad value of every variable is refused naming the variable; .env is read once, safely."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yarl
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.config import (
    LOG_LEVELS,
    MAX_DISCORD_ID,
    MAX_SHARDS,
    ConfigError,
    Settings,
    knowledge_dir,
    read_dotenv,
    settings_from_env,
)
from bot.paths import BUNDLED_KNOWLEDGE

TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.secret.part"
PROPERTY = settings(
    max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)


def test_defaults_with_only_a_token() -> None:
    settings = settings_from_env({"DISCORD_TOKEN": TOKEN})
    assert settings.knowledge_dir == BUNDLED_KNOWLEDGE
    assert settings.shard_ids is None and settings.dev_guild_id is None
    assert settings.log_level == "INFO" and settings.log_message_content is False
    assert settings.cooldown_seconds == 5.0
    assert TOKEN not in repr(settings)


def test_everything_set(tmp_path: Path) -> None:
    env = {
        "DISCORD_TOKEN": TOKEN,
        "ADMIN_ROLE_IDS": "111, 222",
        "ADMIN_USER_IDS": "333",
        "AUTO_ANSWER_CHANNEL_IDS": "444,555",
        "KNOWLEDGE_DIR": str(tmp_path),
        "DEV_GUILD_ID": "666",
        "SHARD_COUNT": "4",
        "SHARD_IDS": "1 3",
        "LOG_LEVEL": "debug",
        "LOG_MESSAGE_CONTENT": "yes",
        "COOLDOWN_SECONDS": "2.5",
        "DISCORD_API_BASE": "http://127.0.0.1:8080/api/v10/",
        "DISCORD_GATEWAY_URL": "ws://[::1]:8080/",
    }
    settings = settings_from_env(env)
    assert settings.admin_role_ids == {111, 222}
    assert settings.auto_answer_channel_ids == {444, 555}
    assert settings.knowledge_dir == tmp_path and settings.dev_guild_id == 666
    assert settings.shard_count == 4 and settings.shard_ids == (1, 3)
    assert settings.log_level == "DEBUG" and settings.log_message_content is True
    assert settings.cooldown_seconds == 2.5
    assert settings.api_base == "http://127.0.0.1:8080/api/v10"
    assert settings.gateway_url == "ws://[::1]:8080"


def test_the_knowledge_flag_wins_over_the_variable(tmp_path: Path) -> None:
    env = {"DISCORD_TOKEN": TOKEN, "KNOWLEDGE_DIR": "/no/such/folder"}
    assert settings_from_env(env, knowledge=tmp_path).knowledge_dir == tmp_path
    assert knowledge_dir(env, None) == Path("/no/such/folder")
    assert knowledge_dir({}, None) == BUNDLED_KNOWLEDGE
    with pytest.raises(ConfigError, match=r"^--knowledge: '/nowhere' is not a folder"):
        settings_from_env({"DISCORD_TOKEN": TOKEN}, knowledge="/nowhere")


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "DISCORD_TOKEN: not set"),
        ({"DISCORD_TOKEN": "Bot abc"}, "DISCORD_TOKEN: contains white space"),
        ({"DISCORD_TOKEN": "abc\x07def"}, "DISCORD_TOKEN: contains a control or non-ASCII character"),
        ({"DISCORD_TOKEN": "abc\x7fdef"}, "DISCORD_TOKEN: contains a control or non-ASCII character"),
        ({"DISCORD_TOKEN": "tökén"}, "DISCORD_TOKEN: contains a control or non-ASCII character"),
        ({"DISCORD_TOKEN": "a" * 600}, "DISCORD_TOKEN: 600 characters is far longer than a bot token"),
        ({"ADMIN_ROLE_IDS": "admins"}, "ADMIN_ROLE_IDS: 'admins' is not a Discord id"),
        ({"ADMIN_USER_IDS": "²"}, "ADMIN_USER_IDS: '²' is not a Discord id"),
        ({"ADMIN_USER_IDS": "0"}, "ADMIN_USER_IDS: '0' is not a Discord id"),
        ({"ADMIN_USER_IDS": str(2**64)}, "ADMIN_USER_IDS: '18446744073709551616' is not a Discord id"),
        ({"DEV_GUILD_ID": "9" * 5000}, "DEV_GUILD_ID: '9999999999999999999999999999999999999999…'"),
        ({"AUTO_ANSWER_CHANNEL_IDS": "12,#general"}, "AUTO_ANSWER_CHANNEL_IDS: '#general'"),
        ({"SHARD_COUNT": "0"}, "SHARD_COUNT: '0' is not a whole number from 1 to 1024"),
        ({"SHARD_COUNT": "²"}, "SHARD_COUNT: '²' is not a whole number from 1 to 1024"),
        ({"SHARD_COUNT": "10^30"}, "SHARD_COUNT: '10^30' is not a whole number from 1 to 1024"),
        ({"SHARD_COUNT": "1025"}, "SHARD_COUNT: '1025' is not a whole number from 1 to 1024"),
        ({"SHARD_COUNT": "1" * 5000}, "SHARD_COUNT: '1111111111111111111111111111111111111111…'"),
        ({"SHARD_IDS": "0"}, "SHARD_IDS: needs SHARD_COUNT"),
        ({"SHARD_IDS": "one"}, "SHARD_IDS: 'one' is not a shard id"),
        ({"SHARD_COUNT": "2", "SHARD_IDS": "2"}, "SHARD_IDS: 2 is not below SHARD_COUNT (2)"),
        ({"SHARD_COUNT": "2", "SHARD_IDS": "0,0"}, "SHARD_IDS: 0 is listed twice"),
        ({"SHARD_COUNT": "2", "SHARD_IDS": "9" * 5000}, "SHARD_IDS: '99999999"),
        ({"LOG_LEVEL": "loud"}, "LOG_LEVEL: 'loud' is not one of DEBUG, INFO"),
        ({"LOG_LEVEL": "\u0131nfo"}, "LOG_LEVEL: 'ınfo' is not one of"),  # noqa: RUF001 (the point)
        ({"LOG_MESSAGE_CONTENT": "maybe"}, "LOG_MESSAGE_CONTENT: 'maybe' is not 1 or 0"),
        ({"COOLDOWN_SECONDS": "soon"}, "COOLDOWN_SECONDS: 'soon' is not a number of seconds"),
        ({"COOLDOWN_SECONDS": "nan"}, "COOLDOWN_SECONDS: 'nan' is not a number of seconds"),
        ({"COOLDOWN_SECONDS": "-1"}, "COOLDOWN_SECONDS: '-1' is not a number of seconds"),
        ({"COOLDOWN_SECONDS": "3601"}, "COOLDOWN_SECONDS: '3601' must be between 0 and 3600"),
        ({"KNOWLEDGE_DIR": "/no/such/folder"}, "KNOWLEDGE_DIR: '/no/such/folder' is not a folder"),
        ({"KNOWLEDGE_DIR": "a\x00b"}, "KNOWLEDGE_DIR: 'a\\x00b' is not a folder"),
        ({"KNOWLEDGE_DIR": "x" * 5000}, "KNOWLEDGE_DIR: 'xxxx"),
        ({"DEV_GUILD_ID": "guild"}, "DEV_GUILD_ID: 'guild'"),
        (
            {"DISCORD_API_BASE": "127.0.0.1:80"},
            "DISCORD_API_BASE: '127.0.0.1:80' is not a http:// or https:// URL",
        ),
        ({"DISCORD_API_BASE": "http://[::1"}, "DISCORD_API_BASE: 'http://[::1' is not a http:// or https://"),
        ({"DISCORD_API_BASE": "http://h:99999/"}, "DISCORD_API_BASE: 'http://h:99999/' is not"),
        ({"DISCORD_API_BASE": "http://h/api?v=10"}, "DISCORD_API_BASE: 'http://h/api?v=10' is not"),
        ({"DISCORD_API_BASE": "http://dé.example"}, "DISCORD_API_BASE: 'http://dé.example' is not"),
        ({"DISCORD_GATEWAY_URL": "http://x"}, "DISCORD_GATEWAY_URL: 'http://x' is not a ws:// or wss:// URL"),
    ],
)
def test_bad_settings_name_the_variable(env: dict[str, str], message: str) -> None:
    full = {"DISCORD_TOKEN": TOKEN, **env} if "DISCORD_TOKEN" not in env and env else dict(env)
    with pytest.raises(ConfigError) as caught:
        settings_from_env(full)
    assert str(caught.value).startswith(message.split(":")[0] + ":")
    assert message in str(caught.value)
    assert caught.value.exit_code == 2
    assert TOKEN not in str(caught.value)
    assert len(str(caught.value)) < 300, "a bad value is quoted short"


def check_valid(settings: Settings) -> None:
    """Every value a parser lets through is one the bot can use."""
    assert settings.token and all("!" <= c <= "~" for c in settings.token)
    for ids in (settings.admin_role_ids, settings.admin_user_ids, settings.auto_answer_channel_ids):
        assert all(1 <= i <= MAX_DISCORD_ID for i in ids)
    assert settings.dev_guild_id is None or 1 <= settings.dev_guild_id <= MAX_DISCORD_ID
    assert settings.shard_count is None or 1 <= settings.shard_count <= MAX_SHARDS
    if settings.shard_ids is not None:
        assert settings.shard_count is not None
        assert len(set(settings.shard_ids)) == len(settings.shard_ids)
        assert all(0 <= s < settings.shard_count for s in settings.shard_ids)
    assert settings.log_level in LOG_LEVELS
    assert math.isfinite(settings.cooldown_seconds) and 0 <= settings.cooldown_seconds <= 3600
    for url, schemes in ((settings.api_base, ("http", "https")), (settings.gateway_url, ("ws", "wss"))):
        if url is not None:
            parsed = yarl.URL(url + "/users/@me")  # how discord.py and aiohttp will use it
            assert parsed.scheme in schemes and parsed.host and parsed.is_absolute()
            assert parsed.explicit_port != 0
    assert settings.knowledge_dir.is_dir()


def parses_or_names(env: dict[str, str], *names: str) -> None:
    """Either valid settings or a ConfigError whose message starts with one of `names`; nothing else."""
    try:
        check_valid(settings_from_env({"DISCORD_TOKEN": TOKEN, **env}))
    except ConfigError as error:
        assert str(error).startswith(tuple(f"{name}:" for name in names)), str(error)


NUMBERS = st.one_of(
    st.text(),
    st.text(alphabet="0123456789", min_size=1, max_size=6000),
    st.text(alphabet="0123456789²³\u0661\u0662\uff11 ,\t+-_.eE^xXnaif", max_size=30),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)
URL_PARTS = [
    "http", "https", "ws", "wss", "://", ":", "[", "]", "::1", "127.0.0.1", "localhost", "dé", "a-b",
    "8080", "99999", "/", "api", "v10", "?", "#", "@", "%", "%zz", " ", "\x00", "\t", "-", ".", "\\",
]  # fmt: skip
HOSTS = ["localhost", "127.0.0.1", "[::1]", "[::1", "[nothost]", "dé", "a_b", "-a", "h%zz", "a..b", ""]
STRUCTURED_URLS = st.builds(
    "{}://{}{}{}{}".format,
    st.sampled_from(["http", "https", "ws", "wss", "HTTP", "ftp", ""]),
    st.one_of(st.sampled_from(HOSTS), st.text(max_size=8)),
    st.one_of(st.just(""), st.integers(-5, 10**6).map(":{}".format), st.text(max_size=4).map(":{}".format)),
    st.one_of(st.just(""), st.text(max_size=10).map("/{}".format)),
    st.sampled_from(["", "/", "?q=1", "#top", "/#"]),
)
URLS = st.one_of(st.text(), st.lists(st.sampled_from(URL_PARTS), max_size=12).map("".join), STRUCTURED_URLS)
ID_VARIABLES = ("ADMIN_ROLE_IDS", "ADMIN_USER_IDS", "AUTO_ANSWER_CHANNEL_IDS", "DEV_GUILD_ID")


@PROPERTY
@given(st.sampled_from(ID_VARIABLES), st.one_of(NUMBERS, st.lists(NUMBERS, max_size=5).map(",".join)))
@example("DEV_GUILD_ID", "²")
@example("ADMIN_USER_IDS", "1," + "9" * 5000)
def test_any_id_value_parses_or_names_its_variable(name: str, raw: str) -> None:
    parses_or_names({name: raw}, name)


@PROPERTY
@given(NUMBERS, st.one_of(NUMBERS, st.lists(NUMBERS, max_size=5).map(",".join)))
@example("²", "")
@example("1" + "0" * 30, "0")
@example("2", "0,0")
def test_any_shard_settings_parse_or_name_a_variable(count: str, ids: str) -> None:
    parses_or_names({"SHARD_COUNT": count, "SHARD_IDS": ids}, "SHARD_COUNT", "SHARD_IDS")


@PROPERTY
@given(st.sampled_from(["DISCORD_API_BASE", "DISCORD_GATEWAY_URL"]), URLS)
@example("DISCORD_API_BASE", "http://[::1")
@example("DISCORD_API_BASE", "http://localhost:99999")
@example("DISCORD_GATEWAY_URL", "ws://localhost:abc/")
@example("DISCORD_GATEWAY_URL", "ws://localhost:0")
def test_any_url_parses_or_names_its_variable(name: str, raw: str) -> None:
    parses_or_names({name: raw}, name)


@PROPERTY
@given(st.one_of(NUMBERS, st.floats(allow_nan=True, allow_infinity=True).map(str)))
def test_any_cooldown_parses_or_names_its_variable(raw: str) -> None:
    parses_or_names({"COOLDOWN_SECONDS": raw}, "COOLDOWN_SECONDS")


@PROPERTY
@given(st.sampled_from(["LOG_LEVEL", "LOG_MESSAGE_CONTENT", "KNOWLEDGE_DIR", "DISCORD_TOKEN"]), st.text())
def test_any_other_value_parses_or_names_its_variable(name: str, raw: str) -> None:
    parses_or_names({name: raw}, name)


def test_dotenv_is_read_without_touching_the_environment(tmp_path: Path) -> None:
    path = tmp_path / ".env"
    path.write_text(
        "\ufeff# a comment\nDISCORD_TOKEN=from.file\nEMPTY=\nBARE\nQUOTED='a b'\n", encoding="utf-8"
    )
    assert read_dotenv(path) == {"DISCORD_TOKEN": "from.file", "EMPTY": "", "QUOTED": "a b"}
    assert read_dotenv(tmp_path / "missing") == {}


def test_a_dotenv_that_is_not_utf8_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / ".env"
    path.write_bytes(b"LOG_LEVEL=INFO\nDISCORD_TOKEN=caf\xe9\n")
    with pytest.raises(ConfigError, match=r"\.env: line 2 is not UTF-8 text") as caught:
        read_dotenv(path)
    assert caught.value.exit_code == 2
    folder = tmp_path / "folder" / ".env"
    folder.mkdir(parents=True)
    with pytest.raises(ConfigError, match=r"\.env: cannot be read"):
        read_dotenv(folder)


def test_the_example_file_is_valid_once_a_token_is_filled_in() -> None:
    example = read_dotenv(Path(__file__).resolve().parents[2] / ".env.example")
    assert "LOG_MESSAGE_CONTENT" in example
    settings = settings_from_env({**example, "DISCORD_TOKEN": TOKEN})
    assert settings.log_level == "INFO" and settings.log_message_content is False
