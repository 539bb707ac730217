"""Erasure requests (DSGVO Art. 17, "Löschen"): the person and every trace of them, for good.

Rows go in one transaction: the person with contact details, roles, topics, memberships with
their consent history, attendances, the import records about them (and any other import record
that quotes them), import file names that name them, and their search document; the FTS5 index
is then rebuilt from the remaining documents, because deleting from FTS5 only adds delete
markers and the old terms stay readable in its segments (SQLite 3.40 has no 'secure-delete').
After the commit the file itself is wiped (see wipe.py). The audit log says what was done and
when, never the erased data.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from defence_dir.data.database import Database
from defence_dir.data.failures import Failure, first_line, message
from defence_dir.data.models import (
    ConsentRecord,
    ImportBatch,
    ImportChange,
    ListMembership,
    Person,
)
from defence_dir.errors import DatabaseFailureError, DefenceDirError
from defence_dir.i18n import _
from defence_dir.privacy.access import audit, changes_about, find_person, personal_rows
from defence_dir.privacy.wipe import (
    backups_holding,
    mark_pending,
    vacuum_server_tables,
    wipe_sqlite_file,
)
from defence_dir.search import indexer
from defence_dir.text.folding import phone_digit_forms, words

# What an import file name is replaced with when it named the erased person.
ERASED_FILE_NAME = "[erased]"
# Tables an erasure deletes from or rewrites (VACUUMed on a server).
TOUCHED_TABLES = ("person", "email_address", "phone_number", "person_topic", "network_role",
                  "list_membership", "consent_record", "attendance", "import_change",
                  "import_batch", "search_document",
                  # by cascade: merge records (rows of the persons merged into this one)
                  "person_merge", "not_duplicate_pair")


@dataclass(frozen=True)
class ErasureResult:
    person_id: int
    rows_deleted: int
    # Nothing erased is left in the database file and its WAL (SQLite). False on a server,
    # where the server's files cannot be wiped from here, or while `pending`.
    wiped: bool
    # SQLite: another connection kept the wipe from completing; it is finished later.
    pending: bool = False
    server: bool = False
    # Backups the app made before schema upgrades that still hold the person.
    backups: list[Path] = field(default_factory=list)


def erase_person(db: Database, person_id: int) -> ErasureResult:
    """Erase the person and every trace of them, then wipe the database file."""
    check_database(db)
    try:
        with db.session() as session:
            person = find_person(session, person_id)
            uid = person.uid
            rows = _delete_person(session, person)
            audit(session, "person_erased", person_id, detail=f"{rows} rows")
    except SQLAlchemyError as exc:  # rolled back: nothing changed
        raise DefenceDirError(_("The person could not be erased: {reason}",
                                reason=first_line(exc))) from exc
    forget_cached_text()
    if db.path is None:
        server = db.url.get_backend_name() != "sqlite"
        if server:
            vacuum_server_tables(db, TOUCHED_TABLES)
        return ErasureResult(person_id, rows, wiped=not server, server=server)
    wiped = wipe_sqlite_file(db)
    return ErasureResult(person_id, rows, wiped=wiped, pending=not wiped,
                         backups=backups_holding(db, uid))


def check_database(db: Database) -> None:
    """Refuse to erase from a damaged SQLite file: half an erasure is worse than none."""
    if db.path is None:
        return
    try:
        raw = db.engine.raw_connection()
        try:
            driver: Any = raw.driver_connection  # sqlite3's connection: db.path is set
            findings = [row[0] for row in driver.execute("PRAGMA quick_check")]
        finally:
            raw.close()
    except (sqlite3.DatabaseError, SQLAlchemyError) as exc:
        findings = [first_line(exc)]
    if findings != ["ok"]:
        raise DatabaseFailureError(message(Failure.CORRUPT, str(db.path)), Failure.CORRUPT.value)


def _delete_person(session: Session, person: Person) -> int:
    """Delete every row about the person in the caller's transaction; returns how many."""
    personal = personal_rows(person)
    consent_rows = session.scalars(select(ConsentRecord.id).join(ListMembership).where(
        ListMembership.person_id == person.id)).all()
    # Imports that brought or changed the person, before their records about them go.
    touched: set[int | None] = set(session.scalars(
        select(ImportChange.batch_id).where(changes_about(person))))
    touched.add(person.import_batch_id)
    session.execute(delete(ImportChange).where(changes_about(person)))
    quoting = _changes_quoting(session, person)
    if quoting:  # before-images of other rows may quote them (e.g. a merged duplicate)
        session.execute(delete(ImportChange).where(ImportChange.id.in_(quoting)))
    _redact_import_names(session, person, touched)
    session.delete(person)
    session.flush()
    indexer.refresh_pending(session)  # the person's search document goes now, not at commit
    if indexer.has_fts(session):
        rebuild_fts(session)
    if session.get_bind().dialect.name == "sqlite":
        mark_pending(session)
    return len(personal) + len(consent_rows)


