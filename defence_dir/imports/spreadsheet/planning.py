"""The preview of a spreadsheet import: what every row would do, before anything is written.

Matching: any email of the row against persons' emails first; else a fuzzy match of name and
organisation (rapidfuzz) against every person with the same folded family name or Kölner
Phonetik code (so "Schaefer"/"Schäfer" and "Kremer"/"Cremer" still meet) whose given name
starts with the same sound or is missing, at a threshold the user can change. An email match
counts only when the names do not clearly disagree (`shared_address`): colleagues sharing
info@ are different people, each imported, with a warning naming the row or person they share
the address with; an address several persons hold matches none of them when the names cannot
tell which, and the preview says so. Candidates are compared in id order and the first of equal
scores wins, so every backend and every row order gives the same answer.
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
from defence_dir.imports.spreadsheet.cleaning import StatusReading, clean_row
from defence_dir.imports.spreadsheet.columns import ColumnMapping, status_key
from defence_dir.imports.spreadsheet.reading import Cell
from defence_dir.records.persons import EmailDraft, PersonDraft
from defence_dir.records.shared_address import AddressHolders, DirectoryAddresses
from defence_dir.text.folding import phonetic_code, words

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
    warnings: list[str] = field(default_factory=list)  # imported, with a remark
    status: str | None = None
    unknown_status: str | None = None  # a status word not in the synonyms (placed or not)
    status_warning: str | None = None
    consent: bool | None = None
    consent_at: datetime | None = None
    choice: MatchChoice = MatchChoice.FILL

    @property
    def remarks(self) -> list[str]:
        """Every warning of a row that is imported (a row that is not has only its reason)."""
        if self.action not in (RowAction.NEW, RowAction.MATCH):
            return []
        return [*self.warnings, *((self.status_warning,) if self.status_warning else ())]

    def as_json(self) -> dict[str, Any]:
        return {"row": self.row, "action": self.action.value, "name": self.name,
                "reason": self.reason or None, "person_id": self.person_id,
                "score": self.score, "choice": self.choice.value if self.action is
                RowAction.MATCH else None, "status": self.status, "warnings": self.remarks,
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
    statuses: StatusReading | None = None  # how status words are read (None: not an event)

    def counts(self) -> dict[str, int]:
        result = {action.value: 0 for action in RowAction}
        for row in self.rows:
            result[row.action.value] += 1
        return result

    def unknown_statuses(self) -> dict[str, tuple[int, str | None]]:
        """Each status word not in the synonyms (as first spelt in the file): its row count
        and the status the user placed it at (None: the default is used, with a warning)."""
        first: dict[str, str] = {}
        found: dict[str, tuple[int, str | None]] = {}
        for row in self.rows:
            if row.unknown_status and row.action in (RowAction.NEW, RowAction.MATCH):
                word = first.setdefault(status_key(row.unknown_status), row.unknown_status)
                count, _status = found.get(word, (0, None))
                found[word] = (count + 1, None if row.status_warning else row.status)
        return found

    def place_statuses(self, placed: dict[str, str | None]) -> None:
        """Give the rows with these words (word → status; None: the default, with its
        warning again) that status."""
        if self.statuses is None:
            return
        by_key = {status_key(word): status for word, status in placed.items()}
        for row in self.rows:
            if row.unknown_status and (key := status_key(row.unknown_status)) in by_key:
                status = by_key[key]
                row.status = status
                row.status_warning = None if status else \
                    self.statuses.unknown_warning(row.unknown_status)


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
_NO_GIVEN_NAME = ""  # the block of persons without a given name: every row's candidates


def _given_block(given: str | None) -> str:
    """The first sound of a given name (Kölner Phonetik: "Katrin"/"Catrin", "Jörg"/"Jürgen"
    meet), a second blocking key beside the family name's."""
    first = next(iter(words(given)), "")
    code = phonetic_code(first) if first.isalpha() else first
    return code[:1]


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
        keep = texts.setdefault  # `x and keep(x, x)`: inline, as it runs 500,000 times
        # Organisations by id, read once: each name is then one string for all its persons.
        organisations: dict[int | None, str] = {
            oid: name for oid, name in session.execute(select(Organisation.id,
                                                              Organisation.name))}
        for (pid, salutation, title, given, family, function, department,
             organisation_id) in session.execute(
                select(Person.id, Person.salutation, Person.title, Person.given_name,
                       Person.family_name, Person.function, Person.department,
                       Person.organisation_id)
                .order_by(Person.id)):
            self.persons[pid] = _Known(
                salutation and keep(salutation, salutation), title and keep(title, title),
                given and keep(given, given), family,
                function and keep(function, function),
                department and keep(department, department),
                organisations.get(organisation_id))
        self.addresses = DirectoryAddresses(self._names)
        for pid, address in session.execute(select(EmailAddress.person_id,
                                                   EmailAddress.address)
                                            .order_by(EmailAddress.position,
                                                      EmailAddress.person_id)):
            folded = address.casefold()
            self.addresses.add(address if folded == address else folded, pid)
            known = self.persons.get(pid)
            if known is not None:
                known.emails = (*known.emails, address)
        self._pool_cache: dict[tuple[tuple[str, ...], str],
                               tuple[tuple[list[int], list[str]], ...]] = {}
        # Family-name key -> first sound of the given name -> persons, in id order. No cap: a
        # name 1,600 persons share is split by the given names' sounds instead.
        self.by_family: dict[str, defaultdict[str, list[int]]] = {}
        # Computed once per distinct name: 100,000 persons have a few thousand.
        family_keys: dict[str | None, list[str]] = {}
        blocks_of: dict[str | None, str] = {}
        for pid, known in self.persons.items():
            block = blocks_of.get(known.given_name)
            if block is None:
                block = blocks_of[known.given_name] = _given_block(known.given_name)
            keys = family_keys.get(known.family_name)
            if keys is None:
                keys = family_keys[known.family_name] = self._family_keys(known.family_name)
            for key in keys:
                blocks = self.by_family.get(key)
                if blocks is None:
                    blocks = self.by_family[key] = defaultdict(list)
                blocks[block].append(pid)

    def display_name(self, pid: int) -> str:
        known = self.persons[pid]
        return " ".join(x for x in (known.title, known.given_name, known.family_name) if x)

    def _names(self, pid: int) -> tuple[str | None, str | None]:
        known = self.persons.get(pid)
        return (known.given_name, known.family_name) if known else (None, None)

    @staticmethod
    def _family_keys(family: str | None) -> list[str]:
        folded = "".join(words(family))
        if not folded:
            return []
        code = phonetic_code(folded) if folded.isalpha() else ""
        return [f"w:{folded}", f"p:{code}"] if code else [f"w:{folded}"]

    def _pools(self, keys: tuple[str, ...],
               block: str) -> tuple[tuple[list[int], list[str]], ...]:
        """Candidates of these family-name keys and given-name sound (a row without a given
        name: all of them), with and without an organisation, in id order, and their
        identities; kept, as many rows share a family name or its phonetic code."""
        pools = self._pool_cache.get((keys, block))
        if pools is None:
            found: set[int] = set()
            for key in keys:
                blocks = self.by_family.get(key)
                if blocks is None:
                    continue
                if block == _NO_GIVEN_NAME:
                    for ids in blocks.values():
                        found.update(ids)
                else:
                    found.update(blocks.get(block, ()))
                    found.update(blocks.get(_NO_GIVEN_NAME, ()))
            if not found:
                return _NO_CANDIDATES  # most new names: not worth a cache entry
            candidates = sorted(found)  # id order: the first of equal scores wins
            with_org = [pid for pid in candidates if self.persons[pid].organisation]
            without_org = [pid for pid in candidates if not self.persons[pid].organisation]
            pools = tuple((ids, [self.persons[p].identity for p in ids])
                          for ids in (with_org, without_org))
            if len(self._pool_cache) > 20_000:
                self._pool_cache.clear()
            self._pool_cache[keys, block] = pools
        return pools

    def find(self, draft: PersonDraft, organisation: str | None, emails: list[str],
             threshold: int) -> tuple[int | None, float | None, tuple[str, int] | None,
                                      tuple[str, tuple[int, ...]] | None]:
        """(matched person, fuzzy score or None for an email match, (address, person) when
        the row shares an address with someone whose name clearly differs, (address, its
        holders) when several persons hold an address and the names cannot tell which one
        this is, or, matched by the address, the person's namesakes holding it too)."""
        shared: tuple[str, int] | None = None
        ambiguous: tuple[str, tuple[int, ...]] | None = None
        for email in emails:
            same, first, holders = self.addresses.holder(email, draft.given_name,
                                                         draft.family_name)
            if same is not None:  # with its namesakes at the address, if any, to name
                return same, None, None, (email, holders) if holders else None
            if holders:
                ambiguous = ambiguous or (email, holders)
            elif first is not None:
                shared = shared or (email, first)
        person_id, score = self._fuzzy(draft, organisation, threshold)
        if shared is not None and shared[1] == person_id:
            shared = None  # the name is close enough after all: a typo, not a colleague
        return person_id, score, shared, ambiguous

    def _fuzzy(self, draft: PersonDraft, organisation: str | None,
               threshold: int) -> tuple[int | None, float | None]:
        pools = self._pools(tuple(self._family_keys(draft.family_name)),
                            _given_block(draft.given_name))
        best_score, best_id = 0.0, None
        # A person without an organisation is not held against a row that names one: those
        # are compared by name alone.
        for with_organisation, (ids, identities) in zip((True, False), pools, strict=True):
            if not ids:
                continue
            wanted = _identity(draft, organisation if with_organisation else None)
            # extractOne keeps the first of equal scores: the lowest id.
            found = process.extractOne(wanted, identities, scorer=fuzz.token_sort_ratio)
            if found and found[1] > best_score:
                best_score, best_id = found[1], ids[found[2]]
        return (best_id, round(best_score, 1)) if best_score >= threshold else (None, None)


