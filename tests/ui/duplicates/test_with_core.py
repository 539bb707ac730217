"""The finder on the real finder and merge services: what a user does, checked in the data."""

from __future__ import annotations

import pytest
from duplicates_fakes import wait_idle
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from defence_dir.data.database import Database
from defence_dir.duplicates import service as duplicates
from defence_dir.merging import service as merging
from defence_dir.records import browsing
from defence_dir.records import service as records
from defence_dir.records.organisations import OrganisationDraft
from defence_dir.records.persons import EmailDraft, PersonDraft, PhoneDraft


def _built(db: Database) -> set[str]:
    """Which of the two services are built on this branch (the GUI may land before them)."""
    built = set()
    try:
        duplicates.find_duplicates(db)
        built.add("finder")
    except NotImplementedError:
        pass
    try:
        merging.list_merges(db)
        built.add("merge")
    except NotImplementedError:
        pass
    return built


@pytest.fixture
def merge_built(db: Database) -> None:
    if "merge" not in _built(db):
        pytest.skip("the merge service is not built yet on this branch")


@pytest.fixture
def pairs(db: Database) -> dict[str, tuple[int, int]]:
    """Near-copies the finder must take for one person each (same personal address)."""
    if "finder" not in _built(db):
        pytest.skip("the finder service is not built yet on this branch")
    org = records.create_organisation(db, OrganisationDraft(name="HENSOLDT Sensors GmbH")).id
    made: dict[str, tuple[int, int]] = {}
    for key, first, second in (
        ("weiss", PersonDraft(given_name="Björn", family_name="Weiß", organisation_id=org,
                              function="Key Account Manager",
                              emails=[EmailDraft("bjoern.weiss@hensoldt.example")],
                              phones=[PhoneDraft("+49 731 3920-118", "cell")]),
         PersonDraft(given_name="Bjoern", family_name="Weiss", function="KAM Marine",
                     emails=[EmailDraft("bjoern.weiss@hensoldt.example")],
                     phones=[PhoneDraft("0731 3920118", "cell")])),
        ("mueller", PersonDraft(title="Dr.", given_name="Jürgen", family_name="Müller",
                                emails=[EmailDraft("juergen.mueller@fkie.example")]),
         PersonDraft(given_name="Juergen", family_name="Mueller",
                     department="Cyber Analysis",
                     emails=[EmailDraft("juergen.mueller@fkie.example")])),
    ):
        made[key] = (records.create_person(db, first), records.create_person(db, second))
    return made


def exists(db: Database, person_id: int) -> bool:
    return browsing.detail(db, "person", person_id) is not None


def open_on(qtbot, window, ids: tuple[int, int]):
    finder = window.duplicates.open_finder()
    qtbot.waitUntil(lambda: not finder.searching, timeout=20000)
    group = next(g for g in finder.model.all if set(ids) <= set(g.ids))
    finder.show_group(group, {})
    qtbot.waitUntil(lambda: finder.comparison is not None
                    and set(finder.comparison.ids) == set(group.ids), timeout=5000)
    wait_idle(qtbot, finder)
    return finder, group


def test_merge_with_a_pick_then_undo_and_redo(qtbot, window, db, pairs, merge_built):
    finder, group = open_on(qtbot, window, pairs["weiss"])
    keep, other = finder.comparison.ids
    view = finder.view
    view.setCurrentCell(view.row_of("function"), 1)
    column = 1 if keep == pairs["weiss"][0] else 0  # the value "KAM Marine"
    qtbot.keyClick(view, Qt.Key.Key_1 + column)
    qtbot.keyClick(view, Qt.Key.Key_M)
    wait_idle(qtbot, finder)
    assert not exists(db, other)
    assert browsing.detail(db, "person", keep)["function"] == "KAM Marine"
    assert group not in finder.model.all
    window.undo_stack.undo()
    assert exists(db, other)
    assert browsing.detail(db, "person", keep)["function"] != "KAM Marine" or \
        keep == pairs["weiss"][1]
    assert group in finder.model.all
    window.undo_stack.redo()
    assert not exists(db, other)


