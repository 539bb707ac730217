"""Search benchmark: index build, first-page latency per query class, and a LIKE baseline.

    python benchmarks/search_benchmark.py --persons 10000 100000 1000000 [--data DIR]
    python benchmarks/search_benchmark.py --persons 100000 --url postgresql+psycopg://... --json

For each size it generates a synthetic directory (benchmarks/synthetic_directory.py), times the
index build, then runs a fixed query mix warm (each query 5 times after one untimed run) through
SearchService for the first page of 50 ranked hits, and the same token matching done naively
(`LIKE '%token%'` over the same columns, OR per token, AND over tokens) for comparison.
Prints a Markdown table per size, plus database size and the process's peak memory.

With --url (a PostgreSQL server) the same directory is copied into a new database there (as
benchmarks/vcard_import_benchmark.py does; dropped afterwards), its index built by the server,
and the same mix runs on it too, side by side; every query must give the same hits on both.
With --json the last line is `{"sqlite": {"p95_ms": …}, "postgresql": {"p95_ms": …}}` (first
page, all queries, the last size). The CPU column adds the client's CPU time and, for a local
server, its process's: on a machine busy with other work, that is what a query costs idle.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from postgres_copy import copy_to_postgres, drop_postgres
from sqlalchemy import text
from synthetic_directory import generate

from defence_dir.data.database import open_database
from defence_dir.search.filter_names import filters_from_names
from defence_dir.search.service import SearchFilters, SearchService

REPEAT = 5
# Query classes: (class, query, filters by name). Names come from the generator's word lists.
MIX: list[tuple[str, str, dict[str, str]]] = [
    ("prefix 1-3 letters", "m", {}), ("prefix 1-3 letters", "sc", {}),
    ("prefix 1-3 letters", "kö", {}), ("prefix 1-3 letters", "wei", {}),
    ("full name", "Jürgen Schäfer", {}), ("full name", "Anna Müller", {}),
    ("full name", "Harald Cremer", {}),
    ("umlaut variant", "Juergen Mueller", {}), ("umlaut variant", "Schroder", {}),
    ("umlaut variant", "Koehler", {}),
    ("phonetic", "Kremer", {}), ("phonetic", "Maier", {}), ("phonetic", "Schmit", {}),
    ("typo", "Schnieder", {}), ("typo", "Zimmermnn", {}), ("typo", "Hoffmnan", {}),
    ("phone fragment", "38545917", {}), ("phone fragment", "0211 3854", {}),
    ("phone fragment", "+49 171", {}),
    ("email fragment", "grosch@", {}), ("email fragment", "juergen.schae", {}),
    ("two tokens", "jürgen mül", {}), ("two tokens", "anna sch", {}),
    ("filter only", "", {"network": "AeroSpace.NRW"}),
    ("filter only", "", {"list": "Newsletter 1"}),
    ("filter only", "", {"topic": "Photonik"}),
    ("filter + text", "m", {"list": "Newsletter 2"}),
    ("filter + text", "schäfer", {"event": "Fachforum 1 Düsseldorf"}),
    ("filter + text", "k", {"topic": "Robotik"}),
]
# The naive baseline searches these columns of person and its relations with LIKE '%t%'.
BASELINE_COLUMNS = ("p.given_name", "p.family_name", "p.function", "p.notes", "o.name", "o.city",
                    "e.address", "ph.raw")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


BASELINE_FILTERS = {
    "network": "p.id IN (SELECT person_id FROM network_role WHERE network_id = :f_network)",
    "list": "p.id IN (SELECT person_id FROM list_membership WHERE list_id = :f_list "
            "AND status = 'subscribed')",
    "topic": "p.id IN (SELECT person_id FROM person_topic WHERE topic_id = :f_topic)",
    "event": "p.id IN (SELECT person_id FROM attendance WHERE event_id = :f_event)",
}


def baseline_sql(tokens: int, filters: list[str]) -> str:
    per_token = "(" + " OR ".join(f"{c} LIKE :t{{i}}" for c in BASELINE_COLUMNS) + ")"
    conditions = [per_token.format(i=i) for i in range(tokens)]
    conditions += [BASELINE_FILTERS[name] for name in filters]
    where = " AND ".join(conditions) or "1"
    return ("SELECT DISTINCT p.id, p.family_name, p.given_name FROM person p "
            "LEFT JOIN organisation o ON o.id = p.organisation_id "
            "LEFT JOIN email_address e ON e.person_id = p.id "
            "LEFT JOIN phone_number ph ON ph.person_id = p.id "
            f"WHERE {where} ORDER BY p.family_name, p.given_name LIMIT 50")


def time_mix(db, baseline: bool, persons: int) -> tuple[dict[str, dict[str, list[float]]],
                                          dict[str, list[tuple]]]:
    """Times of the mix per query class, and each query's first page (to compare backends)."""
    service = SearchService(db.read_session)
    rows: dict[str, dict[str, list[float]]] = {}
    answers: dict[str, list[tuple]] = {}
    with db.read_session() as session:
        filters = {q: filters_from_names(session, **f) if f else SearchFilters()
                   for _c, q, f in MIX for q in [q + repr(sorted(f.items()))]}
        server = _backend_pid(session)
    with db.engine.connect() as connection:
        for query_class, query, names in MIX:
            key = query + repr(sorted(names.items()))
            first = service.search(query, filters[key])  # warm: caches and pages
            answers[key] = [(h.kind, h.id, h.rank, h.matched_field) for h in first.hits]
            answers[key].append(("total", first.total, first.total_is_exact))
            times, counted, cpu = [], [], []
            for _ in range(REPEAT):
                c0, s0 = time.process_time(), _cpu_seconds(server)
                t0 = time.perf_counter()
                service.search(query, filters[key], count=False)  # the first page
                times.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0 + _cpu_seconds(server) - s0) * 1000)
                t0 = time.perf_counter()
                service.search(query, filters[key])  # first page and the (capped) total
                counted.append((time.perf_counter() - t0) * 1000)
            base = []
            if baseline:
                tokens = query.split()
                sql = text(baseline_sql(len(tokens), list(names)))
                params: dict[str, object] = {f"t{i}": f"%{t}%" for i, t in enumerate(tokens)}
                for name in names:
                    params[f"f_{name}"] = getattr(filters[key], f"{name}_id")
                connection.execute(sql, params).fetchall()
                for _ in range(2 if persons >= 1_000_000 else REPEAT):
                    t0 = time.perf_counter()
                    connection.execute(sql, params).fetchall()
                    base.append((time.perf_counter() - t0) * 1000)
            entry = rows.setdefault(query_class, {"service": [], "counted": [], "baseline": [],
                                                  "cpu": []})
            entry["service"].extend(times)
            entry["cpu"].extend(cpu)
            entry["counted"].extend(counted)
            entry["baseline"].extend(base)
    return rows, answers


