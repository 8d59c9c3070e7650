"""Transcript windows held as arrays: read back as stored, sliced without copying, compared by value."""

from __future__ import annotations

import pickle

import pytest

from bot.core.models import KnowledgeBase, TranscriptWindow, Windows

MADE = [
    TranscriptWindow(0, (("ketamin", 3), ("depress", 1))),
    TranscriptWindow(40, (("dose", 2), ("ketamin", 1))),
    TranscriptWindow(80, (("habenula", 1),)),
]


def test_windows_read_back_as_they_were_stored() -> None:
    windows = Windows(MADE)
    assert list(windows) == MADE
    assert len(windows) == 3 and windows[1] == MADE[1] and windows[-1] == MADE[-1]
    assert list(windows.starts) == [0, 40, 80]
    with pytest.raises(IndexError):
        windows[3]
    assert not Windows() and list(Windows()) == []


def test_a_slice_shares_the_arrays_and_equals_the_same_windows_made_anew() -> None:
    windows = Windows(MADE)
    part = windows[1:]
    assert list(part) == MADE[1:] and list(part.starts) == [40, 80]
    assert part == Windows(MADE[1:]) and hash(part) == hash(Windows(MADE[1:]))
    assert part.__getstate__()[0] is windows.__getstate__()[0]
    assert list(windows[1:2]) == [MADE[1]] and list(windows[2:1]) == []
    assert windows == Windows(MADE) and windows != Windows(MADE[:2]) and windows != part


def test_counts_and_vocabularies_of_any_size_survive() -> None:
    big = [
        TranscriptWindow(i * 40, tuple((f"term{i}x{j}", 999_999 - j) for j in range(300))) for i in range(300)
    ]
    windows = Windows(big)
    assert list(windows) == big
    assert list(pickle.loads(pickle.dumps(windows))) == big


def test_pickled_windows_and_their_slices_read_back_alike(knowledge: KnowledgeBase) -> None:
    imported = [e for e in knowledge.episodes if e.windows]
    assert imported
    for episode in imported:
        windows = episode.windows
        copy = pickle.loads(pickle.dumps(windows))
        assert copy == windows and list(copy) == list(windows)
        assert Windows(list(windows)) == windows
        part = pickle.loads(pickle.dumps(windows[5:9]))
        assert list(part) == list(windows)[5:9]
