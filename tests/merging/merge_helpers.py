"""Building persons for merge tests and dumping every table to compare before and after."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from defence_dir.data.database import Database
from defence_dir.data.models import Base, DistributionList, Event, Network, Topic
from defence_dir.records.persons import EmailDraft, PersonDraft, PhoneDraft, create_person

# What a merge and its undo may leave different: logs of what happened, the merge record
# itself, the index's bookkeeping. Search documents are compared without their id (their
# place in alphabetical order, which a restored document may take a little apart).
NOT_COMPARED = frozenset({"change_log", "audit_entry", "person_merge", "search_state",
                          "sync_state", "alembic_version"})


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sorted, as plain tuples."""
    tables: dict[str, list[tuple[Any, ...]]] = {}
    with db.read_session() as session:
        for table in Base.metadata.sorted_tables:
            if table.name in NOT_COMPARED:
                continue
            columns = [c for c in table.columns
                       if not (table.name == "search_document" and c.name == "id")]
            tables[table.name] = sorted(
                (tuple(row) for row in session.execute(select(*columns))), key=repr)
    return tables


def person(db: Database, given: str | None, family: str | None, *, emails: tuple[str, ...] = (),
           phones: tuple[str, ...] = (), **texts: Any) -> int:
    with db.session() as session:
        return create_person(session, PersonDraft(
            given_name=given, family_name=family, emails=[EmailDraft(e) for e in emails],
            phones=[PhoneDraft(p) for p in phones], **texts)).id


def first_ids(db: Database) -> dict[str, list[int]]:
    """Ids of the topics, networks, lists and events (three lists and events at least)."""
    with db.session() as session:
        for number in range(3):
            for model in (DistributionList, Event):
                name = f"Merge-Test {model.__name__} {number}"
                if session.scalar(select(model.id).where(model.name == name)) is None:
                    session.add(model(name=name))
    with db.read_session() as session:
        return {name: list(session.scalars(select(model.id).order_by(model.id)))
                for name, model in (("topics", Topic), ("networks", Network),
                                    ("lists", DistributionList), ("events", Event))}
