"""The bot: slash commands, replies to mentions and DMs, admin reload; every answer comes from the core."""

from __future__ import annotations

import logging
import math
import re

import discord
from discord import app_commands

from bot.config import Settings
from bot.core.browse import find_chapter, find_studies, suggest_chapters, suggest_studies
from bot.core.loader import KnowledgeError
from bot.core.store import KnowledgeStore
from bot.discord.cooldown import Cooldown
from bot.discord.embeds import (
    DESCRIPTION_LIMIT,
    about_embed,
    answer_embeds,
    chapter_embed,
    chapter_list_embed,
    clip,
    disclaimer_embed,
    sources_embed,
)

log = logging.getLogger(__name__)

NO_PINGS = discord.AllowedMentions.none()
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


def cooldown_notice(wait: float) -> str:
    """What a member who asks too fast is told."""
    return f"One question every few seconds, please: ask again in {math.ceil(wait)} s."


def _choices(pairs: list[tuple[str, str]]) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=name, value=value) for name, value in pairs]


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
        add_commands(self)

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

    def is_admin(self, interaction: discord.Interaction[EpisodeBot]) -> bool:
        """Manage Server, a configured admin role, or a configured admin user."""
        user = interaction.user
        if user.id in self.settings.admin_user_ids:
            return True
        if interaction.permissions.manage_guild:
            return True
        roles = getattr(user, "roles", [])
        return any(role.id in self.settings.admin_role_ids for role in roles)

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
        engine = self.store.engine
        answer = engine.answer(question)
        if auto and not (in_dm or mentioned) and not (answer.found or answer.crisis):
            return  # chatter in an auto-answer channel is not a question; only a real answer is worth a reply
        # Someone in danger is answered at once, cooldown or not.
        wait = 0.0 if answer.crisis else self.cooldown.retry_after(message.author.id)
        try:
            if wait:
                # These notices are public: one per window, so flooding the channel earns one, not one each.
                if self.cooldown.notice_due(message.author.id):
                    notice = cooldown_notice(wait)
                    await message.reply(
                        notice, mention_author=False, allowed_mentions=NO_PINGS, delete_after=10
                    )
                return
            embeds = answer_embeds(answer, engine.episode, engine.safety)
            await message.reply(embeds=embeds, mention_author=False, allowed_mentions=NO_PINGS)
        except discord.Forbidden:
            log.warning("no permission to reply in channel %s", message.channel.id)
        except discord.HTTPException:
            log.exception("could not reply to message %s", message.id)

    async def on_app_command_error(
        self, interaction: discord.Interaction[EpisodeBot], error: app_commands.AppCommandError
    ) -> None:
        """One handler for every command: a short reply for the user, the detail in the log."""
        if isinstance(error, app_commands.CheckFailure):
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


def add_commands(bot: EpisodeBot) -> None:
    """Register the slash commands on the bot's tree."""
    tree = bot.tree

    @tree.command(name="ask")
    @app_commands.describe(question="What you want to know: a topic, a time like 53:17, or a study")
    async def ask(
        interaction: discord.Interaction[EpisodeBot], question: app_commands.Range[str, 1, 500]
    ) -> None:
        """Ask about the episode; get the chapter, the moment to jump to and the studies."""
        engine = bot.store.engine
        answer = engine.answer(question)
        wait = 0.0 if answer.crisis else bot.cooldown.retry_after(interaction.user.id)
        if wait:
            await interaction.response.send_message(cooldown_notice(wait), ephemeral=True)
            return
        # Crisis replies are seen by the asker alone.
        await interaction.response.send_message(
            content=clip(f"> {question}", 300),
            embeds=answer_embeds(answer, engine.episode, engine.safety),
            ephemeral=answer.crisis,
            allowed_mentions=NO_PINGS,
        )

    @tree.command(name="chapter")
    @app_commands.describe(query="A chapter's title, a topic, or a time like 53:17; empty for the whole list")
    async def chapter(interaction: discord.Interaction[EpisodeBot], query: str | None = None) -> None:
        """Show a chapter with its link and moments, or every chapter."""
        engine = bot.store.engine
        if not query:
            embed = chapter_list_embed(engine.episode)
        else:
            found = find_chapter(engine, query)
            embed = chapter_embed(found, engine.episode) if found else chapter_list_embed(engine.episode)
            if found is None:
                text = f"No chapter matches that; here is the list.\n\n{embed.description}"
                embed.description = clip(text, DESCRIPTION_LIMIT)
        await interaction.response.send_message(embed=embed, allowed_mentions=NO_PINGS)

    @chapter.autocomplete("query")
    async def chapter_choices(
        interaction: discord.Interaction[EpisodeBot], current: str
    ) -> list[app_commands.Choice[str]]:
        return _choices(suggest_chapters(bot.store.engine, current))

    @tree.command(name="sources")
    @app_commands.describe(query="An author, year, drug or words of a title; empty for every study")
    async def sources(interaction: discord.Interaction[EpisodeBot], query: str | None = None) -> None:
        """The studies the episode cites, with citation, finding and link."""
        engine = bot.store.engine
        embed = sources_embed(find_studies(engine, query or ""), engine.episode)
        await interaction.response.send_message(embed=embed, allowed_mentions=NO_PINGS)

    @sources.autocomplete("query")
    async def source_choices(
        interaction: discord.Interaction[EpisodeBot], current: str
    ) -> list[app_commands.Choice[str]]:
        return _choices(suggest_studies(bot.store.engine, current))

    @tree.command(name="disclaimer")
    async def disclaimer(interaction: discord.Interaction[EpisodeBot]) -> None:
        """Why nothing here is medical advice."""
        embed = disclaimer_embed(bot.store.engine.episode)
        await interaction.response.send_message(embed=embed, allowed_mentions=NO_PINGS)

    @tree.command(name="about")
    async def about(interaction: discord.Interaction[EpisodeBot]) -> None:
        """The episode, its links, and how to use this bot."""
        await interaction.response.send_message(
            embed=about_embed(bot.store.engine.episode), allowed_mentions=NO_PINGS
        )

    @tree.command(name="reload")
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.guild_only()
    async def reload(interaction: discord.Interaction[EpisodeBot]) -> None:
        """Reload the knowledge base from disk (admins only); a broken file keeps the current one."""
        if not bot.is_admin(interaction):
            await interaction.response.send_message(
                "Only server admins can reload the knowledge.", ephemeral=True
            )
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            diff = await bot.store.reload()
        except KnowledgeError as error:
            log.warning("reload by %s failed: %s", interaction.user.id, error)
            report = clip(error.report(), 1700)
            text = f"Reload failed; still serving the previous knowledge.\n```\n{report}\n```"
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_PINGS)
            return
        log.info("knowledge reloaded by %s: %s", interaction.user.id, diff.summary().replace("\n", "; "))
        await interaction.followup.send(
            f"Reloaded.\n{diff.summary()}"[:2000], ephemeral=True, allowed_mentions=NO_PINGS
        )
