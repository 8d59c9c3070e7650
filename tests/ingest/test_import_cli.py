"""`episode-bot import`: a file `check` accepts, never an overwrite without --force, bad input by line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.core import KnowledgeError, load_episode, load_knowledge

NOTES = """\
Sleep & Light | Huberman Lab Podcast
Articles
A study of light: https://example.org/light
Timestamps
00:00:00 Sleep & Light
00:01:00 Sponsor: AG1
00:02:00 Morning Light
00:09:00 Zero-Cost Support
"""


def transcript(last: str = "00:09:30.000") -> str:
    """Bracket lines every 5 s up to 9 minutes, then a last cue ending at `last`."""
    lines = [
        f"[00:{t // 60:02d}:{t % 60:02d}.000 --> 00:{(t + 5) // 60:02d}:{(t + 5) % 60:02d}.000]  "
        f"morning sunlight cortisol melanopsin retina number {t}"
        for t in range(0, 540, 5)
    ]
    lines.append(f"[00:09:00.000 --> {last}]  thanks for listening")
    return "\n".join(lines) + "\n"


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    """Show notes and a transcript in a folder named like a video id."""
    folder = tmp_path / "abcDEF_12-3"
    folder.mkdir()
    (folder / "description.txt").write_text(NOTES, encoding="utf-8")
    (folder / "transcript.txt").write_text(transcript(), encoding="utf-8")
    return folder / "description.txt"


def run(*args: str) -> int:
    """The CLI in-process."""
    return main(list(args))


def test_import_writes_a_file_check_accepts(notes: Path, tmp_path: Path) -> None:
    out = tmp_path / "knowledge"
    out.mkdir()
    transcript_file = str(notes.with_name("transcript.txt"))
    code = run(
        "--knowledge",
        str(out),
        "import",
        str(notes),
        "--transcript",
        transcript_file,
        "--released",
        "2024-01-02",
    )
    assert code == 0
    episode = load_knowledge(out).episodes[0]
    assert (episode.id, episode.video_id, episode.title) == ("abcDEF_12-3", "abcDEF_12-3", "Sleep & Light")
    assert (episode.show, episode.host, episode.duration) == ("Huberman Lab", "Andrew Huberman", 570)
    assert [c.kind for c in episode.chapters] == ["intro", "sponsor", "content", "outro"]
    assert all(c.summary == "" and c.keywords == () for c in episode.chapters)
    assert [(s.id, s.title, s.url, s.authors, s.year, s.finding) for s in episode.studies] == [
        ("study-light", "A study of light", "https://example.org/light", (), None, "")
    ]
    assert episode.windows and all(w.terms == tuple(sorted(w.terms)) for w in episode.windows)
    assert episode.url == "https://www.youtube.com/watch?v=abcDEF_12-3"


def test_an_existing_file_needs_force(
    notes: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.yaml"
    out.write_text("keep me", encoding="utf-8")
    assert run("import", str(notes), "--released", "2024-01-02", "-o", str(out)) == 1
    assert "exists; pass --force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "keep me"
    assert run("import", str(notes), "--released", "2024-01-02", "-o", str(out), "--force") == 0
    episode = load_episode(out)
    # No transcript: the end is the last chapter's start plus five minutes.
    assert episode.duration == 9 * 60 + 300 and len(episode.windows) == 0
    assert not list(tmp_path.glob(".*.tmp"))


def test_flags_override_the_files(notes: Path, tmp_path: Path) -> None:
    out = tmp_path / "o.yaml"
    args = ["--video-id", "Rxmv7rT9leo", "--id", "light", "--title", "T", "--show", "S", "--host", "H"]
    assert (
        run("import", str(notes), *args, "--released", "2024-01-02", "--duration", "00:20:00", "-o", str(out))
        == 0
    )
    episode = load_episode(out)
    assert (episode.id, episode.video_id, episode.title, episode.show, episode.host) == (
        "light",
        "Rxmv7rT9leo",
        "T",
        "S",
        "H",
    )
    assert episode.duration == 1200


@pytest.mark.parametrize(
    ("notes_text", "transcript_text", "extra", "where", "reason"),
    [
        ("prose only\n", None, [], "description.txt: ", "no chapter lines"),
        ("00:00:00 A\n00:05:00 B\n00:04:00 C\n", None, [], "description.txt:3: ", "out of order"),
        (NOTES, "", [], "transcript.txt: ", "empty"),
        (NOTES, "WEBVTT\n\nnothing timed\n", [], "transcript.txt: ", "no timed cues"),
        (NOTES, transcript(), ["--duration", "00:09:10"], "transcript.txt:109: ", "past the episode's end"),
        (
            NOTES,
            "[00:00:00.000 --> 00:08:00.000] short\n",
            [],
            "description.txt:8: ",
            "past the episode's end",
        ),
    ],
)
def test_bad_input_exits_non_zero_with_file_line_and_reason(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    notes_text: str,
    transcript_text: str | None,
    extra: list[str],
    where: str,
    reason: str,
) -> None:
    folder = tmp_path / "abcDEF_12-3"
    folder.mkdir()
    (folder / "description.txt").write_text(notes_text, encoding="utf-8")
    args = [
        "import",
        str(folder / "description.txt"),
        "--released",
        "2024-01-02",
        "-o",
        str(tmp_path / "o.yaml"),
    ]
    if transcript_text is not None:
        (folder / "transcript.txt").write_text(transcript_text, encoding="utf-8")
        args += ["--transcript", str(folder / "transcript.txt")]
    assert run(*args, *extra) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"episode-bot: {folder}/{where}"), err
    assert reason in err
    assert not (tmp_path / "o.yaml").exists()


def test_unreadable_files(tmp_path: Path, capsys: pytest.CaptureFixture[str], notes: Path) -> None:
    assert run("import", str(tmp_path / "missing.txt"), "--released", "2024-01-02") == 1
    assert f"episode-bot: {tmp_path / 'missing.txt'}: cannot be read" in capsys.readouterr().err
    binary = tmp_path / "t.vtt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    assert run("import", str(notes), "--transcript", str(binary), "--released", "2024-01-02") == 1
    assert f"episode-bot: {binary}: cannot be read" in capsys.readouterr().err


def test_bad_flags_are_usage_errors(notes: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("import", str(notes), "--released", "2024-13-01") == 2
    assert "--released '2024-13-01' is not a date" in capsys.readouterr().err
    assert run("import", str(notes), "--released", "2024-01-01", "--video-id", "short") == 2
    assert run("import", str(notes), "--released", "2024-01-01", "--duration", "1:75:00") == 2


def test_without_a_release_date_or_title_the_import_says_which_flag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "abcDEF_12-3"
    folder.mkdir()
    (folder / "description.txt").write_text("A long first line of prose.\n00:00:00 A\n", encoding="utf-8")
    assert run("import", str(folder / "description.txt")) == 1
    assert "pass --title" in capsys.readouterr().err
    assert run("import", str(folder / "description.txt"), "--title", "T") == 1
    assert "pass --released" in capsys.readouterr().err


def test_the_loader_accepts_video_ids_as_episode_ids(tmp_path: Path, notes: Path) -> None:
    out = tmp_path / "o.yaml"
    assert run("import", str(notes), "--released", "2024-01-02", "-o", str(out)) == 0
    text = out.read_text(encoding="utf-8")
    for bad in ("Has Space", "short_ID", "ab/cdefghijk"):
        out.write_text(text.replace('id: "abcDEF_12-3"', f'id: "{bad}"', 1), encoding="utf-8")
        with pytest.raises(KnowledgeError, match=r"episode\.id"):
            load_episode(out)


def test_the_safety_file_is_never_an_output(
    notes: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["import", str(notes), "--released", "2024-01-02", "--force"]
    assert run(*args, "-o", str(tmp_path / "safety.yaml")) == 1
    assert "safety file" in capsys.readouterr().err
    assert not (tmp_path / "safety.yaml").exists()
    assert run(*args, "-o", str(tmp_path / "_draft.yaml")) == 0
    assert "will not load it" in capsys.readouterr().err


def test_windows_into_replaces_only_the_transcript_block(
    notes: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A curated file: written by hand, then given the transcript's windows; again, and nothing else moves.
    curated = tmp_path / "light.yaml"
    base = ["import", str(notes), "--released", "2024-01-02", "--id", "light"]
    assert run(*base, "-o", str(curated)) == 0
    hand_written = curated.read_text(encoding="utf-8").replace("Morning Light", "Morning Light, by hand")
    curated.write_text(hand_written, encoding="utf-8")
    transcript_file = str(notes.with_name("transcript.txt"))
    assert run(*base, "--transcript", transcript_file, "--windows-into", str(curated)) == 0
    once = curated.read_text(encoding="utf-8")
    assert run(*base, "--transcript", transcript_file, "--windows-into", str(curated)) == 0
    assert curated.read_text(encoding="utf-8") == once
    episode = load_episode(curated)
    assert episode.windows and "Morning Light, by hand" in [c.title for c in episode.chapters]
    assert once.startswith(hand_written.removesuffix("...\n")) and once.endswith("\n...\n")
    assert not list(tmp_path.glob(".*.tmp"))


def test_windows_into_needs_a_transcript_and_a_whole_file(
    notes: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    curated = tmp_path / "light.yaml"
    curated.write_text("schema: 1\n", encoding="utf-8")
    base = ["import", str(notes), "--released", "2024-01-02", "--windows-into", str(curated)]
    assert run(*base) == 1
    assert "needs --transcript" in capsys.readouterr().err
    assert run(*base, "--transcript", str(notes.with_name("transcript.txt"))) == 1
    assert "end marker" in capsys.readouterr().err
    assert curated.read_text(encoding="utf-8") == "schema: 1\n"
