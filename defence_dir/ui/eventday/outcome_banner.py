"""The check-in's answer, large: a colour, a symbol and words (never the colour alone), the
person's name as plain text, and "Check in anyway" where the user must decide."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class Tone(Enum):
    # (symbol, text colour, background, border): readable for colour-blind users through the
    # symbol and the words; the colours only speed up the glance.
    GOOD = ("✔", "#1b5e20", "#e8f5e9", "#2e7d32")
    WARN = ("⚠", "#6d4c00", "#fff3cd", "#e0a000")
    BAD = ("✖", "#8e0000", "#ffebee", "#c62828")
    IDLE = ("", "palette(text)", "palette(base)", "palette(mid)")


class OutcomeBanner(QFrame):
    """Headline ("Checked in"), the person, a detail line and, when asked, the button to
    check in a cancelled or unregistered person anyway."""

    force_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcomeBanner")
        self.tone = Tone.IDLE
        self.symbol = QLabel()
        self.symbol.setObjectName("outcomeSymbol")
        self.symbol.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.symbol.setMinimumWidth(64)
        self.headline = QLabel()
        self.headline.setObjectName("outcomeHeadline")
        self.person = QLabel()
        self.person.setObjectName("outcomePerson")
        self.detail = QLabel()
        self.detail.setObjectName("outcomeDetail")
        for label, size, bold in ((self.symbol, 2.6, True), (self.headline, 1.7, True),
                                  (self.person, 1.5, False), (self.detail, 1.0, False)):
            label.setTextFormat(Qt.TextFormat.PlainText)  # names are user data
            font = QFont(label.font())
            font.setPointSizeF(font.pointSizeF() * size)
            font.setBold(bold)
            label.setFont(font)
            if label is not self.symbol:
                label.setWordWrap(True)
        self.force_button = QPushButton(self.tr("Check in anyway"))
        self.force_button.setObjectName("forceCheckIn")
        # Not focusable by Tab from the field: a scanner's next Enter must never press it.
        self.force_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.force_button.clicked.connect(self.force_requested)
        self.force_button.hide()
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.headline)
        texts.addWidget(self.person)
        texts.addWidget(self.detail)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.symbol)
        layout.addLayout(texts, 1)
        layout.addWidget(self.force_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setMinimumHeight(120)
        self.show_idle("")

    def show_outcome(self, tone: Tone, headline: str, person: str = "", detail: str = "", *,
                     can_force: bool = False) -> None:
        self.tone = tone
        symbol, colour, background, border = tone.value
        self.setStyleSheet(
            f"#outcomeBanner {{ background: {background}; border: 2px solid {border};"
            f" border-radius: 6px; }} #outcomeBanner QLabel {{ color: {colour}; }}")
        self.symbol.setText(symbol)
        self.headline.setText(headline)
        self.person.setText(person)
        self.person.setVisible(bool(person))
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.force_button.setVisible(can_force)
        self.setAccessibleName(" ".join(x for x in (headline, person, detail) if x))

    def show_idle(self, text: str) -> None:
        self.show_outcome(Tone.IDLE, text)
