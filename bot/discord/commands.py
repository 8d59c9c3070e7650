"""The slash commands, as module-level functions: each reads the store from `interaction.client`."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.core.browse import find_chapter, find_studies, suggest_chapters, suggest_studies
from bot.core.engine import Engine
from bot.core.library import Library
from bot.core.loader import KnowledgeError
from bot.core.reply import compose
from bot.core.text import clip, fold
from bot.discord.embeds import (
    DESCRIPTION_LIMIT,
    about_embed,
    chapter_embed,
    chapter_list_embed,
    disclaimer_embed,
    episodes_embed,
    reply_embeds,
    sources_embed,
)

log = logging.getLogger(__name__)

NO_PINGS = discord.AllowedMentions.none()
MAX_CHOICES = 25  # Discord's limit for autocomplete choices
MAX_CHOICE_LENGTH = 100  # Discord's limit for a choice's name and value
if TYPE_CHECKING:
    from bot.discord.client import EpisodeBot

    Interaction = discord.Interaction[EpisodeBot]
else:  # discord.py reads the annotations at run time, where the client class is not imported
    Interaction = discord.Interaction


def cooldown_notice(wait: float) -> str:
    """What a member who asks too fast is told."""
    return f"One question every few seconds, please: ask again in {max(1, round(wait + 0.49))} s."


def choices(pairs: list[tuple[str, str]]) -> list[app_commands.Choice[str]]:
    """(label, value) pairs as Discord autocomplete choices, within Discord's limits."""
    return [
        app_commands.Choice(name=clip(name, MAX_CHOICE_LENGTH), value=value[:MAX_CHOICE_LENGTH])
        for name, value in pairs[:MAX_CHOICES]
    ]


def _library(interaction: Interaction) -> Library:
    library: Library = interaction.client.store.library
    return library


def _episode_id(interaction: Interaction, typed: str | None) -> str | None:
    """The episode an option names (an id, a title, or what autocomplete would pick), else none."""
    library = _library(interaction)
    if not typed:
        return None
    wanted = fold(typed.strip())
    for episode_id, title in library.titles():
        if wanted in (fold(episode_id), fold(title)):
            return episode_id
    ranked = library.suggest_episodes(typed)
    return ranked[0][1] if ranked else None


def _channel_episode(interaction: Interaction) -> str | None:
    """The episode this channel is about (CHANNEL_EPISODES), if any."""
    return interaction.client.settings.channel_episodes.get(interaction.channel_id or 0)


def _browsed(interaction: Interaction, typed: str | None) -> str | None:
    """The episode to browse: the one named, else the channel's, else the library's default."""
    chosen = _episode_id(interaction, typed) or _channel_episode(interaction)
    return chosen if chosen in _library(interaction).engines else None


def _engine_so_far(interaction: Interaction) -> Engine:
    """The engine of the episode chosen so far in the command being typed (autocomplete)."""
    typed = getattr(interaction.namespace, "episode", None)
    return _library(interaction).engine(_browsed(interaction, typed))


