"""Colleagues writing at once on a PostgreSQL team database: one writer at a time, as on
SQLite, so the search index stays whole; a writer kept waiting too long is told "locked"."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from defence_dir.data.database import open_database
from defence_dir.data.models import SearchDocument
from defence_dir.errors import DatabaseFailureError
from defence_dir.records.persons import PersonDraft, create_person
from defence_dir.search.documents import person_documents


def test_a_second_writer_waits_and_is_told_locked_after_the_timeout(pg_url, monkeypatch):
    database = open_database(pg_url, seed=False)
    monkeypatch.setenv("DEFENCE_DIR_BUSY_TIMEOUT_MS", "300")
    waiting = open_database(pg_url)
    holding, release = threading.Event(), threading.Event()

    def hold() -> None:
        with database.session() as session:
            create_person(session, PersonDraft(given_name="Anna", family_name="Schäfer"))
            holding.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert holding.wait(10)
        with pytest.raises(DatabaseFailureError) as caught, waiting.session() as session:
            create_person(session, PersonDraft(given_name="Jörg", family_name="Weiß"))
        assert caught.value.failure == "locked"
        assert "\n" not in str(caught.value)
        with waiting.read_session() as session:  # readers never wait for the writer
            assert session.scalar(select(SearchDocument.id).limit(1)) is None
    finally:
        release.set()
        holder.join()
        waiting.close()
        database.close()


def test_concurrent_saves_into_one_alphabetical_gap_keep_the_index_whole(pg_url):
    """Eight writers placing documents between the same two neighbours at once: without one
    writer at a time they took the same ids (an internal error) or left them out of order."""
    database = open_database(pg_url, seed=False)
    failures: list[BaseException] = []

    def write(writer: int) -> None:
        try:
            for round_ in range(12):
                with database.session() as session:
                    for person in range(3):
                        create_person(session, PersonDraft(
                            given_name=f"Anna{writer}{round_}{person}", family_name="Meier"))
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert failures == []
        with database.read_session() as session:
            stored = session.execute(select(SearchDocument.entity_id, SearchDocument.sort_key,
                                            SearchDocument.names)
                                     .where(SearchDocument.kind == "person")
                                     .order_by(SearchDocument.id)).all()
            fresh = {d["entity_id"]: d for d in person_documents(session, id_range=(0, 10**6))}
        assert len(stored) == len(fresh) == 8 * 12 * 3
        keys = [row.sort_key.encode() for row in stored]
        assert keys == sorted(keys)
        assert {row.entity_id: row.names for row in stored} == {
            entity_id: document["names"] for entity_id, document in fresh.items()}
    finally:
        database.close()
