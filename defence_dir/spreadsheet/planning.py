"""The preview of a spreadsheet import: what every row would do, before anything is written.

Matching: any email of the row against persons' emails first; else a fuzzy match of name and
organisation (rapidfuzz) against the persons with the same folded family name or Kölner
Phonetik code (so "Schaefer"/"Schäfer" and "Kremer"/"Cremer" still meet), at a threshold the
user can change.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from defence_dir.data.models import EmailAddress, Organisation, Person
from defence_dir.gc_pause import gc_paused
from defence_dir.i18n import _, language_fixed
from defence_dir.persons import EmailDraft, PersonDraft
from defence_dir.search.folding import phonetic_code, words
from defence_dir.spreadsheet.cleaning import clean_row
from defence_dir.spreadsheet.columns import ColumnMapping
from defence_dir.spreadsheet.reading import Cell

DEFAULT_THRESHOLD = 90


class RowAction(enum.StrEnum):
    NEW = "new"
    MATCH = "match"
    DUPLICATE = "duplicate"
    INVALID = "invalid"
    EMPTY = "empty"


class MatchChoice(enum.StrEnum):
    SKIP = "skip"
    FILL = "fill"
    OVERWRITE = "overwrite"


@dataclass(slots=True)
class RowPlan:
    row: int  # 1-based row number in the file, as a spreadsheet shows it
    action: RowAction
    name: str = ""
    reason: str = ""
    draft: PersonDraft | None = None
    organisation: str | None = None
    person_id: int | None = None
    score: float | None = None  # fuzzy match score (email matches: None)
    differences: list[tuple[str, str, str]] = field(default_factory=list)  # field, old, new
    repairs: list[str] = field(default_factory=list)
    status: str | None = None
    consent: bool | None = None
    consent_at: datetime | None = None
    choice: MatchChoice = MatchChoice.FILL

    def as_json(self) -> dict[str, Any]:
        return {"row": self.row, "action": self.action.value, "name": self.name,
                "reason": self.reason or None, "person_id": self.person_id,
                "score": self.score, "choice": self.choice.value if self.action is
                RowAction.MATCH else None, "repairs": self.repairs,
                "differences": [{"field": f, "existing": o, "file": n}
                                for f, o, n in self.differences]}


@dataclass
class SpreadsheetPlan:
    file_name: str
    sheet: str | None
    header_row: int  # 1-based
    mapping: ColumnMapping
    rows: list[RowPlan]
    threshold: int

    def counts(self) -> dict[str, int]:
        result = {action.value: 0 for action in RowAction}
        for row in self.rows:
            result[row.action.value] += 1
        return result


_COMPARED = ("salutation", "title", "given_name", "family_name", "function", "department")


def _show(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(getattr(v, "address", None) or getattr(v, "raw", None) or str(v)
                         for v in value)
    return "" if value is None else str(value)


def _differences(existing: PersonDraft, incoming: PersonDraft) -> list[tuple[str, str, str]]:
    found = [(name, _show(getattr(existing, name)), _show(getattr(incoming, name)))
             for name in _COMPARED
             if getattr(incoming, name) and getattr(incoming, name) != getattr(existing, name)]
    new_emails = [e for e in incoming.emails
                  if e.address.casefold() not in {x.address.casefold() for x in existing.emails}]
    if new_emails:
        found.append(("emails", _show(existing.emails), _show(existing.emails + new_emails)))
    return found


def _identity(draft: PersonDraft, organisation: str | None) -> str:
    return " ".join(words(" ".join(x for x in (draft.given_name, draft.family_name,
                                               organisation) if x)))


class _Known:
    """What matching and the side-by-side view need of a person already in the directory
    (plain values in slots, as there is one per person; the draft is built only for persons
    a row matches)."""

    __slots__ = ("_draft", "_identity", "department", "emails", "family_name", "function",
                 "given_name", "organisation", "salutation", "title")

    def __init__(self, salutation: str | None, title: str | None, given_name: str | None,
                 family_name: str | None, function: str | None, department: str | None,
                 organisation: str | None) -> None:
        self.salutation, self.title = salutation, title
        self.given_name, self.family_name = given_name, family_name
        self.function, self.department = function, department
        self.organisation = organisation
        self.emails: tuple[str, ...] = ()
        self._identity: str | None = None
        self._draft: PersonDraft | None = None

    @property
    def identity(self) -> str:
        """Folded name and organisation, computed when first compared."""
        if self._identity is None:
            self._identity = _identity_of(self.given_name, self.family_name, self.organisation)
        return self._identity

    @property
    def draft(self) -> PersonDraft:
        if self._draft is None:
            self._draft = PersonDraft(salutation=self.salutation, title=self.title,
                                      given_name=self.given_name, family_name=self.family_name,
                                      function=self.function, department=self.department,
                                      emails=[EmailDraft(a) for a in self.emails])
        return self._draft


_NO_CANDIDATES: tuple[tuple[list[int], list[str]], ...] = (([], []), ([], []))


def _identity_of(given: str | None, family: str | None, organisation: str | None) -> str:
    return " ".join(words(" ".join(x for x in (given, family, organisation) if x)))


class KnownDirectory:
    """The directory's persons, emails and family names in memory, loaded once per preview,
    so each row is matched without a query (a 100,000-row file is 100,000 rows)."""

    def __init__(self, session: Session) -> None:
        self.persons: dict[int, _Known] = {}
        # The driver returns a new string per row: "Herr", an organisation's name or a common
        # given name would otherwise be held once per person (100 MB at 100,000 persons).
        texts: dict[str, str] = {}

        def shared(value: str | None) -> str | None:
            return None if value is None else texts.setdefault(value, value)

        for (pid, salutation, title, given, family, function, department,
             organisation) in session.execute(
                select(Person.id, Person.salutation, Person.title, Person.given_name,
                       Person.family_name, Person.function, Person.department,
                       Organisation.name)
                .outerjoin(Organisation, Person.organisation_id == Organisation.id)):
            self.persons[pid] = _Known(shared(salutation), shared(title), shared(given),
                                       family, shared(function), shared(department),
                                       shared(organisation))
        self.by_email: dict[str, int] = {}
        for pid, address in session.execute(select(EmailAddress.person_id,
                                                   EmailAddress.address)
                                            .order_by(EmailAddress.position)):
            folded = address.casefold()
            self.by_email.setdefault(address if folded == address else folded, pid)
            known = self.persons.get(pid)
            if known is not None:
                known.emails = (*known.emails, address)
        self._pool_cache: dict[tuple[str, ...], tuple[tuple[list[int], list[str]], ...]] = {}
        self.by_family: defaultdict[str, list[int]] = defaultdict(list)
        for pid, known in self.persons.items():
            for key in self._family_keys(known.family_name):
                self.by_family[key].append(pid)

    @staticmethod
    def _family_keys(family: str | None) -> list[str]:
        folded = "".join(words(family))
        if not folded:
            return []
        code = phonetic_code(folded) if folded.isalpha() else ""
        return [f"w:{folded}", f"p:{code}"] if code else [f"w:{folded}"]

    def _pools(self, keys: tuple[str, ...]) -> tuple[tuple[list[int], list[str]], ...]:
        """Candidates of these family-name keys, with and without an organisation, and their
        identities; kept, as many rows share a family name or its phonetic code."""
        pools = self._pool_cache.get(keys)
        if pools is None:
            candidates: dict[int, None] = {}
            for key in keys:
                candidates.update(dict.fromkeys(self.by_family.get(key, ())[:500]))
            with_org = [pid for pid in candidates if self.persons[pid].organisation]
            without_org = [pid for pid in candidates if not self.persons[pid].organisation]
            if not candidates:
                return _NO_CANDIDATES  # most new names: not worth a cache entry
            pools = tuple((ids, [self.persons[p].identity for p in ids])
                          for ids in (with_org, without_org))
            if len(self._pool_cache) > 20_000:
                self._pool_cache.clear()
            self._pool_cache[keys] = pools
        return pools

    def match(self, draft: PersonDraft, organisation: str | None, emails: list[str],
              threshold: int) -> tuple[int | None, float | None]:
        for email in emails:
            if email in self.by_email:
                return self.by_email[email], None
        pools = self._pools(tuple(self._family_keys(draft.family_name)))
        best_score, best_id = 0.0, None
        # A person without an organisation is not held against a row that names one: those
        # are compared by name alone.
        for with_organisation, (ids, identities) in zip((True, False), pools, strict=True):
            if not ids:
                continue
            wanted = _identity(draft, organisation if with_organisation else None)
            found = process.extractOne(wanted, identities, scorer=fuzz.token_sort_ratio)
            if found and found[1] > best_score:
                best_score, best_id = found[1], ids[found[2]]
        return (best_id, round(best_score, 1)) if best_score >= threshold else (None, None)


def plan_rows(session: Session, rows: list[list[Cell]], header_index: int,
              mapping: ColumnMapping, *, file_name: str, sheet: str | None = None,
              threshold: int = DEFAULT_THRESHOLD,
              choice: MatchChoice = MatchChoice.FILL,
              directory: KnownDirectory | None = None) -> SpreadsheetPlan:
    """The preview of every row below the header. `directory` may be loaded ahead (the
    wizard does so while the user checks the columns)."""
    with language_fixed(), gc_paused():
        return _plan_rows(session, rows, header_index, mapping, file_name=file_name,
                          sheet=sheet, threshold=threshold, choice=choice, directory=directory)


def _plan_rows(session: Session, rows: list[list[Cell]], header_index: int,
               mapping: ColumnMapping, *, file_name: str, sheet: str | None, threshold: int,
               choice: MatchChoice, directory: KnownDirectory | None) -> SpreadsheetPlan:
    directory = directory or KnownDirectory(session)
    plans: list[RowPlan] = []
    seen_emails: dict[str, int] = {}
    seen_names: dict[str, int] = {}
    for offset, cells in enumerate(rows[header_index + 1:], start=header_index + 2):
        clean = clean_row(cells, mapping)
        draft = clean.draft
        name = " ".join(x for x in (draft.title, draft.given_name, draft.family_name) if x)
        plan = RowPlan(offset, RowAction.NEW, name=name or _("(no name)"), draft=draft,
                       organisation=clean.organisation, repairs=clean.repairs,
                       status=clean.status, consent=clean.consent, consent_at=clean.consent_at,
                       choice=choice)
        if clean.empty:
            plan.action, plan.draft = RowAction.EMPTY, None
            plans.append(plan)
            continue
        problems = clean.problems + [str(p) for p in draft.problems()]
        if problems:
            plan.action, plan.reason, plan.draft = RowAction.INVALID, "; ".join(problems), None
            plans.append(plan)
            continue
        emails = [e.address.casefold() for e in draft.emails]
        identity = _identity(draft, clean.organisation)
        earlier = next((seen_emails[e] for e in emails if e in seen_emails), None) \
            or seen_names.get(identity)
        if earlier:
            plan.action = RowAction.DUPLICATE
            plan.reason = _("same person as row {row}", row=earlier)
            plans.append(plan)
            continue
        for email in emails:
            seen_emails[email] = offset
        seen_names[identity] = offset
        person_id, score = directory.match(draft, clean.organisation, emails, threshold)
        if person_id is not None:
            known = directory.persons[person_id]
            plan.action, plan.person_id, plan.score = RowAction.MATCH, person_id, score
            plan.differences = _differences(known.draft, draft)
            if clean.organisation and known.organisation != clean.organisation:  # side by side
                plan.differences.append(("organisation", known.organisation or "",
                                         clean.organisation))
        plans.append(plan)
    return SpreadsheetPlan(file_name, sheet, header_index + 1, mapping, plans, threshold)