def _backend_pid(session) -> int | None:
    """The PostgreSQL server process serving this (pooled) connection, if it is local."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    pid = session.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
    return pid if Path(f"/proc/{pid}/stat").exists() else None


def _cpu_seconds(pid: int | None) -> float:
    """CPU time a local server process has used, to the nanosecond (its share of a query's
    work: on a busy machine, client plus server CPU is what the query costs when idle)."""
    if pid is None:
        return 0.0
    try:
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9
    except (OSError, ValueError, IndexError):
        return 0.0


def vocabulary_ms(db) -> float:
    """Loading the name vocabulary, as each new process does once (median of 5)."""
    times = []
    for _ in range(5):
        service = SearchService(db.read_session)
        t0 = time.perf_counter()
        service.warm_up()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def run_size(persons: int, data: Path, url: str | None) -> dict[str, object]:
    path = data / f"search-{persons}.sqlite3"
    if path.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    generate(path, persons)
    generated = time.perf_counter() - started
    started = time.perf_counter()
    db = open_database(str(path))  # builds the index: the generator left it unbuilt
    build = time.perf_counter() - started
    with db.read_session() as session:
        documents = session.execute(text("SELECT count(*) FROM search_document")).scalar_one()
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    size_mb = path.stat().st_size / 1e6
    rows, answers = time_mix(db, baseline=True, persons=persons)
    vocabulary = vocabulary_ms(db)
    db.close()
    result: dict[str, object] = {
        "persons": persons, "documents": documents, "generated_s": generated, "build_s": build,
        "size_mb": size_mb, "rows": rows, "vocabulary_ms": vocabulary}
    if url:
        started = time.perf_counter()
        pg_url = copy_to_postgres(path, url)  # builds the server's index on first open
        result["pg_copy_s"] = time.perf_counter() - started
        try:
            pg = open_database(pg_url)
            pg_rows, pg_answers = time_mix(pg, baseline=False, persons=persons)
            result["pg_rows"] = pg_rows
            result["pg_vocabulary_ms"] = vocabulary_ms(pg)
            result["pg_differences"] = [key for key in answers
                                        if answers[key] != pg_answers.get(key)]
            pg.close()
        finally:
            _drop(pg_url, url)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["load"] = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    return result


def _drop(pg_url: str, server_url: str) -> None:
    """Drop the copy; an autovacuum worker still in it (a superuser's process, which the
    benchmark's role may not end) is waited for."""
    from sqlalchemy.exc import DBAPIError

    for attempt in range(30):
        try:
            drop_postgres(pg_url, server_url)
            return
        except DBAPIError:
            if attempt == 29:
                raise
            time.sleep(2)


def _table(rows: dict[str, dict[str, list[float]]], baseline: bool) -> float:
    """The Markdown table of one backend; returns the first-page p95 over all queries."""
    print("| query class | p50 ms | p95 ms | max ms | with total p50/p95 ms | CPU p50 ms "
          + ("| LIKE baseline p50 ms | ratio |" if baseline else "|"))
    print("|---|---:|---:|---:|---:|---:|" + ("---:|---:|" if baseline else ""))
    all_times: list[float] = []
    all_counted: list[float] = []
    all_cpu: list[float] = []
    for query_class, entry in rows.items():
        s, c, b = entry["service"], entry["counted"], entry["baseline"]
        all_times.extend(s)
        all_counted.extend(c)
        all_cpu.extend(entry["cpu"])
        line = (f"| {query_class} | {statistics.median(s):.2f} | {percentile(s, 0.95):.2f} | "
                f"{max(s):.2f} | {statistics.median(c):.2f} / {percentile(c, 0.95):.2f} | "
                f"{statistics.median(entry['cpu']):.1f} |")
        if baseline:
            ratio = statistics.median(b) / statistics.median(s)
            line += f" {statistics.median(b):.1f} | {ratio:.0f}× |"
        print(line)
    print(f"| **all queries** | {statistics.median(all_times):.2f} | "
          f"{percentile(all_times, 0.95):.2f} | {max(all_times):.2f} | "
          f"{statistics.median(all_counted):.2f} / {percentile(all_counted, 0.95):.2f} | "
          f"{statistics.median(all_cpu):.1f} (p95 {percentile(all_cpu, 0.95):.1f}) |"
          + (" | |" if baseline else ""))
    return percentile(all_times, 0.95)


def report(result: dict[str, object]) -> dict[str, dict[str, float]]:
    print(f"\n### {result['persons']:,} persons\n")
    print(f"- index build (first open of the generated file): {result['build_s']:.1f} s for "
          f"{result['documents']:,} documents (generating the data: "
          f"{result['generated_s']:.1f} s)")
    print(f"- database file: {result['size_mb']:.0f} MB; process peak memory: "
          f"{result['peak_mb']:.0f} MB")
    print(f"- name vocabulary, loaded once per process: {result['vocabulary_ms']:.0f} ms")
    print(f"- load average during the run: {result['load']}\n")
    rows = result["rows"]
    assert isinstance(rows, dict)
    figures = {"sqlite": {"p95_ms": round(_table(rows, baseline=True), 2)}}
    if "pg_rows" in result:
        print(f"\nPostgreSQL, the same directory (copied and its index built by the server in "
              f"{result['pg_copy_s']:.0f} s); name vocabulary per process: "
              f"{result['pg_vocabulary_ms']:.0f} ms\n")
        pg_rows = result["pg_rows"]
        assert isinstance(pg_rows, dict)
        figures["postgresql"] = {"p95_ms": round(_table(pg_rows, baseline=False), 2)}
        differences = result["pg_differences"]
        assert isinstance(differences, list)
        print("\nSame hits, order and totals on both backends: "
              + ("yes, every query" if not differences else f"NO: {differences}"))
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--data", type=Path, default=Path("/tmp/defence-dir-bench"))
    parser.add_argument("--url", help="a PostgreSQL server URL: run the mix there too")
    parser.add_argument("--json", action="store_true",
                        help="print the first-page p95 of each backend as JSON, last line")
    args = parser.parse_args()
    args.data.mkdir(parents=True, exist_ok=True)
    print(f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, SQLite "
          f"{__import__('sqlite3').sqlite_version}")
    print(f"Command: python benchmarks/search_benchmark.py --persons "
          f"{' '.join(map(str, args.persons))}" + (" --url URL" if args.url else "")
          + (" --json" if args.json else ""))
    if args.url:
        from sqlalchemy import create_engine
        server = create_engine(args.url)
        with server.connect() as connection:
            print(f"PostgreSQL: {connection.exec_driver_sql('SHOW server_version').scalar()}")
        server.dispose()
    figures: dict[str, dict[str, float]] = {}
    for persons in args.persons:
        figures = report(run_size(persons, args.data, args.url))
        sys.stdout.flush()
    if args.json:
        print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
