"""Team load test: several colleagues at once on one PostgreSQL team database.

    python benchmarks/team_load_test.py --db /tmp/dir-20k.sqlite3 \
        --postgres postgresql+psycopg://user:pw@127.0.0.1/postgres [--clients 8] [--seconds 60]

The directory (from benchmarks/synthetic_directory.py, its index built) is copied into a new
database on the server. Then --clients processes work on it at once for --seconds, each through
the services the window uses: search as you type (SearchService), edit a person (read it,
think, save with the version it was read at: persons.update_person), import a small
spreadsheet (plan in a read session, write in its own, like the wizard) or a few vCards, and
undo one of its own imports. Edits go to a small set of "hot" persons, and imports update some
of them, so colleagues collide on purpose.

Afterwards it checks and prints: every acknowledged edit is in the database (each hot person
holds the text of its newest acknowledged edit); no two acknowledged saves produced the same
version of a person (no lost update); every import that was acknowledged and not undone still
has its persons, every undone or refused one has none; every refusal was one of the expected
message classes, never an internal error; the search index equals a rebuild of it from the
records, in alphabetical id order. The exit status is 0 only when all of that holds.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import multiprocessing
import os
import platform
import random
import sys
import tempfile
import time
import traceback
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from sqlalchemy import func, make_url, select

sys.path.insert(0, str(Path(__file__).resolve().parent))
from postgres_copy import copy_to_postgres, drop_postgres
from synthetic_directory import FAMILY, GIVEN

from defence_dir.data.database import open_database
from defence_dir.data.models import EmailAddress, ImportBatch, Person, SearchDocument

HOT_PERSONS = 12  # few enough that colleagues edit the same person now and then
QUERIES = ("müller", "schmi", "jürgen", "dr schäfer", "köln", "mei", "web", "koch essen",
           "sophie", "dortmund", "leiter", "schnitz", "anna w", "0211", "gmbh", "b")
# Operation mix per client: mostly searching and editing, now and then an import or an undo.
MIX = (("search", 45), ("edit", 35), ("import_sheet", 7), ("import_vcard", 7), ("undo", 6))


def refusal_kind(exc: BaseException) -> str:
    """The message class the user would see: a DefenceDirError subclass (with the database
    failure kind); anything else is an internal error."""
    from defence_dir.errors import DatabaseFailureError, DefenceDirError

    if isinstance(exc, DatabaseFailureError):
        return f"DatabaseFailureError ({exc.failure})"
    if isinstance(exc, DefenceDirError):
        return type(exc).__name__
    return f"INTERNAL {type(exc).__name__}"


class Client:
    """One colleague's process: its operations, what was acknowledged and what refused."""

    def __init__(self, number: int, url: str, hot: list[int], emails: dict[int, str],
                 folder: Path) -> None:
        from defence_dir.search.service import SearchService

        self.number, self.hot, self.emails, self.folder = number, hot, emails, folder
        self.rng = random.Random(1000 + number)
        self.database = open_database(url)
        self.searcher = SearchService(self.database.read_session)
        self.counts: Counter[str] = Counter()
        self.refusals: Counter[str] = Counter()
        self.refusal_texts: dict[str, str] = {}
        self.internal: list[str] = []
        self.edits: list[tuple[int, int, str]] = []  # (person, version after, notes)
        self.imports: list[dict[str, Any]] = []
        self.search_ms: list[float] = []
        self.sequence = 0

    def run(self, seconds: float) -> dict[str, Any]:
        operations = [name for name, weight in MIX for _ in range(weight)]
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            kind = self.rng.choice(operations)
            self.sequence += 1
            try:
                getattr(self, kind)()
                self.counts[kind] += 1
            except Exception as exc:
                refused = refusal_kind(exc)
                self.refusals[f"{kind}: {refused}"] += 1
                self.refusal_texts.setdefault(f"{kind}: {refused}", str(exc).splitlines()[0]
                                              if str(exc) else "")
                if refused.startswith("INTERNAL"):
                    self.internal.append(traceback.format_exc(limit=8))
        self.database.close()
        return {"client": self.number, "counts": dict(self.counts),
                "refusals": dict(self.refusals), "refusal_texts": self.refusal_texts,
                "internal": self.internal[:5], "edits": self.edits, "imports": self.imports,
                "search_ms": self.search_ms}

    # --- operations ------------------------------------------------------------------------
    def search(self) -> None:
        query = self.rng.choice(QUERIES)
        # Typing: each prefix is searched, as the window does while the user types.
        for end in range(1, len(query) + 1):
            started = time.perf_counter()
            self.searcher.search(query[:end], limit=50)
            self.search_ms.append((time.perf_counter() - started) * 1000)

    def edit(self) -> None:
        from defence_dir.records.persons import draft_of, get_person, update_person

        person_id = self.rng.choice(self.hot)
        with self.database.read_session() as session:
            person = get_person(session, person_id)
            draft, version = draft_of(person), person.version
        time.sleep(self.rng.uniform(0, 2.0))  # the user types in the dialog
        notes = f"edit c{self.number} s{self.sequence}"
        draft.notes = notes
        if self.rng.random() < 0.3:
            draft.function = f"Funktion c{self.number} s{self.sequence}"
        with self.database.session() as session:
            saved = update_person(session, person_id, draft, version)
            after = saved.version
        self.edits.append((person_id, after, notes))

    def _marker(self) -> str:
        """Marks an import's new persons (in their email addresses): their names are the
        directory's usual ones, so they sort in all over the index as real imports do."""
        return f"loadc{self.number}x{self.sequence}"

    def _name(self) -> tuple[str, str]:
        return self.rng.choice(GIVEN), self.rng.choice(FAMILY)

    def _matched(self, count: int) -> list[int]:
        return self.rng.sample(self.hot, count)

    def import_sheet(self) -> None:
        from defence_dir.imports.spreadsheet.columns import find_header_row, guess_mapping
        from defence_dir.imports.spreadsheet.planning import plan_rows
        from defence_dir.imports.spreadsheet.reading import read_table_file
        from defence_dir.imports.spreadsheet.writing import apply_plan

        marker = self._marker()
        path = self.folder / f"teilnehmer-{marker}.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as handle:  # Excel's CSV UTF-8
            writer = csv.writer(handle, delimiter=";")
            writer.writerow(["Anrede", "Vorname", "Nachname", "Firma", "E-Mail-Adresse",
                             "Telefon (dienstlich)", "Funktion"])
            for row in range(self.rng.randint(3, 15)):
                given, family = self._name()
                writer.writerow(["Frau", given, family, "Rheinmetall",
                                 f"{marker}.{row}@example.org", f"0211 555 {row:04d}",
                                 "Referentin"])
            for person_id in self._matched(2):  # colleagues already in the directory
                writer.writerow(["", "", "", "", self.emails[person_id],  # a new phone
                                 f"0221 4711 {self.number}{self.sequence:04d}",
                                 f"Import {marker}"])
        table = read_table_file(path)
        sheet = table.sheet(None)
        header = find_header_row(sheet.rows)
        with self.database.read_session() as session:
            mapping = guess_mapping(sheet.rows[header], session)
            plan = plan_rows(session, sheet.rows, header, mapping, file_name=path.name)
        time.sleep(self.rng.uniform(0, 0.2))  # the user reads the preview
        with self.database.session() as session:
            result = apply_plan(session, plan)
        path.unlink()
        self.imports.append({"batch": result.batch_id, "marker": marker,
                             "created": result.created, "undone": False})

    def import_vcard(self) -> None:
        from defence_dir.vcard.importer import apply_import, plan_import

        marker = self._marker()
        cards = []
        for row in range(self.rng.randint(2, 8)):
            given, family = self._name()
            cards.append("\r\n".join((
                "BEGIN:VCARD", "VERSION:3.0", f"N:{family};{given};;;",
                f"FN:{given} {family}", "ORG:ZENIT GmbH",
                f"EMAIL;TYPE=INTERNET,WORK:{marker}.v{row}@example.org",
                f"TEL;TYPE=WORK,VOICE:+49 211 555 {row:04d}", "END:VCARD")))
        for person_id in self._matched(1):
            cards.append("\r\n".join((
                "BEGIN:VCARD", "VERSION:3.0", "N:;;;;", f"FN:{self.emails[person_id]}",
                f"EMAIL;TYPE=INTERNET:{self.emails[person_id]}", f"TITLE:vCard {marker}",
                f"TEL;TYPE=CELL:+49 170 {self.number}{self.sequence:06d}",
                "END:VCARD")))
        data = ("\r\n".join(cards) + "\r\n").encode()
        with self.database.read_session() as session:
            plan = plan_import(session, data, f"{marker}.vcf")
        with self.database.session() as session:
            result = apply_import(session, plan)
        self.imports.append({"batch": result.batch_id, "marker": marker,
                             "created": result.counts.get("new", 0), "undone": False})

    def undo(self) -> None:
        from defence_dir.imports.undo import undo_import

        open_imports = [entry for entry in self.imports if not entry["undone"]]
        if not open_imports:
            self.import_sheet()
            return
        entry = self.rng.choice(open_imports)
        with self.database.session() as session:
            undo_import(session, entry["batch"])
        entry["undone"] = True


