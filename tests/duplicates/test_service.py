"""The finder on a small directory: each kind of duplicate in its lane, look-alikes kept out,
groups of three, marks, the keeper, the per-person hint and drafts of an import."""

from __future__ import annotations

import pytest

from defence_dir.data.database import Database
from defence_dir.duplicates.service import (
    DuplicateGroup,
    Lane,
    duplicates_of,
    find_duplicates,
    mark_not_duplicates,
    similar_persons,
    unmark_not_duplicates,
)
from defence_dir.errors import DefenceDirError
from defence_dir.records.organisations import OrganisationDraft
from defence_dir.records.persons import EmailDraft, PersonDraft, PhoneDraft
from defence_dir.records.service import create_organisation, create_person


def org(db: Database, name: str) -> int:
    return create_organisation(db, OrganisationDraft(name=name)).id


def person(db: Database, given: str | None, family: str | None, org_id: int | None = None, *,
           title: str | None = None, emails: tuple[str, ...] = (),
           phones: tuple[tuple[str, str], ...] = (), function: str | None = None) -> int:
    return create_person(db, PersonDraft(
        title=title, given_name=given, family_name=family, organisation_id=org_id,
        function=function, emails=[EmailDraft(e) for e in emails],
        phones=[PhoneDraft(raw, kind) for raw, kind in phones]))


def lane_of(groups: list[DuplicateGroup], *ids: int) -> Lane | None:
    """The lane of the group holding all of `ids`, None when no group does."""
    for group in groups:
        if set(ids) <= set(group.ids):
            return group.lane
    return None


@pytest.fixture
def firms(db: Database) -> dict[str, int]:
    return {"rheinmetall": org(db, "Rheinmetall AG"), "hensoldt": org(db, "Hensoldt GmbH"),
            "fkie": org(db, "Fraunhofer FKIE"),
            "fkie_long": org(db, "Fraunhofer-Institut für Kommunikation, "
                                 "Informationsverarbeitung und Ergonomie FKIE"),
            "diehl": org(db, "Diehl Defence GmbH & Co. KG")}


def test_each_kind_of_duplicate_lands_in_its_lane(db, firms):
    r = firms["rheinmetall"]
    umlaut = (person(db, "Jürgen", "Müller", r, emails=("juergen.mueller@rheinmetall.com",)),
              person(db, "Juergen", "Mueller", r, emails=("Juergen.Mueller@rheinmetall.com",)))
    title = (person(db, "Anna", "Schäfer", r, title="Dr.", emails=("a.schaefer@rheinmetall.com",)),
             person(db, "Anna", "Schäfer", None, emails=("a.schaefer@rheinmetall.com",)))
    swapped = (person(db, "Harald", "Cremer", r, emails=("h.cremer@rheinmetall.com",)),
               person(db, "Cremer", "Harald", r, emails=("h.cremer@rheinmetall.com",)))
    mobile = (person(db, "Petra", "Krüger", firms["hensoldt"], phones=(("0171 2345678", "cell"),)),
              person(db, "Petra", "Krueger", None, phones=(("+49 (171) 234 5678", "work"),)))
    firm = (person(db, "Sabine", "Wolff", firms["fkie"], emails=("sabine.wolff@fkie.de",)),
            person(db, "Sabine", "Wolff", firms["fkie_long"]))
    line = (person(db, "Bernd", "Horn", firms["diehl"], phones=(("0211 5556677", "work"),)),
            person(db, "Bernd", "Horn", None, phones=(("+49 211 555-6677", "work"),)))
    married = (person(db, "Katrin", "Lange", r, emails=("k.lange@rheinmetall.com",),
                      phones=(("0160 9876543", "cell"),)),
               person(db, "Katrin", "Lindner", firms["hensoldt"],
                      emails=("katrin.lindner@hensoldt.net",), phones=(("01609876543", "cell"),)))
    groups = find_duplicates(db)
    assert lane_of(groups, *umlaut) is Lane.CERTAIN
    assert lane_of(groups, *title) is Lane.CERTAIN
    assert lane_of(groups, *swapped) is Lane.CERTAIN
    assert lane_of(groups, *mobile) is Lane.CERTAIN
    assert lane_of(groups, *firm) is Lane.LIKELY
    assert lane_of(groups, *line) is Lane.LIKELY
    assert lane_of(groups, *married) is Lane.LIKELY
    assert len(groups) == 7
    swapped_group = next(g for g in groups if set(g.ids) == set(swapped))
    assert any("vertauscht" in reason for reason in swapped_group.reasons)
    firm_group = next(g for g in groups if set(g.ids) == set(firm))
    assert any("unter zwei Namen" in reason for reason in firm_group.reasons)


