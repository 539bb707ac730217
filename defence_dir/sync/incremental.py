"""A later sync: the rows the team's change log names since the last one, in one transaction.

Each logged row is deleted from the copy and written again as the team has it now (or not, if
it is gone there): the copy's foreign keys are off meanwhile, so a deleted person does not take
rows with it that the team still has, and checked before the commit. Rows the team deleted by a
cascade are logged by the same triggers. The search documents of every person, organisation
and network whose text or filter tags may have changed are refreshed, no full rebuild. Persons
that went (an erasure in the team, or a deletion) are wiped from the file as an erasure is.
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from defence_dir.data.database import WRITE_OPTION, Database
from defence_dir.errors import DefenceDirError
from defence_dir.i18n import _
from defence_dir.privacy.erasure import forget_cached_text, rebuild_fts
from defence_dir.privacy.wipe import mark_pending, wipe_sqlite_file
from defence_dir.search import indexer
from defence_dir.sync.progress import Steps
from defence_dir.sync.rows import chunks, delete_keys, read_rows, writer
from defence_dir.sync.state import write_copy_state
from defence_dir.sync.tables import MIRRORED
from defence_dir.sync.team import Snapshot

# Rows that belong to a person: their change touches that person's search document.
PERSON_ROWS = ("email_address", "phone_number", "network_role", "list_membership", "attendance")
# (table, column naming the person, column naming what changed, changed table)
LINKED_PERSONS = (
    ("person", "organisation_id", "organisation"),
    ("network_role", "network_id", "network"),
    ("person_topic", "topic_id", "topic"),
    ("list_membership", "list_id", "distribution_list"),
    ("attendance", "event_id", "event"),
)


@dataclass
class Touched:
    """Records whose search documents need a refresh."""

    persons: set[int] = field(default_factory=set)
    organisations: set[int] = field(default_factory=set)
    networks: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class Applied:
    changes: int  # change-log entries applied
    removed_persons: int
    wiped: bool


def logged_changes(snap: Snapshot, after: int) -> dict[str, list[int]]:
    """The keys of rows changed since sequence number `after`, per table."""
    keys: dict[str, set[int]] = defaultdict(set)
    rows = snap.connection.execute(text(
        "SELECT DISTINCT table_name, row_id FROM change_log WHERE seq > :after"), {"after": after})
    for name, row_id in rows:
        if name in MIRRORED:
            keys[name].add(int(row_id))
    return {name: sorted(ids) for name, ids in keys.items()}


def apply_changes(copy: Database, snap: Snapshot, after: int, team_url: str,
                  steps: Steps) -> Applied:
    changes = logged_changes(snap, after)
    count = sum(len(ids) for ids in changes.values())
    steps.begin(count * 2 + 1)
    with copy.engine.connect() as connection:
        connection = connection.execution_options(**{WRITE_OPTION: True})
        driver: Any = connection.connection.driver_connection  # sqlite3's: the copy is a file
        driver.execute("PRAGMA foreign_keys=OFF")  # checked before the commit instead
        try:
            with connection.begin():
                removed = _apply(connection, snap, changes, steps)
                write_copy_state(connection, team_id=snap.team_id, team_url=team_url,
                                 last_seq=snap.head, synced_at=snap.taken_at)
                steps.stage("before_commit")
        finally:
            driver.execute("PRAGMA foreign_keys=ON")
    steps.stage("committed", cancellable=False)
    wiped = True
    if removed:
        forget_cached_text()
        wiped = wipe_sqlite_file(copy)
        steps.stage("wiped", cancellable=False)
    return Applied(count, removed, wiped)


def _apply(connection: Connection, snap: Snapshot, changes: dict[str, list[int]],
           steps: Steps) -> int:
    touched = Touched()
    _note_touched(connection, changes, touched)  # as the copy has them before
    persons_before = _existing(connection, "person", changes.get("person", []))
    for name in reversed(MIRRORED):
        if changes.get(name):
            delete_keys(connection, name, changes[name])
            steps.advance(len(changes[name]))
    steps.stage("deleted")
    for name in MIRRORED:
        if changes.get(name):
            insert = writer(connection, name)
            for batch in read_rows(snap.connection, name, changes[name]):
                insert(batch)
            steps.advance(len(changes[name]))
    steps.stage("inserted")
    _check_references(connection, [name for name in MIRRORED if changes.get(name)])
    _note_touched(connection, changes, touched)  # and as they are now
    removed = persons_before - _existing(connection, "person", changes.get("person", []))
    with Session(bind=connection) as session:
        touched.persons -= removed
        # Persons removed: as an erasure does, the FTS tables are rebuilt from the remaining
        # documents (their segments still hold the removed terms), so the FTS triggers stay
        # quiet meanwhile ("bulk"); the file is wiped after the commit (marked pending here,
        # so a sync killed before the wipe has it finished at the next opening).
        quiet = bool(removed) and indexer.has_fts(session)
        if quiet:
            session.execute(text("INSERT INTO search_state (key, value) VALUES ('bulk', '1')"))
        with contextlib.nullcontext() if quiet else indexer.bulk_writes(
                session, len(touched.persons)):
            indexer.reindex_persons(session, [*touched.persons, *removed])
            indexer.reindex_organisations(session, touched.organisations)
            indexer.reindex_networks(session, touched.networks)
            session.flush()
        steps.stage("reindexed")
        if quiet:
            session.execute(text("DELETE FROM search_state WHERE key = 'bulk'"))
            rebuild_fts(session)
        if removed:
            mark_pending(session)
        session.flush()
    steps.stage("indexed")
    return len(removed)


def _existing(connection: Connection, name: str, ids: Sequence[int]) -> set[int]:
    found: set[int] = set()
    for chunk in chunks(list(ids)):
        found.update(connection.execute(text(
            f"SELECT id FROM {name} WHERE id IN ({', '.join(str(int(i)) for i in chunk)})"
        )).scalars())
    return found


def _note_touched(connection: Connection, changes: dict[str, list[int]],
                  touched: Touched) -> None:
    def select_ids(column: str, name: str, where: str, ids: Sequence[int]) -> set[int]:
        found: set[int] = set()
        for chunk in chunks(list(ids)):
            found.update(connection.execute(text(
                f"SELECT {column} FROM {name} WHERE {where} IN "
                f"({', '.join(str(int(i)) for i in chunk)})")).scalars())
        return found

    touched.persons.update(changes.get("person", []), changes.get("person_topic", []))
    for name in PERSON_ROWS:
        touched.persons |= select_ids("person_id", name, "id", changes.get(name, []))
    for name, column, changed in LINKED_PERSONS:
        owner = "id" if name == "person" else "person_id"
        touched.persons |= select_ids(owner, name, column, changes.get(changed, []))
    touched.organisations.update(changes.get("organisation", []),
                                 changes.get("organisation_topic", []))
    touched.organisations |= select_ids("organisation_id", "organisation_topic", "topic_id",
                                        changes.get("topic", []))
    touched.networks.update(changes.get("network", []), changes.get("network_topic", []))
    touched.networks |= select_ids("network_id", "network_topic", "topic_id",
                                   changes.get("topic", []))


def _check_references(connection: Connection, names: list[str]) -> None:
    """Every row written refers to rows the copy has (the team's consistent snapshot makes it
    so; a failure means a change the log missed, and the copy is left as it was)."""
    for name in names:
        problem = connection.exec_driver_sql(f"PRAGMA foreign_key_check({name})").first()
        if problem is not None:
            raise DefenceDirError(_("The copy cannot follow the team database's changes "
                                    "({table} refers to a missing row); it was left unchanged. "
                                    "“defence-dir sync --full” copies it anew.", table=name))
