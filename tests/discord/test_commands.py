"""The slash commands' helpers: autocomplete choices stay within Discord's limits."""

from __future__ import annotations

from bot.core import Engine
from bot.core.browse import suggest_chapters, suggest_studies
from bot.discord.commands import MAX_CHOICE_LENGTH, MAX_CHOICES, choices


def test_choices_are_clipped_to_discords_limits(engine: Engine) -> None:
    long = [("x" * 300, "y" * 300)] * 40
    clipped = choices(long)
    assert len(clipped) == MAX_CHOICES
    assert all(len(c.name) <= MAX_CHOICE_LENGTH and len(c.value) <= MAX_CHOICE_LENGTH for c in clipped)
    for typed in ("", "k", "nmda", "53:17", "x" * 300):
        for choice in choices(suggest_chapters(engine, typed)) + choices(suggest_studies(engine, typed)):
            assert 0 < len(choice.name) <= MAX_CHOICE_LENGTH
