"""Erasure benchmark: erase one person from a large directory, timing each step of the wipe.

    python benchmarks/synthetic_directory.py --persons 100000 --db /tmp/dir-100k.sqlite3
    python benchmarks/erasure_benchmark.py --db /tmp/dir-100k.sqlite3 [--runs 3]

Each run erases from a fresh copy of the file (the original is left as it is) and then searches
the database file, its WAL and -shm for the person's name, email and phone bytes.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import event

from defence_dir.data.database import open_database
from defence_dir.privacy import erasure
from defence_dir.privacy.erasure import erase_person

STEPS: dict[str, float] = {}


def _timed(name: str, function):  # type: ignore[no-untyped-def]
    def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
        begin = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            STEPS[name] = STEPS.get(name, 0.0) + time.perf_counter() - begin
    return timed


# The check before and the wipe after (VACUUM and checkpoint) run on the driver connection.
erasure.check_database = _timed("quick_check", erasure.check_database)
erasure.wipe_sqlite_file = _timed("vacuum+checkpoint", erasure.wipe_sqlite_file)


def _person(path: Path, number: int) -> tuple[int, list[bytes]]:
    connection = sqlite3.connect(path)
    try:
        person_id, given, family = connection.execute(
            "SELECT id, given_name, family_name FROM person ORDER BY id LIMIT 1 OFFSET ?",
            (number,)).fetchone()
        emails = [r[0] for r in connection.execute(
            "SELECT address FROM email_address WHERE person_id = ?", (person_id,))]
        phones = [r[0] for r in connection.execute(
            "SELECT e164 FROM phone_number WHERE person_id = ? AND e164 IS NOT NULL",
            (person_id,))]
    finally:
        connection.close()
    print(f"erasing #{person_id} {given} {family} {emails} {phones}")
    return person_id, [v.encode() for v in (*emails, *phones)]


def run(source: Path, number: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="erasure-bench-") as folder:
        path = Path(folder) / source.name
        shutil.copyfile(source, path)
        person_id, secrets = _person(path, number)
        db = open_database(str(path))
        STEPS.clear()
        steps = STEPS
        started: dict[str, float] = {}

        @event.listens_for(db.engine, "before_cursor_execute")
        def _before(_c, _cur, statement, *_args):  # type: ignore[no-untyped-def]
            started[statement] = time.perf_counter()

        @event.listens_for(db.engine, "after_cursor_execute")
        def _after(_c, _cur, statement, *_args):  # type: ignore[no-untyped-def]
            if "rebuild" in statement:
                steps["fts rebuild"] = steps.get("fts rebuild", 0.0) + (
                    time.perf_counter() - started[statement])

        try:
            begin = time.perf_counter()
            result = erase_person(db, person_id)
            steps["total"] = time.perf_counter() - begin
        finally:
            db.close()
        assert result.wiped, result
        for suffix in ("", "-wal", "-shm"):
            file = Path(f"{path}{suffix}")
            data = file.read_bytes() if file.exists() else b""
            left = [s for s in secrets if s in data]
            assert not left, (suffix, left)
        return dict(steps)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"{platform.machine()}, Python {platform.python_version()}, "
          f"SQLite {sqlite3.sqlite_version}, {args.db} ({args.db.stat().st_size >> 20} MB)")
    for number in range(args.runs):
        steps = run(args.db, 1000 + number * 997)
        print("  " + ", ".join(f"{k} {v:.2f} s" for k, v in steps.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
