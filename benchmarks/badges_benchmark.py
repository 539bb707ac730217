"""Event-day benchmark: badges for 1,000 attendees (time, peak memory) and check-in at the door
in a large directory; also renders the event-day screenshots.

    python benchmarks/synthetic_directory.py --persons 100000 --db /tmp/dir-100k.sqlite3
    python benchmarks/badges_benchmark.py --db /tmp/dir-100k.sqlite3 [--attendees 1000]
    python benchmarks/badges_benchmark.py --screenshots docs/screenshots

The badges are written in a child process of its own, so that its peak RSS is the export's
alone (the QR-code workers' peak is reported beside it). Check-in times are the core's
(`check_in`, scan text to the new headcount, one transaction each), undone after each scan.
The project's modules are imported inside the functions: the QR-code workers are spawned
processes, which import this script again, and should weigh what they would in the app.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from defence_dir.data.database import Database

EVENT = "Benchmark: Kick-off DEFENCE.NRW"


def _event_with_attendees(db: Database, count: int) -> int:
    from sqlalchemy import select

    from defence_dir.data.models import AttendanceStatus, Event, Person
    from defence_dir.lists.consent import set_attendance

    with db.session() as session:
        event = session.scalars(select(Event).where(Event.name == EVENT)).first()
        if event is None:
            event = Event(name=EVENT, city="Düsseldorf", starts_on=date(2026, 3, 12))
            session.add(event)
            session.flush()
            ids = list(session.scalars(select(Person.id)))
            chosen = random.Random(7).sample(ids, count)
            set_attendance(session, event.id, chosen, AttendanceStatus.REGISTERED)
        return event.id


def _write_badges(db_path: str, event_id: int, target: Path) -> None:
    """The child: write the badges, print seconds and peak RSS as JSON."""
    from defence_dir.data.database import open_database
    from defence_dir.eventday.service import export_badges

    db = open_database(db_path)
    started = time.perf_counter()
    count = export_badges(db, event_id, target)
    seconds = time.perf_counter() - started
    db.close()
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({
        "badges": count, "seconds": round(seconds, 2),
        # CPU seconds tell the work apart from a busy machine's waiting.
        "cpu_s": round(own.ru_utime + own.ru_stime, 2),
        "workers_cpu_s": round(workers.ru_utime + workers.ru_stime, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "workers_peak_rss_mb": round(
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
        "pdf_mb": round(target.stat().st_size / 1e6, 1),
    }))


def _percentiles(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(len(ordered) * 0.95))]
    return (f"median {statistics.median(ordered) * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms, "
            f"max {ordered[-1] * 1000:.2f} ms")


def _check_ins(db: Database, event_id: int, scans: int) -> None:
    from sqlalchemy import select

    from defence_dir.data.models import Person
    from defence_dir.eventday.badge_cards import badge_cards
    from defence_dir.eventday.service import CheckinOutcome, check_in, headcount, undo_check_in

    with db.read_session() as session:
        ids = list(session.scalars(select(Person.id).join(Person.attendances)
                                   .where(Person.attendances.any(event_id=event_id))))
        persons = db_persons = random.Random(3).sample(ids, min(scans, len(ids)))
        cards = badge_cards(session, persons)
        names = {p.id: p.display_name for p in session.scalars(
            select(Person).where(Person.id.in_(db_persons)))}
    by_card: list[float] = []
    by_name: list[float] = []
    cpu_card: list[float] = []
    cpu_name: list[float] = []
    outcomes: dict[str, int] = {}
    for person_id in persons:
        for text, times, cpu in ((cards[person_id], by_card, cpu_card),
                                 (names[person_id], by_name, cpu_name)):
            started, started_cpu = time.perf_counter(), time.process_time()
            result = check_in(db, event_id, text)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
            outcomes[result.outcome.value] = outcomes.get(result.outcome.value, 0) + 1
            if result.outcome is CheckinOutcome.CHECKED_IN:
                undo_check_in(db, event_id, person_id, result.previous_status)
    counts: list[float] = []
    for _ in range(100):
        started = time.perf_counter()
        headcount(db, event_id)
        counts.append(time.perf_counter() - started)
    print(f"check-in, badge vCard scanned ({len(by_card)}): {_percentiles(by_card)}")
    print(f"  the same in CPU time (this process, SQLite included): {_percentiles(cpu_card)}")
    print(f"check-in, name typed ({len(by_name)}): {_percentiles(by_name)}")
    print(f"  the same in CPU time: {_percentiles(cpu_name)}")
    print(f"headcount alone: {_percentiles(counts)}")
    print(f"outcomes: {outcomes}")


def _screenshots(folder: Path) -> None:
    """Page 1 of a badge sheet and of a sign-in sheet for realistic attendees, as PNG."""
    import pypdfium2
    from sqlalchemy import select

    from defence_dir.data.database import open_database
    from defence_dir.data.models import AttendanceStatus, Event, Network, NetworkRole
    from defence_dir.eventday.service import export_attendee_list, export_badges
    from defence_dir.lists.consent import set_attendance
    from defence_dir.records.organisations import OrganisationDraft
    from defence_dir.records.persons import EmailDraft, PersonDraft
    from defence_dir.records.service import create_organisation, create_person

    with tempfile.TemporaryDirectory() as work:
        db = open_database(str(Path(work) / "shots.sqlite3"))
        orgs = {name: create_organisation(db, OrganisationDraft(name=name)).id for name in (
            "Rheinmetall AG",
            "Fraunhofer-Institut für Kommunikation, Informationsverarbeitung und Ergonomie "
            "FKIE – Abteilung Sensordatenfusion und Informationsauswertung",
            "Deutsches Zentrum für Luft- und Raumfahrt e. V. (DLR), Institut für Flugführung",
            "Hensoldt Sensors GmbH", "Bergische Universität Wuppertal",
            "Diehl Defence GmbH & Co. KG")}
        people = [
            ("Prof. Dr.-Ing.", "Jürgen", "Müller-Lüdenscheidt", "Head of Defence Sales",
             "Rheinmetall AG"),
            ("Dr.", "Ayşe", "Öztürk", "Leiterin Geschäftsfeld Verteidigung",
             "Fraunhofer-Institut für Kommunikation, Informationsverarbeitung und Ergonomie "
             "FKIE – Abteilung Sensordatenfusion und Informationsauswertung"),
            (None, "Łukasz", "Abel", "Projektleiter Unbemannte Systeme 🚁",
             "Deutsches Zentrum für Luft- und Raumfahrt e. V. (DLR), Institut für "
             "Flugführung"),
            (None, "Søren", "Østergaard", "Key Account Manager", "Hensoldt Sensors GmbH"),
            ("Dr.", "Bärbel", "Schäfer", "Wissenschaftliche Mitarbeiterin",
             "Bergische Universität Wuppertal"),
            (None, "Çağla", "Strauß", "Geschäftsführerin", "Diehl Defence GmbH & Co. KG"),
            ("Dipl.-Ing.", "Hans-Peter", "Kowalski", None, "Rheinmetall AG"),
            ("Dr.", "Marie-Christine", "von Hohenzollern-Sigmaringen",
             "Abteilungsleiterin Forschung und Entwicklung", "Hensoldt Sensors GmbH"),
        ]
        people += [(None, given, family, None, org) for given, family, org in (
            ("Tim", "Zimmermann", "Rheinmetall AG"), ("Lea", "Yılmaz", "Hensoldt Sensors GmbH"),
            ("Uwe", "Groß", "Bergische Universität Wuppertal"),
            ("Petra", "Krämer", "Diehl Defence GmbH & Co. KG"))]
        ids = []
        for title, given, family, function, org in people:
            local = f"{given}.{family}".lower().replace(" ", "")
            ids.append(create_person(db, PersonDraft(
                title=title, given_name=given, family_name=family, function=function,
                organisation_id=orgs[org],
                emails=[EmailDraft(f"{local.encode('ascii', 'ignore').decode()}@example.de")])))
        with db.session() as session:
            event = Event(name="Kick-off: High-Tech aus NRW für die Sicherheits- und "
                          "Verteidigungsindustrie", city="Düsseldorf",
                          starts_on=date(2026, 3, 12))
            session.add(event)
            session.flush()
            set_attendance(session, event.id, ids, AttendanceStatus.REGISTERED)
            networks = {n.name: n.id for n in session.scalars(select(Network))}
            for index, person_id in enumerate(ids):
                name = ("NMWP.NRW", "AeroSpace.NRW", "ZENIT GmbH")[index % 3]
                session.add(NetworkRole(person_id=person_id, network_id=networks[name],
                                        role="Mitglied"))
            event_id = event.id
        for name, write in (
                ("badges-a4-8", lambda p: export_badges(db, event_id, p, crop_marks=True)),
                ("sign-in-sheet", lambda p: export_attendee_list(db, event_id, p,
                                                                 sign_in=True))):
            pdf = Path(work) / f"{name}.pdf"
            write(pdf)
            document = pypdfium2.PdfDocument(str(pdf))
            document[0].render(scale=1.6).to_pil().save(folder / f"{name}.png")
            document.close()
            print(f"{folder / name}.png")
        db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db")
    parser.add_argument("--attendees", type=int, default=1000)
    parser.add_argument("--scans", type=int, default=300)
    parser.add_argument("--screenshots", type=Path)
    parser.add_argument("--write-badges", type=Path, help=argparse.SUPPRESS)  # the child
    parser.add_argument("--event-id", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.screenshots:
        _screenshots(args.screenshots)
        return 0
    if args.write_badges:
        _write_badges(args.db, args.event_id, args.write_badges)
        return 0
    if not args.db:
        parser.error("--db or --screenshots is needed")
    from defence_dir.data.database import open_database
    from defence_dir.data.models import Person
    from defence_dir.eventday.service import headcount

    print(f"machine: {platform.platform()}, {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load {os.getloadavg()[0]:.1f}")
    db = open_database(args.db)
    with db.read_session() as session:
        persons = session.query(Person).count()
    event_id = _event_with_attendees(db, args.attendees)
    print(f"directory: {persons} persons; event: {headcount(db, event_id).expected} expected")
    with tempfile.TemporaryDirectory() as work:
        child = subprocess.run(
            [sys.executable, __file__, "--db", args.db, "--event-id", str(event_id),
             "--write-badges", str(Path(work) / "badges.pdf")],
            check=True, capture_output=True, text=True)
        print(f"badges: {child.stdout.strip()}")
    _check_ins(db, event_id, args.scans)
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
