"""`defence-dir merge`, `undo-merge` and `merges`: JSON for scripts, one-line refusals."""

from __future__ import annotations

import json

import pytest
from merging.merge_helpers import dump, person  # tests/merging, a namespace package

from defence_dir.data.database import open_database


@pytest.fixture
def pair(db_url):
    db = open_database(db_url)
    try:
        kept = person(db, "Jürgen", "Müller", emails=("j.mueller@firma.de",))
        other = person(db, "Jürgen", "Mueller", emails=("jm@web.de",), function="Leiter")
        third = person(db, "Jürgen", "Müller", phones=("0211 123456",))
        before = dump(db)
    finally:
        db.close()
    return kept, other, third, before


def _dump(db_url):
    db = open_database(db_url)
    try:
        return dump(db)
    finally:
        db.close()


def test_merge_json_then_undo_restores_everything(cli, db_url, pair):
    kept, other, third, before = pair
    code, out, err = cli("--db", db_url, "merge", str(kept), str(other), str(third), "--json")
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert (result["kept"], result["merged"]) == (kept, [other, third])
    code, out, err = cli("--db", db_url, "merges", "--json")
    listed = json.loads(out)
    assert [(m["merge_id"], m["kept"], m["kept_name"], m["merged"], m["undone"])
            for m in listed] == [(result["merge_id"], kept, "Jürgen Müller", [other, third],
                                  False)]
    code, out, err = cli("--db", db_url, "undo-merge", str(result["merge_id"]))
    assert (code, err) == (0, "")
    assert "zurückgenommen" in out
    assert _dump(db_url) == before
    code, out, _ = cli("--db", db_url, "merges", "--json")
    assert json.loads(out)[0]["undone"] is True


def test_merge_for_people_says_how_to_take_it_back(cli, db_url, pair):
    kept, other, _third, _before = pair
    code, out, _ = cli("--db", db_url, "merge", str(kept), str(other))
    assert code == 0 and "defence-dir undo-merge" in out
    code, out, _ = cli("--db", db_url, "merges")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["Zusammenführung", "Zusammengeführt", "am", "Behalten",
                                "Zusammengeführt", "Stand"]
    assert "Jürgen Mueller" in lines[1] and lines[1].endswith("zusammengeführt")


@pytest.mark.parametrize("argv", [
    ["merge", "{kept}", "{kept}"],
    ["merge", "{kept}", "999999"],
    ["merge", "{kept}", "{other}", "{other}"],
    ["undo-merge", "424242"],
])
def test_refusals_are_one_line_and_change_nothing(cli, db_url, pair, argv):
    kept, other, _third, before = pair
    args = [a.format(kept=kept, other=other) for a in argv]
    code, out, err = cli("--db", db_url, *args)
    assert code == 1 and out == ""
    assert err.startswith("defence-dir: ") and err.count("\n") == 1
    assert _dump(db_url) == before


def test_undo_after_a_later_edit_is_refused(cli, db_url, pair):
    kept, other, _third, _before = pair
    _, out, _ = cli("--db", db_url, "merge", str(kept), str(other), "--json")
    merge_id = json.loads(out)["merge_id"]
    cli("--db", db_url, "merge", str(kept), str(_third))
    after = _dump(db_url)
    code, _, err = cli("--db", db_url, "undo-merge", str(merge_id))
    assert code == 1 and "geändert" in err and err.count("\n") == 1
    assert _dump(db_url) == after


def test_merge_without_an_other_is_a_usage_error(cli, db_url, pair):
    code, _, err = cli("--db", db_url, "merge", str(pair[0]))
    assert code == 2 and err.count("\n") == 1
