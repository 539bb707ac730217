"""Language-aware text normal forms for sorting and matching (German first)."""

from __future__ import annotations

import unicodedata

# Letters that do not decompose into a base letter plus a combining mark.
_SPECIAL = str.maketrans({
    "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ø": "o", "Ø": "O",
    "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "þ": "th", "ı": "i",
})


def strip_diacritics(text: str) -> str:
    """"Jürgen Łukasz Øre" -> "Jurgen Lukasz Ore"; case is kept."""
    if text.isascii():  # nothing to decompose or replace (most words)
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def sort_key(text: str | None) -> str:
    """Alphabetical order as in a German phone book (DIN 5007-1: ä sorts as a)."""
    return strip_diacritics(text or "").casefold()
