"""REST v10: only the routes the bot calls; anything else is a problem the test sees."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from tests.e2e.fake_discord import checks
from tests.e2e.fake_discord.checks import ApiError, invalid_form
from tests.e2e.fake_discord.gateway import Gateway
from tests.e2e.fake_discord.state import (
    INTENT_DIRECT_MESSAGES,
    INTENT_GUILD_MESSAGES,
    INTENT_MESSAGE_CONTENT,
    INTERACTION_AUTOCOMPLETE,
    INTERACTION_COMMAND,
    JSON,
    MESSAGE_FLAG_EPHEMERAL,
    MESSAGE_FLAG_LOADING,
    PERM_READ_MESSAGE_HISTORY,
    PERM_SEND_MESSAGES,
    PERM_VIEW_CHANNEL,
    Callback,
    FakeGuild,
    InteractionRecord,
    RateLimitHit,
    SentMessage,
    State,
    json_response,
    now_iso,
)

# Callback types Discord accepts: 4 message, 5 deferred message ("thinking"), 8 autocomplete result.
ALLOWED_CALLBACKS = {INTERACTION_COMMAND: frozenset({4, 5}), INTERACTION_AUTOCOMPLETE: frozenset({8})}


@dataclass(frozen=True)
class _Request:
    method: str
    path: str
    params: dict[str, str]
    query: dict[str, str]
    body: Any


Handler = Callable[[_Request], Awaitable[web.Response]]


@dataclass
class _PendingRateLimit:
    method: str
    path_prefix: str
    retry_after: float


class Rest:
    """The REST routes under /api/v10, with Discord's checks on every request."""

    def __init__(self, state: State, gateway: Gateway, interaction_deadline: float) -> None:
        self.state = state
        self.gateway = gateway
        self.interaction_deadline = interaction_deadline
        self._pending: list[_PendingRateLimit] = []
        app, guild, channel = r"(?P<app_id>\d+)", r"(?P<guild_id>\d+)", r"(?P<channel_id>\d+)"
        token = r"(?P<token>[^/]+)"
        # (method, path, handler, whether the bot token must be in the Authorization header)
        table: list[tuple[str, str, Handler, bool]] = [
            ("GET", "/users/@me", self._get_me, True),
            ("GET", "/oauth2/applications/@me", self._get_application, True),
            ("GET", "/gateway/bot", self._get_gateway_bot, True),
            ("PUT", f"/applications/{app}/commands", self._put_commands, True),
            ("PUT", f"/applications/{app}/guilds/{guild}/commands", self._put_commands, True),
            ("POST", rf"/interactions/(?P<interaction_id>\d+)/{token}/callback", self._callback, False),
            ("POST", f"/webhooks/{app}/{token}", self._followup, False),
            ("POST", f"/channels/{channel}/messages", self._post_message, True),
            # The cooldown notice to a mention is deleted after a while (delete_after).
            ("DELETE", f"/channels/{channel}/messages/(?P<message_id>\\d+)", self._delete_message, True),
        ]
        self._routes = [(m, re.compile(p), h, auth) for m, p, h, auth in table]

    def rate_limit_next(self, method: str, path_prefix: str, retry_after: float) -> None:
        """Answer the next ``method`` request under ``path_prefix`` (e.g. "/interactions/") with a 429."""
        self._pending.append(_PendingRateLimit(method.upper(), path_prefix, retry_after))

    async def handle(self, request: web.Request) -> web.StreamResponse:
        """Route one request; every refusal is also recorded in ``state.problems``."""
        path = "/" + request.match_info["tail"]
        try:
            text = await request.text()
            body = json.loads(text) if text else None
        except ValueError:
            self.state.problem(f"{request.method} {path}: invalid JSON body")
            return json_response(400, {"message": "The request body contains invalid JSON.", "code": 50109})
        req = _Request(request.method, path, {}, dict(request.query), body)
        try:
            return await self._route(req, request.headers.get("Authorization"))
        except ApiError as error:
            self.state.problem(f"{req.method} {req.path}: {error.status} {error.code} {error.message}")
            return json_response(error.status, error.payload())
        finally:
            self.state.notify()

    async def _route(self, req: _Request, authorization: str | None) -> web.Response:
        for method, pattern, handler, needs_token in self._routes:
            match = pattern.fullmatch(req.path)
            if match is None or method != req.method:
                continue
            if (needs_token or authorization is not None) and authorization != f"Bot {self.state.token}":
                raise ApiError(401, 0, "401: Unauthorized")
            limited = self._rate_limit(req)
            if limited is not None:
                return limited
            return await handler(_Request(req.method, req.path, match.groupdict(), req.query, req.body))
        raise ApiError(404, 0, "not a route this bot is expected to call")

    def _rate_limit(self, req: _Request) -> web.Response | None:
        now = time.monotonic()
        for hit in self.state.rate_limits:
            if hit.retried_after is None and hit.method == req.method and hit.path == req.path:
                hit.retried_after = now - hit.at
        for pending in self._pending:
            if pending.method == req.method and req.path.startswith(pending.path_prefix):
                self._pending.remove(pending)
                self.state.rate_limits.append(RateLimitHit(req.method, req.path, pending.retry_after, now))
                headers = {
                    # Without Via discord.py takes a 429 for a Cloudflare ban and gives up.
                    "Via": "1.1 google",
                    "X-RateLimit-Limit": "5",
                    "X-RateLimit-Remaining": "0",
                    "X-RateLimit-Reset-After": f"{pending.retry_after:.3f}",
                    "X-RateLimit-Scope": "user",
                }
                body = {
                    "message": "You are being rate limited.",
                    "retry_after": pending.retry_after,
                    "global": False,
                }
                return json_response(429, body, headers)
        return None

    # Login and gateway

    async def _get_me(self, req: _Request) -> web.Response:
        return json_response(200, {**self.state.bot_user.payload(), "verified": True, "mfa_enabled": False})

    async def _get_application(self, req: _Request) -> web.Response:
        owner = {"id": "1", "username": "app-owner", "discriminator": "0", "avatar": None}
        return json_response(
            200,
            {
                "id": str(self.state.application_id),
                "name": self.state.bot_user.username,
                "description": "",
                "icon": None,
                "bot_public": True,
                "bot_require_code_grant": False,
                "owner": owner,
                "team": None,
                "verify_key": "0" * 64,
                "flags": 0,
            },
        )

    async def _get_gateway_bot(self, req: _Request) -> web.Response:
        limit = {"total": 1000, "remaining": 999, "reset_after": 14_400_000, "max_concurrency": 1}
        url = f"ws://127.0.0.1:{self.state.port}/"
        return json_response(
            200, {"url": url, "shards": self.state.shard_count, "session_start_limit": limit}
        )

    # Commands

    async def _put_commands(self, req: _Request) -> web.Response:
        state = self.state
        if int(req.params["app_id"]) != state.application_id:
            raise ApiError(403, 20012, "You are not authorized to perform this action on this application")
        scope = int(req.params["guild_id"]) if "guild_id" in req.params else None
        if scope is not None and scope not in state.guilds:
            raise ApiError(403, 50001, "Missing Access")
        if errors := checks.commands_errors(req.body):
            raise invalid_form(*errors)
        stored: list[JSON] = []
        for command in req.body:
            entry = {
                "options": [],
                "default_member_permissions": None,
                **command,
                "id": str(state.snowflake()),
                "application_id": str(state.application_id),
                "version": str(state.snowflake()),
                "type": 1,
            }
            if scope is not None:
                entry["guild_id"] = str(scope)
            stored.append(entry)
        state.commands[scope] = stored
        return json_response(200, stored)

    # Interactions

    async def _callback(self, req: _Request) -> web.Response:
        record = self.state.interactions.get(int(req.params["interaction_id"]))
        if record is None or record.token != req.params["token"]:
            raise ApiError(404, 10062, "Unknown interaction")
        try:
            return await self._answer(record, req.body if isinstance(req.body, dict) else {})
        except ApiError as error:
            record.rejected.append(f"{error.status} {error.code} {error.message}")
            raise

    async def _answer(self, record: InteractionRecord, body: JSON) -> web.Response:
        elapsed = time.monotonic() - (record.delivered_at or time.monotonic())
        if record.callback is not None:
            raise ApiError(400, 40060, "Interaction has already been acknowledged.")
        if elapsed > self.interaction_deadline:
            raise ApiError(404, 10062, f"Unknown interaction (answered {elapsed:.2f} s after delivery)")
        kind = int(body.get("type") or 0)
        if kind not in ALLOWED_CALLBACKS[record.type]:
            raise invalid_form(f"callback type {kind} is not valid for interaction type {record.type}")
        data = body.get("data")
        if kind == 8 and (errors := checks.choices_errors(data)):
            raise invalid_form(*errors)
        guild = self.state.guilds.get(record.guild_id or 0)
        sent: SentMessage | None = None
        if kind == 4:
            sent = self._compose(
                record.channel_id, guild, dict(data or {}), extra=self._from_interaction(record)
            )
        elif kind == 5:
            # The "thinking" placeholder: empty, so it skips the empty-message check.
            flags = (int((data or {}).get("flags") or 0) & MESSAGE_FLAG_EPHEMERAL) | MESSAGE_FLAG_LOADING
            message = self._store(record.channel_id, guild, {"content": "", "embeds": [], "flags": flags}, {})
            sent = SentMessage(record.channel_id, dict(data or {}), message, frozenset(), frozenset(), False)
        record.callback = Callback(kind, data, elapsed, sent)
        self.state.notify()
        if sent is None:
            return web.Response(status=204)
        record.original = sent.message
        await self._echo(guild, sent.message)
        flags = int(sent.message.get("flags") or 0)
        interaction = {
            "id": str(record.id),
            "type": record.type,
            "response_message_id": sent.message["id"],
            "response_message_loading": bool(flags & MESSAGE_FLAG_LOADING),
            "response_message_ephemeral": bool(flags & MESSAGE_FLAG_EPHEMERAL),
        }
        return json_response(
            200, {"interaction": interaction, "resource": {"type": kind, "message": sent.message}}
        )

    async def _followup(self, req: _Request) -> web.Response:
        record = next((r for r in self.state.interactions.values() if r.token == req.params["token"]), None)
        if record is None or int(req.params["app_id"]) != self.state.application_id:
            raise ApiError(404, 10015, "Unknown Webhook")
        if record.callback is None or record.callback.type == 8:
            raise ApiError(404, 10015, "Unknown Webhook (follow-up before the response)")
        guild = self.state.guilds.get(record.guild_id or 0)
        payload = dict(req.body or {})
        original = record.original
        if original is not None and int(original.get("flags") or 0) & MESSAGE_FLAG_LOADING:
            # Discord turns the first follow-up after a deferral into the deferred message itself,
            # keeping its ephemeral flag.
            payload["flags"] = int(original["flags"]) & MESSAGE_FLAG_EPHEMERAL
            sent = self._compose(record.channel_id, guild, payload, extra={"id": original["id"]})
            record.original = sent.message
        else:
            sent = self._compose(record.channel_id, guild, payload, extra=self._from_interaction(record))
        record.followups.append(sent)
        await self._echo(guild, sent.message)
        if req.query.get("wait", "").lower() in ("1", "true"):
            return json_response(200, sent.message)
        return web.Response(status=204)

    def _from_interaction(self, record: InteractionRecord) -> JSON:
        app = str(self.state.application_id)
        metadata = {
            "id": str(record.id),
            "type": record.type,
            "user": record.user.payload(),
            "name": record.name,
        }
        return {"type": 20, "webhook_id": app, "application_id": app, "interaction_metadata": metadata}

    # Channel messages

    async def _post_message(self, req: _Request) -> web.Response:
        channel_id = int(req.params["channel_id"])
        guild = self.state.guild_of_channel(channel_id)
        if guild is None and channel_id not in self.state.dm_channels.values():
            raise ApiError(404, 10003, "Unknown Channel")
        payload = dict(req.body or {})
        if guild is not None:
            needed = PERM_VIEW_CHANNEL | PERM_SEND_MESSAGES
            if payload.get("message_reference"):
                needed |= PERM_READ_MESSAGE_HISTORY
            have = checks.permissions(guild, self.state.bot_user.id, channel_id)
            if needed & ~have:
                raise ApiError(403, 50013, f"Missing Permissions (lacks {needed & ~have:#x})")
        sent = self._compose(channel_id, guild, payload)
        self.state.channel_messages.append(sent)
        await self._echo(guild, sent.message)
        return json_response(200, sent.message)

    async def _delete_message(self, req: _Request) -> web.Response:
        message = self.state.messages.get(int(req.params["message_id"]))
        if message is None or message["channel_id"] != req.params["channel_id"]:
            raise ApiError(404, 10008, "Unknown Message")
        if int(message["author"]["id"]) != self.state.bot_user.id:
            raise ApiError(403, 50013, "Missing Permissions (the bot may delete only its own messages)")
        del self.state.messages[int(message["id"])]
        return web.Response(status=204)

    def _compose(
        self, channel_id: int, guild: FakeGuild | None, payload: JSON, *, extra: JSON | None = None
    ) -> SentMessage:
        """Check what the bot sent as Discord would, and store the message Discord would make of it."""
        if errors := checks.message_errors(payload):
            raise invalid_form(*errors)
        reference = payload.get("message_reference")
        target: JSON | None = None
        if reference:
            target = self.state.messages.get(int(reference.get("message_id") or 0))
            if target is None and reference.get("fail_if_not_exists", True):
                raise invalid_form("message_reference: Unknown message")
        replied_to = int(target["author"]["id"]) if target is not None else None
        users, roles, everyone = checks.pings(
            self.state.users,
            guild,
            str(payload.get("content") or ""),
            payload.get("allowed_mentions"),
            replied_to,
        )
        fields: JSON = {
            "content": payload.get("content") or "",
            "embeds": payload.get("embeds") or [],
            "flags": int(payload.get("flags") or 0),
            "mentions": [self.state.users[u].payload() for u in users],
            "mention_roles": [str(r) for r in roles],
            "mention_everyone": everyone,
        }
        if target is not None:
            fields["type"] = 19
            fields["message_reference"] = {
                "type": 0,
                "message_id": target["id"],
                "channel_id": target["channel_id"],
            }
            fields["referenced_message"] = target
        message = self._store(channel_id, guild, fields, extra or {})
        return SentMessage(channel_id, payload, message, users, roles, everyone)

    def _store(self, channel_id: int, guild: FakeGuild | None, fields: JSON, extra: JSON) -> JSON:
        message: JSON = {
            "id": str(self.state.snowflake()),
            "type": 0,
            "channel_id": str(channel_id),
            "author": self.state.bot_user.payload(),
            "attachments": [],
            "components": [],
            "mentions": [],
            "mention_roles": [],
            "mention_everyone": False,
            "pinned": False,
            "tts": False,
            "timestamp": now_iso(),
            "edited_timestamp": None,
            **fields,
            **extra,
        }
        if guild is not None:
            message["guild_id"] = str(guild.id)
        self.state.messages[int(message["id"])] = message
        return message

    async def _echo(self, guild: FakeGuild | None, message: JSON) -> None:
        """Discord sends the bot its own non-ephemeral messages too; the bot must not answer itself."""
        if int(message.get("flags") or 0) & (MESSAGE_FLAG_EPHEMERAL | MESSAGE_FLAG_LOADING):
            return
        await deliver_message(self.state, self.gateway, guild, message)


async def deliver_message(state: State, gateway: Gateway, guild: FakeGuild | None, message: JSON) -> bool:
    """Dispatch MESSAGE_CREATE if the bot asked for these messages; content hidden without the intent."""
    try:
        session = gateway.session_for(guild.id if guild is not None else None)
    except RuntimeError:
        return False
    if not session.has_intent(INTENT_GUILD_MESSAGES if guild is not None else INTENT_DIRECT_MESSAGES):
        return False
    data = checks.visible_content(
        message, bot_id=state.bot_user.id, has_content_intent=session.has_intent(INTENT_MESSAGE_CONTENT)
    )
    member = guild.member(int(message["author"]["id"])) if guild is not None else None
    if member is not None:
        data = {**data, "member": member.payload(with_user=False)}
    return await gateway.dispatch(session, "MESSAGE_CREATE", data)
