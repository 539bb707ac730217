"""Persons' cards on the clipboard or in a drag: text/vcard, plain text and a .vcf file."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QMimeData, QUrl

from defence_dir.data.database import Database
from defence_dir.private_files import write_private_bytes
from defence_dir.vcard import service
from defence_dir.vcard.export import safe_file_name
from defence_dir.vcard.writer import Profile

VCARD_MIME = "text/vcard"


def vcard_mime_data(database: Database, person_ids: Sequence[int]) -> QMimeData:
    """Cards for the clipboard or a drag: text/vcard, plain text, and a .vcf file to drop."""
    cards, text = service.card_texts(database, person_ids, Profile.STANDARD)
    data = text.encode("utf-8")
    mime = QMimeData()
    mime.setData(VCARD_MIME, QByteArray(data))
    mime.setData("text/x-vcard", QByteArray(data))
    mime.setText(data.decode("utf-8"))
    name = cards[0].display_name if len(cards) == 1 else "Kontakte"
    mime.setUrls([QUrl.fromLocalFile(str(_drag_file(safe_file_name(name, set()), data)))])
    return mime


_drag_folder: tempfile.TemporaryDirectory[str] | None = None


def _drag_file(name: str, data: bytes) -> Path:
    """The .vcf a drag or copy offers. Cards are personal data: one file at a time, readable
    by the user alone, in a folder removed when the app quits (each copy used to leave a
    folder of its own in /tmp for good, out of reach of an erasure)."""
    global _drag_folder
    if _drag_folder is None:
        _drag_folder = tempfile.TemporaryDirectory(prefix="defence-dir-drag-")
    folder = Path(_drag_folder.name)
    for earlier in folder.iterdir():
        earlier.unlink(missing_ok=True)
    path = folder / name
    write_private_bytes(path, data)
    return path
