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
from typing import TYPE_CHECKING, TextIO

from bot.config import ConfigError, StartupError, knowledge_dir, read_dotenv
from bot.core import Episode, KnowledgeBase, KnowledgeError, Library, load_knowledge
from bot.core.render import answer_to_dict, chapters_text, episodes_text, reply_text, sources_text
from bot.core.reply import compose

if TYPE_CHECKING:
    from bot.ingest import ImportedEpisode

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
    ask.add_argument("--episode", metavar="ID", help="answer from this episode only")
    ask.set_defaults(handler=_ask)

    console = commands.add_parser(
        "console", help="ask questions interactively (reads piped stdin to the end)"
    )
    console.set_defaults(handler=_console)

    episodes = commands.add_parser("episodes", help="list the episodes served")
    episodes.set_defaults(handler=lambda a: _print(episodes_text(_knowledge(a).episodes)))

    chapters = commands.add_parser("chapters", help="list an episode's chapters with their links")
    chapters.add_argument("--episode", metavar="ID", help="the episode (default: the first)")
    chapters.set_defaults(handler=lambda a: _print(chapters_text(_episode(a))))

    sources = commands.add_parser("sources", help="list an episode's cited studies and other resources")
    sources.add_argument("--episode", metavar="ID", help="the episode (default: the first)")
    sources.set_defaults(handler=lambda a: _print(sources_text(_episode(a))))

    check = commands.add_parser("check", help="validate a knowledge folder and report every problem")
    check.add_argument("dir", nargs="?", help="the folder (default: the knowledge folder in use)")
    check.set_defaults(handler=_check)

    run = commands.add_parser("run", help="the Discord bot (needs DISCORD_TOKEN in the environment or .env)")
    run.set_defaults(handler=_run)

    sync = commands.add_parser("sync", help="publish the slash commands globally (needs DISCORD_TOKEN)")
    sync.set_defaults(handler=_sync)

    _add_import_parser(commands)
    return parser


def _knowledge(args: argparse.Namespace) -> KnowledgeBase:
    try:
        return load_knowledge(knowledge_dir(args.env, args.knowledge))
    except KnowledgeError as error:
        raise CliError(str(error), EXIT_BAD_KNOWLEDGE) from error


def _episode(args: argparse.Namespace) -> Episode:
    knowledge = _knowledge(args)
    return _chosen(knowledge, getattr(args, "episode", None)) or knowledge.default


def _chosen(knowledge: KnowledgeBase, episode_id: str | None) -> Episode | None:
    """The episode named by --episode, None when none is named; CliError for an unknown id."""
    if not episode_id:
        return None
    for episode in knowledge.episodes:
        if episode.id == episode_id:
            return episode
    known = ", ".join(e.id for e in knowledge.episodes)
    raise CliError(f"no episode {episode_id!r} (episodes: {known})", 2)


def _library(args: argparse.Namespace) -> Library:
    from bot.core.cache import open_library

    try:
        return open_library(knowledge_dir(args.env, args.knowledge))
    except KnowledgeError as error:
        raise CliError(str(error), EXIT_BAD_KNOWLEDGE) from error


def _print(text: str) -> int:
    print(text)
    return 0


def _ask(args: argparse.Namespace) -> int:
    library = _library(args)
    episode_id = args.episode or None
    if episode_id and not library.has(episode_id):
        raise CliError(f"no episode {episode_id!r} (episodes: {', '.join(library.ids)})", 2)
    questions: Iterable[str]
    if args.question == ["-"]:
        questions = (line.rstrip("\r\n") for line in sys.stdin)
    else:
        # Bytes that are not UTF-8 reach argv as lone surrogates; they become U+FFFD like stdin's.
        questions = [" ".join(os.fsencode(word).decode("utf-8", "replace") for word in args.question)]
    for question in questions:
        answer = library.answer(question, episode_id)
        if args.json:
            print(json_line(answer_to_dict(answer, library.safety)), flush=True)
        else:
            print(reply_text(compose(answer, library.safety)), end="\n\n", flush=True)
    return 0


def _console(args: argparse.Namespace) -> int:
    return run_console(_library(args), sys.stdin, sys.stdout, interactive=sys.stdin.isatty())


