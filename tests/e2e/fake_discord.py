"""A local Discord-protocol server (REST v10, zlib-stream gateway) for end-to-end tests of discord.py bots.

The real discord.py client talks real HTTP and a real websocket to this server on 127.0.0.1. Tests drive it
through async methods (``interaction``, ``message_create``, ``drop_gateway``...) and read what the bot did
from its records (``interactions``, ``channel_messages``, ``commands``, ``requests``, ``problems``).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import re
import secrets
import time
import zlib
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

import discord
import discord.gateway
import discord.http
import yarl
from aiohttp import WSMsgType, web

JSON = dict[str, Any]
T = TypeVar("T")

API_PREFIX = "/api/v10"
DISCORD_EPOCH_MS = 1_420_070_400_000
HOST = "127.0.0.1"

# Gateway intents (https://discord.com/developers/docs/events/gateway#gateway-intents).
INTENT_GUILDS = 1 << 0
INTENT_GUILD_MEMBERS = 1 << 1
INTENT_GUILD_PRESENCES = 1 << 8
INTENT_GUILD_MESSAGES = 1 << 9
INTENT_DIRECT_MESSAGES = 1 << 12
INTENT_MESSAGE_CONTENT = 1 << 15
PRIVILEGED_INTENTS = INTENT_GUILD_MEMBERS | INTENT_GUILD_PRESENCES | INTENT_MESSAGE_CONTENT

# Permission bits used by the checks below.
PERM_CREATE_INSTANT_INVITE = 1 << 0
PERM_ADMINISTRATOR = 1 << 3
PERM_ADD_REACTIONS = 1 << 6
PERM_VIEW_CHANNEL = 1 << 10
PERM_SEND_MESSAGES = 1 << 11
PERM_MANAGE_MESSAGES = 1 << 13
PERM_EMBED_LINKS = 1 << 14
PERM_ATTACH_FILES = 1 << 15
PERM_READ_MESSAGE_HISTORY = 1 << 16
PERM_MENTION_EVERYONE = 1 << 17
PERM_USE_EXTERNAL_EMOJIS = 1 << 18
PERM_CONNECT = 1 << 20
PERM_SPEAK = 1 << 21
PERM_CHANGE_NICKNAME = 1 << 26
PERM_USE_APPLICATION_COMMANDS = 1 << 31
ALL_PERMISSIONS = (1 << 51) - 1
DEFAULT_EVERYONE_PERMISSIONS = (
    PERM_CREATE_INSTANT_INVITE
    | PERM_ADD_REACTIONS
    | PERM_VIEW_CHANNEL
    | PERM_SEND_MESSAGES
    | PERM_EMBED_LINKS
    | PERM_ATTACH_FILES
    | PERM_READ_MESSAGE_HISTORY
    | PERM_USE_EXTERNAL_EMOJIS
    | PERM_CONNECT
    | PERM_SPEAK
    | PERM_CHANGE_NICKNAME
    | PERM_USE_APPLICATION_COMMANDS
)

MESSAGE_FLAG_SUPPRESS_EMBEDS = 1 << 2
MESSAGE_FLAG_EPHEMERAL = 1 << 6
MESSAGE_FLAG_LOADING = 1 << 7

CHANNEL_TEXT, CHANNEL_DM, CHANNEL_VOICE, CHANNEL_CATEGORY, CHANNEL_NEWS = 0, 1, 2, 4, 5
MESSAGEABLE_CHANNEL_TYPES = frozenset({0, 1, 2, 5, 10, 11, 12, 13})

INTERACTION_COMMAND, INTERACTION_COMPONENT, INTERACTION_AUTOCOMPLETE = 2, 3, 4
CALLBACKS_WITH_MESSAGE = frozenset({4, 5, 7})
# Which callback types Discord accepts for which interaction type.
ALLOWED_CALLBACKS = {
    INTERACTION_COMMAND: frozenset({4, 5, 9}),
    INTERACTION_COMPONENT: frozenset({4, 5, 6, 7, 9}),
    INTERACTION_AUTOCOMPLETE: frozenset({8}),
}

RESUMABLE_CLOSE_CODE = 4000
MAX_LOGGED_EVENTS = 2000

USER_MENTION = re.compile(r"<@!?(\d+)>")
ROLE_MENTION = re.compile(r"<@&(\d+)>")
COMMAND_NAME = re.compile(r"^[-_\w]{1,32}$")


def _now_iso() -> str:
    return datetime.now(UTC).isoformat()


def _dumps(payload: Any) -> str:
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False)


def _json_response(status: int, payload: Any, headers: Mapping[str, str] | None = None) -> web.Response:
    # Exactly "application/json": discord.py reads "...; charset=utf-8" as text (see the notes).
    all_headers = {"Content-Type": "application/json", **(headers or {})}
    return web.Response(status=status, body=_dumps(payload).encode(), headers=all_headers)


# --- The world the bot lives in -------------------------------------------------------------------------


@dataclass(frozen=True)
class FakeUser:
    """A Discord user."""

    id: int
    username: str
    global_name: str | None = None
    bot: bool = False

    @property
    def mention(self) -> str:
        """The ``<@id>`` text that pings this user."""
        return f"<@{self.id}>"

    def payload(self) -> JSON:
        """The user object as Discord sends it."""
        return {
            "id": str(self.id),
            "username": self.username,
            "discriminator": "0",
            "global_name": self.global_name,
            "avatar": None,
            "bot": self.bot,
            "public_flags": 0,
            "flags": 0,
        }


@dataclass(frozen=True)
class FakeRole:
    """A guild role; the @everyone role has the guild's id."""

    id: int
    name: str
    permissions: int = 0
    position: int = 0
    color: int = 0
    hoist: bool = False
    mentionable: bool = False
    managed: bool = False

    def payload(self) -> JSON:
        """The role object as Discord sends it."""
        return {
            "id": str(self.id),
            "name": self.name,
            "permissions": str(self.permissions),
            "position": self.position,
            "color": self.color,
            "colors": {"primary_color": self.color, "secondary_color": None, "tertiary_color": None},
            "hoist": self.hoist,
            "mentionable": self.mentionable,
            "managed": self.managed,
            "icon": None,
            "unicode_emoji": None,
            "flags": 0,
        }


@dataclass(frozen=True)
class FakeOverwrite:
    """A channel permission overwrite: type 0 for a role, 1 for a member."""

    id: int
    type: int
    allow: int = 0
    deny: int = 0

    def payload(self) -> JSON:
        """The overwrite object as Discord sends it."""
        return {"id": str(self.id), "type": self.type, "allow": str(self.allow), "deny": str(self.deny)}


@dataclass(frozen=True)
class FakeChannel:
    """A guild channel (type 0 text, 2 voice, 4 category, 5 news) or a DM (type 1)."""

    id: int
    name: str
    type: int = CHANNEL_TEXT
    position: int = 0
    parent_id: int | None = None
    topic: str | None = None
    overwrites: tuple[FakeOverwrite, ...] = ()

    @property
    def mention(self) -> str:
        """The ``<#id>`` text that links this channel."""
        return f"<#{self.id}>"

    def payload(self, guild_id: int | None = None) -> JSON:
        """The channel object as Discord sends it."""
        data: JSON = {
            "id": str(self.id),
            "type": self.type,
            "name": self.name,
            "position": self.position,
            "parent_id": None if self.parent_id is None else str(self.parent_id),
            "topic": self.topic,
            "nsfw": False,
            "permission_overwrites": [o.payload() for o in self.overwrites],
            "rate_limit_per_user": 0,
            "last_message_id": None,
            "flags": 0,
        }
        if guild_id is not None:
            data["guild_id"] = str(guild_id)
        return data


@dataclass(frozen=True)
class FakeMember:
    """A user's membership of a guild."""

    user: FakeUser
    roles: tuple[int, ...] = ()
    nick: str | None = None
    joined_at: str = "2024-01-01T00:00:00+00:00"

    def payload(self, *, with_user: bool = True) -> JSON:
        """The guild member object as Discord sends it."""
        data: JSON = {
            "roles": [str(r) for r in self.roles],
            "nick": self.nick,
            "avatar": None,
            "banner": None,
            "joined_at": self.joined_at,
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "communication_disabled_until": None,
        }
        if with_user:
            data["user"] = self.user.payload()
        return data


@dataclass(eq=False)
class FakeGuild:
    """A guild with its channels, roles and members."""

    id: int
    name: str
    owner_id: int
    channels: list[FakeChannel]
    roles: list[FakeRole]
    members: list[FakeMember]

    def channel(self, channel_id: int) -> FakeChannel | None:
        """The channel with this id, if the guild has it."""
        return next((c for c in self.channels if c.id == channel_id), None)

    def role(self, role_id: int) -> FakeRole | None:
        """The role with this id, if the guild has it."""
        return next((r for r in self.roles if r.id == role_id), None)

    def member(self, user_id: int) -> FakeMember | None:
        """The member with this user id, if the user is in the guild."""
        return next((m for m in self.members if m.user.id == user_id), None)

    @property
    def text_channel(self) -> FakeChannel:
        """The first text channel, for tests that need just one."""
        return next(c for c in self.channels if c.type == CHANNEL_TEXT)


OptionValue = str | int | float | bool | FakeUser | FakeChannel | FakeRole


# --- What the server records -----------------------------------------------------------------------------


@dataclass(frozen=True)
class RequestRecord:
    """One REST request the server answered."""

    method: str
    path: str
    query: dict[str, str]
    body: Any
    files: tuple[str, ...]
    status: int


@dataclass
class RateLimitHit:
    """A 429 the server answered on the test's order, and when the client came back."""

    method: str
    path: str
    retry_after: float
    at: float
    retried_after: float | None = None


@dataclass(frozen=True)
class SentMessage:
    """A message the bot created or edited: what it sent and the message object it got back."""

    channel_id: int
    payload: JSON
    message: JSON
    files: tuple[str, ...]
    pinged_user_ids: frozenset[int]
    pinged_role_ids: frozenset[int]
    pinged_everyone: bool

    @property
    def content(self) -> str:
        """The message text as stored."""
        return str(self.message.get("content") or "")

    @property
    def ephemeral(self) -> bool:
        """Whether only the invoking user sees it."""
        return bool(int(self.message.get("flags") or 0) & MESSAGE_FLAG_EPHEMERAL)


@dataclass(frozen=True)
class Callback:
    """The bot's answer to POST /interactions/{id}/{token}/callback."""

    type: int
    data: JSON | None
    elapsed: float
    message: SentMessage | None


@dataclass(eq=False)
class InteractionRecord:
    """An interaction the server dispatched, and everything the bot did with its token."""

    id: int
    token: str
    type: int
    name: str
    guild_id: int | None
    channel_id: int
    user: FakeUser
    shard_id: int
    payload: JSON
    queued: bool = False
    delivered_at: float | None = None
    callback: Callback | None = None
    followups: list[SentMessage] = field(default_factory=list)
    edits: list[SentMessage] = field(default_factory=list)
    original: JSON | None = None
    rejected: list[str] = field(default_factory=list)

    @property
    def choices(self) -> list[JSON]:
        """The autocomplete choices the bot returned (empty before the callback)."""
        if self.callback is None or self.callback.data is None:
            return []
        return list(self.callback.data.get("choices") or [])


