"""The bot: slash commands, replies to mentions and DMs, admin reload; every answer comes from the core."""

from __future__ import annotations

import logging
import re

import discord
from discord import app_commands

from bot.config import Settings
from bot.core.reply import compose
from bot.core.store import KnowledgeStore
from bot.discord.commands import COMMANDS, NO_PINGS, NotAdmin, cooldown_notice
from bot.discord.cooldown import Cooldown
from bot.discord.embeds import reply_embeds

log = logging.getLogger(__name__)

# What the bot needs in a channel: see it, answer in it (threads too), embed links, reply to a message.
PERMISSIONS = discord.Permissions(
    view_channel=True,
    send_messages=True,
    send_messages_in_threads=True,
    embed_links=True,
    read_message_history=True,
)
SORRY = "Sorry, something went wrong on my side. Please try again in a moment."
_MENTION = re.compile(r"<@!?\d+>")


def intents_for(settings: Settings) -> discord.Intents:
    """Only what the bot uses; message content (privileged) only for auto-answer channels."""
    intents = discord.Intents.none()
    intents.guilds = True
    intents.guild_messages = True
    intents.dm_messages = True
    intents.message_content = bool(settings.auto_answer_channel_ids)
    return intents


class EpisodeBot(discord.AutoShardedClient):
    """Serves one knowledge store to every guild of its shards."""

    def __init__(self, settings: Settings, store: KnowledgeStore, *, sync_dev_guild: bool = True) -> None:
        if settings.shard_ids:
            super().__init__(
                intents=intents_for(settings),
                allowed_mentions=NO_PINGS,
                shard_count=settings.shard_count,
                shard_ids=list(settings.shard_ids),
            )
        else:
            super().__init__(
                intents=intents_for(settings), allowed_mentions=NO_PINGS, shard_count=settings.shard_count
            )
        self.settings = settings
        self.store = store
        self.cooldown = Cooldown(settings.cooldown_seconds)
        self.tree = app_commands.CommandTree(self)
        self.tree.error(self.on_app_command_error)
        self._sync_dev_guild = sync_dev_guild
        for command in COMMANDS:
            self.tree.add_command(command)

    async def setup_hook(self) -> None:
        """Sync commands to the development guild, when one is configured: instant, unlike global sync."""
        guild_id = self.settings.dev_guild_id
        if guild_id and self._sync_dev_guild:
            guild = discord.Object(id=guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("synced %d commands to development guild %s", len(synced), guild_id)

    async def on_ready(self) -> None:
        """Log who we are and the link that adds the bot to a server."""
        if self.user is None:
            return
        invite = discord.utils.oauth_url(
            self.user.id, permissions=PERMISSIONS, scopes=("bot", "applications.commands")
        )
        log.info(
            "ready as %s in %d guilds (shards %s); invite: %s",
            self.user,
            len(self.guilds),
            self.shard_ids,
            invite,
        )

    async def on_message(self, message: discord.Message) -> None:
        """Answer DMs, mentions and messages in auto-answer channels, as replies that ping no one."""
        if message.author.bot or message.webhook_id is not None or self.user is None:
            return
        in_dm = message.guild is None
        mentioned = any(user.id == self.user.id for user in message.mentions)
        auto = message.channel.id in self.settings.auto_answer_channel_ids
        if not (in_dm or mentioned or auto):
            return
        question = _MENTION.sub(" ", message.content).strip()
        library = self.store.library
        # A channel's episode (CHANNEL_EPISODES) answers its bare times and wins what it shares with others.
        answer = library.answer(question, prefer=self.settings.channel_episodes.get(message.channel.id))
        reply = compose(answer, library.safety)
        if auto and not (in_dm or mentioned) and reply.quiet:
            return  # chatter in an auto-answer channel is not a question; only a real answer is worth a reply
        # Someone in danger is answered at once, cooldown or not.
        wait = 0.0 if reply.urgent else self.cooldown.retry_after(message.author.id)
        try:
            if wait:
                # These notices are public: one per window, so flooding the channel earns one, not one each.
                if self.cooldown.notice_due(message.author.id):
                    notice = cooldown_notice(wait)
                    await message.reply(
                        notice, mention_author=False, allowed_mentions=NO_PINGS, delete_after=10
                    )
                return
            await message.reply(embeds=reply_embeds(reply), mention_author=False, allowed_mentions=NO_PINGS)
        except discord.Forbidden:
            log.warning("no permission to reply in channel %s", message.channel.id)
        except discord.HTTPException:
            log.exception("could not reply to message %s", message.id)

    async def on_app_command_error(
        self, interaction: discord.Interaction[EpisodeBot], error: app_commands.AppCommandError
    ) -> None:
        """One handler for every command: a short reply for the user, the detail in the log."""
        if isinstance(error, NotAdmin):
            text = str(error)
        elif isinstance(error, app_commands.CheckFailure):
            text = "You can't use that command here."
        else:
            name = interaction.command.name if interaction.command else "?"
            log.error("command /%s failed", name, exc_info=error)
            text = SORRY
        try:
            if interaction.response.is_done():
                await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_PINGS)
            else:
                await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)
        except discord.HTTPException:
            log.warning("could not tell the user about the failed command")
