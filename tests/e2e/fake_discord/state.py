"""The world the bot lives in (users, guilds, channels) and what the server records of the bot's requests."""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import web

JSON = dict[str, Any]

DISCORD_EPOCH_MS = 1_420_070_400_000
HOST = "127.0.0.1"
API_PREFIX = "/api/v10"

# Gateway intents (https://discord.com/developers/docs/events/gateway#gateway-intents).
INTENT_GUILDS = 1 << 0
INTENT_GUILD_MEMBERS = 1 << 1
INTENT_GUILD_PRESENCES = 1 << 8
INTENT_GUILD_MESSAGES = 1 << 9
INTENT_DIRECT_MESSAGES = 1 << 12
INTENT_MESSAGE_CONTENT = 1 << 15
PRIVILEGED_INTENTS = INTENT_GUILD_MEMBERS | INTENT_GUILD_PRESENCES | INTENT_MESSAGE_CONTENT

PERM_ADMINISTRATOR = 1 << 3
PERM_MANAGE_GUILD = 1 << 5
PERM_VIEW_CHANNEL = 1 << 10
PERM_SEND_MESSAGES = 1 << 11
PERM_EMBED_LINKS = 1 << 14
PERM_READ_MESSAGE_HISTORY = 1 << 16
PERM_USE_APPLICATION_COMMANDS = 1 << 31
ALL_PERMISSIONS = (1 << 51) - 1
EVERYONE_PERMISSIONS = (
    PERM_VIEW_CHANNEL
    | PERM_SEND_MESSAGES
    | PERM_EMBED_LINKS
    | PERM_READ_MESSAGE_HISTORY
    | PERM_USE_APPLICATION_COMMANDS
)

MESSAGE_FLAG_EPHEMERAL = 1 << 6
MESSAGE_FLAG_LOADING = 1 << 7  # the "Bot is thinking..." placeholder of a deferred reply
CHANNEL_TEXT, CHANNEL_DM = 0, 1
INTERACTION_COMMAND, INTERACTION_AUTOCOMPLETE = 2, 4


def now_iso() -> str:
    """The current time as Discord writes timestamps."""
    return datetime.now(UTC).isoformat()


def json_response(status: int, payload: Any, headers: dict[str, str] | None = None) -> web.Response:
    """A JSON reply with Content-Type exactly application/json: discord.py reads "; charset=..." as text."""
    body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
    return web.Response(
        status=status, body=body, headers={"Content-Type": "application/json", **(headers or {})}
    )


@dataclass(frozen=True)
class FakeUser:
    """A Discord user."""

    id: int
    username: str
    bot: bool = False

    @property
    def mention(self) -> str:
        """The ``<@id>`` text that mentions this user."""
        return f"<@{self.id}>"

    def payload(self) -> JSON:
        """The user object as Discord sends it."""
        return {
            "id": str(self.id),
            "username": self.username,
            "discriminator": "0",
            "global_name": None,
            "avatar": None,
            "bot": self.bot,
            "public_flags": 0,
        }


