"""The window's commands for persons as contacts: copy addresses or vCards, show a QR code,
export vCards for the selection, the search result or everybody."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication

from defence_dir.records.browsing import first_emails
from defence_dir.search.service import SearchFilters, SearchService
from defence_dir.ui.common.host import WindowHost
from defence_dir.ui.vcard.drag_data import vcard_mime_data
from defence_dir.ui.vcard.export_dialog import ExportDialog
from defence_dir.ui.vcard.qr_dialog import QrDialog
from defence_dir.vcard.service import qr_card


class VcardActions(QObject):
    def __init__(self, host: WindowHost, search_service: SearchService) -> None:
        super().__init__(host.window())
        self.host, self.search_service = host, search_service

    def copy_emails(self, person_ids: list[int]) -> None:
        if not person_ids:
            return
        addresses = first_emails(self.host.database, person_ids)
        QGuiApplication.clipboard().setText("; ".join(addresses))
        self.host.statusBar().showMessage(
            self.tr("%n address(es) copied", "", len(addresses)), 5000)

    def copy_vcards(self, person_ids: list[int]) -> None:
        if person_ids:
            QGuiApplication.clipboard().setMimeData(vcard_mime_data(self.host.database,
                                                                    person_ids))
            self.host.statusBar().showMessage(
                self.tr("%n card(s) copied", "", len(person_ids)), 5000)

    def show_qr(self, shown: tuple[str, int] | None) -> None:
        """The QR code of the person shown (nothing for another kind of record)."""
        if shown is None or shown[0] != "person":
            return
        found = qr_card(self.host.database, shown[1])
        if found is not None:
            self.host.run_dialog(QrDialog(self.host.window(), *found))

    def export(self, selected: list[int], query: str, filters: SearchFilters) -> None:
        """Offer the selected persons, the persons the search found (when it narrows: `query`
        or `filters`, both empty outside the persons section) and everybody."""
        person_filters = replace(filters, kind="person")
        scopes: list[tuple[str, Callable[[], list[int]]]] = []
        if selected:
            scopes.append((self.tr("Selected persons (%n)", "", len(selected)),
                           lambda: selected))
        if query.strip() or filters.narrowed:
            scopes.append((self.tr("The current search result"),
                           lambda: self.search_service.all_ids(query, person_filters)))
        scopes.append((self.tr("Everybody in the directory"),
                       lambda: self.search_service.all_ids("", SearchFilters(kind="person"))))
        dialog = ExportDialog(self.host.window(), self.host.database, scopes)
        if self.host.run_dialog(dialog) and dialog.result_message:
            self.host.statusBar().showMessage(dialog.result_message, 8000)