def run_console(library: Library, stdin: TextIO, stdout: TextIO, *, interactive: bool) -> int:
    """Answer questions until end of input or 'quit'; 'episodes', 'chapters' and 'sources' browse."""
    episode = library.episode
    if interactive:
        import readline  # noqa: F401  (line editing and history for input())

        served = episode.title if len(library.ids) == 1 else f"{len(library.ids)} episodes"
        print(
            f"{episode.show}: {served}\nAsk a question; 'episodes', 'chapters', 'sources' or 'quit'.",
            file=stdout,
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
        if question.lower() == "episodes":
            reply = episodes_text(library.episodes)
        elif question.lower() == "chapters":
            reply = chapters_text(episode)
        elif question.lower() in ("sources", "studies"):
            reply = sources_text(episode)
        else:
            reply = reply_text(compose(library.answer(question), library.safety))
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


# The import command's modules load inside its functions, where they are used.


def _add_import_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from bot.ingest.importer import DEFAULT_HOST, DEFAULT_SHOW

    imp = commands.add_parser(
        "import",
        help="write a knowledge file from show notes (and a transcript): facts and term statistics only",
    )
    imp.add_argument("description", metavar="DESCRIPTION", help="the show notes (description.txt)")
    imp.add_argument("--transcript", metavar="FILE", help="WebVTT, SRT or '[start --> end] text' lines")
    imp.add_argument(
        "--video-id", metavar="ID", help="the YouTube id (default: SOURCE.md, else the folder name)"
    )
    imp.add_argument("--id", metavar="ID", help="the episode id (default: the video id)")
    imp.add_argument("--title", help="the published title (default: SOURCE.md, else the notes' first line)")
    imp.add_argument("--released", metavar="YYYY-MM-DD", help="default: SOURCE.md")
    imp.add_argument(
        "--duration",
        metavar="HH:MM:SS",
        help="the episode's length (default: the transcript's last cue, else the last chapter + 5 minutes)",
    )
    imp.add_argument("--show", default=DEFAULT_SHOW, help=f"default: {DEFAULT_SHOW}")
    imp.add_argument("--host", default=DEFAULT_HOST, help=f"default: {DEFAULT_HOST}")
    imp.add_argument("-o", "--output", metavar="FILE", help="default: <knowledge folder>/<id>.yaml")
    imp.add_argument("--force", action="store_true", help="replace the output file when it exists")
    imp.add_argument(
        "--windows-into",
        metavar="FILE",
        help="write only the transcript's term windows into this existing (curated) knowledge file",
    )
    imp.set_defaults(handler=_import)


def _import(args: argparse.Namespace) -> int:
    from bot.core.loader import SAFETY_FILE
    from bot.ingest import IngestError, import_episode, import_options, render_episode

    try:
        options = import_options(
            video_id=args.video_id,
            episode_id=args.id,
            title=args.title,
            released=args.released,
            duration=args.duration,
            show=args.show,
            host=args.host,
        )
    except ValueError as error:
        raise CliError(f"import: {error}", 2) from error
    try:
        imported = import_episode(args.description, args.transcript, options)
    except IngestError as error:
        raise CliError(str(error)) from error
    if args.windows_into:
        return _write_windows(Path(args.windows_into), imported)
    output = (
        Path(args.output) if args.output else knowledge_dir(args.env, args.knowledge) / f"{imported.id}.yaml"
    )
    if output.name == SAFETY_FILE:
        raise CliError(
            f"{output}: is the deployment's safety file, not an episode; choose another --id or -o"
        )
    if output.exists() and not args.force:
        raise CliError(f"{output}: exists; pass --force to replace it")
    # Written beside the target under a name the loader skips, checked, then moved in one step: a
    # running bot's /reload never sees half a file, and a file the loader would reject is never left.
    episode = _write_checked(output, render_episode(imported))
    moments = sum(len(c.moments) for c in episode.chapters)
    print(
        f"{output}: {episode.title}: {len(episode.chapters)} chapters, {moments} moments, "
        f"{len(episode.studies)} studies, {len(episode.windows)} transcript windows"
    )
    if output.name.startswith("_"):
        print(
            f"episode-bot: note: {output.name} starts with '_', so the bot will not load it", file=sys.stderr
        )
    return 0


def _write_checked(output: Path, text: str) -> Episode:
    """Write a knowledge file the loader accepts, or nothing."""
    from bot.core import load_episode

    # Written beside the target under a name the loader skips, checked, then moved in one step: a
    # running bot's /reload never sees half a file, and a file the loader would reject is never left.
    scratch = output.with_name(f".{output.name}.tmp")
    try:
        scratch.write_text(text, encoding="utf-8")
        episode = load_episode(scratch)
        scratch.replace(output)
    except OSError as error:
        raise CliError(f"{output}: cannot be written: {error.strerror or error}") from error
    except KnowledgeError as error:
        raise CliError(f"the imported episode does not validate: {error}") from error
    finally:
        scratch.unlink(missing_ok=True)
    return episode


def _write_windows(target: Path, imported: ImportedEpisode) -> int:
    """A curated file's transcript windows replaced by the imported ones; every other line kept."""
    from bot.ingest import with_transcript

    if not imported.windows:
        raise CliError("import: --windows-into needs --transcript")
    try:
        text = target.read_text(encoding="utf-8")
        merged = with_transcript(text, imported)
    except OSError as error:
        raise CliError(f"{target}: cannot be read: {error.strerror or error}") from error
    except ValueError as error:
        raise CliError(f"{target}: {error}") from error
    episode = _write_checked(target, merged)
    print(f"{target}: {episode.title}: {len(episode.windows)} transcript windows written")
    return 0
