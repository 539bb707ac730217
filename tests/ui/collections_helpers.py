"""Shared steps for the list and event view tests: seeded ids, opening a list, menus."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

EVENT = "High-Tech aus NRW für die Sicherheits- und Verteidigungsindustrie"


def panel_person_ids(window) -> list[int]:
    proxy = window.collections.panel.proxy
    from defence_dir.ui.lists.members_view import PERSON_ROLE

    return [proxy.index(row, 0).data(PERSON_ROLE) for row in range(proxy.rowCount())]


def select_persons_in_table(window, settle, person_ids) -> None:
    """Select rows of the persons table, as a user would with Ctrl+click."""
    window.select_section("persons")
    settle(window)
    model = window.table.model()
    from defence_dir.ui.window.table_models import ID_ROLE

    window.table.clearSelection()
    selection = window.table.selectionModel()
    from PySide6.QtCore import QItemSelectionModel

    for row in range(model.rowCount()):
        if model.index(row, 0).data(ID_ROLE) in person_ids:
            selection.select(model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                             | QItemSelectionModel.SelectionFlag.Rows)
    settle()


def submenu_action(menu: QMenu, submenu_name: str, record_id: int):
    submenu = menu.findChild(QMenu, submenu_name)
    assert submenu is not None, submenu_name
    for action in submenu.actions():
        if action.data() == record_id:
            return action
    raise AssertionError(f"no entry for {record_id} in {submenu_name}")