def rebuild_fts(session: Session) -> None:
    """Both FTS5 tables from the remaining documents: the old segments, which still hold the
    person's terms, are deleted (and overwritten: PRAGMA secure_delete)."""
    connection = session.connection()
    # A larger page cache meanwhile (as a full index build uses): the rebuild otherwise spills
    # its B-trees to the file over and over.
    previous = connection.exec_driver_sql("PRAGMA cache_size").scalar_one()
    connection.exec_driver_sql("PRAGMA cache_size=-262144")
    try:
        indexer.rebuild_fts(connection)
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size={int(previous)}")


def _identifying_values(person: Person) -> set[str]:
    """The person's values an import record may quote: full name, emails, phones."""
    values = {person.display_name, " ".join(p for p in (person.given_name, person.family_name)
                                            if p)}
    values.update(e.address for e in person.emails)
    for phone in person.phones:
        values.update(v for v in (phone.raw, phone.e164) if v)
    return {v for v in values if v and len(v) >= 4}


def _changes_quoting(session: Session, person: Person) -> list[int]:
    """Ids of import records whose before-image holds one of the person's values as a whole
    JSON string. LIKE only narrows the candidates: it ignores case on SQLite, treats "_" as a
    wildcard and finds "anna@x.de" inside "hanna@x.de", whose record must stay."""
    values = _identifying_values(person)
    if not values:
        return []
    wanted = {v.casefold() for v in values}
    patterns = values | {json.dumps(v)[1:-1] for v in values}  # also as ASCII-escaped JSON
    candidates = session.execute(select(ImportChange.id, ImportChange.before_json).where(
        or_(*(ImportChange.before_json.contains(v, autoescape=True) for v in patterns))))
    return [change_id for change_id, before in candidates
            if before and wanted & {text.casefold() for text in _strings(json.loads(before))}]


def _strings(value: object) -> Iterator[str]:
    """Every string in a parsed JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _redact_import_names(session: Session, person: Person, touched: set[int | None]) -> None:
    """An import file or sheet named after the person ("Anmeldung Zerlina Quastenberg.vcf")
    would keep their name: such names are replaced, also where consent sources quote them.

    Named means: their email address or phone number, given and family name together, or -
    for an import that brought or changed them - a word of their family name ("Nachtrag
    Zwetschke.vcf"). A given name alone is not enough: erasing "Jan Meyer" must not take
    "Messe-Kontakte Jan 2026.vcf", nor another import's "Meyer Werkzeugbau.xlsx"."""
    given = set(words(person.given_name))
    family = {w for w in words(person.family_name) if len(w) >= 3}
    contacts = {e.address.casefold() for e in person.emails}
    digits = {d for p in person.phones for d in phone_digit_forms(p.e164, p.raw) if len(d) >= 6}

    def names_them(label: str | None, batch_id: int) -> bool:
        if not label:
            return False
        folded = label.casefold()
        label_words = set(words(label))
        label_digits = "".join(c for c in label if c.isdigit())
        by_name = bool(family & label_words) and (
            batch_id in touched or (bool(given) and given <= label_words))
        return (by_name or any(c in folded for c in contacts)
                or any(d in label_digits for d in digits))

    for batch in session.scalars(select(ImportBatch)):
        if names_them(batch.file_name, batch.id):
            _redact_consent_sources(session, Path(batch.file_name).name)
            session.execute(update(ImportBatch).where(ImportBatch.id == batch.id)
                            .values(file_name=ERASED_FILE_NAME))
        if names_them(batch.sheet, batch.id):
            session.execute(update(ImportBatch).where(ImportBatch.id == batch.id)
                            .values(sheet=None))


def _redact_consent_sources(session: Session, file_name: str) -> None:
    """Other members' consent came "from <file>, row 7": the file's name goes there too."""
    for column in (ListMembership.consent_source, ConsentRecord.source):
        session.execute(update(column.class_).where(column.contains(file_name, autoescape=True))
                        .values({column.key: func.replace(column, file_name,
                                                          ERASED_FILE_NAME)}))


def forget_cached_text() -> None:
    """Empty the process's caches of folded names, emails and phone forms, which may hold the
    erased person's (the search's name vocabulary reloads by itself: the index changed)."""
    for name in ("defence_dir.text.contact_values", "defence_dir.text.folding",
                 "defence_dir.search.documents", "defence_dir.imports.spreadsheet.cleaning",
                 "defence_dir.imports.spreadsheet.columns", "defence_dir.vcard.writer"):
        module = sys.modules.get(name)
        for value in vars(module).values() if module else ():
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()
