"""Real faults for database tests: a held write lock, a full disk, damaged pages, a read-only file.

As root, permission bits stop nothing, so read-only and full disks are made with the kernel's own
means (a read-only bind mount, a small tmpfs); without them the test is skipped, never faked.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

PAGE = 4096


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@contextlib.contextmanager
def write_lock_held(path: Path) -> Iterator[sqlite3.Connection]:
    """Another program holding the write lock (as sqlite3's shell or a second window does)."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield other
    finally:
        with contextlib.suppress(sqlite3.Error):
            other.execute("ROLLBACK")
        other.close()


def damage_pages(path: Path, pages: int = 8, table: str | None = None) -> None:
    """Overwrite `pages` pages in the middle of the file, or of `table`'s pages, as a failing
    disk or an interrupted copy leaves it (header and schema page intact, so SQLite opens it)."""
    if table is None:
        first = path.stat().st_size // PAGE // 2
    else:
        with sqlite3.connect(path) as connection:
            numbers = [row[0] for row in connection.execute(
                "SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno", (table,))]
        connection.close()
        first = numbers[len(numbers) // 2] - 1  # dbstat counts pages from 1
    with path.open("r+b") as handle:
        handle.seek(first * PAGE)
        handle.write(bytes(range(256)) * (PAGE * pages // 256))


def _run(*command: str) -> bool:
    return subprocess.run(command, capture_output=True).returncode == 0


@contextlib.contextmanager
def read_only_folder(folder: Path) -> Iterator[Path]:
    """`folder` as the user sees it when it is write-protected: a read-only bind mount of it as
    root, else mode 0555 with its files 0444. Yields the folder to open files in."""
    if os.geteuid() != 0:
        modes = {p: p.stat().st_mode for p in folder.iterdir()}
        for p in modes:
            p.chmod(0o444)
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)
            for p, mode in modes.items():
                p.chmod(mode)
        return
    view = folder.with_name(folder.name + "-read-only")
    view.mkdir()
    if not (_run("mount", "--bind", str(folder), str(view))
            and _run("mount", "-o", "remount,ro,bind", str(view))):
        _run("umount", str(view))
        pytest.skip("a read-only bind mount is not allowed here")
    try:
        assert not os.access(view, os.W_OK)  # a real read-only file system, even for root
        yield view
    finally:
        _run("umount", str(view))


@contextlib.contextmanager
def small_disk(folder: Path, size_kb: int) -> Iterator[Path]:
    """A tmpfs of `size_kb` at `folder` (root only; skipped elsewhere)."""
    folder.mkdir(exist_ok=True)
    if os.geteuid() != 0 or not _run("mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs",
                                     str(folder)):
        pytest.skip("a small tmpfs cannot be mounted here (needs root)")
    try:
        yield folder
    finally:
        _run("umount", str(folder))


def fill_disk(folder: Path, leave: int = 0) -> Path:
    """Fill the file system of `folder` but for about `leave` bytes."""
    filler = folder / "filler"
    with filler.open("wb", buffering=0) as handle, contextlib.suppress(OSError):
        while True:
            handle.write(b"\0" * PAGE)
    if leave:
        with filler.open("r+b") as handle:
            handle.truncate(max(0, filler.stat().st_size - leave))
    return filler


def copy_database(source: Path, target: Path) -> Path:
    shutil.copy2(source, target)
    return target