@dataclass(frozen=True)
class _LoggedEvent:
    seq: int
    payload: JSON
    interaction_id: int | None


def _set_event() -> asyncio.Event:
    event = asyncio.Event()
    event.set()
    return event


@dataclass(eq=False)
class GatewaySession:
    """One identified gateway session (one shard); survives dropped sockets until the client resumes."""

    session_id: str
    shard_id: int
    shard_count: int
    intents: int
    identify: JSON
    guild_ids: list[int]
    seq: int = 0
    resumes: int = 0
    heartbeats: int = 0
    presence: JSON | None = None
    connected: bool = False
    _conn: _Connection | None = field(default=None, repr=False)
    _log: list[_LoggedEvent] = field(default_factory=list, repr=False)
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock, repr=False)
    _resume_gate: asyncio.Event = field(default_factory=_set_event, repr=False)

    def has_intent(self, intent: int) -> bool:
        """Whether the client asked for this intent in IDENTIFY."""
        return bool(self.intents & intent)


class FakeDiscordTimeoutError(AssertionError):
    """A wait on the fake server ran out of time; the message says what was awaited and what went wrong."""


class _Connection:
    """One websocket; owns the per-connection zlib stream."""

    def __init__(self, ws: web.WebSocketResponse, compression: str | None, path: str) -> None:
        self.ws = ws
        self.path = path
        # One compressobj for the whole connection: the client inflates one continuous stream.
        self._zlib = zlib.compressobj() if compression == "zlib-stream" else None
        self._lock = asyncio.Lock()
        self.session: GatewaySession | None = None
        self.heartbeats = 0
        self.tasks: set[asyncio.Task[None]] = set()

    async def send(self, payload: JSON) -> bool:
        """Send one gateway payload; False if the socket is gone."""
        raw = _dumps(payload)
        async with self._lock:
            if self.ws.closed:
                return False
            try:
                if self._zlib is None:
                    await self.ws.send_str(raw)
                else:
                    data = self._zlib.compress(raw.encode()) + self._zlib.flush(zlib.Z_SYNC_FLUSH)
                    await self.ws.send_bytes(data)
            except (ConnectionError, RuntimeError):
                return False
        return True

    async def close(self, code: int, message: str) -> None:
        """Close the socket with a gateway close code."""
        with contextlib.suppress(ConnectionError, RuntimeError, asyncio.TimeoutError):
            await self.ws.close(code=code, message=message.encode())


@dataclass(frozen=True)
class _Request:
    method: str
    path: str
    params: dict[str, str]
    query: dict[str, str]
    body: Any
    files: tuple[str, ...]


class _ApiError(Exception):
    """A Discord error reply: status, JSON error code and message."""

    def __init__(self, status: int, code: int, message: str, errors: JSON | None = None) -> None:
        super().__init__(f"{status} {code} {message}")
        self.status = status
        self.code = code
        self.message = message
        self.errors = errors

    def payload(self) -> JSON:
        data: JSON = {"message": self.message, "code": self.code}
        if self.errors is not None:
            data["errors"] = self.errors
        return data


def _invalid_form(*reasons: str) -> _ApiError:
    errors = {"_errors": [{"code": "BASE_TYPE_INVALID", "message": r} for r in reasons]}
    return _ApiError(400, 50035, "Invalid Form Body: " + "; ".join(reasons), errors)


Handler = Callable[[_Request], Awaitable[web.Response]]


@dataclass(frozen=True)
class _Route:
    method: str
    pattern: re.Pattern[str]
    handler: Handler
    # "bot": needs "Authorization: Bot <token>"; "url": the token is in the URL (webhooks, callbacks).
    auth: str


@dataclass
class _PendingRateLimit:
    method: str
    path_prefix: str
    retry_after: float
    is_global: bool


# --- The server ------------------------------------------------------------------------------------------


