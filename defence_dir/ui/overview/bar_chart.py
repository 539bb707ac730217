"""Horizontal bars per category, one bar per series; a row can be clicked or chosen by keyboard."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import QWidget

from defence_dir.ui.overview.charts import (
    BAR_GAP,
    BAR_HEIGHT,
    LABEL_SHARE,
    PADDING,
    ROW_GAP,
    Bar,
    Chart,
    nice_ticks,
)


class BarChart(Chart):
    """Horizontal bars, one row per category, one bar per series: long labels stay readable.

    A click on a row with a `key` emits `activated(key)`; `click_hint` then ends its tooltip.
    With the keyboard (the chart takes Tab focus), Up/Down/Home/End choose a row and
    Enter or Space activates it, so the charts work without a mouse too.
    """

    activated = Signal(int)

    def __init__(self, title: str, series: Sequence[str] = (), parent: QWidget | None = None,
                 ) -> None:
        super().__init__(title, series or [title], parent)
        self.bars: list[Bar] = []
        self.click_hint = ""
        self.current_row: int | None = None  # the row chosen with the keyboard

    # --- keyboard --------------------------------------------------------------------------------
    def focusInEvent(self, event: QFocusEvent) -> None:
        if self.bars and not self.empty:
            self._choose(self.current_row or 0)
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.setAccessibleDescription(self.summary() or self.status_text())
        self.update()

    def _choose(self, row: int) -> None:
        self.current_row = row
        # Screen readers read the focused widget's description: the chosen row's figures.
        self.setAccessibleDescription(self.describe(self.bars[row]))
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if not self.bars or self.empty:
            super().keyPressEvent(event)
            return
        last = len(self.bars) - 1
        row = self.current_row if self.current_row is not None else -1
        moves = {Qt.Key.Key_Down: min(row + 1, last), Qt.Key.Key_Up: max(row - 1, 0),
                 Qt.Key.Key_Home: 0, Qt.Key.Key_End: last}
        if key in moves:
            self._choose(moves[key])
            event.accept()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) \
                and self.current_row is not None and self.bars[self.current_row].key is not None:
            self.activated.emit(self.bars[self.current_row].key)
            event.accept()
        else:
            super().keyPressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        bar = self.bar_at(event.position().y())
        self.setCursor(Qt.CursorShape.PointingHandCursor if bar is not None and
                       bar.key is not None else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        bar = self.bar_at(event.position().y())
        if event.button() == Qt.MouseButton.LeftButton and bar is not None \
                and bar.key is not None:
            self.activated.emit(bar.key)
        super().mouseReleaseEvent(event)

    @property
    def empty(self) -> bool:
        return not any(any(bar.values) for bar in self.bars)

    def set_bars(self, bars: Sequence[Bar], footnote: str = "") -> None:
        chosen = self.bars[self.current_row].key if self.current_row is not None \
            and self.current_row < len(self.bars) else None
        self.bars = list(bars)
        self.footnote = footnote
        # After a reload the keyboard stays on the same network (or field, event) if it is
        # still there.
        keys = [bar.key for bar in self.bars]
        self.current_row = keys.index(chosen) if chosen is not None and chosen in keys \
            else (min(self.current_row, len(self.bars) - 1)
                  if self.current_row is not None and self.bars else None)
        self._data_changed(self.summary(), self.empty)

    def summary(self) -> str:
        if self.empty:
            return ""
        return "; ".join(f"{bar.label}: " + ", ".join(
            f"{name} {self.locale_number(v)}" if len(self.series) > 1 else self.locale_number(v)
            for name, v in zip(self.series, bar.values, strict=False))
            + (f" ({bar.note})" if bar.note else "") for bar in self.bars)

    def _row_height(self) -> int:
        return len(self.series) * BAR_HEIGHT + (len(self.series) - 1) * BAR_GAP

    def sizeHint(self) -> QSize:
        axis = QFontMetrics(self.small_font()).height() + 8
        rows = max(1, len(self.bars)) if not self.empty else 3
        height = self.header_height() + rows * (self._row_height() + ROW_GAP) + axis + PADDING \
            + self.footnote_height()
        return QSize(420, max(180, height))

    def minimumSizeHint(self) -> QSize:
        return QSize(260, self.sizeHint().height())

    def _geometry(self, area: QRectF) -> tuple[QRectF, float, list[int]]:
        """Plot rectangle (bars), label column width and the axis ticks."""
        metrics = QFontMetrics(self.small_font())
        label_width = min(max(metrics.horizontalAdvance(b.label) for b in self.bars) + 8,
                          area.width() * LABEL_SHARE)
        note_width = max((metrics.horizontalAdvance(b.note) for b in self.bars), default=0)
        ticks = nice_ticks(max(max(b.values, default=0) for b in self.bars))
        value_width = metrics.horizontalAdvance(self.locale_number(ticks[-1])) + 6
        axis_height = metrics.height() + 8
        plot = QRectF(area.left() + label_width, area.top(),
                      area.width() - label_width - value_width - (note_width + 8 if note_width
                                                                  else 0),
                      area.height() - axis_height)
        return plot, label_width, ticks

    def paint_plot(self, painter: QPainter, area: QRectF) -> None:
        plot, label_width, ticks = self._geometry(area)
        metrics = QFontMetrics(self.small_font())
        painter.setFont(self.small_font())
        scale = plot.width() / ticks[-1]
        for tick in ticks:  # grid and axis labels
            x = plot.left() + tick * scale
            painter.setPen(QPen(self.grid_colour(), 1))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(self.text_colour(muted=True))
            painter.drawText(QRectF(x - 40, plot.bottom() + 4, 80, metrics.height()),
                             Qt.AlignmentFlag.AlignHCenter, self.locale_number(tick))
        colours = self.colours()
        for row, bar in enumerate(self.bars):
            top = plot.top() + row * (self._row_height() + ROW_GAP) + ROW_GAP / 2
            if row == self.current_row and self.hasFocus():  # the row Enter would open
                chosen = QColor(self.palette().color(self.palette().ColorRole.Highlight))
                chosen.setAlphaF(0.18)
                painter.setPen(QPen(self.palette().color(self.palette().ColorRole.Highlight),
                                    1))
                painter.setBrush(chosen)
                painter.drawRoundedRect(QRectF(area.left() - 4, top - ROW_GAP / 2 + 1,
                                               area.width() + 8, self._row_height()
                                               + ROW_GAP - 2), 3, 3)
            painter.setPen(self.text_colour())
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight,
                                       int(label_width - 8))
            painter.drawText(QRectF(area.left(), top, label_width - 8, self._row_height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            for i, value in enumerate(bar.values):
                y = top + i * (BAR_HEIGHT + BAR_GAP)
                width = value * scale
                path = QPainterPath()
                path.addRoundedRect(QRectF(plot.left(), y, max(width, 1.5), BAR_HEIGHT), 2, 2)
                painter.fillPath(path, colours[i % len(colours)])
                painter.setPen(self.text_colour())
                text = self.locale_number(value)
                painter.drawText(QRectF(plot.left() + width + 4, y, 200, BAR_HEIGHT),
                                 Qt.AlignmentFlag.AlignVCenter, text)
            if bar.note:  # notes form a right-aligned column, so they read as a list
                painter.setPen(self.text_colour(muted=True))
                painter.drawText(QRectF(area.left(), top, area.width(), self._row_height()),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                                 bar.note)

    def bar_at(self, y: float) -> Bar | None:
        if not self.bars or self.empty:
            return None
        area_top = self.header_height()
        row = int((y - area_top) // (self._row_height() + ROW_GAP))
        return self.bars[row] if 0 <= row < len(self.bars) else None

    def tooltip_at(self, x: float, y: float) -> str:
        bar = self.bar_at(y)
        return "" if bar is None else self.describe(bar)

    def describe(self, bar: Bar) -> str:
        """A row's label, values, note and what a click does (tooltip, screen readers)."""
        lines = [bar.label] + [f"{name}: {self.locale_number(value)}" for name, value in
                               zip(self.series, bar.values, strict=False)]
        if bar.note:
            lines.append(bar.note)
        if bar.key is not None and self.click_hint:
            lines.append(self.click_hint)
        return "\n".join(lines)
