"""A stand-in for the finder and merge services (the GUI is tested on its own; the real
services have their own tests): it records every call and can refuse like the real ones."""

from __future__ import annotations

import time
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

import pytest
from PySide6.QtWidgets import QApplication

from defence_dir.data.database import Database
from defence_dir.duplicates import service as duplicates
from defence_dir.duplicates.service import DuplicateGroup, Lane, SimilarPerson
from defence_dir.errors import DefenceDirError
from defence_dir.merging import service as merging
from defence_dir.merging.service import Comparison, FieldValues, MergeResult
from defence_dir.records import service as records
from defence_dir.records.persons import EmailDraft, PersonDraft

PEOPLE = [  # realistic near-copies: umlauts, titles, organisations
    dict(title="Dr.", given_name="Jürgen", family_name="Müller", function="Leiter Forschung",
         emails=["j.mueller@fraunhofer.de"]),
    dict(given_name="Juergen", family_name="Mueller", function="Abteilungsleiter",
         emails=["juergen.mueller@fraunhofer.de"]),
    dict(title="Prof. Dr.", given_name="Änne", family_name="Schäfer",
         emails=["a.schaefer@rwth-aachen.de"]),
    dict(given_name="Anne", family_name="Schaefer", department="Institut für Kraftfahrzeuge",
         emails=["anne.schaefer@rwth-aachen.de"]),
    dict(given_name="Björn", family_name="Weiß", function="Geschäftsführer",
         emails=["b.weiss@rheinmetall.com"]),
    dict(given_name="Bjoern", family_name="Weiss", emails=["bjoern.weiss@rheinmetall.com"]),
    dict(given_name="Sören", family_name="Großmann", emails=["s.grossmann@hensoldt.net"]),
    dict(given_name="Soeren", family_name="Grossmann", emails=["soeren@hensoldt.net"]),
]


def add_people(db: Database) -> list[int]:
    made = []
    for person in PEOPLE:
        values = dict(person)
        emails = [EmailDraft(a) for a in values.pop("emails")]  # type: ignore[union-attr]
        made.append(records.create_person(db, PersonDraft(**values, emails=emails)))  # type: ignore[arg-type]
    return made


