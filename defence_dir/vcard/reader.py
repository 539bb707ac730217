"""Reading vCards of any version (2.1 with QUOTED-PRINTABLE and CHARSET, 3.0, 4.0).

Each card is read on its own, so a malformed card is reported and the good cards of the same
file still come in. Values keep their escapes; callers unescape per property (a comma in FN is
text, a comma in CATEGORIES separates values), which is where vobject goes wrong for FN.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from charset_normalizer import from_bytes

from defence_dir.i18n import _
from defence_dir.vcard.text import decode_quoted_printable

_LINE_BREAK = re.compile(r"\r\n|\n|\r")
_NAME = re.compile(r"^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)$")


@dataclass
class Property:
    name: str  # upper case, without group
    params: dict[str, list[str]]  # upper-case keys; 2.1 bare types under "TYPE"
    value: str  # QUOTED-PRINTABLE already decoded; escapes kept

    def types(self) -> set[str]:
        return {t.upper() for value in self.params.get("TYPE", []) for t in value.split(",")}


@dataclass
class RawCard:
    number: int  # 1-based position in the file
    line: int  # line where it begins
    properties: list[Property] = field(default_factory=list)
    error: str | None = None
    # Remarks that do not stop the card (a photo not kept, bytes read in another encoding).
    warnings: list[str] = field(default_factory=list)

    def first(self, name: str) -> Property | None:
        return next((p for p in self.properties if p.name == name), None)

    def all(self, name: str) -> list[Property]:
        return [p for p in self.properties if p.name == name]


def decode_file(data: bytes) -> str:
    """Text of a .vcf: UTF-8 (with or without BOM), UTF-16 with BOM, else the best guess."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        guess = from_bytes(data).best()
        encoding = guess.encoding if guess else "cp1252"
        return data.decode(encoding, "replace")


def _split_line(line: str) -> tuple[str, str] | None:
    """(name and parameters, value) at the first colon outside quotes."""
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return line[:index], line[index + 1:]
    return None


def _parse_params(parts: list[str]) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for part in parts:
        if not part:
            continue
        if "=" in part:
            key, value = part.split("=", 1)
            params.setdefault(key.strip().upper(), []).append(value.strip().strip('"'))
        else:  # vCard 2.1: TEL;WORK;VOICE:… and ;QUOTED-PRINTABLE
            bare = part.strip().upper()
            if bare in ("QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"):
                params.setdefault("ENCODING", []).append(bare)
            else:
                params.setdefault("TYPE", []).append(bare)
    return params


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """Unfolded lines with their first physical line number (folding and 2.1 QP soft breaks)."""
    logical: list[tuple[int, str]] = []
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        if line[:1] in (" ", "\t") and logical:
            start, previous = logical[-1]
            logical[-1] = (start, previous + line[1:])
        elif logical and _continues_quoted_printable(logical[-1][1]):
            start, previous = logical[-1]
            logical[-1] = (start, previous[:-1] + line)
        elif line.strip():
            logical.append((number, line))
    return logical


def _continues_quoted_printable(line: str) -> bool:
    head = line.split(":", 1)[0].upper()
    return "QUOTED-PRINTABLE" in head and line.endswith("=")


def read_cards(data: bytes) -> list[RawCard]:
    cards: list[RawCard] = []
    current: RawCard | None = None
    for number, line in _logical_lines(decode_file(data)):
        line = line.lstrip("\ufeff")  # files joined together keep their BOMs mid-text
        upper = line.strip().upper()
        if upper == "BEGIN:VCARD":
            if current is not None:
                current.error = current.error or _("the card does not end (END:VCARD missing)")
                cards.append(current)
            current = RawCard(number=len(cards) + 1, line=number)
            continue
        if current is None:
            continue  # text between cards
        if upper == "END:VCARD":
            cards.append(current)
            current = None
            continue
        split = _split_line(line)
        if split is None:
            current.error = current.error or _("line {line} is not a vCard property: “{text}”",
                                               line=number, text=line[:60])
            continue
        head, value = split
        parts = head.split(";")
        match = _NAME.match(parts[0].strip())
        if match is None:
            current.error = current.error or _("line {line} has no valid property name",
                                               line=number)
            continue
        params = _parse_params(parts[1:])
        encoding = {e.upper() for e in params.get("ENCODING", [])}
        if encoding & {"BASE64", "B"}:
            continue  # photos and sounds: not kept
        if "QUOTED-PRINTABLE" in encoding:
            value = decode_quoted_printable(value, (params.get("CHARSET") or ["utf-8"])[0])
        current.properties.append(Property(match.group(1).upper(), params, value))
    if current is not None:
        current.error = current.error or _("the card does not end (END:VCARD missing)")
        cards.append(current)
    return cards