def test_look_alikes_stay_out_of_certain_and_likely(db, firms):
    r, h = firms["rheinmetall"], firms["hensoldt"]
    namesakes = (person(db, "Thomas", "Müller", r, emails=("t.mueller@rheinmetall.com",)),
                 person(db, "Thomas", "Müller", h, emails=("thomas.mueller@hensoldt.net",)))
    one_letter = (person(db, "Lena", "Vogel", r, emails=("lena.vogel@rheinmetall.com",)),
                  person(db, "Lina", "Vogel", r, emails=("lina.vogel@rheinmetall.com",)))
    switchboard = [person(db, given, "Koch", h, phones=(("0211 1234560", "work"),))
                   for given in ("Jan", "Jon", "Anna")]
    role = [person(db, given, family, r, emails=("info@rheinmetall.com",))
            for given, family in (("Lena", "Busch"), ("Lina", "Busch"), ("Klaus", "Roth"))]
    groups = find_duplicates(db)
    assert lane_of(groups, *namesakes) is None
    assert lane_of(groups, *one_letter) is Lane.POSSIBLE
    assert lane_of(groups, switchboard[0], switchboard[2]) is None
    assert lane_of(groups, switchboard[0], switchboard[1]) is Lane.POSSIBLE
    assert lane_of(groups, role[0], role[2]) is None
    assert lane_of(groups, role[0], role[1]) is Lane.POSSIBLE
    assert all(g.lane is Lane.POSSIBLE for g in groups)
    assert find_duplicates(db, lanes=[Lane.CERTAIN, Lane.LIKELY]) == []


def test_three_copies_are_one_group_with_the_fullest_record_first(db, firms):
    r = firms["rheinmetall"]
    address = ("juergen.mueller@rheinmetall.com",)
    plain = person(db, "Jürgen", "Müller", r, emails=address)
    full = person(db, "Jürgen", "Müller", r, title="Dr.", function="Leiter Vertrieb",
                  emails=address, phones=(("0171 1112223", "cell"),))
    spelled = person(db, "Juergen", "Mueller", None, emails=address)
    groups = find_duplicates(db)
    assert len(groups) == 1
    assert groups[0].ids == (full, plain, spelled)
    assert groups[0].lane is Lane.CERTAIN and 90 <= groups[0].score <= 100
    assert [g.ids for g in duplicates_of(db, spelled)] == [(full, plain, spelled)]


def test_a_tie_keeps_the_older_record(db, firms):
    address = ("a.weber@rheinmetall.com",)
    older = person(db, "Anna", "Weber", firms["rheinmetall"], emails=address)
    newer = person(db, "Anna", "Weber", firms["rheinmetall"], emails=address)
    assert find_duplicates(db)[0].ids == (older, newer)


def test_marked_pairs_are_never_proposed_again(db, firms):
    r = firms["rheinmetall"]
    address = ("juergen.mueller@rheinmetall.com",)
    a, b, c = (person(db, "Jürgen", "Müller", r, emails=address) for _ in range(3))
    mark_not_duplicates(db, b, a)
    mark_not_duplicates(db, a, b)  # twice is fine
    groups = find_duplicates(db)
    assert all(not {a, b} <= set(g.ids) for g in groups)
    assert lane_of(groups, a, c) is Lane.CERTAIN or lane_of(groups, b, c) is Lane.CERTAIN
    assert all(not {a, b} <= set(g.ids) for g in duplicates_of(db, a) + duplicates_of(db, b))
    unmark_not_duplicates(db, b, a)
    assert lane_of(find_duplicates(db), a, b, c) is Lane.CERTAIN


def test_marking_refuses_bad_ids_and_changes_nothing(db, firms):
    a = person(db, "Anna", "Weber", firms["rheinmetall"])
    with pytest.raises(DefenceDirError):
        mark_not_duplicates(db, a, a)
    with pytest.raises(DefenceDirError, match="999999"):
        mark_not_duplicates(db, a, 999_999)
    with pytest.raises(DefenceDirError):
        unmark_not_duplicates(db, a, a)


def test_duplicates_of_answers_only_certain_and_likely(db, firms):
    r = firms["rheinmetall"]
    a = person(db, "Lena", "Vogel", r, emails=("lena.vogel@rheinmetall.com",))
    b = person(db, "Lina", "Vogel", r, emails=("lina.vogel@rheinmetall.com",))
    c = person(db, "Lena", "Vogel", r, emails=("l.vogel@rheinmetall.com",))
    assert [g.ids for g in duplicates_of(db, a)] == [(a, c)]
    assert duplicates_of(db, b) == []
    assert duplicates_of(db, 999_999) == []


def test_import_drafts_find_the_persons_they_may_be(db, firms):
    r = firms["rheinmetall"]
    known = person(db, "Jürgen", "Müller", r, emails=("juergen.mueller@rheinmetall.com",))
    colleague = person(db, "Lena", "Vogel", r, emails=("lena.vogel@rheinmetall.com",))
    drafts = [
        PersonDraft(given_name="Juergen", family_name="Mueller",
                    emails=[EmailDraft("juergen.mueller@rheinmetall.com")]),
        PersonDraft(given_name="Lina", family_name="Vogel", organisation_id=r),
        PersonDraft(given_name="Neu", family_name="Person", organisation_id=r),
    ]
    found = similar_persons(db, drafts)
    assert sorted(found) == [0, 1]
    assert found[0][0].person_id == known and found[0][0].lane is Lane.CERTAIN
    assert found[1][0].person_id == colleague and found[1][0].lane is Lane.POSSIBLE
    assert similar_persons(db, []) == {}


def test_progress_is_reported_and_can_cancel(db, firms):
    seen: list[tuple[int, int]] = []
    find_duplicates(db, progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 100) and seen[-1] == (100, 100)

    class Cancelled(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        raise Cancelled

    with pytest.raises(Cancelled):
        find_duplicates(db, progress=cancel)
