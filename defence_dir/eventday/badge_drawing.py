"""One badge drawn: name with title, function, organisation, networks, QR code, the event."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from defence_dir.eventday.attendees import AttendeeRow, EventInfo
from defence_dir.eventday.fitting import LEADING, Fitted, fit
from defence_dir.eventday.typeface import draw_text, text_width

INK = HexColor("#111111")
SOFT = HexColor("#4a4a4a")
ACCENT = HexColor("#1f4e79")  # DEFENCE.NRW blue
RULE = HexColor("#9db3c8")


@dataclass(frozen=True, slots=True)
class Box:
    x: float
    y: float  # bottom
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class Field:
    text: str
    max_size: float
    min_size: float
    share: float  # of the text column's height at most (the organisation takes what is left)
    colour: Color
    bold: bool = False


def draw_badge(canvas: Canvas, box: Box, padding: float, row: AttendeeRow, event: EventInfo,
               code: ImageReader, code_modules: int) -> None:
    portrait = box.height > box.width
    scale = box.width / (75 * mm) if portrait else min(box.width / (90 * mm),
                                                        box.height / (55 * mm))
    band = _draw_event_band(canvas, box, padding, event, scale)
    inner_top = box.y + box.height - padding
    if portrait:
        side = min(box.width * 0.5, (inner_top - band) * 0.42)
        code_box = Box(box.x + (box.width - side) / 2, band + 2 * mm * scale, side, side)
        text = Box(box.x + padding, code_box.y + side + 3 * mm,
                   box.width - 2 * padding, inner_top - code_box.y - side - 3 * mm)
    else:
        side = min(inner_top - band - 1.5 * mm, box.width * 0.4)
        free = inner_top - band - 1.5 * mm - side  # on a tall label: code and text centred
        code_box = Box(box.x + box.width - padding - side, inner_top - side - free / 2, side,
                       side)
        gap = max(3 * mm, 4 * side / code_modules)  # at least the code's quiet zone
        text = Box(box.x + padding, band + 1.5 * mm,
                   box.width - 2 * padding - side - gap, inner_top - band - 1.5 * mm)
    canvas.drawImage(code, code_box.x, code_box.y, code_box.width, code_box.height)
    _draw_texts(canvas, text, row, scale)


def _draw_event_band(canvas: Canvas, box: Box, padding: float, event: EventInfo,
                     scale: float) -> float:
    """The event's name and date along the foot; the height above the band's rule."""
    size = 6.5 * scale
    width = box.width - 2 * padding
    date_width = text_width(event.dates, size) + (2 * mm if event.dates else 0)
    name = fit(event.name, width - date_width, size, 5 * scale, 2 * size * LEADING)
    baseline = box.y + padding * 0.7
    canvas.setFillColor(SOFT)
    if event.dates:
        draw_text(canvas, box.x + box.width - padding - date_width + 2 * mm, baseline,
                  event.dates, size)
    for line in reversed(name.lines):
        draw_text(canvas, box.x + padding, baseline, line, name.size)
        baseline += name.size * LEADING
    rule = baseline - name.size * LEADING + max(name.size, size) + 1.2 * mm
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(box.x + padding, rule, box.x + box.width - padding, rule)
    return rule


def _fields(row: AttendeeRow, scale: float) -> list[Field]:
    fields = [Field(row.name, 15 * scale, 10 * scale, 0.46, INK, bold=True)]
    if row.function:
        fields.append(Field(row.function, 8.5 * scale, 6.5 * scale, 0.18, SOFT))
    if row.organisation:
        fields.append(Field(row.organisation, 10 * scale, 7 * scale, 1.0, INK))
    if row.networks:
        fields.append(Field(" · ".join(row.networks), 7.5 * scale, 6 * scale, 0.16, ACCENT))
    return fields


def _draw_texts(canvas: Canvas, box: Box, row: AttendeeRow, scale: float) -> None:
    fields = _fields(row, scale)
    spacing = 1.6 * mm * scale
    room = box.height - spacing * (len(fields) - 1)
    fitted: dict[int, Fitted] = {}
    # The organisation last: it gets the height the others leave.
    order = sorted(range(len(fields)), key=lambda i: fields[i].share)
    used = 0.0
    for index in order:
        field = fields[index]
        budget = room - used if field.share >= 1.0 else room * field.share
        fitted[index] = fit(field.text, box.width, field.max_size, field.min_size,
                            max(budget, field.min_size * LEADING), bold=field.bold)
        used += fitted[index].height
    # Centred beside the code (or above it): a short text does not cling to the top edge.
    total = sum(f.height for f in fitted.values()) + spacing * (len(fields) - 1)
    y = box.y + box.height - max(0.0, (box.height - total) / 2)
    for index, field in enumerate(fields):
        block = fitted[index]
        canvas.setFillColor(field.colour)
        for line in block.lines:
            y -= block.size
            draw_text(canvas, box.x, y, line, block.size, field.bold)
            y -= block.size * (LEADING - 1)
        y -= spacing
