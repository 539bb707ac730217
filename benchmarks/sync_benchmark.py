"""Offline-copy sync benchmark: the first sync of a 100,000-person team database on PostgreSQL
into a laptop's SQLite copy, then an incremental sync after 1,000 changes in the team
(edits, creations, deletions, list and event changes, and one erasure).

    python benchmarks/synthetic_directory.py --persons 100000 --db /tmp/sync-bench/team-100k.sqlite3
    python benchmarks/sync_benchmark.py --db /tmp/sync-bench/team-100k.sqlite3 \
        --postgres postgresql+psycopg://defence_ci:defence_ci@127.0.0.1/postgres

The synthetic directory is copied into a new database on the server (dropped at the end); the
copy is written to a temporary folder. Targets (issue 15): first sync <= 60 s, incremental sync
after 1,000 changes <= 5 s. The last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from defence_dir.data.database import open_database
from defence_dir.data.models import (
    AttendanceStatus,
    DistributionList,
    Event,
    Person,
)
from defence_dir.lists.consent import Consent, ConsentSource, set_attendance, subscribe, unsubscribe
from defence_dir.privacy import erase_person
from defence_dir.records.persons import (
    EmailDraft,
    PersonDraft,
    create_person,
    delete_person,
    draft_of,
    update_person,
)
from defence_dir.sync import progress, sync_copy

sys.path.insert(0, str(Path(__file__).resolve().parent))
from postgres_copy import copy_to_postgres, drop_postgres


def make_changes(url: str, count: int, seed: int = 15, *,
                 removals: bool = True) -> dict[str, int]:
    """`count` changes as colleagues make them, through the services (each its own commit
    per batch of 50): 50% edits, 25% new persons, 15% deletions, 10% lists and events, and
    one erasure; without `removals`, new persons instead of deletions and the erasure."""
    rng = random.Random(seed)
    team = open_database(url)
    made = {"edited": 0, "created": 0, "deleted": 0, "lists_events": 0, "erased": 0}
    try:
        with team.read_session() as session:
            ids = list(session.scalars(select(Person.id).order_by(Person.id)))
            list_id = session.scalars(select(DistributionList.id)).first()
            event_id = session.scalars(select(Event.id)).first()
        chosen = rng.sample(ids, count)
        kinds = (["edit"] * (count // 2) + ["create"] * (count // 4)
                 + ["delete" if removals else "create"] * (count * 15 // 100))
        kinds += ["collection"] * (count - removals - len(kinds))
        rng.shuffle(kinds)
        for start in range(0, len(kinds), 50):
            with team.session() as session:
                for kind, pid in zip(kinds[start:start + 50], chosen[start:start + 50],
                                     strict=False):  # the last person is erased below
                    if kind == "edit":
                        person = session.get(Person, pid)
                        draft = draft_of(person)
                        draft.function = f"Neue Funktion {rng.randrange(1000)}"
                        draft.emails = [*draft.emails,
                                        EmailDraft(f"neu{seed}.{pid}@example.org")]
                        update_person(session, pid, draft, person.version)
                        made["edited"] += 1
                    elif kind == "create":
                        create_person(session, PersonDraft(
                            given_name="Zerlina", family_name=f"Knusperhaus{pid}",
                            emails=[EmailDraft(f"zerlina{pid}@knusperhaus.example")]))
                        made["created"] += 1
                    elif kind == "delete":
                        delete_person(session, pid)
                        made["deleted"] += 1
                    else:
                        if pid % 2:
                            subscribe(session, list_id, pid,
                                      Consent(ConsentSource.FORM, "Anmeldeformular"))
                            unsubscribe(session, list_id, pid, note="per Mail")
                        else:
                            set_attendance(session, event_id, [pid], AttendanceStatus.ATTENDED)
                        made["lists_events"] += 1
        if removals:
            erase_person(team, chosen[-1])
            made["erased"] = 1
    finally:
        team.close()
    return made


STAGES: list[tuple[str, float]] = []


def _note_stage(name: str) -> None:
    STAGES.append((name, time.perf_counter()))


def stage_times(started: float) -> str:
    """Seconds from one named point of the sync to the next (where the time goes)."""
    parts, before = [], started
    for name, at in STAGES:
        parts.append(f"{name} {at - before:.1f}")
        before = at
    STAGES.clear()
    return ", ".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a synthetic directory")
    parser.add_argument("--postgres", required=True, help="a server URL")
    parser.add_argument("--changes", type=int, default=1000)
    args = parser.parse_args()
    started = time.perf_counter()
    progress.STAGE_HOOK.append(_note_stage)
    url = copy_to_postgres(args.db, args.postgres, prefix="sync_bench", build_index=False)
    print(f"team database on the server in {time.perf_counter() - started:.0f} s", flush=True)
    try:
        with tempfile.TemporaryDirectory(prefix="sync-bench-") as folder:
            copy = Path(folder) / "copy.sqlite3"
            started = time.perf_counter()
            first = sync_copy(url, str(copy))
            first_s = time.perf_counter() - started
            print(f"first sync: {first.changes} rows in {first_s:.1f} s "
                  f"({copy.stat().st_size / 1e6:.0f} MB): {stage_times(started)}", flush=True)
            timings = {}
            for removals in (False, True):
                made = make_changes(url, args.changes, seed=15 + removals, removals=removals)
                STAGES.clear()
                started = time.perf_counter()
                later = sync_copy(url, str(copy))
                later_s = time.perf_counter() - started
                timings["with_removals" if removals else "without_removals"] = {
                    "seconds": round(later_s, 2), "changes": made}
                print(f"incremental sync: {later.changes} change-log entries, "
                      f"{later.removed_persons} persons removed, wiped={later.wiped}, "
                      f"{later_s:.2f} s ({made}): {stage_times(started)}", flush=True)
            persons = sqlite3.connect(copy).execute("SELECT count(*) FROM person").fetchone()[0]
    finally:
        drop_postgres(url, args.postgres)
    print(json.dumps({"machine": f"{platform.machine()} Python {platform.python_version()} "
                                 f"SQLite {sqlite3.sqlite_version}",
                      "persons": persons, "first_sync_s": round(first_s, 2),
                      "incremental_sync": timings}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
