"""A person's card as a QR code that a phone camera turns into a contact."""

from __future__ import annotations

import io

import segno
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


class QrDialog(QDialog):
    """A person's card as a QR code that a phone camera turns into a contact."""

    def __init__(self, parent: QWidget | None, name: str, card_text: str) -> None:
        super().__init__(parent)
        self.setObjectName("qrDialog")
        self.setWindowTitle(self.tr("QR code: {name}").format(name=name))
        buffer = io.BytesIO()
        segno.make(card_text, error="m", micro=False).save(buffer, kind="png", scale=5,
                                                            border=3)
        pixmap = QPixmap()
        pixmap.loadFromData(QByteArray(buffer.getvalue()), "PNG")
        picture = QLabel()
        picture.setObjectName("qrPicture")
        picture.setPixmap(pixmap)
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption = QLabel(self.tr("Scan with the phone's camera to add {name} to its "
                                 "contacts.").format(name=name))
        caption.setTextFormat(Qt.TextFormat.PlainText)
        caption.setWordWrap(True)
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(picture)
        layout.addWidget(caption)
        layout.addWidget(buttons)