def client_main(number: int, url: str, hot: list[int], emails: dict[int, str], seconds: float,
                folder: str, start_at: float) -> None:
    client = Client(number, url, hot, emails, Path(folder))
    time.sleep(max(0.0, start_at - time.time()))  # all clients begin together
    result = client.run(seconds)
    Path(folder, f"client-{number}.json").write_text(json.dumps(result))


# --- checks afterwards ------------------------------------------------------------------------
def check_edits(database: Any, results: list[dict[str, Any]]) -> list[str]:
    """Each hot person holds its newest acknowledged edit; no version was given twice."""
    problems = []
    by_person: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for result in results:
        for person_id, version, notes in result["edits"]:
            by_person[person_id].append((version, notes))
    with database.read_session() as session:
        stored = dict(session.execute(select(Person.id, Person.notes).where(
            Person.id.in_(list(by_person)))).all())
        versions = dict(session.execute(select(Person.id, Person.version).where(
            Person.id.in_(list(by_person)))).all())
    for person_id, edits in by_person.items():
        counted = Counter(version for version, _notes in edits)
        twice = [version for version, n in counted.items() if n > 1]
        if twice:
            problems.append(f"person {person_id}: version(s) {twice} acknowledged twice "
                            "(lost update)")
        newest_version, newest_notes = max(edits)
        if stored.get(person_id) != newest_notes:
            problems.append(f"person {person_id}: holds {stored.get(person_id)!r}, newest "
                            f"acknowledged edit {newest_notes!r} (v{newest_version})")
        if (versions.get(person_id) or 0) < newest_version:
            problems.append(f"person {person_id}: version {versions.get(person_id)} below an "
                            f"acknowledged {newest_version}")
    return problems


