"""How two names relate, and the lane shared contacts give them."""

from __future__ import annotations

import pytest

from defence_dir.duplicates.people import Candidate, build_candidate
from defence_dir.duplicates.results import Lane
from defence_dir.duplicates.scoring import NameRelation, compare, name_relation


def person(person_id: int, given: str | None, family: str | None, *, org: int | None = 1,
           emails: tuple[str, ...] = (), phones: tuple[tuple[str, bool], ...] = (),
           title: str | None = None) -> Candidate:
    return build_candidate(person_id, title=title, given=given, family=family,
                           organisation_id=org, organisation="Rheinmetall AG" if org else None,
                           org_group=org, emails=list(emails), phones=list(phones),
                           filled_fields=2)


@pytest.mark.parametrize(("first", "second", "relation", "swapped"), [
    (("Jürgen", "Müller"), ("Juergen", "Mueller"), NameRelation.SAME, False),
    (("Jürgen", "Müller"), ("Müller", "Jürgen"), NameRelation.SAME, True),
    (("Dr. Jürgen", "Müller"), ("Jürgen", "Müller"), NameRelation.SAME, False),
    (("Hans", "Weber"), ("Hans-Peter", "Weber"), NameRelation.PARTIAL, False),
    (("J.", "Weber"), ("Jan", "Weber"), NameRelation.INITIAL, False),
    ((None, "Weber"), ("Jan", "Weber"), NameRelation.INITIAL, False),
    (("Lena", "Weber"), ("Lina", "Weber"), NameRelation.NEAR, False),
    (("Stefan", "Weber"), ("Stephan", "Weber"), NameRelation.NEAR, False),
    (("Jan", "Meyer"), ("Jan", "Maier"), NameRelation.NEAR, False),
    (("Anna", "Weber"), ("Jan", "Weber"), NameRelation.DIFFERENT, False),
    (("Anna", "Weber"), ("Anna", "Lindner"), NameRelation.CHANGED, False),
    (("Anna", "Weber"), ("Peter", "Lindner"), NameRelation.DIFFERENT, False),
])
def test_name_relations(first, second, relation, swapped):
    assert name_relation(person(1, *first), person(2, *second)) == (relation, swapped)


def test_the_same_personal_address_and_names_are_certain():
    a = person(1, "Jürgen", "Müller", emails=("juergen.mueller@rheinmetall.com",))
    b = person(2, "Juergen", "Mueller", org=None, emails=("juergen.mueller@rheinmetall.com",))
    verdict = compare(a, b, {"juergen.mueller@rheinmetall.com": 2})
    assert verdict is not None and verdict.lane is Lane.CERTAIN and 90 <= verdict.score <= 100
    assert verdict.reasons[0] == "Gleiche E-Mail-Adresse juergen.mueller@rheinmetall.com"


def test_a_role_address_or_a_switchboard_is_no_evidence():
    info = ("info@rheinmetall.com",)
    a = person(1, "Lena", "Weber", emails=info, phones=(("+4921112345670", False),))
    b = person(2, "Lina", "Weber", emails=info, phones=(("+4921112345670", False),))
    verdict = compare(a, b, {"info@rheinmetall.com": 2, "+4921112345670": 5})
    assert verdict is not None and verdict.lane is Lane.POSSIBLE
    assert any("info@rheinmetall.com" in r for r in verdict.reasons)


def test_a_shared_mobile_with_a_new_family_name_is_likely():
    mobile = (("+4917212345678", True),)
    a = person(1, "Anna", "Weber", phones=mobile)
    b = person(2, "Anna", "Lindner", org=7, phones=mobile)
    verdict = compare(a, b, {"+4917212345678": 2})
    assert verdict is not None and verdict.lane is Lane.LIKELY


def test_namesakes_at_different_firms_are_not_proposed():
    a = person(1, "Jürgen", "Müller", emails=("j.mueller@a.de",))
    b = person(2, "Jürgen", "Müller", org=2, emails=("j.mueller@b.de",))
    assert compare(a, b, {}) is None
