"""The gateway: zlib-stream websocket, HELLO, heartbeats, IDENTIFY, READY, GUILD_CREATE, dispatch, RESUME."""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
import time
import zlib
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from tests.e2e.fake_discord.state import (
    HOST,
    INTENT_MESSAGE_CONTENT,
    JSON,
    PRIVILEGED_INTENTS,
    FakeGuild,
    State,
)

RESUMABLE_CLOSE_CODE = 4000
MAX_LOGGED_EVENTS = 2000


@dataclass(frozen=True)
class _LoggedEvent:
    seq: int
    payload: JSON
    interaction_id: int | None


def _open_gate() -> asyncio.Event:
    event = asyncio.Event()
    event.set()
    return event


class _Connection:
    """One websocket; owns the per-connection zlib stream."""

    def __init__(self, ws: web.WebSocketResponse, compressed: bool) -> None:
        self.ws = ws
        # One compressobj for the whole connection: the client inflates one continuous stream.
        self._zlib = zlib.compressobj() if compressed else None
        self._lock = asyncio.Lock()
        self.session: GatewaySession | None = None
        self.tasks: set[asyncio.Task[None]] = set()

    async def send(self, payload: JSON) -> bool:
        """Send one gateway payload; False if the socket is gone."""
        raw = json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
        async with self._lock:
            if self.ws.closed:
                return False
            try:
                if self._zlib is None:
                    await self.ws.send_str(raw)
                else:
                    await self.ws.send_bytes(
                        self._zlib.compress(raw.encode()) + self._zlib.flush(zlib.Z_SYNC_FLUSH)
                    )
            except (ConnectionError, RuntimeError):
                return False
        return True

    async def close(self, code: int, message: str) -> None:
        """Close the socket with a gateway close code."""
        with contextlib.suppress(ConnectionError, RuntimeError, asyncio.TimeoutError):
            await self.ws.close(code=code, message=message.encode())


@dataclass(eq=False)
class GatewaySession:
    """One identified session (one shard); outlives a dropped socket until the client resumes."""

    session_id: str
    shard_id: int
    shard_count: int
    intents: int
    guild_ids: list[int]
    seq: int = 0
    connected: bool = False
    _conn: _Connection | None = field(default=None, repr=False)
    _log: list[_LoggedEvent] = field(default_factory=list, repr=False)
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock, repr=False)
    _resume_gate: asyncio.Event = field(default_factory=_open_gate, repr=False)

    def has_intent(self, intent: int) -> bool:
        """Whether the client asked for this intent in IDENTIFY."""
        return bool(self.intents & intent)


