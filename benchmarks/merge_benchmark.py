"""Merge benchmark: a certain lane of 1,000 pairs merged with merge_groups, then taken back.

    python benchmarks/merge_benchmark.py --persons 100000 [--pairs 1000] [--postgres URL] [--reuse]

Builds the synthetic directory (benchmarks/synthetic_directory.py) in /tmp, clones `--pairs`
of its persons as a certain-lane duplicate would look (the same email address, the name with
ue/oe/ae or without the title, the phone in another format, a function the original lacks,
a list membership), opens it (the search index is built, not timed), then times the merge
of all pairs in one transaction and the undo of all of them (undo_merges), and checks that
every table is as before. With --postgres the same directory is copied to a new database on
that server and timed there too (the database is dropped afterwards).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sqlite3
import sys
import time
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent))
from postgres_copy import copy_to_postgres, drop_postgres
from synthetic_directory import generate

from defence_dir.data.database import Database, open_database
from defence_dir.data.models import Base
from defence_dir.merging.service import merge_groups, undo_merges

VARIANTS = (("ü", "ue"), ("ö", "oe"), ("ä", "ae"), ("ß", "ss"))
NOT_COMPARED = {"change_log", "audit_entry", "person_merge", "search_state", "sync_state"}


def _variant(given: str, family: str) -> tuple[str, str]:
    for plain, spelled in VARIANTS:
        if plain in family:
            return given, family.replace(plain, spelled)
        if plain in given:
            return given.replace(plain, spelled), family
    return given, family  # the same name; the title differs below


def plant_clones(path: Path, pairs: int, seed: int = 17) -> list[list[int]]:
    """Clone `pairs` persons (new ids); returns [original, clone] per pair."""
    rng = random.Random(seed)
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("BEGIN")
        rows = con.execute(
            "SELECT p.id, p.title, p.given_name, p.family_name, p.function, p.organisation_id, "
            "e.address FROM person p JOIN email_address e ON e.person_id = p.id "
            "WHERE e.position = 0 ORDER BY p.id").fetchall()
        chosen = sorted(rng.sample(rows, pairs))
        lists = [r[0] for r in con.execute("SELECT id FROM distribution_list")]
        next_id = con.execute("SELECT max(id) FROM person").fetchone()[0] + 1
        lane = []
        for offset, (pid, title, given, family, function, org, address) in enumerate(chosen):
            clone = next_id + offset
            new_given, new_family = _variant(given, family)
            con.execute(
                "INSERT INTO person (id, uid, title, given_name, family_name, function, "
                "organisation_id, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
                (clone, str(uuid.UUID(int=rng.getrandbits(128))), None if title else "Dr.",
                 new_given, new_family, function or "Projektleitung", org))
            con.execute("INSERT INTO email_address (person_id, address, kind, position) "
                        "VALUES (?, ?, 'work', 0)", (clone, address.upper()
                                                     if offset % 2 else address))
            for raw, e164, kind, position in con.execute(
                    "SELECT raw, e164, kind, position FROM phone_number WHERE person_id = ?",
                    (pid,)).fetchall():
                digits = (e164 or raw).lstrip("+")
                con.execute("INSERT INTO phone_number (person_id, raw, e164, kind, position) "
                            "VALUES (?, ?, ?, ?, ?)", (clone, f"+{digits[:2]} {digits[2:]}",
                                                       e164, kind, position))
            con.execute("INSERT OR IGNORE INTO list_membership (list_id, person_id, status, "
                        "consent_at, consent_source) VALUES (?, ?, 'subscribed', "
                        "'2026-02-01 09:00:00', 'Formular')", (rng.choice(lists), clone))
            lane.append([pid, clone])
        con.execute("DELETE FROM search_state WHERE key = 'built'")  # index them too
        con.execute("COMMIT")
    finally:
        con.close()
    return lane


def dump(db: Database) -> dict[str, Any]:
    tables = {}
    with db.read_session() as session:
        for table in Base.metadata.sorted_tables:
            if table.name in NOT_COMPARED:
                continue
            columns = [c for c in table.columns
                       if not (table.name == "search_document" and c.name == "id")]
            tables[table.name] = sorted(map(tuple, session.execute(select(*columns))), key=repr)
    return tables


def run(target: str, lane: list[list[int]], label: str, check: bool) -> None:
    db = open_database(target)
    try:
        before = dump(db) if check else None
        begin = time.perf_counter()
        results = merge_groups(db, lane)
        merged = time.perf_counter() - begin
        begin = time.perf_counter()
        undo_merges(db, [r.merge_id for r in results])
        undone = time.perf_counter() - begin
        same = "" if before is None else (
            ", every table as before" if dump(db) == before else ", TABLES DIFFER")
        print(f"{label}: merge {len(lane)} pairs {merged:.2f} s, undo {undone:.2f} s{same}",
              flush=True)
    finally:
        db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--pairs", type=int, default=1_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--postgres", default=os.environ.get("DEFENCE_DIR_TEST_POSTGRES_URL"))
    parser.add_argument("--reuse", action="store_true",
                        help="use the directory a run before left in /tmp (it is unchanged)")
    parser.add_argument("--no-check", action="store_true",
                        help="skip comparing every table before and after")
    args = parser.parse_args()
    print(f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"SQLite {sqlite3.sqlite_version}; {args.persons} persons, {args.pairs} pairs")
    path = Path(f"/tmp/merge-bench-{args.persons}-{args.pairs}.sqlite3")
    lane_file = path.with_suffix(".lane.json")
    if not (args.reuse and path.exists() and lane_file.exists()):
        for leftover in path.parent.glob(path.name + "*"):
            leftover.unlink()
        generate(path, args.persons)
        lane = plant_clones(path, args.pairs)
        open_database(str(path)).close()  # builds the search index
        lane_file.write_text(json.dumps(lane))
    lane = json.loads(lane_file.read_text())
    for number in range(args.runs):
        run(str(path), lane, f"SQLite run {number + 1}", not args.no_check)
    if args.postgres:
        url = copy_to_postgres(path, args.postgres, prefix="merge")
        try:
            for number in range(args.runs):
                run(url, lane, f"PostgreSQL run {number + 1}", not args.no_check)
        finally:
            drop_postgres(url, args.postgres)
    return 0


if __name__ == "__main__":
    sys.exit(main())
