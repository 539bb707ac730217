"""vCard content-line text: escaping, folding at 75 octets on UTF-8 boundaries, and back."""

from __future__ import annotations

import re

FOLD_OCTETS = 75
CRLF = "\r\n"


_NEEDS_ESCAPE = re.compile(r"[\\,;\t\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
# What is left after line breaks and tabs: never written, even from rows saved before text was
# cleaned (a NUL or an escape code makes address books drop the card or the whole file).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def escape(value: str) -> str:
    """A TEXT value per RFC 2426 4 / RFC 6350 3.4: backslash, comma, semicolon, newline; tabs
    become spaces and other control characters are left out."""
    if not _NEEDS_ESCAPE.search(value):  # most values: nothing to do, return them as they are
        return value
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    value = _LINE_BREAK.sub(lambda _match: "\\n", value).replace("\t", " ")
    return _CONTROL.sub("", value)


def without_controls(value: str) -> str:
    """A value that is not TEXT-escaped (UID, URL) without control characters."""
    return value if value.isprintable() else _CONTROL.sub("", value)


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


_ESCAPED = re.compile(r"\\(.?)", re.DOTALL)


def unescape(value: str) -> str:
    """Undo TEXT escaping; a lone backslash before another character keeps that character."""
    if "\\" not in value:  # also keeps a long NOTE from being copied
        return value
    return _ESCAPED.sub(lambda m: "\n" if m.group(1) in ("n", "N") else m.group(1), value)


def split_unescaped(value: str, separator: str) -> list[str]:
    """Split at separators that are not escaped, keeping escapes for `unescape`."""
    if "\\" not in value:
        return value.split(separator)
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
