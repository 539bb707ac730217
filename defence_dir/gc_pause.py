"""Pausing Python's cyclic garbage collector while a bulk job builds many lasting objects.

An import of 100,000 rows keeps a plan object per row; each full collection walks all of them
again, and as the plan grows these walks took about 4 s of a 30 s import (measured with
gc.callbacks). Plain reference counting still frees almost everything meanwhile; the few
cycles made in the pause (SQLAlchemy's, an exception's) are collected once the last pause
ends. Threads share the collector, hence the count.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_state = {"depth": 0, "was_enabled": True}


@contextmanager
def gc_paused() -> Iterator[None]:
    with _lock:
        if _state["depth"] == 0:
            _state["was_enabled"] = gc.isenabled()
            gc.disable()
        _state["depth"] += 1
    try:
        yield
    finally:
        with _lock:
            _state["depth"] -= 1
            if _state["depth"] == 0 and _state["was_enabled"]:
                gc.enable()
