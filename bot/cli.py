"""The command line: ask, console, chapters, sources, check, run (Discord with a token, else the console)."""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

from bot.config import ConfigError, StartupError, knowledge_dir, read_dotenv
from bot.core import Engine, Episode, KnowledgeBase, KnowledgeError, load_knowledge
from bot.core.render import answer_text, answer_to_dict, chapters_text, sources_text

EXIT_BAD_KNOWLEDGE = 1
# Characters that end a line for str.splitlines() or a terminal but that json.dumps leaves raw: NEL and the
# other C1 controls, DEL, the Unicode line and paragraph separators, and lone surrogates.
_RAW_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff]")


class CliError(Exception):
    """A failure to report in one line and exit non-zero."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `episode-bot`: the one place that prints why it stopped."""
    _configure_streams()
    args = _parser().parse_args(argv)
    try:
        args.env = _environment(bot_only=args.handler in (_run, _sync))
        return int(args.handler(args))
    except CliError as error:
        print(f"episode-bot: {error}", file=sys.stderr)
        return error.code
    except StartupError as error:
        print(f"episode-bot: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`... | head`); nothing left to say to it.
        sys.stderr.close()
        return 0


def _configure_streams() -> None:
    """Undecodable input becomes U+FFFD and unencodable output '?': never a crash, never raw bytes echoed."""
    for stream in (sys.stdin, sys.stdout):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")


def _environment(*, bot_only: bool) -> dict[str, str]:
    """The environment over `.env` (real variables win), read once; an unreadable .env stops only the bot."""
    try:
        dotenv = read_dotenv()
    except ConfigError as error:
        if bot_only:
            raise
        print(f"episode-bot: {error}; going on without it", file=sys.stderr)
        dotenv = {}
    return {**dotenv, **os.environ}


def json_line(value: object) -> str:
    """`value` as JSON on exactly one line, whatever its strings hold (line readers split on U+2028 too)."""
    text = json.dumps(value, ensure_ascii=False)
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="episode-bot",
        description="Answers questions about a podcast episode: chapter, moment, study, disclaimer.",
    )
    parser.add_argument(
        "--knowledge",
        metavar="DIR",
        help="knowledge folder (default: $KNOWLEDGE_DIR, else the bundled knowledge/)",
    )
    parser.set_defaults(handler=_start)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    ask = commands.add_parser("ask", help="answer a question ('-' reads one question a line from stdin)")
    ask.add_argument("question", nargs="+", help="the question, or '-' for one question a line on stdin")
    ask.add_argument("--json", action="store_true", help="print one JSON object a question")
    ask.set_defaults(handler=_ask)

    console = commands.add_parser(
        "console", help="ask questions interactively (reads piped stdin to the end)"
    )
    console.set_defaults(handler=_console)

    chapters = commands.add_parser("chapters", help="list the chapters with their links")
    chapters.set_defaults(handler=lambda a: _print(chapters_text(_episode(a))))

    sources = commands.add_parser("sources", help="list the cited studies and other resources")
    sources.set_defaults(handler=lambda a: _print(sources_text(_episode(a))))

    check = commands.add_parser("check", help="validate a knowledge folder and report every problem")
    check.add_argument("dir", nargs="?", help="the folder (default: the knowledge folder in use)")
    check.set_defaults(handler=_check)

    run = commands.add_parser("run", help="the Discord bot (needs DISCORD_TOKEN in the environment or .env)")
    run.set_defaults(handler=_run)

    sync = commands.add_parser("sync", help="publish the slash commands globally (needs DISCORD_TOKEN)")
    sync.set_defaults(handler=_sync)
    return parser


def _knowledge(args: argparse.Namespace) -> KnowledgeBase:
    try:
        return load_knowledge(knowledge_dir(args.env, args.knowledge))
    except KnowledgeError as error:
        raise CliError(str(error), EXIT_BAD_KNOWLEDGE) from error


def _episode(args: argparse.Namespace) -> Episode:
    return _knowledge(args).default


def _engine(args: argparse.Namespace) -> Engine:
    knowledge = _knowledge(args)
    return Engine(knowledge.default, knowledge.safety)


def _print(text: str) -> int:
    print(text)
    return 0


def _ask(args: argparse.Namespace) -> int:
    engine = _engine(args)
    episode = engine.episode
    questions: Iterable[str]
    if args.question == ["-"]:
        questions = (line.rstrip("\r\n") for line in sys.stdin)
    else:
        # Bytes that are not UTF-8 reach argv as lone surrogates; they become U+FFFD like stdin's.
        questions = [" ".join(os.fsencode(word).decode("utf-8", "replace") for word in args.question)]
    for question in questions:
        answer = engine.answer(question)
        if args.json:
            print(json_line(answer_to_dict(answer, episode, engine.safety)), flush=True)
        else:
            print(answer_text(answer, episode, engine.safety), end="\n\n", flush=True)
    return 0


def _console(args: argparse.Namespace) -> int:
    return run_console(_engine(args), sys.stdin, sys.stdout, interactive=sys.stdin.isatty())


def run_console(engine: Engine, stdin: TextIO, stdout: TextIO, *, interactive: bool) -> int:
    """Answer questions until end of input or 'quit'; 'chapters' and 'sources' browse."""
    episode = engine.episode
    if interactive:
        import readline  # noqa: F401  (line editing and history for input())

        print(
            f"{episode.show}: {episode.title}\nAsk a question; 'chapters', 'sources' or 'quit'.", file=stdout
        )
    while True:
        try:
            line = input("> ") if interactive else stdin.readline()
        except EOFError:
            break
        if not interactive and not line:
            break
        question = line.strip()
        if question.lower() in ("quit", "exit", ":q"):
            break
        if question.lower() == "chapters":
            reply = chapters_text(episode)
        elif question.lower() in ("sources", "studies"):
            reply = sources_text(episode)
        else:
            reply = answer_text(engine.answer(question), episode, engine.safety)
        print(reply + "\n", file=stdout, flush=True)
    return 0


def _check(args: argparse.Namespace) -> int:
    folder = Path(args.dir) if args.dir else knowledge_dir(args.env, args.knowledge)
    try:
        knowledge = load_knowledge(folder)
    except KnowledgeError as error:
        print(error.report(), file=sys.stderr)
        print(f"episode-bot: {folder}: {len(error.problems)} problem(s)", file=sys.stderr)
        return EXIT_BAD_KNOWLEDGE
    for episode in knowledge.episodes:
        print(
            f"{episode.source_file}: ok: {episode.title}, {len(episode.chapters)} chapters, "
            f"{sum(len(c.moments) for c in episode.chapters)} moments, {len(episode.studies)} studies"
        )
    return 0


def _start(args: argparse.Namespace) -> int:
    """No command given: the Discord bot when there is a token, else the console on the same knowledge."""
    if args.env.get("DISCORD_TOKEN", "").strip():
        return _run(args)
    if sys.stdin.isatty():
        print("No DISCORD_TOKEN set: starting the terminal console.\n", file=sys.stderr)
    return _console(args)


def _run(args: argparse.Namespace) -> int:
    from bot.discord.runner import run_discord  # discord.py loads only when the bot really runs

    return run_discord(args.env, knowledge=args.knowledge)


def _sync(args: argparse.Namespace) -> int:
    from bot.discord.runner import sync_commands

    return sync_commands(args.env, knowledge=args.knowledge)
