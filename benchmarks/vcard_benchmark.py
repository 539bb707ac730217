"""vCard benchmark: our writer and reader against vobject on the same cards, and a full export.

    python benchmarks/vcard_benchmark.py --db /tmp/defence-dir-bench/search-100000.sqlite3

Cards come from a synthetic directory (benchmarks/search_benchmark.py makes one). Writing means
building and serializing a 3.0 card; reading means parsing the text into fields.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import vobject

from defence_dir.data.database import open_database
from defence_dir.vcard.card_reading import card_draft
from defence_dir.vcard.export import export_persons
from defence_dir.vcard.importer import plan_import
from defence_dir.vcard.reader import read_cards
from defence_dir.vcard.writer import CardData, Profile, card, load_cards

SAMPLE = 20_000


def with_vobject(data: CardData) -> str:
    vcard = vobject.vCard()
    vcard.add("n").value = vobject.vcard.Name(family=data.family_name or "",
                                              given=data.given_name or "",
                                              prefix=[p for p in (data.salutation, data.title)
                                                      if p])
    vcard.add("fn").value = data.display_name
    if data.organisation:
        vcard.add("org").value = [data.organisation]
    if data.function:
        vcard.add("title").value = data.function
    for address, _kind in data.emails:
        email = vcard.add("email")
        email.value, email.type_param = address, "INTERNET"
    for e164, raw, _kind in data.phones:
        vcard.add("tel").value = e164 or raw
    if data.categories:
        vcard.add("categories").value = data.categories
    if data.notes:
        vcard.add("note").value = data.notes
    vcard.add("uid").value = data.uid
    return vcard.serialize()


def export_peak(session: object, ids: list[int], target: Path) -> float:
    tracemalloc.start()
    export_persons(session, ids, Profile.STANDARD, target)  # type: ignore[arg-type]
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f} cards/s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    args = parser.parse_args()
    db = open_database(args.db)
    with db.read_session() as session:
        from sqlalchemy import select

        from defence_dir.data.models import Person

        all_ids = list(session.scalars(select(Person.id).order_by(Person.id)))
        cards = load_cards(session, all_ids[:SAMPLE])
    from importlib.metadata import version

    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, vobject {version('vobject')}")
    print(f"Command: python benchmarks/vcard_benchmark.py --db {args.db}\n")

    started = time.perf_counter()
    ours = "".join(card(c, Profile.STANDARD) for c in cards)
    ours_write = time.perf_counter() - started
    started = time.perf_counter()
    theirs = "".join(with_vobject(c) for c in cards)
    assert theirs.count("BEGIN:VCARD") == len(cards)
    vobject_write = time.perf_counter() - started

    data = ours.encode("utf-8")
    started = time.perf_counter()
    parsed = [card_draft(c, {}) for c in read_cards(data)]
    ours_read = time.perf_counter() - started
    started = time.perf_counter()
    vobject_count = sum(1 for _c in vobject.readComponents(ours))
    vobject_read = time.perf_counter() - started
    assert len(parsed) == vobject_count == len(cards)

    with tempfile.TemporaryDirectory() as folder, db.read_session() as session:
        started = time.perf_counter()
        result = export_persons(session, all_ids, Profile.STANDARD, Path(folder) / "all.vcf")
        export_all = time.perf_counter() - started
        exported = (Path(folder) / "all.vcf").read_bytes()
        started = time.perf_counter()
        export_persons(session, all_ids, Profile.OUTLOOK, Path(folder) / "o.zip")
        outlook = time.perf_counter() - started
        peaks = {n: export_peak(session, all_ids[:n], Path(folder) / f"m{n}.vcf")
                 for n in (len(all_ids) // 10, len(all_ids))}
    started = time.perf_counter()
    with db.read_session() as session:
        plan = plan_import(session, exported, "all.vcf")
    import_plan = time.perf_counter() - started
    unchanged = plan.counts()["unchanged"]

    print(f"| step ({len(cards):,} cards) | defence-dir | vobject 0.9.9 | ratio |")
    print("|---|---:|---:|---:|")
    print(f"| build + serialize 3.0 | {rate(len(cards), ours_write)} | "
          f"{rate(len(cards), vobject_write)} | {vobject_write / ours_write:.1f}× |")
    print(f"| parse (into person fields) | {rate(len(cards), ours_read)} | "
          f"{rate(len(cards), vobject_read)} (components only) | "
          f"{vobject_read / ours_read:.1f}× |")
    size_mb = len(exported) / 1e6
    print(f"\n- export of all {result.cards:,} persons to one .vcf, database to file: "
          f"{export_all:.1f} s = {rate(result.cards, export_all)}, {size_mb:.0f} MB")
    print(f"- Outlook profile, all {result.cards:,} persons as single cards in a .zip: "
          f"{outlook:.1f} s = {rate(result.cards, outlook)}")
    low, high = sorted(peaks)
    print(f"- peak Python memory while exporting (tracemalloc): {low:,} persons "
          f"{peaks[low]:.1f} MB, {high:,} persons {peaks[high]:.1f} MB (streamed in chunks of "
          f"5,000)")
    print(f"- import preview of that file against the same directory (every card matched by "
          f"UID, {unchanged:,} unchanged): {import_plan:.1f} s = "
          f"{rate(len(plan.cards), import_plan)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
