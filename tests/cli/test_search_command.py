"""`defence-dir search`: the issue's examples on the seeded directory, JSON, filters, errors."""

from __future__ import annotations

import json

import pytest


@pytest.mark.parametrize(("query", "expected"), [
    ("juergen", "Jürgen Schnitzmeier"),
    ("kremer", "Dr.-Ing. Harald Cremer"),
    ("38545917", "Dr. Matthias Grosch"),
])
def test_issue_examples(cli, db_url, query, expected):
    code, out, err = cli("--db", db_url, "search", query)
    assert code == 0, err
    assert out.splitlines()[1].startswith(expected)


def test_json_carries_person_fields_kind_field_and_rank(cli, db_url):
    code, out, _err = cli("--db", db_url, "search", "385459-17", "--json")
    assert code == 0
    hits = json.loads(out)
    assert [h["display_name"] for h in hits] == ["Dr. Matthias Grosch"]
    hit = hits[0]
    assert hit["kind"] == "person" and hit["matched_field"] == "phone" and hit["rank"] == 2
    assert hit["phones"][0]["e164"] == "+4921138545917"
    assert {"id", "title", "given_name", "family_name", "organisation", "networks", "topics",
            "emails"} <= set(hit)


def test_filters_by_name_and_limit(cli, db_url):
    code, out, _ = cli("--db", db_url, "search", "--network", "aerospace",
                       "--kind", "person", "--json")
    assert code == 0
    assert {h["display_name"] for h in json.loads(out)} == {"Dirk Kalinowski", "Dr. Stefan Recher"}
    code, out, _ = cli("--db", db_url, "search", "--limit", "2", "--json")
    assert code == 0 and len(json.loads(out)) == 2


def test_no_hits_is_not_an_error(cli, db_url):
    code, out, err = cli("--db", db_url, "search", "xyzzy")
    assert (code, out.strip(), err) == (0, "Keine Treffer.", "")


@pytest.mark.parametrize(("argv", "exit_code", "message"), [
    (["search", "x", "--network", "Nirgendwo"], 1, "Es gibt kein Netzwerk „Nirgendwo“."),
    (["search", "x", "--list", "Gibt es nicht"], 1, "Es gibt keinen Verteiler"),
    (["search", "x", "--limit", "0"], 2, "muss mindestens 1 sein"),
    (["search", "x", "--kind", "topic"], 2, "invalid choice"),
])
def test_bad_filters_are_one_line_errors(cli, db_url, argv, exit_code, message):
    code, out, err = cli("--db", db_url, *argv)
    assert code == exit_code
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and message in err


def test_sort_by_organisation_puts_umlauts_with_their_letter(cli, db, db_url):
    from defence_dir.records.organisations import OrganisationDraft, create_organisation
    from defence_dir.records.persons import PersonDraft, create_person

    with db.session() as session:
        for given, organisation in (("Anna", "Zeppelin"), ("Bernd", "Ärztekammer"),
                                    ("Carla", "Bosch")):
            org = create_organisation(session, OrganisationDraft(name=organisation))
            create_person(session, PersonDraft(given_name=given, family_name="Zander",
                                               organisation_id=org.id))
    code, out, _ = cli("--db", db_url, "search", "zander", "--sort", "organisation", "--json")
    assert code == 0
    assert [h["given_name"] for h in json.loads(out)] == ["Bernd", "Carla", "Anna"]
    code, out, _ = cli("--db", db_url, "search", "zander", "--sort", "organisation", "--desc",
                       "--json")
    assert [h["given_name"] for h in json.loads(out)] == ["Anna", "Carla", "Bernd"]
    code, out, _ = cli("--db", db_url, "search", "zander", "--desc")
    assert [line.split()[0] for line in out.splitlines()[1:4]] == ["Carla", "Bernd", "Anna"]


def test_unknown_sort_column_is_a_one_line_error(cli, db_url):
    code, out, err = cli("--db", db_url, "search", "x", "--sort", "phone")
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
