"""Cleaning one spreadsheet row into person fields: trimmed texts, names split into salutation,
titles, given and family name, emails checked, phones parsed (and repaired where Excel turned
them into numbers), dates from Excel serials or German text. What cannot be repaired is
flagged, never silently changed."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache

from defence_dir.contact_values import normalize_email, phone_e164
from defence_dir.errors import ValidationError
from defence_dir.i18n import _
from defence_dir.persons import EmailDraft, PersonDraft, PhoneDraft
from defence_dir.search.folding import words
from defence_dir.spreadsheet.columns import IGNORE, TO_NOTES, ColumnMapping, synonyms
from defence_dir.spreadsheet.reading import Cell

_NOT_DIGITS = re.compile(r"\D")
_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
EXCEL_EPOCH = datetime(1899, 12, 30)


def text_of(cell: Cell) -> str:
    """A cell as trimmed text; whole numbers without ".0"; non-breaking spaces are spaces."""
    if type(cell) is str:  # most cells: skip the type checks below
        # str.split() cuts at every Unicode space (non-breaking ones too), faster than a regex.
        return " ".join(cell.split())
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "ja" if cell else "nein"
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, datetime):
        return cell.strftime("%d.%m.%Y %H:%M") if cell.time() != time() else \
            cell.strftime("%d.%m.%Y")
    if isinstance(cell, date):
        return cell.strftime("%d.%m.%Y")
    return " ".join(str(cell).split())


@cache
def _known(kind: str) -> tuple[tuple[str, str], ...]:
    """Known salutations or titles with their folded form, longest first (asked several
    times per row)."""
    return tuple((known, known.casefold())
                 for known in sorted(synonyms()[kind]["known"], key=len, reverse=True))


@cache
def _first_letters() -> frozenset[str]:
    """Folded first letters of every salutation and title: most names start with none."""
    return frozenset(folded[0] for kind in ("salutations", "titles")
                     for _known_text, folded in _known(kind))


def _strip_prefixes(text: str) -> tuple[str | None, str | None, str]:
    """(salutation, academic titles, rest) of a name: "Herr Prof. Dr. Jan" → Herr, Prof. Dr."""
    rest, salutation, titles = text.strip(), None, []
    changed = True
    while changed and rest and rest[0].casefold()[0] in _first_letters():
        changed = False
        folded = rest.casefold()
        for known, known_folded in _known("salutations"):
            if folded.startswith(known_folded + " "):
                salutation, rest, changed = known, rest[len(known):].strip(), True
                folded = rest.casefold()
        for title, title_folded in _known("titles"):
            if folded.startswith(title_folded) and (
                    len(rest) == len(title) or rest[len(title)] in " -"):
                titles.append(title)
                rest, changed = rest[len(title):].strip(), True
                break
    return salutation, " ".join(titles) or None, rest


def split_name(text: str) -> dict[str, str | None]:
    """"Prof. Dr.-Ing. Anna Schäfer", "Schäfer, Anna", "Herr Dr. Jan de Vries" → parts."""
    if "," in text:  # "Schäfer, Anna" / "Weiß, Dr. Gisela"
        family, given = (part.strip() for part in text.split(",", 1))
        salutation, title, rest = _strip_prefixes(given)
        return {"salutation": salutation, "title": title, "given_name": rest or None,
                "family_name": family or None}
    salutation, title, rest = _strip_prefixes(text)
    result: dict[str, str | None] = {"salutation": salutation, "title": title,
                                     "given_name": None, "family_name": None}
    tokens = rest.split()
    if len(tokens) == 1:
        result["family_name"] = tokens[0]
    elif tokens:
        # Name particles belong to the family name: "Jan de Vries", "Anna von der Heide".
        start = len(tokens) - 1
        while start > 1 and tokens[start - 1].casefold() in ("von", "van", "de", "der", "den",
                                                             "zu", "da", "di", "del", "la"):
            start -= 1
        result["given_name"] = " ".join(tokens[:start])
        result["family_name"] = " ".join(tokens[start:])
    return result


def parse_date(cell: Cell) -> datetime | None:
    """A date from a date cell, an Excel serial number or German/ISO text; None otherwise."""
    if isinstance(cell, datetime):
        return cell
    if isinstance(cell, date):
        return datetime.combine(cell, time())
    if isinstance(cell, int | float) and not isinstance(cell, bool) and 20_000 <= cell <= 80_000:
        return EXCEL_EPOCH + timedelta(days=float(cell))
    text = text_of(cell)
    match = _GERMAN_DATE.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        year += 2000 if year < 100 else 0
        try:
            return datetime(year, month, day)
        except ValueError:
            return None
    match = _ISO_DATE.match(text)
    if match:
        try:
            return datetime(*(int(g) for g in match.groups()))
        except ValueError:
            return None
    return None


def repaired_phone(cell: Cell) -> tuple[PhoneDraft | None, str | None]:
    """(number as it can be stored, with its E.164 form; a note of any repair);
    (None, reason) if unreadable."""
    text = text_of(cell)
    if not text:
        return None, None
    digits = _NOT_DIGITS.sub("", text)
    # A number cell lost its "+" or leading 0 in Excel: put it back before anything else, as
    # phonenumbers would otherwise read "4921155501" as a German national number.
    numeric = isinstance(cell, int | float) and not isinstance(cell, bool)
    if not numeric and (e164 := phone_e164(text)):
        return PhoneDraft(text, e164=e164), None
    if (numeric or text.isdigit()) and digits:
        if digits.startswith("49") and (e164 := phone_e164("+" + digits)):
            return PhoneDraft("+" + digits, e164=e164), \
                _("“+” restored in phone number {number}", number=text)
        if not digits.startswith("0") and (e164 := phone_e164("0" + digits)):
            return PhoneDraft("0" + digits, e164=e164), \
                _("leading 0 restored in phone number {number}", number=text)
    return None, _("phone number “{number}” not readable, kept in the notes", number=text)


def attendance_status(text: str) -> str | None:
    return _statuses().get(" ".join(words(text)))


@cache
def _statuses() -> dict[str, str]:
    """Folded status name → status, from the synonyms file (read once)."""
    return {" ".join(words(name)): status
            for status, names in reversed(synonyms()["statuses"].items()) for name in names}


@dataclass
class CleanRow:
    draft: PersonDraft
    organisation: str | None = None
    status: str | None = None
    consent_at: datetime | None = None
    consent: bool | None = None
    notes: list[str] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        d = self.draft
        return not any((d.given_name, d.family_name, d.emails, d.phones, self.organisation))


def clean_row(cells: list[Cell], mapping: ColumnMapping) -> CleanRow:
    draft = PersonDraft()
    row = CleanRow(draft)
    values: dict[str, Cell] = {}
    texts: dict[str, str] = {}  # each cell's text worked out once
    for index, field_name in enumerate(mapping.fields):
        if field_name == IGNORE:
            continue
        cell = cells[index] if index < len(cells) else None
        text = text_of(cell)
        if text == "":
            continue
        if field_name == TO_NOTES:
            row.notes.append(f"{mapping.headings[index]}: {text}")
        else:
            values[field_name], texts[field_name] = cell, text
    for key in ("full_name", "full_name_reversed"):
        if key in values:
            text = texts[key]
            parts = split_name(text if key == "full_name" or "," in text else
                               ", ".join(text.split(" ", 1)))
            for part, value in parts.items():
                if value and not getattr(draft, part):
                    setattr(draft, part, value)
    for part in ("salutation", "title", "family_name", "function", "department"):
        if part in values:
            setattr(draft, part, texts[part])
    if "given_name" in values:  # "Dr. Anna" in the given-name column
        salutation, title, rest = _strip_prefixes(texts["given_name"])
        draft.given_name = rest or None
        draft.title = draft.title or title
        draft.salutation = draft.salutation or salutation
    if "email" in values:
        for address in re.split(r"[;,\s]+", texts["email"]):
            if not address:
                continue
            try:
                draft.emails.append(EmailDraft(normalize_email(address)))
            except ValidationError as exc:
                row.problems.append(str(exc))
    for key, kind in (("phone", "work"), ("mobile", "cell")):
        if key in values:
            phone, note = repaired_phone(values[key])
            if phone:
                phone.kind = kind
                draft.phones.append(phone)
                if note:
                    row.repairs.append(note)
            elif note:
                row.repairs.append(note)
                row.notes.append(f"{_('Phone')}: {texts[key]}")
    row.organisation = texts.get("organisation") or None
    if "city" in values:
        row.notes.append(f"{_('City')}: {texts['city']}")
    if "notes" in values:
        row.notes.insert(0, texts["notes"])
    if "status" in values:
        row.status = attendance_status(texts["status"])
        if row.status is None:
            row.problems.append(_("unknown attendance status “{status}”",
                                  status=texts["status"]))
    if "consent" in values:
        consent_at = parse_date(values["consent"])
        answer = " ".join(words(texts["consent"]))
        row.consent = consent_at is not None or answer in ("ja", "yes", "x", "1", "true")
        row.consent_at = consent_at
    if row.notes:
        draft.notes = "\n".join(row.notes)
    if not row.empty and not (draft.given_name or draft.family_name):
        row.problems.append(_("no name"))
    # Each cell is its own string: "Herr", a given name, a company or "Ort: Düsseldorf" would
    # be held once per row of a large file (interned strings are freed with their last use).
    for part in _REPEATING:
        value = getattr(draft, part)
        if value:
            setattr(draft, part, sys.intern(value))
    if row.organisation:
        row.organisation = sys.intern(row.organisation)
    return row


_REPEATING = ("salutation", "title", "given_name", "function", "department", "notes")
