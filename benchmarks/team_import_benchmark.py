"""Team import benchmark: a 2,000-row attendee .xlsx into a 100,000-person directory, end to
end (read, map, load the directory, match, write, index, commit), on SQLite and PostgreSQL.

    python benchmarks/synthetic_directory.py --persons 100000 --db /tmp/h1-bench/dir.sqlite3
    python benchmarks/team_import_benchmark.py --db /tmp/h1-bench/dir.sqlite3 \
        --postgres postgresql+psycopg://defence_ci:defence_ci@127.0.0.1/postgres

The directory is copied first (to a temporary file, and with --postgres into a new database on
that server), so the original stays untouched. The file is made like import_benchmark.py's:
20% of the rows are persons already in the directory (by email, or by name and organisation
only). An import this size must place its new persons in the index's gaps: the run fails if the
whole index was rebuilt. Each backend runs twice (import, undo, import again): the counts must
agree between the runs and between the backends.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

from import_benchmark import directory_sample, make_file
from postgres_copy import copy_to_postgres, drop_postgres

from defence_dir.data.database import open_database
from defence_dir.imports.spreadsheet.columns import find_header_row, guess_mapping
from defence_dir.imports.spreadsheet.planning import KnownDirectory, plan_rows
from defence_dir.imports.spreadsheet.reading import read_table_file
from defence_dir.imports.spreadsheet.writing import ImportTarget, apply_plan
from defence_dir.imports.undo import undo_import
from defence_dir.search import indexer

_full_rebuilds: list[str] = []
_reindex_all = indexer.reindex_all


def _counting_reindex_all(*args: object, **kwargs: object) -> object:
    _full_rebuilds.append("reindex_all")
    return _reindex_all(*args, **kwargs)


indexer.reindex_all = _counting_reindex_all


class Phases:
    """Wall-clock and this process's CPU seconds by phase (the machine may be shared: the
    CPU seconds are what the import itself spent; PostgreSQL's own work is in the wall time)."""

    def __init__(self) -> None:
        self.seconds: dict[str, tuple[float, float]] = {}
        self._wall, self._cpu = time.perf_counter(), time.process_time()

    def done(self, name: str) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        self.seconds[name] = (wall - self._wall, cpu - self._cpu)
        self._wall, self._cpu = wall, cpu

    def total(self) -> tuple[float, float]:
        return (sum(w for w, _c in self.seconds.values()),
                sum(c for _w, c in self.seconds.values()))


def import_once(url: str, path: Path) -> tuple[Phases, dict[str, int], int]:
    """(seconds by phase, row counts, batch id) of one import, end to end."""
    database = open_database(url)
    phases = Phases()
    rows = read_table_file(path).sheet(None).rows
    phases.done("read the file")
    with database.session() as session:  # as the CLI does: plan and write in one session
        header = find_header_row(rows)
        mapping = guess_mapping(rows[header], session)
        directory = KnownDirectory(session)
        phases.done("header, mapping, load the directory")
        plan = plan_rows(session, rows, header, mapping, file_name=path.name,
                         directory=directory)
        phases.done("clean and match")
        result = apply_plan(session, plan, ImportTarget())
        phases.done("write, record for undo, index")
    phases.done("commit")
    database.close()
    return phases, {"created": result.created, "updated": result.updated,
                    **plan.counts()}, result.batch_id


def undo(url: str, batch_id: int) -> float:
    database = open_database(url)
    started = time.perf_counter()
    with database.session() as session:
        undo_import(session, batch_id)
    database.close()
    return time.perf_counter() - started


def run_backend(label: str, url: str, path: Path) -> dict[str, int]:
    _full_rebuilds.clear()  # opening the copy built its index: that is not the import's
    load = os.getloadavg()[0]
    first_phases, first, batch = import_once(url, path)
    undo_seconds = undo(url, batch)
    phases, again, _batch = import_once(url, path)
    print(f"\n### {label} (load average {load:.1f} before, {os.getloadavg()[0]:.1f} after)\n")
    print("| phase | first import: wall s | CPU s | again after undo: wall s | CPU s |")
    print("|---|---:|---:|---:|---:|")
    for name, (wall, cpu) in phases.seconds.items():
        first_wall, first_cpu = first_phases.seconds[name]
        print(f"| {name} | {first_wall:.2f} | {first_cpu:.2f} | {wall:.2f} | {cpu:.2f} |")
    (first_wall, first_cpu), (wall, cpu) = first_phases.total(), phases.total()
    print(f"| **end to end** | **{first_wall:.2f}** | **{first_cpu:.2f}** | **{wall:.2f}** | "
          f"**{cpu:.2f}** |")
    print(f"\n- first import: {first}\n- after undo ({undo_seconds:.1f} s), again: {again}")
    print(f"- full index rebuilds: {len(_full_rebuilds)}")
    if first != again:
        raise SystemExit(f"{label}: the import gave other counts after its undo")
    if _full_rebuilds:
        raise SystemExit(f"{label}: the import rebuilt the whole index")
    return first


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, type=Path)
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--postgres", help="a server URL: run there too, on a copy")
    args = parser.parse_args()
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}")
    print("Command: python benchmarks/team_import_benchmark.py " + " ".join(sys.argv[1:]))
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "directory.sqlite3"
        shutil.copy(args.db, copy)
        database = open_database(str(copy))
        path = Path(folder) / "anmeldungen.xlsx"
        make_file(path, args.rows, directory_sample(database))
        database.close()
        print(f"- {args.rows:,} rows into the directory of {args.db.name}")
        counts = {"SQLite": run_backend("SQLite", str(copy), path)}
        if args.postgres:
            started = time.perf_counter()
            url = copy_to_postgres(args.db, args.postgres)
            print(f"\n- copying the directory to PostgreSQL: {time.perf_counter() - started:.0f} s")
            try:
                counts["PostgreSQL"] = run_backend("PostgreSQL", url, path)
            finally:
                drop_postgres(url, args.postgres)
            if counts["SQLite"] != counts["PostgreSQL"]:
                raise SystemExit("The backends matched the rows differently")
    return 0


if __name__ == "__main__":
    sys.exit(main())
