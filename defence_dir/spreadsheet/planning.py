"""The preview of a spreadsheet import: what every row would do, before anything is written.

Matching: any email of the row against persons' emails first; else a fuzzy match of name and
organisation (rapidfuzz) against the persons the search service finds for the name (so
"Schaefer"/"Schäfer" and small typos still meet), at a threshold the user can change.
"""

from __future__ import annotations

import contextlib
import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from defence_dir.data.models import EmailAddress, Person
from defence_dir.i18n import _
from defence_dir.persons import PersonDraft, draft_of
from defence_dir.search.folding import words
from defence_dir.search.service import SearchFilters, SearchService
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


@dataclass
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


def plan_rows(session: Session, rows: list[list[Cell]], header_index: int,
              mapping: ColumnMapping, *, file_name: str, sheet: str | None = None,
              threshold: int = DEFAULT_THRESHOLD,
              choice: MatchChoice = MatchChoice.FILL) -> SpreadsheetPlan:
    search = SearchService(lambda: contextlib.nullcontext(session))
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
        person, score = _match(session, search, draft, clean.organisation, emails, threshold)
        if person is not None:
            plan.action, plan.person_id, plan.score = RowAction.MATCH, person.id, score
            plan.differences = _differences(draft_of(person), draft)
            if clean.organisation and (person.organisation is None or
                                       person.organisation.name != clean.organisation):
                plan.differences.append(("organisation", person.organisation.name
                                         if person.organisation else "", clean.organisation))
        plans.append(plan)
    return SpreadsheetPlan(file_name, sheet, header_index + 1, mapping, plans, threshold)


def _match(session: Session, search: SearchService, draft: PersonDraft,
           organisation: str | None, emails: list[str],
           threshold: int) -> tuple[Person | None, float | None]:
    if emails:
        person = session.scalar(select(Person).join(EmailAddress).where(
            func.lower(EmailAddress.address).in_(emails)).limit(1))
        if person is not None:
            return person, None
    if not draft.family_name:
        return None, None
    query = " ".join(x for x in (draft.given_name, draft.family_name) if x)
    hits = search.search(query, SearchFilters(kind="person"), limit=15, count=False).hits
    if not hits:
        return None, None
    wanted = _identity(draft, organisation)
    best: tuple[float, Person | None] = (0.0, None)
    for hit in hits:
        person = session.get(Person, hit.id)
        if person is None:
            continue
        # A person without an organisation is not held against a row that names one.
        person_org = person.organisation.name if person.organisation else organisation
        other = _identity(draft_of(person), person_org)
        score = fuzz.token_sort_ratio(wanted, other)
        if score > best[0]:
            best = (score, person)
    return (best[1], round(best[0], 1)) if best[0] >= threshold else (None, None)
