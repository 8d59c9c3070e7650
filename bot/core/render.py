"""Replies as a person reads them in a terminal (plain text with light Markdown), and answers as JSON."""

from __future__ import annotations

from typing import Any

from bot.core.answer import Answer, ChapterMatch
from bot.core.models import Episode, SafetyInfo, Study
from bot.core.reply import HelpBlock, Reply, compose
from bot.core.timecode import format_time, short_time

BROWSE_HINT = (
    "Browse with `episodes`, `chapters` and `sources` (or /episodes, /chapter and /sources on Discord), "
    'or ask about a topic ("what is a k-hole", "BDNF") or a time ("53:17").'
)


def answer_to_dict(answer: Answer, safety: SafetyInfo) -> dict[str, Any]:
    """The JSON object for one answer (the `ask --json` line)."""
    return {
        "question": answer.question,
        "kind": answer.kind.value,
        "episode": answer.chapters[0].episode.id if answer.chapters else None,
        "chapters": [c.to_dict() for c in answer.chapters],
        "studies": [study_to_dict(s) for s in answer.studies],
        "disclaimer": answer.disclaimer,
        "crisis": answer.crisis,
        "emergency": answer.emergency,
        "lethal": answer.lethal,
        "asked_time": format_time(answer.asked_time) if answer.asked_time is not None else None,
        "truncated": answer.truncated,
        "text": reply_text(compose(answer, safety)),
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
        "differs": study.differs,
        "citation": study.citation,
    }


def help_text(block: HelpBlock) -> str:
    """A help block: its message, then each resource with how to reach it."""
    lines = [f"**{block.title}.** {block.message}"]
    lines += [f"- **{r.name}**: {r.contact} ({r.url})" for r in block.resources]
    return "\n".join(lines)


def chapter_line(match: ChapterMatch) -> str:
    """'[00:34:29] NMDA Receptor & Neuroplasticity: <link>' plus the moment to jump to."""
    chapter = match.chapter
    line = f"[{format_time(chapter.start)}] {chapter.title}: {match.url}"
    if match.moment is not None:
        line += f"\n  jump to {short_time(match.moment.seconds)}, {match.moment.label}: {match.moment_url}"
    return line


def study_block(study: Study) -> str:
    """A study as citation, finding and link."""
    finding = f"\n  {study.finding}" if study.finding else ""
    differs = f"\n  Not quite what the episode says: {study.differs}" if study.differs else ""
    return f"- {study.citation}{finding}{differs}\n  {study.url}"


def reply_text(reply: Reply) -> str:
    """The whole reply as a person reads it in a terminal."""
    parts = [help_text(b) for b in reply.help]
    if reply.disclaimer:
        parts.append(f"**Not medical advice.** {reply.disclaimer} ({reply.disclaimer_url})")
    if reply.notice:
        parts.append(reply.notice)
    body: list[str] = []
    if reply.miss:
        body.append(f"{reply.miss} {BROWSE_HINT}" if reply.hint else reply.miss)
    if reply.lead:
        body.append(reply.lead)
    if reply.main is not None:
        # Name the episode unless it is the featured one and the only one in the reply.
        if not reply.main.episode.featured or len(_episodes_of(reply)) > 1:
            body.append(f"From “{reply.main.episode.title}”:")
        body.append(chapter_line(reply.main))
        if reply.summary:
            body.append(reply.summary)
    if reply.others:
        body.append("Also close:")
        body += [_other_line(reply, m) for m in reply.others]
    if reply.studies:
        body.append("Studies:" if len(reply.studies) > 1 else "Study:")
        body += [study_block(s) for s in reply.studies]
    parts.append("\n".join(body))
    return "\n\n".join(p for p in parts if p)


def _episodes_of(reply: Reply) -> set[str]:
    matches = [reply.main, *reply.others] if reply.main else list(reply.others)
    return {m.episode.id for m in matches}


def _other_line(reply: Reply, match: ChapterMatch) -> str:
    line = chapter_line(match)
    if reply.main is not None and match.episode.id != reply.main.episode.id:
        line = f"(in “{match.episode.title}”) {line}"
    return line


def episodes_text(episodes: tuple[Episode, ...]) -> str:
    """Every episode served: id, title, release date and length."""
    return "\n".join(
        f"{e.id}  {e.title} ({e.released.isoformat()}, {short_time(e.duration)})" for e in episodes
    )


def chapters_text(episode: Episode) -> str:
    """Every chapter with its start and link."""
    return "\n".join(f"[{format_time(c.start)}] {c.title}  {episode.link(c.start)}" for c in episode.chapters)


def sources_text(episode: Episode) -> str:
    """Every cited study, then the other resources the episode names."""
    lines = [study_block(s) for s in episode.studies] or ["This episode cites no articles."]
    if episode.resources:
        lines.append("Other resources:")
        lines += [f"- {r.title}: {r.url}" for r in episode.resources]
    return "\n".join(lines)
