"""CLI test helper: run `defence-dir` in process and capture what it printed."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from defence_dir.cli import main


@pytest.fixture
def cli(capsys) -> Callable[..., tuple[int, str, str]]:
    """cli(*argv) -> (exit code, stdout, stderr); usage errors leave through argparse."""
    def run(*argv: str) -> tuple[int, str, str]:
        try:
            code = main(list(argv))
        except SystemExit as exit_:
            code = int(exit_.code or 0)
        out, err = capsys.readouterr()
        return code, out, err
    return run
