"""The main window's actions, its menu bar and its tool bar (the window connects the slots)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QToolBar

Shortcut = QKeySequence | QKeySequence.StandardKey | Qt.Key | None


class WindowActions(QObject):
    """Every command of the main window as a QAction, named like its slot ("new" ->
    new_action, objectName "newAction")."""

    def __init__(self, window: QMainWindow, undo_stack: QUndoStack,
                 slots: Mapping[str, Callable[[], object]]) -> None:
        super().__init__(window)
        self._window, self._slots = window, slots
        key = QKeySequence
        self.new_action = self._action("new", self.tr("&New…"), key.StandardKey.New)
        self.edit_action = self._action("edit", self.tr("&Edit…"), Qt.Key.Key_F2)
        self.delete_action = self._action("delete", self.tr("&Delete"), key("Del"))
        self.undo_action = undo_stack.createUndoAction(window, self.tr("&Undo"))
        self.undo_action.setShortcut(key.StandardKey.Undo)
        self.redo_action = undo_stack.createRedoAction(window, self.tr("&Redo"))
        self.redo_action.setShortcuts([key("Ctrl+Shift+Z"), key(key.StandardKey.Redo)])
        self.find_action = self._action("find", self.tr("&Find"), key.StandardKey.Find)
        self.duplicates_action = self._action("duplicates", self.tr("Find &duplicates…"))
        self.reload_action = self._action("reload", self.tr("Re&load"), key("F5"))
        self.back_action = self._action("back", self.tr("&Back"), key("Alt+Left"))
        self.forward_action = self._action("forward", self.tr("&Forward"), key("Alt+Right"))
        self.quit_action = self._action("quit", self.tr("&Quit"), key("Ctrl+Q"))
        self.settings_action = self._action("settings", self.tr("&Settings…"), key("Ctrl+,"))
        self.team_action = self._action("team", self.tr("&Team database…"))
        self.about_action = self._action("about", self.tr("&About defence-dir"))
        self.copy_emails_action = self._action("copyEmails", self.tr("Copy email addresses"))
        self.export_action = self._action("export", self.tr("&Export vCards…"), key("Ctrl+E"))
        self.import_action = self._action("import", self.tr("&Import vCards…"))
        self.import_sheet_action = self._action("importSheet", self.tr("Import a &spreadsheet…"),
                                                key("Ctrl+I"))
        self.undo_import_action = self._action("undoImport", self.tr("Imports…"))
        self.copy_vcard_action = self._action("copyVcard", self.tr("Copy as vCard"),
                                              key("Ctrl+Shift+C"))
        self.qr_action = self._action("qr", self.tr("Show QR code…"))
        self.overview_action = self._action("overview", self.tr("&Overview"),
                                            key("Ctrl+Shift+O"))

    def _action(self, name: str, text: str, shortcut: Shortcut = None) -> QAction:
        action = QAction(text, self._window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.setObjectName(f"{name}Action")
        slot = self._slots[name]
        action.triggered.connect(lambda _checked=False: slot())
        self._window.addAction(action)
        return action

    def name_new(self, section_key: str) -> None:
        """New… says what it creates in the section."""
        self.new_action.setText({"persons": self.tr("&New person…"),
                                 "organisations": self.tr("&New organisation…"),
                                 "topics": self.tr("&New technology field…"),
                                 "events": self.tr("&New event…"),
                                 "lists": self.tr("&New distribution list…")}
                                .get(section_key, self.tr("&New…")))

    def build_menus(self, privacy_menu: QMenu) -> None:
        """The menu bar and the tool bar, in the order users know from other programs."""
        bar = self._window.menuBar()
        self._fill(bar.addMenu(self.tr("&File")), (
            self.new_action, None, self.import_sheet_action, self.import_action,
            self.undo_import_action, self.export_action, None, self.settings_action,
            self.team_action, None, self.quit_action))
        self._fill(bar.addMenu(self.tr("&Edit")), (
            self.undo_action, self.redo_action, None, self.edit_action, self.delete_action,
            None, self.copy_emails_action, self.copy_vcard_action, self.qr_action, None,
            self.find_action, self.duplicates_action))
        self._fill(bar.addMenu(self.tr("&View")), (
            self.overview_action, None, self.back_action, self.forward_action, None,
            self.reload_action))
        bar.addMenu(privacy_menu)
        self._fill(bar.addMenu(self.tr("&Help")), (self.about_action,))

        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        style, pixmap = self._window.style(), QStyle.StandardPixmap
        for action, icon in ((self.back_action, pixmap.SP_ArrowBack),
                             (self.forward_action, pixmap.SP_ArrowForward),
                             (self.new_action, pixmap.SP_FileIcon),
                             (self.edit_action, pixmap.SP_FileDialogDetailedView),
                             (self.delete_action, pixmap.SP_TrashIcon),
                             (self.undo_action, pixmap.SP_ArrowLeft),
                             (self.redo_action, pixmap.SP_ArrowRight)):
            action.setIcon(style.standardIcon(icon))
        self._fill(toolbar, (self.back_action, self.forward_action, None, self.new_action,
                             self.edit_action, self.delete_action, None, self.undo_action,
                             self.redo_action))
        self._window.addToolBar(toolbar)

    def context_menu(self, extra: Callable[[QMenu], None]) -> QMenu:
        """The table's context menu; `extra` adds the section's own entries."""
        menu = QMenu(self._window)
        self._fill(menu, (self.edit_action, self.delete_action, None, self.copy_emails_action,
                          self.copy_vcard_action, self.qr_action, None, self.export_action))
        extra(menu)
        return menu

    @staticmethod
    def _fill(target: QMenu | QToolBar, actions: tuple[QAction | None, ...]) -> None:
        for action in actions:
            target.addSeparator() if action is None else target.addAction(action)

    def update(self, *, editable: bool, has_current: bool, has_selection: bool,
               can_go_back: bool, can_go_forward: bool, persons: bool,
               has_persons: bool) -> None:
        """Enable what applies to the section, the record shown and the selection."""
        self.new_action.setEnabled(editable)
        self.edit_action.setEnabled(editable and has_current)
        self.delete_action.setEnabled(editable and (has_current or has_selection))
        self.back_action.setEnabled(can_go_back)
        self.forward_action.setEnabled(can_go_forward)
        self.copy_emails_action.setEnabled(persons)
        self.copy_vcard_action.setEnabled(persons and has_persons)
        self.qr_action.setEnabled(persons and has_current)