def check_imports(database: Any, results: list[dict[str, Any]]) -> list[str]:
    """An acknowledged import not undone has the persons it created and its addresses; an
    undone one has neither (matched persons got theirs back); a refused one left nothing."""
    problems = []
    with database.read_session() as session:
        for result in results:
            for entry in result["imports"]:
                created = session.scalar(select(func.count()).select_from(Person).where(
                    Person.import_batch_id == entry["batch"]))
                addresses = session.scalar(select(func.count()).select_from(EmailAddress)
                                           .where(EmailAddress.address.like(
                                               f"{entry['marker']}.%")))
                batch = session.get(ImportBatch, entry["batch"])
                if entry["undone"] and (created or addresses):
                    problems.append(f"undone import {entry['batch']} left {created} persons, "
                                    f"{addresses} addresses")
                if not entry["undone"] and (created != entry["created"]
                                            or addresses < entry["created"]):
                    problems.append(f"import {entry['batch']}: {created} persons and "
                                    f"{addresses} addresses, {entry['created']} created")
                if batch is None or (batch.undone_at is not None) != entry["undone"]:
                    problems.append(f"import {entry['batch']}: batch state differs")
        acknowledged = {entry["marker"] for result in results for entry in result["imports"]}
        stray = sorted({address.split(".")[0] for address in session.scalars(
            select(EmailAddress.address).where(EmailAddress.address.like("loadc%x%")))}
            - acknowledged)
    if stray:
        problems.append(f"{len(stray)} refused import(s) left addresses behind: {stray[:5]}")
    return problems


