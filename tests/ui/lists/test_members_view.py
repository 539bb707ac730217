"""The members panel on its own: selecting many persons at once."""

from __future__ import annotations

import time
from datetime import datetime

from defence_dir.lists.member_rows import MemberRow
from defence_dir.ui.lists.members_view import MembersPanel


def test_selecting_thousands_of_persons_is_one_quick_step(qtbot):
    panel = MembersPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    panel.show()
    rows = [MemberRow(i, f"Name {i:05d}", "", f"p{i}@example.org", "registered",
                      datetime(2025, 1, 1)) for i in range(1, 3001)]
    panel.show_rows("event", 1, "Fachforum", rows)
    wanted = [r.person_id for r in rows if r.person_id % 3 != 0]  # 2,000 in 1,000 runs
    started = time.perf_counter()
    panel.select_persons(wanted)
    assert time.perf_counter() - started < 2  # was minutes: a selectRow() per row
    assert sorted(panel.selected_person_ids()) == wanted
    assert panel.remove_button.isEnabled()
    panel.select_persons([])
    assert panel.selected_person_ids() == [] and not panel.remove_button.isEnabled()