class Gateway:
    """Gateway sessions by shard, and the websocket handler the server mounts at / and /resume."""

    def __init__(self, state: State, heartbeat_interval_ms: int) -> None:
        self.state = state
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.sessions: dict[int, GatewaySession] = {}
        self.identify_count: Counter[int] = Counter()
        self.resume_count: Counter[int] = Counter()
        self._by_id: dict[str, GatewaySession] = {}
        self._connections: set[_Connection] = set()

    def session_for(self, guild_id: int | None) -> GatewaySession:
        """The session of the shard that owns a guild (shard 0 for DMs)."""
        for session in self.sessions.values():
            if guild_id is None and session.shard_id == 0:
                return session
            if (
                guild_id is not None
                and self.state.shard_for(guild_id, session.shard_count) == session.shard_id
            ):
                return session
        raise RuntimeError(f"no gateway session owns guild {guild_id}: is the bot connected?")

    async def dispatch(
        self, session: GatewaySession, event: str, data: JSON, *, interaction_id: int | None = None
    ) -> bool:
        """Log a DISPATCH in the session (for RESUME) and send it if the session has a live socket."""
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

    async def drop(self, shard_id: int = 0) -> None:
        """Close a shard's socket with a resumable code; later events wait in the session for RESUME."""
        session = self.sessions[shard_id]
        async with session._lock:
            conn, session.connected = session._conn, False
        if conn is not None:
            await conn.close(RESUMABLE_CLOSE_CODE, "dropped by the test")

    @contextlib.asynccontextmanager
    async def down(self, shard_id: int = 0) -> AsyncIterator[None]:
        """Drop the socket and hold any RESUME until the block exits, so events sent inside are replayed."""
        session = self.sessions[shard_id]
        session._resume_gate.clear()
        try:
            await self.drop(shard_id)
            yield
        finally:
            session._resume_gate.set()

    async def close_all(self) -> None:
        """Close every socket, for shutdown."""
        await asyncio.gather(*(c.close(1001, "server stopping") for c in list(self._connections)))

    def _delivered(self, entry: _LoggedEvent) -> None:
        record = self.state.interactions.get(entry.interaction_id or 0)
        if record is not None and record.delivered_at is None:
            record.delivered_at = time.monotonic()  # Discord's 3 s clock starts here

    async def handle(self, request: web.Request) -> web.StreamResponse:
        """One websocket connection, from HELLO to close."""
        ws = web.WebSocketResponse(timeout=2.0, max_msg_size=0)
        await ws.prepare(request)
        conn = _Connection(ws, request.query.get("compress") == "zlib-stream")
        self._connections.add(conn)
        try:
            if request.query.get("encoding", "json") != "json":
                self.state.problem(f"gateway: unsupported query {dict(request.query)}")
                await conn.close(4002, "Decode error")
                return ws
            await conn.send({"op": 10, "d": {"heartbeat_interval": self.heartbeat_interval_ms}})
            async for msg in ws:
                if msg.type is WSMsgType.TEXT:
                    await self._on_message(conn, msg.data)
        finally:
            self._connections.discard(conn)
            for task in conn.tasks:
                task.cancel()
            session = conn.session
            if session is not None and session._conn is conn:
                session._conn, session.connected = None, False
            self.state.notify()
        return ws

    async def _on_message(self, conn: _Connection, text: str) -> None:
        try:
            msg = json.loads(text)
            op, data = msg["op"], msg.get("d")
        except (ValueError, KeyError, TypeError):
            self.state.problem(f"gateway: undecodable payload {text[:200]!r}")
            await conn.close(4002, "Decode error")
            return
        if op == 1:
            await conn.send({"op": 11})
        elif op == 2:
            await self._identify(conn, data)
        elif op == 6:
            # In a task so heartbeats keep being acknowledged while a test holds the RESUME back.
            task = asyncio.create_task(self._resume(conn, data))
            conn.tasks.add(task)
            task.add_done_callback(conn.tasks.discard)
        else:
            self.state.problem(f"gateway: opcode {op}, which this bot is not expected to send")
            await conn.close(4001, "Unknown opcode")

    async def _identify(self, conn: _Connection, data: Any) -> None:
        state = self.state
        if not isinstance(data, dict) or data.get("token") != state.token:
            state.problem("gateway: IDENTIFY with a wrong token")
            await conn.close(4004, "Authentication failed")
            return
        intents = int(data.get("intents", 0))
        if intents & PRIVILEGED_INTENTS & ~state.privileged_intents:
            state.problem(f"gateway: privileged intents {intents & PRIVILEGED_INTENTS:#x} are not enabled")
            await conn.close(4014, "Disallowed intent(s)")
            return
        shard_id, shard_count = (int(n) for n in data.get("shard") or (0, 1))
        if not 0 <= shard_id < shard_count:
            state.problem(f"gateway: invalid shard {data.get('shard')}")
            await conn.close(4010, "Invalid shard")
            return
        owned = [gid for gid in state.guilds if state.shard_for(gid, shard_count) == shard_id]
        session = GatewaySession(secrets.token_hex(16), shard_id, shard_count, intents, owned, connected=True)
        session._conn, conn.session = conn, session
        self._by_id[session.session_id] = session
        self.sessions[shard_id] = session
        flags = (
            (1 << 19) if state.privileged_intents & INTENT_MESSAGE_CONTENT else 0
        )  # MESSAGE_CONTENT_LIMITED
        ready: JSON = {
            "v": 10,
            "user": {**state.bot_user.payload(), "verified": True, "mfa_enabled": False},
            "guilds": [{"id": str(gid), "unavailable": True} for gid in owned],
            "session_id": session.session_id,
            "resume_gateway_url": f"ws://{HOST}:{state.port}/resume",
            "application": {"id": str(state.application_id), "flags": flags},
            "private_channels": [],
            "shard": [shard_id, shard_count],
        }
        await self.dispatch(session, "READY", ready)
        for gid in owned:
            await self.dispatch(session, "GUILD_CREATE", self._guild_create(state.guilds[gid]))
        self.identify_count[shard_id] += 1
        state.notify()

    async def _resume(self, conn: _Connection, data: Any) -> None:
        session = self._by_id.get(data.get("session_id", "")) if isinstance(data, dict) else None
        if session is None or not isinstance(data, dict) or data.get("token") != self.state.token:
            await conn.send({"op": 9, "d": False})  # INVALID_SESSION: the client identifies anew
            return
        await asyncio.wait_for(session._resume_gate.wait(), 10)
        seq = int(data.get("seq") or 0)
        async with session._lock:
            old, session._conn, conn.session = session._conn, conn, session
            for entry in session._log:
                if entry.seq > seq and await conn.send(entry.payload):
                    self._delivered(entry)
            session.seq += 1
            await conn.send({"op": 0, "t": "RESUMED", "s": session.seq, "d": {}})
            session.connected = True
        if old is not None and old is not conn:
            await old.close(RESUMABLE_CLOSE_CODE, "session resumed elsewhere")
        self.resume_count[session.shard_id] += 1
        self.state.notify()

    def _guild_create(self, guild: FakeGuild) -> JSON:
        # The bot asks for no members intent, so Discord lists only the bot itself; member_count counts all.
        bot = [m.payload() for m in guild.members if m.user.id == self.state.bot_user.id]
        return {
            "id": str(guild.id),
            "name": guild.name,
            "icon": None,
            "owner_id": str(guild.owner_id),
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "roles": [r.payload() for r in guild.roles],
            "emojis": [],
            "stickers": [],
            "features": [],
            "mfa_level": 0,
            "premium_tier": 0,
            "preferred_locale": "en-US",
            "unavailable": False,
            "large": False,
            "joined_at": "2024-01-01T00:00:00+00:00",
            "member_count": len(guild.members),
            "members": bot,
            "channels": [c.payload(guild.id) for c in guild.channels],
            "threads": [],
            "voice_states": [],
        }
