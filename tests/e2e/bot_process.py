"""Run the real `episode-bot run` process against the local Discord-protocol server, and a test guild."""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from bot.paths import BUNDLED_KNOWLEDGE
from tests.e2e.fake_discord import (
    FakeChannel,
    FakeDiscord,
    FakeGuild,
    FakeMember,
    FakeOverwrite,
    FakeRole,
    FakeUser,
)

EPISODE_BOT = Path(sys.executable).with_name("episode-bot")
PERM_MANAGE_GUILD = 1 << 5
PERM_SEND_MESSAGES = 1 << 11


@dataclass
class BotProcess:
    """A running bot process and everything it has logged so far."""

    process: asyncio.subprocess.Process
    log: list[str] = field(default_factory=list)
    _changed: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def text(self) -> str:
        """The whole log so far."""
        return "\n".join(self.log)

    async def wait_for_log(self, needle: str, timeout: float = 10.0) -> str:
        """The first log line holding `needle`; fails with the log if the process dies or time runs out."""

        async def find() -> str:
            while True:
                for line in self.log:
                    if needle in line:
                        return line
                if self.process.returncode is not None:
                    raise AssertionError(
                        f"bot exited {self.process.returncode} before {needle!r}:\n{self.text}"
                    )
                self._changed.clear()
                with suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), 0.5)

        try:
            return await asyncio.wait_for(find(), timeout)
        except TimeoutError:
            raise AssertionError(f"no {needle!r} in the bot's log within {timeout} s:\n{self.text}") from None

    async def _read(self, stream: asyncio.StreamReader) -> None:
        while line := await stream.readline():
            self.log.append(line.decode("utf-8", "replace").rstrip())
            self._changed.set()


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


@asynccontextmanager
async def bot_process(
    server: FakeDiscord,
    knowledge: Path,
    extra: Mapping[str, str] | None = None,
    *,
    ready_timeout: float = 20.0,
) -> AsyncIterator[BotProcess]:
    """Start `episode-bot run`, wait for it to be ready, and stop it afterwards."""
    process = await asyncio.create_subprocess_exec(
        str(EPISODE_BOT),
        "run",
        env=bot_env(server, knowledge, extra),
        cwd=knowledge.parent,  # no developer's .env is picked up
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    bot = BotProcess(process)
    assert process.stdout is not None
    reader = asyncio.create_task(bot._read(process.stdout))
    try:
        await bot.wait_for_log("ready as", ready_timeout)
        yield bot
    finally:
        if process.returncode is None:
            process.terminate()
            try:
                await asyncio.wait_for(process.wait(), 10)
            except TimeoutError:
                process.kill()
                await process.wait()
        await asyncio.wait_for(reader, 5)


def copy_knowledge(tmp_path: Path) -> Path:
    """A private copy of the bundled knowledge that a test may edit."""
    folder = tmp_path / "knowledge"
    folder.mkdir()
    for source in BUNDLED_KNOWLEDGE.glob("*.yaml"):
        shutil.copy(source, folder / source.name)
    return folder


@dataclass
class World:
    """A guild with a plain member, a moderator (admin role), a manager (Manage Server) and two channels."""

    guild: FakeGuild
    member: FakeUser
    moderator: FakeUser
    manager: FakeUser
    moderators: FakeRole
    general: FakeChannel
    muted: FakeChannel
    auto: FakeChannel


def build_world(server: FakeDiscord, guild_id: int | None = None) -> World:
    """Add the test guild to the server (before the bot connects)."""
    moderators = server.new_role("moderators")
    managers = server.new_role("managers", permissions=PERM_MANAGE_GUILD)
    member = server.new_user("listener")
    moderator = server.new_user("moderator")
    manager = server.new_user("manager")
    general = server.new_channel("general")
    auto = server.new_channel("ask-the-episode", position=1)
    # A channel where the bot may read but not send.
    muted = server.new_channel(
        "announcements",
        position=2,
        overwrites=(FakeOverwrite(id=server.bot_user.id, type=1, deny=PERM_SEND_MESSAGES),),
    )
    guild = server.add_guild(
        guild_id,
        name="Listeners",
        channels=[general, auto, muted],
        roles=(moderators, managers),
        members=(
            FakeMember(member),
            FakeMember(moderator, (moderators.id,)),
            FakeMember(manager, (managers.id,)),
        ),
        owner_id=manager.id,  # an owner has every permission, so not the plain member
    )
    return World(guild, member, moderator, manager, moderators, general, muted, auto)
