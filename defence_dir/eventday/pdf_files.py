"""Writing a PDF whole or not at all: into a temporary file beside the target, then renamed."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from defence_dir.errors import DefenceDirError
from defence_dir.i18n import _


def cannot_write(path: Path, reason: object) -> DefenceDirError:
    return DefenceDirError(_("{path} cannot be written: {reason}", path=path, reason=reason))


def check_target(path: Path) -> None:
    """Fail before any work when the file cannot be written where it is meant to go."""
    if path.is_dir():
        raise cannot_write(path, _("it is a folder"))
    folder = path.parent
    if not folder.is_dir():
        raise cannot_write(path, _("the folder {folder} does not exist", folder=folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise cannot_write(path, _("the folder is not writable"))
    if path.exists() and not os.access(path, os.W_OK):
        raise cannot_write(path, _("the file is read-only"))


@contextmanager
def atomic_target(path: Path) -> Iterator[Path]:
    """A temporary path in the target's folder to write to; renamed over `path` when the block
    ends without an error, removed otherwise (also on cancel), so no half file is ever left."""
    check_target(path)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".part",
                                        dir=path.parent)
    except OSError as exc:
        raise cannot_write(path, exc.strerror or exc) from exc
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        _publish(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def _publish(temporary: Path, path: Path) -> None:
    try:
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp's 0600 is not what a saved file has
        os.replace(temporary, path)
    except OSError as exc:
        raise cannot_write(path, exc.strerror or exc) from exc


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def saving(path: Path, write: Callable[[Path], None]) -> None:
    """write(temporary path) and publish it as `path`; an OSError becomes a clear message."""
    with atomic_target(path) as temporary:
        try:
            write(temporary)
        except OSError as exc:
            raise cannot_write(path, exc.strerror or exc) from exc
