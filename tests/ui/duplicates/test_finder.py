"""The duplicate finder driven like a user: lanes, keys, merge with picks, refusal, undo."""

from __future__ import annotations

from duplicates_fakes import wait_idle
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from defence_dir.duplicates.service import Lane
from defence_dir.errors import DefenceDirError


def lane_texts(finder) -> list[str]:
    return [finder.lanes.tabText(i) for i in range(finder.lanes.count())]


def shown_names(finder) -> list[str]:
    return [finder.model.name_list(g) for g in finder.model.rows]


def test_menu_entry_opens_the_finder_with_lanes_and_counts(qtbot, window, core):
    entry = window.menus.duplicates_action
    assert entry.text() == "&Duplikate finden…"
    assert entry in window.menuBar().actions()[1].menu().actions()  # Bearbeiten
    entry.trigger()
    finder = window.duplicates.finder
    qtbot.waitUntil(lambda: finder.comparison is not None, timeout=5000)
    assert not finder.isModal()
    assert lane_texts(finder) == ["Sicher (2)", "Wahrscheinlich (1)", "Möglich (1)"]
    assert shown_names(finder) == ["Dr. Jürgen Müller · Juergen Mueller",
                                   "Björn Weiß · Bjoern Weiss"]
    assert finder.model.data(finder.model.index(0, 2)).startswith("Gleiche E-Mail-Domain")
    finder.lanes.setCurrentIndex(1)
    assert shown_names(finder) == ["Prof. Dr. Änne Schäfer · Anne Schaefer"]
    assert not finder.lane_button.isVisible()  # only the certain lane merges at once


def test_comparison_marks_differences_with_colour_and_character(finder):
    view = finder.view
    assert view.horizontalHeaderItem(1).text() == "1: Dr. Jürgen Müller (bleibt)"
    assert view.label_text("given_name").startswith("≠ ")
    assert view.cell_text("given_name", 0) == "✔ Jürgen"  # fill-empty: the keeper's value
    assert view.cell_text("given_name", 1) == "Juergen"
    assert view.cell_text("title", 1) == "—"  # empty, never "None"
    assert view.label_text("emails").startswith("∪ ")  # united: all of them kept
    assert view.row_of("department") == -1  # empty for both: nothing to show
    row = view.row_of("given_name")
    assert view.item(row, 1).background().color().alpha() > 0


def test_keys_choose_values_and_merge_passes_picks_and_versions(qtbot, window, finder, core):
    a, b = core.ids[:2]
    view = finder.view
    view.setFocus()
    view.setCurrentCell(view.row_of("function"), 1)
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert view.cell_text("function", 1) == "✔ Abteilungsleiter"
    assert view.cell_text("function", 0) == "Leiter Forschung"
    row = view.row_of("function")
    assert view.item(row, 2).font().bold() and not view.item(row, 1).font().bold()
    qtbot.keyClick(view, Qt.Key.Key_M)
    wait_idle(qtbot, finder)
    keep, others, picks, expected = core.merges[0]
    assert (keep, others) == (a, (b,))
    assert picks is not None and picks["function"] == b and picks["given_name"] == a
    assert picks["title"] == a
    assert expected == {a: 1, b: 1}
    assert lane_texts(finder)[0] == "Sicher (1)"
    assert shown_names(finder) == ["Björn Weiß · Bjoern Weiss"]
    assert window.undo_stack.count() == 1
    assert window.undo_stack.undoText() == "2 Personen zusammenführen"


def test_merge_then_undo_and_redo_through_the_window_stack(qtbot, window, finder, core):
    changes: list[list[int]] = []
    window.data_changed.connect(lambda kind, ids: changes.append(ids))
    qtbot.keyClick(finder.groups, Qt.Key.Key_M)
    wait_idle(qtbot, finder)
    assert changes and set(changes[-1]) == set(core.ids[:2])
    changes.clear()
    window.menus.undo_action.trigger()
    assert core.undone == [101]
    assert changes and set(changes[-1]) == set(core.ids[:2])  # tables and detail refresh
    assert lane_texts(finder)[0] == "Sicher (2)"
    assert "Dr. Jürgen Müller · Juergen Mueller" in shown_names(finder)
    window.menus.redo_action.trigger()
    assert len(core.merges) == 2 and core.merges[1][2] == core.merges[0][2]  # same picks
    assert lane_texts(finder)[0] == "Sicher (1)"
    window.undo_stack.undo()
    assert core.undone == [101, 102]  # the redo's own merge is taken back


