"""The attendee list and the sign-in sheet: a table with the event on every page's head, page
numbers, German order and empty lines at the end for walk-ins."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from defence_dir.eventday.attendees import AttendeeRow, EventInfo, event_dates
from defence_dir.eventday.fitting import CAP_HEIGHT, LEADING, fit
from defence_dir.eventday.results import Progress
from defence_dir.eventday.typeface import SANS, draw_text, register_fonts, text_width
from defence_dir.i18n import _
from defence_dir.lists.consent import STATUS_LABELS

MARGIN = 15 * mm
HEAD_HEIGHT = 27 * mm  # the event's name, date and city above the table
FOOT_HEIGHT = 10 * mm
MIN_WALK_IN_LINES = 5
GRID = HexColor("#8a8a8a")
HEADER_FILL = HexColor("#e8eef4")
SOFT = HexColor("#4a4a4a")
COLUMN_RULE = HexColor("#c8c8c8")


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    width: float  # in points


@dataclass(frozen=True, slots=True)
class Table:
    columns: tuple[Column, ...]
    row_height: float

    def rows_per_page(self) -> int:
        room = A4[1] - 2 * MARGIN - HEAD_HEIGHT - FOOT_HEIGHT - self.row_height  # header row
        return int(room // self.row_height)


def table(sign_in: bool) -> Table:
    if sign_in:  # room to sign
        return Table((Column(_("No."), 10 * mm), Column(_("Name"), 58 * mm),
                      Column(_("Organisation"), 62 * mm), Column(_("Signature"), 50 * mm)),
                     11 * mm)
    return Table((Column(_("No."), 10 * mm), Column(_("Name"), 62 * mm),
                  Column(_("Organisation"), 78 * mm), Column(_("Status"), 30 * mm)), 8 * mm)


def walk_in_lines(listed: int, per_page: int) -> int:
    """At least five empty lines, and the rest of the page they end on."""
    used = (listed + MIN_WALK_IN_LINES) % per_page
    return MIN_WALK_IN_LINES + ((per_page - used) % per_page)


def write_attendee_pages(target: Path, event: EventInfo, rows: list[AttendeeRow],
                         sign_in: bool, progress: Progress | None) -> None:
    register_fonts()
    layout = table(sign_in)
    per_page = layout.rows_per_page()
    lines = len(rows) + walk_in_lines(len(rows), per_page)
    pages = math.ceil(lines / per_page)
    title = _("Sign-in sheet") if sign_in else _("Attendee list")
    canvas = Canvas(str(target), pagesize=A4, pageCompression=1,
                    initialFontName=SANS)  # type: ignore[arg-type]  # not Helvetica: not embedded
    canvas.setTitle(f"{title}: {event.name}")
    canvas.setCreator("defence-dir")
    printed = event_dates(date.today(), None)
    for page in range(pages):
        if page:
            canvas.showPage()
        y = _draw_head(canvas, event, title, layout)
        for slot in range(per_page):
            number = page * per_page + slot
            if number >= lines:
                break
            row = rows[number] if number < len(rows) else None
            _draw_row(canvas, layout, y - (slot + 1) * layout.row_height, number + 1, row,
                      sign_in)
            if row is not None and progress is not None:
                progress(number + 1, len(rows))
        _draw_foot(canvas, page + 1, pages, printed)
    canvas.showPage()
    canvas.save()


def _draw_head(canvas: Canvas, event: EventInfo, title: str, layout: Table) -> float:
    """The page's head and the table's header row; the y where the rows begin."""
    width = A4[0] - 2 * MARGIN
    top = A4[1] - MARGIN
    canvas.setFillColor(SOFT)
    draw_text(canvas, MARGIN, top - 9, title, 9)
    name = fit(event.name, width, 15, 10, 2 * 15 * LEADING, bold=True)
    y = top - 12
    canvas.setFillColor(HexColor("#111111"))
    for line in name.lines:
        y -= name.size
        draw_text(canvas, MARGIN, y, line, name.size, bold=True)
        y -= name.size * (LEADING - 1)
    details = " · ".join(p for p in (event.dates, event.city) if p)
    if details:
        canvas.setFillColor(SOFT)
        draw_text(canvas, MARGIN, y - 11, details, 10)
    header_top = top - HEAD_HEIGHT
    canvas.setFillColor(HEADER_FILL)
    canvas.rect(MARGIN, header_top - layout.row_height * 0.75, width,
                layout.row_height * 0.75, stroke=0, fill=1)
    canvas.setFillColor(HexColor("#111111"))
    x = MARGIN
    for column in layout.columns:
        draw_text(canvas, x + 1.5 * mm, header_top - layout.row_height * 0.5, column.title, 9,
                  bold=True)
        x += column.width
    return header_top - layout.row_height * 0.75


def _draw_row(canvas: Canvas, layout: Table, bottom: float, number: int,
              row: AttendeeRow | None, sign_in: bool) -> None:
    canvas.setStrokeColor(GRID)
    canvas.setLineWidth(0.4)
    canvas.line(MARGIN, bottom, A4[0] - MARGIN, bottom)
    x = MARGIN
    for column in layout.columns[:-1]:  # light column rules: where to sign, what belongs
        x += column.width
        canvas.setStrokeColor(COLUMN_RULE)
        canvas.line(x, bottom, x, bottom + layout.row_height)
    cells = [str(number)]
    if row is not None:
        cells += [row.name, row.organisation or ""]
        if not sign_in:
            label = STATUS_LABELS.get(row.status)
            cells.append(_(label) if label else row.status)
    x = MARGIN
    canvas.setFillColor(HexColor("#111111") if row is not None else SOFT)
    centre = bottom + layout.row_height / 2
    for index, (column, text) in enumerate(zip(layout.columns, cells, strict=False)):
        if index == 0:
            draw_text(canvas, x + column.width - 1.5 * mm - text_width(text, 8),
                      centre - 8 * CAP_HEIGHT / 2, text, 8)
        elif text:
            block = fit(text, column.width - 3 * mm, 10 if index == 1 else 9, 6.5,
                        layout.row_height - 1.5 * mm, bold=index == 1)
            for line, baseline in zip(block.lines, block.baselines(centre), strict=True):
                draw_text(canvas, x + 1.5 * mm, baseline, line, block.size, index == 1)
        x += column.width


def _draw_foot(canvas: Canvas, page: int, pages: int, printed: str) -> None:
    canvas.setFillColor(SOFT)
    text = _("Page {page} of {pages}", page=page, pages=pages)
    draw_text(canvas, A4[0] - MARGIN - text_width(text, 8), MARGIN, text, 8)
    draw_text(canvas, MARGIN, MARGIN, _("As of {date}", date=printed), 8)
