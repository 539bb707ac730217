"""`defence-dir duplicates` and `not-duplicates`: JSON for scripts, blocks for people, one-line
refusals that change nothing."""

from __future__ import annotations

import json

import pytest

from defence_dir.data.database import open_database
from defence_dir.records.organisations import OrganisationDraft
from defence_dir.records.persons import EmailDraft, PersonDraft, PhoneDraft
from defence_dir.records.service import create_organisation, create_person


@pytest.fixture
def planted(db_url: str) -> dict[str, int]:
    """A certain pair (one address, umlaut spelling), a likely pair (one firm) and a
    possible pair (Lena/Lina at one firm) besides the seeded directory."""
    db = open_database(db_url)
    try:
        firm = create_organisation(db, OrganisationDraft(name="Rheinmetall AG")).id

        def person(given: str, family: str, *emails: str, phone: str | None = None) -> int:
            return create_person(db, PersonDraft(
                given_name=given, family_name=family, organisation_id=firm,
                emails=[EmailDraft(e) for e in emails],
                phones=[PhoneDraft(phone, "cell")] if phone else []))

        return {
            "jurgen": person("Jürgen", "Müller", "juergen.mueller@rheinmetall.com",
                             phone="0171 1234567"),
            "juergen": person("Juergen", "Mueller", "juergen.mueller@rheinmetall.com"),
            "anna": person("Anna", "Schäfer", "anna.schaefer@rheinmetall.com"),
            "anna2": person("Anna", "Schaefer"),
            "lena": person("Lena", "Vogel", "lena.vogel@rheinmetall.com"),
            "lina": person("Lina", "Vogel", "lina.vogel@rheinmetall.com"),
        }
    finally:
        db.close()


def test_json_lists_groups_strongest_first(cli, db_url, planted):
    code, out, err = cli("--db", db_url, "duplicates", "--json")
    assert code == 0 and err == ""
    groups = json.loads(out)
    assert [g["lane"] for g in groups] == ["certain", "likely", "possible"]
    assert groups[0]["ids"] == [planted["jurgen"], planted["juergen"]]  # the fuller first
    assert groups[1]["ids"] == [planted["anna"], planted["anna2"]]
    assert sorted(groups[2]["ids"]) == [planted["lena"], planted["lina"]]
    assert all(set(g) == {"ids", "score", "lane", "reasons"} for g in groups)
    assert all(0 <= g["score"] <= 100 and g["reasons"] for g in groups)
    assert groups[0]["score"] >= groups[1]["score"] >= groups[2]["score"]
    assert "Gleiche E-Mail-Adresse juergen.mueller@rheinmetall.com" in groups[0]["reasons"]


def test_one_lane_only(cli, db_url, planted):
    code, out, _err = cli("--db", db_url, "duplicates", "--lane", "likely", "--json")
    assert code == 0
    assert [g["ids"] for g in json.loads(out)] == [[planted["anna"], planted["anna2"]]]


def test_text_shows_a_block_per_group_with_names(cli, db_url, planted, monkeypatch):
    monkeypatch.setenv("DEFENCE_DIR_LANG", "en")
    code, out, _err = cli("--db", db_url, "duplicates", "--lane", "certain")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Certain (100): 2 persons"
    assert lines[1].split() == [str(planted["jurgen"]), "Jürgen", "Müller", "·", "Rheinmetall",
                                "AG", "(keep)"]
    assert "Juergen Mueller" in lines[2]
    assert "    - Same email address juergen.mueller@rheinmetall.com" in lines
    assert lines[-1] == "1 group"


def test_an_empty_directory_says_so(cli, db_url):
    code, out, _err = cli("--db", db_url, "duplicates")
    assert code == 0 and out.strip() == "Keine Duplikate gefunden."


def test_not_duplicates_leaves_the_pair_out_from_then_on(cli, db_url, planted):
    code, out, err = cli("--db", db_url, "not-duplicates", str(planted["lina"]),
                         str(planted["lena"]))
    assert code == 0 and err == "" and "verschiedene Personen" in out
    code, out, _err = cli("--db", db_url, "duplicates", "--json")
    assert all(planted["lena"] not in g["ids"] for g in json.loads(out))


@pytest.mark.parametrize("second", ["same", "999999"])
def test_bad_ids_are_one_line_and_change_nothing(cli, db_url, planted, second):
    first = str(planted["lena"])
    code, out, err = cli("--db", db_url, "not-duplicates", first,
                         first if second == "same" else second)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("defence-dir: ")
    code, out, _err = cli("--db", db_url, "duplicates", "--json", "--lane", "possible")
    assert [sorted(g["ids"]) for g in json.loads(out)] == [[planted["lena"], planted["lina"]]]


def test_usage_errors_exit_2(cli, db_url):
    code, _out, err = cli("--db", db_url, "not-duplicates", "1")
    assert code == 2 and len(err.strip().splitlines()) == 1
    code, _out, err = cli("--db", db_url, "duplicates", "--lane", "maybe")
    assert code == 2
