"""Accepted pairs into groups: one group per person, never joining a pair marked different.

Pairs are taken strongest first (lane, then score) and join their persons' groups unless that
would put two persons marked "not duplicates" into one group. A group's lane and score are
those of its weakest joining pair: three persons held together by a certain and a likely pair
are a likely group, so the certain lane (merged after one confirmation) never holds a link
that needs a glance. Possible pairs only join persons no certain or likely group holds: a
person is shown once, in its strongest group; weaker links show up once that is settled.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from defence_dir.duplicates.blocking import candidate_pairs
from defence_dir.duplicates.people import Candidate
from defence_dir.duplicates.results import DuplicateGroup, Lane
from defence_dir.duplicates.scoring import LANE_RANK, Verdict, compare

Pair = tuple[int, int]


@dataclass(slots=True)
class _Group:
    members: list[int]
    lane: Lane
    score: int
    reasons: list[str] = field(default_factory=list)


def groups_among(candidates: Mapping[int, Candidate], marks: set[Pair],
                 progress: Callable[[int, int], object]) -> list[DuplicateGroup]:
    """The finder's answer over these persons: blocking, judging each pair, grouping."""
    pairs, holders = candidate_pairs(candidates)
    ordered = sorted(pairs - marks)
    edges: dict[Pair, Verdict] = {}
    for index, (a, b) in enumerate(ordered):
        if index % 20_000 == 0:
            progress(index, len(ordered))
        verdict = compare(candidates[a], candidates[b], holders)
        if verdict is not None:
            edges[a, b] = verdict
    progress(len(ordered), len(ordered))
    return group_pairs(edges, marks, candidates)


def strength(item: tuple[Pair, Verdict]) -> tuple[int, int, int, int]:
    (a, b), verdict = item
    return LANE_RANK[verdict.lane], -verdict.score, a, b


def group_pairs(edges: Mapping[Pair, Verdict], marks: set[Pair],
                candidates: Mapping[int, Candidate]) -> list[DuplicateGroup]:
    """The groups, strongest first (lane, score, then ids)."""
    group_of: dict[int, _Group] = {}
    marked: dict[int, set[int]] = {}
    for a, b in marks:
        marked.setdefault(a, set()).add(b)
        marked.setdefault(b, set()).add(a)
    for (a, b), verdict in sorted(edges.items(), key=strength):
        if (a, b) in marks or a == b:
            continue
        if verdict.lane is Lane.POSSIBLE and any(
                g.lane is not Lane.POSSIBLE for g in (group_of.get(a), group_of.get(b)) if g):
            continue
        first, second = group_of.get(a), group_of.get(b)
        if first is not None and first is second:
            continue
        left = first.members if first else [a]
        right = second.members if second else [b]
        if any(marked.get(x, set()).intersection(right) for x in left):
            continue  # joining would propose a pair marked different
        joined = first or second or _Group([], verdict.lane, verdict.score)
        joined.members = sorted({*left, *right})
        for other in (first, second):
            if other is not None and other is not joined:
                joined.reasons += other.reasons
        joined.reasons += verdict.reasons
        joined.lane = max(joined.lane, verdict.lane, key=LANE_RANK.__getitem__)
        joined.score = min(joined.score, verdict.score)
        for member in joined.members:
            group_of[member] = joined
    unique = {id(g): g for g in group_of.values()}.values()
    groups = [DuplicateGroup(_keeper_first(g.members, candidates), g.score, g.lane,
                             tuple(dict.fromkeys(g.reasons))) for g in unique]
    groups.sort(key=lambda g: (LANE_RANK[g.lane], -g.score, sorted(g.ids)))
    return groups


def _keeper_first(members: Iterable[int], candidates: Mapping[int, Candidate]) -> tuple[int, ...]:
    """The most complete record first (the older, i.e. smaller id, on a tie), then ascending."""
    ordered = sorted(members)
    keeper = max(ordered, key=lambda m: (candidates[m].completeness, -m))
    return (keeper, *(m for m in ordered if m != keeper))
