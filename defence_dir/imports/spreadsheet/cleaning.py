"""Cleaning one spreadsheet row into person fields: trimmed texts, names split into salutation,
titles, given and family name, emails checked, phones parsed (and repaired where Excel turned
them into numbers), dates from Excel serials or German text. What cannot be repaired is
flagged, never silently changed."""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache

from defence_dir.errors import ValidationError
from defence_dir.i18n import _
from defence_dir.imports.spreadsheet.columns import (
    EVENT_ONLY,
    IGNORE,
    REPEATABLE,
    TO_NOTES,
    ColumnMapping,
    status_key,
    synonyms,
)
from defence_dir.imports.spreadsheet.reading import Cell
from defence_dir.lists.consent import STATUS_LABELS
from defence_dir.records.persons import EmailDraft, PersonDraft, PhoneDraft
from defence_dir.text.contact_values import normalize_email, phone_e164
from defence_dir.text.plain import clean_text

_NOT_DIGITS = re.compile(r"\D")
_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
EXCEL_EPOCH = datetime(1899, 12, 30)


def text_of(cell: Cell) -> str:
    """A cell as trimmed text; whole numbers without ".0"; non-breaking spaces are spaces."""
    if type(cell) is str:  # most cells: skip the type checks below
        if not (cell.isascii() and cell.isprintable()):
            # The one normal form: no NUL or escape codes from a broken export, NFC.
            cell = clean_text(cell) or ""
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
            year, month, day = (int(g) for g in match.groups())
            return datetime(year, month, day)
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


@cache
def _statuses() -> dict[str, str]:
    """Folded status word → status, from the synonyms file (read once)."""
    return {status_key(name): status
            for status, names in reversed(synonyms()["statuses"].items()) for name in names}


@cache
def _noted_statuses() -> dict[str, str]:
    """Words placed with a warning (a waiting list is not a registration)."""
    return {status_key(name): status
            for status, names in synonyms()["statuses_noted"].items() for name in names}


@cache
def _answers() -> dict[str, bool]:
    return {status_key(name): answer == "yes"
            for answer, names in synonyms()["answers"].items() for name in names}


@cache
def _gender_salutations() -> dict[str, str | None]:
    """What a gender column's words become as a salutation ("Unspecified" → nothing)."""
    known = synonyms()["salutations"]
    return {**{status_key(w): None for w in known["none"]},
            **{status_key(w): "Herr" for w in known["male"]},
            **{status_key(w): "Frau" for w in known["female"]}}


@dataclass(frozen=True)
class StatusReading:
    """How an import into an event reads status words: what the user placed (`placed`,
    folded word → status), then the synonyms file; `default` for rows without a known one."""

    default: str = "registered"
    placed: Mapping[str, str] = field(default_factory=dict)

    def status(self, text: str) -> tuple[str | None, str]:
        """(status or None, how it was found: "placed" by the user, "known", "noted" (known,
        with a warning) or "unknown")."""
        key = status_key(text)
        if key in _statuses():
            return _statuses()[key], "known"
        if key in self.placed:
            return self.placed[key], "placed"
        noted = _noted_statuses().get(key)
        return (noted, "noted") if noted else (None, "unknown")

    def unknown_warning(self, word: str) -> str:
        return _("attendance status “{word}” not known: imported as “{status}”",
                 word=word, status=_(STATUS_LABELS[self.default]))


@dataclass
class CleanRow:
    draft: PersonDraft
    organisation: str | None = None
    status: str | None = None
    unknown_status: str | None = None  # a word not in the synonyms, as the file has it
    status_warning: str | None = None
    consent_at: datetime | None = None
    consent: bool | None = None
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # imported with a remark
    problems: list[str] = field(default_factory=list)  # not imported

    @property
    def empty(self) -> bool:
        d = self.draft
        return not any((d.given_name, d.family_name, d.emails, d.phones, self.organisation))


def _read_status(row: CleanRow, reading: StatusReading, status_text: str | None,
                 attended: tuple[Cell, str] | None) -> None:
    """The row's attendance status from a status word and/or a came-or-not column."""
    if status_text:
        row.status, how = reading.status(status_text)
        if how in ("unknown", "placed"):
            row.unknown_status = status_text  # the wizard offers to place it (again)
        if how == "unknown":
            row.status_warning = reading.unknown_warning(status_text)
        elif how == "noted":
            assert row.status is not None
            row.status_warning = _("attendance status “{word}”: imported as “{status}”",
                                   word=status_text, status=_(STATUS_LABELS[row.status]))
    if attended is None:
        return
    cell, text = attended
    came = True if parse_date(cell) is not None else _answers().get(status_key(text))
    if came is None:  # a status word in a check-in column ("Checked In", "No-Show")
        status, how = reading.status(text)
        if status is None and not status_text:
            row.unknown_status, row.status_warning = text, reading.unknown_warning(text)
        elif status is not None and (row.status is None or status != "registered"):
            row.status, row.status_warning = status, None
            row.unknown_status = text if how == "placed" else None
    elif came:
        row.status, row.unknown_status, row.status_warning = "attended", None, None
    elif row.status is None and row.unknown_status is None:
        row.status = "no_show"  # registered (a webinar report lists who signed up) but absent


