"""The directory's main window."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTableView,
)

from defence_dir import __version__
from defence_dir.data.database import Database
from defence_dir.directory import PersonRow, person_ids_in_order, person_rows
from defence_dir.i18n import _
from defence_dir.ui.messages import plain_message_box
from defence_dir.ui.person_table_model import PersonTableModel


class MainWindow(QMainWindow):
    def __init__(self, database: Database) -> None:
        super().__init__()
        self.database = database
        self.setWindowTitle(_("defence-dir – DEFENCE.NRW directory"))
        self.resize(1280, 800)

        self.person_model = PersonTableModel(self._load_person_rows)
        self.person_table = QTableView()
        self.person_table.setObjectName("personTable")
        self.person_table.setModel(self.person_model)
        self.person_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.person_table.setAlternatingRowColors(True)
        self.person_table.setWordWrap(False)
        self.person_table.setShowGrid(False)
        self.person_table.verticalHeader().hide()
        self.person_table.verticalHeader().setDefaultSectionSize(26)
        header = self.person_table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in enumerate((230, 160, 200, 170, 250)):
            header.resizeSection(column, width)
        self.setCentralWidget(self.person_table)

        self.count_label = QLabel()
        self.location_label = QLabel(database.location)
        self.statusBar().addWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.location_label)
        self._build_menus()
        self.reload()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(_("&File"))
        quit_action = QAction(_("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(_("&Help"))
        about_action = QAction(_("&About defence-dir"), self)
        about_action.triggered.connect(self.show_about)
        help_menu.addAction(about_action)

    def _load_person_rows(self, ids: Sequence[int]) -> list[PersonRow]:
        with self.database.read_session() as session:
            return person_rows(session, ids)

    def reload(self) -> None:
        with self.database.read_session() as session:
            ids = person_ids_in_order(session)
        self.person_model.set_ids(ids)
        self.count_label.setText(_("{count} persons", count=len(ids)))

    def show_about(self) -> None:
        text = "\n\n".join((
            f"defence-dir {__version__}",
            _("The directory of the DEFENCE.NRW networks."),
            _("Database: {location}", location=self.database.location),
        ))
        box = plain_message_box(self, QMessageBox.Icon.NoIcon, _("About defence-dir"), text)
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.exec()
