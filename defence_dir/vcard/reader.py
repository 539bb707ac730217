"""Reading vCards of any version (2.1 with QUOTED-PRINTABLE and CHARSET, 3.0, 4.0).

Each card is read on its own, so a malformed card is reported and the good cards of the same
file still come in. Values keep their escapes; callers unescape per property (a comma in FN is
text, a comma in CATEGORIES separates values), which is where vobject goes wrong for FN.

The file is read as bytes in one pass, linear in its size: a folded property is gathered in a
buffer (not by string concatenation), photos and other binary data are skipped line by line
without being kept, and each property is decoded on its own, so one line in another encoding
does not garble the rest of the file.
"""

from __future__ import annotations

import codecs
import quopri
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from defence_dir.i18n import N_, _
from defence_dir.text.plain import clean_text, nfc

_NAME = re.compile(r"^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)$")
# A continuation line of a vCard 2.1 BASE64 value, which need not be indented.
_BASE64_LINE = re.compile(rb"[ \t]*[A-Za-z0-9+/=]+[ \t]*")
# Any multi-byte UTF-8 sequence: its presence means a file that does not decode as a whole is
# UTF-8 with some lines in another encoding, not a file wholly in a legacy encoding.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}"
                            rb"|[\xf0-\xf4][\x80-\xbf]{3}")
BOM_UTF8 = b"\xef\xbb\xbf"
# Old Windows exports (Outlook 2.1) are Windows-1252; charset guessers call short German text
# Windows-1250, which reads "Michèle" as "Michčle", so the guess is this fixed one.
LEGACY_ENCODING = "cp1252"
_SKIPPED = {"PHOTO": N_("Photo not kept"), "LOGO": N_("Logo not kept"),
            "SOUND": N_("Sound not kept"), "KEY": N_("Key not kept")}
_SHORT = 64  # BEGIN:VCARD and END:VCARD are compared only on lines this short


@dataclass(slots=True)
class Property:
    name: str  # upper case, without group
    params: dict[str, list[str]]  # upper-case keys; 2.1 bare types under "TYPE"
    value: str  # QUOTED-PRINTABLE already decoded; escapes kept

    def types(self) -> set[str]:
        return {t.upper() for value in self.params.get("TYPE", []) for t in value.split(",")}


@dataclass(slots=True)
class RawCard:
    number: int  # 1-based position in the file
    line: int  # line where it begins
    properties: list[Property] = field(default_factory=list)
    error: str | None = None
    # Remarks that do not stop the card (a photo not kept, bytes read in another encoding).
    warnings: list[str] = field(default_factory=list)
    legacy_lines: list[int] = field(default_factory=list, repr=False)  # read as Windows-1252

    def first(self, name: str) -> Property | None:
        return next((p for p in self.properties if p.name == name), None)

    def all(self, name: str) -> list[Property]:
        return [p for p in self.properties if p.name == name]

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def finish(self) -> RawCard:
        """The card with one warning for all its lines read as Windows-1252."""
        lines, encoding = self.legacy_lines, encoding_label(LEGACY_ENCODING)
        if len(lines) == 1:
            self.warn(_("line {line} is not UTF-8; read as {encoding}", line=lines[0],
                        encoding=encoding))
        elif lines:
            self.warn(_("lines {lines} are not UTF-8; read as {encoding}",
                        lines=", ".join(map(str, lines)), encoding=encoding))
        return self


# --- the file's encoding ---------------------------------------------------------------------

