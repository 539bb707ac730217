"""Keeps None, True and False alive under PySide6 6.12 on CPython 3.11 (a binding bug).

That build returns None, True and False from many calls (QLabel.setText, a signal's emit,
a Python subclass's keyPressEvent …) without taking the reference it hands over, so their
reference counts fall by one per call; at zero CPython aborts ("none_dealloc"). Measured:
about 570 per scan in the check-in window, which a 5,000 to 60,000 head start lets run for
a hundred guests or so. CPython 3.12 made these objects immortal; there this does nothing.
"""

from __future__ import annotations

import sys

LOW, TOP_UP = 200_000, 500_000  # 4 MB of references per top-up, each good for ~900 scans
_pool: list[object] = []


def keep_singletons_alive() -> None:
    """Top up the references to None, True and False when they run low (cheap to call)."""
    if sys.version_info >= (3, 12):
        return
    for value in (None, True, False):
        if sys.getrefcount(value) < LOW:
            _pool.extend([value] * TOP_UP)
