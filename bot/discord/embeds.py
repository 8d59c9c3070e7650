"""Answers and browsing views as Discord embeds, kept inside Discord's size limits."""

from __future__ import annotations

import discord

from bot.core.answer import ChapterMatch
from bot.core.library import Library
from bot.core.models import Chapter, Episode, Study
from bot.core.reply import HelpBlock, Reply
from bot.core.text import clip
from bot.core.timecode import format_time, short_time

# Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FIELDS_LIMIT = 25
FOOTER_LIMIT = 2048
TOTAL_LIMIT = 6000  # all embeds of one message together

CRISIS_COLOUR = discord.Colour.red()
DISCLAIMER_COLOUR = discord.Colour.gold()
ANSWER_COLOUR = discord.Colour.blurple()
MISS_COLOUR = discord.Colour.light_grey()
DISCORD_HINT = (
    'Browse with /episodes, /chapter and /sources, or ask about a topic ("what is a k-hole", "BDNF") '
    'or a time ("53:17").'
)


def _field(embed: discord.Embed, name: str, value: str) -> None:
    if len(embed.fields) < FIELDS_LIMIT and value:
        embed.add_field(name=clip(name, FIELD_NAME_LIMIT), value=clip(value, FIELD_VALUE_LIMIT), inline=False)


def help_embed(block: HelpBlock) -> discord.Embed:
    """Help for someone in danger, said first and warmly."""
    embed = discord.Embed(
        title=clip(block.title, TITLE_LIMIT), description=clip(block.message, DESCRIPTION_LIMIT)
    )
    embed.colour = CRISIS_COLOUR
    for resource in block.resources:
        _field(embed, resource.name, f"{resource.contact}\n{resource.url}")
    return embed


def disclaimer_embed(text: str, url: str) -> discord.Embed:
    """The medical disclaimer with the episode's page."""
    page = f"\n\n[The episode's page]({url})" if url else ""
    return discord.Embed(
        title="Not medical advice",
        description=clip(f"{text}{page}", DESCRIPTION_LIMIT),
        colour=DISCLAIMER_COLOUR,
    )


def _chapter_link(match: ChapterMatch) -> str:
    chapter = match.chapter
    line = f"[{format_time(chapter.start)} {chapter.title}]({match.url})"
    if match.moment is not None:
        line += f"\nJump to [{short_time(match.moment.seconds)}]({match.moment_url}): {match.moment.label}"
    return line


def _study_text(study: Study) -> str:
    differs = f"Not quite what the episode says: {study.differs}" if study.differs else ""
    return "\n".join(part for part in (study.citation, study.finding, differs, study.url) if part)


def reply_embeds(reply: Reply) -> list[discord.Embed]:
    """The embeds for one reply: help first, then the disclaimer, then what the episode says."""
    embeds = [help_embed(block) for block in reply.help]
    if reply.disclaimer:
        embeds.append(disclaimer_embed(reply.disclaimer, reply.disclaimer_url))
    body = _body(reply)
    if body is not None:
        embeds.append(body)
    return fit(embeds)


def _body(reply: Reply) -> discord.Embed | None:
    if reply.miss:
        text = f"{reply.miss}\n{DISCORD_HINT}" if reply.hint else reply.miss
        return discord.Embed(description=clip(text, DESCRIPTION_LIMIT), colour=MISS_COLOUR)
    if reply.main is None and not reply.studies:
        return None
    embed = discord.Embed(colour=ANSWER_COLOUR)
    if reply.notice:
        embed.set_author(name=clip(reply.notice, 256))
    if reply.main is not None:
        first = reply.main
        embed.title = clip(first.chapter.title, TITLE_LIMIT)
        embed.url = first.jump_url
        lead = f"{reply.lead}\n" if reply.lead else ""
        why = f"\n*Matched: {', '.join(first.matched)}*" if first.matched else ""
        summary = f"\n\n{reply.summary}" if reply.summary else ""
        embed.description = clip(f"{lead}{_chapter_link(first)}{summary}{why}", DESCRIPTION_LIMIT)
        if reply.others:
            _field(embed, "Also close", "\n".join(_other_link(first, m) for m in reply.others))
        embed.set_footer(text=clip(f"{first.episode.show}: {first.episode.title}", FOOTER_LIMIT))
    else:
        embed.title = "Studies cited in the episode"
    for study in reply.studies:
        _field(embed, study.title, _study_text(study))
    return embed


