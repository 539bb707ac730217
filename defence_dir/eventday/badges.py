"""The badge PDF: every expected attendee's badge on sheets of the chosen layout."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from reportlab.lib.colors import HexColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from defence_dir.eventday.attendees import AttendeeRow, EventInfo
from defence_dir.eventday.badge_drawing import Box, draw_badge
from defence_dir.eventday.badge_layouts import crop_marks, sheet
from defence_dir.eventday.qr_matrix import matrices
from defence_dir.eventday.results import BadgeLayout, Progress
from defence_dir.eventday.typeface import SANS, register_fonts
from defence_dir.i18n import _


def write_badges(target: Path, event: EventInfo, rows: list[AttendeeRow], cards: dict[int, str],
                 layout: BadgeLayout, crop: bool, progress: Progress | None) -> None:
    register_fonts()
    geometry = sheet(layout)
    canvas = Canvas(str(target), pagesize=geometry.page, pageCompression=1,
                    initialFontName=SANS)  # type: ignore[arg-type]  # not Helvetica: not embedded
    canvas.setTitle(_("Name badges: {event}", event=event.name))
    canvas.setCreator("defence-dir")
    marks = crop_marks(geometry) if crop else []
    codes = matrices([cards[r.person_id] for r in rows])
    for index, (row, (side, pixels)) in enumerate(zip(rows, codes, strict=True)):
        slot = index % geometry.per_page
        if slot == 0 and index:
            canvas.showPage()
        if slot == 0:
            _draw_marks(canvas, marks)
        image = ImageReader(Image.frombytes("L", (side, side), pixels))
        x, y = geometry.origin(slot)
        draw_badge(canvas, Box(x, y, *geometry.badge), geometry.padding, row, event,
                   image, side)
        if progress is not None:
            progress(index + 1, len(rows))
    canvas.showPage()
    canvas.save()


def _draw_marks(canvas: Canvas, marks: list[tuple[float, float, float, float]]) -> None:
    if not marks:
        return
    canvas.setStrokeColor(HexColor("#000000"))
    canvas.setLineWidth(0.3)
    canvas.lines(marks)
