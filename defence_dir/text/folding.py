"""Normal forms for matching: German folding, words, Kölner Phonetik codes and phone digits.

Index and query go through the same folding, so "Jürgen", "Juergen" and "Jurgen" all become
"jurgen": umlauts lose their dots and the spelled-out "ae"/"oe"/"ue" collapses to the plain vowel
(on both sides, so the odd over-match such as "Mauer" ~ "Maur" costs nothing in practice).
"""

from __future__ import annotations

import re
from functools import lru_cache

from cologne_phonetics import encode as cologne_encode
from phonenumbers import COUNTRY_CODE_TO_REGION_CODE

from defence_dir.text.collation import strip_diacritics
from defence_dir.text.plain import nfc

_SPELLED_UMLAUT = re.compile(r"([aou])e")
_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """One word's matching form: lower case, diacritics and spelled-out umlauts folded."""
    return _SPELLED_UMLAUT.sub(r"\1", strip_diacritics(word).casefold())


def words(text: str | None) -> list[str]:
    """The folded words of `text`, in order, without repeats."""
    if not text:
        return []
    return list(_words(text))


@lru_cache(maxsize=100_000)
def _words(text: str) -> tuple[str, ...]:
    # Cached: names, organisations, cities and functions repeat across many persons.
    seen: dict[str, None] = {}
    # Composed first: a decomposed "ü" would otherwise split "müller" at its mark.
    for raw in _WORD.findall(nfc(text)):
        # Folding can split a word: "¼" decomposes to "1⁄4".
        for word in _WORD.findall(fold_word(raw)):
            seen.setdefault(word, None)
    return tuple(seen)


@lru_cache(maxsize=200_000)
def phonetic_code(word: str) -> str:
    """Kölner Phonetik code of one word ("" when it has no letters)."""
    if not word.isalpha():
        return ""
    codes = cologne_encode(word)
    return codes[0][1] if codes else ""


def phone_digit_forms(e164: str | None, raw: str | None) -> list[str]:
    """Digit strings a phone is found by: E.164 without "+" and the national number without "0".

    A query digit run is reduced the same way (see query_digits), so "+49 211 385459",
    "0049211385459" and "0211/385459" all find "+49 211 38545917".
    """
    if e164:
        digits = e164.lstrip("+")
        # Country calling codes are prefix-free, so the first 1-3 digits that are one split
        # off the national number (much faster than phonenumbers.parse for a million phones).
        for length in (1, 2, 3):
            if int(digits[:length] or 0) in COUNTRY_CODE_TO_REGION_CODE:
                return [digits, digits[length:]]
        return [digits]
    digits = re.sub(r"\D", "", raw or "").lstrip("0")
    return [digits] if digits else []


def query_digits(text: str) -> str:
    """The digits a phone-like query part is looked up by (German prefixes removed)."""
    stripped = text.strip()
    digits = re.sub(r"\D", "", stripped)
    if digits.startswith("0049"):
        return digits[4:]
    if stripped.startswith("+"):
        return digits[2:] if digits.startswith("49") else digits
    if digits.startswith("00"):
        return digits[2:]
    return digits.lstrip("0")
