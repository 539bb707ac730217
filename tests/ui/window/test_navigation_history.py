"""Back and Forward as in a browser: a new visit drops what lay ahead, erased records go."""

from __future__ import annotations

from defence_dir.ui.window.navigation_history import NavigationHistory


def test_back_and_forward_walk_the_visits():
    history = NavigationHistory()
    assert not history.can_go_back and history.back() is None
    for target in (("person", 1), ("network", 2), ("list", 3)):
        history.visit(target)
    assert history.back() == ("network", 2)
    assert history.back() == ("person", 1)
    assert not history.can_go_back and history.back() is None
    assert history.forward() == ("network", 2)
    assert history.can_go_forward


def test_a_new_visit_after_back_drops_what_lay_ahead():
    history = NavigationHistory()
    for target in (("person", 1), ("person", 2), ("person", 3)):
        history.visit(target)
    history.back()
    history.back()
    history.visit(("topic", 9))
    assert list(history) == [("person", 1), ("topic", 9)]
    assert not history.can_go_forward and history.forward() is None


def test_an_erased_record_is_forgotten_everywhere():
    history = NavigationHistory()
    for target in (("person", 7), ("network", 1), ("person", 7), ("person", 8)):
        history.visit(target)
    history.back()
    history.forget(("person", 7))
    assert ("person", 7) not in history
    assert list(history) == [("network", 1), ("person", 8)]
    assert history.back() == ("network", 1)  # the user stood at the last record left
