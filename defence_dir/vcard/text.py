"""vCard content-line text: escaping, folding at 75 octets on UTF-8 boundaries, and back."""

from __future__ import annotations

import quopri
import re

FOLD_OCTETS = 75
CRLF = "\r\n"


_NEEDS_ESCAPE = re.compile(r"[\\,;\r\n]")


def escape(value: str) -> str:
    """A TEXT value per RFC 2426 4 / RFC 6350 3.4: backslash, comma, semicolon, newline."""
    if not _NEEDS_ESCAPE.search(value):  # most values: nothing to do, return them as they are
        return value
    return (value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
            .replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n"))


def escape_component(value: str) -> str:
    """One component of a structured value (N, ADR, ORG): the same escaping."""
    return escape(value)


def fold(line: str) -> str:
    """Fold a content line so no physical line exceeds 75 octets, never inside a character.

    Continuation lines start with one space, which counts toward their 75 octets.
    """
    encoded = line.encode("utf-8")
    if len(encoded) <= FOLD_OCTETS:
        return line
    parts: list[str] = []
    current: list[str] = []
    size = 0
    limit = FOLD_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, FOLD_OCTETS - 1
        current.append(char)
        size += width
    parts.append("".join(current))
    return (CRLF + " ").join(parts)


_UNFOLD = re.compile(r"\r?\n[ \t]")


def unfold(text: str) -> str:
    return _UNFOLD.sub("", text)


def unescape(value: str) -> str:
    """Undo TEXT escaping; a lone backslash before another character keeps that character."""
    out: list[str] = []
    chars = iter(value)
    for char in chars:
        if char != "\\":
            out.append(char)
            continue
        following = next(chars, "")
        out.append("\n" if following in ("n", "N") else following)
    return "".join(out)


def split_unescaped(value: str, separator: str) -> list[str]:
    """Split at separators that are not escaped, keeping escapes for `unescape`."""
    parts: list[str] = []
    current: list[str] = []
    escaped = False
    for char in value:
        if escaped:
            current.append("\\" + char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    if escaped:
        current.append("\\")
    parts.append("".join(current))
    return parts


def decode_quoted_printable(value: str, charset: str) -> str:
    """vCard 2.1 QUOTED-PRINTABLE (soft line breaks already joined by the reader)."""
    raw = quopri.decodestring(value.encode("ascii", "replace"))
    try:
        return raw.decode(charset or "utf-8")
    except (LookupError, UnicodeDecodeError):
        return raw.decode("cp1252", "replace")
