"""The `defence-dir` command: without a subcommand it opens the window, subcommands run headless.

Each subcommand lives in its own module with a `register(subparsers)` function that imports its
services only when it runs, so a quick command does not pay for the others' libraries. Errors reach
the user as one line on stderr (exit 1, usage errors exit 2), never as a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence
from typing import NoReturn

from defence_dir import __version__
from defence_dir.cli import (
    checkin,
    duplicates,
    emails,
    export,
    import_file,
    info,
    listing,
    merge,
    person,
    search,
    sync,
)
from defence_dir.errors import DefenceDirError
from defence_dir.i18n import _

PROG = "defence-dir"
EXIT_ERROR = 1
EXIT_USAGE = 2
COMMAND_MODULES = (info, listing, search, export, import_file, emails, person, sync, checkin,
                   duplicates, merge)


class ArgumentParser(argparse.ArgumentParser):
    """argparse with usage errors as one line on stderr and exit code 2."""

    def error(self, message: str) -> NoReturn:
        hint = _("see “{prog} --help”", prog=PROG)
        self.exit(EXIT_USAGE, f"{PROG}: {message} ({hint})\n")


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog=PROG,
        description=_("The DEFENCE.NRW directory. Without a command, the window opens."),
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        help=_("database file or SQLAlchemy URL (default: $DEFENCE_DIR_DB, "
               "else a file in the user data folder)"),
    )
    subparsers = parser.add_subparsers(dest="command", metavar=_("COMMAND"),
                                       parser_class=ArgumentParser)
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            if not has_display():
                return fail(_("No display found (DISPLAY is not set). Commands such as "
                              "“{prog} info” or “{prog} search” work without one.", prog=PROG))
            from defence_dir.ui.window.app import run_app  # Qt only when the window is wanted

            return run_app(args.db)
        return int(args.run(args))
    except DefenceDirError as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return fail(_("Cancelled."))
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away; that is not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # a bug: still one line, the traceback only on request
        if os.environ.get("DEFENCE_DIR_DEBUG"):
            traceback.print_exc()
        return fail(unexpected_error_line(exc))


def unexpected_error_line(exc: Exception) -> str:
    """A database failure the engine could not name (e.g. raised by the driver directly) is
    still said as one; anything else is a bug, told by type and the driver's first line:
    str() of a SQLAlchemy error carries the SQL statement, which may quote personal data."""
    from defence_dir.data import failures

    if failures.classify(exc) is not None:
        return failures.describe(exc)
    return _("Internal error: {error}", error=failures.first_line(exc))


def has_display() -> bool:
    """Whether Qt can open a window; without one its platform plugin aborts the process."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(var) for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def fail(message: str) -> int:
    first_line = " ".join(message.split())
    print(f"{PROG}: {first_line}", file=sys.stderr)
    return EXIT_ERROR
