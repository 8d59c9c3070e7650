"""The server: state, gateway and REST on one port, and the async controls a test drives it with."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import secrets
from collections.abc import Callable, Coroutine, Mapping
from typing import Any, TypeVar

from aiohttp import web

from tests.e2e.fake_discord import checks
from tests.e2e.fake_discord.gateway import Gateway, GatewaySession
from tests.e2e.fake_discord.rest import Rest, deliver_message
from tests.e2e.fake_discord.state import (
    API_PREFIX,
    CHANNEL_DM,
    EVERYONE_PERMISSIONS,
    HOST,
    INTERACTION_AUTOCOMPLETE,
    INTERACTION_COMMAND,
    JSON,
    PRIVILEGED_INTENTS,
    FakeGuild,
    FakeUser,
    InteractionRecord,
    SentMessage,
    State,
    json_response,
    now_iso,
)

T = TypeVar("T")
OptionValue = str | int | float | bool


class FakeDiscordTimeoutError(AssertionError):
    """A wait on the fake ran out of time; the message says what was awaited and what the fake refused."""


class FakeDiscord(State):
    """A Discord REST v10 + gateway server on 127.0.0.1 that a real discord.py client can log in to."""

    def __init__(
        self,
        *,
        shard_count: int = 1,
        heartbeat_interval_ms: int = 1000,
        interaction_deadline: float = 3.0,
        privileged_intents: int = PRIVILEGED_INTENTS,
    ) -> None:
        application_id = ((1_700_000_000_000 - 1_420_070_400_000) << 22) + secrets.randbelow(1 << 22)
        # Real tokens start with the base64 of the bot's id.
        token = ".".join(
            (
                base64.b64encode(str(application_id).encode()).decode().rstrip("="),
                secrets.token_urlsafe(5),
                secrets.token_urlsafe(27),
            )
        )
        super().__init__(
            token=token,
            application_id=application_id,
            shard_count=shard_count,
            privileged_intents=privileged_intents,
        )
        self.gateway = Gateway(self, heartbeat_interval_ms)
        self.rest = Rest(self, self.gateway, interaction_deadline)
        self._runner: web.AppRunner | None = None

    async def start(self) -> FakeDiscord:
        """Listen on 127.0.0.1 on a free port."""
        app = web.Application()
        app.router.add_get("/", self.gateway.handle)
        app.router.add_get("/resume", self.gateway.handle)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self.rest.handle)
        app.router.add_route("*", "/{tail:.*}", self._outside_api)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        await web.TCPSite(self._runner, HOST, 0).start()
        self.port = int(self._runner.addresses[0][1])
        return self

    async def stop(self) -> None:
        """Close every websocket and stop listening."""
        await asyncio.wait_for(self.gateway.close_all(), 5)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeDiscord:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def api_base(self) -> str:
        """The value for DISCORD_API_BASE (discord.py's ``Route.BASE``)."""
        return f"http://{HOST}:{self.port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        """The value for DISCORD_GATEWAY_URL."""
        return f"ws://{HOST}:{self.port}/"

    @property
    def sessions(self) -> dict[int, GatewaySession]:
        """The gateway session of each shard."""
        return self.gateway.sessions

    async def _outside_api(self, request: web.Request) -> web.StreamResponse:
        self.problem(f"{request.method} {request.path}: outside {API_PREFIX}")
        return json_response(404, {"message": "404: Not Found", "code": 0})

    # What a test does

    async def interaction(
        self,
        channel_id: int | None,
        user: FakeUser,
        name: str,
        options: Mapping[str, OptionValue] | None = None,
        *,
        focused: str | None = None,
    ) -> InteractionRecord:
        """Dispatch a slash command (with ``focused``: an autocomplete) from ``user``; channel None: a DM.

        The command and its options are checked against what the bot synced, as Discord's client would.
        """
        guild = self.guild_of_channel(channel_id) if channel_id is not None else None
        if channel_id is not None and guild is None:
            raise ValueError(f"channel {channel_id} is in no guild")
        if guild is not None and guild.member(user.id) is None:
            raise ValueError(f"{user.username} is not a member of guild {guild.id}")
        kind = INTERACTION_AUTOCOMPLETE if focused else INTERACTION_COMMAND
        real_channel = channel_id if channel_id is not None else self.dm_channel_for(user)
        interaction_id = self.snowflake()
        payload: JSON = {
            "id": str(interaction_id),
            "application_id": str(self.application_id),
            "type": kind,
            "data": self._command_data(guild, name, options or {}, focused),
            "token": "aW50ZXJhY3Rpb246" + secrets.token_urlsafe(96),
            "version": 1,
            "locale": "en-US",
            "entitlements": [],
            "attachment_size_limit": 10 * 1024 * 1024,
            "channel_id": str(real_channel),
        }
        if guild is not None:
            channel = guild.channel(real_channel)
            member = guild.member(user.id)
            assert channel is not None and member is not None
            perms = str(checks.permissions(guild, user.id, channel.id))
            payload.update(
                guild_id=str(guild.id),
                guild={"id": str(guild.id), "locale": "en-US", "features": []},
                channel={**channel.payload(guild.id), "permissions": perms},
                member={**member.payload(), "permissions": perms},
                app_permissions=str(checks.permissions(guild, self.bot_user.id, channel.id)),
                context=0,
            )
        else:
            dm = {"id": str(real_channel), "type": CHANNEL_DM, "recipients": [user.payload()]}
            payload.update(
                channel=dm, user=user.payload(), app_permissions=str(EVERYONE_PERMISSIONS), context=1
            )
        session = self.gateway.session_for(guild.id if guild is not None else None)
        record = InteractionRecord(
            interaction_id,
            payload["token"],
            kind,
            name,
            guild.id if guild else None,
            real_channel,
            user,
            session.shard_id,
        )
        self.interactions[interaction_id] = record
        delivered = await self.gateway.dispatch(
            session, "INTERACTION_CREATE", payload, interaction_id=interaction_id
        )
        record.queued = not delivered
        self.notify()
        return record

    async def message_create(self, channel_id: int | None, author: FakeUser, content: str) -> JSON:
        """Dispatch MESSAGE_CREATE from ``author``; channel None is a DM. ``<@id>`` in content mentions.

        The bot gets it only with the GUILD_MESSAGES / DIRECT_MESSAGES intent, and without
        MESSAGE_CONTENT it gets guild messages that do not mention it with empty content, as on Discord.
        """
        guild = self.guild_of_channel(channel_id) if channel_id is not None else None
        if guild is not None and guild.member(author.id) is None:
            raise ValueError(f"{author.username} is not a member of guild {guild.id}")
        real_channel = channel_id if channel_id is not None else self.dm_channel_for(author)
        mentioned = [
            self.users[int(raw)] for raw in checks.USER_MENTION.findall(content) if int(raw) in self.users
        ]
        message: JSON = {
            "id": str(self.snowflake()),
            "type": 0,
            "channel_id": str(real_channel),
            "content": content,
            "author": author.payload(),
            "attachments": [],
            "embeds": [],
            "components": [],
            "mentions": [u.payload() for u in mentioned],
            "mention_roles": [],
            "mention_everyone": "@everyone" in content or "@here" in content,
            "pinned": False,
            "tts": False,
            "timestamp": now_iso(),
            "edited_timestamp": None,
            "flags": 0,
        }
        if guild is not None:
            message["guild_id"] = str(guild.id)
        self.messages[int(message["id"])] = message
        await deliver_message(self, self.gateway, guild, message)
        return message

    def rate_limit_next(self, method: str, path_prefix: str, retry_after: float = 0.2) -> None:
        """Answer the next ``method`` request under ``path_prefix`` (e.g. "/interactions/") with a 429."""
        self.rest.rate_limit_next(method, path_prefix, retry_after)

    def gateway_down(self, shard_id: int = 0) -> contextlib.AbstractAsyncContextManager[None]:
        """Drop the shard's socket; a RESUME waits until the block exits, so events sent inside replay."""
        return self.gateway.down(shard_id)

    # Waiting for the bot

    async def wait_until(
        self, check: Callable[[], T | None], timeout: float = 3.0, what: str = "a condition"
    ) -> T:
        """Wait until ``check()`` returns something other than None (re-checked on every change)."""

        async def loop() -> T:
            while True:
                changed = self._changed
                if (result := check()) is not None:
                    return result
                await changed.wait()

        try:
            return await asyncio.wait_for(loop(), timeout)
        except TimeoutError:
            raise FakeDiscordTimeoutError(
                f"timed out after {timeout} s waiting for {what}; the fake refused: {self.problems!r}"
            ) from None

    async def wait_for_callback(self, record: InteractionRecord, timeout: float = 3.0) -> InteractionRecord:
        """Wait for the bot's interaction callback; fails at once if the fake rejected one."""

        def check() -> InteractionRecord | None:
            if record.rejected:
                raise AssertionError(f"/{record.name} was answered wrongly: {record.rejected}")
            return record if record.callback is not None else None

        return await self.wait_until(check, timeout, f"the callback of /{record.name}")

    async def wait_for_followup(self, record: InteractionRecord, timeout: float = 3.0) -> SentMessage:
        """Wait for the bot's first follow-up to this interaction."""
        return await self.wait_until(
            lambda: record.followups[0] if record.followups else None,
            timeout,
            f"a follow-up to /{record.name}",
        )

    async def wait_for_reply(self, message_id: int, timeout: float = 3.0) -> SentMessage:
        """Wait for the bot's reply to a message."""

        def check() -> SentMessage | None:
            return next((m for m in self.channel_messages if m.reply_to == message_id), None)

        return await self.wait_until(check, timeout, f"a reply to message {message_id}")

    async def wait_resumed(self, shard_id: int = 0, count: int = 1, timeout: float = 5.0) -> GatewaySession:
        """Wait until the shard has RESUMEd ``count`` times in all; returns its session."""
        return await self.wait_until(
            lambda: self.sessions[shard_id] if self.gateway.resume_count[shard_id] >= count else None,
            timeout,
            f"RESUME #{count} on shard {shard_id}",
        )

    # Internals

    def _command_data(
        self, guild: FakeGuild | None, name: str, values: Mapping[str, OptionValue], focused: str | None
    ) -> JSON:
        """The interaction's data, after the checks Discord's client makes against the synced command."""
        scopes = [guild.id, None] if guild is not None else [None]
        command = next((c for s in scopes for c in self.commands.get(s, []) if c["name"] == name), None)
        if command is None:
            synced = {k: [c["name"] for c in v] for k, v in self.commands.items()}
            raise LookupError(f"/{name} was never synced where it is used (synced: {synced})")
        schema = {o["name"]: o for o in command.get("options", [])}
        options: list[JSON] = []
        for key, value in values.items():
            spec = schema.get(key)
            if spec is None:
                raise ValueError(f"/{name} has no option {key!r} (has {list(schema)})")
            option: JSON = {"name": key, "type": spec["type"], "value": value}
            if key == focused:
                if not spec.get("autocomplete"):
                    raise ValueError(f"option {key!r} of /{name} was synced without autocomplete")
                option.update(value=str(value), focused=True)  # what the user has typed so far
            elif isinstance(value, str) and not spec.get("min_length", 0) <= len(value) <= spec.get(
                "max_length", 6000
            ):
                raise ValueError(f"Discord's client refuses {key!r} of length {len(value)} for /{name}")
            options.append(option)
        missing = [o for o in schema if schema[o].get("required") and o not in values]
        if missing and not focused:
            raise ValueError(f"/{name} needs option(s) {missing}")
        data: JSON = {"id": command["id"], "name": name, "type": 1, "options": options}
        if "guild_id" in command:
            data["guild_id"] = command["guild_id"]
        return data


def run_scenario(scenario: Callable[[], Coroutine[Any, Any, None]], timeout: float = 20.0) -> None:
    """Run an async scenario in a fresh event loop, bounded so a broken test cannot hang."""

    async def bounded() -> None:
        await asyncio.wait_for(scenario(), timeout)

    asyncio.run(bounded())
