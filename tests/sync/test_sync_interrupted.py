"""A sync killed (kill -9) at any point leaves the copy as it was; an erasure reaches copies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from erasure_scenario import build, files_with_secrets
from erasure_scenario import scenario as scenario  # the fixture
from sqlalchemy import make_url
from team_changes import build_team, make_changes, mirrored_rows, search_documents

from defence_dir.data.database import open_database
from defence_dir.privacy import erase_person
from defence_dir.sync import sync_copy

ROOT = Path(__file__).resolve().parents[2]
KILLER = """
import os, signal, sys
from defence_dir.sync import progress, sync_copy

def hook(name):
    if name == sys.argv[3]:
        os.kill(os.getpid(), signal.SIGKILL)

progress.STAGE_HOOK.append(hook)
sync_copy(sys.argv[1], sys.argv[2], full=sys.argv[4] == "full")
"""


def _killed_sync(team: str, copy: Path, stage: str, full: bool = False) -> None:
    """Run a sync in another process that kills itself (SIGKILL) when it reaches `stage`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", KILLER, team, str(copy), stage,
                           "full" if full else "changes"], env=env, capture_output=True,
                          timeout=300)
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()[-2000:]


def _state(target: str | Path) -> tuple[dict, list, str]:
    db = open_database(str(target), seed=False)
    try:
        with db.engine.connect() as connection:
            check = connection.exec_driver_sql("PRAGMA integrity_check").scalar() \
                if db.path else "ok"
        return mirrored_rows(db), search_documents(db), check
    finally:
        db.close()


@pytest.mark.parametrize("stage", ["snapshot", "copied person", "copied", "indexed",
                                   "before_replace"])
def test_a_first_sync_killed_leaves_no_copy_and_the_next_one_makes_it(sqlite_team, copy_path,
                                                                       stage):
    team = sqlite_team
    _killed_sync(team, copy_path, stage)
    assert not copy_path.exists()
    sync_copy(team, str(copy_path))  # removes what the killed one left
    assert sorted(p.name for p in copy_path.parent.iterdir()) == ["copy.sqlite3"]
    assert _state(copy_path)[:2] == _state(team)[:2]


@pytest.mark.parametrize("stage", ["snapshot", "copied person", "indexed", "before_replace"])
def test_a_full_sync_killed_keeps_the_old_copy(sqlite_team, copy_path, stage):
    team = sqlite_team
    sync_copy(team, str(copy_path))
    before = _state(copy_path)
    db = open_database(team)
    try:
        make_changes(db)
    finally:
        db.close()
    _killed_sync(team, copy_path, stage, full=True)
    assert _state(copy_path) == before


@pytest.mark.parametrize("stage", ["snapshot", "deleted", "inserted", "indexed",
                                   "before_commit"])
def test_a_later_sync_killed_leaves_the_copy_as_it_was(sqlite_team, copy_path, stage):
    team = sqlite_team
    sync_copy(team, str(copy_path))
    db = open_database(team)
    try:
        make_changes(db)
    finally:
        db.close()
    before = _state(copy_path)
    _killed_sync(team, copy_path, stage)
    assert _state(copy_path) == before
    sync_copy(team, str(copy_path))
    assert _state(copy_path)[:2] == _state(team)[:2]


def test_syncs_from_a_server_killed_leave_the_copy_as_it_was(pg_url, copy_path):
    build_team(pg_url)
    _killed_sync(pg_url, copy_path, "copied person")
    assert not copy_path.exists()
    sync_copy(pg_url, str(copy_path))
    db = open_database(pg_url)
    try:
        make_changes(db)
    finally:
        db.close()
    before = _state(copy_path)
    _killed_sync(pg_url, copy_path, "inserted")
    assert _state(copy_path) == before
    sync_copy(pg_url, str(copy_path))
    assert _state(copy_path)[:2] == _state(pg_url)[:2]


def test_an_erasure_in_the_team_leaves_nothing_of_her_in_the_copy(scenario, tmp_path):
    laptop = tmp_path / "laptop"
    laptop.mkdir()
    copy = laptop / "copy.sqlite3"
    sync_copy(str(scenario.path), str(copy))
    assert files_with_secrets(laptop)  # she is in the copy, as in the team
    team = open_database(str(scenario.path))
    try:
        erase_person(team, scenario.person_id)
    finally:
        team.close()
    result = sync_copy(str(scenario.path), str(copy))
    assert result.removed_persons == 1 and result.wiped
    assert files_with_secrets(laptop) == []
    db = open_database(str(copy))
    try:
        assert "muller" in str(search_documents(db))  # others sharing her name stay
    finally:
        db.close()


def test_a_sync_killed_after_its_commit_finishes_the_wipe_at_the_next_opening(scenario,
                                                                               tmp_path):
    laptop = tmp_path / "laptop"
    laptop.mkdir()
    copy = laptop / "copy.sqlite3"
    sync_copy(str(scenario.path), str(copy))
    team = open_database(str(scenario.path))
    try:
        erase_person(team, scenario.person_id)
    finally:
        team.close()
    _killed_sync(str(scenario.path), copy, "committed")
    open_database(str(copy)).close()  # the opening finishes what the killed sync left
    assert files_with_secrets(laptop) == []


def test_an_erasure_on_the_team_server_reaches_the_copy(pg_url, tmp_path, monkeypatch):
    erased = build(pg_url)  # type: ignore[arg-type]  # the scenario on PostgreSQL
    laptop = tmp_path / "laptop"
    laptop.mkdir()
    copy = laptop / "copy.sqlite3"
    sync_copy(pg_url, str(copy))
    assert files_with_secrets(laptop)
    team = open_database(pg_url)
    try:
        erase_person(team, erased.person_id)
    finally:
        team.close()
    monkeypatch.setenv("PGPASSWORD", make_url(pg_url).password or "")
    result = sync_copy(None, str(copy))
    assert result.removed_persons == 1 and result.wiped
    assert files_with_secrets(laptop) == []
