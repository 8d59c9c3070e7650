"""Hostile and damaged knowledge files: each fails fast with a named problem, never a traceback."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from bot.core import KnowledgeError, load_knowledge
from bot.core.loader import END_MARKER, MAX_ALIAS_NODES, MAX_DEPTH, MAX_FILE_BYTES, MAX_PROBLEMS, SAFETY_FILE
from bot.paths import BUNDLED_KNOWLEDGE
from tests.core.test_loader import GOOD, line_of

BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
...
"""


def problems(folder: Path) -> list[str]:
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(folder)
    return [str(p) for p in caught.value.problems]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "demo.yaml").write_text(GOOD, encoding="utf-8")
    return tmp_path


def test_alias_bomb_fails_fast(tmp_path: Path) -> None:
    assert len(BILLION_LAUGHS) < 600
    (tmp_path / "bomb.yaml").write_text(BILLION_LAUGHS, encoding="utf-8")
    started = time.perf_counter()
    [problem] = problems(tmp_path)
    assert time.perf_counter() - started < 1.0
    assert f"bomb.yaml:{5}:" in problem or "bomb.yaml:" in problem
    assert f"aliases repeat more than {MAX_ALIAS_NODES:,} values" in problem


def test_recursive_alias_is_one_problem(tmp_path: Path) -> None:
    (tmp_path / "loop.yaml").write_text("schema: 1\nepisode: &e\n  id: [*e]\n...\n", encoding="utf-8")
    [problem] = problems(tmp_path)
    assert "loop.yaml:3: episode.id[0]: the alias *e refers to itself (a recursive alias)" in problem


def test_aliases_within_the_budget_are_read(folder: Path) -> None:
    text = GOOD.replace("keywords: [overview]", "keywords: &kw [overview, intro]").replace(
        "keywords: [smith]", "keywords: *kw"
    )
    (folder / "demo.yaml").write_text(text, encoding="utf-8")
    assert load_knowledge(folder).default.studies[0].keywords == ("overview", "intro")


def test_deep_nesting_is_refused(folder: Path) -> None:
    (folder / "demo.yaml").write_text("a: " + "[" * 5000 + "]" * 5000 + "\n...\n", encoding="utf-8")
    [problem] = problems(folder)
    assert f"nests deeper than {MAX_DEPTH} levels" in problem or "is not valid YAML" in problem


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "released: 2023-08-07",
            "released: 2023-02-30",
            "episode.released: '2023-02-30' is not a valid date",
        ),
        ("year: 2020", "year: " + "9" * 5000, "studies[0].year: '99999"),
        ("year: 2020", "year: !!int twenty", "studies[0].year: 'twenty' is not a valid number"),
        ("year: 2020", "year: !custom 2020", "studies[0].year: '2020' is not a valid value"),
        ("year: 2020", "year: !!python/object:os.system ls", "studies[0].year:"),
    ],
)
def test_value_errors_name_file_line_and_field(folder: Path, old: str, new: str, expected: str) -> None:
    text = GOOD.replace(old, new)
    (folder / "demo.yaml").write_text(text, encoding="utf-8")
    [problem] = problems(folder)
    line = next(i for i, t in enumerate(text.splitlines(), 1) if new[:20] in t)
    assert f"demo.yaml:{line}: {expected}" in problem
    assert len(problem) < 400


