"""The organisation filter searches as the user types instead of listing every organisation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from defence_dir.data.models import Organisation
from defence_dir.records.organisations import OrganisationDraft, create_organisation
from defence_dir.records.persons import PersonDraft, create_person
from defence_dir.ui.window.organisation_filter import FIND_LIMIT, ID_ROLE, OrganisationFilter


def type_into(window, qtbot, text: str) -> OrganisationFilter:
    combo = window.filter_combos["organisation_id"]
    assert isinstance(combo, OrganisationFilter)
    combo.choices.clear()  # what the last look-up offered
    combo.lineEdit().setFocus()
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), text)
    combo.wait()
    qtbot.waitUntil(lambda: combo.choices.rowCount() > 0, timeout=5000)
    return combo


def offered(combo: OrganisationFilter) -> list[str]:
    return [combo.choices.item(row).text() for row in range(combo.choices.rowCount())]


def test_typing_offers_what_the_search_finds_and_picking_filters(window, qtbot, settle, db):
    with db.session() as session:  # many organisations: none of them is loaded up front
        for number in range(300):
            create_organisation(session, OrganisationDraft(name=f"Rheinwerk {number:03d}",
                                                           city="Köln"))
        rheinmetall = session.scalar(select(Organisation.id).where(
            Organisation.name == "Rheinmetall"))
        create_person(session, PersonDraft(given_name="Anna", family_name="Zander",
                                           organisation_id=rheinmetall))
    window.reload()
    settle(window)
    combo = window.filter_combos["organisation_id"]
    assert combo.count() == 1 and combo.currentData() is None  # only "all organisations"

    combo = type_into(window, qtbot, "Rheinmetal")  # a typo, too
    assert offered(combo)[0].startswith("Rheinmetall")
    combo.completer_.activated[type(combo.choices.index(0, 0))].emit(
        combo.completer_.completionModel().index(0, 0))
    settle(window)
    assert combo.currentText().startswith("Rheinmetall") and combo.count() == 2
    names = [window.table.model().index(r, 0).data()
             for r in range(window.table.model().rowCount())]
    assert names == ["Anna Zander"] and window.page.filters().organisation_id == rheinmetall

    combo = type_into(window, qtbot, "rheinwerk")
    assert len(offered(combo)) == FIND_LIMIT and all(o.endswith("– Köln") for o in offered(combo))
    assert combo.choices.item(0).data(ID_ROLE) is not None


def test_clearing_the_field_means_all_organisations(window, qtbot, settle):
    combo = type_into(window, qtbot, "rheinmetall")
    combo.choose(combo.choices.item(0).data(ID_ROLE), combo.choices.item(0).text())
    settle(window)
    assert window.page.filters().organisation_id is not None
    combo.lineEdit().clear()
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    combo.lineEdit().editingFinished.emit()
    settle(window)
    assert window.page.filters().organisation_id is None
    window.search_bar.clear_filters()
    assert combo.currentIndex() == 0