def test_refusal_says_why_and_shows_the_persons_as_they_are(qtbot, finder, core):
    core.refuse = "Diese Person wurde inzwischen an anderer Stelle geändert (Version 2)."
    qtbot.keyClick(finder.groups, Qt.Key.Key_M)
    qtbot.waitUntil(lambda: finder.findChild(QMessageBox, "mergeRefused") is not None)
    box = finder.findChild(QMessageBox, "mergeRefused")
    assert box.isVisible()
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text().startswith("Diese Person wurde inzwischen")
    assert "Nichts wurde geändert" in box.text()
    box.close()
    finder.activateWindow()  # as closing the box does on a desktop
    qtbot.waitUntil(finder.isActiveWindow)
    wait_idle(qtbot, finder)
    assert core.merges == []
    assert lane_texts(finder)[0] == "Sicher (2)"  # still proposed
    assert finder.comparison is not None and finder.comparison.versions == (2, 2)
    qtbot.keyClick(finder.groups, Qt.Key.Key_M)
    wait_idle(qtbot, finder)
    a, b = core.ids[:2]
    assert core.merges[0][3] == {a: 2, b: 2}  # the versions now shown


def test_not_duplicates_marks_the_pair_and_undo_takes_it_back(qtbot, window, finder, core):
    a, b = core.ids[:2]
    qtbot.keyClick(finder.groups, Qt.Key.Key_N)
    wait_idle(qtbot, finder)
    assert core.marked == {frozenset((a, b))}
    assert lane_texts(finder)[0] == "Sicher (1)"
    assert window.undo_stack.undoText() == "Als keine Duplikate markieren"
    window.undo_stack.undo()
    assert core.marked == set()
    assert lane_texts(finder)[0] == "Sicher (2)"
    window.undo_stack.redo()
    assert core.marked == {frozenset((a, b))}


def test_skip_and_j_k_move_through_the_lane(qtbot, finder):
    assert finder.groups.currentIndex().row() == 0
    qtbot.keyClick(finder.groups, Qt.Key.Key_S)
    assert finder.groups.currentIndex().row() == 1
    qtbot.keyClick(finder.groups, Qt.Key.Key_K)
    assert finder.groups.currentIndex().row() == 0
    qtbot.keyClick(finder.groups, Qt.Key.Key_Space)
    assert finder.groups.currentIndex().row() == 1
    qtbot.waitUntil(lambda: finder.comparison is not None
                    and finder.comparison.names[0] == "Björn Weiß")
    qtbot.keyClick(finder.groups, Qt.Key.Key_L)
    assert lane_texts(finder)[finder.lanes.currentIndex()] == "Wahrscheinlich (1)"
    assert finder.lanes.tabToolTip(1) == "Starke Hinweise: jeweils kurz ansehen (L: nächste Spur)"
    assert "(S)" in finder.skip_button.text() and "(M)" in finder.merge_button.text()
    assert "(N)" in finder.different_button.text()


