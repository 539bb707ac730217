"""Step lines over dates: a value holds from its day until the next one."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from defence_dir.ui.overview.charts import PADDING, Chart, Line, nice_ticks


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
