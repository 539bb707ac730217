"""The check-in window ("Einlass") of one event: a scanner or the keyboard names a person, the
window says at once, large and clearly, what happened, and the counter shows who is here.

Works on the open database alone (nothing goes over a network of its own), so a venue without
internet access is fine. Every check-in and walk-in is a step on the window's undo stack.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from defence_dir.errors import DefenceDirError
from defence_dir.eventday import service
from defence_dir.eventday.service import Attendee, CheckinOutcome, CheckinResult, Headcount
from defence_dir.records.choices import choices
from defence_dir.records.kinds import RecordKind
from defence_dir.ui.common.host import WindowHost
from defence_dir.ui.common.jobs import Jobs
from defence_dir.ui.eventday.candidate_list import CandidateList
from defence_dir.ui.eventday.checkin_commands import CheckedIn, WalkedIn
from defence_dir.ui.eventday.outcome_banner import OutcomeBanner, Tone
from defence_dir.ui.eventday.scan_reader import ScanReader
from defence_dir.ui.eventday.walk_in_dialog import WalkInDialog

SEARCH_DELAY_MS = 150  # a wedge types far faster: no search runs while it types a code
SCAN_TIMEOUT_MS = 3000  # a vCard whose end never came (the scan broke off) is dropped


class CheckinWindow(QWidget):
    """One event's door: field, outcome, matching attendees, counter, walk-in, undo."""

    def __init__(self, host: WindowHost, event_id: int, event_name: str) -> None:
        super().__init__(host.window(), Qt.WindowType.Window)
        self.setObjectName("checkinWindow")
        self.host, self.database, self.event_id = host, host.database, event_id
        self.setWindowTitle(self.tr("Check-in – {event}").format(event=event_name))
        self.jobs = Jobs(self)  # check-ins in the order scanned, one after the other
        self.search_jobs = Jobs(self, drop_queued=True)
        self.count_jobs = Jobs(self, newest_only=True)
        self.reader = ScanReader()
        self.force_person: int | None = None  # the person "Check in anyway" would admit
        self._own_change = False

        self.event_label = QLabel(event_name)
        self.event_label.setObjectName("checkinEvent")
        self.event_label.setTextFormat(Qt.TextFormat.PlainText)
        self.event_label.setWordWrap(True)
        self.counter = QLabel()
        self.counter.setObjectName("checkinCounter")
        self.counter.setTextFormat(Qt.TextFormat.PlainText)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.field = QLineEdit()
        self.field.setObjectName("checkinField")
        self.field.setPlaceholderText(self.tr("Scan the badge or type a name, then Enter"))
        self.field.setClearButtonEnabled(True)
        self.field.returnPressed.connect(self._entered)
        self.field.textEdited.connect(self._edited)
        self.field.installEventFilter(self)
        self.banner = OutcomeBanner()
        self.banner.force_requested.connect(self._force)
        self.candidates = CandidateList()
        self.candidates.chosen.connect(self.check_in_person)
        self.candidates.installEventFilter(self)
        self.walk_in_button = QPushButton(self.tr("Walk-in…"))
        self.walk_in_button.setObjectName("walkInButton")
        self.walk_in_button.clicked.connect(self.add_walk_in)
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("checkinUndo")
        self.undo_button.clicked.connect(self.undo)
        for widget in (self.walk_in_button, self.undo_button):
            widget.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the field keeps the keyboard
        self.scan_timer = QTimer(self, singleShot=True, interval=SCAN_TIMEOUT_MS)
        self.scan_timer.timeout.connect(self._scan_broke_off)
        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self._search)
        self.changed_timer = QTimer(self, singleShot=True, interval=0)
        self.changed_timer.timeout.connect(self._event_changed)
        self._style()
        self._lay_out()
        self._actions()
        # Every write and every undo or redo, here or in the main window, says so through
        # data_changed; the stack's own signals also came while the window was torn down.
        host.data_changed.connect(self._data_changed)
        self._update_undo()
        self.banner.show_idle(self.tr("Ready for the first guest."))
        self.resize(760, 560)

    # --- building ---------------------------------------------------------------------------
    def _style(self) -> None:
        for widget, size, bold in ((self.event_label, 1.3, True), (self.counter, 2.0, True),
                                   (self.field, 1.8, False)):
            font = QFont(widget.font())
            font.setPointSizeF(font.pointSizeF() * size)
            font.setBold(bold)
            widget.setFont(font)
        self.field.setMinimumHeight(52)

    def _lay_out(self) -> None:
        heading = QHBoxLayout()
        heading.addWidget(self.event_label, 1)
        heading.addWidget(self.counter)
        buttons = QHBoxLayout()
        buttons.addWidget(self.walk_in_button)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        layout.addLayout(heading)
        layout.addWidget(self.field)
        layout.addWidget(self.banner)
        layout.addWidget(self.candidates, 1)
        layout.addLayout(buttons)

    def _actions(self) -> None:
        for keys, slot in ((QKeySequence.StandardKey.Undo, self.undo),
                           (QKeySequence.StandardKey.Redo, self.redo)):
            action = QAction(self)
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.ShortcutOverride:
            # The field's own text undo would swallow Ctrl+Z: here it undoes the check-in.
            assert isinstance(event, QKeyEvent)
            if event.matches(QKeySequence.StandardKey.Undo) \
                    or event.matches(QKeySequence.StandardKey.Redo):
                return True
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down and self.candidates.topLevelItemCount():
                self.candidates.setFocus()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.reader.reset()
                self.field.clear()
                return True
        if watched is self.candidates and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.text() and event.text().isprintable():
                # Typing (or the next scan) while the list has the focus goes to the field:
                # the list's own keyboard search would swallow the code.
                self.field.setFocus()
                QApplication.sendEvent(self.field, QKeyEvent(
                    event.type(), event.key(), event.modifiers(), event.text()))
                return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.field.setFocus()
        self._update_undo()
        self.refresh_headcount()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.reader.reset()
        super().closeEvent(event)

    # --- what the scanner or the user typed ----------------------------------------------
    def _edited(self, text: str) -> None:
        if self.reader.collecting or text.lstrip().upper().startswith("BEGIN:"):
            self.search_timer.stop()
            return
        self.search_timer.start()

    def _entered(self) -> None:
        self.search_timer.stop()
        line = self.field.text()
        self.field.clear()  # the next scan starts in an empty field, whatever comes back
        text = self.reader.feed(line)
        if self.reader.collecting:
            self.scan_timer.start()
            self.banner.show_idle(self.tr("Reading the code …"))
            return
        self.scan_timer.stop()
        if text is None:
            return
        database, event_id = self.database, self.event_id
        self.jobs.run(lambda _progress: service.check_in(database, event_id, text),
                      lambda result: self.show_result(result, text), self._failed)

    def _scan_broke_off(self) -> None:
        if self.reader.collecting:
            self.reader.reset()
            self.banner.show_outcome(Tone.BAD, self.tr("Incomplete code"), "",
                                     self.tr("The scan broke off. Please scan the badge "
                                             "again."))

    def check_in_person(self, person_id: int, force: bool = False) -> None:
        """Check in a person picked from the list (or confirmed with "Check in anyway")."""
        database, event_id = self.database, self.event_id
        self.field.setFocus()
        self.jobs.run(lambda _progress: service.check_in_person(database, event_id, person_id,
                                                                force=force),
                      lambda result: self.show_result(result, ""), self._failed)

    def _force(self) -> None:
        if self.force_person is not None:
            person_id, self.force_person = self.force_person, None
            self.check_in_person(person_id, force=True)

    # --- answers ----------------------------------------------------------------------------
    def show_result(self, result: CheckinResult, text: str) -> None:
        self.force_person = None
        self.show_headcount(self.event_id, result.headcount)
        person = result.attendee
        name = person.name if person else ""
        organisation = (person.organisation or "") if person else ""
        outcome = result.outcome
        if outcome == CheckinOutcome.CHECKED_IN and person is not None:
            self.host.undo_stack.push(CheckedIn(
                self.tr("Check-in of {name}").format(name=name), self.database, self.event_id,
                person.person_id, result.previous_status, self.show_headcount, self._changed,
                self.host.report_error))
            self.banner.show_outcome(Tone.GOOD, self.tr("Checked in"), name, organisation)
            self._paint_now()
            # Then the other views: the main window re-reads the event's attendees.
            self.changed_timer.start()
        elif outcome == CheckinOutcome.ALREADY_IN:
            self.banner.show_outcome(Tone.WARN, self.tr("Already here"), name, self.tr(
                "Checked in earlier; nothing was changed."))
        elif outcome in (CheckinOutcome.CANCELLED, CheckinOutcome.NOT_REGISTERED):
            self._ask_force(result.attendee, outcome)
        elif outcome == CheckinOutcome.AMBIGUOUS:
            self.banner.show_outcome(Tone.WARN, self.tr("Several attendees match"), text,
                                     self.tr("Choose the person in the list: arrow down, "
                                             "then Enter."))
            self.candidates.show_attendees(result.candidates)
            if text and not self.field.text():  # nobody typed meanwhile: keep the name
                self.field.setText(text)
                self.field.selectAll()  # the next scan replaces it
            return
        else:
            shown = text if text and "\n" not in text and len(text) <= 80 else ""
            self.banner.show_outcome(Tone.BAD, self.tr("Not found"), shown, self.tr(
                "Nobody in the directory has this code or name. Check the spelling, or "
                "add a walk-in."))
        self.candidates.clear()

    def _event_changed(self) -> None:
        self._changed(RecordKind.EVENT, [self.event_id])

    def _paint_now(self) -> None:
        """The answer and the counter on screen before anything else runs: at the door the
        next guest is waiting, the other views can follow a moment later."""
        self.banner.repaint()
        self.counter.repaint()

    def _ask_force(self, person: Attendee | None, outcome: CheckinOutcome) -> None:
        if person is None:
            return
        if outcome == CheckinOutcome.NOT_REGISTERED:
            headline = self.tr("Not registered for this event")
        elif person.status == "no_show":
            headline = self.tr("Marked as no-show")
        else:
            headline = self.tr("Registration cancelled")
        self.force_person = person.person_id
        self.banner.show_outcome(Tone.BAD, headline, person.name, self.tr(
            "Not checked in. If the person may come in, click “Check in anyway”."),
            can_force=True)

    def _failed(self, error: DefenceDirError) -> None:
        self.banner.show_outcome(Tone.BAD, self.tr("Check-in failed"), "", str(error))

    # --- walk-ins -----------------------------------------------------------------------------
    def walk_in_dialog(self) -> WalkInDialog:
        return WalkInDialog(self, choices(self.database, RecordKind.ORGANISATION),
                            choices(self.database, RecordKind.LIST))

    def add_walk_in(self) -> None:
        dialog = self.walk_in_dialog()
        while self.host.run_dialog(dialog):
            draft, list_id, note = dialog.values()
            try:
                walk_in = service.add_walk_in(self.database, self.event_id, draft,
                                              list_id=list_id, consent_note=note)
            except DefenceDirError as exc:
                dialog.show_error(str(exc))
                continue
            name = " ".join(x for x in (draft.title, draft.given_name, draft.family_name)
                            if x and x.strip())
            self.host.undo_stack.push(WalkedIn(
                self.tr("Walk-in {name}").format(name=name), self.database, self.event_id,
                walk_in, draft, list_id, note, self.show_headcount, self._changed,
                self.host.report_error))
            self.show_headcount(self.event_id, walk_in.headcount)
            self.banner.show_outcome(Tone.GOOD, self.tr("Walk-in checked in"), name,
                                     self.tr("Subscribed to the list with consent recorded.")
                                     if walk_in.list_id is not None else "")
            self._changed(RecordKind.EVENT, [self.event_id])
            self._changed(RecordKind.PERSON, [walk_in.person_id])
            break
        self.field.setFocus()

    # --- counter, undo, changes elsewhere -----------------------------------------------------
    def show_headcount(self, event_id: int, count: Headcount) -> None:
        if event_id == self.event_id:
            self.counter.setText(self.tr("{present} of {expected} here").format(
                present=count.present, expected=count.expected))

    def refresh_headcount(self) -> None:
        database, event_id = self.database, self.event_id
        self.count_jobs.call(lambda: service.headcount(database, event_id),
                              lambda count: self.show_headcount(event_id, count)
                              if isinstance(count, Headcount) else None)

    def _changed(self, kind: str, ids: list[int]) -> None:
        self._own_change = True
        try:
            self.host.data_changed.emit(kind, ids)
        finally:
            self._own_change = False

    def _data_changed(self, kind: str, ids: list[int]) -> None:
        self._update_undo()
        # A status set in the main window (or its undo) changes who is here too.
        if not self._own_change and self.isVisible() and kind == RecordKind.EVENT \
                and self.event_id in ids:
            self.refresh_headcount()

    def undo(self) -> None:
        stack = self.host.undo_stack
        if stack.canUndo():
            text = stack.undoText()
            stack.undo()
            self.banner.show_idle(self.tr("Undone: {action}").format(action=text))
        self._update_undo()
        self.field.setFocus()

    def redo(self) -> None:
        stack = self.host.undo_stack
        if stack.canRedo():
            text = stack.redoText()
            stack.redo()
            self.banner.show_idle(self.tr("Redone: {action}").format(action=text))
        self._update_undo()
        self.field.setFocus()

    def _update_undo(self) -> None:
        stack = self.host.undo_stack
        self.undo_button.setEnabled(stack.canUndo())
        # "&&": a button takes "&" for a shortcut mark, and names hold "Müller & Söhne".
        self.undo_button.setText(self.tr("Undo: {action}").format(
            action=stack.undoText().replace("&", "&&")) if stack.canUndo() else self.tr("Undo"))

    # --- live search ---------------------------------------------------------------------------
    def _search(self) -> None:
        text = self.field.text().strip()
        if len(text) < 2 or self.reader.collecting:
            self.candidates.clear()
            return
        database, event_id = self.database, self.event_id
        self.search_jobs.run(
            lambda _progress: service.find_attendees(database, event_id, text),
            lambda found: self._found(text, found), lambda _error: None)

    def _found(self, text: str, found: list[Attendee]) -> None:
        if self.field.text().strip() == text:  # still what is in the field
            self.candidates.show_attendees(found)