def test_a_colleagues_edit_is_refused_and_shown(qtbot, window, db, pairs, merge_built):
    finder, _group = open_on(qtbot, window, pairs["mueller"])
    keep, other = finder.comparison.ids
    draft, version = records.person_draft(db, other)  # a colleague edits meanwhile
    draft.function = "Referent"
    records.update_person(db, other, draft, version)
    qtbot.keyClick(finder.groups, Qt.Key.Key_M)
    qtbot.waitUntil(lambda: finder.findChild(QMessageBox, "mergeRefused") is not None)
    assert exists(db, other) and exists(db, keep)
    qtbot.waitUntil(lambda: finder.comparison is not None
                    and finder.comparison.versions[1] > version, timeout=5000)


def test_not_duplicates_is_remembered_and_undone(qtbot, window, db, pairs, merge_built):
    finder, _group = open_on(qtbot, window, pairs["mueller"])
    qtbot.keyClick(finder.groups, Qt.Key.Key_N)
    wait_idle(qtbot, finder)
    ids = set(pairs["mueller"])
    assert not any(ids <= set(g.ids) for g in duplicates.find_duplicates(db))
    window.undo_stack.undo()
    assert any(ids <= set(g.ids) for g in duplicates.find_duplicates(db))


def test_hint_in_the_detail_pane(qtbot, window, pairs):
    first, _second = pairs["weiss"]
    window.go_to("person", first)

    def hint() -> str:
        label = window.detail.findChild(QLabel, "duplicateHintText")
        return label.text() if label is not None and label.isVisible() else ""
    qtbot.waitUntil(lambda: bool(hint()), timeout=5000)
    assert hint() == "Mögliche Dublette: Bjoern Weiss"


def test_lane_merge_and_its_undo(qtbot, window, db, pairs, merge_built, monkeypatch):
    finder = window.duplicates.open_finder()
    qtbot.waitUntil(lambda: not finder.searching, timeout=20000)
    certain = [g for g in finder.model.all if g.lane.value == "certain"]
    if not certain:
        pytest.skip("no certain group among the pairs")
    monkeypatch.setattr(window, "confirm", lambda title, text: True)
    finder.lanes.setCurrentIndex(0)
    finder.lane_button.click()
    wait_idle(qtbot, finder)
    gone = [i for g in certain for i in g.ids[1:]]
    assert not any(exists(db, i) for i in gone)
    assert finder.lanes.tabText(0) == "Sicher (0)"
    window.undo_stack.undo()
    wait_idle(qtbot, finder)
    assert all(exists(db, i) for i in gone)


def test_spreadsheet_row_like_an_existing_person_is_marked(qtbot, db, pairs, tmp_path, settle):
    from defence_dir.ui.imports.spreadsheet_wizard import SpreadsheetWizard

    records.create_person(db, PersonDraft(
        given_name="Katharina", family_name="Schröder",
        emails=[EmailDraft("k.schroeder@zenit.example")],
        phones=[PhoneDraft("+49 171 2345678", "cell")]))
    path = tmp_path / "messe.csv"  # as a German Excel saves it: cp1252, semicolons, CRLF
    path.write_bytes("Nachname;Vorname;Firma;E-Mail;Mobil\r\n"
                     "Schroeder;K.;ZENIT;k.schroeder@gmx.example;0171/2345678\r\n"
                     "Kowalczyk;Agnieszka;Thales;a.kowalczyk@thales.example;\r\n"
                     .encode("cp1252"))
    wizard = SpreadsheetWizard(None, db)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.open_file(str(path))
    wizard.worker.wait()
    settle()
    wizard.next()
    wizard.next()
    wizard.worker.wait()
    settle()
    page = wizard.preview_page
    qtbot.waitUntil(lambda: bool(page.model.similar), timeout=10000)
    rows = {page.model.rows[i].name: text for i, text in page.model.similar.items()}
    assert rows == {"K. Schroeder": "möglicherweise dieselbe Person wie Katharina Schröder"}
