"""Answers as a person reads them (plain text with light Markdown) and as JSON for machines."""

from __future__ import annotations

from typing import Any

from bot.core.answer import Answer, ChapterMatch, Kind
from bot.core.models import Episode, SafetyInfo, Study
from bot.core.timecode import format_time, short_time

BROWSE_HINT = (
    "Browse the chapters with `chapters` (or /chapter on Discord), the cited studies with `sources`, "
    'or ask about a topic ("what is a k-hole", "BDNF") or a time ("53:17").'
)


def answer_to_dict(answer: Answer, episode: Episode, safety: SafetyInfo) -> dict[str, Any]:
    """The JSON object for one answer (the `ask --json` line)."""
    return {
        "question": answer.question,
        "kind": answer.kind.value,
        "chapters": [c.to_dict() for c in answer.chapters],
        "studies": [study_to_dict(s) for s in answer.studies],
        "disclaimer": answer.disclaimer,
        "crisis": answer.crisis,
        "asked_time": format_time(answer.asked_time) if answer.asked_time is not None else None,
        "truncated": answer.truncated,
        "text": answer_text(answer, episode, safety),
    }


def study_to_dict(study: Study) -> dict[str, Any]:
    """The JSON object for one study."""
    return {
        "id": study.id,
        "title": study.title,
        "url": study.url,
        "authors": list(study.authors),
        "year": study.year,
        "source": study.source,
        "doi": study.doi,
        "finding": study.finding,
        "citation": study.citation,
    }


def crisis_text(safety: SafetyInfo) -> str:
    """The crisis message and resources, said before anything else."""
    lines = [safety.crisis_message]
    lines += [f"- **{r.name}**: {r.contact} ({r.url})" for r in safety.crisis_resources]
    return "\n".join(lines)


def disclaimer_text(episode: Episode) -> str:
    """The medical disclaimer with the episode's page."""
    return f"**Not medical advice.** {episode.disclaimer} ({episode.disclaimer_url})"


def chapter_line(match: ChapterMatch) -> str:
    """'[00:34:29] NMDA Receptor & Neuroplasticity: <link>' plus the moment to jump to."""
    chapter = match.chapter
    line = f"[{format_time(chapter.start)}] {chapter.title}: {match.url}"
    if match.moment is not None:
        line += f"\n  jump to {short_time(match.moment.seconds)}, {match.moment.label}: {match.moment_url}"
    return line


def study_block(study: Study) -> str:
    """A study as citation, finding and link."""
    return f"- {study.citation}\n  {study.finding}\n  {study.url}"


def answer_text(answer: Answer, episode: Episode, safety: SafetyInfo) -> str:
    """The whole answer as a person reads it; safety first, then what the episode says and where."""
    parts: list[str] = []
    if answer.crisis:
        parts.append(crisis_text(safety))
    if answer.disclaimer:
        parts.append(disclaimer_text(episode))
    if answer.truncated:
        parts.append("(Your message was long, so I read only its beginning.)")
    parts.append(_body(answer, episode))
    return "\n\n".join(p for p in parts if p)


def _body(answer: Answer, episode: Episode) -> str:
    if answer.kind is Kind.EMPTY:
        return "Ask me anything about this episode. " + BROWSE_HINT
    if answer.kind is Kind.PAST_END and answer.asked_time is not None:
        return (
            f"The episode is only {short_time(episode.duration)} long, so nothing plays at "
            f"{short_time(answer.asked_time)}. {BROWSE_HINT}"
        )
    if not answer.found:
        if answer.crisis:
            return ""
        if answer.kind is Kind.SMALL_TALK:
            return f'I answer questions about "{episode.title}". {BROWSE_HINT}'
        return f"That isn't covered in this episode, as far as I can tell. {BROWSE_HINT}"
    lines: list[str] = []
    if answer.kind is Kind.TIME and answer.asked_time is not None:
        lines.append(f"At {short_time(answer.asked_time)} you're in this chapter:")
    elif answer.disclaimer:
        lines.append("Here is where the episode covers that; watch it in context:")
    if answer.chapters:
        first, *others = answer.chapters
        lines.append(chapter_line(first))
        # A personal question gets where, not a summary whose figures could read as advice.
        if first.chapter.summary and not answer.disclaimer:
            lines.append(first.chapter.summary)
        if others:
            lines.append("Also close:")
            lines += [chapter_line(c) for c in others]
    if answer.studies:
        lines.append("Studies:" if len(answer.studies) > 1 else "Study:")
        lines += [study_block(s) for s in answer.studies]
    return "\n".join(lines)


def chapters_text(episode: Episode) -> str:
    """Every chapter with its start and link."""
    return "\n".join(f"[{format_time(c.start)}] {c.title}  {episode.link(c.start)}" for c in episode.chapters)


def sources_text(episode: Episode) -> str:
    """Every cited study, then the other resources the episode names."""
    lines = [study_block(s) for s in episode.studies]
    if episode.resources:
        lines.append("Other resources:")
        lines += [f"- {r.title}: {r.url}" for r in episode.resources]
    return "\n".join(lines)
