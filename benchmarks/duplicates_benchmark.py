"""Duplicate finder benchmark: time, peak memory and precision/recall of planted pairs.

    python benchmarks/duplicates_benchmark.py --persons 100000 [--repeat 5] [--data DIR]
                                              [--url postgresql+psycopg://...]

Makes a synthetic directory with planted duplicates and look-alikes (planted_duplicates.py;
kept in --data for the next run, with its ground truth), opens it once so its search index is
built, then runs the finder `--repeat` times, each in a fresh process: the time of
find_duplicates over the whole directory, the process's peak RSS, and the per-person hint
(duplicates_of for 300 persons). Prints the best and the median, then precision and recall of
the planted pairs per lane, and which lane each kind landed in. With --url (a PostgreSQL
server) the same directory is copied into a new database there (dropped afterwards) and
measured the same way; its groups must be the SQLite file's.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import pickle
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

LANES = ("certain", "likely", "possible")


def _worker(db_path: str, out_path: str, probes: list[int]) -> None:
    """One measurement in this (fresh) process; writes its figures and groups as JSON."""
    from defence_dir.data.database import open_database
    from defence_dir.duplicates.service import duplicates_of, find_duplicates

    started = time.perf_counter()
    db = open_database(db_path)
    opened = time.perf_counter() - started
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    _reset_peak()
    started, cpu = time.perf_counter(), time.process_time()
    groups = find_duplicates(db)
    found, cpu = time.perf_counter() - started, time.process_time() - cpu
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    find_peak = _peak_since_reset()
    hint = []
    for person_id in probes:
        started = time.perf_counter()
        duplicates_of(db, person_id)
        hint.append(time.perf_counter() - started)
    db.close()
    Path(out_path).write_text(json.dumps({
        "open_s": opened, "find_s": found, "cpu_s": cpu, "rss_before_mb": rss_before,
        "peak_rss_mb": rss_after, "find_peak_mb": find_peak, "hint_ms": [h * 1000 for h in hint],
        "groups": [{"ids": list(g.ids), "lane": g.lane.value, "score": g.score}
                   for g in groups]}))


def _reset_peak() -> None:
    """Start the kernel's peak-RSS count (VmHWM) afresh: the finder's peak, not the open's."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _peak_since_reset() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def _directory(persons: int, data: Path) -> tuple[Path, list]:
    from planted_duplicates import planted_directory

    from defence_dir.data.database import open_database

    path = data / f"duplicates-{persons}.sqlite3"
    truth_path = path.with_suffix(".truth.pickle")
    if not (path.exists() and truth_path.exists()):
        path.unlink(missing_ok=True)
        started = time.perf_counter()
        truth = planted_directory(path, persons)
        truth_path.write_bytes(pickle.dumps(truth))
        # The first open builds the search index and the next one still finishes work of
        # its own (360 MB once): both untimed, so a run measures the finder alone.
        open_database(str(path)).close()
        open_database(str(path)).close()
        print(f"generated {path} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return path, pickle.loads(truth_path.read_bytes())


def _quality(groups: list[dict], truth: list) -> tuple[list[str], list[str]]:
    """(per-lane table, per-kind table) as Markdown lines."""
    lane_of: dict[tuple[int, int], str] = {}
    for group in groups:
        ids = sorted(group["ids"])
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                lane_of[a, b] = group["lane"]
    planted = {pair.ids: pair for pair in truth}
    duplicates = [p for p in truth if p.duplicate]
    rows = ["| lane | pairs proposed | of them planted duplicates | precision | recall "
            "(expected in this lane) | recall (this lane or stronger) |",
            "|---|---|---|---|---|---|"]
    for rank, lane in enumerate(LANES):
        proposed = [pair for pair, found in lane_of.items() if found == lane]
        correct = sum(1 for pair in proposed if pair in planted and planted[pair].duplicate)
        expected = [p for p in duplicates if p.expected == lane]
        hit = sum(1 for p in expected if lane_of.get(p.ids) == lane)
        stronger = set(LANES[:rank + 1])
        upto = [p for p in duplicates if p.expected in stronger]
        hit_upto = sum(1 for p in upto if lane_of.get(p.ids) in stronger)
        rows.append(f"| {lane} | {len(proposed)} | {correct} | "
                    f"{_percent(correct, len(proposed))} | {hit}/{len(expected)} "
                    f"({_percent(hit, len(expected))}) | {hit_upto}/{len(upto)} "
                    f"({_percent(hit_upto, len(upto))}) |")
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    expected_of: dict[str, str] = {}
    for pair in truth:
        kinds[pair.kind][lane_of.get(pair.ids, "none")] += 1
        expected_of[pair.kind] = pair.expected
    table = ["| kind | expected | certain | likely | possible | not proposed |",
             "|---|---|---|---|---|---|"]
    for kind, counts in kinds.items():
        table.append(f"| {kind} | {expected_of[kind]} | " + " | ".join(
            str(counts[lane]) for lane in (*LANES, "none")) + " |")
    return rows, table


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "–"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--url", help="a PostgreSQL server to measure on as well")
    parser.add_argument("--worker", nargs=3, metavar=("DB", "OUT", "PROBES"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        db_path, out_path, probes = args.worker
        _worker(db_path, out_path, json.loads(probes))
        return 0
    path, truth = _directory(args.persons, args.data)
    probes = sorted({p.first for p in truth})[:300]
    runs = _measure(str(path), probes, args.repeat)
    _report(args, truth, runs, "SQLite")
    if args.url:
        from postgres_copy import copy_to_postgres, drop_postgres

        url = copy_to_postgres(path, args.url, prefix="dups", build_index=False)
        try:
            server_runs = _measure(url, probes, args.repeat)
        finally:
            drop_postgres(url, args.url)
        print()
        _report(args, truth, server_runs, "PostgreSQL")
        same = server_runs[0]["groups"] == runs[0]["groups"]
        print(f"\nthe same groups as on SQLite: {'yes' if same else 'NO'}")
    return 0


def _measure(target: str, probes: list[int], repeat: int) -> list[dict]:
    runs = []
    with tempfile.TemporaryDirectory() as folder:
        for index in range(repeat):
            out = Path(folder) / f"run{index}.json"
            env = {**os.environ, "PYTHONPATH": os.pathsep.join(
                [str(Path(__file__).resolve().parents[1]), os.environ.get("PYTHONPATH", "")])}
            subprocess.run([sys.executable, __file__, "--worker", target, str(out),
                            json.dumps(probes)], check=True, env=env)
            runs.append(json.loads(out.read_text()))
            print(f"run {index + 1}: find {runs[-1]['find_s']:.2f} s (CPU "
                  f"{runs[-1]['cpu_s']:.2f} s), peak RSS "
                  f"{runs[-1]['peak_rss_mb']:.0f} MB", file=sys.stderr)
    return runs


def _report(args: argparse.Namespace, truth: list, runs: list[dict], backend: str) -> None:
    print(f"### {backend}\n")
    find = [r["find_s"] for r in runs]
    cpu = [r["cpu_s"] for r in runs]
    rss = [r["peak_rss_mb"] for r in runs]
    before = [r["rss_before_mb"] for r in runs]
    hints = [statistics.median(r["hint_ms"]) for r in runs]
    hints95 = [sorted(r["hint_ms"])[int(0.95 * len(r["hint_ms"]))] for r in runs]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, load average {os.getloadavg()[0]:.2f} at the end")
    print(f"persons: {args.persons} plus {len({i for p in truth for i in p.ids})} planted and "
          f"originals among them; runs: {args.repeat}, each in a fresh process\n")
    print("| figure | best | median |\n|---|---|---|")
    print(f"| find_duplicates, whole directory | {min(find):.2f} s | "
          f"{statistics.median(find):.2f} s |")
    print(f"| its CPU time (what it costs on an idle machine) | {min(cpu):.2f} s | "
          f"{statistics.median(cpu):.2f} s |")
    print(f"| peak RSS of the process | {min(rss):.0f} MB | {statistics.median(rss):.0f} MB |")
    peaks = [r["find_peak_mb"] for r in runs]
    print(f"| peak RSS while finding (kernel's VmHWM, reset after opening) | {min(peaks):.0f} MB"
          f" | {statistics.median(peaks):.0f} MB |")
    print(f"| RSS after opening, before finding | {min(before):.0f} MB | "
          f"{statistics.median(before):.0f} MB |")
    print(f"| duplicates_of, median of 300 persons | {min(hints):.1f} ms | "
          f"{statistics.median(hints):.1f} ms |")
    print(f"| duplicates_of, 95th percentile | {min(hints95):.1f} ms | "
          f"{statistics.median(hints95):.1f} ms |")
    print(f"\ngroups: {len(runs[0]['groups'])} ("
          + ", ".join(f"{lane} {sum(1 for g in runs[0]['groups'] if g['lane'] == lane)}"
                      for lane in LANES) + ")\n")
    lanes, kinds = _quality(runs[0]["groups"], truth)
    print("\n".join(lanes))
    print()
    print("\n".join(kinds))


if __name__ == "__main__":
    sys.exit(main())
