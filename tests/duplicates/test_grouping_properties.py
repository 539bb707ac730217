"""Whatever the directory: groups are disjoint, never hold a person twice or a marked pair,
and the suggested keeper is the fullest record (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from defence_dir.duplicates.grouping import groups_among
from defence_dir.duplicates.people import Candidate, build_candidate
from defence_dir.duplicates.results import Lane

GIVEN = ["Jürgen", "Juergen", "Jan", "Jon", "Lena", "Lina", "Anna", None]
FAMILY = ["Müller", "Mueller", "Meyer", "Maier", "Weber", "Jan", None]
EMAILS = ["j.mueller@firma.de", "info@firma.de", "lena@web.de", "Lena@web.de", "a@b.de"]
PHONES = [("+4917112345678", True), ("+492111234560", False), ("+492111234561", False)]

people = st.lists(st.tuples(
    st.sampled_from(GIVEN), st.sampled_from(FAMILY), st.sampled_from([None, 1, 2, 3]),
    st.lists(st.sampled_from(EMAILS), max_size=2), st.lists(st.sampled_from(PHONES), max_size=2),
    st.integers(0, 6)), min_size=2, max_size=14)


def directory(rows: list) -> dict[int, Candidate]:
    found = {}
    for person_id, (given_name, family, org, emails, phones, filled) in enumerate(rows, 1):
        if given_name is None and family is None:
            family = "Weber"  # a person has a name
        found[person_id] = build_candidate(
            person_id, title=None, given=given_name, family=family, organisation_id=org,
            organisation=f"Firma {org}" if org else None, org_group=org, emails=emails,
            phones=phones, filled_fields=filled)
    return found


@settings(max_examples=300, deadline=None)
@given(people, st.data())
def test_groups_never_hold_a_marked_pair_or_a_person_twice(rows, data):
    candidates = directory(rows)
    ids = sorted(candidates)
    marks = set(data.draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids))
                                   .filter(lambda p: p[0] < p[1]).map(tuple), max_size=6)))
    groups = groups_among(candidates, marks, lambda done, total: None)
    seen: set[int] = set()
    for group in groups:
        members = set(group.ids)
        assert len(members) == len(group.ids) >= 2
        assert not seen & members
        seen |= members
        assert not any(a in members and b in members for a, b in marks)
        keeper = group.ids[0]
        assert all((candidates[keeper].completeness, -keeper)
                   >= (candidates[m].completeness, -m) for m in group.ids)
        assert 0 <= group.score <= 100 and group.reasons
    assert groups_among(candidates, marks, lambda done, total: None) == groups  # stable


@settings(max_examples=200, deadline=None)
@given(people)
def test_certain_needs_the_same_name_and_a_personal_contact(rows):
    candidates = directory(rows)
    for group in groups_among(candidates, set(), lambda done, total: None):
        if group.lane is Lane.CERTAIN:
            names = {tuple(sorted((candidates[i].given, candidates[i].family)))
                     for i in group.ids}
            assert len(names) == 1
