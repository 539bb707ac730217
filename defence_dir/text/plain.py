"""The one normal form of text we store, compare and export: NFC, without control characters.

Text arrives decomposed ("mu\u0308ller" as macOS writes it), with NULs and escape codes from broken
exports, or with no-break spaces from web forms. Every writer (dialogs, importers) and every
reader of a query goes through `clean_text` / `nfc`, so the same name is the same string
whichever way it came, and nothing invisible reaches an address book or a spreadsheet.
"""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 control characters and DEL; tab and line breaks are handled apart. Lone surrogates
# (left by a lenient decoder) cannot be encoded as UTF-8 and go too.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"\r\n|\r|[\u2028\u2029\x85]")
_SPACES = str.maketrans({"\u00a0": " ", "\t": " "})


def nfc(text: str) -> str:
    """Composed form: "u" + combining diaeresis becomes "ü" (cheap for the usual ASCII text)."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def has_control_characters(text: str) -> bool:
    return _CONTROL.search(text) is not None


def clean_text(value: str | None, *, multiline: bool = False) -> str | None:
    """Trimmed NFC text without control characters, None when nothing is left.

    Single-line values (names, functions) get line breaks and tabs as spaces; multi-line values
    (notes) keep their line breaks as "\\n". No-break spaces become plain spaces.
    """
    if value is None:
        return None
    text = value if value.isascii() and value.isprintable() else _normalise(value, multiline)
    text = text.strip()
    return text or None


def _normalise(value: str, multiline: bool) -> str:
    text = _LINE_BREAKS.sub("\n", value)
    # Line breaks (a Python \x85 among them) are settled before the control characters go.
    text = _CONTROL.sub("", text).translate(_SPACES)
    if not multiline:
        text = text.replace("\n", " ")
    return nfc(text)
