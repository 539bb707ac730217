"""vCard import benchmark: 100,000 cards into a 100,000-person directory, end to end (read,
plan, write, commit), once as new people and once as the directory's own people again.

    python benchmarks/vcard_import_benchmark.py --db /tmp/defence-dir-bench/vcard-dir-100000.sqlite3
    python benchmarks/vcard_import_benchmark.py --db ... --postgres postgresql+psycopg://...

The directory comes from `benchmarks/synthetic_directory.py --persons 100000` (its index
built); it is copied first, so the original stays untouched. With --postgres the directory is
copied into a new database on that server instead. Each run is a child process of its own, so
its peak memory is its own. Cards are 3.0 (80%), 2.1 with quoted-printable Windows-1252
(10%) and 4.0 (10%), as Outlook, Apple and Google write them. Matched cards find their person
by UID (half) or by email (the other half, without UID); some bring a new phone or function.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import quopri
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, func, select

from defence_dir.data.database import open_database

sys.path.insert(0, str(Path(__file__).resolve().parent))
from postgres_copy import copy_to_postgres, drop_postgres

from defence_dir.data.models import (
    EmailAddress,
    Organisation,
    Person,
    PhoneNumber,
    Topic,
    person_topic,
)

GIVEN = "Anna Jörg Özlem Björn Jürgen Sören Lena Paul Ayşe Łukasz Renée Klaus Zoë".split()
FAMILY = "Schäfer Müller Weiß Groß Krüger Yılmaz Nowak Köhler Brandt Vogt Zimmermann".split()
TITLES = (None, None, None, "Dr.", "Prof. Dr.-Ing.")
FUNCTIONS = ("Geschäftsführerin", "Leiter Vertrieb", "Projektleiterin", "Referent", None)
CITIES = (("Düsseldorf", "40210"), ("Köln", "50667"), ("Essen", "45127"), ("Münster", "48143"))


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;") \
        .replace("\n", "\\n")


def _fold(line: str) -> str:
    """RFC 6350 folding at 75 octets (never inside a UTF-8 sequence)."""
    out, current = [], ""
    for char in line:
        if len((current + char).encode()) > 75:
            out.append(current)
            current = " "
        current += char
    out.append(current)
    return "\r\n".join(out)


def card_text(version: str, person: dict) -> bytes:
    """One card as the tool of that version would write it."""
    given, family = person["given"] or "", person["family"] or ""
    title = person.get("title") or ""
    fn = " ".join(x for x in (title, given, family) if x)
    if version == "2.1":  # Outlook: quoted-printable Windows-1252 for non-ASCII values
        def qp(name: str, value: str) -> str:
            if value.isascii():
                return f"{name}:{value}"
            encoded = quopri.encodestring(value.encode("cp1252", "replace")).decode()
            return f"{name};CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:{encoded}"
        lines = ["BEGIN:VCARD", "VERSION:2.1", qp("N", f"{family};{given};;{title};"),
                 qp("FN", fn)]
        if person.get("organisation"):
            lines.append(qp("ORG", person["organisation"]))
        if person.get("function"):
            lines.append(qp("TITLE", person["function"]))
        lines += [f"TEL;{'CELL' if kind == 'cell' else 'WORK;VOICE'}:{raw}"
                  for raw, kind in person["phones"]]
        lines += [f"EMAIL;PREF;INTERNET:{address}" for address in person["emails"]]
        if person.get("city"):
            lines.append(qp("ADR;WORK", f";;Hauptstraße 1;{person['city'][0]};;"
                                        f"{person['city'][1]};Deutschland"))
        if person.get("categories"):
            lines.append(qp("CATEGORIES", ",".join(person["categories"])))
        lines.append("END:VCARD")
        return ("\r\n".join(lines) + "\r\n").encode("cp1252", "replace")
    lines = ["BEGIN:VCARD", f"VERSION:{version}", f"N:{_escape(family)};{_escape(given)};;"
             f"{_escape(title)};", f"FN:{_escape(fn)}"]
    if person.get("organisation"):
        lines.append(f"ORG:{_escape(person['organisation'])}")
    if person.get("function"):
        lines.append(f"TITLE:{_escape(person['function'])}")
    for address in person["emails"]:
        lines.append(f"EMAIL;TYPE=work:{address}" if version == "4.0"
                     else f"EMAIL;type=INTERNET;type=WORK;type=pref:{address}")
    for raw, kind in person["phones"]:
        kind_word = "cell" if kind == "cell" else "work"
        lines.append(f"TEL;VALUE=uri;TYPE={kind_word}:tel:{raw.replace(' ', '-')}"
                     if version == "4.0" else f"TEL;type={kind_word.upper()};type=VOICE:{raw}")
    if person.get("city"):
        city, code = person["city"]
        lines.append(f"item1.ADR;type=WORK:;;Hauptstraße 1;{city};;{code};Deutschland")
    if person.get("notes"):
        lines.append(_fold(f"NOTE:{_escape(person['notes'])}"))
    if person.get("categories"):
        lines.append(f"CATEGORIES:{','.join(_escape(c) for c in person['categories'])}")
    if person.get("uid"):
        lines.append(f"UID:urn:uuid:{person['uid']}" if version == "4.0"
                     else f"UID:{person['uid']}")
    lines.append("END:VCARD")
    return ("\r\n".join(_fold(line) if not line.startswith("NOTE") else line
                        for line in lines) + "\r\n").encode()


def _version(rng: random.Random) -> str:
    roll = rng.random()
    return "2.1" if roll < 0.1 else "4.0" if roll < 0.2 else "3.0"


def new_cards(count: int, topics: list[str], seed: int = 11) -> bytes:
    """People not in the directory: unique addresses, organisations new and known."""
    rng = random.Random(seed)
    parts = []
    for i in range(count):
        given, family = rng.choice(GIVEN), f"{rng.choice(FAMILY)}{i}"
        phones = [(f"0211 555{i % 100000:05d}", "work")]
        if rng.random() < 0.4:
            phones.append((f"0171 {5500000 + i % 100000:07d}", "cell"))
        person = {"given": given, "family": family, "title": rng.choice(TITLES),
                  "organisation": f"Karten-Firma {i % 800} GmbH", "function":
                  rng.choice(FUNCTIONS), "emails": [f"karte{i}@kartenfirma{i % 800}.example"],
                  "phones": phones, "city": rng.choice(CITIES),
                  "notes": "Kontakt über Messe; " + "Gespräch über Kooperation, " * (i % 4)
                  if i % 3 == 0 else None,
                  "categories": rng.sample(topics, rng.choice((0, 1, 1, 2))) + (
                      ["Kunde"] if i % 5 == 0 else []),
                  "uid": str(uuid.UUID(int=rng.getrandbits(128)))}
        parts.append(card_text(_version(rng), person))
    return b"".join(parts)


def matched_cards(count: int, db_url: str, topics: list[str], seed: int = 12) -> bytes:
    """The directory's own persons again: half by UID, half (without UID) by email; some
    bring a function they lacked or a new mobile number."""
    rng = random.Random(seed)
    engine = create_engine(db_url)
    with engine.connect() as connection:
        persons = {pid: {"uid": uid, "title": title, "given": given, "family": family,
                         "function": function, "organisation": org, "emails": [],
                         "phones": [], "categories": []}
                   for pid, uid, title, given, family, function, org in connection.execute(
                       select(Person.id, Person.uid, Person.title, Person.given_name,
                              Person.family_name, Person.function, Organisation.name)
                       .outerjoin(Organisation, Person.organisation_id == Organisation.id)
                       .order_by(Person.id).limit(count))}
        for pid, address in connection.execute(select(EmailAddress.person_id,
                                                      EmailAddress.address)):
            if pid in persons:
                persons[pid]["emails"].append(address)
        for pid, raw, kind in connection.execute(select(PhoneNumber.person_id,
                                                        PhoneNumber.raw, PhoneNumber.kind)):
            if pid in persons:
                persons[pid]["phones"].append((raw, kind))
        for pid, name in connection.execute(select(person_topic.c.person_id, Topic.name)
                                            .join(Topic)):
            if pid in persons:
                persons[pid]["categories"].append(name)
    engine.dispose()
    parts = []
    for i, person in enumerate(persons.values()):
        if i % 2 or not person["emails"]:
            pass  # by UID
        else:
            person["uid"] = None  # by email
        if not person["function"] and rng.random() < 0.5:
            person["function"] = rng.choice(FUNCTIONS[:-1])
        if rng.random() < 0.2:
            person["phones"].append((f"0172 {4400000 + i:07d}", "cell"))
        if rng.random() < 0.1:
            person["categories"].append(rng.choice(topics))
        parts.append(card_text(_version(rng), person))
    return b"".join(parts)


def make_file(kind: str, vcf: Path, db: Path, cards: int) -> None:
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as connection:
        topics = list(connection.scalars(select(Topic.name)))
    engine.dispose()
    vcf.write_bytes(new_cards(cards, topics) if kind == "new" else
                    matched_cards(cards, f"sqlite:///{db}", topics))


def resident_peak_mb() -> float:
    """This process's peak resident memory since `reset_resident_peak` (VmHWM)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_resident_peak() -> None:
    """A child starts with its parent's peak (Linux keeps it across fork and exec)."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def run_once(db_url: str, vcf: Path) -> dict:
    """One import, timed by phase, in this (child) process."""
    reset_resident_peak()
    from defence_dir.imports.undo import undo_import
    from defence_dir.vcard.importer import apply_import, plan_import

    database = open_database(db_url)
    with database.read_session() as session:
        persons_before = session.scalar(select(func.count()).select_from(Person))
    rss_before = resident_peak_mb()
    phases: dict[str, float] = {}
    started = time.perf_counter()
    data = vcf.read_bytes()
    with database.session() as session:  # as the CLI does: plan and write in one session
        plan = plan_import(session, data, vcf.name)
        phases["read and plan"] = time.perf_counter() - started
        del data
        started = time.perf_counter()
        result = apply_import(session, plan)
        phases["write, record for undo, index"] = time.perf_counter() - started
        started = time.perf_counter()
    phases["commit"] = time.perf_counter() - started
    peak = resident_peak_mb()
    counts = plan.counts()
    warnings = sum(bool(c.warnings) for c in plan.cards)
    del plan
    with database.read_session() as session:
        persons_after = session.scalar(select(func.count()).select_from(Person))
    started = time.perf_counter()
    with database.session() as session:
        undone = undo_import(session, result.batch_id)
    undo_seconds = time.perf_counter() - started
    database.close()
    return {"phases": phases, "counts": counts, "warnings": warnings, "peak_mb": peak,
            "rss_before_mb": rss_before, "persons_before": persons_before,
            "persons_after": persons_after, "undo_s": undo_seconds, "undone": undone}


def report(label: str, cards: int, size: float, result: dict) -> None:
    total = sum(result["phases"].values())
    print(f"\n### {label}: {cards:,} cards ({size:.1f} MB)\n")
    print("| phase | seconds |")
    print("|---|---:|")
    for name, seconds in result["phases"].items():
        print(f"| {name} | {seconds:.1f} |")
    print(f"| **end to end** | **{total:.1f}** ({cards / total:,.0f} cards/s) |")
    print(f"\n- cards: {result['counts']}; with a warning: {result['warnings']:,}")
    print(f"- persons {result['persons_before']:,} → {result['persons_after']:,}")
    print(f"- process peak memory {result['peak_mb']:.0f} MB (after opening the database: "
          f"{result['rss_before_mb']:.0f} MB)")
    print(f"- undo: {result['undo_s']:.1f} s ({result['undone']})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, type=Path)
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--postgres", help="a server URL: run on a copy there instead")
    parser.add_argument("--only", choices=("new", "matched"))
    parser.add_argument("--child", nargs=2, metavar=("URL", "VCF"), help=argparse.SUPPRESS)
    parser.add_argument("--make", nargs=2, metavar=("KIND", "VCF"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_once(args.child[0], Path(args.child[1]))))
        return 0
    if args.make:
        make_file(args.make[0], Path(args.make[1]), args.db, args.cards)
        return 0
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}")
    print("Command: python benchmarks/vcard_import_benchmark.py " + " ".join(sys.argv[1:]))
    with tempfile.TemporaryDirectory(dir="/tmp/defence-dir-bench") as folder:
        files = {}
        for kind in ("new", "matched"):
            if args.only and kind != args.only:
                continue
            started = time.perf_counter()
            vcf = Path(folder) / f"{kind}.vcf"
            subprocess.run([sys.executable, __file__, "--db", str(args.db), "--cards",
                            str(args.cards), "--make", kind, str(vcf)], check=True)
            files[kind] = vcf
            print(f"- generating {kind}.vcf: {time.perf_counter() - started:.1f} s")
        for kind, vcf in files.items():
            if args.postgres:
                started = time.perf_counter()
                url = copy_to_postgres(args.db, args.postgres)
                print(f"- copying the directory to PostgreSQL: "
                      f"{time.perf_counter() - started:.0f} s")
            else:
                copy = Path(folder) / "directory.sqlite3"
                shutil.copy(args.db, copy)
                url = str(copy)
            try:
                child = subprocess.run([sys.executable, __file__, "--db", str(args.db),
                                        "--child", url, str(vcf)],
                                       capture_output=True, text=True, check=False)
                if child.returncode != 0:
                    print(child.stderr, file=sys.stderr)
                    return 1
                result = json.loads(child.stdout.strip().splitlines()[-1])
            finally:
                if args.postgres:
                    drop_postgres(url, args.postgres)
            backend = "PostgreSQL" if args.postgres else "SQLite"
            report(f"{kind} cards, {backend}", args.cards, vcf.stat().st_size / 1e6, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
