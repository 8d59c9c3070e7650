"""The knowledge loader: the shipped file passes, and every kind of bad file is named with field and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.core import KnowledgeError, load_episode, load_knowledge
from bot.paths import BUNDLED_KNOWLEDGE

GOOD = """\
schema: 1
episode:
  id: demo
  title: A demo episode
  show: Demo Show
  host: Someone
  video_id: Rxmv7rT9leo
  url: https://www.youtube.com/watch?v=Rxmv7rT9leo
  page: https://example.org/demo
  released: 2023-08-07
  duration: "00:20:00"
disclaimer:
  text: General information only, not medical advice.
  url: https://example.org/demo
chapters:
  - id: opening
    start: "00:00:00"
    title: Opening
    kind: intro
    summary: What the show covers.
    keywords: [overview]
  - id: main-topic
    start: "00:05:00"
    title: Main topic
    kind: content
    summary: The main part.
    keywords: [receptor, plasticity]
    moments:
      - at: "00:06:00"
        label: a definition
        studies: [smith-2020]
studies:
  - id: smith-2020
    title: A study
    url: https://example.org/study
    authors: [Smith A]
    year: 2020
    source: Journal 1(2):3-4
    finding: It found something.
    chapters: [main-topic]
    keywords: [smith]
...
"""


def write(tmp_path: Path, text: str, name: str = "demo.yaml") -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def problems_of(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(write(tmp_path, text))
    return [str(p) for p in caught.value.problems]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_shipped_knowledge_passes() -> None:
    knowledge = load_knowledge(BUNDLED_KNOWLEDGE)
    episode = knowledge.default
    assert episode.video_id == "Rxmv7rT9leo"
    assert len(episode.chapters) == 22
    assert len(episode.studies) == 5
    assert all(c.moments for c in episode.chapters if c.kind == "content")


def test_shipped_chapters_match_the_published_list(episode_description: str) -> None:
    episode = load_knowledge(BUNDLED_KNOWLEDGE).default
    for chapter in episode.chapters:
        assert f"{chapter.title}" in episode_description, chapter.title


@pytest.fixture
def episode_description() -> str:
    path = BUNDLED_KNOWLEDGE.parent.parent / "shared" / "episode" / "description.txt"
    if not path.exists():
        pytest.skip("../shared/episode/description.txt is not beside this checkout")
    return path.read_text(encoding="utf-8")


def test_minimal_file_loads(tmp_path: Path) -> None:
    episode = load_knowledge(write(tmp_path, GOOD)).default
    assert [c.id for c in episode.chapters] == ["opening", "main-topic"]
    assert episode.chapters[1].end == 1200
    assert episode.chapters[1].moments[0].study_ids == ("smith-2020",)


def test_missing_field(tmp_path: Path) -> None:
    text = GOOD.replace("    title: Main topic\n", "")
    [problem] = problems_of(tmp_path, text)
    assert "chapters[1]: missing required field 'title'" in problem
    assert f"demo.yaml:{line_of(text, '- id: main-topic')}:" in problem


def test_unknown_field(tmp_path: Path) -> None:
    text = GOOD.replace("    kind: content\n", "    kind: content\n    sumary: typo\n")
    [problem] = problems_of(tmp_path, text)
    assert f"demo.yaml:{line_of(text, 'sumary')}: chapters[1].sumary: unknown field" in problem


def test_times_out_of_order(tmp_path: Path) -> None:
    text = GOOD.replace('start: "00:05:00"', 'start: "00:00:00"')
    problems = problems_of(tmp_path, text)
    assert any(
        "chapters[1].start: 00:00:00 is not after the previous chapter's 00:00:00" in p for p in problems
    )


def test_time_past_the_end(tmp_path: Path) -> None:
    text = GOOD.replace('start: "00:05:00"', 'start: "00:25:00"')
    problems = problems_of(tmp_path, text)
    line = line_of(text, '"00:25:00"')
    assert any(
        f":{line}: chapters[1].start: 00:25:00 is past the episode's end (00:20:00)" in p for p in problems
    )


def test_moment_outside_its_chapter(tmp_path: Path) -> None:
    text = GOOD.replace('at: "00:06:00"', 'at: "00:04:00"')
    [problem] = problems_of(tmp_path, text)
    assert (
        f":{line_of(text, '00:04:00')}: chapters[1].moments[0].at: 00:04:00 is outside the chapter" in problem
    )


def test_malformed_time(tmp_path: Path) -> None:
    text = GOOD.replace('at: "00:06:00"', 'at: "6 minutes"')
    [problem] = problems_of(tmp_path, text)
    assert "chapters[1].moments[0].at: not a time: '6 minutes'" in problem


def test_unquoted_time_is_read_as_written(tmp_path: Path) -> None:
    # YAML 1.1 reads 06:00 as the base-60 number 360; the loader reads the text as written.
    episode = load_knowledge(write(tmp_path, GOOD.replace('at: "00:06:00"', "at: 06:00"))).default
    assert episode.chapters[1].moments[0].seconds == 360


def test_duplicate_ids(tmp_path: Path) -> None:
    text = GOOD.replace("id: main-topic", "id: opening").replace(
        "chapters: [main-topic]", "chapters: [opening]"
    )
    [problem] = problems_of(tmp_path, text)
    second = [i for i, line in enumerate(text.splitlines(), 1) if "- id: opening" in line][1]
    assert f":{second}: chapters[1].id: duplicate chapter id 'opening'" in problem


def test_reference_to_missing_study(tmp_path: Path) -> None:
    text = GOOD.replace("studies: [smith-2020]", "studies: [smith-2021]")
    [problem] = problems_of(tmp_path, text)
    assert "chapters[1].moments[0].studies[0]: no study has the id 'smith-2021'" in problem


def test_reference_to_missing_chapter(tmp_path: Path) -> None:
    text = GOOD.replace("chapters: [main-topic]", "chapters: [main]")
    [problem] = problems_of(tmp_path, text)
    assert (
        f":{line_of(text, 'chapters: [main]')}: studies[0].chapters[0]: no chapter has the id 'main'"
        in problem
    )


@pytest.mark.parametrize(
    "url", ["example.org/study", "htp://example.org", "https://exa mple.org", "https://localhost"]
)
def test_malformed_url(tmp_path: Path, url: str) -> None:
    text = GOOD.replace("url: https://example.org/study", f"url: {url}")
    [problem] = problems_of(tmp_path, text)
    assert f"studies[0].url: {url!r} is not a valid http(s) URL" in problem


def test_wrong_types(tmp_path: Path) -> None:
    text = GOOD.replace("year: 2020", "year: twenty").replace("keywords: [overview]", "keywords: overview")
    problems = problems_of(tmp_path, text)
    assert any("studies[0].year: must be a whole number, got a string" in p for p in problems)
    assert any("chapters[0].keywords: must be a list of strings, got a string" in p for p in problems)


def test_bad_kind_and_video_id(tmp_path: Path) -> None:
    text = GOOD.replace("kind: content", "kind: advert").replace("video_id: Rxmv7rT9leo", "video_id: short")
    problems = problems_of(tmp_path, text)
    assert any(
        "chapters[1].kind: 'advert' must be one of intro, content, sponsor, outro" in p for p in problems
    )
    assert any("episode.video_id: 'short' is not an 11-character YouTube video id" in p for p in problems)


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    text = GOOD.replace("    title: Main topic\n", "    title: [Main topic\n")
    [problem] = problems_of(tmp_path, text)
    assert "demo.yaml:" in problem
    assert "is not valid YAML" in problem


def test_duplicate_key(tmp_path: Path) -> None:
    text = GOOD.replace("    title: Opening\n", "    title: Opening\n    title: Again\n")
    [problem] = problems_of(tmp_path, text)
    assert f":{line_of(text, 'title: Again')}: chapters[0].title: appears twice" in problem


def test_every_problem_is_reported(tmp_path: Path) -> None:
    text = GOOD.replace("year: 2020", "year: 1066").replace("    title: Opening\n", "")
    assert len(problems_of(tmp_path, text)) == 2


def test_empty_and_missing_folders(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="holds no"):
        load_knowledge(tmp_path)
    with pytest.raises(KnowledgeError, match="is not a folder"):
        load_knowledge(tmp_path / "nope")
    with pytest.raises(KnowledgeError, match="is empty"):
        load_episode(write(tmp_path, "") / "demo.yaml")


def test_files_starting_with_underscore_are_ignored(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    write(tmp_path, "not: [valid", name="_draft.yaml")
    assert load_knowledge(tmp_path).default.id == "demo"


def test_two_files_same_episode_id(tmp_path: Path) -> None:
    write(tmp_path, GOOD, "a.yaml")
    write(tmp_path, GOOD, "b.yaml")
    with pytest.raises(KnowledgeError, match="'demo' is used twice"):
        load_knowledge(tmp_path)


def test_shipped_file_copy_with_one_break_is_rejected(tmp_path: Path) -> None:
    for source in BUNDLED_KNOWLEDGE.glob("*.yaml"):
        shutil.copy(source, tmp_path / source.name)
    target = tmp_path / "ketamine.yaml"
    target.write_text(
        target.read_text(encoding="utf-8").replace("kind: sponsor", "kind: sponsr", 1), encoding="utf-8"
    )
    with pytest.raises(KnowledgeError, match="'sponsr' must be one of"):
        load_knowledge(tmp_path)
