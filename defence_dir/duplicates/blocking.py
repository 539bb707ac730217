"""Candidate pairs from blocking keys, so 100,000 persons are never compared pairwise.

Keys: the same address (local part and domain), the same number (E.164), and within one
organisation (short and long name, any legal form taken as one) a name word's Kölner Phonetik
code with the other name part's initial: "Müller"/"Mueller", "Meyer"/"Maier" and given and
family name swapped share one. Persons with nothing but a name meet their exact namesakes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping

from defence_dir.duplicates.people import Candidate
from defence_dir.duplicates.scoring import SHARED_CAP

# A name block larger than this (a very common name at a very large organisation) is compared
# within a sorted neighbourhood instead of pairwise, so it never goes quadratic.
NAME_BLOCK_CAP = 200
NEIGHBOURHOOD = 25
SPARSE_CAP = 50

Pair = tuple[int, int]


def _pairs(ids: list[int]) -> Iterator[Pair]:
    ids = sorted(set(ids))
    for i, first in enumerate(ids):
        for second in ids[i + 1:]:
            yield first, second


def contact_holders(candidates: Iterable[Candidate]) -> tuple[dict[str, list[int]],
                                                               dict[str, list[int]]]:
    """(address -> holders, number -> holders)."""
    emails: dict[str, list[int]] = defaultdict(list)
    phones: dict[str, list[int]] = defaultdict(list)
    for candidate in candidates:
        for address in candidate.emails:
            emails[address].append(candidate.id)
        for number, _mobile in candidate.phones:
            phones[number].append(candidate.id)
    return emails, phones


def contact_pairs(holders: dict[str, list[int]]) -> Iterator[Pair]:
    """Pairs holding one address or number, unless a whole team holds it."""
    for ids in holders.values():
        if 1 < len(ids) <= SHARED_CAP:
            yield from _pairs(ids)


def name_blocks(members: Iterable[Candidate]) -> dict[tuple[str, str], list[Candidate]]:
    """The name blocks of one organisation's persons (see the module's docstring)."""
    blocks: dict[tuple[str, str], list[Candidate]] = defaultdict(list)
    for candidate in members:
        for key in candidate.name_codes():
            blocks[key].append(candidate)
    return blocks


def block_pairs(block: list[Candidate]) -> Iterator[Pair]:
    """Every pair of a block, or of a large one each person with its sorted neighbours."""
    if len(block) <= NAME_BLOCK_CAP:
        yield from _pairs([c.id for c in block])
        return
    ordered = sorted(block, key=lambda c: (c.family, c.given, c.id))
    for i, first in enumerate(ordered):
        for second in ordered[i + 1:i + 1 + NEIGHBOURHOOD]:
            yield min(first.id, second.id), max(first.id, second.id)


def organisation_pairs(candidates: Iterable[Candidate]) -> Iterator[Pair]:
    by_group: dict[int, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        if candidate.org_group is not None:
            by_group[candidate.org_group].append(candidate)
    for members in by_group.values():
        if len(members) > 1:
            for block in name_blocks(members).values():
                if len(block) > 1:
                    yield from block_pairs(block)


def sparse_pairs(candidates: Iterable[Candidate]) -> Iterator[Pair]:
    """A person known by name only, with each exact namesake (at most SPARSE_CAP of them)."""
    candidates = list(candidates)
    wanted = {c.name_key for c in candidates if c.sparse}
    by_name: dict[tuple[str, str], list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        if candidate.name_key in wanted:
            by_name[candidate.name_key].append(candidate)
    for namesakes in by_name.values():
        if 1 < len(namesakes) <= SPARSE_CAP and any(c.sparse for c in namesakes):
            for candidate in namesakes:
                if candidate.sparse:
                    for other in namesakes:
                        if other.id != candidate.id:
                            yield min(candidate.id, other.id), max(candidate.id, other.id)


def candidate_pairs(candidates: Mapping[int, Candidate]) -> tuple[set[Pair], dict[str, int]]:
    """Every pair worth comparing, and how many persons hold each address and number."""
    emails, phones = contact_holders(candidates.values())
    pairs: set[Pair] = set(contact_pairs(emails))
    pairs.update(contact_pairs(phones))
    pairs.update(organisation_pairs(candidates.values()))
    pairs.update(sparse_pairs(candidates.values()))
    holders = {key: len(ids) for key, ids in emails.items() if len(ids) > 1}
    holders.update((key, len(ids)) for key, ids in phones.items() if len(ids) > 1)
    return pairs, holders