def check_search_index(database: Any) -> list[str]:
    """The stored index equals documents built afresh from the records, and its ids follow
    the alphabetical order of the sort keys."""
    from defence_dir.search.documents import (
        network_documents,
        organisation_documents,
        person_documents,
    )

    problems = []
    with database.read_session() as session:
        top = session.scalar(select(func.max(Person.id))) or 0
        fresh = {(d["kind"], d["entity_id"]): d for d in (
            *person_documents(session, id_range=(0, top)), *organisation_documents(session),
            *network_documents(session))}
        stored = {(row.kind, row.entity_id): row for row in session.scalars(
            select(SearchDocument).order_by(SearchDocument.id))}
        order = [(row.id, row.sort_key) for row in stored.values()]
    missing, extra = fresh.keys() - stored.keys(), stored.keys() - fresh.keys()
    if missing:
        problems.append(f"{len(missing)} records without search document, e.g. "
                        f"{sorted(missing)[:3]}")
    if extra:
        problems.append(f"{len(extra)} search documents without record, e.g. "
                        f"{sorted(extra)[:3]}")
    differing: Counter[str] = Counter()
    reordered: Counter[str] = Counter()
    examples: list[str] = []
    for key in sorted(fresh.keys() & stored.keys()):
        for field, value in fresh[key].items():
            held = getattr(stored[key], field)
            if held == value:
                continue
            if isinstance(value, str) and sorted(held.split()) == sorted(value.split()):
                # The same words in another order: person_documents reads a person's emails
                # and topics without ORDER BY, so the order follows the query plan.
                reordered[field] += 1
                continue
            differing[field] += 1
            if len(examples) < 4:
                examples.append(f"{key} {field}: stored {held!r}, rebuilt {value!r}")
    if differing:
        problems.append(f"stale search documents by field: {dict(differing)}, e.g. {examples}")
    if reordered:
        print(f"  note: same words in another order (no stale content): {dict(reordered)}")
    unordered = [(first, second) for first, second in itertools.pairwise(order)
                 if first[1].encode() >= second[1].encode()]
    if unordered:
        problems.append(f"{len(unordered)} search document ids out of the sort keys' order, "
                        f"e.g. {unordered[:2]}")
    return problems


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="the directory to copy")
    parser.add_argument("--postgres", required=True, help="a server URL to copy it to")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--keep", action="store_true", help="keep the copy on the server")
    args = parser.parse_args()

    started = time.perf_counter()
    url = copy_to_postgres(args.db, args.postgres)
    print(f"- copied {args.db.name} to PostgreSQL database {make_url(url).database} in "
          f"{time.perf_counter() - started:.1f} s")
    try:
        database = open_database(url)
        rng = random.Random(7)
        with database.read_session() as session:
            persons = session.scalar(select(func.count()).select_from(Person))
            with_email = dict(session.execute(
                select(EmailAddress.person_id, func.min(EmailAddress.address))
                .group_by(EmailAddress.person_id)).all())
        hot = rng.sample(sorted(with_email), HOT_PERSONS)
        emails = {person_id: with_email[person_id] for person_id in hot}
        with tempfile.TemporaryDirectory() as folder:
            context = multiprocessing.get_context("spawn")
            start_at = time.time() + 8  # time for every process to import and connect
            processes = [context.Process(target=client_main, args=(
                n, url, hot, emails, args.seconds, folder, start_at))
                for n in range(args.clients)]
            for process in processes:
                process.start()
            for process in processes:
                process.join()
            results = []
            for n in range(args.clients):
                path = Path(folder, f"client-{n}.json")
                if not path.exists():
                    print(f"client {n} died (exit code {processes[n].exitcode})")
                    continue
                results.append(json.loads(path.read_text()))
        counts: Counter[str] = Counter()
        refusals: Counter[str] = Counter()
        texts: dict[str, str] = {}
        internal: list[str] = []
        searches: list[float] = []
        for result in results:
            counts.update(result["counts"])
            refusals.update(result["refusals"])
            texts.update(result["refusal_texts"])
            internal += result["internal"]
            searches += result["search_ms"]
        print(f"\n{args.clients} clients, {args.seconds:.0f} s, {persons:,} persons, "
              f"{platform.node()} ({os.cpu_count()} cores), Python {platform.python_version()}")
        print("\nacknowledged operations:")
        for kind, _weight in MIX:
            print(f"  {kind:<13} {counts[kind]:>6}")
        print(f"  search keystrokes: {len(searches)}, p50 {percentile(searches, 0.5):.0f} ms, "
              f"p95 {percentile(searches, 0.95):.0f} ms")
        print("\nrefusals (operation: message class) and a sample message:")
        for kind, n in sorted(refusals.items()):
            print(f"  {kind:<60} {n:>6}  {texts.get(kind, '')[:110]}")
        if not refusals:
            print("  none")
        problems = []
        if len(results) != args.clients:
            problems.append(f"{args.clients - len(results)} client process(es) died")
        internal_count = sum(n for kind, n in refusals.items() if "INTERNAL" in kind)
        if internal_count:
            problems.append(f"{internal_count} internal error(s)")
        checks = (("acknowledged edits present, no lost update", check_edits),
                  ("imports and undos complete, refused ones left nothing",
                   check_imports))
        print("\nchecks:")
        for label, check in checks:
            found = check(database, results)
            print(f"  {label}: {'OK' if not found else 'FAILED'}")
            problems += found
        started = time.perf_counter()
        found = check_search_index(database)
        print(f"  search index equals a rebuild ({time.perf_counter() - started:.1f} s): "
              f"{'OK' if not found else 'FAILED'}")
        problems += found
        for problem in problems[:20]:
            print(f"  PROBLEM: {problem}")
        for trace in internal[:3]:
            print(f"\ninternal error:\n{trace}")
        database.close()
        return 1 if problems else 0
    finally:
        if not args.keep:
            drop_postgres(url, args.postgres)


if __name__ == "__main__":
    sys.exit(main())
