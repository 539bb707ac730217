"""The overview page: four charts of the directory, loaded off the GUI thread.

The figures come from grouped queries (defence_dir/overview/service.py) that stay fast, but on a big
directory over a network database they can still take longer than a frame, so a worker loads
them and the page shows "Loading …" meanwhile. After a data change the window calls
`invalidate()`; a hidden page reloads only when it is shown again.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from defence_dir.data.database import Database
from defence_dir.overview.figures import Overview
from defence_dir.overview.service import overview_figures
from defence_dir.ui.common.jobs import Jobs
from defence_dir.ui.overview.bar_chart import BarChart
from defence_dir.ui.overview.charts import Bar, Line
from defence_dir.ui.overview.line_chart import LineChart

# More bars than this make a chart taller than a screen and no easier to read: the largest
# networks and fields, and the most recent events, are shown (the footnote says so).
MAX_BARS = 15


class OverviewPage(QScrollArea):
    """Persons per network and technology field, list sizes over time, event turnout.

    A click on a bar emits `show_persons(filter, id)`, e.g. ("network_id", 3): the window then
    lists those persons.
    """

    show_persons = Signal(str, int)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.setObjectName("overviewPage")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.figures: Overview | None = None
        self.worker = Jobs(self, drop_queued=True)  # a queued load is out of date
        self._stale = True

        body = QWidget()
        body.setObjectName("overviewBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 12, 12, 12)
        heading = QLabel(self.tr("Overview"))
        heading.setObjectName("overviewHeading")
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        heading.setFont(font)
        self.totals = QLabel()
        self.totals.setObjectName("overviewTotals")
        self.totals.setTextFormat(Qt.TextFormat.PlainText)
        self.totals.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(heading)
        layout.addWidget(self.totals)
        persons = self.tr("Persons")
        self.networks_chart = BarChart(self.tr("Persons per network"), [persons])
        self.topics_chart = BarChart(self.tr("Persons per technology field"), [persons])
        self.lists_chart = LineChart(self.tr("Distribution list members over time"))
        self.events_chart = BarChart(self.tr("Registered and attended per event"),
                                     [self.tr("Registered"), self.tr("Attended")])
        for chart, key in ((self.networks_chart, "network_id"), (self.topics_chart, "topic_id"),
                           (self.events_chart, "event_id")):
            chart.click_hint = self.tr("Click or press Enter to list these persons.")
            chart.activated.connect(lambda record_id, key=key: self.show_persons.emit(
                key, record_id))
        grid = QGridLayout()
        grid.setSpacing(12)
        for i, (card, name) in enumerate(((self.networks_chart, "networksChart"),
                                          (self.topics_chart, "topicsChart"),
                                          (self.lists_chart, "listsChart"),
                                          (self.events_chart, "eventsChart"))):
            card.setObjectName(name)
            grid.addWidget(card, i // 2, i % 2)  # a row's two cards share one height
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.setWidget(body)

    # --- loading -------------------------------------------------------------------------------
    def invalidate(self) -> None:
        """The data changed: reload now if visible, else when shown next."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        database = self.database

        def load() -> Overview:
            return overview_figures(database)
        self.worker.call(load, self._loaded)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def wait(self) -> None:
        """Block until the running load is done (tests, screenshots); call processEvents after."""
        self.worker.wait()

    def _loaded(self, result: object) -> None:
        if isinstance(result, Exception):
            self.totals.setText(self.tr("The overview could not be loaded: {message}").format(
                message=str(result)))
            return
        assert isinstance(result, Overview)
        self.show_figures(result)

    # --- showing -------------------------------------------------------------------------------
    def show_figures(self, figures: Overview) -> None:
        self.figures = figures
        locale = QLocale()
        # %Ln: the count in the locale's digits ("1.234 Personen").
        self.totals.setText(self.tr("%Ln person(s) in the directory", "", figures.persons))
        self.networks_chart.set_bars(*self._capped(
            [Bar(c.name, (c.persons,), key=c.id) for c in figures.per_network[:MAX_BARS]],
            len(figures.per_network)))
        self.topics_chart.set_bars(*self._capped(
            [Bar(c.name, (c.persons,), key=c.id) for c in figures.per_topic[:MAX_BARS]],
            len(figures.per_topic)))
        self.lists_chart.set_lines([
            Line(h.name, tuple((p.day, p.size) for p in h.points)) for h in figures.lists])
        self.events_chart.set_bars(*self._capped([
            Bar(e.name, (e.registered, e.attended),
                "" if e.share_attended is None else self.tr("{percent} % attended").format(
                    percent=locale.toString(round(e.share_attended * 100))), key=e.id)
            for e in figures.events[-MAX_BARS:]], len(figures.events)))  # oldest first

    def _capped(self, bars: list[Bar], total: int) -> tuple[list[Bar], str]:
        if len(bars) >= total:
            return bars, ""
        return bars, self.tr("%Ln of {total} shown", "", len(bars)).format(
            total=QLocale().toString(total))
