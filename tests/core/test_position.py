"""A place named by where it is: the start or the end of an episode."""

from __future__ import annotations

import pytest

from bot.core import Library
from bot.core.message import read
from bot.core.position import Position, position_of


@pytest.mark.parametrize(
    ("message", "position"),
    [
        ("the very start where he lists everything he's going to cover", Position.START),
        ("does he explain in the first couple min why hes doing a whole ep on it", Position.START),
        ("final point he ends on before the outro?", Position.END),
        ("the wrap up where he runs back through pcp and bdnf", Position.END),
        ("you still have to do the work for it to stick, thats how i understood the ending", Position.END),
        ("at the end of the day i think it's overhyped", None),
        ("at the start of my treatment i felt nothing", None),
        ("what is the AND gate", None),
    ],
)
def test_the_start_and_the_end_are_read(message: str, position: Position | None) -> None:
    assert position_of(read(message)) is position


def test_the_end_is_the_last_chapter_of_content(library: Library) -> None:
    chapters = library.answer("final point he ends on before the outro?", "ketamine").chapters
    content = [c for c in library.engines["ketamine"].episode.chapters if c.is_content]
    assert chapters and chapters[0].chapter == content[-1]


def test_the_start_is_the_opening_chapter(library: Library) -> None:
    chapters = library.answer(
        "the very start where he lists everything he's going to cover", "ketamine"
    ).chapters
    assert chapters and chapters[0].chapter.start == 0
