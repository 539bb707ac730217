"""A colleague saving a person while the merge starts: the merge waits for that save (every
write transaction holds SQLite's write lock or PostgreSQL's advisory write lock) and then
refuses, the version having moved, instead of deleting the person with the edit unseen."""

from __future__ import annotations

import threading
import time

import pytest
from merge_helpers import person
from sqlalchemy import select, update

from defence_dir.data.models import Person
from defence_dir.merging.service import merge_persons
from defence_dir.merging.writing import MergeConflictError


def test_a_save_in_flight_is_waited_for_and_then_refused(db):
    kept = person(db, "Anna", "Schmidt")
    other = person(db, "Anna", "Schmitt")
    saving = threading.Event()

    def colleague() -> None:
        with db.session() as session:
            session.execute(update(Person).where(Person.id == other)
                            .values(function="Einkauf", version=Person.version + 1))
            saving.set()
            time.sleep(1.0)  # the merge starts meanwhile

    thread = threading.Thread(target=colleague)
    thread.start()
    saving.wait(5)
    try:
        with pytest.raises(MergeConflictError):
            merge_persons(db, kept, [other], expected_versions={kept: 1, other: 1})
    finally:
        thread.join()
    with db.read_session() as session:
        assert session.scalar(select(Person.function).where(Person.id == other)) == "Einkauf"