async def episode_choices(interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
    """Episodes by title for the `episode` option."""
    return choices(_library(interaction).suggest_episodes(current))


class NotAdmin(app_commands.CheckFailure):
    """A member without admin rights used an admin command."""

    def __init__(self) -> None:
        super().__init__("Only server admins can reload the knowledge.")


async def is_admin(interaction: Interaction) -> bool:
    """Manage Server, a configured admin role, or a configured admin user; NotAdmin otherwise."""
    settings = interaction.client.settings
    user = interaction.user
    if user.id in settings.admin_user_ids or interaction.permissions.manage_guild:
        return True
    if any(role.id in settings.admin_role_ids for role in getattr(user, "roles", [])):
        return True
    raise NotAdmin


@app_commands.command(name="ask")
@app_commands.describe(
    question="What you want to know: a topic, a time like 53:17, or a study",
    episode="Only this episode (optional)",
)
@app_commands.autocomplete(episode=episode_choices)
async def ask(
    interaction: Interaction, question: app_commands.Range[str, 1, 500], episode: str | None = None
) -> None:
    """Ask about the episodes; get the chapter, the moment to jump to and the studies."""
    bot = interaction.client
    library = _library(interaction)
    answer = library.answer(question, _episode_id(interaction, episode), prefer=_channel_episode(interaction))
    reply = compose(answer, library.safety)
    wait = 0.0 if reply.urgent else bot.cooldown.retry_after(interaction.user.id)
    if wait:
        await interaction.response.send_message(cooldown_notice(wait), ephemeral=True)
        return
    await interaction.response.send_message(
        content=clip(f"> {question}", 300),
        embeds=reply_embeds(reply),
        ephemeral=reply.private,
        allowed_mentions=NO_PINGS,
    )


@app_commands.command(name="chapter")
@app_commands.describe(
    query="A chapter's title, a topic, or a time like 53:17; empty for the whole list",
    episode="The episode (optional)",
)
@app_commands.autocomplete(episode=episode_choices)
async def chapter(interaction: Interaction, query: str | None = None, episode: str | None = None) -> None:
    """Show a chapter with its link and moments, or every chapter."""
    engine = _library(interaction).engine(_browsed(interaction, episode))
    if not query:
        embed = chapter_list_embed(engine.episode)
    else:
        found = find_chapter(engine, query)
        embed = chapter_embed(found, engine.episode) if found else chapter_list_embed(engine.episode)
        if found is None:
            embed.description = clip(
                f"No chapter matches that; here is the list.\n\n{embed.description}", DESCRIPTION_LIMIT
            )
    await interaction.response.send_message(embed=embed, allowed_mentions=NO_PINGS)


@chapter.autocomplete("query")
async def chapter_choices(interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
    """Chapters by time, title or topic, in the episode chosen so far."""
    return choices(suggest_chapters(_engine_so_far(interaction), current))


@app_commands.command(name="sources")
@app_commands.describe(
    query="An author, year, drug or words of a title; empty for every study", episode="The episode (optional)"
)
@app_commands.autocomplete(episode=episode_choices)
async def sources(interaction: Interaction, query: str | None = None, episode: str | None = None) -> None:
    """The studies an episode cites, with citation, finding and link."""
    engine = _library(interaction).engine(_browsed(interaction, episode))
    embed = sources_embed(find_studies(engine, query or ""), engine.episode)
    await interaction.response.send_message(embed=embed, allowed_mentions=NO_PINGS)


@sources.autocomplete("query")
async def source_choices(interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
    """Studies by author, year, drug or title words."""
    return choices(suggest_studies(_engine_so_far(interaction), current))


@app_commands.command(name="episodes")
async def episodes(interaction: Interaction) -> None:
    """Every episode I can answer about."""
    await interaction.response.send_message(
        embed=episodes_embed(_library(interaction)), allowed_mentions=NO_PINGS
    )


@app_commands.command(name="disclaimer")
async def disclaimer(interaction: Interaction) -> None:
    """Why nothing here is medical advice."""
    library = _library(interaction)
    episode = library.episode
    embed = disclaimer_embed(library.safety.disclaimer, episode.page if len(library.ids) == 1 else "")
    await interaction.response.send_message(embed=embed, allowed_mentions=NO_PINGS)


@app_commands.command(name="about")
async def about(interaction: Interaction) -> None:
    """The episodes, their links, and how to use this bot."""
    await interaction.response.send_message(
        embed=about_embed(_library(interaction)), allowed_mentions=NO_PINGS
    )


@app_commands.command(name="reload")
@app_commands.default_permissions(manage_guild=True)
@app_commands.guild_only()
@app_commands.check(is_admin)
async def reload(interaction: Interaction) -> None:
    """Reload the knowledge from disk (admins only); a broken file keeps the current one."""
    await interaction.response.defer(ephemeral=True, thinking=True)
    try:
        diff = await interaction.client.store.reload()
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


COMMANDS: tuple[app_commands.Command[Any, Any, None], ...] = (
    ask,
    chapter,
    sources,
    episodes,
    disclaimer,
    about,
    reload,
)
