"""vCard reading benchmark: one long folded NOTE of 1 to 49 MB, and an iPhone export of 300
contacts with a ~100 KB photo each, read, previewed and imported into a new directory.

    python benchmarks/vcard_reading_benchmark.py [--sizes 1 2 4 8 16 49] [--contacts 300]

Each case runs in its own process, so its peak RSS is its own. Reading used to copy the whole
value for every continuation line (4 MB: 51.6 s); it must grow linearly with the file.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

MB = 1024 * 1024


def folded_note(megabytes: int) -> bytes:
    from defence_dir.vcard.text import escape, fold

    sentence = "Gesprächsnotiz von der Messe: Radar, Sensorik; Folgetermin im März. "
    # Sized so the file, with its escapes, umlauts and folds, is `megabytes` MB.
    per_char = len(fold(escape(sentence * 20)).encode()) / len(sentence * 20)
    characters = int(megabytes * MB / per_char)
    note = (sentence * (characters // len(sentence) + 1))[:characters]
    return ("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lang;Lina;;;\r\nFN:Lina Lang\r\n"
            "EMAIL:lina.lang@example.org\r\n" + fold("NOTE:" + escape(note))
            + "\r\nEND:VCARD\r\n").encode()


def iphone_export(contacts: int) -> bytes:
    """As iOS 17 writes a "share all contacts" file: 3.0, CRLF, photos folded at 75 octets."""
    from defence_dir.vcard.text import fold

    rng = random.Random(14)
    given = ["Jürgen", "Anna-Lena", "Zoë", "Ayşe", "Łukasz", "Sören", "Marie", "Paul"]
    family = ["Müller", "Schäfer", "Yılmaz", "Nowak", "Weiß", "Groß", "Becker", "Klein"]
    cards = []
    for number in range(contacts):
        first, last = rng.choice(given), rng.choice(family)
        photo = base64.b64encode(rng.randbytes(100_000)).decode()
        cards.append(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//iPhone OS 17.1.2//EN\r\n"
            f"N:{last};{first};;;\r\nFN:{first} {last}\r\nORG:Firma {number};\r\n"
            f"EMAIL;type=INTERNET;type=WORK;type=pref:p{number}@example.org\r\n"
            f"TEL;type=CELL;type=VOICE;type=pref:+49 171 {5550000 + number}\r\n"
            + fold("PHOTO;ENCODING=b;TYPE=JPEG:" + photo) + "\r\nEND:VCARD\r\n")
    return "".join(cards).encode()


def run_case(case: str, value: int) -> dict[str, float]:
    """Time reading, preview and import; the peak Python memory of reading on its own."""
    from defence_dir.data.database import open_database
    from defence_dir.vcard.importer import apply_import, plan_import
    from defence_dir.vcard.reader import read_cards

    data = folded_note(value) if case == "note" else iphone_export(value)
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    cards = read_cards(data)
    read = time.perf_counter() - started
    del cards
    tracemalloc.start()
    cards = read_cards(data)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del cards
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(str(Path(folder) / "d.sqlite3"))
        try:
            with database.session() as session:
                started = time.perf_counter()
                plan = plan_import(session, data, "export.vcf")
                preview = time.perf_counter() - started
                started = time.perf_counter()
                apply_import(session, plan)
                applied = time.perf_counter() - started
        finally:
            database.close()
    counts = plan.counts()
    return {"size": len(data) / MB, "read": read, "peak": peak / MB, "preview": preview,
            "apply": applied, "new": counts["new"], "invalid": counts["invalid"],
            "warned": sum(1 for c in plan.cards if c.warnings), "baseline": baseline,
            "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def child(case: str, value: int) -> dict[str, float] | str:
    done = subprocess.run([sys.executable, __file__, "--case", case, str(value)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return done.stderr.strip().splitlines()[-1] if done.stderr else f"exit {done.returncode}"
    return json.loads(done.stdout)


def row(label: str, result: dict[str, float] | str) -> str:
    if isinstance(result, str):
        return f"| {label} | failed: {result} |"
    return (f"| {label} | {result['size']:.1f} MB | {result['read']:.2f} s | "
            f"{result['peak']:.0f} MB ({result['peak'] / result['size']:.1f}×) | "
            f"{result['preview']:.2f} s | {result['apply']:.2f} s | "
            f"{result['rss']:.0f} MB ({result['baseline']:.0f} MB before) | "
            f"{result['new']:.0f} new, {result['warned']:.0f} with a warning |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1, 2, 4, 8, 16, 49])
    parser.add_argument("--contacts", type=int, default=300)
    parser.add_argument("--case", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case[0], int(args.case[1]))))
        return 0
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}")
    print(f"Command: python benchmarks/vcard_reading_benchmark.py --sizes "
          f"{' '.join(map(str, args.sizes))} --contacts {args.contacts}\n")
    print("| file | size | read | peak Python memory, reading | preview (read + plan) | "
          "import (write) | peak RSS of the process | cards |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for size in args.sizes:
        print(row(f"one card, folded NOTE of {size} MB", child("note", size)), flush=True)
    print(row(f"iPhone export, {args.contacts} contacts with a 100 KB photo each",
              child("iphone", args.contacts)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
