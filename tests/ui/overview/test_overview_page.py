"""The overview page: reachable from the window, charts filled from the overview service."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from sqlalchemy import select

from defence_dir.data.models import AttendanceStatus, Person
from defence_dir.lists.consent import (
    Consent,
    ConsentSource,
    get_event_by_name,
    get_list_by_name,
    set_attendance,
    subscribe,
)
from defence_dir.ui.overview.bar_chart import BarChart
from defence_dir.ui.overview.charts import Bar, Line, nice_ticks, series_colours
from defence_dir.ui.overview.line_chart import LineChart

EVENT = "High-Tech aus NRW für die Sicherheits- und Verteidigungsindustrie"  # seeded


def open_overview(window, settle) -> None:
    window.menus.overview_action.trigger()
    window.overview.wait()
    settle(window)


def test_overview_from_the_navigation_shows_the_seeded_figures(window, settle):
    window.navigation.setCurrentRow(window.navigation.count() - 1)
    window.overview.wait()
    settle(window)
    assert window.navigation.currentItem().text() == "Übersicht"
    assert window.overview_shown() and window.overview.isVisible()
    assert not window.detail.isVisible()  # the charts get the room
    assert not window.menus.delete_action.isEnabled()  # Del must not act on the hidden table
    assert window.overview.totals.text() == "6 Personen im Verzeichnis"
    bars = {bar.label: bar.values for bar in window.overview.networks_chart.bars}
    assert bars == {"NMWP.NRW": (2,), "ZENIT GmbH": (2,), "AeroSpace.NRW": (2,), "KI.NRW": (0,),
                    "Digital.Sicher.NRW": (0,), "automotivland.nrw": (0,)}
    assert window.overview.lists_chart.status_text() == "Noch keine Daten"
    assert window.overview.events_chart.status_text() == "Noch keine Daten"
    assert window.overview.networks_chart.accessibleName() == "Personen je Netzwerk"
    assert "NMWP.NRW: 2" in window.overview.networks_chart.accessibleDescription()
    # Back to a section: the table and the detail pane return.
    window.navigation.setCurrentRow(0)
    settle(window)
    assert not window.overview_shown() and window.detail.isVisible()


def test_overview_follows_data_changes(window, settle, db):
    with db.session() as session:
        list_id = get_list_by_name(session, "Defense-Verteiler").id
        event_id = get_event_by_name(session, EVENT).id
        ids = sorted(session.scalars(select(Person.id)))
    open_overview(window, settle)
    with db.session() as session:
        for day, person_id in enumerate(ids[:3], start=1):
            subscribe(session, list_id, person_id,
                      Consent(ConsentSource.FORM, "Webformular", at=datetime(2026, 1, day, 10)))
        set_attendance(session, event_id, ids[:4], AttendanceStatus.REGISTERED)
        set_attendance(session, event_id, ids[:3], AttendanceStatus.ATTENDED)
    window.data_changed.emit("person", [])  # what every edit in the window calls
    window.overview.wait()
    settle(window)
    (line,) = window.overview.lists_chart.lines
    assert [value for _day, value in line.points] == [1, 2, 3]
    assert window.overview.lists_chart.status_text() == ""
    (bar,) = window.overview.events_chart.bars
    assert bar.values == (4, 3)
    assert bar.note == "75 % teilgenommen"
    assert window.overview.events_chart.status_text() == ""


def test_empty_directory_shows_the_empty_state(qtbot, empty_db, settle):
    from defence_dir.ui.window.main_window import MainWindow

    window = MainWindow(empty_db)
    qtbot.addWidget(window)
    window.show()
    open_overview(window, settle)
    for chart in (window.overview.networks_chart, window.overview.topics_chart,
                  window.overview.lists_chart, window.overview.events_chart):
        assert chart.status_text() == "Noch keine Daten"
        assert chart.accessibleDescription() == "Noch keine Daten"
    assert window.overview.totals.text() == "0 Personen im Verzeichnis"


def render(chart, width=500) -> QImage:
    chart.resize(width, chart.sizeHint().height())
    image = QImage(chart.size(), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    chart.render(image)
    return image


def colours_in(image: QImage) -> set[str]:
    return {image.pixelColor(x, y).name() for x in range(0, image.width(), 3)
            for y in range(0, image.height(), 3)}


def test_bar_chart_draws_bars_elides_long_labels_and_explains_them_in_a_tooltip(qtbot):
    long_name = "Eine sehr lange Veranstaltung über Sicherheits- und Verteidigungsindustrie " * 2
    chart = BarChart("Turnout", ["Registered", "Attended"])
    qtbot.addWidget(chart)
    chart.set_bars([Bar(long_name, (1234, 617), "50 %"), Bar("Kurz", (3, 0))])
    image = render(chart)
    assert "#0072b2" in colours_in(image)  # the first series' bars were painted
    assert chart.summary().startswith(long_name + ": Registered 1.234, Attended 617 (50 %)")
    first_row_y = chart.header_height() + 5
    assert chart.tooltip_at(50, first_row_y) == f"{long_name}\nRegistered: 1.234\n" \
        "Attended: 617\n50 %"
    assert chart.tooltip_at(50, chart.height() + 100) == ""


def test_line_chart_steps_over_dates(qtbot):
    from datetime import date

    chart = LineChart("Members")
    qtbot.addWidget(chart)
    chart.set_lines([Line("Newsletter", ((date(2026, 1, 5), 2), (date(2026, 3, 1), 4))),
                     Line("Leer", ())])
    assert chart.series == ["Newsletter"]  # lines without points get no legend entry
    image = render(chart)
    assert "#0072b2" in colours_in(image)
    assert chart.summary() == "Newsletter: 05.01.26 2, 01.03.26 4"


def test_dark_palette_lightens_series_and_uses_light_text(qtbot):
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, QColor("#202020"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    assert series_colours(QColor("#202020"), 1)[0].lightness() > \
        series_colours(QColor("white"), 1)[0].lightness()
    chart = BarChart("Dunkel", ["Personen"])
    qtbot.addWidget(chart)
    chart.setPalette(dark)
    chart.set_bars([Bar("A", (2,))])
    chart.resize(400, 200)
    assert chart.text_colour().name() == "#eeeeee"
    assert chart.colours()[0].name() != "#0072b2"


def test_nice_ticks():
    assert nice_ticks(0) == [0, 1]
    assert nice_ticks(2) == [0, 1, 2]
    assert nice_ticks(7) == [0, 2, 4, 6, 8]
    assert nice_ticks(1234) == [0, 500, 1000, 1500]


def test_overview_shortcut(window):
    assert window.menus.overview_action.shortcut().toString() == "Ctrl+Shift+O"
    assert window.menus.overview_action.shortcutContext() == Qt.ShortcutContext.WindowShortcut


def test_back_and_find_leave_the_overview(window, settle, qtbot):
    window.table.selectRow(0)
    settle(window)
    shown = window.current
    window.navigation.setCurrentRow(1)  # Organisationen
    settle(window)
    window.navigation.setCurrentRow(0)
    settle(window)
    window.table.selectRow(1)
    settle(window)
    open_overview(window, settle)
    assert not window.privacy.erase_action.isEnabled()  # no person in sight
    window.menus.back_action.trigger()
    settle(window)
    assert not window.overview_shown() and window.current == shown
    assert window.navigation.currentRow() == 0
    open_overview(window, settle)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert not window.overview_shown() and window.search_field.hasFocus()


def test_many_technology_fields_show_the_largest_with_a_footnote(window, settle, db):
    from defence_dir.data.models import Topic

    with db.session() as session:
        session.add_all(Topic(name=f"Feld {i:02d}") for i in range(20))
    open_overview(window, settle)
    chart = window.overview.topics_chart
    assert len(chart.bars) == 15
    assert [bar.label for bar in chart.bars[:2]] == ["Luftfahrt", "Raumfahrt"]  # largest first
    assert chart.footnote == "15 von 28 angezeigt"
    assert window.overview.networks_chart.footnote == ""


def test_line_chart_tooltip_names_each_list_on_the_day(qtbot):
    from datetime import date

    chart = LineChart("Mitglieder")
    qtbot.addWidget(chart)
    chart.set_lines([Line("Newsletter", ((date(2026, 1, 1), 2), (date(2026, 1, 11), 4))),
                     Line("Presse", ((date(2026, 1, 6), 1),))])
    chart.resize(500, 260)
    from PySide6.QtCore import QRectF

    from defence_dir.ui.overview.charts import PADDING

    area = QRectF(PADDING, chart.header_height(), chart.width() - 2 * PADDING,
                  chart.height() - chart.header_height() - PADDING)
    plot, _ticks = chart._geometry(area)
    middle = chart.tooltip_at(plot.left() + plot.width() * 0.6, plot.center().y())
    assert middle == "07.01.26\nNewsletter: 2\nPresse: 1"
    assert chart.tooltip_at(0, 0) == ""


def test_closing_on_the_overview_keeps_the_detail_pane_width(qtbot, db, settle):
    from defence_dir.ui.window.main_window import MainWindow

    first = MainWindow(db)
    qtbot.addWidget(first)
    first.resize(1280, 800)
    first.show()
    first.splitter.setSizes([150, 700, 350])
    settle(first)
    open_overview(first, settle)
    first.close()
    second = MainWindow(db)
    qtbot.addWidget(second)
    second.resize(1280, 800)
    second.show()
    settle(second)
    assert second.detail.isVisible()
    assert second.splitter.sizes()[2] > 200


def test_clicking_a_network_bar_lists_its_persons(window, settle, qtbot):
    from PySide6.QtCore import QPoint

    open_overview(window, settle)
    chart = window.overview.networks_chart
    (row,) = [i for i, bar in enumerate(chart.bars) if bar.label == "AeroSpace.NRW"]
    y = chart.header_height() + row * (chart._row_height() + 8) + 8
    assert chart.tooltip_at(200, y).endswith(
        "Klicken oder Eingabetaste drücken, um diese Personen aufzulisten.")
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(200, int(y)))
    settle(window)
    assert not window.overview_shown() and window.section.key == "persons"
    assert window.filter_combos["network_id"].currentText() == "AeroSpace.NRW"
    model = window.table.model()
    names = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert names == {"Dirk Kalinowski", "Dr. Stefan Recher"}


def test_back_from_the_overview_keeps_the_search(window, settle):
    window.search_field.insert("grosch")
    settle(window)
    window.table.selectRow(0)
    settle(window)
    window.search_field.clear()
    window.search_field.insert("schnitz")
    settle(window)
    window.table.selectRow(0)
    settle(window)
    open_overview(window, settle)
    window.menus.back_action.trigger()
    settle(window)
    assert not window.overview_shown()
    assert window.search_field.text() == "schnitz"
    assert window.current[0] == "person"


def test_the_sidebar_highlights_no_event_while_the_overview_is_shown(window, settle, ids):
    _list_id, event_id, _persons = ids
    window.go_to("event", event_id)
    settle(window)
    sidebar = window.collections.sidebar
    assert [i.data(0, Qt.ItemDataRole.UserRole + 1) for i in sidebar.selectedItems()] == [
        event_id]
    open_overview(window, settle)
    assert sidebar.selectedItems() == []  # only "Overview" is highlighted on the left
    window.navigation.setCurrentRow(window.navigation.count() - 3)  # Veranstaltungen
    settle(window)
    assert [i.data(0, Qt.ItemDataRole.UserRole + 1) for i in sidebar.selectedItems()] == [
        event_id]


def test_a_network_bar_can_be_chosen_and_opened_with_the_keyboard(window, settle, qtbot):
    open_overview(window, settle)
    chart = window.overview.networks_chart
    (row,) = [i for i, bar in enumerate(chart.bars) if bar.label == "AeroSpace.NRW"]
    chart.setFocus(Qt.FocusReason.TabFocusReason)
    settle()
    assert chart.hasFocus() and chart.current_row == 0  # Tab lands on the first bar
    before = render(chart)
    qtbot.keyClick(chart, Qt.Key.Key_End)
    assert chart.current_row == len(chart.bars) - 1
    assert render(chart) != before  # the chosen row is drawn highlighted
    qtbot.keyClick(chart, Qt.Key.Key_Home)
    qtbot.keyClick(chart, Qt.Key.Key_Up)  # stays on the first row
    assert chart.current_row == 0
    for _ in range(row):
        qtbot.keyClick(chart, Qt.Key.Key_Down)
    assert chart.current_row == row
    assert chart.accessibleDescription().startswith("AeroSpace.NRW\n")
    qtbot.keyClick(chart, Qt.Key.Key_Return)
    settle(window)
    assert not window.overview_shown() and window.section.key == "persons"
    assert window.filter_combos["network_id"].currentText() == "AeroSpace.NRW"


def test_keyboard_on_an_empty_bar_chart_does_nothing(qtbot):
    chart = BarChart("Turnout", ["Registered"])
    qtbot.addWidget(chart)
    opened = []
    chart.activated.connect(opened.append)
    chart.set_bars([])
    chart.show()
    chart.setFocus(Qt.FocusReason.TabFocusReason)
    for key in (Qt.Key.Key_Down, Qt.Key.Key_End, Qt.Key.Key_Return):
        qtbot.keyClick(chart, key)
    assert chart.current_row is None and opened == []
    chart.set_bars([Bar("A", (2,), key=7), Bar("B", (1,), key=8)])
    chart.current_row = 1
    chart.set_bars([Bar("B", (1,), key=8)])  # reloaded: still on B
    assert chart.current_row == 0
