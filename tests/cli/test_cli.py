"""The command line, run in-process and as the installed `episode-bot` script."""

from __future__ import annotations

import io
import json
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main, run_console
from bot.core import Library, load_knowledge
from bot.paths import BUNDLED_KNOWLEDGE


def run_cli(
    *args: str, stdin: str = "", clean_in: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The CLI as a subprocess; `clean_in`: run in that folder with nothing inherited (no token, no .env)."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={"PATH": "/usr/bin:/bin", "HOME": str(clean_in), **(env or {})} if clean_in else None,
        cwd=clean_in,
    )


def run_cli_bytes(*args: str | bytes, stdin: bytes, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """The CLI as a subprocess fed raw bytes, nothing inherited, in the C.UTF-8 locale."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        timeout=60,
        check=False,
        env={"PATH": "/usr/bin:/bin", "HOME": str(cwd), "LC_ALL": "C.UTF-8"},
        cwd=cwd,
    )


def test_ask_prints_the_answer(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "what", "is", "a", "k-hole"]) == 0
    out = capsys.readouterr().out
    assert "[01:26:04]" in out
    assert "youtube.com/watch?v=Rxmv7rT9leo&t=5164s" in out


def test_ask_json_single(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "naltrexone study"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert set(answer) >= {"question", "chapters", "studies", "disclaimer", "crisis", "text"}
    chapter = answer["chapters"][0]
    assert set(chapter) >= {"start", "seconds", "title", "url", "score", "moment"}
    assert chapter["url"].endswith(f"&t={chapter['seconds']}s")
    assert {"title", "url", "authors", "year", "finding"} <= set(answer["studies"][0])


def test_ask_json_stdin_one_line_per_question_in_order() -> None:
    questions = ["53:17", "", "tell me a joke", "how much ketamine should I take", "I want to die", "bdnf"]
    result = run_cli("ask", "--json", "-", stdin="\n".join(questions) + "\n")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(questions)
    answers = [json.loads(line) for line in lines]
    assert [a["question"] for a in answers] == questions
    assert answers[0]["chapters"][0]["start"] == "00:48:26"
    assert answers[2]["chapters"] == [] and answers[2]["studies"] == []
    assert answers[3]["disclaimer"] is True
    assert answers[4]["crisis"] is True
    assert answers[5]["chapters"][0]["start"] == "00:55:36"


def test_console_reads_piped_input_to_the_end() -> None:
    out = io.StringIO()

    library = Library(load_knowledge(BUNDLED_KNOWLEDGE))
    assert run_console(library, io.StringIO("habenula\nchapters\nsources\n"), out, interactive=False) == 0
    text = out.getvalue()
    assert "[01:15:45]" in text
    assert text.count("youtube.com") > 22
    assert "Berman" in text


def test_console_and_bare_command_without_token_answer_from_stdin(tmp_path: Path) -> None:
    for command in (["console"], []):
        result = run_cli(*command, stdin="whats a khole\n", clean_in=tmp_path)
        assert result.returncode == 0, result.stderr
        assert "01:26:04" in result.stdout


def test_chapters_and_sources(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["chapters"]) == 0
    assert capsys.readouterr().out.count("\n") == 22
    assert main(["sources"]) == 0
    assert "doi:10.1016/S0006-3223(99)00230-9" in capsys.readouterr().out


def test_check_passes_on_bundled_knowledge(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    assert "22 chapters" in capsys.readouterr().out


def test_check_reports_a_bad_file_with_field_and_line(tmp_path: Path) -> None:
    for source in BUNDLED_KNOWLEDGE.glob("*.yaml"):
        text = source.read_text(encoding="utf-8").replace('start: "00:34:29"', 'start: "00:30:29"', 1)
        (tmp_path / source.name).write_text(text, encoding="utf-8")
    result = run_cli("check", str(tmp_path))
    assert result.returncode == 1
    assert "ketamine.yaml:" in result.stderr
    assert "chapters[8].start: 00:30:29 is not after the previous chapter's 00:33:24" in result.stderr
    assert "chapters[7].moments[0].at: 00:33:30 is outside the chapter" in result.stderr
    assert result.stderr.strip().endswith(f"{tmp_path}: 3 problem(s)")


def test_bad_knowledge_is_one_line_and_non_zero(tmp_path: Path) -> None:
    shutil.copy(BUNDLED_KNOWLEDGE / "ketamine.yaml", tmp_path / "broken.yaml")
    (tmp_path / "broken.yaml").write_text("schema: 1\nepisode: [\n", encoding="utf-8")
    result = run_cli("--knowledge", str(tmp_path), "ask", "bdnf")
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "broken.yaml" in result.stderr and "not valid YAML" in result.stderr


@pytest.mark.parametrize("command", ["run", "sync"])
def test_discord_commands_without_token_exit_non_zero_saying_so(command: str, tmp_path: Path) -> None:
    result = run_cli(command, clean_in=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "episode-bot: DISCORD_TOKEN: not set (put it in the environment or in .env; "
        "`episode-bot console` works without one)\n"
    )


def test_wrong_usage_exits_non_zero() -> None:
    result = run_cli("ask")
    assert result.returncode == 2
    assert "usage" in result.stderr
    assert run_cli("frobnicate").returncode == 2


def test_token_is_read_from_a_dot_env_file(tmp_path: Path) -> None:
    # A bad SHARD_IDS proves the bot got past "no token" by reading .env, and it stops before connecting.
    (tmp_path / ".env").write_text(
        "DISCORD_TOKEN=from.dot.env\nSHARD_COUNT=1\nSHARD_IDS=5\n", encoding="utf-8"
    )
    result = run_cli("run", clean_in=tmp_path)
    assert result.returncode == 2
    assert "SHARD_IDS: 5 is not below SHARD_COUNT" in result.stderr
    assert "from.dot.env" not in result.stderr + result.stdout


def test_bot_does_not_start_on_broken_knowledge(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("schema: 1\nepisode: {id: x}\n", encoding="utf-8")
    result = run_cli("run", clean_in=tmp_path, env={"DISCORD_TOKEN": "t.t.t", "KNOWLEDGE_DIR": str(tmp_path)})
    assert result.returncode == 1
    assert "cannot start" in result.stderr
    assert "broken.yaml:1: (top level): missing required field 'chapters'" in result.stderr


def test_json_lines_survive_any_input_bytes(tmp_path: Path) -> None:
    # Not UTF-8, a lone continuation byte, and characters that str.splitlines() reads as line ends.
    lines = [b"what is bdnf \xff\xfe", b"\xc3", "a\u2028b\x85c\u2029d\x0be\x1cf\x7fg".encode(), b"53:17\r"]
    result = run_cli_bytes("ask", "--json", "-", stdin=b"\n".join(lines), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")  # strict: the output is valid UTF-8
    assert out.endswith("\n") and len(out.splitlines()) == len(lines) == out.count("\n")
    answers = [json.loads(line) for line in out.splitlines()]
    assert answers[0]["question"] == "what is bdnf \ufffd\ufffd"
    assert answers[0]["chapters"][0]["start"] == "00:55:36"
    assert answers[1]["question"] == "\ufffd"
    assert answers[2]["question"] == "a\u2028b\x85c\u2029d\x0be\x1cf\x7fg"
    assert answers[3]["question"] == "53:17"
    for raw in ("\u2028", "\x85", "\u2029", "\x7f"):
        assert raw not in out


def test_a_question_argument_that_is_not_utf8_is_one_json_line(tmp_path: Path) -> None:
    result = run_cli_bytes("ask", "--json", b"bdnf \xff", stdin=b"", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    [line] = result.stdout.decode("utf-8").splitlines()
    assert json.loads(line)["question"] == "bdnf \ufffd"


def test_a_dot_env_that_is_not_utf8_is_reported_once_and_the_console_still_starts(tmp_path: Path) -> None:
    (tmp_path / ".env").write_bytes(b"# r\xe9glages\nDISCORD_TOKEN=x\n")
    for command in (["console"], []):
        result = run_cli(*command, stdin="whats a khole\n", clean_in=tmp_path)
        assert result.returncode == 0, result.stderr
        assert "01:26:04" in result.stdout
        assert result.stderr.count(".env") == 1
        assert ".env: line 1 is not UTF-8 text" in result.stderr
    result = run_cli("run", clean_in=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "episode-bot: .env: line 1 is not UTF-8 text; save the file as UTF-8\n"


def test_the_dot_env_knowledge_folder_is_used_by_every_command(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("KNOWLEDGE_DIR=/no/such/folder\n", encoding="utf-8")
    result = run_cli("check", clean_in=tmp_path)
    assert result.returncode == 1
    assert "/no/such/folder" in result.stderr
    result = run_cli("run", clean_in=tmp_path, env={"DISCORD_TOKEN": "t.t.t"})
    assert result.returncode == 2
    assert result.stderr == "episode-bot: KNOWLEDGE_DIR: '/no/such/folder' is not a folder\n"
    result = run_cli("--knowledge", "/nowhere", "run", clean_in=tmp_path, env={"DISCORD_TOKEN": "t.t.t"})
    assert result.stderr == "episode-bot: --knowledge: '/nowhere' is not a folder\n"


def test_a_control_character_in_the_token_is_refused_naming_it(tmp_path: Path) -> None:
    (tmp_path / ".env").write_bytes(b"DISCORD_TOKEN=abc\x07def.secret\n")
    result = run_cli("run", clean_in=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("episode-bot: DISCORD_TOKEN: contains a control or non-ASCII character")
    assert "secret" not in result.stderr


def test_discord_unreachable_is_one_line_naming_the_api_base(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.secret-part"
    base = f"http://127.0.0.1:{port}/api/v10"
    result = run_cli("run", clean_in=tmp_path, env={"DISCORD_TOKEN": token, "DISCORD_API_BASE": base})
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"episode-bot: cannot reach Discord at {base} (")
    assert last.endswith("; check DISCORD_API_BASE")
    assert "invite link (from the application id in DISCORD_TOKEN)" in result.stderr
    assert "client_id=123456789012345678" in result.stderr
    assert "Traceback" not in result.stderr and token not in result.stderr
