"""QR codes as grey pixels, encoded in worker processes for many badges (segno is pure Python,
about 6 ms a code). Imports only segno, so a worker starts fast."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence

import segno

from defence_dir.process_pool import results_in_order, usable_cores

QUIET_ZONE = 4  # modules of white the standard asks around a code: the badge leaves them
# A fixed mask: choosing the best of eight took three quarters of the encoding time, and
# any mask reads; error level M survives a crease or a smudge on a worn badge.
_MASK = 0
_CHUNK = 25  # codes per task given to a worker
MIN_FOR_WORKERS = 80  # below this a worker's start-up costs more than it saves

_GREY = bytes([255, 0]) + bytes(254)
Matrix = tuple[int, bytes]  # side in modules (with the quiet zone), grey pixels row by row


def matrix(text: str, border: int = 0) -> Matrix:
    code = segno.make(text, error="m", micro=False, mask=_MASK, boost_error=False,
                      encoding="utf-8")
    side = len(code.matrix) + 2 * border
    margin = bytes(border)  # light modules around the code, if asked for
    quiet = [bytes(side)] * border
    rows = [*quiet, *(margin + bytes(row) + margin for row in code.matrix), *quiet]
    # Module values are 1 (dark) and 0 (light); as grey pixels 0 and 255, in C, not per pixel.
    pixels = b"".join(rows).translate(_GREY)
    return side, pixels


def _matrices(texts: list[str]) -> list[Matrix]:
    return [matrix(t) for t in texts]


def matrices(texts: Sequence[str]) -> Iterator[Matrix]:
    """The codes of the texts, in order; encoded by worker processes when there are many."""
    cores = usable_cores()
    if len(texts) < MIN_FOR_WORKERS or cores < 2:
        yield from (matrix(t) for t in texts)
        return
    chunks = (list(texts[i:i + _CHUNK]) for i in range(0, len(texts), _CHUNK))
    workers = min(cores, 4)
    context = multiprocessing.get_context("spawn")  # no inherited connections or Qt state
    with context.Pool(workers) as pool:
        for chunk in results_in_order(pool, _matrices, chunks, workers):
            yield from chunk
