"""Blocking: which pairs get compared at all, and that a common name never goes quadratic."""

from __future__ import annotations

from defence_dir.duplicates.blocking import (
    NAME_BLOCK_CAP,
    NEIGHBOURHOOD,
    candidate_pairs,
)
from defence_dir.duplicates.people import Candidate, build_candidate
from defence_dir.duplicates.scoring import SHARED_CAP


def person(person_id: int, given: str, family: str, org: int | None = 1,
           emails: tuple[str, ...] = (), phones: tuple[tuple[str, bool], ...] = ()
           ) -> Candidate:
    return build_candidate(person_id, title=None, given=given, family=family,
                           organisation_id=org, organisation=None, org_group=org,
                           emails=list(emails), phones=list(phones), filled_fields=2)


def test_umlaut_sound_alike_and_swapped_names_meet_within_one_firm():
    people = {1: person(1, "Jürgen", "Müller"), 2: person(2, "Juergen", "Mueller"),
              3: person(3, "Jürgen", "Möller"), 4: person(4, "Müller", "Jürgen"),
              5: person(5, "Jürgen", "Müller", org=2), 6: person(6, "Anna", "Weber")}
    pairs, _holders = candidate_pairs(people)
    assert {(1, 2), (1, 3), (1, 4), (2, 3), (2, 4), (3, 4)} <= pairs
    assert not any(5 in pair or 6 in pair for pair in pairs)  # other firm; other name


def test_the_same_address_or_number_meets_across_firms_unless_a_team_holds_it():
    people = {1: person(1, "Jan", "Koch", org=1, emails=("Jan.Koch@firma.de",)),
              2: person(2, "Jan", "Koch", org=None, emails=("jan.koch@firma.de",)),
              3: person(3, "Petra", "Lang", org=2, phones=(("+4917112345678", True),)),
              4: person(4, "Petra", "Lange", org=3, phones=(("+4917112345678", True),))}
    team = {10 + i: person(10 + i, f"Name{i}", f"Person{i}", org=None,
                           emails=("team@firma.de",)) for i in range(SHARED_CAP + 1)}
    pairs, holders = candidate_pairs({**people, **team})
    assert pairs == {(1, 2), (3, 4)}
    assert holders["jan.koch@firma.de"] == 2 and holders["team@firma.de"] == SHARED_CAP + 1


def test_a_very_common_name_at_one_firm_is_compared_in_neighbourhoods():
    size = NAME_BLOCK_CAP * 3
    people = {i: person(i, "Jan", "Müller") for i in range(1, size + 1)}
    pairs, _holders = candidate_pairs(people)
    assert len(pairs) <= size * NEIGHBOURHOOD  # linear, not size² / 2
    assert all(b - a <= NEIGHBOURHOOD for a, b in pairs)
    small = {i: person(i, "Jan", "Müller") for i in range(1, NAME_BLOCK_CAP + 1)}
    assert len(candidate_pairs(small)[0]) == NAME_BLOCK_CAP * (NAME_BLOCK_CAP - 1) // 2


def test_a_person_known_by_name_only_meets_exact_namesakes():
    people = {1: person(1, "Jürgen", "Müller", org=None),
              2: person(2, "Juergen", "Mueller", org=7, emails=("jm@firma.de",)),
              3: person(3, "Jürgen", "Möller", org=8, emails=("jmo@firma.de",))}
    pairs, _holders = candidate_pairs(people)
    assert pairs == {(1, 2)}
