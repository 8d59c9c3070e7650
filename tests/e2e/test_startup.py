"""How `episode-bot run` fails to start: bad configuration, a rejected token."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import copy_knowledge
from tests.e2e.bot_process import EPISODE_BOT, run_command
from tests.e2e.fake_discord import FakeDiscord, LiveDiscord


@pytest.mark.parametrize(
    ("env", "needle"),
    [
        ({"SHARD_COUNT": "2", "SHARD_IDS": "2"}, "SHARD_IDS: 2 is not below SHARD_COUNT"),
        ({"ADMIN_ROLE_IDS": "mods"}, "ADMIN_ROLE_IDS: 'mods' is not a Discord id"),
        ({"DISCORD_API_BASE": "localhost"}, "DISCORD_API_BASE:"),
    ],
)
def test_bad_configuration_exits_naming_the_variable(
    tmp_path: Path, env: dict[str, str], needle: str
) -> None:
    result = subprocess.run(
        [str(EPISODE_BOT), "run"],
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "DISCORD_TOKEN": "token.that.is.secret", **env},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert needle in result.stderr
    assert "token.that.is.secret" not in result.stderr + result.stdout


def test_rejected_token_exits_non_zero(server: LiveDiscord, tmp_path: Path) -> None:
    code, output = run_command(
        server.fake, copy_knowledge(tmp_path), "run", {"DISCORD_TOKEN": "wrong.token.value"}
    )
    assert code == 1
    assert "DISCORD_TOKEN was rejected" in output
    assert "wrong.token.value" not in output
    assert any("401" in problem for problem in server.take_problems())


def test_auto_answer_without_the_intent_enabled_exits_saying_so(tmp_path: Path) -> None:
    fake = FakeDiscord(privileged_intents=0)  # Message Content switched off in the developer portal
    with LiveDiscord(fake, barrier_question="unused") as server:
        env = {"AUTO_ANSWER_CHANNEL_IDS": "1234567890"}
        code, output = run_command(server.fake, copy_knowledge(tmp_path), "run", env)
        assert code == 1
        assert "needs the Message Content intent" in output
        assert any("4014" in problem or "privileged" in problem for problem in server.take_problems())
