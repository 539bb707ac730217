"""A click on a column header sorts every hit in the search, not the rows loaded so far."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from defence_dir.records.organisations import OrganisationDraft, create_organisation
from defence_dir.records.persons import PersonDraft, create_person
from defence_dir.search.sorting import SearchOrder, SortKey
from defence_dir.text.collation import sort_key
from defence_dir.text.folding import words
from defence_dir.ui.window.search_runner import PAGE

STEMS = ("Zeppelin", "Ärztekammer", "Bosch", "Apfel", "Öko-Institut", "Oberland", "Uhde")


@pytest.fixture
def staff(db) -> int:
    """More persons than a page: 490 "Zander"s at 35 organisations, some without one."""
    with db.session() as session:
        orgs = [create_organisation(session, OrganisationDraft(name=f"{stem} {n}")).id
                for stem in STEMS for n in range(5)]
        for number in range(490):
            create_person(session, PersonDraft(
                given_name=f"Person{number:03d}", family_name="Zander",
                organisation_id=None if number % 10 == 0 else orgs[number % len(orgs)]))
    return 490


def loaded_column(window, key: str) -> list[str]:
    model = window.table.model()
    while model.canFetchMore():
        model.fetchMore()
    column = [c.key for c in model.columns].index(key)
    return [model.index(row, column).data() or "" for row in range(model.rowCount())]


def test_header_click_sorts_all_hits_in_the_service(window, settle, staff):
    window.search_field.setText("zander")
    settle(window)
    model = window.table.model()
    assert model.rowCount() == PAGE and model.total == staff  # one page loaded of many
    column = [c.key for c in model.columns].index("organisation")
    window.table.horizontalHeader().setSortIndicator(column, Qt.SortOrder.AscendingOrder)
    settle(window)
    assert model.order == SearchOrder(SortKey.ORGANISATION)
    assert model.rowCount() == PAGE  # still a page: the model holds only hits
    organisations = loaded_column(window, "organisation")
    assert len(organisations) == staff
    filled = [o for o in organisations if o]
    assert organisations == filled + [""] * 49  # without an organisation: last
    assert [" ".join(words(o)) for o in filled] == sorted(" ".join(words(o)) for o in filled)
    assert filled[0].startswith("Apfel") and filled[100].startswith("Ärztekammer")

    window.table.horizontalHeader().setSortIndicator(column, Qt.SortOrder.DescendingOrder)
    settle(window)
    descending = loaded_column(window, "organisation")
    folded = [" ".join(words(o)) for o in descending[:len(filled)]]
    assert folded == sorted(folded, reverse=True) and descending[len(filled):] == [""] * 49
    assert descending[0].startswith("Zeppelin")


def test_unsortable_column_and_other_section_go_back_to_rank_order(window, settle, staff):
    window.search_field.setText("zander")
    settle(window)
    model = window.table.model()
    header = window.table.horizontalHeader()
    header.setSortIndicator([c.key for c in model.columns].index("email"),
                            Qt.SortOrder.DescendingOrder)
    settle(window)
    assert model.order == SearchOrder(SortKey.EMAIL, descending=True)
    header.setSortIndicator([c.key for c in model.columns].index("phone"),
                            Qt.SortOrder.AscendingOrder)
    settle(window)
    assert model.order is None
    header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    settle(window)
    assert model.order == SearchOrder(SortKey.NAME, descending=True)
    assert model.index(0, 0).data() == "Person489 Zander"
    window.select_section("organisations")
    settle(window)
    window.select_section("persons")
    settle(window)
    assert model.order is None and header.sortIndicatorSection() == -1
    assert model.index(0, 0).data() == "Person000 Zander"


def test_topics_sort_in_german_order_in_the_model(window, settle):
    window.select_section("topics")
    settle(window)
    model = window.table.model()
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    window.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    assert len(names) > 3 and [model.index(r, 0).data() for r in range(model.rowCount())] == sorted(
        names, key=sort_key, reverse=True)
