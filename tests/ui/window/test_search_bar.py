"""The search bar says what to search for: query and filters, at once for a filter."""

from __future__ import annotations

from defence_dir.records.organisations import OrganisationDraft, create_organisation
from defence_dir.ui.window.search_bar import SearchBar


def test_typing_and_choosing_a_filter_emit_query_and_filters(qtbot, db):
    bar = SearchBar()
    qtbot.addWidget(bar)
    bar.load_choices(db)
    emitted = []
    bar.search_changed.connect(lambda query, filters, now: emitted.append((query, filters, now)))
    bar.field.setText("schn")
    assert emitted[-1][0] == "schn" and emitted[-1][2] is False  # typing waits for a pause
    network = bar.combos["network_id"]
    network.setCurrentIndex(1)
    query, filters, now = emitted[-1]
    assert (query, filters.network_id, now) == ("schn", network.itemData(1), True)
    assert filters.kind is None and filters.narrowed
    bar.clear_filters()
    assert not emitted[-1][1].narrowed and emitted[-1][2] is True


def test_new_choices_keep_what_was_chosen_and_sort_like_a_phone_book(qtbot, db):
    bar = SearchBar()
    qtbot.addWidget(bar)
    bar.load_choices(db)
    combo = bar.combos["organisation_id"]
    combo.setCurrentIndex(2)
    chosen = combo.currentData()
    with db.session() as session:
        created = create_organisation(session, OrganisationDraft(name="Ärztekammer")).id
    emitted = []
    bar.search_changed.connect(lambda *args: emitted.append(args))
    bar.load_choices(db)
    assert combo.currentData() == chosen and emitted == []  # quietly: the caller searches
    names = [combo.itemText(i) for i in range(1, combo.count())]
    assert "Ärztekammer" in names and bar.has_choice("organisation_id", created)
    assert names == sorted(names, key=lambda n: n.casefold().replace("Ä".casefold(), "a"))
    assert combo.itemText(0) == "Alle Organisationen"


def test_show_only_sets_one_filter_without_a_search(qtbot, db):
    bar = SearchBar()
    qtbot.addWidget(bar)
    bar.load_choices(db)
    bar.field.setText("x")
    bar.combos["topic_id"].setCurrentIndex(1)
    network_id = bar.combos["network_id"].itemData(1)
    emitted = []
    bar.search_changed.connect(lambda *args: emitted.append(args))
    bar.show_only("network_id", network_id)
    assert emitted == [] and bar.query() == ""
    filters = bar.filters("person")
    assert (filters.network_id, filters.topic_id, filters.kind) == (network_id, None, "person")