def test_lane_merge_asks_once_naming_the_count(qtbot, window, finder, core, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(window, "confirm", lambda title, text: asked.append(text) or False)
    finder.lane_button.click()
    assert asked and asked[0].startswith("Alle 2 Gruppen der Spur „Sicher“")
    assert core.lane_merges == []
    monkeypatch.setattr(window, "confirm", lambda title, text: True)
    finder.lane_button.click()
    wait_idle(qtbot, finder)
    a, b, _c, _d, e, f, _g, _h = core.ids
    assert core.lane_merges == [[(a, b), (e, f)]]
    assert lane_texts(finder) == ["Sicher (0)", "Wahrscheinlich (1)", "Möglich (1)"]
    assert window.undo_stack.undoText() == "2 Gruppen zusammenführen"
    window.undo_stack.undo()
    wait_idle(qtbot, finder)
    assert core.undone == [501, 500]  # newest first
    assert lane_texts(finder)[0] == "Sicher (2)"


def test_lane_merge_cancel_leaves_everything(qtbot, window, finder, core, monkeypatch):
    core.slow = 0.2
    monkeypatch.setattr(window, "confirm", lambda title, text: True)
    finder.lane_button.click()
    dialog = finder.findChild(QProgressDialog, "jobProgress")
    assert dialog is not None
    dialog.canceled.emit()  # its Cancel button
    wait_idle(qtbot, finder)
    assert core.lane_merges == []
    assert window.undo_stack.count() == 0
    assert lane_texts(finder)[0] == "Sicher (2)"


def test_search_shows_progress_and_cancel(qtbot, window, core):
    core.slow = 0.3
    finder = window.duplicates.open_finder()
    assert finder.searching and finder.cancel_button.isVisible()
    finder.cancel_button.click()
    qtbot.waitUntil(lambda: not finder.searching, timeout=5000)
    assert finder.status.text() == "Suche abgebrochen. Nichts wurde geändert."
    assert finder.model.all == []
    assert not finder.cancel_button.isVisible()
    core.slow = 0
    finder.search_button.click()
    qtbot.waitUntil(lambda: finder.comparison is not None, timeout=5000)
    assert lane_texts(finder)[0] == "Sicher (2)"


def test_read_only_copy_cannot_merge(qtbot, window, finder, monkeypatch):
    monkeypatch.setattr(type(window.database), "read_only", property(lambda _self: True))
    finder.update_buttons()
    assert not finder.merge_button.isEnabled() and not finder.lane_button.isEnabled()
    qtbot.keyClick(finder.groups, Qt.Key.Key_M)
    assert window.undo_stack.count() == 0


def test_user_data_is_plain_text(qtbot, window, core, db):
    from defence_dir.records import service as records
    from defence_dir.records.persons import PersonDraft

    odd = records.create_person(db, PersonDraft(given_name="<b>Fett</b>", family_name="Müller"))
    core.groups.insert(0, core.groups[0].__class__((odd, core.ids[0]), 99, Lane.CERTAIN,
                                                   ("<i>kursiv</i>",)))
    finder = window.duplicates.open_finder()
    qtbot.waitUntil(lambda: finder.comparison is not None, timeout=5000)
    assert finder.view.cell_text("given_name", 0) == "✔ <b>Fett</b>"
    assert finder.reasons.textFormat() == Qt.TextFormat.PlainText
    assert finder.reasons.text() == "<i>kursiv</i>"


def test_ctrl_z_in_the_finder_undoes_its_last_step(qtbot, window, finder, core):
    qtbot.keyClick(finder.groups, Qt.Key.Key_N)
    wait_idle(qtbot, finder)
    assert core.marked
    qtbot.keyClick(finder.groups, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert core.marked == set()
    assert lane_texts(finder)[0] == "Sicher (2)"


def test_a_group_erased_meanwhile_leaves_the_list_with_a_reason(qtbot, window, finder, core):
    from defence_dir.records import service as records

    records.delete_persons(window.database, [core.ids[5]])  # Bjoern Weiss, by a colleague
    qtbot.keyClick(finder.groups, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: lane_texts(finder)[0] == "Sicher (1)", timeout=5000)
    assert finder.status.text().startswith("Diese Gruppe ist überholt")
    assert shown_names(finder) == ["Dr. Jürgen Müller · Juergen Mueller"]


def test_an_undo_the_core_refuses_is_explained(qtbot, window, finder, core, monkeypatch):
    from defence_dir.merging import service as merging

    qtbot.keyClick(finder.groups, Qt.Key.Key_M)
    wait_idle(qtbot, finder)

    def refuse(db, merge_id):
        raise DefenceDirError("Die Person wurde nach der Zusammenführung geändert.")
    monkeypatch.setattr(merging, "undo_merge", refuse)
    window.undo_stack.undo()
    box = finder.findChild(QMessageBox, "duplicatesFailed")
    assert box is not None and box.text() == "Die Person wurde nach der Zusammenführung geändert."
    assert lane_texts(finder)[0] == "Sicher (1)"  # still merged
    assert window.undo_stack.count() == 0  # the step cannot be replayed


def test_ctrl_number_or_a_heading_click_keeps_that_person(qtbot, finder, core):
    a, b = core.ids[:2]
    qtbot.keyClick(finder.groups, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: finder.comparison is not None and finder.comparison.ids == (b, a))
    assert finder.view.horizontalHeaderItem(1).text() == "1: Juergen Mueller (bleibt)"
    assert finder.view.cell_text("function", 0) == "✔ Abteilungsleiter"  # the keeper's now
    qtbot.keyClick(finder.groups, Qt.Key.Key_M)
    wait_idle(qtbot, finder)
    assert core.merges[0][:2] == (b, (a,))
    finder.search()
    wait_idle(qtbot, finder)
    finder.view.horizontalHeader().sectionClicked.emit(2)
    qtbot.waitUntil(lambda: finder.comparison is not None and finder.comparison.ids == (b, a))


def test_closing_the_window_stops_a_search(qtbot, window, core):
    core.slow = 0.3
    finder = window.duplicates.open_finder()
    assert finder.searching
    window.close()
    assert finder.finder_jobs.wait(0)  # stopped at its next step, before the window went