class FakeDiscord:
    """A Discord REST v10 + gateway server on 127.0.0.1 that a real discord.py client can log in to."""

    def __init__(
        self,
        *,
        token: str | None = None,
        application_id: int | None = None,
        shard_count: int = 1,
        heartbeat_interval_ms: int = 1000,
        interaction_deadline: float = 3.0,
        privileged_intents: int = PRIVILEGED_INTENTS,
        bot_name: str = "TestBot",
    ) -> None:
        self._last_snowflake = 0
        self.application_id = application_id or self.snowflake()
        # Real tokens start with the base64 of the bot's id; some code splits on it.
        self.token = token or (
            base64.b64encode(str(self.application_id).encode()).decode().rstrip("=")
            + "."
            + secrets.token_urlsafe(5)
            + "."
            + secrets.token_urlsafe(27)
        )
        self.shard_count = shard_count
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.interaction_deadline = interaction_deadline
        self.privileged_intents = privileged_intents
        self.bot_user = FakeUser(self.application_id, bot_name, bot=True)
        self.owner = FakeUser(self.snowflake(), "app-owner")

        self.users: dict[int, FakeUser] = {self.bot_user.id: self.bot_user, self.owner.id: self.owner}
        self.guilds: dict[int, FakeGuild] = {}
        self.dm_channels: dict[int, int] = {}
        self.commands: dict[int | None, list[JSON]] = {}
        self.requests: list[RequestRecord] = []
        self.unknown_routes: list[RequestRecord] = []
        self.problems: list[str] = []
        self.rate_limits: list[RateLimitHit] = []
        self.sessions: dict[int, GatewaySession] = {}
        self.identify_count: Counter[int] = Counter()
        self.resume_count: Counter[int] = Counter()
        self.invalid_sessions = 0
        self.gateway_paths: list[str] = []
        self.gateway_queries: list[dict[str, str]] = []
        self.interactions: dict[int, InteractionRecord] = {}
        self.channel_messages: list[SentMessage] = []
        self.message_edits: list[SentMessage] = []
        self.deleted_message_ids: list[int] = []
        self.reactions: list[tuple[int, int, str]] = []
        self.messages: dict[int, JSON] = {}

        self._all_sessions: dict[str, GatewaySession] = {}
        self._interactions_by_token: dict[str, InteractionRecord] = {}
        self._dm_recipients: dict[int, int] = {}
        self._pending_rate_limits: list[_PendingRateLimit] = []
        self._channel_cursor: Counter[int] = Counter()
        self._connections: set[_Connection] = set()
        self._changed = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.port = 0
        self._routes = self._build_routes()

    # -- lifecycle --

    async def start(self) -> FakeDiscord:
        """Listen on 127.0.0.1 on a free port."""
        app = web.Application()
        app.router.add_get("/", self._gateway)
        app.router.add_get("/resume", self._gateway)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self._rest)
        app.router.add_route("*", "/{tail:.*}", self._outside_api)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, HOST, 0)
        await site.start()
        self.port = int(self._runner.addresses[0][1])
        return self

    async def stop(self) -> None:
        """Close every websocket and stop listening."""
        conns = list(self._connections)
        if conns:
            await asyncio.wait_for(
                asyncio.gather(*(c.close(1001, "server stopping") for c in conns), return_exceptions=True), 5
            )
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeDiscord:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def api_base(self) -> str:
        """The value for ``discord.http.Route.BASE``."""
        return f"http://{HOST}:{self.port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        """The gateway websocket URL (the one in GET /gateway/bot)."""
        return f"ws://{HOST}:{self.port}/"

    # -- building the world --

    def snowflake(self) -> int:
        """A new unique snowflake made from the current time, like Discord's."""
        candidate = ((int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22) | (1 << 17)
        self._last_snowflake = max(candidate, self._last_snowflake + 1)
        return self._last_snowflake

    def shard_for(self, guild_id: int, shard_count: int | None = None) -> int:
        """The shard that owns a guild: ``(guild_id >> 22) % shard_count``."""
        return (guild_id >> 22) % (shard_count or self.shard_count)

    def new_guild_id(self, shard_id: int | None = None) -> int:
        """A new guild snowflake, owned by ``shard_id`` under the configured shard count if given."""
        guild_id = self.snowflake()
        if shard_id is not None:
            while self.shard_for(guild_id) != shard_id:
                guild_id += 1 << 22  # one millisecond later
            self._last_snowflake = max(self._last_snowflake, guild_id)
        return guild_id

    def new_user(self, username: str, *, global_name: str | None = None, bot: bool = False) -> FakeUser:
        """Create and register a user."""
        user = FakeUser(self.snowflake(), username, global_name, bot)
        self.users[user.id] = user
        return user

    def new_role(self, name: str, permissions: int = 0, *, position: int = 1) -> FakeRole:
        """A role with a fresh id, to pass to ``add_guild``."""
        return FakeRole(self.snowflake(), name, permissions, position)

    def new_channel(
        self,
        name: str,
        type: int = CHANNEL_TEXT,
        *,
        position: int = 0,
        parent_id: int | None = None,
        overwrites: Sequence[FakeOverwrite] = (),
    ) -> FakeChannel:
        """A channel with a fresh id, to pass to ``add_guild``."""
        return FakeChannel(self.snowflake(), name, type, position, parent_id, None, tuple(overwrites))

    def add_guild(
        self,
        guild_id: int | None = None,
        name: str = "Test Guild",
        channels: Sequence[FakeChannel] | None = None,
        roles: Sequence[FakeRole] = (),
        members: Sequence[FakeMember | FakeUser] = (),
        *,
        owner_id: int | None = None,
        bot_roles: Sequence[int] = (),
    ) -> FakeGuild:
        """Add a guild before the bot connects; adds @everyone, a #general channel if none, and the bot."""
        gid = guild_id or self.new_guild_id()
        all_roles = list(roles)
        if not any(r.id == gid for r in all_roles):
            all_roles.insert(0, FakeRole(gid, "@everyone", DEFAULT_EVERYONE_PERMISSIONS, 0))
        all_channels = list(channels) if channels is not None else [self.new_channel("general")]
        all_members = [m if isinstance(m, FakeMember) else FakeMember(m) for m in members]
        if not any(m.user.id == self.bot_user.id for m in all_members):
            all_members.append(FakeMember(self.bot_user, tuple(bot_roles)))
        for member in all_members:
            self.users.setdefault(member.user.id, member.user)
        owner = owner_id or next((m.user.id for m in all_members if not m.user.bot), self.owner.id)
        guild = FakeGuild(gid, name, owner, all_channels, all_roles, all_members)
        self.guilds[gid] = guild
        return guild

    def dm_channel_for(self, user: FakeUser) -> int:
        """The id of the DM channel between the bot and this user, created on first use."""
        self.users.setdefault(user.id, user)
        if user.id not in self.dm_channels:
            channel_id = self.snowflake()
            self.dm_channels[user.id] = channel_id
            self._dm_recipients[channel_id] = user.id
        return self.dm_channels[user.id]

    def permissions(self, guild_id: int, user_id: int, channel_id: int | None = None) -> int:
        """A member's permissions in a guild or channel, computed the way Discord does."""
        guild = self.guilds[guild_id]
        member = guild.member(user_id)
        if member is None:
            return 0
        if user_id == guild.owner_id:
            return ALL_PERMISSIONS
        everyone = guild.role(guild.id)
        perms = everyone.permissions if everyone else 0
        for role_id in member.roles:
            role = guild.role(role_id)
            if role is not None:
                perms |= role.permissions
        if perms & PERM_ADMINISTRATOR:
            return ALL_PERMISSIONS
        channel = guild.channel(channel_id) if channel_id is not None else None
        if channel is None:
            return perms
        overwrites = {o.id: o for o in channel.overwrites}
        if (base := overwrites.get(guild.id)) is not None:
            perms = (perms & ~base.deny) | base.allow
        allow = deny = 0
        for role_id in member.roles:
            role_ow = overwrites.get(role_id)
            if role_ow is not None and role_ow.type == 0:
                allow |= role_ow.allow
                deny |= role_ow.deny
        perms = (perms & ~deny) | allow
        member_ow = overwrites.get(user_id)
        if member_ow is not None and member_ow.type == 1:
            perms = (perms & ~member_ow.deny) | member_ow.allow
        return perms

    # -- test controls --

    async def interaction(
        self,
        guild_id: int | None,
        channel_id: int | None,
        user: FakeUser,
        name: str = "",
        options: Mapping[str, OptionValue] | None = None,
        *,
        type: int = INTERACTION_COMMAND,
        focused: str | None = None,
        member_permissions: int | str | None = None,
        custom_id: str | None = None,
        component_type: int = 2,
        values: Sequence[str] | None = None,
        message: JSON | None = None,
        locale: str = "en-US",
        check_synced: bool = True,
    ) -> InteractionRecord:
        """Dispatch INTERACTION_CREATE (2 slash command, 4 autocomplete, 3 component) to the owning shard.

        ``name`` may hold subcommands ("group sub"). For autocomplete, ``focused`` names the option
        being typed (default: the last one). For components, pass ``custom_id`` and the ``message`` the
        component is on. Returns the record to wait on; ``queued`` tells whether it waits for a RESUME.
        """
        guild = self._guild(guild_id) if guild_id is not None else None
        if guild is not None:
            if guild.member(user.id) is None:
                raise ValueError(f"{user.username} is not a member of guild {guild.id}")
            if channel_id is None or guild.channel(channel_id) is None:
                raise ValueError(f"channel {channel_id} is not in guild {guild.id}")
            session = self._session_for_guild(guild.id)
            real_channel_id = channel_id
        else:
            session = self._session(0)
            real_channel_id = channel_id or self.dm_channel_for(user)

        if type == INTERACTION_COMPONENT:
            if custom_id is None or message is None:
                raise ValueError("a component interaction needs custom_id and the message it is on")
            data: JSON = {"custom_id": custom_id, "component_type": component_type}
            if values is not None:
                data["values"] = list(values)
            label = custom_id
        elif type in (INTERACTION_COMMAND, INTERACTION_AUTOCOMPLETE):
            data = self._command_data(guild, name, options or {}, type, focused, check_synced)
            label = name
        else:
            raise ValueError(f"interaction type {type} is not supported")

        interaction_id = self.snowflake()
        token = "aW50ZXJhY3Rpb246" + secrets.token_urlsafe(96)
        payload: JSON = {
            "id": str(interaction_id),
            "application_id": str(self.application_id),
            "type": type,
            "data": data,
            "token": token,
            "version": 1,
            "locale": locale,
            "entitlements": [],
            "attachment_size_limit": 10 * 1024 * 1024,
            "channel_id": str(real_channel_id),
        }
        if message is not None:
            payload["message"] = message
        if guild is not None:
            channel = guild.channel(real_channel_id)
            assert channel is not None
            perms = (
                self.permissions(guild.id, user.id, channel.id)
                if member_permissions is None
                else int(member_permissions)
            )
            member = guild.member(user.id)
            assert member is not None
            payload.update(
                guild_id=str(guild.id),
                guild={"id": str(guild.id), "locale": "en-US", "features": []},
                guild_locale="en-US",
                channel={**channel.payload(guild.id), "permissions": str(perms)},
                member={**member.payload(), "permissions": str(perms)},
                app_permissions=str(self.permissions(guild.id, self.bot_user.id, channel.id)),
                authorizing_integration_owners={"0": str(guild.id)},
                context=0,
            )
        else:
            payload.update(
                channel={
                    "id": str(real_channel_id),
                    "type": CHANNEL_DM,
                    "recipients": [user.payload()],
                    "flags": 0,
                },
                user=user.payload(),
                app_permissions=str(DEFAULT_EVERYONE_PERMISSIONS),
                authorizing_integration_owners={"0": "0"},
                context=1,
            )

        record = InteractionRecord(
            id=interaction_id,
            token=token,
            type=type,
            name=label,
            guild_id=guild_id,
            channel_id=real_channel_id,
            user=user,
            shard_id=session.shard_id,
            payload=payload,
        )
        if message is not None:
            record.original = message
        self.interactions[interaction_id] = record
        self._interactions_by_token[token] = record
        delivered = await self._dispatch(
            session, "INTERACTION_CREATE", payload, interaction_id=interaction_id
        )
        record.queued = not delivered
        self._notify()
        return record

    async def message_create(
        self,
        guild_id: int | None,
        channel_id: int | None,
        author: FakeUser,
        content: str,
        mentions: Sequence[FakeUser] = (),
        *,
        reference_id: int | None = None,
    ) -> JSON:
        """Dispatch MESSAGE_CREATE from ``author``; ``guild_id=None`` is a DM (channel made if None).

        Returns the full message object (what a bot with every intent would see). The bot gets it only if
        it asked for GUILD_MESSAGES / DIRECT_MESSAGES, and without MESSAGE_CONTENT it gets empty content
        unless it is mentioned or it is a DM, as on Discord.
        """
        self.users.setdefault(author.id, author)
        guild = self._guild(guild_id) if guild_id is not None else None
        if guild is not None:
            if channel_id is None or guild.channel(channel_id) is None:
                raise ValueError(f"channel {channel_id} is not in guild {guild.id}")
            if guild.member(author.id) is None:
                raise ValueError(f"{author.username} is not a member of guild {guild.id}")
            real_channel_id = channel_id
        else:
            real_channel_id = channel_id or self.dm_channel_for(author)
        mentioned = {u.id: u for u in mentions}
        for raw_id in USER_MENTION.findall(content):
            found = self.users.get(int(raw_id))
            if found is not None:
                mentioned.setdefault(found.id, found)
        message: JSON = {
            "id": str(self.snowflake()),
            "type": 0,
            "channel_id": str(real_channel_id),
            "content": content,
            "author": author.payload(),
            "attachments": [],
            "embeds": [],
            "components": [],
            "mentions": [self._mention_payload(guild, u) for u in mentioned.values()],
            "mention_roles": [str(r) for r in ROLE_MENTION.findall(content)],
            "mention_everyone": "@everyone" in content or "@here" in content,
            "pinned": False,
            "tts": False,
            "timestamp": _now_iso(),
            "edited_timestamp": None,
            "flags": 0,
        }
        if guild is not None:
            message["guild_id"] = str(guild.id)
        if reference_id is not None:
            target = self.messages.get(reference_id)
            if target is None:
                raise ValueError(f"message {reference_id} is unknown")
            message["type"] = 19
            message["message_reference"] = {
                "type": 0,
                "message_id": str(reference_id),
                "channel_id": str(real_channel_id),
                **({"guild_id": str(guild.id)} if guild is not None else {}),
            }
            message["referenced_message"] = target
        self.messages[int(message["id"])] = message
        session = self._session_for_guild(guild.id) if guild is not None else self._session(0)
        await self._deliver_message(session, guild, message, "MESSAGE_CREATE")
        return message

    def rate_limit_next(
        self, method: str, path_prefix: str, retry_after: float = 0.2, *, is_global: bool = False
    ) -> None:
        """Answer the next ``method`` request under ``path_prefix`` (e.g. "/channels/") with a 429."""
        self._pending_rate_limits.append(
            _PendingRateLimit(method.upper(), path_prefix, retry_after, is_global)
        )

    async def drop_gateway(self, shard_id: int = 0, code: int = RESUMABLE_CLOSE_CODE) -> None:
        """Close a shard's socket with a resumable code; later events queue in the session until RESUME."""
        session = self._session(shard_id)
        async with session._lock:
            conn = session._conn
            session.connected = False
        if conn is not None:
            await conn.close(code, "dropped by the test")

    @contextlib.asynccontextmanager
    async def gateway_down(self, shard_id: int = 0, code: int = RESUMABLE_CLOSE_CODE) -> AsyncIterator[None]:
        """Drop the socket and hold any RESUME until the block exits, so events sent inside are replayed."""
        session = self._session(shard_id)
        session._resume_gate.clear()
        try:
            await self.drop_gateway(shard_id, code)
            yield
        finally:
            session._resume_gate.set()

    async def request_reconnect(self, shard_id: int = 0) -> None:
        """Send op 7 RECONNECT; the client closes and resumes."""
        session = self._session(shard_id)
        if session._conn is not None:
            await session._conn.send({"op": 7, "d": None})

    def forget_sessions(self) -> None:
        """Forget every session so the next RESUME gets INVALID_SESSION and the client must re-IDENTIFY."""
        self._all_sessions.clear()

    # -- waiting --

    async def wait_until(
        self, check: Callable[[], T | None], timeout: float = 3.0, what: str = "a condition"
    ) -> T:
        """Wait until ``check()`` returns something other than None (re-checked on every server change)."""

        async def loop() -> T:
            while True:
                changed = self._changed
                result = check()
                if result is not None:
                    return result
                await changed.wait()

        try:
            return await asyncio.wait_for(loop(), timeout)
        except TimeoutError:
            raise FakeDiscordTimeoutError(
                f"timed out after {timeout}s waiting for {what}; problems={self.problems!r}; "
                f"unknown routes={[(r.method, r.path) for r in self.unknown_routes]!r}"
            ) from None

    async def wait_for_callback(self, interaction_id: int, timeout: float = 3.0) -> InteractionRecord:
        """Wait for the bot's interaction callback; fails at once if the server rejected one."""
        record = self.interactions[interaction_id]

        def check() -> InteractionRecord | None:
            if record.callback is not None:
                return record
            if record.rejected:
                raise AssertionError(f"interaction {record.name!r} was answered wrongly: {record.rejected}")
            return None

        return await self.wait_until(check, timeout, f"the callback of interaction {record.name!r}")

    async def wait_for_followups(
        self, interaction_id: int, count: int = 1, timeout: float = 3.0
    ) -> list[SentMessage]:
        """Wait until the bot has sent ``count`` follow-ups for this interaction."""
        record = self.interactions[interaction_id]
        return await self.wait_until(
            lambda: list(record.followups) if len(record.followups) >= count else None,
            timeout,
            f"{count} follow-up(s) of interaction {record.name!r}",
        )

    async def wait_for_edits(
        self, interaction_id: int, count: int = 1, timeout: float = 3.0
    ) -> list[SentMessage]:
        """Wait until the bot has edited this interaction's messages ``count`` times."""
        record = self.interactions[interaction_id]
        return await self.wait_until(
            lambda: list(record.edits) if len(record.edits) >= count else None,
            timeout,
            f"{count} edit(s) of interaction {record.name!r}",
        )

    async def wait_for_channel_message(self, channel_id: int, timeout: float = 3.0) -> SentMessage:
        """The next message the bot posts to this channel (each call returns a later one)."""

        def check() -> SentMessage | None:
            posted = [m for m in self.channel_messages if m.channel_id == channel_id]
            index = self._channel_cursor[channel_id]
            if len(posted) > index:
                self._channel_cursor[channel_id] += 1
                return posted[index]
            return None

        return await self.wait_until(check, timeout, f"a bot message in channel {channel_id}")

    async def wait_identified(
        self, shard_id: int = 0, count: int = 1, timeout: float = 5.0
    ) -> GatewaySession:
        """Wait until the shard has IDENTIFYed ``count`` times; returns its session."""
        return await self.wait_until(
            lambda: self.sessions[shard_id] if self.identify_count[shard_id] >= count else None,
            timeout,
            f"IDENTIFY #{count} on shard {shard_id}",
        )

    async def wait_resumed(self, shard_id: int = 0, count: int = 1, timeout: float = 5.0) -> GatewaySession:
        """Wait until the shard has RESUMEd ``count`` times; returns its session."""
        return await self.wait_until(
            lambda: self.sessions[shard_id] if self.resume_count[shard_id] >= count else None,
            timeout,
            f"RESUME #{count} on shard {shard_id}",
        )

    # -- internals: lookups --

    def _notify(self) -> None:
        changed, self._changed = self._changed, asyncio.Event()
        changed.set()

    def _problem(self, text: str) -> None:
        self.problems.append(text)
        self._notify()

    def _guild(self, guild_id: int) -> FakeGuild:
        try:
            return self.guilds[guild_id]
        except KeyError:
            raise ValueError(f"guild {guild_id} was never added") from None

    def _session(self, shard_id: int) -> GatewaySession:
        try:
            return self.sessions[shard_id]
        except KeyError:
            raise RuntimeError(f"shard {shard_id} never identified: is the bot connected?") from None

    def _session_for_guild(self, guild_id: int) -> GatewaySession:
        for session in self.sessions.values():
            if self.shard_for(guild_id, session.shard_count) == session.shard_id:
                return session
        raise RuntimeError(f"no gateway session owns guild {guild_id}: is the bot connected?")

    def _find_command(self, guild_id: int | None, name: str) -> JSON | None:
        if guild_id is not None:
            found = next((c for c in self.commands.get(guild_id, []) if c["name"] == name), None)
            if found is not None:
                return found
        return next((c for c in self.commands.get(None, []) if c["name"] == name), None)

    def _mention_payload(self, guild: FakeGuild | None, user: FakeUser) -> JSON:
        data = user.payload()
        member = guild.member(user.id) if guild is not None else None
        if member is not None:
            data["member"] = member.payload(with_user=False)
        return data

    # -- internals: interactions --

    def _command_data(
        self,
        guild: FakeGuild | None,
        name: str,
        values: Mapping[str, OptionValue],
        kind: int,
        focused: str | None,
        check_synced: bool,
    ) -> JSON:
        parts = name.split()
        if not parts:
            raise ValueError("a command interaction needs the command name")
        command = self._find_command(guild.id if guild else None, parts[0])
        if command is None and check_synced:
            synced = {k: [c["name"] for c in v] for k, v in self.commands.items()}
            raise LookupError(f"/{parts[0]} was never synced where it is used (synced: {synced})")
        schema: list[JSON] = list(command.get("options", [])) if command else []
        chain: list[tuple[str, int]] = []
        for depth, part in enumerate(parts[1:], start=2):
            node = next((o for o in schema if o.get("name") == part), None)
            if node is None and command is not None:
                raise LookupError(f"/{name}: {part!r} is not a subcommand of the synced command")
            chain.append((part, int(node["type"]) if node else (1 if depth == len(parts) else 2)))
            schema = list(node.get("options", [])) if node else []
        options, resolved = self._options(guild, schema, values, kind == INTERACTION_AUTOCOMPLETE, focused)
        for part, part_type in reversed(chain):
            options = [{"name": part, "type": part_type, "options": options}]
        data: JSON = {
            "id": command["id"] if command else str(self.snowflake()),
            "name": parts[0],
            "type": 1,
            "options": options,
        }
        if command is not None and "guild_id" in command:
            data["guild_id"] = command["guild_id"]
        if resolved:
            data["resolved"] = resolved
        return data

    def _options(
        self,
        guild: FakeGuild | None,
        schema: list[JSON],
        values: Mapping[str, OptionValue],
        autocomplete: bool,
        focused: str | None,
    ) -> tuple[list[JSON], JSON]:
        by_name = {o["name"]: o for o in schema}
        if autocomplete and focused is None and values:
            focused = list(values)[-1]
        options: list[JSON] = []
        resolved: JSON = {}
        for key, value in values.items():
            spec = by_name.get(key)
            if spec is None and schema:
                raise ValueError(f"option {key!r} is not in the synced command (has {list(by_name)})")
            kind = int(spec["type"]) if spec else _infer_option_type(value)
            option: JSON = {"name": key, "type": kind}
            if autocomplete and key == focused:
                if spec is not None and not spec.get("autocomplete"):
                    raise ValueError(f"option {key!r} was synced without autocomplete")
                option["value"] = str(value)  # what the user has typed so far
                option["focused"] = True
            else:
                option["value"] = self._wire_value(guild, kind, value, resolved)
                choices = spec.get("choices") if spec else None
                if choices and option["value"] not in [c["value"] for c in choices]:
                    raise ValueError(f"{value!r} is not one of the choices of option {key!r}")
            options.append(option)
        if not autocomplete:
            missing = [o["name"] for o in schema if o.get("required") and o["name"] not in values]
            if missing:
                raise ValueError(f"required option(s) missing: {missing}")
        return options, resolved

    def _wire_value(self, guild: FakeGuild | None, kind: int, value: OptionValue, resolved: JSON) -> Any:
        if kind == 3:
            return str(value)
        if kind == 4:
            return int(value)  # type: ignore[arg-type]
        if kind == 5:
            return bool(value)
        if kind == 10:
            return float(value)  # type: ignore[arg-type]
        if kind not in (6, 7, 8, 9):
            return value
        target_id = value.id if isinstance(value, FakeUser | FakeChannel | FakeRole) else int(value)
        user = self.users.get(target_id)
        if kind in (6, 9) and user is not None:
            resolved.setdefault("users", {})[str(target_id)] = user.payload()
            member = guild.member(target_id) if guild is not None else None
            if member is not None and guild is not None:
                resolved.setdefault("members", {})[str(target_id)] = {
                    **member.payload(with_user=False),
                    "permissions": str(self.permissions(guild.id, target_id)),
                }
        elif kind in (8, 9) and guild is not None and (role := guild.role(target_id)) is not None:
            resolved.setdefault("roles", {})[str(target_id)] = role.payload()
        elif kind == 7 and guild is not None and (channel := guild.channel(target_id)) is not None:
            resolved.setdefault("channels", {})[str(target_id)] = {
                **channel.payload(guild.id),
                "permissions": str(ALL_PERMISSIONS),
            }
        else:
            raise ValueError(f"{value!r} is not a known user, role or channel for option type {kind}")
        return str(target_id)

    # -- internals: messages --

    def _pings(
        self, guild: FakeGuild | None, content: str, allowed: Any, replied_author: int | None
    ) -> tuple[list[FakeUser], frozenset[int], bool]:
        parse: set[str] = {"users", "roles", "everyone"}
        allowed_users: set[int] = set()
        allowed_roles: set[int] = set()
        replied = True  # Discord pings the replied-to author unless allowed_mentions says otherwise
        if allowed is not None:
            if not isinstance(allowed, dict):
                raise _invalid_form("allowed_mentions must be an object")
            parse = set(allowed.get("parse") or [])
            allowed_users = {int(u) for u in allowed.get("users") or []}
            allowed_roles = {int(r) for r in allowed.get("roles") or []}
            replied = bool(allowed.get("replied_user", False))
            if "users" in parse and allowed_users:
                raise _invalid_form("allowed_mentions: parse:[users] and users:[...] are mutually exclusive")
            if "roles" in parse and allowed_roles:
                raise _invalid_form("allowed_mentions: parse:[roles] and roles:[...] are mutually exclusive")
        users: dict[int, FakeUser] = {}
        for raw_id in USER_MENTION.findall(content):
            user = self.users.get(int(raw_id))
            if user is not None and ("users" in parse or user.id in allowed_users):
                users[user.id] = user
        if replied_author is not None and replied and (author := self.users.get(replied_author)) is not None:
            users[author.id] = author
        roles = frozenset(
            int(r) for r in ROLE_MENTION.findall(content) if "roles" in parse or int(r) in allowed_roles
        )
        everyone = ("@everyone" in content or "@here" in content) and "everyone" in parse
        if guild is None:
            roles, everyone = frozenset(), False
        return list(users.values()), roles, everyone

    def _compose(
        self,
        *,
        channel_id: int,
        guild: FakeGuild | None,
        payload: JSON,
        files: tuple[str, ...],
        msg_type: int = 0,
        message_id: int | None = None,
        extra: JSON | None = None,
        base: JSON | None = None,
    ) -> SentMessage:
        """Validate what the bot sent and build the message object Discord would store."""
        message: JSON = dict(base) if base is not None else {}
        for key in ("content", "embeds", "components", "poll", "sticker_ids", "tts", "nonce"):
            if key in payload:
                message[key] = payload[key]
        message["content"] = message.get("content") or ""
        message["embeds"] = message.get("embeds") or []
        message["components"] = message.get("components") or []
        attachments = [
            {
                "id": str(self.snowflake()),
                "filename": name,
                "size": 1,
                "url": f"http://{HOST}:{self.port}/attachments/{name}",
                "proxy_url": f"http://{HOST}:{self.port}/attachments/{name}",
            }
            for name in files
        ]
        kept = payload.get("attachments")
        if kept is not None and base is not None:
            # On edit, "attachments" lists the ids to keep; anything else is removed.
            kept_ids = {str(a.get("id")) for a in kept}
            attachments = [a for a in base.get("attachments", []) if a["id"] in kept_ids] + attachments
        if base is None or files or kept is not None:
            message["attachments"] = attachments
        errors = _message_errors(message, has_files=bool(files))
        if errors:
            raise _invalid_form(*errors)
        if not (
            message["content"]
            or message["embeds"]
            or message["components"]
            or message.get("attachments")
            or message.get("sticker_ids")
            or message.get("poll")
        ):
            raise _ApiError(400, 50006, "Cannot send an empty message")

        reference = payload.get("message_reference") if base is None else None
        replied_author: int | None = None
        if reference:
            target = self.messages.get(int(reference.get("message_id") or 0))
            if target is None:
                if reference.get("fail_if_not_exists", True):
                    raise _invalid_form("message_reference: Unknown message")
            else:
                msg_type = 19
                replied_author = int(target["author"]["id"])
                message["message_reference"] = {
                    "type": int(reference.get("type") or 0),
                    "message_id": target["id"],
                    "channel_id": target["channel_id"],
                    **({"guild_id": target["guild_id"]} if "guild_id" in target else {}),
                }
                message["referenced_message"] = target
        users, roles, everyone = self._pings(
            guild, message["content"], payload.get("allowed_mentions"), replied_author
        )
        if base is None:
            flags = int(payload.get("flags") or 0)
        else:
            # An edit ends the "thinking" state; of the flags only SUPPRESS_EMBEDS may change.
            flags = int(base.get("flags") or 0) & ~MESSAGE_FLAG_LOADING
            if "flags" in payload:
                new_flags = int(payload["flags"] or 0)
                flags = (flags & ~MESSAGE_FLAG_SUPPRESS_EMBEDS) | (new_flags & MESSAGE_FLAG_SUPPRESS_EMBEDS)
        message.update(
            id=message.get("id") or str(message_id or self.snowflake()),
            type=message.get("type", msg_type),
            channel_id=str(channel_id),
            author=message.get("author") or self.bot_user.payload(),
            mentions=[self._mention_payload(guild, u) for u in users],
            mention_roles=[str(r) for r in roles],
            mention_everyone=everyone,
            pinned=message.get("pinned", False),
            tts=bool(message.get("tts", False)),
            timestamp=message.get("timestamp") or _now_iso(),
            edited_timestamp=_now_iso() if base is not None else None,
            flags=flags,
        )
        if guild is not None:
            message["guild_id"] = str(guild.id)
        if extra:
            message.update(extra)
        self.messages[int(message["id"])] = message
        return SentMessage(
            channel_id=channel_id,
            payload=payload,
            message=message,
            files=files,
            pinged_user_ids=frozenset(u.id for u in users),
            pinged_role_ids=roles,
            pinged_everyone=everyone,
        )

    def _visible(self, session: GatewaySession | None, guild: FakeGuild | None, message: JSON) -> JSON:
        """The message as this bot may see it: Discord blanks content without the MESSAGE_CONTENT intent."""
        has_intent = (
            session.has_intent(INTENT_MESSAGE_CONTENT)
            if session is not None
            else bool(self.privileged_intents & INTENT_MESSAGE_CONTENT)
        )
        mentioned = any(int(u["id"]) == self.bot_user.id for u in message.get("mentions", []))
        own = int(message["author"]["id"]) == self.bot_user.id
        if has_intent or guild is None or mentioned or own:
            return message
        hidden = {**message, "content": "", "embeds": [], "attachments": [], "components": []}
        hidden.pop("poll", None)
        return hidden

    async def _deliver_message(
        self, session: GatewaySession | None, guild: FakeGuild | None, message: JSON, event: str
    ) -> bool:
        if session is None:
            return False
        intent = INTENT_GUILD_MESSAGES if guild is not None else INTENT_DIRECT_MESSAGES
        if not session.has_intent(intent):
            return False
        data = self._visible(session, guild, message)
        if guild is not None:
            author = guild.member(int(message["author"]["id"]))
            if author is not None:
                data = {**data, "member": author.payload(with_user=False)}
        return await self._dispatch(session, event, data)

    async def _broadcast_bot_message(self, guild: FakeGuild | None, message: JSON, event: str) -> None:
        # Discord echoes the bot's own (non-ephemeral) messages over the gateway too.
        if int(message.get("flags") or 0) & MESSAGE_FLAG_EPHEMERAL:
            return
        session: GatewaySession | None
        try:
            session = self._session_for_guild(guild.id) if guild is not None else self._session(0)
        except RuntimeError:
            session = None
        await self._deliver_message(session, guild, message, event)

    # -- internals: gateway --

    async def _dispatch(
        self, session: GatewaySession, event: str, data: JSON, *, interaction_id: int | None = None
    ) -> bool:
        """Log a DISPATCH in the session and send it if the session has a live socket."""
        async with session._lock:
            session.seq += 1
            entry = _LoggedEvent(
                session.seq, {"op": 0, "t": event, "s": session.seq, "d": data}, interaction_id
            )
            session._log.append(entry)
            del session._log[:-MAX_LOGGED_EVENTS]
            conn = session._conn
            if conn is None or not session.connected:
                return False
            sent = await conn.send(entry.payload)
            if sent:
                self._delivered(entry)
            return sent

    def _delivered(self, entry: _LoggedEvent) -> None:
        if entry.interaction_id is not None:
            record = self.interactions.get(entry.interaction_id)
            if record is not None and record.delivered_at is None:
                record.delivered_at = time.monotonic()  # Discord's 3 s clock starts here

    async def _gateway(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(timeout=2.0, max_msg_size=0)
        await ws.prepare(request)
        compression = request.query.get("compress")
        conn = _Connection(ws, compression, request.path)
        self._connections.add(conn)
        self.gateway_paths.append(request.path)
        self.gateway_queries.append(dict(request.query))
        try:
            if compression not in (None, "zlib-stream") or request.query.get("encoding", "json") != "json":
                self._problem(f"gateway: unsupported query {dict(request.query)} (only json and zlib-stream)")
                await conn.close(4002, "Decode error")
                return ws
            await conn.send(
                {
                    "op": 10,
                    "d": {"heartbeat_interval": self.heartbeat_interval_ms, "_trace": ["fake-discord"]},
                }
            )
            async for msg in ws:
                if msg.type is WSMsgType.TEXT:
                    await self._on_gateway_message(conn, msg.data)
                elif msg.type is WSMsgType.BINARY:
                    await conn.close(4002, "Decode error")
        finally:
            self._connections.discard(conn)
            for task in conn.tasks:
                task.cancel()
            session = conn.session
            if session is not None and session._conn is conn:
                session._conn = None
                session.connected = False
            self._notify()
        return ws

    async def _on_gateway_message(self, conn: _Connection, text: str) -> None:
        try:
            msg = json.loads(text)
            op = msg["op"]
            data = msg.get("d")
        except (ValueError, KeyError, TypeError):
            self._problem(f"gateway: undecodable payload {text[:200]!r}")
            await conn.close(4002, "Decode error")
            return
        if op == 1:
            conn.heartbeats += 1
            if conn.session is not None:
                conn.session.heartbeats += 1
            await conn.send({"op": 11})
            self._notify()
        elif op == 2:
            await self._identify(conn, data)
        elif op == 6:
            # In a task so heartbeats keep being acknowledged while a test holds the RESUME back.
            task = asyncio.create_task(self._resume(conn, data))
            conn.tasks.add(task)
            task.add_done_callback(conn.tasks.discard)
        elif conn.session is None:
            self._problem(f"gateway: op {op} before IDENTIFY")
            await conn.close(4003, "Not authenticated")
        elif op == 3:
            conn.session.presence = data
            self._notify()
        elif op == 8:
            await self._request_members(conn.session, data)
        elif op == 4:
            pass  # voice state update: nothing to do without voice
        else:
            self._problem(f"gateway: unknown opcode {op}")
            await conn.close(4001, "Unknown opcode")

    async def _identify(self, conn: _Connection, data: Any) -> None:
        if conn.session is not None:
            self._problem("gateway: IDENTIFY sent twice on one connection")
            await conn.close(4005, "Already authenticated")
            return
        if not isinstance(data, dict) or data.get("token") != self.token:
            self._problem("gateway: IDENTIFY with a wrong token")
            await conn.close(4004, "Authentication failed")
            return
        if "intents" not in data:
            self._problem("gateway: IDENTIFY without intents")
            await conn.close(4013, "Invalid intent(s)")
            return
        intents = int(data["intents"])
        if intents & PRIVILEGED_INTENTS & ~self.privileged_intents:
            self._problem(f"gateway: privileged intents {intents & PRIVILEGED_INTENTS:#x} are not enabled")
            await conn.close(4014, "Disallowed intent(s)")
            return
        shard = data.get("shard") or [0, 1]
        shard_id, shard_count = int(shard[0]), int(shard[1])
        if shard_count < 1 or not 0 <= shard_id < shard_count:
            self._problem(f"gateway: invalid shard {shard}")
            await conn.close(4010, "Invalid shard")
            return
        owned = [gid for gid in self.guilds if self.shard_for(gid, shard_count) == shard_id]
        session = GatewaySession(
            session_id=secrets.token_hex(16),
            shard_id=shard_id,
            shard_count=shard_count,
            intents=intents,
            identify=data,
            guild_ids=owned,
            presence=data.get("presence"),
            connected=True,
            _conn=conn,
        )
        conn.session = session
        self._all_sessions[session.session_id] = session
        self.sessions[shard_id] = session
        ready: JSON = {
            "v": 10,
            "user": {**self.bot_user.payload(), "verified": True, "mfa_enabled": False, "email": None},
            "guilds": [{"id": str(gid), "unavailable": True} for gid in owned],
            "session_id": session.session_id,
            "session_type": "normal",
            "resume_gateway_url": f"ws://{HOST}:{self.port}/resume",
            "application": {"id": str(self.application_id), "flags": self._application_flags()},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
            "user_settings": {},
            "auth": {},
            "_trace": ["fake-discord"],
        }
        if "shard" in data:
            ready["shard"] = [shard_id, shard_count]
        await self._dispatch(session, "READY", ready)
        for gid in owned:
            await self._dispatch(session, "GUILD_CREATE", self._guild_create(self.guilds[gid], session))
        self.identify_count[shard_id] += 1
        self._notify()

    async def _resume(self, conn: _Connection, data: Any) -> None:
        session = self._all_sessions.get(data.get("session_id", "")) if isinstance(data, dict) else None
        if session is None or not isinstance(data, dict) or data.get("token") != self.token:
            self.invalid_sessions += 1
            self._notify()
            await conn.send({"op": 9, "d": False})
            return
        await asyncio.wait_for(session._resume_gate.wait(), 10)
        seq = int(data.get("seq") or 0)
        async with session._lock:
            old = session._conn
            session._conn = conn
            conn.session = session
            for entry in session._log:
                if entry.seq > seq and await conn.send(entry.payload):
                    self._delivered(entry)
            session.seq += 1
            await conn.send({"op": 0, "t": "RESUMED", "s": session.seq, "d": {}})
            session.connected = True
            session.resumes += 1
        if old is not None and old is not conn:
            await old.close(RESUMABLE_CLOSE_CODE, "session resumed elsewhere")
        self.sessions[session.shard_id] = session
        self.resume_count[session.shard_id] += 1
        self._notify()

    async def _request_members(self, session: GatewaySession, data: Any) -> None:
        if not isinstance(data, dict) or int(data.get("guild_id") or 0) not in self.guilds:
            return
        guild = self.guilds[int(data["guild_id"])]
        query = str(data.get("query") or "").lower()
        user_ids = {int(u) for u in data.get("user_ids") or []}
        members = [
            m
            for m in guild.members
            if (m.user.id in user_ids if user_ids else m.user.username.lower().startswith(query))
        ]
        limit = int(data.get("limit") or 0)
        if limit:
            members = members[:limit]
        chunk: JSON = {
            "guild_id": str(guild.id),
            "members": [m.payload() for m in members],
            "chunk_index": 0,
            "chunk_count": 1,
            "not_found": [str(u) for u in user_ids - {m.user.id for m in members}],
        }
        if data.get("nonce") is not None:
            chunk["nonce"] = data["nonce"]
        await self._dispatch(session, "GUILD_MEMBERS_CHUNK", chunk)

    def _application_flags(self) -> int:
        flags = 0
        if self.privileged_intents & INTENT_GUILD_PRESENCES:
            flags |= 1 << 13  # GATEWAY_PRESENCE_LIMITED
        if self.privileged_intents & INTENT_GUILD_MEMBERS:
            flags |= 1 << 15  # GATEWAY_GUILD_MEMBERS_LIMITED
        if self.privileged_intents & INTENT_MESSAGE_CONTENT:
            flags |= 1 << 19  # GATEWAY_MESSAGE_CONTENT_LIMITED
        return flags

    def _guild_payload(self, guild: FakeGuild) -> JSON:
        return {
            "id": str(guild.id),
            "name": guild.name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "banner": None,
            "description": None,
            "owner_id": str(guild.owner_id),
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "roles": [r.payload() for r in guild.roles],
            "emojis": [],
            "stickers": [],
            "features": [],
            "mfa_level": 0,
            "nsfw_level": 0,
            "application_id": None,
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "vanity_url_code": None,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "premium_progress_bar_enabled": False,
            "preferred_locale": "en-US",
            "max_members": 500000,
        }

    def _guild_create(self, guild: FakeGuild, session: GatewaySession) -> JSON:
        # Without GUILD_MEMBERS Discord lists only the bot itself, and member_count still counts everyone.
        if session.has_intent(INTENT_GUILD_MEMBERS):
            members = guild.members
        else:
            members = [m for m in guild.members if m.user.id == self.bot_user.id]
        return {
            **self._guild_payload(guild),
            "unavailable": False,
            "large": False,
            "joined_at": "2024-01-01T00:00:00+00:00",
            "member_count": len(guild.members),
            "members": [m.payload() for m in members],
            "channels": [c.payload() for c in guild.channels],
            "threads": [],
            "presences": [],
            "voice_states": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
        }

    # -- internals: REST --

    def _build_routes(self) -> list[_Route]:
        snowflake = r"(?P<{}>\d+)"
        app = snowflake.format("app_id")
        guild = snowflake.format("guild_id")
        channel = snowflake.format("channel_id")
        message = snowflake.format("message_id")
        token = r"(?P<token>[^/]+)"
        table: list[tuple[str, str, Handler, str]] = [
            ("GET", "/users/@me", self._get_me, "bot"),
            ("GET", "/users/" + snowflake.format("user_id"), self._get_user, "bot"),
            ("POST", "/users/@me/channels", self._create_dm, "bot"),
            ("GET", "/oauth2/applications/@me", self._get_application, "bot"),
            ("GET", "/applications/@me", self._get_application, "bot"),
            ("GET", "/gateway", self._get_gateway, "url"),
            ("GET", "/gateway/bot", self._get_gateway_bot, "bot"),
            ("GET", f"/applications/{app}/commands", self._get_commands, "bot"),
            ("PUT", f"/applications/{app}/commands", self._put_commands, "bot"),
            ("GET", f"/applications/{app}/guilds/{guild}/commands", self._get_commands, "bot"),
            ("PUT", f"/applications/{app}/guilds/{guild}/commands", self._put_commands, "bot"),
            ("POST", rf"/interactions/(?P<interaction_id>\d+)/{token}/callback", self._callback, "url"),
            ("POST", f"/webhooks/{app}/{token}", self._followup, "url"),
            (
                "GET",
                f"/webhooks/{app}/{token}/messages/(?P<message_id>@original|\\d+)",
                self._webhook_msg,
                "url",
            ),
            (
                "PATCH",
                f"/webhooks/{app}/{token}/messages/(?P<message_id>@original|\\d+)",
                self._webhook_msg,
                "url",
            ),
            (
                "DELETE",
                f"/webhooks/{app}/{token}/messages/(?P<message_id>@original|\\d+)",
                self._webhook_msg,
                "url",
            ),
            ("GET", f"/channels/{channel}", self._get_channel, "bot"),
            ("POST", f"/channels/{channel}/messages", self._post_message, "bot"),
            ("GET", f"/channels/{channel}/messages", self._get_messages, "bot"),
            ("GET", f"/channels/{channel}/messages/{message}", self._channel_msg, "bot"),
            ("PATCH", f"/channels/{channel}/messages/{message}", self._channel_msg, "bot"),
            ("DELETE", f"/channels/{channel}/messages/{message}", self._channel_msg, "bot"),
            ("POST", f"/channels/{channel}/typing", self._typing, "bot"),
            (
                "PUT",
                f"/channels/{channel}/messages/{message}/reactions/(?P<emoji>[^/]+)/@me",
                self._react,
                "bot",
            ),
            (
                "DELETE",
                f"/channels/{channel}/messages/{message}/reactions/(?P<emoji>[^/]+)/@me",
                self._react,
                "bot",
            ),
            ("GET", f"/guilds/{guild}", self._get_guild, "bot"),
            ("GET", f"/guilds/{guild}/channels", self._get_guild, "bot"),
            ("GET", f"/guilds/{guild}/roles", self._get_guild, "bot"),
            ("GET", f"/guilds/{guild}/members/" + snowflake.format("user_id"), self._get_member, "bot"),
        ]
        return [_Route(m, re.compile(p), h, a) for m, p, h, a in table]

    async def _outside_api(self, request: web.Request) -> web.StreamResponse:
        record = RequestRecord(request.method, request.path, dict(request.query), None, (), 404)
        self.unknown_routes.append(record)
        self.requests.append(record)
        self._problem(f"{request.method} {request.path}: outside {API_PREFIX}")
        return _json_response(404, {"message": "404: Not Found", "code": 0})

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        query = dict(request.query)
        files: tuple[str, ...] = ()
        body: Any = None
        try:
            body, files = await _read_body(request)
        except ValueError:
            response = _json_response(
                400, {"message": "The request body contains invalid JSON.", "code": 50109}
            )
            self._problem(f"{request.method} {path}: invalid JSON body")
        else:
            req = _Request(request.method, path, {}, query, body, files)
            response = await self._route(req, request.headers.get("Authorization"))
        self.requests.append(RequestRecord(request.method, path, query, body, files, response.status))
        self._notify()
        return response

    async def _route(self, req: _Request, authorization: str | None) -> web.Response:
        path_known = False
        found: tuple[_Route, re.Match[str]] | None = None
        for candidate in self._routes:
            match = candidate.pattern.fullmatch(req.path)
            if match is None:
                continue
            path_known = True
            if candidate.method == req.method:
                found = (candidate, match)
                break
        if found is None:
            status = 405 if path_known else 404
            record = RequestRecord(req.method, req.path, req.query, req.body, req.files, status)
            self.unknown_routes.append(record)
            self._problem(f"{req.method} {req.path}: not implemented by the fake server")
            return _json_response(status, {"message": f"{status}: Not Found", "code": 0})
        route, match = found

        if (authorization is not None or route.auth == "bot") and authorization != f"Bot {self.token}":
            self._problem(f"{req.method} {req.path}: 401 (wrong or missing bot token)")
            return _json_response(401, {"message": "401: Unauthorized", "code": 0})

        limited = self._rate_limit(req)
        if limited is not None:
            return limited
        try:
            return await route.handler(
                _Request(req.method, req.path, match.groupdict(), req.query, req.body, req.files)
            )
        except _ApiError as error:
            self._problem(f"{req.method} {req.path}: {error.status} {error.code} {error.message}")
            return _json_response(error.status, error.payload())

    def _rate_limit(self, req: _Request) -> web.Response | None:
        now = time.monotonic()
        for hit in self.rate_limits:
            if hit.retried_after is None and hit.method == req.method and hit.path == req.path:
                hit.retried_after = now - hit.at
        for pending in self._pending_rate_limits:
            if pending.method == req.method and req.path.startswith(pending.path_prefix):
                self._pending_rate_limits.remove(pending)
                self.rate_limits.append(RateLimitHit(req.method, req.path, pending.retry_after, now))
                headers = {
                    # Without Via discord.py takes a 429 for a Cloudflare ban and does not retry.
                    "Via": "1.1 google",
                    "X-RateLimit-Limit": "5",
                    "X-RateLimit-Remaining": "0",
                    "X-RateLimit-Reset-After": f"{pending.retry_after:.3f}",
                    "X-RateLimit-Scope": "global" if pending.is_global else "user",
                    "Retry-After": str(max(1, round(pending.retry_after))),
                }
                if pending.is_global:
                    headers["X-RateLimit-Global"] = "true"
                body = {
                    "message": "You are being rate limited.",
                    "retry_after": pending.retry_after,
                    "global": pending.is_global,
                }
                return _json_response(429, body, headers)
        return None

    # REST handlers: users, application, gateway

    async def _get_me(self, req: _Request) -> web.Response:
        me = {
            **self.bot_user.payload(),
            "verified": True,
            "mfa_enabled": False,
            "email": None,
            "locale": "en-US",
        }
        return _json_response(200, me)

    async def _get_user(self, req: _Request) -> web.Response:
        user = self.users.get(int(req.params["user_id"]))
        if user is None:
            raise _ApiError(404, 10013, "Unknown User")
        return _json_response(200, user.payload())

    async def _create_dm(self, req: _Request) -> web.Response:
        recipient = self.users.get(int((req.body or {}).get("recipient_id") or 0))
        if recipient is None:
            raise _ApiError(400, 50033, "Invalid Recipient(s)")
        channel_id = self.dm_channel_for(recipient)
        return _json_response(200, self._dm_payload(channel_id, recipient))

    def _dm_payload(self, channel_id: int, recipient: FakeUser) -> JSON:
        return {
            "id": str(channel_id),
            "type": CHANNEL_DM,
            "last_message_id": None,
            "flags": 0,
            "recipients": [recipient.payload()],
        }

    async def _get_application(self, req: _Request) -> web.Response:
        return _json_response(
            200,
            {
                "id": str(self.application_id),
                "name": self.bot_user.username,
                "description": "",
                "icon": None,
                "bot_public": True,
                "bot_require_code_grant": False,
                "owner": self.owner.payload(),
                "team": None,
                "verify_key": "0" * 64,
                "summary": "",
                "flags": self._application_flags(),
                "bot": self.bot_user.payload(),
                "tags": [],
                "interactions_endpoint_url": None,
                "approximate_guild_count": len(self.guilds),
            },
        )

    async def _get_gateway(self, req: _Request) -> web.Response:
        return _json_response(200, {"url": self.gateway_url})

    async def _get_gateway_bot(self, req: _Request) -> web.Response:
        limit = {"total": 1000, "remaining": 999, "reset_after": 14_400_000, "max_concurrency": 1}
        return _json_response(
            200, {"url": self.gateway_url, "shards": self.shard_count, "session_start_limit": limit}
        )

    # REST handlers: application commands

    def _command_scope(self, req: _Request) -> int | None:
        if int(req.params["app_id"]) != self.application_id:
            raise _ApiError(403, 20012, "You are not authorized to perform this action on this application")
        if "guild_id" not in req.params:
            return None
        guild_id = int(req.params["guild_id"])
        if guild_id not in self.guilds:
            raise _ApiError(403, 50001, "Missing Access")
        return guild_id

    async def _get_commands(self, req: _Request) -> web.Response:
        return _json_response(200, self.commands.get(self._command_scope(req), []))

    async def _put_commands(self, req: _Request) -> web.Response:
        scope = self._command_scope(req)
        if not isinstance(req.body, list):
            raise _invalid_form("the body must be a list of commands")
        errors = _commands_errors(req.body)
        if errors:
            raise _invalid_form(*errors)
        existing = {(c["name"], c["type"]): c for c in self.commands.get(scope, [])}
        stored: list[JSON] = []
        for command in req.body:
            kind = int(command.get("type", 1))
            old = existing.get((command["name"], kind))
            entry: JSON = {
                "options": [],
                "default_member_permissions": None,
                "nsfw": False,
                "contexts": None,
                "integration_types": [0],
                "name_localizations": None,
                "description_localizations": None,
                **command,
                "id": old["id"] if old else str(self.snowflake()),
                "application_id": str(self.application_id),
                "version": str(self.snowflake()),
                "type": kind,
                "description": command.get("description", ""),
            }
            if scope is not None:
                entry["guild_id"] = str(scope)
            stored.append(entry)
        self.commands[scope] = stored
        return _json_response(200, stored)

    # REST handlers: interactions and their webhooks

    def _interaction_for_token(self, app_id: str, token: str) -> InteractionRecord:
        record = self._interactions_by_token.get(token)
        if record is None or int(app_id) != self.application_id:
            raise _ApiError(404, 10015, "Unknown Webhook")
        return record

    def _reject(self, record: InteractionRecord, error: _ApiError) -> _ApiError:
        record.rejected.append(f"{error.status} {error.code} {error.message}")
        return error

    async def _callback(self, req: _Request) -> web.Response:
        record = self.interactions.get(int(req.params["interaction_id"]))
        if record is None or record.token != req.params["token"]:
            raise _ApiError(404, 10062, "Unknown interaction")
        body = req.body if isinstance(req.body, dict) else {}
        elapsed = time.monotonic() - (record.delivered_at or time.monotonic())
        if record.callback is not None:
            raise self._reject(record, _ApiError(400, 40060, "Interaction has already been acknowledged."))
        if elapsed > self.interaction_deadline:
            message = f"Unknown interaction (answered {elapsed:.2f}s after delivery)"
            raise self._reject(record, _ApiError(404, 10062, message))
        kind = int(body.get("type") or 0)
        if kind not in ALLOWED_CALLBACKS.get(record.type, frozenset()):
            raise self._reject(
                record, _invalid_form(f"callback type {kind} is not valid for interaction type {record.type}")
            )
        data = body.get("data")
        if kind == 8:
            errors = _choices_errors(data)
            if errors:
                raise self._reject(record, _invalid_form(*errors))
            record.callback = Callback(kind, data, elapsed, None)
            self._notify()
            return web.Response(status=204)

        guild = self.guilds.get(record.guild_id) if record.guild_id is not None else None
        sent: SentMessage | None = None
        if kind in CALLBACKS_WITH_MESSAGE:
            payload: JSON = dict(data or {})
            try:
                if kind == 5:
                    flags = (int(payload.get("flags") or 0) & MESSAGE_FLAG_EPHEMERAL) | MESSAGE_FLAG_LOADING
                    sent = self._compose_loading(record, guild, flags, payload)
                elif kind == 7:
                    sent = self._compose(
                        channel_id=record.channel_id,
                        guild=guild,
                        payload=payload,
                        files=req.files,
                        base=record.original,
                    )
                else:
                    sent = self._compose(
                        channel_id=record.channel_id,
                        guild=guild,
                        payload=payload,
                        files=req.files,
                        msg_type=20 if record.type == INTERACTION_COMMAND else 0,
                        extra=self._interaction_extra(record),
                    )
            except _ApiError as error:
                raise self._reject(record, error) from None
            record.original = sent.message
        record.callback = Callback(kind, data, elapsed, sent)
        self._notify()
        if sent is not None:
            await self._broadcast_bot_message(
                guild, sent.message, "MESSAGE_UPDATE" if kind == 7 else "MESSAGE_CREATE"
            )
        interaction: JSON = {"id": str(record.id), "type": record.type}
        resource: JSON = {"type": kind}
        if sent is not None:
            flags = int(sent.message.get("flags") or 0)
            interaction.update(
                response_message_id=sent.message["id"],
                response_message_loading=bool(flags & MESSAGE_FLAG_LOADING),
                response_message_ephemeral=bool(flags & MESSAGE_FLAG_EPHEMERAL),
            )
            resource["message"] = sent.message
        return _json_response(200, {"interaction": interaction, "resource": resource})

    def _interaction_extra(self, record: InteractionRecord) -> JSON:
        return {
            "webhook_id": str(self.application_id),
            "application_id": str(self.application_id),
            "interaction_metadata": {
                "id": str(record.id),
                "type": record.type,
                "user": record.user.payload(),
                "authorizing_integration_owners": record.payload.get("authorizing_integration_owners", {}),
                "name": record.name,
            },
        }

    def _compose_loading(
        self, record: InteractionRecord, guild: FakeGuild | None, flags: int, payload: JSON
    ) -> SentMessage:
        # The "Bot is thinking..." placeholder: empty, so it skips the empty-message check.
        message: JSON = {
            "id": str(self.snowflake()),
            "type": 20 if record.type == INTERACTION_COMMAND else 0,
            "channel_id": str(record.channel_id),
            "content": "",
            "author": self.bot_user.payload(),
            "attachments": [],
            "embeds": [],
            "components": [],
            "mentions": [],
            "mention_roles": [],
            "mention_everyone": False,
            "pinned": False,
            "tts": False,
            "timestamp": _now_iso(),
            "edited_timestamp": None,
            "flags": flags,
            **self._interaction_extra(record),
        }
        if guild is not None:
            message["guild_id"] = str(guild.id)
        self.messages[int(message["id"])] = message
        return SentMessage(record.channel_id, payload, message, (), frozenset(), frozenset(), False)

    async def _followup(self, req: _Request) -> web.Response:
        record = self._interaction_for_token(req.params["app_id"], req.params["token"])
        if record.callback is None or record.callback.type == 8:
            raise self._reject(
                record, _ApiError(404, 10015, "Unknown Webhook (follow-up before the response)")
            )
        guild = self.guilds.get(record.guild_id) if record.guild_id is not None else None
        payload = dict(req.body or {})
        original = record.original
        try:
            if original is not None and int(original.get("flags") or 0) & MESSAGE_FLAG_LOADING:
                # Discord turns the first follow-up after a deferral into the deferred message itself.
                sent = self._compose(
                    channel_id=record.channel_id, guild=guild, payload=payload, files=req.files, base=original
                )
                sent.message["edited_timestamp"] = None
                record.original = sent.message
            else:
                sent = self._compose(
                    channel_id=record.channel_id,
                    guild=guild,
                    payload=payload,
                    files=req.files,
                    extra=self._interaction_extra(record),
                )
        except _ApiError as error:
            raise self._reject(record, error) from None
        record.followups.append(sent)
        self._notify()
        await self._broadcast_bot_message(guild, sent.message, "MESSAGE_CREATE")
        if req.query.get("wait", "").lower() in ("1", "true"):
            return _json_response(200, sent.message)
        return web.Response(status=204)

    async def _webhook_msg(self, req: _Request) -> web.Response:
        record = self._interaction_for_token(req.params["app_id"], req.params["token"])
        raw_id = req.params["message_id"]
        if raw_id == "@original":
            if record.callback is None:
                raise self._reject(record, _ApiError(404, 10015, "Unknown Webhook (no response yet)"))
            target = record.original
        else:
            ids = {int(m.message["id"]) for m in record.followups}
            target = self.messages.get(int(raw_id)) if int(raw_id) in ids else None
        if target is None:
            raise self._reject(record, _ApiError(404, 10008, "Unknown Message"))
        guild = self.guilds.get(record.guild_id) if record.guild_id is not None else None
        if req.method == "GET":
            return _json_response(200, target)
        if req.method == "DELETE":
            self.deleted_message_ids.append(int(target["id"]))
            self.messages.pop(int(target["id"]), None)
            if raw_id == "@original":
                record.original = None
            self._notify()
            return web.Response(status=204)
        try:
            sent = self._compose(
                channel_id=record.channel_id,
                guild=guild,
                payload=dict(req.body or {}),
                files=req.files,
                base=target,
            )
        except _ApiError as error:
            raise self._reject(record, error) from None
        if raw_id == "@original":
            record.original = sent.message
        record.edits.append(sent)
        self._notify()
        await self._broadcast_bot_message(guild, sent.message, "MESSAGE_UPDATE")
        return _json_response(200, sent.message)

    # REST handlers: channels and messages

    def _channel(self, channel_id: int) -> tuple[FakeGuild | None, FakeChannel]:
        for guild in self.guilds.values():
            channel = guild.channel(channel_id)
            if channel is not None:
                return guild, channel
        if channel_id in self._dm_recipients:
            return None, FakeChannel(channel_id, "", CHANNEL_DM)
        raise _ApiError(404, 10003, "Unknown Channel")

    def _require(self, guild: FakeGuild | None, channel: FakeChannel, needed: int) -> None:
        if guild is None:
            return
        have = self.permissions(guild.id, self.bot_user.id, channel.id)
        if needed & ~have:
            raise _ApiError(403, 50013, f"Missing Permissions (lacks {needed & ~have:#x})")

    async def _get_channel(self, req: _Request) -> web.Response:
        guild, channel = self._channel(int(req.params["channel_id"]))
        if guild is None:
            recipient = self.users[self._dm_recipients[channel.id]]
            return _json_response(200, self._dm_payload(channel.id, recipient))
        self._require(guild, channel, PERM_VIEW_CHANNEL)
        return _json_response(200, channel.payload(guild.id))

    async def _post_message(self, req: _Request) -> web.Response:
        guild, channel = self._channel(int(req.params["channel_id"]))
        payload = dict(req.body or {})
        needed = PERM_VIEW_CHANNEL | PERM_SEND_MESSAGES
        if payload.get("message_reference"):
            needed |= PERM_READ_MESSAGE_HISTORY
        if req.files:
            needed |= PERM_ATTACH_FILES
        self._require(guild, channel, needed)
        if channel.type not in MESSAGEABLE_CHANNEL_TYPES:
            raise _ApiError(400, 50008, "Cannot send messages in a non-text channel")
        sent = self._compose(channel_id=channel.id, guild=guild, payload=payload, files=req.files)
        self.channel_messages.append(sent)
        self._notify()
        await self._broadcast_bot_message(guild, sent.message, "MESSAGE_CREATE")
        return _json_response(200, sent.message)

    async def _get_messages(self, req: _Request) -> web.Response:
        guild, channel = self._channel(int(req.params["channel_id"]))
        self._require(guild, channel, PERM_VIEW_CHANNEL | PERM_READ_MESSAGE_HISTORY)
        limit = int(req.query.get("limit", "50"))
        found = [m for m in self.messages.values() if int(m["channel_id"]) == channel.id]
        newest_first = sorted(found, key=lambda m: int(m["id"]), reverse=True)[:limit]
        return _json_response(200, [self._visible(None, guild, m) for m in newest_first])

    async def _channel_msg(self, req: _Request) -> web.Response:
        guild, channel = self._channel(int(req.params["channel_id"]))
        message = self.messages.get(int(req.params["message_id"]))
        if message is None or int(message["channel_id"]) != channel.id:
            raise _ApiError(404, 10008, "Unknown Message")
        own = int(message["author"]["id"]) == self.bot_user.id
        if req.method == "GET":
            self._require(guild, channel, PERM_VIEW_CHANNEL | PERM_READ_MESSAGE_HISTORY)
            return _json_response(200, self._visible(None, guild, message))
        if req.method == "DELETE":
            self._require(guild, channel, PERM_VIEW_CHANNEL | (0 if own else PERM_MANAGE_MESSAGES))
            self.deleted_message_ids.append(int(message["id"]))
            del self.messages[int(message["id"])]
            self._notify()
            return web.Response(status=204)
        if not own:
            raise _ApiError(403, 50005, "Cannot edit a message authored by another user")
        sent = self._compose(
            channel_id=channel.id, guild=guild, payload=dict(req.body or {}), files=req.files, base=message
        )
        self.message_edits.append(sent)
        self._notify()
        await self._broadcast_bot_message(guild, sent.message, "MESSAGE_UPDATE")
        return _json_response(200, sent.message)

    async def _typing(self, req: _Request) -> web.Response:
        guild, channel = self._channel(int(req.params["channel_id"]))
        self._require(guild, channel, PERM_VIEW_CHANNEL | PERM_SEND_MESSAGES)
        return web.Response(status=204)

    async def _react(self, req: _Request) -> web.Response:
        guild, channel = self._channel(int(req.params["channel_id"]))
        message_id = int(req.params["message_id"])
        if message_id not in self.messages:
            raise _ApiError(404, 10008, "Unknown Message")
        self._require(guild, channel, PERM_VIEW_CHANNEL | PERM_READ_MESSAGE_HISTORY | PERM_ADD_REACTIONS)
        if req.method == "PUT":
            self.reactions.append((channel.id, message_id, req.params["emoji"]))
        self._notify()
        return web.Response(status=204)

    # REST handlers: guilds

    async def _get_guild(self, req: _Request) -> web.Response:
        guild = self.guilds.get(int(req.params["guild_id"]))
        if guild is None:
            raise _ApiError(404, 10004, "Unknown Guild")
        if req.path.endswith("/channels"):
            return _json_response(200, [c.payload(guild.id) for c in guild.channels])
        if req.path.endswith("/roles"):
            return _json_response(200, [r.payload() for r in guild.roles])
        return _json_response(200, self._guild_payload(guild))

    async def _get_member(self, req: _Request) -> web.Response:
        guild = self.guilds.get(int(req.params["guild_id"]))
        if guild is None:
            raise _ApiError(404, 10004, "Unknown Guild")
        member = guild.member(int(req.params["user_id"]))
        if member is None:
            raise _ApiError(404, 10007, "Unknown Member")
        return _json_response(200, member.payload())


# --- Validation as Discord does it -----------------------------------------------------------------------


async def _read_body(request: web.Request) -> tuple[Any, tuple[str, ...]]:
    """The JSON body (or multipart payload_json) and the names of uploaded files."""
    if not request.can_read_body:
        return None, ()
    if request.content_type.startswith("multipart/"):
        form = await request.post()
        raw = form.get("payload_json")
        body = json.loads(raw) if isinstance(raw, str) else None
        files = tuple(v.filename for v in form.values() if isinstance(v, web.FileField))
        return body, files
    text = await request.text()
    if request.content_type == "application/json":
        return (json.loads(text) if text else None), ()
    return (text or None), ()


def _infer_option_type(value: OptionValue) -> int:
    if isinstance(value, bool):
        return 5
    if isinstance(value, int):
        return 4
    if isinstance(value, float):
        return 10
    if isinstance(value, FakeUser):
        return 6
    if isinstance(value, FakeChannel):
        return 7
    if isinstance(value, FakeRole):
        return 8
    return 3


def _message_errors(message: JSON, *, has_files: bool) -> list[str]:
    errors: list[str] = []
    content = message.get("content") or ""
    if not isinstance(content, str):
        return ["content: must be a string"]
    if len(content) > 2000:
        errors.append(f"content: Must be 2000 or fewer in length (got {len(content)})")
    embeds = message.get("embeds") or []
    if len(embeds) > 10:
        errors.append("embeds: Must be 10 or fewer in length")
    total = 0
    for index, embed in enumerate(embeds):
        for key, limit in (("title", 256), ("description", 4096)):
            text = str(embed.get(key) or "")
            total += len(text)
            if len(text) > limit:
                errors.append(f"embeds.{index}.{key}: Must be {limit} or fewer in length")
        fields = embed.get("fields") or []
        if len(fields) > 25:
            errors.append(f"embeds.{index}.fields: Must be 25 or fewer in length")
        for f_index, embed_field in enumerate(fields):
            name, value = str(embed_field.get("name") or ""), str(embed_field.get("value") or "")
            total += len(name) + len(value)
            if not name or len(name) > 256:
                errors.append(f"embeds.{index}.fields.{f_index}.name: must be 1 to 256 long")
            if not value or len(value) > 1024:
                errors.append(f"embeds.{index}.fields.{f_index}.value: must be 1 to 1024 long")
        footer = str((embed.get("footer") or {}).get("text") or "")
        author = str((embed.get("author") or {}).get("name") or "")
        total += len(footer) + len(author)
        if len(footer) > 2048:
            errors.append(f"embeds.{index}.footer.text: Must be 2048 or fewer in length")
        if len(author) > 256:
            errors.append(f"embeds.{index}.author.name: Must be 256 or fewer in length")
    if total > 6000:
        errors.append("embeds: Embed size exceeds maximum size of 6000")
    return errors


def _choices_errors(data: Any) -> list[str]:
    if not isinstance(data, dict) or not isinstance(data.get("choices"), list):
        return ["data.choices: required for an autocomplete result"]
    choices: list[Any] = data["choices"]
    errors = (
        [f"data.choices: Must be 25 or fewer in length (got {len(choices)})"] if len(choices) > 25 else []
    )
    for index, choice in enumerate(choices):
        name, value = str(choice.get("name") or ""), choice.get("value")
        if not 1 <= len(name) <= 100:
            errors.append(f"data.choices.{index}.name: Must be between 1 and 100 in length (got {len(name)})")
        if isinstance(value, str) and len(value) > 100:
            errors.append(f"data.choices.{index}.value: Must be 100 or fewer in length (got {len(value)})")
    return errors


def _commands_errors(commands: list[Any]) -> list[str]:
    errors: list[str] = []
    seen: set[tuple[str, int]] = set()
    for index, command in enumerate(commands):
        if not isinstance(command, dict):
            errors.append(f"{index}: must be an object")
            continue
        kind = int(command.get("type", 1))
        name = str(command.get("name") or "")
        key = (name, kind)
        if key in seen:
            errors.append(f"{index}.name: Application command names must be unique")
        seen.add(key)
        if kind == 1:
            errors += _option_errors(f"{index}", command)
        elif not 1 <= len(name) <= 32:
            errors.append(f"{index}.name: must be 1 to 32 long")
    if sum(1 for c in commands if isinstance(c, dict) and int(c.get("type", 1)) == 1) > 100:
        errors.append("at most 100 slash commands")
    return errors


def _option_errors(where: str, node: JSON) -> list[str]:
    """Discord's checks on a slash command or option: names, descriptions, counts, ordering."""
    errors: list[str] = []
    name = str(node.get("name") or "")
    if not COMMAND_NAME.match(name) or name != name.lower():
        errors.append(f"{where}.name: {name!r} must be 1-32 lowercase letters, digits, - or _")
    description = str(node.get("description") or "")
    if not 1 <= len(description) <= 100:
        errors.append(f"{where}.description: must be 1 to 100 long (got {len(description)})")
    choices = node.get("choices") or []
    if len(choices) > 25:
        errors.append(f"{where}.choices: Must be 25 or fewer in length")
    if choices and node.get("autocomplete"):
        errors.append(f"{where}: autocomplete and choices are mutually exclusive")
    options = node.get("options") or []
    if len(options) > 25:
        errors.append(f"{where}.options: Must be 25 or fewer in length")
    optional_seen = False
    for index, option in enumerate(options):
        errors += _option_errors(f"{where}.options.{index}", option)
        if option.get("type") in (1, 2):
            continue
        if option.get("required"):
            if optional_seen:
                errors.append(f"{where}.options.{index}: required options must come before optional ones")
        else:
            optional_seen = True
    return errors


# --- Pointing discord.py at the server --------------------------------------------------------------------


@contextlib.contextmanager
def point_discord_py_at(server: FakeDiscord) -> Iterator[None]:
    """Patch ``Route.BASE`` and ``DEFAULT_GATEWAY`` to the server, restoring both afterwards."""
    old_base = discord.http.Route.BASE
    old_gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    discord.http.Route.BASE = server.api_base
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(server.gateway_url)
    try:
        yield
    finally:
        discord.http.Route.BASE = old_base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = old_gateway


ClientT = TypeVar("ClientT", bound=discord.Client)


@contextlib.asynccontextmanager
async def running_client(
    server: FakeDiscord, client: ClientT, *, timeout: float = 5.0
) -> AsyncIterator[ClientT]:
    """Log the client in to the server, connect it, wait for on_ready; close it on exit."""
    with point_discord_py_at(server):
        task: asyncio.Task[None] | None = None
        try:
            await asyncio.wait_for(client.login(server.token), timeout)
            task = asyncio.create_task(client.connect(reconnect=True))
            ready = asyncio.create_task(client.wait_until_ready())
            done, _ = await asyncio.wait({task, ready}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
            if ready not in done:
                ready.cancel()
                if task in done:
                    task.result()  # raises what stopped the client
                raise FakeDiscordTimeoutError(
                    f"client not ready after {timeout}s; problems={server.problems!r}"
                )
            yield client
        finally:
            await client.close()
            if task is not None:
                with contextlib.suppress(Exception, asyncio.CancelledError):
                    await asyncio.wait_for(task, timeout)


def run_scenario(scenario: Callable[[], Coroutine[Any, Any, None]], timeout: float = 20.0) -> None:
    """Run an async scenario in a fresh event loop, bounded so a broken test cannot hang."""

    async def bounded() -> None:
        await asyncio.wait_for(scenario(), timeout)

    asyncio.run(bounded())
