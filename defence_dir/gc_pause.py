"""Pausing Python's cyclic garbage collector while a bulk job builds many lasting objects.

An import of 100,000 rows keeps a plan object per row; each full collection walks all of them
again, and as the plan grows these walks took about 4 s of a 30 s import (measured with
gc.callbacks). Plain reference counting still frees almost everything meanwhile.

When the last pause ends, what exists is frozen (gc.freeze) instead of walked: the first
collection after a pause would otherwise walk the whole plan once more, 0.5-1 s in which the
window did not answer (the collector holds the interpreter lock, whichever thread runs it).
Frozen objects are still freed by reference counting; `thaw()` lets the collector look at them
again once their owner (the import wizard) has let go, so the few cycles among them (an
exception's, SQLAlchemy's) do not outlive it. Threads share the collector, hence the count.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_state = {"depth": 0, "was_enabled": True, "thaw_asked": False}


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
            if _state["depth"] == 0:
                if _state["thaw_asked"]:  # its owner has gone meanwhile: nothing to keep
                    _state["thaw_asked"] = False
                    gc.unfreeze()
                else:
                    gc.freeze()
                if _state["was_enabled"]:
                    gc.enable()


def thaw() -> None:
    """Hand objects frozen after pauses back to the collector (cheap once the large data
    they held is gone); asked during a pause, at its end."""
    with _lock:
        if _state["depth"] == 0:
            gc.unfreeze()
        else:
            _state["thaw_asked"] = True
