"""Finding the header row and mapping columns to fields, from the synonyms in
data/column_synonyms.toml; a mapping the user corrected is remembered per header."""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from defence_dir.data.models import ImportMapping
from defence_dir.imports.spreadsheet.reading import Cell
from defence_dir.text.folding import words
from defence_dir.text.plain import clean_text

IGNORE = "ignore"
TO_NOTES = "notes_extra"  # an unknown column whose values go to the person's notes
FIELDS = ("salutation", "title", "given_name", "middle_name", "family_name", "name_suffix",
          "full_name", "full_name_reversed", "email", "phone", "mobile", "organisation",
          "function", "department", "city", "notes", "status", "attended", "consent")
# Fields several columns may hold (Outlook's "E-mail 2 Address", Google's "Phone 2 - Value").
REPEATABLE = frozenset({"email", "phone", "mobile"})
# Fields that only an import into an event reads: a status is about an event, not a person.
EVENT_ONLY = frozenset({"status", "attended"})
STATUSES = ("registered", "attended", "cancelled", "no_show")
# The remembered placing of status words shares the table of remembered column mappings
# under a key no header can have (a header's key is the hash of its headings).
_STATUS_WORDS_KEY = "status-words:" + "0" * 51
HEADER_SCAN_ROWS = 30
FUZZY_CUTOFF = 88


@cache
def synonyms() -> dict[str, Any]:
    text = (resources.files("defence_dir.data") / "column_synonyms.toml").read_text("utf-8")
    return tomllib.loads(text)


def _key(heading: object) -> str:
    return "".join(words(str(heading))) if heading not in (None, "") else ""


@cache
def _synonym_index() -> dict[str, str]:
    return {_key(name): field for field, names in synonyms()["fields"].items() for name in names}


def field_for(heading: object) -> str | None:
    """The field a column heading names, tolerating case, spacing and small typos."""
    key = _key(heading)
    if not key:
        return None
    index = _synonym_index()
    if key in index:
        return index[key]
    if len(key) >= 4:
        found = process.extractOne(key, list(index), scorer=fuzz.ratio,
                                   score_cutoff=FUZZY_CUTOFF)
        if found:
            return index[found[0]]
    return None


def find_header_row(rows: list[list[Cell]]) -> int:
    """Index of the header row: the row among the first ones with the most recognised
    headings (title rows and empty rows above it are skipped); 0 if none is recognised."""
    best, best_score = 0, 0
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        score = sum(1 for cell in row if field_for(cell))
        if score > best_score:
            best, best_score = index, score
    return best


@dataclass
class ColumnMapping:
    headings: list[str]
    fields: list[str]  # per column: a field of FIELDS, IGNORE or TO_NOTES

    def signature(self) -> str:
        return header_signature(self.headings)


def header_signature(headings: list[str]) -> str:
    return hashlib.sha256(json.dumps([_key(h) for h in headings]).encode()).hexdigest()


def guess_mapping(headings: list[Cell], session: Session | None = None) -> ColumnMapping:
    """Fields for the columns: a remembered mapping for this header if there is one, else
    from the synonyms; each field is used once, unknown columns go to notes."""
    texts = ["" if h is None else clean_text(str(h)) or "" for h in headings]
    if session is not None:
        stored = session.scalar(select(ImportMapping.mapping_json).where(
            ImportMapping.header_signature == header_signature(texts)))
        if stored:
            remembered = json.loads(stored)
            if len(remembered) == len(texts):
                return ColumnMapping(texts, remembered)
    used: set[str] = set()
    fields: list[str] = []
    for text in texts:
        field = field_for(text)
        if field == IGNORE:
            fields.append(IGNORE)
        elif field and (field not in used or field in REPEATABLE):
            used.add(field)
            fields.append(field)
        else:
            fields.append(TO_NOTES if text else IGNORE)
    return ColumnMapping(texts, fields)


def remember_mapping(session: Session, mapping: ColumnMapping) -> None:
    """Offer this mapping again for files with the same header."""
    signature = mapping.signature()
    stored = session.scalar(select(ImportMapping).where(
        ImportMapping.header_signature == signature))
    if stored is None:
        session.add(ImportMapping(header_signature=signature,
                                  mapping_json=json.dumps(mapping.fields)))
    else:
        stored.mapping_json = json.dumps(mapping.fields)
    session.flush()


def status_key(word: str) -> str:
    """A status word as it is compared: folded, so "Checked-In" is "checked in"."""
    return " ".join(words(word))


def remembered_status_words(session: Session) -> dict[str, str]:
    """{folded word: status} the user placed in an earlier import."""
    stored = session.scalar(select(ImportMapping.mapping_json).where(
        ImportMapping.header_signature == _STATUS_WORDS_KEY))
    if not stored:
        return {}
    placed = json.loads(stored)
    return {key: status for key, status in placed.items() if status in STATUSES}


def remember_status_words(session: Session, placed: dict[str, str]) -> None:
    """Offer these placings again (added to the ones remembered before)."""
    if not placed:
        return
    stored = session.scalar(select(ImportMapping).where(
        ImportMapping.header_signature == _STATUS_WORDS_KEY))
    merged = {**remembered_status_words(session),
              **{status_key(word): status for word, status in placed.items()}}
    if stored is None:
        session.add(ImportMapping(header_signature=_STATUS_WORDS_KEY,
                                  mapping_json=json.dumps(merged, ensure_ascii=False)))
    else:
        stored.mapping_json = json.dumps(merged, ensure_ascii=False)
    session.flush()
