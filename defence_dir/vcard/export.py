"""Writing vCards to disk: one .vcf, a folder of .vcf files or a .zip, atomically.

Files are UTF-8 without BOM (a BOM makes several parsers read zero cards) and written in binary
mode, so Windows text mode cannot turn CRLF into CR CR LF.
"""

from __future__ import annotations

import os
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from defence_dir.errors import DefenceDirError, ValidationError
from defence_dir.i18n import _
from defence_dir.private_files import open_private_part, write_private_bytes
from defence_dir.vcard.writer import CardData, Profile, card, load_cards

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}
MAX_NAME = 80


@dataclass(frozen=True)
class ExportResult:
    cards: int
    files: int
    target: Path


def safe_file_name(name: str, taken: set[str]) -> str:
    """A .vcf file name from a person's name, valid on Windows, macOS and Linux, unique within
    `taken` (compared case-insensitively, as Windows and macOS do); adds it to `taken`."""
    text = unicodedata.normalize("NFC", name)
    text = _FORBIDDEN.sub("_", text).strip().rstrip(". ")
    text = text[:MAX_NAME].rstrip(". ") or "Kontakt"
    if text.split(".")[0].upper() in _RESERVED:
        text = f"_{text}"
    candidate, number = text, 2
    while f"{candidate}.vcf".casefold() in taken:
        candidate = f"{text} ({number})"
        number += 1
    taken.add(f"{candidate}.vcf".casefold())
    return f"{candidate}.vcf"


def target_kind(target: Path) -> str:
    """"file" (.vcf), "zip" (.zip) or "folder" (an existing folder or a name without suffix)."""
    if target.suffix.lower() == ".vcf" and not target.is_dir():
        return "file"
    if target.suffix.lower() == ".zip" and not target.is_dir():
        return "zip"
    if target.is_dir() or not target.suffix:
        return "folder"
    raise ValidationError(_("Export to a .vcf file, a .zip file or a folder, not “{name}”.",
                            name=target.name))


CHUNK = 5000
Progress = Callable[[int, int], bool]  # (done, total) -> go on?


def export_persons(session: Session, person_ids: Sequence[int], profile: Profile,
                   target: Path, progress: Progress | None = None) -> ExportResult:
    """Write the persons' cards to `target`, streaming: memory stays flat in the number of
    cards. Nothing is left behind if it fails or `progress` returns False (cancel)."""
    kind = target_kind(target)
    if not person_ids:
        raise ValidationError(_("There is nobody to export."))
    if kind == "file" and profile is Profile.OUTLOOK and len(person_ids) > 1:
        raise ValidationError(_("Outlook imports only the first card of a file: export to a "
                                "folder or a .zip file instead."))

    def chunks() -> Iterator[list[CardData]]:
        for start in range(0, len(person_ids), CHUNK):
            yield load_cards(session, person_ids[start:start + CHUNK])
            if progress is not None and not progress(min(start + CHUNK, len(person_ids)),
                                                     len(person_ids)):
                raise ExportCancelled(_("Export cancelled."))

    try:
        if kind == "folder":
            target.mkdir(parents=True, exist_ok=True)
            taken: set[str] = {p.name.casefold() for p in target.glob("*.vcf")}
            written = 0
            for cards in chunks():
                for data in cards:
                    name = safe_file_name(data.display_name or data.organisation or "Kontakt",
                                          taken)
                    write_private_bytes(target / name, card(data, profile).encode("utf-8"))
                    written += 1
            return ExportResult(written, written, target)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary, handle = open_private_part(target)
        count = 0
        try:
            with handle:
                if kind == "zip":
                    taken = set()
                    with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
                        for cards in chunks():
                            for data in cards:
                                name = safe_file_name(
                                    data.display_name or data.organisation or "Kontakt", taken)
                                archive.writestr(name, card(data, profile).encode("utf-8"))
                                count += 1
                else:
                    for cards in chunks():
                        handle.write("".join(card(c, profile) for c in cards).encode("utf-8"))
                        count += len(cards)
            if count == 0:
                raise ValidationError(_("There is nobody to export."))
            os.replace(temporary, target)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        return ExportResult(count, 1, target)
    except OSError as exc:
        raise DefenceDirError(_("Cannot write {target}: {reason}", target=target,
                                reason=exc.strerror or exc)) from exc


class ExportCancelled(DefenceDirError):
    pass
