"""The collector pauses for bulk work and comes back as it was, also when pauses overlap."""

from __future__ import annotations

import gc
import threading

import pytest

from defence_dir.gc_pause import gc_paused, thaw


@pytest.fixture(autouse=True)
def _collector_restored():
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    (gc.enable if enabled else gc.disable)()


def test_nested_and_overlapping_pauses_end_with_the_last_one():
    gc.enable()
    inner_started, outer_may_end = threading.Event(), threading.Event()
    seen = []

    def other_thread():
        with gc_paused():
            inner_started.set()
            outer_may_end.wait(5)
        seen.append(gc.isenabled())

    with gc_paused():
        assert not gc.isenabled()
        worker = threading.Thread(target=other_thread)
        worker.start()
        inner_started.wait(5)
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert not gc.isenabled()  # the other thread's pause still runs
    outer_may_end.set()
    worker.join(5)
    assert seen == [True] and gc.isenabled()


def test_a_collector_switched_off_by_the_caller_stays_off():
    gc.disable()
    with gc_paused():
        pass
    assert not gc.isenabled()


def test_an_exception_inside_ends_the_pause():
    gc.enable()
    with pytest.raises(RuntimeError), gc_paused():
        raise RuntimeError("cancelled")
    assert gc.isenabled()


def test_what_a_pause_made_is_frozen_until_thawed():
    gc.unfreeze()
    with gc_paused():
        made = [[i] for i in range(1000)]
    assert gc.get_freeze_count() >= len(made)  # no collection walks them after the pause
    thaw()
    assert gc.get_freeze_count() == 0


def test_a_thaw_asked_during_a_pause_happens_when_it_ends():
    """The wizard closed while its preview still ran: what the job made is not kept frozen."""
    gc.unfreeze()
    with gc_paused():
        thaw()
        assert gc.get_freeze_count() == 0
    assert gc.get_freeze_count() == 0
    with gc_paused():  # the next pause freezes again as usual
        pass
    assert gc.get_freeze_count() > 0
