"""Discord's rules for the bot's requests, as pure functions: the fake refuses what Discord would."""

from __future__ import annotations

import re
from typing import Any

from tests.e2e.fake_discord.state import (
    ALL_PERMISSIONS,
    JSON,
    PERM_ADMINISTRATOR,
    FakeGuild,
    FakeUser,
)

USER_MENTION = re.compile(r"<@!?(\d+)>")
ROLE_MENTION = re.compile(r"<@&(\d+)>")
COMMAND_NAME = re.compile(r"^[-_\w]{1,32}$")


class ApiError(Exception):
    """A Discord error reply: HTTP status, JSON error code and message."""

    def __init__(self, status: int, code: int, message: str) -> None:
        super().__init__(f"{status} {code} {message}")
        self.status = status
        self.code = code
        self.message = message

    def payload(self) -> JSON:
        """The error body as Discord sends it."""
        return {"message": self.message, "code": self.code}


def invalid_form(*reasons: str) -> ApiError:
    """Discord's 50035 "Invalid Form Body", naming each failed rule."""
    return ApiError(400, 50035, "Invalid Form Body: " + "; ".join(reasons))


def permissions(guild: FakeGuild, user_id: int, channel_id: int | None = None) -> int:
    """A member's permissions in a guild or one of its channels, computed the way Discord does."""
    member = guild.member(user_id)
    if member is None:
        return 0
    if user_id == guild.owner_id:
        return ALL_PERMISSIONS
    perms = 0
    for role in guild.roles:
        if role.id == guild.id or role.id in member.roles:  # @everyone has the guild's id
            perms |= role.permissions
    if perms & PERM_ADMINISTRATOR:
        return ALL_PERMISSIONS
    channel = guild.channel(channel_id) if channel_id is not None else None
    if channel is None:
        return perms
    # Overwrites apply in order: @everyone, then the member's roles together, then the member.
    overwrites = {o.id: o for o in channel.overwrites}
    if (everyone := overwrites.get(guild.id)) is not None:
        perms = (perms & ~everyone.deny) | everyone.allow
    allow = deny = 0
    for role_id in member.roles:
        if (role_ow := overwrites.get(role_id)) is not None and role_ow.type == 0:
            allow |= role_ow.allow
            deny |= role_ow.deny
    perms = (perms & ~deny) | allow
    if (member_ow := overwrites.get(user_id)) is not None and member_ow.type == 1:
        perms = (perms & ~member_ow.deny) | member_ow.allow
    return perms


def message_errors(message: JSON) -> list[str]:
    """Discord's limits on a message's content and embeds; empty when the message may be sent."""
    content = message.get("content") or ""
    embeds = message.get("embeds") or []
    if not isinstance(content, str):
        return ["content: must be a string"]
    if not content and not embeds:
        return ["Cannot send an empty message"]
    errors: list[str] = []
    if len(content) > 2000:
        errors.append(f"content: Must be 2000 or fewer in length (got {len(content)})")
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
            if not 1 <= len(name) <= 256:
                errors.append(f"embeds.{index}.fields.{f_index}.name: must be 1 to 256 long")
            if not 1 <= len(value) <= 1024:
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


def choices_errors(data: Any) -> list[str]:
    """Discord's limits on an autocomplete result: at most 25 choices, names and values 1-100 long."""
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
        if isinstance(value, str) and not 1 <= len(value) <= 100:
            errors.append(
                f"data.choices.{index}.value: Must be between 1 and 100 in length (got {len(value)})"
            )
    return errors


def commands_errors(commands: Any) -> list[str]:
    """Discord's checks on a bulk command overwrite: unique names, and each slash command's shape."""
    if not isinstance(commands, list):
        return ["the body must be a list of commands"]
    errors: list[str] = []
    seen: set[str] = set()
    for index, command in enumerate(commands):
        if not isinstance(command, dict) or int(command.get("type", 1)) != 1:
            errors.append(f"{index}: only slash commands (type 1) are expected from this bot")
            continue
        if command.get("name") in seen:
            errors.append(f"{index}.name: Application command names must be unique")
        seen.add(str(command.get("name")))
        errors += _option_errors(str(index), command)
    if len(commands) > 100:
        errors.append("at most 100 slash commands")
    return errors


def _option_errors(where: str, node: JSON) -> list[str]:
    """Names, descriptions, counts and required-first ordering of a command or option, recursively."""
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
            continue  # subcommands and groups have no "required"
        if option.get("required"):
            if optional_seen:
                errors.append(f"{where}.options.{index}: required options must come before optional ones")
        else:
            optional_seen = True
    return errors


def pings(
    users: dict[int, FakeUser], guild: FakeGuild | None, content: str, allowed: Any, replied_to: int | None
) -> tuple[frozenset[int], frozenset[int], bool]:
    """Who a message really pings (users, roles, @everyone) under its allowed_mentions, as Discord decides."""
    parse: set[str] = {"users", "roles", "everyone"}
    allowed_users: set[int] = set()
    allowed_roles: set[int] = set()
    replied = True  # Discord pings the replied-to author unless allowed_mentions says otherwise
    if allowed is not None:
        if not isinstance(allowed, dict):
            raise invalid_form("allowed_mentions must be an object")
        parse = set(allowed.get("parse") or [])
        allowed_users = {int(u) for u in allowed.get("users") or []}
        allowed_roles = {int(r) for r in allowed.get("roles") or []}
        replied = bool(allowed.get("replied_user", False))
        if "users" in parse and allowed_users:
            raise invalid_form("allowed_mentions: parse:[users] and users:[...] are mutually exclusive")
        if "roles" in parse and allowed_roles:
            raise invalid_form("allowed_mentions: parse:[roles] and roles:[...] are mutually exclusive")
    pinged = {
        int(raw)
        for raw in USER_MENTION.findall(content)
        if int(raw) in users and ("users" in parse or int(raw) in allowed_users)
    }
    if replied_to is not None and replied:
        pinged.add(replied_to)
    roles = frozenset(
        int(r) for r in ROLE_MENTION.findall(content) if "roles" in parse or int(r) in allowed_roles
    )
    everyone = ("@everyone" in content or "@here" in content) and "everyone" in parse
    if guild is None:
        return frozenset(pinged), frozenset(), False  # no roles or @everyone in a DM
    return frozenset(pinged), roles, everyone


def visible_content(message: JSON, *, bot_id: int, has_content_intent: bool) -> JSON:
    """The message as a bot sees it: without Message Content, guild messages not mentioning it are blank."""
    in_guild = "guild_id" in message
    mentioned = any(int(u["id"]) == bot_id for u in message.get("mentions", []))
    own = int(message["author"]["id"]) == bot_id
    if has_content_intent or not in_guild or mentioned or own:
        return message
    return {**message, "content": "", "embeds": [], "attachments": [], "components": []}