@dataclass(frozen=True)
class FakeRole:
    """A guild role; the @everyone role has the guild's id."""

    id: int
    name: str
    permissions: int = 0

    def payload(self) -> JSON:
        """The role object as Discord sends it."""
        return {
            "id": str(self.id),
            "name": self.name,
            "permissions": str(self.permissions),
            "position": 0 if self.name == "@everyone" else 1,
            "color": 0,
            "hoist": False,
            "managed": False,
            "mentionable": False,
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
    """A guild text channel."""

    id: int
    name: str
    position: int = 0
    overwrites: tuple[FakeOverwrite, ...] = ()

    def payload(self, guild_id: int) -> JSON:
        """The channel object as Discord sends it."""
        return {
            "id": str(self.id),
            "type": CHANNEL_TEXT,
            "guild_id": str(guild_id),
            "name": self.name,
            "position": self.position,
            "parent_id": None,
            "nsfw": False,
            "permission_overwrites": [o.payload() for o in self.overwrites],
        }


@dataclass(frozen=True)
class FakeMember:
    """A user's membership of a guild."""

    user: FakeUser
    roles: tuple[int, ...] = ()

    def payload(self, *, with_user: bool = True) -> JSON:
        """The guild member object as Discord sends it."""
        data: JSON = {
            "roles": [str(r) for r in self.roles],
            "nick": None,
            "joined_at": "2024-01-01T00:00:00+00:00",
            "deaf": False,
            "mute": False,
            "flags": 0,
        }
        if with_user:
            data["user"] = self.user.payload()
        return data


@dataclass(eq=False)
class FakeGuild:
    """A guild with its channels, roles and members; members may join while the bot runs."""

    id: int
    name: str
    owner_id: int
    channels: list[FakeChannel]
    roles: list[FakeRole]
    members: list[FakeMember]

    def channel(self, channel_id: int) -> FakeChannel | None:
        """The channel with this id, if the guild has it."""
        return next((c for c in self.channels if c.id == channel_id), None)

    def member(self, user_id: int) -> FakeMember | None:
        """The member with this user id, if the user is in the guild."""
        return next((m for m in self.members if m.user.id == user_id), None)


@dataclass(frozen=True)
class SentMessage:
    """A message the bot sent: the request body and the message object Discord stored."""

    channel_id: int
    payload: JSON
    message: JSON
    pinged_user_ids: frozenset[int]
    pinged_role_ids: frozenset[int]
    pinged_everyone: bool

    @property
    def content(self) -> str:
        """The message text."""
        return str(self.message.get("content") or "")

    @property
    def embeds(self) -> list[JSON]:
        """The embeds as sent."""
        return list(self.message.get("embeds") or [])

    @property
    def title(self) -> str:
        """The first embed's title, or "" when there is no embed."""
        return str(self.embeds[0].get("title") or "") if self.embeds else ""

    @property
    def ephemeral(self) -> bool:
        """Whether only the asker sees it."""
        return bool(int(self.message.get("flags") or 0) & MESSAGE_FLAG_EPHEMERAL)

    @property
    def reply_to(self) -> int | None:
        """The id of the message this one replies to."""
        reference = self.message.get("message_reference")
        return int(reference["message_id"]) if reference else None

    @property
    def pings_no_one(self) -> bool:
        """Sent with every kind of mention switched off, and so pinging no one."""
        allowed = self.payload.get("allowed_mentions")
        switched_off = (
            allowed is not None
            and allowed.get("parse") == []
            and not allowed.get("users")
            and not allowed.get("roles")
            and not allowed.get("replied_user")
        )
        pinged = self.pinged_user_ids or self.pinged_role_ids or self.pinged_everyone
        return switched_off and not pinged


@dataclass(frozen=True)
class Callback:
    """The bot's answer to POST /interactions/{id}/{token}/callback."""

    type: int
    data: JSON | None
    elapsed: float  # seconds since INTERACTION_CREATE left the socket
    message: SentMessage | None


@dataclass(eq=False)
class InteractionRecord:
    """An interaction the server dispatched, and what the bot did with it."""

    id: int
    token: str
    type: int
    name: str
    guild_id: int | None
    channel_id: int
    user: FakeUser
    shard_id: int
    queued: bool = False  # the gateway was down: it waits for a RESUME
    delivered_at: float | None = None
    callback: Callback | None = None
    followups: list[SentMessage] = field(default_factory=list)
    original: JSON | None = None
    rejected: list[str] = field(default_factory=list)

    @property
    def choices(self) -> list[JSON]:
        """The autocomplete choices the bot returned (empty before the callback)."""
        if self.callback is None or self.callback.data is None:
            return []
        return list(self.callback.data.get("choices") or [])


@dataclass
class RateLimitHit:
    """A 429 the server answered on the test's order, and how long the client waited to come back."""

    method: str
    path: str
    retry_after: float
    at: float
    retried_after: float | None = None


class State:
    """Everything the fake knows: the world, the bot's commands and messages, and what went wrong."""

    def __init__(self, *, token: str, application_id: int, shard_count: int, privileged_intents: int) -> None:
        self._last_snowflake = 0
        self.application_id = application_id
        self.token = token
        self.shard_count = shard_count
        self.privileged_intents = privileged_intents
        self.bot_user = FakeUser(application_id, "TestBot", bot=True)
        self.users: dict[int, FakeUser] = {self.bot_user.id: self.bot_user}
        self.guilds: dict[int, FakeGuild] = {}
        self.dm_channels: dict[int, int] = {}  # user id -> DM channel id
        self.commands: dict[int | None, list[JSON]] = {}  # guild id (None: global) -> synced commands
        self.interactions: dict[int, InteractionRecord] = {}
        self.messages: dict[int, JSON] = {}
        self.channel_messages: list[SentMessage] = []  # what the bot posted to channels, in order
        self.rate_limits: list[RateLimitHit] = []
        self.problems: list[str] = []  # every request the fake refused, as Discord would
        self.port = 0
        self._changed = asyncio.Event()

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
        while shard_id is not None and self.shard_for(guild_id) != shard_id:
            guild_id += 1 << 22  # one millisecond later
        self._last_snowflake = max(self._last_snowflake, guild_id)
        return guild_id

    def new_user(self, username: str, *, bot: bool = False) -> FakeUser:
        """A new registered user."""
        user = FakeUser(self.snowflake(), username, bot)
        self.users[user.id] = user
        return user

    def new_role(self, name: str, permissions: int = 0) -> FakeRole:
        """A role with a fresh id, to pass to ``add_guild``."""
        return FakeRole(self.snowflake(), name, permissions)

    def new_channel(
        self, name: str, *, position: int = 0, overwrites: tuple[FakeOverwrite, ...] = ()
    ) -> FakeChannel:
        """A text channel with a fresh id, to pass to ``add_guild``."""
        return FakeChannel(self.snowflake(), name, position, overwrites)

    def add_guild(
        self,
        guild_id: int | None,
        name: str,
        channels: list[FakeChannel],
        roles: list[FakeRole],
        members: list[FakeMember],
        owner_id: int,
    ) -> FakeGuild:
        """Add a guild before the bot connects; adds the @everyone role and the bot as a member."""
        gid = guild_id or self.new_guild_id()
        everyone = FakeRole(gid, "@everyone", EVERYONE_PERMISSIONS)
        guild = FakeGuild(
            gid, name, owner_id, channels, [everyone, *roles], [*members, FakeMember(self.bot_user)]
        )
        self.guilds[gid] = guild
        return guild

    def join(self, guild: FakeGuild, username: str, roles: tuple[int, ...] = ()) -> FakeUser:
        """A new user who joins the guild (the bot hears nothing: it has no members intent)."""
        user = self.new_user(username)
        guild.members.append(FakeMember(user, roles))
        return user

    def dm_channel_for(self, user: FakeUser) -> int:
        """The id of the DM channel between the bot and this user, made on first use."""
        if user.id not in self.dm_channels:
            self.dm_channels[user.id] = self.snowflake()
        return self.dm_channels[user.id]

    def guild_of_channel(self, channel_id: int) -> FakeGuild | None:
        """The guild that has this channel; None for a DM channel."""
        return next((g for g in self.guilds.values() if g.channel(channel_id) is not None), None)

    def notify(self) -> None:
        """Wake everything waiting for a change."""
        changed, self._changed = self._changed, asyncio.Event()
        changed.set()

    def problem(self, text: str) -> None:
        """Record a request the fake refused."""
        self.problems.append(text)
        self.notify()
