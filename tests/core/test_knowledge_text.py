"""The knowledge base is written in our own words: no run of seven words is taken from the transcript."""

from __future__ import annotations

import re

import pytest

from bot.core import Episode
from bot.paths import BUNDLED_KNOWLEDGE

TRANSCRIPT = BUNDLED_KNOWLEDGE.parent.parent / "shared" / "episode" / "transcript.txt"
RUN = 7


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


@pytest.fixture(scope="module")
def transcript_runs() -> set[tuple[str, ...]]:
    if not TRANSCRIPT.exists():
        pytest.skip(f"{TRANSCRIPT} is not beside this checkout")
    spoken = " ".join(
        re.sub(r"^\[[^\]]*\]\s*", "", line) for line in TRANSCRIPT.read_text("utf-8").splitlines()
    )
    tokens = words(spoken)
    return {tuple(tokens[i : i + RUN]) for i in range(len(tokens) - RUN + 1)}


def prose(episode: Episode) -> list[str]:
    texts = [c.summary for c in episode.chapters] + [m.label for c in episode.chapters for m in c.moments]
    texts += [s.finding for s in episode.studies] + [episode.disclaimer]
    return texts


def test_no_sentence_is_copied_from_the_transcript(
    episode: Episode, transcript_runs: set[tuple[str, ...]]
) -> None:
    copied = []
    for text in prose(episode):
        tokens = words(text)
        copied += [" ".join(tokens[i : i + RUN]) for i in range(len(tokens) - RUN + 1)]
    copied = [run for run in copied if tuple(run.split()) in transcript_runs]
    assert not copied, f"runs of {RUN} words taken from the transcript: {copied}"


def test_the_check_can_fail(transcript_runs: set[tuple[str, ...]]) -> None:
    sample = next(iter(transcript_runs))
    assert tuple(words(" ".join(sample))) in transcript_runs