def test_a_link_outside_the_folder_is_not_read(
    folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    secret = tmp_path_factory.mktemp("outside") / "secret.yaml"
    secret.write_text("root:x:0:0:SECRET-LINE\n...\n", encoding="utf-8")
    (folder / "evil.yaml").symlink_to(secret)
    [problem] = problems(folder)
    assert "evil.yaml: is a link to something outside the knowledge folder" in problem
    assert "SECRET-LINE" not in problem and "0:0" not in problem


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/etc/passwd"])
def test_links_to_system_files_are_not_read(folder: Path, device: str) -> None:
    (folder / "evil.yaml").symlink_to(device)
    [problem] = problems(folder)
    assert "evil.yaml: is a link to something outside the knowledge folder" in problem


def test_a_link_inside_the_folder_is_read(folder: Path) -> None:
    # Kubernetes mounts each file of a ConfigMap as a link into a hidden folder beside it.
    (folder / "..data").mkdir()
    (folder / "demo.yaml").rename(folder / "..data" / "demo.yaml")
    (folder / "demo.yaml").symlink_to(folder / "..data" / "demo.yaml")
    assert load_knowledge(folder).default.id == "demo"


def test_fifo_and_folder_named_yaml_are_refused_unopened(folder: Path) -> None:
    os.mkfifo(folder / "pipe.yaml")
    (folder / "dir.yaml").mkdir()
    found = problems(folder)  # a FIFO opened for reading would block here forever
    assert any("pipe.yaml: is a named pipe (FIFO), not a regular file" in p for p in found)
    assert any("dir.yaml: is a folder, not a regular file" in p for p in found)


def test_a_dangling_link_is_named(folder: Path) -> None:
    (folder / "gone.yaml").symlink_to(folder / "nothing-here")
    [problem] = problems(folder)
    assert "gone.yaml: does not exist (or is a link to nothing)" in problem


def test_size_limit(folder: Path) -> None:
    with (folder / "huge.yaml").open("wb") as out:
        out.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk used, and never read
    [problem] = problems(folder)
    assert "huge.yaml: is 8.0 MiB; a knowledge file may hold at most 8.0 MiB" in problem


def test_time_limit(folder: Path) -> None:
    with pytest.raises(KnowledgeError, match="took longer than its time limit"):
        load_knowledge(folder, time_limit=-1.0)


def test_a_file_without_the_end_marker_is_named(folder: Path) -> None:
    text = GOOD.removesuffix(f"{END_MARKER}\n")
    (folder / "demo.yaml").write_text(text, encoding="utf-8")
    [problem] = problems(folder)
    assert f"demo.yaml:{line_of(text, 'keywords: [smith]')}: does not end with the line '...'" in problem


def test_every_truncation_of_the_shipped_file_fails_or_loads_identically(tmp_path: Path) -> None:
    # The curated file and the safety file alone: the imported files are not what is cut here.
    for name in ("ketamine.yaml", SAFETY_FILE):
        shutil.copy(BUNDLED_KNOWLEDGE / name, tmp_path / name)
    full = load_knowledge(tmp_path)
    lines = (BUNDLED_KNOWLEDGE / "ketamine.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    target = tmp_path / "ketamine.yaml"
    silent = []
    for cut in range(len(lines)):
        target.write_text("".join(lines[:cut]), encoding="utf-8")
        try:
            loaded = load_knowledge(tmp_path)
        except KnowledgeError:
            continue
        if loaded != full:
            silent.append(cut)
    assert silent == []


def test_transcript_windows_as_documented(folder: Path) -> None:
    block = (
        'transcript:\n  window: 30s\n  windows:\n  - at: "00:00:00"\n    terms: ketamin*3 depress*2 plastic\n'
        '  - at: "00:00:30"\n    terms: nmda*2 receptor\n'
    )
    (folder / "demo.yaml").write_text(GOOD.replace("...\n", block + "...\n"), encoding="utf-8")
    windows = load_knowledge(folder).default.windows
    assert [(w.start, w.terms) for w in windows] == [
        (0, (("ketamin", 3), ("depress", 2), ("plastic", 1))),
        (30, (("nmda", 2), ("receptor", 1))),
    ]


def test_a_bad_character_names_its_line(folder: Path) -> None:
    text = GOOD.replace("host: Someone", "host: Some\x00one")
    (folder / "demo.yaml").write_text(text, encoding="utf-8")
    [problem] = problems(folder)
    assert f"demo.yaml:{line_of(text, 'host:')}: is not valid YAML: unacceptable character" in problem


def test_problems_per_file_are_capped(folder: Path) -> None:
    text = GOOD.replace("keywords: [smith]", "keywords: [" + ", ".join(['""'] * 5000) + "]")
    (folder / "demo.yaml").write_text(text, encoding="utf-8")
    found = problems(folder)
    assert len(found) == MAX_PROBLEMS + 1
    assert found[-1].endswith(f"and {5000 - MAX_PROBLEMS:,} more problems")
