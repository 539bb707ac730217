"""What the overview's charts share: the card, axis ticks, series colours, the data they show.

The charts themselves (bar_chart.py, line_chart.py) are drawn with QPainter: Qt Charts is not
part of PySide6-Essentials, and two chart kinds do not justify another dependency. Colours come
from the palette (text, grid, background) plus a colour-blind-safe set of series hues that is
lightened on dark backgrounds; numbers and dates use the default QLocale.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, QLocale, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPen
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