def _utf8_bytes(data: bytes) -> tuple[bytes, str]:
    """(UTF-8 or legacy bytes to read, the file's encoding as reported).

    The encoding is "utf-8", "utf-16", LEGACY_ENCODING for a file with no UTF-8 in it at all,
    or "utf-8+cp1252" for UTF-8 with lines in another encoding (each named in a card warning).
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace").encode("utf-8", "surrogatepass"), "utf-16"
    # UTF-16 without a BOM: every other byte of "BEGIN:VCARD" is a NUL.
    for encoding, nuls in (("utf-16-le", data[1:8:2]), ("utf-16-be", data[0:8:2])):
        if len(data) >= 8 and nuls == b"\0\0\0\0":
            return data.decode(encoding, "replace").encode("utf-8", "surrogatepass"), "utf-16"
    if data.startswith(BOM_UTF8):
        data = data[3:]
    if data.isascii() or _is_utf8(data):
        return data, "utf-8"
    if _UTF8_SEQUENCE.search(data) is None:
        return data, LEGACY_ENCODING
    return data, f"utf-8+{LEGACY_ENCODING}"


def _is_utf8(data: bytes, chunk: int = 1 << 16) -> bool:
    """Whether the bytes are valid UTF-8, checked 64 KB at a time: decoding the whole
    file at once would hold its text (up to four times its size) only to throw it away."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    try:
        for start in range(0, len(data), chunk):
            decoder.decode(view[start:start + chunk])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def file_encoding(data: bytes) -> str:
    """How `read_cards` reads this file: "utf-8", "utf-16", "cp1252" or "utf-8+cp1252"."""
    return _utf8_bytes(data)[1]


def encoding_label(encoding: str) -> str:
    """An encoding as users know it: "Windows-1252" rather than "cp1252"."""
    names = {"utf-8": "UTF-8", "utf-16": "UTF-16", "cp1252": "Windows-1252",
             f"utf-8+{LEGACY_ENCODING}": "UTF-8 + Windows-1252"}
    return names.get(encoding.lower(), encoding)


def _codec(charset: str | None) -> str | None:
    if not charset:
        return None
    try:
        return codecs.lookup(charset).name
    except (LookupError, ValueError):  # ValueError: a NUL in the name
        return None


# --- physical and logical lines ----------------------------------------------------------------

_BLOCK = 1 << 16  # lines are split 64 KB at a time: a list of every line would double the file


def _first_line_head(head: bytes) -> tuple[bool, bool, str]:
    """(quoted-printable, binary, name) from what precedes a property's first colon."""
    upper = head.upper()
    name = upper.split(b";", 1)[0].rsplit(b".", 1)[-1].decode("ascii", "replace")
    params = _parse_params(upper.decode("utf-8", "replace").split(";")[1:])
    binary = bool({e.upper() for e in params.get("ENCODING", [])} & {"BASE64", "B"})
    return b"QUOTED-PRINTABLE" in upper, binary, name


class _Heads(dict[bytes, tuple[bool, bool, str]]):
    """Heads of first lines seen in this file: a file repeats a few dozen of them
    ("TEL;type=WORK;type=VOICE"), so each is parsed once; bounded for odd files."""

    def __missing__(self, head: bytes) -> tuple[bool, bool, str]:
        if len(self) > 10_000:
            self.clear()
        found = self[head] = _first_line_head(head)
        return found


def _logical_lines(data: bytes, before: int = 0,
                   ) -> Iterator[tuple[int, bytes | bytearray, str | None]]:
    """(first line number, unfolded line, name of a skipped binary property or None).

    Joins folded lines (a leading space or tab) and 2.1 QUOTED-PRINTABLE soft line breaks; the
    value of a skipped property comes back empty. Lines are split a block at a time in C (as
    bytes.splitlines does: CRLF, LF and CR all end one); the property being gathered is kept
    in local variables, not an object per line (this loop was a third of reading a card).
    """
    heads = _Heads()
    number, start, end = before, 0, len(data)
    # The property being gathered: its line number, its first line, the rest once a
    # continuation comes (a buffer: linear in the property's length), whether it is
    # QUOTED-PRINTABLE, and the name of a binary property whose value is dropped.
    first: bytes | None = None
    gathered_at, rest, quoted_printable, skipped = 0, bytearray(), False, None
    joined = False
    while start < end:
        # A block ends after an LF, so a CRLF is never cut in two.
        cut = data.find(b"\n", start + _BLOCK)
        cut = end if cut < 0 else cut + 1
        for line in data[start:cut].splitlines():
            number += 1
            if first is not None:
                # A soft break first: the next line may begin with a space that is text.
                if quoted_printable and (rest if joined else first)[-1:] == b"=":
                    if not joined:
                        rest, joined = bytearray(first), True
                    del rest[-1:]
                    rest += line
                    continue
                if line[:1] in (b" ", b"\t"):
                    if skipped is None:
                        if not joined:
                            rest, joined = bytearray(first), True
                        rest += line[1:]
                    continue
                if skipped is not None and _BASE64_LINE.fullmatch(line):
                    continue  # vCard 2.1 base64 goes on unindented until a blank line
                yield gathered_at, rest if joined else first, skipped
                first = None
            if line and not line.isspace():
                first, gathered_at, joined, quoted_printable, skipped = line, number, False, \
                    False, None
                colon = line.find(b":")
                if colon >= 0:
                    quoted_printable, binary, name = heads[line[:colon]]
                    if binary or (name in _SKIPPED
                                  and line[colon + 1:colon + 6].lower() == b"data:"):
                        skipped, first = name, line[:colon + 1]
        start = cut
    if first is not None:
        yield gathered_at, rest if joined else first, skipped


