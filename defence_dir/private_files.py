"""Files holding personal data are created readable by the user alone (mode 0600).

Exports of people's data (mail merges, access reports, import reports, vCards) must not be
readable by other accounts on a shared machine, whatever the umask says. A replaced file gets
0600 too: a copy meant to be shared is shared on purpose (chmod), not by inheriting an old mode.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import BinaryIO

PRIVATE_MODE = 0o600


def open_private_part(path: Path) -> tuple[Path, BinaryIO]:
    """A new temporary file beside `path` (mode 0600), to be renamed over it when complete."""
    part = path.parent / f".{path.name}.{secrets.token_hex(6)}.part"
    fd = os.open(part, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0),
                 PRIVATE_MODE)
    try:
        if hasattr(os, "fchmod"):  # os.open's mode passes through the umask: set it exactly
            os.fchmod(fd, PRIVATE_MODE)
        return part, os.fdopen(fd, "wb")
    except BaseException:
        os.close(fd)
        part.unlink(missing_ok=True)
        raise


def write_private_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically as a 0600 file (an existing file is replaced)."""
    part, handle = open_private_part(path)
    try:
        with handle:
            handle.write(data)
        os.replace(part, path)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
