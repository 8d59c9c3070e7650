"""Answers and browsing views as Discord embeds, kept inside Discord's size limits."""

from __future__ import annotations

import discord

from bot.core.answer import Answer, ChapterMatch, Kind
from bot.core.models import Chapter, Episode, SafetyInfo, Study
from bot.core.render import BROWSE_HINT
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
DISCORD_HINT = BROWSE_HINT.replace("`chapters` (or /chapter on Discord)", "/chapter").replace(
    "`sources`", "/sources"
)


def clip(text: str, limit: int) -> str:
    """The text, cut with an ellipsis when longer than `limit`."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _field(embed: discord.Embed, name: str, value: str) -> None:
    if len(embed.fields) < FIELDS_LIMIT and value:
        embed.add_field(name=clip(name, FIELD_NAME_LIMIT), value=clip(value, FIELD_VALUE_LIMIT), inline=False)


def crisis_embed(safety: SafetyInfo) -> discord.Embed:
    """Crisis resources, said first and warmly."""
    embed = discord.Embed(
        title="You're not alone", description=clip(safety.crisis_message, DESCRIPTION_LIMIT)
    )
    embed.colour = CRISIS_COLOUR
    for resource in safety.crisis_resources:
        _field(embed, resource.name, f"{resource.contact}\n{resource.url}")
    return embed


def disclaimer_embed(episode: Episode) -> discord.Embed:
    """The medical disclaimer with the episode's page."""
    text = f"{episode.disclaimer}\n\n[The episode's page]({episode.disclaimer_url})"
    return discord.Embed(
        title="Not medical advice", description=clip(text, DESCRIPTION_LIMIT), colour=DISCLAIMER_COLOUR
    )


def _chapter_link(match: ChapterMatch) -> str:
    chapter = match.chapter
    line = f"[{format_time(chapter.start)} {chapter.title}]({match.url})"
    if match.moment is not None:
        line += f"\nJump to [{short_time(match.moment.seconds)}]({match.moment_url}): {match.moment.label}"
    return line


def _study_text(study: Study) -> str:
    return f"{study.citation}\n{study.finding}\n{study.url}"


def answer_embeds(answer: Answer, episode: Episode, safety: SafetyInfo) -> list[discord.Embed]:
    """The embeds for one answer: crisis resources first, then the disclaimer, then what the episode says."""
    embeds: list[discord.Embed] = []
    if answer.crisis:
        embeds.append(crisis_embed(safety))
    if answer.disclaimer:
        embeds.append(disclaimer_embed(episode))
    body = _answer_body(answer, episode)
    if body is not None:
        embeds.append(body)
    return fit(embeds)


def _answer_body(answer: Answer, episode: Episode) -> discord.Embed | None:
    if not answer.found:
        if answer.crisis:
            return None
        if answer.kind is Kind.PAST_END and answer.asked_time is not None:
            length, asked = short_time(episode.duration), short_time(answer.asked_time)
            text = f"The episode is {length} long; nothing plays at {asked}."
        elif answer.kind is Kind.EMPTY:
            text = "Ask me anything about this episode."
        else:
            text = "That isn't covered in this episode, as far as I can tell."
        return discord.Embed(
            description=clip(f"{text}\n{DISCORD_HINT}", DESCRIPTION_LIMIT), colour=MISS_COLOUR
        )
    embed = discord.Embed(colour=ANSWER_COLOUR)
    if answer.chapters:
        first, *others = answer.chapters
        embed.title = clip(first.chapter.title, TITLE_LIMIT)
        embed.url = first.jump_url
        lead = ""
        if answer.kind is Kind.TIME and answer.asked_time is not None:
            lead = f"At {short_time(answer.asked_time)} you're in this chapter.\n"
        why = f"\n*Matched: {', '.join(first.matched)}*" if first.matched else ""
        # A personal question gets where, not a summary whose figures could read as advice.
        summary = "" if answer.disclaimer else f"\n\n{first.chapter.summary}"
        embed.description = clip(f"{lead}{_chapter_link(first)}{summary}{why}", DESCRIPTION_LIMIT)
        if others:
            _field(embed, "Also close", "\n".join(_chapter_link(m) for m in others))
    else:
        embed.title = "Studies cited in the episode"
    for study in answer.studies:
        _field(embed, study.title, _study_text(study))
    embed.set_footer(text=clip(f"{episode.show}: {episode.title}", FOOTER_LIMIT))
    return embed


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


def about_embed(episode: Episode) -> discord.Embed:
    """The episode, its links, and how to use the bot."""
    embed = discord.Embed(title=clip(episode.title, TITLE_LIMIT), url=episode.url, colour=ANSWER_COLOUR)
    released, length = episode.released.isoformat(), short_time(episode.duration)
    embed.description = clip(
        f"{episode.show} with {episode.host}, released {released}, {length}.\n"
        f"[Watch]({episode.url}) · [Episode page]({episode.page})\n\n"
        'Ask with /ask, by mentioning me, or in a DM: a topic ("what is a k-hole"), a time ("53:17") '
        "or a study. Browse with /chapter and /sources. I point to where the episode covers something; "
        "I never give medical advice (see /disclaimer).",
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
