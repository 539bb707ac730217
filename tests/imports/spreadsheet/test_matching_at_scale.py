"""Matching rows to persons where a family name is common and addresses are shared: every
person found however many share the name, the same answer on every backend, after an undo, and
in any row order; an address several persons hold is never given to one of them by guess."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from defence_dir.data.database import Database, open_database
from defence_dir.data.models import EmailAddress, Organisation, Person
from defence_dir.imports.spreadsheet.columns import find_header_row, guess_mapping
from defence_dir.imports.spreadsheet.planning import RowAction, SpreadsheetPlan, plan_rows
from defence_dir.imports.spreadsheet.reading import read_table_file
from defence_dir.imports.spreadsheet.writing import ImportTarget, apply_plan
from defence_dir.imports.undo import undo_import

GIVEN = (
    "Anna", "Bernd", "Clemens", "Dana", "Elias", "Frieda", "Georg", "Heike", "Ingo", "Jana",
    "Karl", "Lea", "Malte", "Nina", "Otto", "Petra", "Quirin", "Rita", "Sven", "Tanja", "Ulf",
    "Vera", "Willi", "Xenia", "Yannick", "Zora", "Achim", "Birgit", "Detlef", "Esther", "Falk",
    "Greta", "Holger", "Imke", "Jens", "Katrin", "Lutz", "Marlene", "Norbert", "Olga",
)
NEW_GIVEN = (
    "Amrei", "Brunhilde", "Cosima", "Dietlinde", "Edeltraud", "Fenja", "Gundula", "Hedwig",
    "Irmgard", "Josefa",
)
PERSONS = 1700  # more persons named Müller than the 500 candidates the matcher once kept
HEADER = "Vorname;Nachname;Firma;E-Mail;Funktion"


@pytest.fixture(params=["sqlite", "postgresql"])
def team_db(request, tmp_path) -> Database:
    url = str(tmp_path / "team.sqlite3") if request.param == "sqlite" \
        else request.getfixturevalue("pg_url")
    database = open_database(url, seed=False)
    with database.session() as session:
        organisations: dict[str, Organisation] = {}

        def person(given: str, org: str, *emails: str) -> Person:
            organisation = organisations.setdefault(org, Organisation(name=org))
            return Person(given_name=given, family_name="Müller", organisation=organisation,
                          emails=[EmailAddress(address=a, position=n)
                                  for n, a in enumerate(emails)])
        session.add_all(person(GIVEN[i % 40], f"Firma {i // 40}",
                               f"{GIVEN[i % 40].lower()}.mueller.{i}@firma{i // 40}.example")
                        for i in range(PERSONS))
        # A role address two colleagues hold, and a family's address two persons hold.
        session.add_all([person("Hanna", "Firma Rolle", "info@firma-rolle.example"),
                         person("Bernd", "Firma Rolle", "info@firma-rolle.example"),
                         person("Eva", "Privat", "mueller.home@example.de"),
                         person("Paul", "Privat", "mueller.home@example.de")])
    yield database
    database.close()


def _rows() -> list[str]:
    """The file: persons again by name and organisation only (all beyond the first 1,000 ids),
    others by their address, new persons of the same name, and the shared addresses."""
    by_name = [f"{GIVEN[i % 40]};Müller;Firma {i // 40};;Leitung Einkauf"
               for i in range(1000, PERSONS, 5)]
    by_email = [f"{GIVEN[i % 40]};Müller;Firma {i // 40};"
                f"{GIVEN[i % 40].lower()}.mueller.{i}@firma{i // 40}.example;Vertrieb"
                for i in range(2, 1000, 10)]
    new = [f"{given};Müller;Neufirma {k};{given.lower()}.{k}@neu.example;"
           for given in NEW_GIVEN for k in range(5)]
    shared = ["Hanna;Müller;Firma Rolle;info@firma-rolle.example;Prokuristin",
              "Clara;Müller;Firma Rolle;info@firma-rolle.example;",
              ";Müller;;mueller.home@example.de;"]
    return by_name + by_email + new + shared


def _write(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def _plan(db: Database, path: Path) -> SpreadsheetPlan:
    rows = read_table_file(path).sheet(None).rows
    with db.read_session() as session:
        header = find_header_row(rows)
        return plan_rows(session, rows, header, guess_mapping(rows[header], session),
                         file_name=path.name)


def _mapping(plan: SpreadsheetPlan, lines: list[str]) -> dict[str, int | None]:
    """Each line of the file -> the person its row matched (None: a new person)."""
    return {lines[row.row - 2]: row.person_id for row in plan.rows}


def _import(db: Database, path: Path) -> tuple[dict[str, int], int]:
    plan = _plan(db, path)
    with db.session() as session:
        result = apply_plan(session, plan, ImportTarget())
    return {"created": result.created, "updated": result.updated, **plan.counts()}, \
        result.batch_id


def test_every_person_of_a_common_name_is_found_and_shared_addresses_are_not_guessed(
        team_db, tmp_path):
    lines = _rows()
    path = _write(tmp_path / "teilnehmende.csv", lines)
    with team_db.read_session() as session:
        by_name_and_org = {(given, org): pid for given, org, pid in session.execute(
            select(Person.given_name, Organisation.name, Person.id).join(Person.organisation))}
    plan = _plan(team_db, path)
    mapping = _mapping(plan, lines)
    for line, person_id in mapping.items():
        given, _family, org, email, _function = line.split(";")
        if org.startswith("Firma ") and not org.endswith("Rolle"):
            assert person_id == by_name_and_org[given, org], line  # found, not created again
        elif org.startswith("Neufirma"):
            assert person_id is None, line
    rows = {lines[r.row - 2]: r for r in plan.rows}
    hanna, clara, nameless = (rows[line] for line in lines[-3:])
    assert hanna.person_id == by_name_and_org["Hanna", "Firma Rolle"]  # by the same name
    # The role address two colleagues hold says nothing about Clara; nor does the family's
    # address about a row without a given name: new persons, and the preview says why.
    for row, email in ((clara, "info@firma-rolle.example"),
                       (nameless, "mueller.home@example.de")):
        assert (row.action, row.person_id) == (RowAction.NEW, None)
        assert any(email in remark and "2" in remark for remark in row.remarks), row.remarks
    expected = {"new": 52, "match": 241, "duplicate": 0, "invalid": 0, "empty": 0}
    assert plan.counts() == expected

    # The same answer for every row whatever the order of the file.
    reversed_plan = _plan(team_db, _write(tmp_path / "umgekehrt.csv", lines[::-1]))
    assert _mapping(reversed_plan, lines[::-1]) == mapping

    first, batch = _import(team_db, path)
    with team_db.session() as session:
        undo_import(session, batch)
    again, _batch = _import(team_db, path)
    assert first == again == {"created": 52, "updated": 241, **expected}
