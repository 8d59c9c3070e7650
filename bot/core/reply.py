"""What to say, decided once: the blocks of a reply, which the terminal and Discord only format."""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.core.answer import Answer, ChapterMatch, Kind
from bot.core.models import CrisisResource, SafetyInfo, Study
from bot.core.text import words
from bot.core.timecode import short_time

NO_LETHAL_FIGURES = (
    "I don't give lethal or overdose amounts of any drug, to anyone, and the episode isn't a guide to them."
)
TAKEN_TOO_MUCH = "If someone has taken too much, get help now:"
LONG_MESSAGE = "(Your message was long, so I matched only its beginning; safety was read over all of it.)"


@dataclass(frozen=True, slots=True)
class HelpBlock:
    """Help for someone in danger: a title, a short message and where to reach people now."""

    title: str
    message: str
    resources: tuple[CrisisResource, ...]


@dataclass(frozen=True, slots=True)
class Reply:
    """Everything a reply says, in order; renderers add formatting, never content."""

    help: tuple[HelpBlock, ...] = ()
    disclaimer: str = ""
    disclaimer_url: str = ""
    notice: str = ""
    lead: str = ""
    main: ChapterMatch | None = None
    summary: str = ""
    others: tuple[ChapterMatch, ...] = ()
    studies: tuple[Study, ...] = ()
    miss: str = ""
    hint: bool = False
    # Crisis replies to /ask are seen by the asker alone; an emergency reply is never hidden.
    private: bool = False
    # Nothing worth posting unasked: in an auto-answer channel, no reply at all.
    quiet: bool = False
    # Someone in danger is answered at once, cooldown or not.
    urgent: bool = False


def compose(answer: Answer, safety: SafetyInfo) -> Reply:
    """The reply to an answer: safety blocks first, then what the episode says and where."""
    if answer.kind is Kind.HELP:
        return _help(answer, safety)
    # An episode's own disclaimer, else the deployment's.
    disclaimer = (answer.episode.disclaimer if answer.episode else "") or safety.disclaimer
    url = answer.episode.disclaimer_url if answer.episode else ""
    framed = answer.disclaimer
    base = Reply(
        disclaimer=disclaimer if framed else "",
        disclaimer_url=url if framed else "",
        notice=LONG_MESSAGE if answer.truncated and answer.found else "",
    )
    if answer.kind is Kind.SMALL_TALK:
        return replace(base, miss=_friendly(answer), hint=True, quiet=True)
    if answer.kind is Kind.EMPTY:
        return replace(base, miss="Ask me anything about the episode.", hint=True, quiet=True)
    if answer.kind is Kind.WHICH_EPISODE and answer.asked_time is not None:
        miss = (
            f"Which episode do you mean at {short_time(answer.asked_time)}? Ask again naming it, "
            "or pick one with the episode option."
        )
        return replace(base, miss=miss, hint=False)
    if answer.kind is Kind.PAST_END and answer.asked_time is not None and answer.episode is not None:
        length, asked = short_time(answer.episode.duration), short_time(answer.asked_time)
        miss = f"The episode is only {length} long, so nothing plays at {asked}."
        return replace(base, miss=miss, hint=True)
    if not answer.found:
        miss = "That isn't covered in the episodes I know, as far as I can tell."
        return replace(base, miss=miss, hint=True, quiet=True)
    lead = ""
    if answer.kind is Kind.TIME and answer.asked_time is not None:
        lead = f"At {short_time(answer.asked_time)} you're in this chapter:"
    elif framed:
        lead = "Here is where the episode covers that; watch it in context:"
    main, *others = answer.chapters or (None,)
    summary = main.chapter.summary if main is not None else ""
    return replace(
        base,
        lead=lead,
        main=main,
        summary=summary,
        others=tuple(m for m in others if m is not None),
        studies=answer.studies,
    )


def _help(answer: Answer, safety: SafetyInfo) -> Reply:
    """Help and nothing else: the emergency number first, crisis resources, a refused lethal amount."""
    blocks: list[HelpBlock] = []
    if answer.emergency:
        blocks.append(
            HelpBlock("Call emergency services now", safety.emergency_message, safety.emergency_resources)
        )
    if answer.crisis:
        blocks.append(HelpBlock("You're not alone", safety.crisis_message, safety.crisis_resources))
    if answer.lethal:
        if answer.crisis or answer.emergency:
            blocks.append(HelpBlock("About amounts", NO_LETHAL_FIGURES, ()))
        else:
            blocks.append(
                HelpBlock(
                    "I won't share that", f"{NO_LETHAL_FIGURES} {TAKEN_TOO_MUCH}", safety.emergency_resources
                )
            )
    # A crisis reply stays between the bot and the asker; an emergency is never hidden from those who could
    # help, unless only the classifier read it in what is surely a crisis (most of its extra readings).
    private = answer.crisis and (not answer.emergency or answer.safety.emergency_inferred)
    return Reply(help=tuple(blocks), private=private, urgent=True)


def _friendly(answer: Answer) -> str:
    """One short friendly line for chatter on a mention or a DM."""
    said = set(words(answer.question))
    if said & {"thanks", "thank", "thx", "ty", "tysm", "appreciate", "appreciated", "cheers"}:
        return "Glad it helps!"
    return "Hi! I answer questions about the episodes."
