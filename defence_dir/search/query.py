"""A search text as tokens, and the rank classes a hit can fall into.

Any text is a valid query: it is cut to a bounded length, split into folded words and phone-like
digit runs, and every token is later quoted, so no character of it reaches a query language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from defence_dir.text.folding import phonetic_code, query_digits, words

MAX_QUERY_CHARS = 300
MAX_TOKENS = 8
# A run of digits with the separators people type in phone numbers: "+49 (0)211 / 385459-17".
_PHONE_RUN = re.compile(r"\+?\(?\d[\d \t\-/().]*\d")
MIN_PHONE_DIGITS = 3

NAME_COLUMNS = ("names",)
ALL_COLUMNS = ("names", "organisation", "networks", "function", "topics", "city", "email",
               "notes")


class Rank:
    """Rank classes, best first; hits of one class are in alphabetical order."""

    EXACT_NAME = 0
    NAME_PREFIX = 1
    OTHER_FIELD = 2
    SIMILAR_NAME = 3


@dataclass
class Token:
    word: str  # folded; matched as a word prefix
    digits: str = ""  # phone lookup digits, for a phone-like run of 3 or more digits
    phonetic: str = ""  # Kölner Phonetik code of an alphabetic word
    similar: tuple[str, ...] = field(default=())  # indexed name words within a small edit distance

    @property
    def is_phone(self) -> bool:
        return bool(self.digits)


def parse_query(text: str) -> list[Token]:
    """The tokens of a search text, in order, without repeats; [] for a blank text."""
    text = (text or "")[:MAX_QUERY_CHARS]
    tokens: dict[str, Token] = {}

    def take_phone(match: re.Match[str]) -> str:
        raw = match.group()
        digits_only = re.sub(r"\D", "", raw)
        if len(digits_only) < MIN_PHONE_DIGITS:
            return raw
        digits = query_digits(raw) or digits_only
        tokens.setdefault("#" + digits_only, Token(word=digits_only, digits=digits))
        return " "

    rest = _PHONE_RUN.sub(take_phone, text)
    for word in words(rest):
        phonetic = phonetic_code(word) if len(word) >= 3 and word.isalpha() else ""
        tokens.setdefault(word, Token(word=word, phonetic=phonetic))
    return list(tokens.values())[:MAX_TOKENS]