def clean_row(cells: list[Cell], mapping: ColumnMapping,
              statuses: StatusReading | None = None) -> CleanRow:
    """One row as person fields. `statuses` is given for an import into an event: only then
    are status and came-or-not columns read."""
    draft = PersonDraft()
    row = CleanRow(draft)
    values: dict[str, Cell] = {}
    texts: dict[str, str] = {}  # each cell's text worked out once
    repeated: dict[str, list[tuple[Cell, str]]] = {}  # emails and phones of several columns
    for index, field_name in enumerate(mapping.fields):
        if field_name == IGNORE or (statuses is None and field_name in EVENT_ONLY):
            continue
        cell = cells[index] if index < len(cells) else None
        text = text_of(cell)
        if text == "":
            continue
        if field_name == TO_NOTES:
            if text not in _NO_DATES:
                row.notes.append(f"{mapping.headings[index]}: {text}")
        elif field_name in REPEATABLE:
            repeated.setdefault(field_name, []).append((cell, text))
        elif field_name not in values:
            values[field_name], texts[field_name] = cell, text
    for key in ("full_name", "full_name_reversed"):
        if key in values:
            text = texts[key]
            parts = split_name(text if key == "full_name" or "," in text else
                               ", ".join(text.split(" ", 1)))
            for part, value in parts.items():
                if value and not getattr(draft, part):
                    setattr(draft, part, value)
    for part in ("salutation", "title", "middle_name", "family_name", "name_suffix",
                 "function", "department"):
        if part in values:
            setattr(draft, part, texts[part])
    if "salutation" in values:  # a gender column: "male", Outlook's "Unspecified"
        folded = status_key(texts["salutation"])
        if folded in _gender_salutations():
            draft.salutation = _gender_salutations()[folded]
    if draft.salutation and not draft.title and draft.salutation.casefold() in {
            folded for _text, folded in _known("titles")}:  # a German Outlook's "Anrede"
        draft.salutation, draft.title = None, draft.salutation
    if draft.title and not draft.salutation:  # Outlook's "Title" holds "Herr" or "Mr."
        first, _space, rest = draft.title.partition(" ")
        known = {folded: text for text, folded in _known("salutations")}
        if first.casefold() in known:
            draft.salutation, draft.title = known[first.casefold()], rest.strip() or None
    if "given_name" in values:  # "Dr. Anna" in the given-name column
        salutation, title, rest = _strip_prefixes(texts["given_name"])
        draft.given_name = rest or None
        draft.title = draft.title or title
        draft.salutation = draft.salutation or salutation
    for _cell, text in repeated.get("email", ()):
        # Several in one cell: "a@x; b@y", Google's "a@x ::: b@y".
        for address in _EMAIL_SEPARATORS.split(text):
            if not address:
                continue
            try:
                email = EmailDraft(normalize_email(address))
            except ValidationError as exc:
                row.problems.append(str(exc))
                continue
            if all(e.address.casefold() != email.address.casefold() for e in draft.emails):
                draft.emails.append(email)
    for key, kind in (("phone", "work"), ("mobile", "cell")):
        for cell, text in repeated.get(key, ()):
            phone, note = repaired_phone(cell)
            if phone:
                phone.kind = kind
                draft.phones.append(phone)
                if note:
                    row.warnings.append(note)
            elif note:
                row.warnings.append(note)
                row.notes.append(f"{_('Phone')}: {text}")
    row.organisation = texts.get("organisation") or None
    if "city" in values:
        row.notes.append(f"{_('City')}: {texts['city']}")
    if "notes" in values:
        row.notes.insert(0, texts["notes"])
    if statuses is not None and ("status" in values or "attended" in values):
        _read_status(row, statuses, texts.get("status"),
                     (values["attended"], texts["attended"]) if "attended" in values else None)
    if "consent" in values:
        consent_at = parse_date(values["consent"])
        row.consent = consent_at is not None or _answers().get(
            status_key(texts["consent"])) is True
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
# Outlook writes these into every empty birthday and anniversary.
_NO_DATES = frozenset({"0/0/00", "0.0.00", "00.00.00", "00.00.0000"})
_EMAIL_SEPARATORS = re.compile(r"(?:[;,\s]|:::)+")
