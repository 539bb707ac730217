"""The embedded fonts and text drawn in runs, each glyph from the first font that has it."""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONT_DIR = Path(__file__).with_name("fonts")
SANS = "DefenceDir-Sans"
SANS_BOLD = "DefenceDir-Sans-Bold"
EMOJI = "DefenceDir-Emoji"
_FILES = {SANS: "DejaVuSans.ttf", SANS_BOLD: "DejaVuSans-Bold.ttf", EMOJI: "NotoEmoji.ttf"}
_lock = threading.Lock()
_covered: dict[str, frozenset[int]] = {}


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map, with characters beyond U+FFFF (emoji) written as UTF-16
    surrogate pairs as PDF asks: reportlab writes "<1F680>", which readers take as U+1F68,
    so copying or searching an emoji from the PDF gave a Greek letter."""
    cmap = _original_cmap(fontname, subset)
    for code in subset:
        if code > 0xFFFF:
            pair = chr(code).encode("utf-16-be").hex().upper()
            cmap = cmap.replace(f"> <{code:04X}>\n", f"> <{pair}>\n", 1)
    return cmap


_original_cmap = ttfonts.makeToUnicodeCMap


def register_fonts() -> None:
    """Register the shipped fonts with reportlab once per process (a job thread may be first)."""
    with _lock:
        if _covered:
            return
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
        # Images as binary streams: reportlab's pure-Python ASCII85 encoding of a thousand QR
        # codes took seconds, for a file a quarter larger.
        rl_config.useA85 = 0
        for name, file_name in _FILES.items():
            font = TTFont(name, str(FONT_DIR / file_name))
            pdfmetrics.registerFont(font)
            _covered[name] = frozenset(font.face.charToGlyph)


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    font: str


@lru_cache(maxsize=8192)
def _font_for(char: str, base: str) -> str | None:
    """The font for one character; None for a mark or joiner that goes with its neighbour."""
    code = ord(char)
    if code in _covered[base]:
        return base
    if code in _covered[EMOJI]:
        return EMOJI
    if unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return None
    return base  # no font has it: the base font's empty box, never a lost character


def runs(text: str, bold: bool = False) -> list[Run]:
    """The text split where the font changes (DejaVu for letters, Noto Emoji for emoji)."""
    register_fonts()
    base = SANS_BOLD if bold else SANS
    if text.isascii():
        return [Run(text, base)] if text else []
    pieces: list[Run] = []
    current: list[str] = []
    font = base
    for char in text:
        wanted = _font_for(char, base) or font  # variation selectors, ZWJ stay in their run
        if wanted != font and current:
            pieces.append(Run("".join(current), font))
            current = []
        font = wanted
        current.append(char)
    if current:
        pieces.append(Run("".join(current), font))
    return pieces


def text_width(text: str, size: float, bold: bool = False) -> float:
    return sum(pdfmetrics.stringWidth(r.text, r.font, size) for r in runs(text, bold))


def draw_text(canvas: Canvas, x: float, y: float, text: str, size: float,
              bold: bool = False) -> float:
    """Draw at the baseline (x, y); the x where the text ends."""
    for run in runs(text, bold):
        canvas.setFont(run.font, size)
        canvas.drawString(x, y, run.text)
        x += pdfmetrics.stringWidth(run.text, run.font, size)
    return x


def draw_centred(canvas: Canvas, x_centre: float, y: float, text: str, size: float,
                 bold: bool = False) -> None:
    draw_text(canvas, x_centre - text_width(text, size, bold) / 2, y, text, size, bold)
