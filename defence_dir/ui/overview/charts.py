"""Small charts drawn with QPainter: horizontal bars per category and step lines over dates.

Qt Charts is not part of PySide6-Essentials, and two chart kinds do not justify another
dependency. Colours come from the palette (text, grid, background) plus a colour-blind-safe set
of series hues that is lightened on dark backgrounds; numbers and dates use the default QLocale.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from defence_dir.ui.common.messages import plain_tooltip

# Okabe–Ito hues: distinguishable with the common colour-vision deficiencies.
HUES = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442")
PADDING = 12
BAR_HEIGHT = 14
BAR_GAP = 3  # between the bars of one category
ROW_GAP = 8  # between categories
LABEL_SHARE = 0.38  # at most this much of the width for category labels; longer ones are elided


@dataclass(frozen=True)
class Bar:
    """One category: its label, one value per series and an optional note after the bars."""

    label: str
    values: tuple[int, ...]
    note: str = ""
    key: int | None = None  # what a click on the row stands for (a network id, …)


@dataclass(frozen=True)
class Line:
    label: str
    points: tuple[tuple[date, int], ...]  # value from that day on, oldest first


def series_colours(background: QColor, count: int) -> list[QColor]:
    """Series colours readable on `background`: lighter on dark backgrounds."""
    dark = background.lightness() < 128
    colours = []
    for i in range(count):
        colour = QColor(HUES[i % len(HUES)])
        colours.append(colour.lighter(135) if dark else colour)
    return colours


def nice_ticks(maximum: int, wanted: int = 5) -> list[int]:
    """0 and round steps (1, 2, 5 × 10ⁿ) up to at least `maximum`."""
    if maximum <= 0:
        return [0, 1]
    raw = maximum / wanted
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    step = max(1, int(step))
    top = step * math.ceil(maximum / step)
    return list(range(0, top + 1, step))


class Chart(QWidget):
    """Title, legend, empty state and tooltips; each kind of chart (BarChart, LineChart)
    draws its plot area in `paint_plot` and reports new data through `_data_changed`."""

    paint_plot: Callable[[QPainter, QRectF], None]

    def __init__(self, title: str, series: Sequence[str] = (), parent: QWidget | None = None,
                 ) -> None:
        super().__init__(parent)
        self.title = title
        self.series = list(series)
        self.loading = True
        self.no_data = True  # as the last data said; "No data yet" instead of a plot
        self.footnote = ""  # e.g. "15 of 40 shown", under the plot
        self.setAccessibleName(title)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setMinimumHeight(180)
        self.setMouseTracking(True)
        # Reachable with Tab, so screen readers announce the name and the data summary.
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    # --- state ---------------------------------------------------------------------------------
    def status_text(self) -> str:
        """What the plot area says instead of a chart, or "" when there is a chart."""
        if self.loading:
            return self.tr("Loading …")
        return self.tr("No data yet") if self.no_data else ""

    def _data_changed(self, summary: str, no_data: bool) -> None:
        """New data arrived; `summary` says it in words for screen readers."""
        self.loading, self.no_data = False, no_data
        self.setAccessibleDescription(summary or self.status_text())
        self.updateGeometry()
        self.update()

    # --- drawing helpers -------------------------------------------------------------------------
    def locale_number(self, value: float, decimals: int = 0) -> str:
        return QLocale().toString(float(value), "f", decimals) if decimals \
            else QLocale().toString(int(value))

    def small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
        return font

    # The card is painted in the Base colour, so text uses Text (its partner role), not
    # WindowText: styles may pair a light window with a dark base.
    def text_colour(self, muted: bool = False) -> QColor:
        role = self.palette().ColorRole.PlaceholderText if muted \
            else self.palette().ColorRole.Text
        return self.palette().color(role)

    def grid_colour(self) -> QColor:
        colour = QColor(self.palette().color(self.palette().ColorRole.Text))
        colour.setAlphaF(0.15)
        return colour

    def colours(self) -> list[QColor]:
        return series_colours(self.palette().color(self.palette().ColorRole.Base),
                              max(1, len(self.series)))

    def header_height(self) -> int:
        title = QFontMetrics(self._title_font()).height()
        legend = QFontMetrics(self.small_font()).height() + 6 if self.has_legend() else 0
        return PADDING + title + 6 + legend

    def footnote_height(self) -> int:
        return QFontMetrics(self.small_font()).height() + 4 if self.footnote else 0

    def has_legend(self) -> bool:
        """A legend names the series; one series of bars is named by the title already."""
        return len(self.series) > 1

    def _title_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        border = self.palette().color(self.palette().ColorRole.Highlight) if self.hasFocus() \
            else self.grid_colour()
        painter.setPen(QPen(border, 2 if self.hasFocus() else 1))
        painter.setBrush(self.palette().color(self.palette().ColorRole.Base))
        painter.drawRoundedRect(frame, 6, 6)
        painter.setFont(self._title_font())
        painter.setPen(self.text_colour())
        title_height = QFontMetrics(self._title_font()).height()
        painter.drawText(QRectF(PADDING, PADDING, self.width() - 2 * PADDING, title_height),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(self._title_font()).elidedText(
                             self.title, Qt.TextElideMode.ElideRight,
                             self.width() - 2 * PADDING))
        if self.has_legend():
            self._paint_legend(painter, PADDING + title_height + 6)
        body = QRectF(PADDING, self.header_height(), self.width() - 2 * PADDING,
                      self.height() - self.header_height() - PADDING - self.footnote_height())
        if self.footnote and not self.status_text():
            painter.setFont(self.small_font())
            painter.setPen(self.text_colour(muted=True))
            painter.drawText(QRectF(PADDING, body.bottom() + 4, body.width(),
                                    QFontMetrics(self.small_font()).height()),
                             Qt.AlignmentFlag.AlignLeft, self.footnote)
        status = self.status_text()
        if status:
            painter.setFont(self.font())
            painter.setPen(self.text_colour(muted=True))
            painter.drawText(body, Qt.AlignmentFlag.AlignCenter, status)
        else:
            self.paint_plot(painter, body)
        painter.end()

    def _paint_legend(self, painter: QPainter, top: float) -> None:
        painter.setFont(self.small_font())
        metrics = QFontMetrics(self.small_font())
        x = float(PADDING)
        for name, colour in zip(self.series, self.colours(), strict=False):
            painter.fillRect(QRectF(x, top + (metrics.height() - 10) / 2, 10, 10), colour)
            painter.setPen(self.text_colour())
            text_width = metrics.horizontalAdvance(name)
            painter.drawText(QRectF(x + 14, top, text_width + 2, metrics.height()),
                             Qt.AlignmentFlag.AlignVCenter, name)
            x += 14 + text_width + 16

    def tooltip_at(self, x: float, y: float) -> str:
        return ""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = "" if self.status_text() else self.tooltip_at(event.pos().x(),
                                                                 event.pos().y())
            if text:
                QToolTip.showText(event.globalPos(), plain_tooltip(text), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)


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


class LineChart(Chart):
    """Step lines over time: a value holds until the next day it changed."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, (), parent)
        self.lines: list[Line] = []

    @property
    def empty(self) -> bool:
        return not any(line.points for line in self.lines)

    def set_lines(self, lines: Sequence[Line]) -> None:
        self.lines = [line for line in lines if line.points]
        self.series = [line.label for line in self.lines]
        self._data_changed(self.summary(), self.empty)

    def has_legend(self) -> bool:
        return bool(self.series) and not self.empty  # each line is a list: name even one

    def format_date(self, day: date) -> str:
        return QLocale().toString(QDate(day.year, day.month, day.day),
                                  QLocale.FormatType.ShortFormat)

    def summary(self) -> str:
        return "; ".join(f"{line.label}: " + ", ".join(
            f"{self.format_date(day)} {self.locale_number(value)}" for day, value in line.points)
            for line in self.lines)

    def sizeHint(self) -> QSize:
        return QSize(420, 260)

    def _range(self) -> tuple[int, int]:
        days = [day.toordinal() for line in self.lines for day, _value in line.points]
        first, last = min(days), max(days)
        if first == last:  # one day only: give the step some width
            first, last = first - 1, last + 1
        return first, last

    def _geometry(self, area: QRectF) -> tuple[QRectF, list[int]]:
        metrics = QFontMetrics(self.small_font())
        ticks = nice_ticks(max(v for line in self.lines for _d, v in line.points))
        value_width = metrics.horizontalAdvance(self.locale_number(ticks[-1])) + 8
        date_width = metrics.horizontalAdvance(self.format_date(date(2000, 12, 28)))
        plot = QRectF(area.left() + value_width, area.top() + 4,
                      area.width() - value_width - date_width / 2,
                      area.height() - metrics.height() - 12)
        return plot, ticks

    def paint_plot(self, painter: QPainter, area: QRectF) -> None:
        plot, ticks = self._geometry(area)
        first, last = self._range()
        metrics = QFontMetrics(self.small_font())
        painter.setFont(self.small_font())

        def x_of(day: int) -> float:
            return plot.left() + (day - first) / (last - first) * plot.width()

        def y_of(value: int) -> float:
            return plot.bottom() - value / ticks[-1] * plot.height()

        for tick in ticks:
            y = y_of(tick)
            painter.setPen(QPen(self.grid_colour(), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(self.text_colour(muted=True))
            painter.drawText(QRectF(area.left(), y - metrics.height() / 2, plot.left() -
                                    area.left() - 6, metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             self.locale_number(tick))
        date_width = metrics.horizontalAdvance(self.format_date(date(2000, 12, 28))) + 16
        count = max(2, min(6, int(plot.width() // date_width)))
        for i in range(count):
            day = round(first + (last - first) * i / (count - 1))
            x = x_of(day)
            painter.drawText(QRectF(x - date_width / 2, plot.bottom() + 6, date_width,
                                    metrics.height()), Qt.AlignmentFlag.AlignHCenter,
                             self.format_date(date.fromordinal(day)))
        for line, colour in zip(self.lines, self.colours(), strict=False):
            path = QPainterPath()
            previous: float | None = None
            for when, value in line.points:
                x, y = x_of(when.toordinal()), y_of(value)
                if previous is None:
                    path.moveTo(x, y)
                else:
                    path.lineTo(x, previous)
                    path.lineTo(x, y)
                previous = y
            path.lineTo(plot.right(), previous if previous is not None else plot.bottom())
            painter.setPen(QPen(colour, 2.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                                Qt.PenJoinStyle.RoundJoin))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.setBrush(colour)
            for when, value in line.points:
                painter.drawEllipse(QPointF(x_of(when.toordinal()), y_of(value)), 2.5, 2.5)

    def tooltip_at(self, x: float, y: float) -> str:
        """The values of every line on the day under the mouse."""
        area = QRectF(PADDING, self.header_height(), self.width() - 2 * PADDING,
                      self.height() - self.header_height() - PADDING)
        plot, _ticks = self._geometry(area)
        if not plot.adjusted(-4, -4, 4, 4).contains(QPointF(x, y)):
            return ""
        first, last = self._range()
        day = round(first + (x - plot.left()) / plot.width() * (last - first))
        lines = [self.format_date(date.fromordinal(day))]
        for line in self.lines:
            values = [v for d, v in line.points if d.toordinal() <= day]
            lines.append(f"{line.label}: {self.locale_number(values[-1] if values else 0)}")
        return "\n".join(lines)
