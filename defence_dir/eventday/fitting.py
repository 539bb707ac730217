"""Fitting a text into a box: smaller type first, then two lines, never cut off."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from defence_dir.eventday.typeface import text_width

LEADING = 1.18  # line pitch as a multiple of the type size
STEP = 0.5  # points between the sizes tried
FLOOR = 3.0  # below this no text is readable; a text still too long takes more lines
SHRINK_BEFORE_WRAP = 0.85  # one line down to this share of the largest size, then two lines
CAP_HEIGHT = 0.73  # DejaVu Sans capitals, as a share of the size: for centring a line


@dataclass(frozen=True, slots=True)
class Fitted:
    size: float
    lines: tuple[str, ...]

    @property
    def height(self) -> float:
        return len(self.lines) * self.size * LEADING

    def baselines(self, centre: float) -> list[float]:
        """The lines' baselines for the block's capitals to be centred on `centre`."""
        pitch = self.size * LEADING
        first = centre + (len(self.lines) - 1) * pitch / 2 - self.size * CAP_HEIGHT / 2
        return [first - index * pitch for index in range(len(self.lines))]


@lru_cache(maxsize=4096)  # the event's line is the same on every badge
def fit(text: str, width: float, max_size: float, min_size: float, max_height: float,
        *, bold: bool = False) -> Fitted:
    """The largest type that shows `text` within `width` and `max_height`: one line shrunk a
    little, else two lines (max_size down to min_size), else one line down to min_size; a
    text too long even so gets smaller type and more lines, so nothing is ever cut off."""
    text = " ".join(text.split())
    at_one_point = text_width(text, 1.0, bold)
    one_line = min(max_size, width / at_one_point, max_height / LEADING) if at_one_point \
        else max_size
    # A long name shrunk far beside short ones looks wrong: two lines first.
    if one_line >= max(min_size, max_size * SHRINK_BEFORE_WRAP):
        return Fitted(_floored(one_line), (text,))
    size = max_size
    while size >= min_size:
        lines = wrap(text, width, size, bold)
        if len(lines) <= 2 and len(lines) * size * LEADING <= max_height:
            return Fitted(size, tuple(lines))
        size -= STEP
    if one_line >= min_size:
        return Fitted(_floored(one_line), (text,))
    size = min_size
    while True:
        lines = wrap(text, width, size, bold)
        if len(lines) * size * LEADING <= max_height or size <= FLOOR:
            return Fitted(size, tuple(lines))
        size = max(FLOOR, size - STEP / 2)


def _floored(size: float) -> float:
    return int(size * 4) / 4  # quarter points: the text stays inside after rounding


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Greedy line breaking at spaces; a word wider than the line is broken between letters."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size, bold) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        while text_width(word, size, bold) > width:
            cut = _longest_prefix(word, width, size, bold)
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line or not lines:
        lines.append(line)
    return lines


def _longest_prefix(word: str, width: float, size: float, bold: bool) -> int:
    low, high = 1, len(word)  # at least one character per line, whatever its width
    while low < high:
        middle = (low + high + 1) // 2
        if text_width(word[:middle], size, bold) <= width:
            low = middle
        else:
            high = middle - 1
    return low