def _other_link(first: ChapterMatch, match: ChapterMatch) -> str:
    link = _chapter_link(match)
    return link if match.episode.id == first.episode.id else f"*{match.episode.title}*: {link}"


def chapter_embed(chapter: Chapter, episode: Episode) -> discord.Embed:
    """One chapter with its link, summary and moments."""
    url = episode.link(chapter.start)
    embed = discord.Embed(title=clip(f"{format_time(chapter.start)} {chapter.title}", TITLE_LIMIT), url=url)
    embed.colour = ANSWER_COLOUR
    moments = "\n".join(
        f"[{short_time(m.seconds)}]({episode.link(m.seconds)}) {m.label}" for m in chapter.moments
    )
    embed.description = clip(f"{chapter.summary}\n\n{moments}".strip(), DESCRIPTION_LIMIT)
    return embed


def chapter_list_embed(episode: Episode) -> discord.Embed:
    """Every chapter with a link to its start."""
    lines = [f"[{format_time(c.start)}]({episode.link(c.start)}) {c.title}" for c in episode.chapters]
    embed = discord.Embed(title=clip(episode.title, TITLE_LIMIT), url=episode.url, colour=ANSWER_COLOUR)
    embed.description = clip("\n".join(lines), DESCRIPTION_LIMIT)
    return embed


def sources_embed(studies: list[Study], episode: Episode) -> discord.Embed:
    """Studies with citation, finding and link; the other resources when all are shown."""
    embed = discord.Embed(title="Studies cited in the episode", colour=ANSWER_COLOUR, url=episode.page)
    for study in studies:
        _field(embed, study.title, _study_text(study))
    if len(studies) == len(episode.studies):
        for resource in episode.resources:
            _field(embed, resource.title, f"{resource.note}\n{resource.url}".strip())
    if not studies:
        embed.description = "No cited study matches that. Try /sources with no query for all of them."
    return embed


def episodes_embed(library: Library) -> discord.Embed:
    """Every episode served, with its link, release date and length (as many as the embed shows)."""
    lines: list[str] = []
    length = -1
    for episode_id in library.ids:
        # Past the limit, clip() shows no more of the list: the episodes after it are never read.
        if length > DESCRIPTION_LIMIT:
            break
        e = library.card(episode_id)
        lines.append(f"[{e.title}]({e.url}) · {e.released.isoformat()} · {short_time(e.duration)} · `{e.id}`")
        length += len(lines[-1]) + 1
    embed = discord.Embed(title="Episodes", colour=ANSWER_COLOUR)
    embed.description = clip("\n".join(lines), DESCRIPTION_LIMIT)
    return embed


def about_embed(library: Library) -> discord.Embed:
    """The episodes, their links, and how to use the bot."""
    first = library.episode
    if len(library.ids) == 1:
        embed = discord.Embed(title=clip(first.title, TITLE_LIMIT), url=first.url, colour=ANSWER_COLOUR)
        released, length = first.released.isoformat(), short_time(first.duration)
        intro = (
            f"{first.show} with {first.host}, released {released}, {length}.\n"
            f"[Watch]({first.url}) · [Episode page]({first.page})"
        )
    else:
        embed = discord.Embed(title=clip(f"{first.show}: {len(library.ids)} episodes", TITLE_LIMIT))
        embed.colour = ANSWER_COLOUR
        intro = "See them all with /episodes."
    embed.description = clip(
        f"{intro}\n\n"
        'Ask with /ask, by mentioning me, or in a DM: a topic ("what is a k-hole"), a time ("53:17") '
        "or a study. Browse with /episodes, /chapter and /sources. I point to where an episode covers "
        "something; I never give medical advice (see /disclaimer).",
        DESCRIPTION_LIMIT,
    )
    return embed


def total_length(embeds: list[discord.Embed]) -> int:
    """Characters Discord counts towards its 6000-character limit for a message's embeds."""
    return sum(len(e) for e in embeds)


def fit(embeds: list[discord.Embed]) -> list[discord.Embed]:
    """Drop trailing fields from the last embed until the message fits Discord's total limit."""
    while total_length(embeds) > TOTAL_LIMIT and embeds[-1].fields:
        embeds[-1].remove_field(len(embeds[-1].fields) - 1)
    if total_length(embeds) > TOTAL_LIMIT and embeds[-1].description:
        excess = total_length(embeds) - TOTAL_LIMIT
        embeds[-1].description = clip(
            embeds[-1].description, max(1, len(embeds[-1].description) - excess - 1)
        )
    return embeds
