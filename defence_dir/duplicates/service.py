"""The duplicate finder's public functions for the GUI and the CLI.

Signatures and types are agreed between the finder, the merge and the GUI (issue 17). Each
function takes the Database and owns its transaction. How pairs are found: blocking.py; how
they are judged: scoring.py; how they become groups: grouping.py.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from defence_dir.data.database import Database
from defence_dir.duplicates.blocking import Pair
from defence_dir.duplicates.grouping import group_pairs, groups_among
from defence_dir.duplicates.loading import load_candidates, organisation_groups
from defence_dir.duplicates.lookup import Lookup
from defence_dir.duplicates.marks import all_marks, mark, marks_of, ordered_pair, unmark
from defence_dir.duplicates.people import Candidate, build_candidate, is_mobile
from defence_dir.duplicates.results import DuplicateGroup as DuplicateGroup
from defence_dir.duplicates.results import Lane as Lane
from defence_dir.duplicates.results import SimilarPerson as SimilarPerson
from defence_dir.duplicates.scoring import LANE_RANK, Verdict, compare
from defence_dir.i18n import language_fixed
from defence_dir.records.persons import TEXT_FIELDS, PersonDraft

# (done, total); may raise (the GUI's job does, to cancel).
Progress = Callable[[int, int], object]


def find_duplicates(db: Database, *, lanes: Collection[Lane] | None = None,
                    progress: Progress | None = None) -> list[DuplicateGroup]:
    """Every group of likely-same persons in the directory, strongest first (lane, then score),
    leaving out pairs marked "not duplicates"."""
    report = progress or _quiet
    report(0, 100)
    with db.read_session() as session:
        groups, names = organisation_groups(session)
        candidates = load_candidates(session, groups, names)
        marks = all_marks(session)
    report(30, 100)
    with language_fixed():
        found = groups_among(candidates, marks, lambda done, total: report(
            30 + 65 * done // max(total, 1), 100))
    report(100, 100)
    wanted = set(Lane) if lanes is None else set(lanes)
    return [group for group in found if group.lane in wanted]


def _quiet(_done: int, _total: int) -> None:
    return None


STRONG = (Lane.CERTAIN, Lane.LIKELY)
# How far duplicates_of follows certain and likely pairs to find the whole group.
GROUP_LIMIT = 50


def duplicates_of(db: Database, person_id: int) -> list[DuplicateGroup]:
    """The groups (certain or likely) that contain this person: the detail pane's hint. Fast
    enough to run on every selection at 100,000 persons (it looks at this person's keys only)."""
    with language_fixed(), db.read_session() as session:
        lookup = Lookup(session)
        lookup.load([person_id])
        if person_id not in lookup.candidates:
            return []
        edges: dict[Pair, Verdict] = {}
        seen, queue = {person_id}, [person_id]
        while queue and len(seen) <= GROUP_LIMIT:
            current = queue.pop()
            partners = lookup.partners([lookup.candidates[current]])[current]
            lookup.load(partners)
            for other in sorted(partners):
                pair = (min(current, other), max(current, other))
                verdict = compare(lookup.candidates[pair[0]], lookup.candidates[pair[1]],
                                  lookup.holders)
                if verdict is not None and verdict.lane in STRONG:
                    edges[pair] = verdict
                    if other not in seen:
                        seen.add(other)
                        queue.append(other)
        marks = marks_of(session, seen)
        found = group_pairs(edges, marks, lookup.candidates)
    return [g for g in found if person_id in g.ids and g.lane in STRONG]


def similar_persons(db: Database, drafts: Sequence[PersonDraft], *,
                    progress: Progress | None = None) -> dict[int, list[SimilarPerson]]:
    """For each draft (by its index) the existing persons it may be the same as, strongest
    first; drafts with none are left out. Import previews use it for rows they would create."""
    report = progress or _quiet
    found: dict[int, list[SimilarPerson]] = {}
    with language_fixed(), db.read_session() as session:
        lookup = Lookup(session)
        probes = [draft_candidate(-(index + 1), draft, lookup) for index, draft in
                  enumerate(drafts)]
        report(0, len(probes))
        partners = lookup.partners(probes) if probes else {}
        lookup.load({i for found in partners.values() for i in found})
        for index, probe in enumerate(probes):
            similar = []
            for other in sorted(partners[probe.id]):
                verdict = compare(probe, lookup.candidates[other], lookup.holders)
                if verdict is not None:
                    similar.append(SimilarPerson(other, verdict.score, verdict.lane,
                                                 verdict.reasons))
            if similar:
                similar.sort(key=lambda s: (LANE_RANK[s.lane], -s.score, s.person_id))
                found[index] = similar
            report(index + 1, len(probes))
    return found


def draft_candidate(probe_id: int, draft: PersonDraft, lookup: Lookup) -> Candidate:
    """A draft as the finder compares it (an id below zero: it is no person yet)."""
    org_id = draft.organisation_id
    phones = []
    for phone in draft.phones:
        e164 = phone.normal_form()
        if e164:
            phones.append((e164, is_mobile(e164, phone.kind)))
    filled = sum(1 for name in TEXT_FIELDS if (getattr(draft, name) or "").strip())
    return build_candidate(
        probe_id, title=draft.title, given=draft.given_name, family=draft.family_name,
        organisation_id=org_id, organisation=lookup.names.get(org_id) if org_id else None,
        org_group=lookup.groups.get(org_id) if org_id else None,
        emails=[e.address for e in draft.emails], phones=phones,
        filled_fields=filled + (org_id is not None))


def mark_not_duplicates(db: Database, first_id: int, second_id: int) -> None:
    """Remember that these two are different people; the finder never proposes them again.
    Refuses (DefenceDirError) the same id twice or an unknown id; marking twice is fine."""
    pair = ordered_pair(first_id, second_id)
    with db.session() as session:
        mark(session, pair)


def unmark_not_duplicates(db: Database, first_id: int, second_id: int) -> None:
    """Take a "not duplicates" mark back (the GUI's undo)."""
    pair = ordered_pair(first_id, second_id)
    with db.session() as session:
        unmark(session, pair)
