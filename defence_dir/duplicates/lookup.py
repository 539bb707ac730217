"""Candidates of a few persons (or import drafts) by their own keys, with indexed queries.

Answers what blocking over the whole directory would for these persons: the same addresses,
the same numbers, and the name blocks of their organisation (built from all its persons, so
a large block is cut into the same neighbourhoods). Only persons known by name alone are
left out: they can only be possible, never certain or likely.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from defence_dir.duplicates.blocking import block_pairs, name_blocks
from defence_dir.duplicates.loading import (
    email_holders,
    load_candidates,
    organisation_groups,
    persons_of_organisations,
    phone_holders,
)
from defence_dir.duplicates.people import Candidate
from defence_dir.duplicates.scoring import SHARED_CAP

# Drafts at more organisations than this read all names at once (see _all_organisation_blocks).
WHOLE_DIRECTORY_GROUPS = 50


class Lookup:
    """Reads persons, holders and organisation blocks on demand, each once."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.groups, self.names = organisation_groups(session)
        self.candidates: dict[int, Candidate] = {}
        self.holders: dict[str, int] = {}
        # Organisation group -> its name blocks, built once from all its persons.
        self._org_blocks: dict[int, dict[tuple[str, str], list[Candidate]]] = {}

    def load(self, ids: Iterable[int]) -> None:
        missing = {i for i in ids if i not in self.candidates}
        if missing:
            self.candidates.update(load_candidates(self.session, self.groups, self.names,
                                                   missing))

    def partners(self, probes: list[Candidate]) -> dict[int, set[int]]:
        """For each probe (by id) the persons sharing a blocking key with it."""
        found: dict[int, set[int]] = {probe.id: set() for probe in probes}
        groups = {p.org_group for p in probes if p.org_group is not None}
        if len(groups - self._org_blocks.keys()) > WHOLE_DIRECTORY_GROUPS:
            self._all_organisation_blocks()
        by_email = email_holders(self.session, {e for p in probes for e in p.emails})
        by_phone = phone_holders(self.session, {n for p in probes for n, _m in p.phones})
        for probe in probes:
            for key, holders in [*((e, by_email.get(e, set())) for e in probe.emails),
                                 *((n, by_phone.get(n, set())) for n, _m in probe.phones)]:
                others = holders - {probe.id}
                # A draft is no holder yet: a number two persons of the directory hold is
                # theirs alone, whether or not the import row has it too.
                count = len(holders) if probe.id > 0 else len(others)
                if count > 1:
                    self.holders[key] = count
                if others and count <= SHARED_CAP:
                    found[probe.id].update(others)
            if probe.org_group is not None:
                found[probe.id].update(self._organisation_partners(probe))
        return found

    def _all_organisation_blocks(self) -> None:
        """Every organisation's name blocks from one read of all names: for an import of
        thousands of rows, cheaper than a read per organisation."""
        named = load_candidates(self.session, self.groups, self.names, contacts=False)
        by_group: dict[int, list[Candidate]] = {}
        for person_id in sorted(named):
            candidate = named[person_id]
            if candidate.org_group is not None:
                by_group.setdefault(candidate.org_group, []).append(candidate)
        for group in set(self.groups.values()):
            self._org_blocks.setdefault(group, name_blocks(by_group.get(group, [])))

    def _organisation_partners(self, probe: Candidate) -> set[int]:
        group = probe.org_group
        assert group is not None
        blocks = self._org_blocks.get(group)
        if blocks is None:
            org_ids = [org for org, root in self.groups.items() if root == group]
            ids = persons_of_organisations(self.session, org_ids)
            # Names only: the blocks need no more, and partners are loaded whole later.
            named = load_candidates(self.session, self.groups, self.names, ids,
                                    contacts=False)
            blocks = self._org_blocks[group] = name_blocks(named[i] for i in sorted(named))
        partners: set[int] = set()
        for key in set(probe.name_codes()):
            block = blocks.get(key, [])
            if probe.id < 0:  # a draft: it joins the blocks it would be in
                block = [*block, probe]
            if len(block) > 1:
                for a, b in block_pairs(block):
                    if probe.id in (a, b):
                        partners.add(b if a == probe.id else a)
        return partners