def plan_rows(session: Session, rows: list[list[Cell]], header_index: int,
              mapping: ColumnMapping, *, file_name: str, sheet: str | None = None,
              threshold: int = DEFAULT_THRESHOLD,
              choice: MatchChoice = MatchChoice.FILL,
              directory: KnownDirectory | None = None,
              statuses: StatusReading | None = None) -> SpreadsheetPlan:
    """The preview of every row below the header. `directory` may be loaded ahead (the
    wizard does so while the user checks the columns). `statuses` is given for an import
    into an event; without it status columns are ignored."""
    with language_fixed(), gc_paused():
        return _plan_rows(session, rows, header_index, mapping, file_name=file_name,
                          sheet=sheet, threshold=threshold, choice=choice, directory=directory,
                          statuses=statuses)


def _plan_rows(session: Session, rows: list[list[Cell]], header_index: int,
               mapping: ColumnMapping, *, file_name: str, sheet: str | None, threshold: int,
               choice: MatchChoice, directory: KnownDirectory | None,
               statuses: StatusReading | None) -> SpreadsheetPlan:
    directory = directory or KnownDirectory(session)
    plans: list[RowPlan] = []
    seen_emails: dict[str, AddressHolders[int]] = {}
    seen_names: dict[str, int] = {}
    for offset, cells in enumerate(rows[header_index + 1:], start=header_index + 2):
        clean = clean_row(cells, mapping, statuses)
        draft = clean.draft
        name = " ".join(x for x in (draft.title, draft.given_name, draft.family_name) if x)
        plan = RowPlan(offset, RowAction.NEW, name=name or _("(no name)"), draft=draft,
                       organisation=clean.organisation, warnings=clean.warnings,
                       status=clean.status, unknown_status=clean.unknown_status,
                       status_warning=clean.status_warning, consent=clean.consent,
                       consent_at=clean.consent_at, choice=choice)
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
        earlier, shared_row = None, None
        for email in emails:
            holders = seen_emails.get(email)
            if holders is None:
                continue
            earlier = holders.same_person(draft.given_name, draft.family_name)
            if earlier:
                break
            shared_row = shared_row or (email, holders.first)
        earlier = earlier or seen_names.get(identity)
        if earlier:
            plan.action = RowAction.DUPLICATE
            plan.reason = _("same person as row {row}", row=earlier)
            plans.append(plan)
            continue
        for email in emails:
            holders = seen_emails.get(email)
            if holders is None:
                holders = seen_emails[email] = AddressHolders(offset, email)
            holders.add(offset, draft.given_name, draft.family_name)
        seen_names[identity] = offset
        person_id, score, shared, ambiguous = directory.find(draft, clean.organisation,
                                                             emails, threshold)
        if ambiguous is not None:
            named = ", ".join(directory.display_name(pid) for pid in ambiguous[1][:3]) \
                + (", …" if len(ambiguous[1]) > 3 else "")
            if person_id is not None and score is None:
                plan.warnings.append(_("{name} in the directory has the address {email} "
                                       "too", name=named, email=ambiguous[0]))
            else:
                plan.warnings.append(_(
                    "{count} persons in the directory have the address {email} ({names}); "
                    "it does not tell which of them this is", count=len(ambiguous[1]),
                    email=ambiguous[0], names=named))
        if person_id is not None and score is None:
            pass  # found by the address itself: the directory knows them with it already
        elif shared_row is not None:
            plan.warnings.append(_("shares the address {email} with row {row}",
                                   email=shared_row[0], row=shared_row[1]))
        elif shared is not None:
            plan.warnings.append(_("shares the address {email} with {name}", email=shared[0],
                                   name=directory.display_name(shared[1])))
        if person_id is not None:
            known = directory.persons[person_id]
            plan.action, plan.person_id, plan.score = RowAction.MATCH, person_id, score
            plan.differences = _differences(known.draft, draft)
            if clean.organisation and known.organisation != clean.organisation:  # side by side
                plan.differences.append(("organisation", known.organisation or "",
                                         clean.organisation))
        plans.append(plan)
    return SpreadsheetPlan(file_name, sheet, header_index + 1, mapping, plans, threshold,
                           statuses)
