"""The fake server on its own event-loop thread, with one-line blocking helpers for plain pytest tests.

A thread, not asyncio.run per test, so one server and one bot process can serve a whole test module.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Coroutine, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TypeVar

from tests.e2e.fake_discord.server import FakeDiscord, OptionValue
from tests.e2e.fake_discord.state import FakeChannel, FakeGuild, FakeUser, InteractionRecord, SentMessage

T = TypeVar("T")
CALL_TIMEOUT = 30.0


class LiveDiscord:
    """A running FakeDiscord driven from synchronous code; every helper blocks until the bot has answered."""

    def __init__(self, fake: FakeDiscord, *, barrier_question: str) -> None:
        self.fake = fake
        # A question the bot always answers, used to prove it has handled what came before.
        self.barrier_question = barrier_question
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="fake-discord", daemon=True)

    def __enter__(self) -> LiveDiscord:
        self._thread.start()
        self.call(self.fake.start())
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.call(self.fake.stop())
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(5)
            self._loop.close()

    def call(self, coro: Coroutine[Any, Any, T], timeout: float = CALL_TIMEOUT) -> T:
        """Run a coroutine on the server's loop and return its result."""
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout)

    def run(self, function: Callable[[], T]) -> T:
        """Run a plain function on the server's loop, so it never races the server's own work."""

        async def wrapped() -> T:
            return function()

        return self.call(wrapped())

    # Building the world

    def join(self, guild: FakeGuild, username: str = "listener", roles: tuple[int, ...] = ()) -> FakeUser:
        """A new member of the guild: a fresh user, so no cooldown from earlier tests applies."""
        return self.run(lambda: self.fake.join(guild, username, roles))

    # Slash commands

    def send(
        self,
        user: FakeUser,
        command: str,
        options: Mapping[str, OptionValue] | None = None,
        *,
        channel: FakeChannel | None = None,
    ) -> InteractionRecord:
        """Invoke a slash command without waiting (``channel`` defaults to the user's guild's first)."""
        channel_id = self._channel_for(user, channel)
        return self.call(self.fake.interaction(channel_id, user, command, options))

    def answer(self, record: InteractionRecord, timeout: float = 5.0) -> SentMessage:
        """The bot's visible answer to a command: its reply, or the follow-up that ends a deferral."""
        done = self.call(self.fake.wait_for_callback(record, timeout))
        assert done.callback is not None
        if done.callback.type == 5:
            return self.call(self.fake.wait_for_followup(record, timeout))
        assert done.callback.message is not None, done.callback
        return done.callback.message

    def command(
        self,
        user: FakeUser,
        command: str,
        options: Mapping[str, OptionValue] | None = None,
        *,
        channel: FakeChannel | None = None,
    ) -> SentMessage:
        """Invoke a slash command and return the bot's answer."""
        return self.answer(self.send(user, command, options, channel=channel))

    def ask(self, user: FakeUser, question: str, *, channel: FakeChannel | None = None) -> SentMessage:
        """``/ask question`` and the bot's answer."""
        return self.command(user, "ask", {"question": question}, channel=channel)

    def autocomplete(
        self,
        user: FakeUser,
        command: str,
        option: str,
        typed: str,
        filled: Mapping[str, OptionValue] | None = None,
    ) -> list[str]:
        """What the bot suggests for ``typed`` in ``option``, the ``filled`` options already set."""
        channel_id = self._channel_for(user, None)
        options = {**(filled or {}), option: typed}
        record = self.call(self.fake.interaction(channel_id, user, command, options, focused=option))
        return [str(c["value"]) for c in self.call(self.fake.wait_for_callback(record)).choices]

    # Messages

    def say(self, channel: FakeChannel | None, user: FakeUser, text: str) -> int:
        """Post a message (channel None: a DM to the bot) without waiting; returns its id."""
        message = self.call(self.fake.message_create(channel.id if channel else None, user, text))
        return int(message["id"])

    def reply_to(self, message_id: int, timeout: float = 5.0) -> SentMessage:
        """The bot's reply to a message, waiting for it."""
        return self.call(self.fake.wait_for_reply(message_id, timeout))

    def mention(self, channel: FakeChannel, user: FakeUser, text: str) -> SentMessage:
        """Post ``@bot text`` in a channel and return the bot's reply."""
        return self.reply_to(self.say(channel, user, f"{self.fake.bot_user.mention} {text}"))

    def dm(self, user: FakeUser, text: str) -> SentMessage:
        """Send the bot a direct message and return its reply."""
        return self.reply_to(self.say(None, user, text))

    def replies_in(self, channel: FakeChannel) -> list[SentMessage]:
        """Every message the bot has posted in a channel so far, oldest first."""
        return [m for m in self.fake.channel_messages if m.channel_id == channel.id]

    def unanswered(self, message_id: int) -> bool:
        """Whether the bot let a message pass: true once a later question in its channel has been answered.

        The bot handles events in order, so that later answer proves it is done with this message; a short
        grace covers a reply still in flight.
        """
        channel_id = int(self.fake.messages[message_id]["channel_id"])
        guild = self.fake.guild_of_channel(channel_id)
        channel = guild.channel(channel_id) if guild is not None else None
        if guild is not None and channel is not None:
            self.mention(channel, self.join(guild, "barrier"), self.barrier_question)
        else:
            self.dm(self.run(lambda: self.fake.new_user("barrier")), self.barrier_question)
        time.sleep(0.2)
        return all(m.reply_to != message_id for m in self.fake.channel_messages)

    # Faults

    def rate_limit_next(self, method: str, path_prefix: str, retry_after: float) -> None:
        """Answer the next matching request with a 429 (e.g. "POST", "/interactions/")."""
        self.run(lambda: self.fake.rate_limit_next(method, path_prefix, retry_after))

    @contextmanager
    def gateway_down(self, shard_id: int = 0) -> Iterator[None]:
        """Drop the shard's socket; the client's RESUME is held until the block exits."""
        down = self.fake.gateway_down(shard_id)
        self.call(down.__aenter__())
        try:
            yield
        finally:
            self.call(down.__aexit__(None, None, None))

    def wait_resumed(self, shard_id: int = 0, count: int = 1) -> None:
        """Wait until the shard has resumed ``count`` times in all."""
        self.call(self.fake.wait_resumed(shard_id, count))

    def take_problems(self) -> list[str]:
        """What the fake refused since the last call (and forget it)."""

        def take() -> list[str]:
            taken = self.fake.problems[:]
            self.fake.problems.clear()
            return taken

        return self.run(take)

    def _channel_for(self, user: FakeUser, channel: FakeChannel | None) -> int:
        if channel is not None:
            return channel.id
        guild = next((g for g in self.fake.guilds.values() if g.member(user.id) is not None), None)
        if guild is None:
            raise ValueError(f"{user.username} is in no guild: pass a channel")
        return guild.channels[0].id
