"""Import batches: what an import created or changed, recorded so it can be taken back in one
step (also after a restart), refusing when later edits would be lost. Shared by the
spreadsheet and vCard importers."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import fields
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from defence_dir.data.models import (
    Attendance,
    ImportBatch,
    ImportChange,
    ImportChangeAction,
    ListMembership,
    Organisation,
    Person,
)
from defence_dir.records.persons import PersonDraft


def draft_json(draft: PersonDraft) -> dict[str, Any]:
    data = {item.name: getattr(draft, item.name) for item in fields(PersonDraft)}
    data["emails"] = [{"address": e.address, "kind": e.kind} for e in draft.emails]
    data["phones"] = [{"raw": p.raw, "kind": p.kind} for p in draft.phones]
    return data


def record_change(session: Session, batch: ImportBatch, table: str, row_id: int,
                  before: dict[str, Any] | None = None, *, check: bool = True) -> None:
    """Note a row this import created (before None) or changed (its prior values)."""
    exists = check and session.scalar(select(ImportChange.id).where(
        ImportChange.batch_id == batch.id, ImportChange.table_name == table,
        ImportChange.row_id == row_id))
    if not exists:
        session.add(ImportChange(
            batch_id=batch.id, table_name=table, row_id=row_id,
            action=(ImportChangeAction.UPDATED if before is not None
                    else ImportChangeAction.CREATED).value,
            before_json=json.dumps(before or {}, ensure_ascii=False)))


class OrganisationResolver:
    """Organisation ids by name (case-insensitive) for an import; a name not in the directory
    becomes a new organisation, recorded with the batch. The directory's names are read once
    (a query per name was a second for 800 names) and compared case-folded in Python, as
    the previews do (SQLite's lower() folds ASCII letters only)."""

    def __init__(self, session: Session, batch: ImportBatch) -> None:
        self.session, self.batch = session, batch
        self._known: dict[str, int] | None = None
        self.created: list[int] = []

    @property
    def known(self) -> dict[str, int]:
        if self._known is None:
            self._known = {}
            for org_id, org_name in self.session.execute(
                    select(Organisation.id, Organisation.name).order_by(Organisation.id)):
                self._known.setdefault(org_name.casefold(), org_id)
        return self._known

    def __call__(self, name: str | None) -> int | None:
        if not name:
            return None
        key = name.casefold()
        if key not in self.known:
            # Core, not the ORM: the session's commit-time refresh would otherwise
            # re-index every person of a new organisation a second time.
            table = Organisation.__table__
            found = self.session.connection().execute(
                insert(table).returning(table.c.id),
                {"name": name, "kind": "other", "import_batch_id": self.batch.id}).scalar_one()
            record_change(self.session, self.batch, "organisation", found, check=False)
            self.created.append(found)
            self.known[key] = found
        return self.known[key]

    def create_all(self, names: Iterable[str | None]) -> None:
        """Create every organisation of these names not in the directory yet, in one
        statement (one per name cost a second for 500 new firms on PostgreSQL)."""
        wanted: dict[str, str] = {}
        for name in names:
            if name and (key := name.casefold()) not in self.known:
                wanted.setdefault(key, name)  # spelt as first written, as one by one would
        if not wanted:
            return
        table = Organisation.__table__
        connection = self.session.connection()
        # Matched back by name (distinct: one per case-folded key), not by parameter order.
        id_of_name: dict[str, int] = dict(connection.execute(
            insert(table).returning(table.c.name, table.c.id),
            [{"name": name, "kind": "other", "import_batch_id": self.batch.id}
             for name in wanted.values()]).all())
        ids = [id_of_name[name] for name in wanted.values()]
        connection.execute(insert(ImportChange.__table__), [
            {"batch_id": self.batch.id, "table_name": "organisation", "row_id": found,
             "action": ImportChangeAction.CREATED.value, "before_json": "{}"}
            for found in ids])
        self.created += ids
        self.known.update(zip(wanted, ids, strict=True))

    def index_created(self) -> None:
        """Search documents for the organisations this import created."""
        from defence_dir.search.indexer import reindex_organisations

        reindex_organisations(self.session, self.created)


def seal_batch(session: Session, batch: ImportBatch, *, sealed: tuple[str, ...] = ()) -> None:
    """Store each touched row's state after the import, so undo can tell later edits
    (a few queries for the whole batch, not one per row). Changes of the `sealed` tables
    were recorded with their state after the import already (bulk writers know it)."""
    session.flush()
    changes = session.execute(select(ImportChange.id, ImportChange.table_name,
                                     ImportChange.row_id, ImportChange.before_json)
                              .where(ImportChange.batch_id == batch.id,
                                     ImportChange.table_name.not_in(sealed))).all()
    state: dict[str, dict[int, Any]] = {}
    for table, model, column in (("person", Person, Person.version),
                                 ("attendance", Attendance, Attendance.status)):
        ids = [c.row_id for c in changes if c.table_name == table]
        state[table] = {}
        for start in range(0, len(ids), 900):
            state[table].update(session.execute(select(model.id, column).where(
                model.id.in_(ids[start:start + 900]))).all())
    updates = []
    for change in changes:
        data = json.loads(change.before_json or "{}")
        if change.table_name == "person":
            data["version_after"] = state["person"].get(change.row_id)
        elif change.table_name == "attendance":
            data["status_after"] = state["attendance"].get(change.row_id)
        elif change.table_name == "list_membership":
            membership = session.get(ListMembership, change.row_id)
            data["history_after"] = len(membership.consent_history) if membership else None
        updates.append({"change_id": change.id,
                        "before": json.dumps(data, ensure_ascii=False)})
    if updates:
        change_table = ImportChange.__table__
        session.connection().execute(
            update(change_table).where(change_table.c.id == bindparam("change_id"))
            .values(before_json=bindparam("before")), updates)
    session.expire_all()