# --- properties ----------------------------------------------------------------------------------

def _split_line(line: bytes | bytearray) -> int:
    """Index of the first colon outside double quotes, -1 if there is none."""
    position, end = 0, len(line)
    while position < end:
        colon = line.find(b":", position)
        quote = line.find(b'"', position, colon if colon >= 0 else end)
        if quote < 0:
            return colon
        closing = line.find(b'"', quote + 1)
        if closing < 0:
            return -1
        position = closing + 1
    return -1


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


# (name or None if the name is not valid, params, charset, quoted-printable)
_Head = tuple[str | None, dict[str, list[str]], str | None, bool]


def _property_head(head: bytes) -> _Head:
    parts = str(head, "utf-8", "replace").split(";")
    match = _NAME.match(parts[0].strip())
    if match is None:
        return None, {}, None, False
    params = _parse_params(parts[1:])
    charsets = params.get("CHARSET")
    charset = charsets[0] if charsets else None
    quoted_printable = "QUOTED-PRINTABLE" in {e.upper() for e in params.get("ENCODING", [])}
    return match.group(1).upper(), params, charset, quoted_printable


class _PropertyHeads(dict[bytes, _Head]):
    """Parsed property heads of this file, each parsed once. Properties with the same head
    share its params dict, which nobody changes."""

    def __missing__(self, head: bytes) -> _Head:
        if len(self) > 10_000:
            self.clear()
        found = self[head] = _property_head(head)
        return found


def _decode(raw: bytes | bytearray | memoryview, charset: str | None, legacy: bool,
            quoted_printable: bool, card: RawCard, number: int) -> str:
    """A value's text, trying in turn: the file's encoding and the declared CHARSET (the
    CHARSET first for QUOTED-PRINTABLE, where 2.1 writers put it), then UTF-8; else
    Windows-1252 with a warning naming the line, unless the whole file is in that encoding
    (which the report says once)."""
    declared = _codec(charset)
    own = LEGACY_ENCODING if legacy else "utf-8"
    order = (declared, own, "utf-8") if quoted_printable else (own, declared)
    for encoding in order:
        if encoding is None:
            continue
        try:
            return str(raw, encoding)
        except UnicodeDecodeError:
            pass
    if (not legacy or declared) and number not in card.legacy_lines:
        card.legacy_lines.append(number)
    return str(raw, LEGACY_ENCODING, "replace")


def read_cards(data: bytes) -> list[RawCard]:
    """Every card of the file (see `iter_cards`, which does not hold them all)."""
    return list(iter_cards(data))


def iter_cards(data: bytes) -> Iterator[RawCard]:
    """The file's cards one by one, each complete before it is given: a caller that lets go
    of each card does not hold the properties of the whole file."""
    data, encoding = _utf8_bytes(data)
    return iter_piece(FilePiece(data, encoding, 0))


@dataclass(frozen=True, slots=True)
class FilePiece:
    """Whole cards of a file, to be read on their own (in another process): the bytes as
    `_utf8_bytes` gives them, the file's encoding, and how many lines come before them.
    Card numbers start at 1 in each piece; the caller adds the cards of earlier pieces."""

    data: bytes
    encoding: str
    lines_before: int


