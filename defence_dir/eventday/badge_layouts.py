"""Where the badges sit on a sheet: badge inserts, label sheets, single A6 badges."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, A6
from reportlab.lib.units import mm

from defence_dir.eventday.results import BadgeLayout


@dataclass(frozen=True, slots=True)
class Sheet:
    page: tuple[float, float]  # width, height in points
    badge: tuple[float, float]
    columns: int
    rows: int
    left: float  # the first badge's left edge
    top: float  # the first row's top edge, from the page's top
    gap_x: float = 0.0
    gap_y: float = 0.0
    padding: float = 4 * mm  # inside a badge, also the QR code's quiet zone

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def origin(self, slot: int) -> tuple[float, float]:
        """The bottom-left corner of the badge in this slot (0 top left, row by row)."""
        row, column = divmod(slot, self.columns)
        x = self.left + column * (self.badge[0] + self.gap_x)
        y = self.page[1] - self.top - (row + 1) * self.badge[1] - row * self.gap_y
        return x, y


def sheet(layout: BadgeLayout) -> Sheet:
    if layout is BadgeLayout.A4_8:  # 90 x 55 mm inserts, 2 x 4, the block centred
        return Sheet(A4, (90 * mm, 55 * mm), 2, 4, left=15 * mm, top=38.5 * mm)
    if layout is BadgeLayout.LABELS_2X4:  # 99.1 x 67.7 mm labels as on Avery L7165 sheets
        return Sheet(A4, (99.1 * mm, 67.7 * mm), 2, 4, left=4.65 * mm, top=13.1 * mm,
                     gap_x=2.5 * mm)
    return Sheet(A6, A6, 1, 1, left=0.0, top=0.0, padding=7 * mm)  # printers leave an edge


def crop_marks(sheet: Sheet) -> list[tuple[float, float, float, float]]:
    """Short lines in the margin where the sheet is cut: (x1, y1, x2, y2)."""
    if sheet.per_page == 1:
        return []  # an A6 badge is the page: nothing to cut
    width, height = sheet.page
    xs = sorted({x for s in range(sheet.per_page) for x in _edges_x(sheet, s)})
    ys = sorted({y for s in range(sheet.per_page) for y in _edges_y(sheet, s)})
    top, bottom, left, right = ys[-1], ys[0], xs[0], xs[-1]
    offset = 1.5 * mm
    lines = []
    for x in xs:
        length = min(6 * mm, height - top - 2 * offset, bottom - 2 * offset)
        lines.append((x, top + offset, x, top + offset + length))
        lines.append((x, bottom - offset, x, bottom - offset - length))
    for y in ys:
        length = min(6 * mm, width - right - 2 * offset, left - 2 * offset)
        lines.append((left - offset, y, left - offset - length, y))
        lines.append((right + offset, y, right + offset + length, y))
    return [line for line in lines if abs(line[0] - line[2]) + abs(line[1] - line[3]) > 1]


def _edges_x(sheet: Sheet, slot: int) -> tuple[float, float]:
    x, _y = sheet.origin(slot)
    return x, x + sheet.badge[0]


def _edges_y(sheet: Sheet, slot: int) -> tuple[float, float]:
    _x, y = sheet.origin(slot)
    return y, y + sheet.badge[1]
