"""The finder on a generated directory of a few thousand persons with planted duplicates and
look-alikes (benchmarks/planted_duplicates.py): lanes, precision, the per-person hint, and the
same answers on PostgreSQL."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from defence_dir.data.database import Database, open_database
from defence_dir.duplicates.service import (
    DuplicateGroup,
    Lane,
    duplicates_of,
    find_duplicates,
    similar_persons,
)
from defence_dir.records.service import person_draft

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
PERSONS = 3_000


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, list[Any]]]:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from planted_duplicates import planted_directory
    finally:
        sys.path.remove(str(BENCHMARKS))
    path = tmp_path_factory.mktemp("planted") / "directory.sqlite3"
    truth = planted_directory(path, PERSONS, per_kind=12)
    database = open_database(str(path))
    yield database, truth
    database.close()


@pytest.fixture(scope="module")
def groups(planted) -> list[DuplicateGroup]:
    return find_duplicates(planted[0])


def pair_lanes(groups: list[DuplicateGroup]) -> dict[tuple[int, int], Lane]:
    found = {}
    for group in groups:
        ids = sorted(group.ids)
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                found[a, b] = group.lane
    return found


def test_every_planted_duplicate_is_in_its_lane(planted, groups):
    lanes = pair_lanes(groups)
    wrong = [(p.kind, p.expected, lanes.get(p.ids)) for p in planted[1]
             if p.duplicate and lanes.get(p.ids) != Lane(p.expected)]
    assert wrong == []
    assert sum(p.duplicate for p in planted[1]) >= 100


def test_no_look_alike_is_certain_or_likely(planted, groups):
    lanes = pair_lanes(groups)
    wrong = [(p.kind, lanes[p.ids]) for p in planted[1]
             if not p.duplicate and lanes.get(p.ids) in (Lane.CERTAIN, Lane.LIKELY)]
    assert wrong == []
    kinds = {p.kind for p in planted[1] if not p.duplicate}
    assert kinds == {"namesake", "one_letter", "switchboard", "role_address"}


def test_certain_and_likely_hold_only_planted_duplicates(planted, groups):
    duplicates = {p.ids for p in planted[1] if p.duplicate}
    strong = {pair for pair, lane in pair_lanes(groups).items()
              if lane in (Lane.CERTAIN, Lane.LIKELY)}
    assert strong and strong <= duplicates


def test_groups_are_disjoint_and_sorted_strongest_first(groups):
    seen: set[int] = set()
    for group in groups:
        assert len(group.ids) == len(set(group.ids)) >= 2
        assert not seen & set(group.ids)
        seen.update(group.ids)
        assert list(group.ids[1:]) == sorted(group.ids[1:])
    rank = {Lane.CERTAIN: 0, Lane.LIKELY: 1, Lane.POSSIBLE: 2}
    keys = [(rank[g.lane], -g.score) for g in groups]
    assert keys == sorted(keys)
    assert sum(len(g.ids) == 3 for g in groups if g.lane is Lane.CERTAIN) >= 6  # triples


def test_the_hint_agrees_with_the_finder(planted, groups):
    database = planted[0]
    for group in groups:
        if group.lane is Lane.POSSIBLE:
            continue
        for person_id in group.ids:
            assert duplicates_of(database, person_id) == [group]


def test_a_planted_copy_as_import_draft_finds_its_original(planted):
    database, truth = planted
    pairs = [p for p in truth if p.kind in ("umlaut", "swapped", "mobile_format")]
    drafts = [person_draft(database, p.second)[0] for p in pairs]
    found = similar_persons(database, drafts)
    for index, pair in enumerate(pairs):
        ids = [s.person_id for s in found[index]]
        assert pair.first in ids and pair.second in ids  # the copy itself exists as well
        assert {s.lane for s in found[index]} == {Lane.CERTAIN}


def test_the_same_groups_on_postgresql(planted, groups, request):
    from backend_fixtures import postgres_base_url

    base = postgres_base_url()
    if base is None:
        pytest.skip("DEFENCE_DIR_TEST_POSTGRES_URL not set")
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from postgres_copy import copy_to_postgres, drop_postgres
    finally:
        sys.path.remove(str(BENCHMARKS))
    path = Path(str(planted[0].path))
    url = copy_to_postgres(path, base, prefix="dups", build_index=False)
    try:
        server = open_database(url)
        try:
            assert find_duplicates(server) == groups
            sample = [g.ids[0] for g in groups if g.lane is not Lane.POSSIBLE][:20]
            assert [duplicates_of(server, i) for i in sample] == [
                duplicates_of(planted[0], i) for i in sample]
        finally:
            server.close()
    finally:
        drop_postgres(url, base)


def test_many_drafts_read_all_names_once_and_find_the_same(planted, monkeypatch):
    from defence_dir.duplicates import lookup

    database, truth = planted
    drafts = [person_draft(database, p.second)[0] for p in truth if p.duplicate][:60]
    by_organisation = similar_persons(database, drafts)
    monkeypatch.setattr(lookup, "WHOLE_DIRECTORY_GROUPS", 0)
    assert similar_persons(database, drafts) == by_organisation
    assert len(by_organisation) == len(drafts)
