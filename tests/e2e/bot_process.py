"""The real `episode-bot` process pointed at the fake server, and the test guild it serves."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.e2e.fake_discord import (
    PERM_MANAGE_GUILD,
    PERM_SEND_MESSAGES,
    FakeChannel,
    FakeDiscord,
    FakeGuild,
    FakeMember,
    FakeOverwrite,
    FakeRole,
    FakeUser,
)

EPISODE_BOT = Path(sys.executable).with_name("episode-bot")


class BotProcess:
    """A running `episode-bot` process and everything it has logged so far."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.log: list[str] = []
        self._changed = threading.Condition()
        self._reader = threading.Thread(target=self._read, name="bot-log", daemon=True)
        self._reader.start()

    @property
    def text(self) -> str:
        """The whole log so far."""
        with self._changed:
            return "\n".join(self.log)

    def wait_for_log(self, needle: str, timeout: float = 10.0) -> str:
        """The first log line holding `needle`; fails with the log if the process ends or time runs out."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                if found := next((line for line in self.log if needle in line), None):
                    return found
                if self.process.poll() is not None and not self._reader.is_alive():
                    raise AssertionError(
                        f"bot exited {self.process.returncode} before {needle!r}:\n{self.text}"
                    )
                if time.monotonic() > deadline:
                    raise AssertionError(f"no {needle!r} in the bot's log within {timeout} s:\n{self.text}")
                self._changed.wait(0.5)

    def stop(self) -> None:
        """Terminate the process (kill it if it hangs) and collect the rest of its log."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._reader.join(5)

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self._changed:
                self.log.append(line.rstrip())
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()


def bot_env(server: FakeDiscord, knowledge: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment a bot process gets: the server's URLs and token, no cooldown, nothing inherited."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(knowledge.parent),
        "DISCORD_TOKEN": server.token,
        "DISCORD_API_BASE": server.api_base,
        "DISCORD_GATEWAY_URL": server.gateway_url,
        "KNOWLEDGE_DIR": str(knowledge),
        "COOLDOWN_SECONDS": "0",
        "LOG_LEVEL": "INFO",
        **(extra or {}),
    }


def start_bot(server: FakeDiscord, knowledge: Path, extra: Mapping[str, str] | None = None) -> BotProcess:
    """Start `episode-bot run` without waiting for it (see ``BotProcess.wait_for_log``)."""
    process = subprocess.Popen(
        [str(EPISODE_BOT), "run"],
        env=bot_env(server, knowledge, extra),
        cwd=knowledge.parent,  # no developer's .env is picked up
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    return BotProcess(process)


@contextmanager
def running_bot(
    server: FakeDiscord,
    knowledge: Path,
    extra: Mapping[str, str] | None = None,
    *,
    ready_timeout: float = 20.0,
) -> Iterator[BotProcess]:
    """A bot process that is ready (has logged "ready as"), stopped afterwards."""
    bot = start_bot(server, knowledge, extra)
    try:
        bot.wait_for_log("ready as", ready_timeout)
        yield bot
    finally:
        bot.stop()


def run_command(
    server: FakeDiscord, knowledge: Path, command: str, extra: Mapping[str, str] | None = None
) -> tuple[int, str]:
    """Run an `episode-bot` command to its end: exit code and output."""
    result = subprocess.run(
        [str(EPISODE_BOT), command],
        env=bot_env(server, knowledge, extra),
        cwd=knowledge.parent,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return result.returncode, result.stdout + result.stderr


@dataclass(frozen=True)
class World:
    """The test guild: a member, a moderator (admin role), a manager (Manage Server) and three channels."""

    guild: FakeGuild
    member: FakeUser
    moderator: FakeUser
    manager: FakeUser
    moderators: FakeRole
    general: FakeChannel
    auto: FakeChannel  # for AUTO_ANSWER_CHANNEL_IDS
    muted: FakeChannel  # the bot may read but not send here


def build_world(server: FakeDiscord, shard_id: int | None = None) -> World:
    """Add the test guild to the server (before the bot connects), on ``shard_id`` if given."""
    moderators = server.new_role("moderators")
    managers = server.new_role("managers", permissions=PERM_MANAGE_GUILD)
    member, moderator, manager = (server.new_user(name) for name in ("listener", "moderator", "manager"))
    general = server.new_channel("general")
    auto = server.new_channel("ask-the-episode", position=1)
    deny_send = FakeOverwrite(id=server.bot_user.id, type=1, deny=PERM_SEND_MESSAGES)
    muted = server.new_channel("announcements", position=2, overwrites=(deny_send,))
    guild = server.add_guild(
        server.new_guild_id(shard_id),
        "Listeners",
        [general, auto, muted],
        [moderators, managers],
        [FakeMember(member), FakeMember(moderator, (moderators.id,)), FakeMember(manager, (managers.id,))],
        owner_id=manager.id,  # an owner has every permission: not the bot, nor the plain member
    )
    return World(guild, member, moderator, manager, moderators, general, auto, muted)
