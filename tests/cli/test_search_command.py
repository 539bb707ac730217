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