@dataclass
class FakeCore:
    db: Database
    ids: list[int]
    groups: list[DuplicateGroup] = field(default_factory=list)
    merges: list[tuple[int, tuple[int, ...], dict[str, int] | None, dict[int, int] | None]] = \
        field(default_factory=list)
    lane_merges: list[list[tuple[int, ...]]] = field(default_factory=list)
    undone: list[int] = field(default_factory=list)
    marked: set[frozenset[int]] = field(default_factory=set)
    refuse: str | None = None  # the next merge is refused with this message
    slow: float = 0.0  # seconds per progress step (cancel tests)
    versions: dict[int, int] = field(default_factory=dict)
    similar: dict[int, list[SimilarPerson]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        a, b, c, d, e, f, g, h = self.ids
        self.groups = [
            DuplicateGroup((a, b), 97, Lane.CERTAIN, ("Gleiche E-Mail-Domain, Name gleich "
                                                      "nach ä/ae", "Titel nur bei einem")),
            DuplicateGroup((e, f), 95, Lane.CERTAIN, ("Name gleich nach ß/ss",)),
            DuplicateGroup((c, d), 84, Lane.LIKELY, ("Name gleich nach ä/ae",)),
            DuplicateGroup((g, h), 61, Lane.POSSIBLE, ("Gleiche Organisation",)),
        ]
        self.versions = dict.fromkeys(self.ids, 1)

    # --- duplicates service --------------------------------------------------------------
    def find_duplicates(self, db: Database, *, lanes: Collection[Lane] | None = None,
                        progress: duplicates.Progress | None = None) -> list[DuplicateGroup]:
        for step in range(5):
            if progress is not None:
                progress(step, 5)
            time.sleep(self.slow)
        return [g for g in self.groups if frozenset(g.ids) not in self.marked]

    def duplicates_of(self, db: Database, person_id: int) -> list[DuplicateGroup]:
        return [g for g in self.groups if person_id in g.ids and g.lane is not Lane.POSSIBLE]

    def similar_persons(self, db: Database, drafts: Sequence[PersonDraft], *,
                        progress: duplicates.Progress | None = None,
                        ) -> dict[int, list[SimilarPerson]]:
        self.drafts = list(drafts)
        return dict(self.similar)

    def mark_not_duplicates(self, db: Database, first_id: int, second_id: int) -> None:
        self.marked.add(frozenset((first_id, second_id)))

    def unmark_not_duplicates(self, db: Database, first_id: int, second_id: int) -> None:
        self.marked.discard(frozenset((first_id, second_id)))

    # --- merging service -----------------------------------------------------------------
    def compare(self, db: Database, ids: Sequence[int]) -> Comparison:
        rows = [records_detail(db, i) for i in ids]
        names = tuple(r["display_name"] for r in rows)

        def values(name: str, label: str, chosen_default: bool = True) -> FieldValues:
            found = tuple(r.get(name) for r in rows)
            present = {v for v in found if v}
            chosen = next((n for n, v in enumerate(found) if v), 0)
            return FieldValues(name, label, found, len(present) > 1, chosen)
        single = (values("title", "Akademischer Titel"), values("given_name", "Vorname"),
                  values("family_name", "Nachname"), values("function", "Funktion"),
                  values("department", "Abteilung"))
        emails = tuple(", ".join(e["address"] for e in r["emails"]) for r in rows)
        united = (FieldValues("emails", "E-Mail-Adressen", emails, True, 0),)
        versions = tuple(self.versions.setdefault(i, 1) for i in ids)
        return Comparison(tuple(ids), names, versions, single, united)

    def merge_persons(self, db: Database, keep_id: int, other_ids: Sequence[int], *,
                      picks: Mapping[str, int] | None = None,
                      expected_versions: Mapping[int, int] | None = None) -> MergeResult:
        if self.refuse is not None:
            message, self.refuse = self.refuse, None
            for i in (keep_id, *other_ids):
                self.versions[i] += 1
            raise DefenceDirError(message)
        self.merges.append((keep_id, tuple(other_ids), dict(picks) if picks else None,
                            dict(expected_versions) if expected_versions else None))
        return MergeResult(keep_id, tuple(other_ids), 100 + len(self.merges))

    def merge_groups(self, db: Database, groups: Sequence[Sequence[int]], *,
                     progress: merging.Progress | None = None) -> list[MergeResult]:
        results = []
        for n, group in enumerate(groups):
            time.sleep(self.slow)
            if progress is not None:
                progress(n, len(groups))
            results.append(MergeResult(group[0], tuple(group[1:]), 500 + n))
        self.lane_merges.append([tuple(g) for g in groups])
        return results

    def undo_merge(self, db: Database, merge_id: int) -> None:
        self.undone.append(merge_id)


def records_detail(db: Database, person_id: int) -> dict:
    from defence_dir.records import browsing

    record = browsing.detail(db, "person", person_id)
    if record is None:
        raise DefenceDirError(f"Person {person_id} gibt es nicht mehr.")
    return record


def install(monkeypatch: pytest.MonkeyPatch, core: FakeCore) -> FakeCore:
    for name in ("find_duplicates", "duplicates_of", "similar_persons", "mark_not_duplicates",
                 "unmark_not_duplicates"):
        monkeypatch.setattr(duplicates, name, getattr(core, name))
    for name in ("compare", "merge_persons", "merge_groups", "undo_merge"):
        monkeypatch.setattr(merging, name, getattr(core, name))
    return core


def wait_idle(qtbot, finder) -> None:
    """Until the search, the comparison and any write have answered."""
    qtbot.waitUntil(lambda: not finder.searching and not finder.writes.busy
                    and not finder.compare_jobs.busy and not finder.progress_jobs.running,
                    timeout=5000)
    QApplication.processEvents()