# A card ends and the next begins: END:VCARD and BEGIN:VCARD each at the start of a line,
# nothing between them. The END line is not the continuation of a quoted-printable value
# (checked by the caller: the line before it does not end with a soft break "=").
_CARD_BOUNDARY = re.compile(rb"\nEND:VCARD[ \t]*\r?\n(?=BEGIN:VCARD[ \t]*\r?\n)",
                            re.IGNORECASE)


def file_pieces(data: bytes, size: int) -> Iterator[FilePiece]:
    """The file cut into pieces of about `size` bytes, each between two cards, so the pieces
    read one by one give the same cards, values and line numbers as the whole file. Made as
    they are asked for: all at once they would be a second copy of the file."""
    data, encoding = _utf8_bytes(data)
    start, lines, end = 0, 0, len(data)
    while start < end:
        cut = end
        found = _CARD_BOUNDARY.search(data, start + size) if start + size < end else None
        while found is not None:
            before_end = data[max(found.start() - 1, 0):found.start()]
            if before_end == b"\r":
                before_end = data[max(found.start() - 2, 0):found.start() - 1]
            if before_end != b"=":
                cut = found.end()
                break
            found = _CARD_BOUNDARY.search(data, found.end())
        piece = data[start:cut]
        yield FilePiece(piece, encoding, lines)
        # Lines as splitlines counts them: LF, CRLF, and a CR alone.
        lines += piece.count(b"\n") + piece.count(b"\r") - piece.count(b"\r\n")
        start = cut


def iter_piece(piece: FilePiece) -> Iterator[RawCard]:
    """The cards of one piece of a file (the whole file is one piece)."""
    data, legacy = piece.data, piece.encoding == LEGACY_ENCODING
    heads = _PropertyHeads()
    count = 0
    current: RawCard | None = None
    for number, line, skipped in _logical_lines(data, piece.lines_before):
        if line[:3] == BOM_UTF8:  # files joined together keep their BOMs mid-text
            line = line.lstrip(BOM_UTF8)
        upper = line.strip().upper() if len(line) < _SHORT else b""
        if upper == b"BEGIN:VCARD":
            if current is not None:
                current.error = current.error or _("the card does not end (END:VCARD missing)")
                yield current.finish()
            count += 1
            current = RawCard(number=count, line=number)
            continue
        if current is None:
            continue  # text between cards
        if upper == b"END:VCARD":
            yield current.finish()
            current = None
            continue
        colon = line.find(b":")
        if colon >= 0 and line.find(b'"', 0, colon) >= 0:
            colon = _split_line(line)  # a quoted parameter value may hold a colon
        if colon < 0:
            text = str(line[:60], "utf-8", "replace")
            current.error = current.error or _("line {line} is not a vCard property: “{text}”",
                                               line=number, text=clean_text(text) or "")
            continue
        name, params, charset, quoted_printable = heads[bytes(line[:colon])]
        if name is None:
            current.error = current.error or _("line {line} has no valid property name",
                                               line=number)
            continue
        if skipped is not None:
            current.warn(_(_SKIPPED[name]) if name in _SKIPPED
                         else _("{property} (binary data) not kept", property=name))
            continue
        raw = memoryview(line)[colon + 1:]
        if quoted_printable or legacy:
            if quoted_printable:
                raw = memoryview(quopri.decodestring(bytes(raw)))
            value = _decode(raw, charset, legacy, quoted_printable, current, number)
        else:
            try:  # the usual case, and the first `_decode` would try
                value = str(raw, "utf-8")
            except UnicodeDecodeError:
                value = _decode(raw, charset, legacy, quoted_printable, current, number)
        # The normal form (no NULs or escape codes) for every value, names and UIDs alike;
        # the common printable value is not copied (a long note would be, several times).
        value = nfc(value).strip() if value.isprintable() else \
            clean_text(value, multiline=True) or ""
        current.properties.append(Property(name, params, value))
    if current is not None:
        current.error = current.error or _("the card does not end (END:VCARD missing)")
        yield current.finish()


def card_size(card: RawCard) -> int:
    """Characters of a card's values kept (photos and other binary values are not)."""
    return sum(len(p.value) for p in card.properties)


def kept_size(cards: Iterable[RawCard]) -> int:
    """Characters of the values kept: what a file's size limit should count, since photos and
    other binary values are skipped without being held."""
    return sum(map(card_size, cards))
