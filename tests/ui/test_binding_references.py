"""The Qt binding keeps Python's reference counts right: a long session must not wear out
None, True or False. PySide6 6.12.0 on Python 3.11 dropped one reference per call of most
methods (QLabel.setText, a signal's emit, a Python keyPressEvent), and the app aborted with
"none_dealloc" after some ten thousand calls: about a hundred scans at the check-in desk.
pyproject.toml keeps that release out; this test fails if such a build comes back."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

CALLS = 300  # few enough that a leaking build fails here instead of aborting


class _Emitter(QObject):
    changed = Signal(str)


class _Field(QLineEdit):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)


def _counts() -> tuple[int, int, int]:
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None, True, False are immortal")
def test_calls_into_qt_leave_none_true_and_false_alone(qtbot):
    label, emitter, field = QLabel(), _Emitter(), _Field()
    qtbot.addWidget(label)
    qtbot.addWidget(field)
    emitter.changed.connect(label.setText)
    press = QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    before = _counts()
    for i in range(CALLS):
        label.setText(str(i))
        label.setVisible(True)
        emitter.changed.emit("x")
        QApplication.sendEvent(field, press)
    after = _counts()
    # A few references may come and go with caches; a leak shows as thousands.
    assert all(b - a < CALLS // 10 for a, b in zip(after, before, strict=True)), (before, after)
