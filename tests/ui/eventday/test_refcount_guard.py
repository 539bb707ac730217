"""The guard that keeps None, True and False from being freed under PySide6 6.12 on 3.11."""

from __future__ import annotations

import sys

import pytest

from defence_dir.ui.eventday import refcount_guard

old_python = pytest.mark.skipif(sys.version_info >= (3, 12), reason="immortal from 3.12 on")


@old_python
def test_references_are_topped_up_when_they_run_low(monkeypatch):
    monkeypatch.setattr(refcount_guard, "_pool", [])
    monkeypatch.setattr(refcount_guard, "TOP_UP", 5000)
    monkeypatch.setattr(refcount_guard, "LOW",
                        max(map(sys.getrefcount, (None, True, False))) + 1000)
    before = sys.getrefcount(None)
    refcount_guard.keep_singletons_alive()
    assert sys.getrefcount(None) >= before + 5000
    monkeypatch.setattr(refcount_guard, "LOW", 0)
    refcount_guard.keep_singletons_alive()  # enough: nothing more
    assert len(refcount_guard._pool) == 3 * 5000
