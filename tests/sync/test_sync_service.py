"""The offline copy mirrors the team database: first sync, later syncs, search, read-only."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import make_url, select, text
from team_changes import make_changes, mirrored_rows, search_documents

from defence_dir.data.database import open_database
from defence_dir.data.models import Person
from defence_dir.errors import DatabaseFailureError, DefenceDirError
from defence_dir.records.persons import PersonDraft, create_person
from defence_dir.search.service import SearchService
from defence_dir.sync import SyncCancelled, sync_copy


def _state(target: str | Path) -> tuple[dict, list]:
    db = open_database(str(target), seed=False)
    try:
        return mirrored_rows(db), search_documents(db)
    finally:
        db.close()


def test_first_sync_copies_everything_and_indexes_it(team, copy_path):
    result = sync_copy(team, str(copy_path))
    assert result.first and result.changes > 300
    assert _state(copy_path) == _state(team)
    copy = open_database(str(copy_path))
    try:
        assert copy.read_only and copy.offline_copy is not None
        password = make_url(team).password if "://" in team else None
        if password:  # the copy names its team without the password
            assert f":{password}@" not in copy.offline_copy.team_url
            assert "***" not in copy.offline_copy.team_url
            assert copy.offline_copy.team_url.startswith("postgresql")
    finally:
        copy.close()


def test_later_syncs_bring_every_kind_of_change(team, copy_path, monkeypatch):
    sync_copy(team, str(copy_path))
    db = open_database(team)
    try:
        changed = make_changes(db)
    finally:
        db.close()
    result = sync_copy(team, str(copy_path))
    assert not result.first and result.changes > 0 and result.removed_persons == 2
    team_rows, team_documents = _state(team)
    copy_rows, copy_documents = _state(copy_path)
    assert copy_rows == team_rows  # persons, emails, lists, events, consent history …
    assert copy_documents == team_documents  # the copy's index follows, not rebuilt
    copy = open_database(str(copy_path))
    try:
        with copy.read_session() as session:
            assert session.get(Person, changed["created"]).family_name == "Knusperhaus"
            assert session.get(Person, changed["deleted"][0]) is None
        hits = SearchService(copy.read_session).search("quastenberg")
        assert [hit.id for hit in hits.hits] == [changed["edited"]]
    finally:
        copy.close()
    if "://" in team:  # the copy keeps no password: libpq's PGPASSWORD (or ~/.pgpass) gives it
        monkeypatch.setenv("PGPASSWORD", make_url(team).password or "")
    again = sync_copy(None, str(copy_path))  # nothing new: the team it was copied from
    assert again.changes == 0 and again.sequence == result.sequence


def test_the_copy_refuses_writes_in_one_line(team, copy_path):
    sync_copy(team, str(copy_path))
    copy = open_database(str(copy_path))
    try:
        with pytest.raises(DatabaseFailureError) as caught, copy.session() as session:
            create_person(session, PersonDraft(given_name="Nicht", family_name="Erlaubt"))
        assert str(caught.value).startswith("Dies ist eine Offline-Kopie von ")
        assert "\n" not in str(caught.value)
    finally:
        copy.close()


def test_a_cancelled_sync_leaves_the_copy_as_it_was(team, copy_path):
    sync_copy(team, str(copy_path))
    before = _state(copy_path)
    db = open_database(team)
    try:
        make_changes(db)
    finally:
        db.close()
    calls = []

    def progress(done: int, total: int) -> bool:
        calls.append(done)
        return len(calls) < 3

    with pytest.raises(SyncCancelled):
        sync_copy(team, str(copy_path), progress=progress)
    assert _state(copy_path) == before
    with pytest.raises(SyncCancelled):  # a full copy cancelled: no half-built file left
        sync_copy(team, str(copy_path), full=True, progress=lambda d, t: d < 100)
    assert _state(copy_path) == before
    assert sorted(p.name for p in copy_path.parent.iterdir()) == ["copy.sqlite3"]


def test_an_own_directory_is_replaced_only_when_asked(team, copy_path):
    own = open_database(str(copy_path))
    own.close()
    with pytest.raises(DefenceDirError, match="--replace"):
        sync_copy(team, str(copy_path))
    still_own = open_database(str(copy_path))
    assert still_own.offline_copy is None
    still_own.close()
    sync_copy(team, str(copy_path), replace=True)
    assert list(copy_path.parent.glob("copy.sqlite3.*.bak"))
    assert _state(copy_path) == _state(team)


def test_a_copy_does_not_log_changes_and_a_copy_is_no_team(team, copy_path, tmp_path):
    sync_copy(team, str(copy_path))
    copy = open_database(str(copy_path))
    try:
        with copy.engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM change_log")).scalar() == 0
    finally:
        copy.close()
    with pytest.raises(DefenceDirError, match="selbst eine Offline-Kopie"):
        sync_copy(str(copy_path), str(tmp_path / "second.sqlite3"))


def test_a_missing_team_is_said_and_nothing_is_made(copy_path, tmp_path):
    with pytest.raises(DefenceDirError, match="gibt es nicht"):
        sync_copy(str(tmp_path / "nowhere.sqlite3"), str(copy_path))
    assert not copy_path.exists()
    assert not (tmp_path / "nowhere.sqlite3").exists()


def test_a_team_database_made_anew_is_copied_anew(team, copy_path, tmp_path):
    sync_copy(team, str(copy_path))
    if "://" in team:
        pytest.skip("a SQLite team replaced by another file is the case to show")
    other = tmp_path / "server" / "team.sqlite3"
    for side in other.parent.glob("team.sqlite3*"):
        side.unlink()
    db = open_database(str(other))
    try:
        with db.session() as session:
            create_person(session, PersonDraft(given_name="Neu", family_name="Anfang"))
    finally:
        db.close()
    assert sync_copy(str(other), str(copy_path)).first
    assert _state(copy_path) == _state(other)
    copy = open_database(str(copy_path))
    with copy.read_session() as session:
        assert session.scalar(select(Person).where(Person.family_name == "Anfang")) is not None
    copy.close()


def test_a_copy_open_elsewhere_is_not_replaced_beneath_it(team, copy_path):
    """Making the copy anew renames a new file over it: a program reading the old one (the
    window) would then mix two files' pages, so the sync refuses while it is open."""
    sync_copy(team, str(copy_path))
    before = _state(copy_path)
    reader = open_database(str(copy_path))
    try:
        with reader.read_session() as session:
            session.scalar(select(Person.id).limit(1))  # the window holds a connection
            with pytest.raises(DefenceDirError, match="anderen Programm"):
                sync_copy(team, str(copy_path), full=True)
    finally:
        reader.close()
    assert _state(copy_path) == before
