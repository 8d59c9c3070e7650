"""Term windows: spans per chapter, alphabetical stem counts the engine's stems match, topic starts."""

from __future__ import annotations

from bot.core.search import terms_of
from bot.ingest.transcript import Cue
from bot.ingest.windows import ChapterSpan, build_windows, count_windows, window_spans


def cue(start: float, text: str) -> Cue:
    """A two-second cue."""
    return Cue(start, start + 2, text, 1)


def test_windows_restart_at_each_chapter_and_short_tails_join() -> None:
    chapters = [ChapterSpan(0, 90, False), ChapterSpan(90, 130, True)]
    # 80-90 s is too short a window: it joins 40-80.
    assert window_spans(chapters, 40) == [(0, 40, 0), (40, 90, 0), (90, 130, 1)]
    # 100 - 80 = 20 s is long enough to stand alone.
    assert window_spans([ChapterSpan(0, 100, True)], 40)[-1] == (80, 100, 0)


def test_counts_are_the_engines_stems_without_stop_words() -> None:
    cues = [cue(1, "The NMDA receptors and the receptor"), cue(45, "What is a K hole, 50 mg?")]
    counts = count_windows(cues, [ChapterSpan(0, 90, True)], 40)
    assert counts[0] == {"nmda": 1, "receptor": 2}
    assert set(counts[1]) <= set(terms_of("What is a K hole, 50 mg?"))
    assert "khole" in counts[1]  # the engine's compound for "k hole"
    assert "the" not in counts[0] and "50" not in counts[1]


def test_window_terms_are_alphabetical_with_counts() -> None:
    cues = [cue(1, "glutamate glutamate receptor habenula zebra glutamate")]
    windows, _ = build_windows(cues, [ChapterSpan(0, 40, True)], 40)
    assert windows[0].encoded() == "glutam*3 habenula receptor zebra"


def test_a_topic_start_is_found_and_named_by_its_spoken_words() -> None:
    filler = "sleep light morning evening"
    cues = [cue(t, filler) for t in range(0, 400, 10)]
    # A new cluster of rare words begins at 200 s and carries on into the next window.
    cues += [cue(t + 1, "habenula disappointment habenula dopamine") for t in range(200, 280, 10)]
    cues.sort(key=lambda c: c.start)
    windows, moments = build_windows(cues, [ChapterSpan(0, 400, True)], 40)
    assert [m.at for m in moments] == [200]
    assert "habenula" in moments[0].label and "disappointment" in moments[0].label
    assert all(not w.encoded().startswith("habenula") for w in windows if w.start < 200)


def test_no_topic_starts_outside_content_chapters() -> None:
    cues = [cue(t, "sleep light") for t in range(0, 400, 10)]
    cues += [cue(t + 1, "habenula disappointment habenula") for t in range(200, 280, 10)]
    cues.sort(key=lambda c: c.start)
    _, moments = build_windows(cues, [ChapterSpan(0, 400, False)], 40)
    assert moments == []
