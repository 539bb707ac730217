"""The window offers every member of the host Protocol its controllers rely on."""

from __future__ import annotations

from PySide6.QtCore import SignalInstance

from defence_dir.ui.common.host import WindowHost


def _members() -> set[str]:
    names = set(WindowHost.__annotations__)
    names |= {n for n in vars(WindowHost) if not n.startswith("_")}
    return names


def test_the_main_window_is_a_window_host(window):
    members = _members()
    assert {"database", "data_changed", "go_to", "report_error", "window"} <= members
    missing = [name for name in sorted(members) if not hasattr(window, name)]
    assert missing == []
    assert isinstance(window.data_changed, SignalInstance)
    assert window.window() is window


def test_data_changed_refreshes_what_the_window_shows(window, settle, db):
    from defence_dir.records.organisations import create_topic

    # (The organisation filter searches instead: it holds no list to refresh.)
    with db.session() as session:
        created = create_topic(session, "Zenit-Technik").id
    assert window.filter_combos["topic_id"].findData(created) < 0
    window.data_changed.emit("topic", [created])
    settle(window)
    assert window.filter_combos["topic_id"].findData(created) >= 0
