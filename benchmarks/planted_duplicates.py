"""Duplicates and look-alikes planted into a synthetic directory, with the ground truth.

    python benchmarks/planted_duplicates.py --persons 10000 --db /tmp/planted-10k.sqlite3

`plant(db_path)` works on a file made by synthetic_directory.generate: it first removes the
generator's accidental duplicates (its 90 given and 150 family names give namesakes at one
firm and shared freemail addresses a real directory does not have), then adds copies of
persons of every kind issue 17 names, and look-alikes that must stay out of the certain and
likely lanes. It returns one `PlantedPair` per pair of persons that are (or are not) one.

Duplicates (`duplicate=True`, `expected` the lane the finder should give):
    umlaut       "Jürgen Müller" / "Juergen Mueller", same address           certain
    title        "Dr. Anna Weber" / "Anna Weber", same address (case differs) certain
    swapped      given and family name swapped, same address                 certain
    mobile_format the same mobile typed in another format, no address         certain
    phone_format the same direct line typed in another format                likely
    firm_name    short and long name of one firm or institute (two records)  likely
    name_change  married name, new address at another firm, same mobile     likely
    triple       one person three times (umlaut copy, title copy)            certain
    typo         a family name mistyped ("Schnieder"), same firm, nothing shared possible
    initial      the given name as initial ("J. Müller"), same firm, nothing shared possible
Look-alikes (`duplicate=False`, `expected` "none": never certain or likely):
    namesake     same name at another firm, other address and number
    one_letter   Lena/Lina, Jan/Jon … at one firm, other addresses and numbers
    switchboard  colleagues at one firm with the firm's switchboard number
    role_address colleagues at one firm sharing info@ / kontakt@ / office@
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_directory import generate

from defence_dir.data.database import open_database
from defence_dir.duplicates.loading import organisation_groups
from defence_dir.text.folding import words

DUPLICATE_KINDS = {"umlaut": "certain", "title": "certain", "swapped": "certain",
                   "mobile_format": "certain", "phone_format": "likely",
                   "firm_name": "likely", "name_change": "likely", "triple": "certain",
                   "typo": "possible", "initial": "possible"}
LOOK_ALIKE_KINDS = ("namesake", "one_letter", "switchboard", "role_address")
# Given names for the base's accidental namesakes, so each firm has one person of a name.
RESERVE_GIVEN = (
    "Adrian Albert Alexander Alina Amelie Arne Benedikt Bettina Carla Carsten Cornelia Daniel "
    "Dennis Doris Edith Elias Emil Erik Esther Fabian Franziska Gerd Gisela Greta Hanna Heike "
    "Helmut Ida Ingrid Irene Jakob Jana Jens Joachim Karin Karl Kerstin Lars Leonie Lothar "
    "Luise Manfred Marco Marlene Martina Mathilda Nadine Nils Norbert Olaf Oskar Pia Rainer "
    "Regina Robert Sandra Sebastian Silke Simone Svenja Theo Torsten Ulrike Valentin Vera "
    "Viktor Walter Wiebke Yvonne"
).split()
ONE_LETTER = (("Lena", "Lina"), ("Jan", "Jon"), ("Anna", "Anne"), ("Tim", "Tom"),
              ("Marc", "Mark"), ("Nina", "Nena"), ("Lea", "Lia"), ("Ben", "Ken"))
SECOND_FAMILY = ("Lindner", "Brückner", "Hüsken", "Ostermann", "Pütz", "Rademacher",
                 "Schürmann", "Tillmann", "Vosskamp", "Wüstefeld")
INSTITUTES = (
    ("Fraunhofer FKIE",
     "Fraunhofer-Institut für Kommunikation, Informationsverarbeitung und Ergonomie FKIE"),
    ("Fraunhofer INT",
     "Fraunhofer-Institut für Naturwissenschaftlich-Technische Trendanalysen INT"),
    ("DLR", "Deutsches Zentrum für Luft- und Raumfahrt e.V. (DLR)"),
    ("RWTH Aachen", "Rheinisch-Westfälische Technische Hochschule Aachen (RWTH)"),
)
ROLE_LOCAL = ("info", "kontakt", "office")
_SPELLED = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe",
                          "Ü": "Ue"})


@dataclass(frozen=True, slots=True)
class PlantedPair:
    """Two persons and what they are: `expected` is the lane a duplicate should land in, or
    "none" for a look-alike that must stay out of certain and likely."""

    first: int
    second: int
    kind: str
    duplicate: bool
    expected: str

    @property
    def ids(self) -> tuple[int, int]:
        return (self.first, self.second) if self.first < self.second else (self.second,
                                                                               self.first)


@dataclass(slots=True)
class _Base:
    id: int
    title: str | None
    given: str
    family: str
    org_id: int | None
    email: str
    mobile: tuple[str, str] | None  # (raw, E.164)


def _mistyped(family: str) -> str | None:
    """The family name with two neighbouring vowels swapped ("Schneider" -> "Schnieder") or
    a doubled letter single ("Hoffmann" -> "Hofmann"); None when it has neither."""
    for index in range(len(family) - 1):
        pair = family[index:index + 2]
        if pair[0] in "aeiou" and pair[1] in "aeiou" and pair[0] != pair[1]:
            return family[:index] + pair[::-1] + family[index + 2:]
    for index in range(len(family) - 1):
        if family[index] == family[index + 1] and family[index].isalpha():
            return family[:index] + family[index + 1:]
    return None


def _local(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.translate(_SPELLED))
    return "".join(c for c in decomposed if c.isascii() and (c.isalnum() or c in ".-")).lower()


def plant(db_path: Path, *, seed: int = 2, per_kind: int | None = None) -> list[PlantedPair]:
    """Clean the generated directory at `db_path` of accidental duplicates and plant pairs of
    every kind (`per_kind` of each, default one per thousand persons, at least 10)."""
    rng = random.Random(seed)
    database = open_database(str(db_path))
    try:
        with database.read_session() as session:
            groups, _names = organisation_groups(session)
    finally:
        database.close()
    con = sqlite3.connect(db_path, isolation_level=None)
    con.execute("PRAGMA foreign_keys=ON")
    con.execute("BEGIN")
    try:
        names = _remove_accidental_duplicates(con, groups)
        persons = con.execute("SELECT count(*) FROM person").fetchone()[0]
        count = per_kind or max(10, persons // 1000)
        planted = _Planter(con, rng, groups, names).run(count)
        con.execute("DELETE FROM search_state WHERE key = 'built'")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        con.close()
    return planted


def _name_key(given: str, family: str) -> tuple[str, ...]:
    return tuple(sorted((" ".join(words(given)), " ".join(words(family)))))


def _remove_accidental_duplicates(con: sqlite3.Connection, groups: dict[int, int]
                                  ) -> dict[int | None, set[tuple[str, ...]]]:
    """One person per name and firm (organisations taken for one count as one), one person per
    address: what the generator's small name lists make by chance is not what we measure."""
    rows = con.execute("SELECT p.id, p.given_name, p.family_name, p.organisation_id, e.id, "
                       "e.address FROM person p LEFT JOIN email_address e ON e.person_id = p.id "
                       "ORDER BY p.id").fetchall()
    seen_names: dict[int | None, set[tuple[str, ...]]] = defaultdict(set)
    seen_emails: set[str] = set()
    for person_id, given, family, org_id, email_id, address in rows:
        group = groups.get(org_id) if org_id is not None else None
        names = seen_names[group]
        key = _name_key(given, family)
        if group is not None and key in names:
            for reserve in RESERVE_GIVEN:
                key = _name_key(reserve, family)
                if key not in names:
                    given = reserve
                    con.execute("UPDATE person SET given_name = ? WHERE id = ?",
                                (given, person_id))
                    if address:
                        address = f"{_local(given)}.{_local(family)}@{address.split('@')[1]}"
                    break
        names.add(key)
        if address:
            local, domain = address.split("@")
            candidate, number = address, 1
            while candidate.lower() in seen_emails:
                number += 1
                candidate = f"{local}{number}@{domain}"
            seen_emails.add(candidate.lower())
            con.execute("UPDATE email_address SET address = ? WHERE id = ?", (candidate, email_id))
    return seen_names


class _Planter:
    def __init__(self, con: sqlite3.Connection, rng: random.Random, groups: dict[int, int],
                 names: dict[int | None, set[tuple[str, ...]]]) -> None:
        self.con, self.rng, self.groups, self.names = con, rng, groups, names
        self.pairs: list[PlantedPair] = []
        self.used: set[int] = set()
        mobiles = {pid: (raw, e164) for pid, raw, e164 in con.execute(
            "SELECT person_id, raw, e164 FROM phone_number WHERE e164 LIKE '+491%'")}
        self.base = [
            _Base(pid, title, given, family, org, email, mobiles.get(pid))
            for pid, title, given, family, org, email in con.execute(
                "SELECT p.id, p.title, p.given_name, p.family_name, p.organisation_id, "
                "min(e.address) FROM person p JOIN email_address e ON e.person_id = p.id "
                "WHERE p.organisation_id IS NOT NULL GROUP BY p.id ORDER BY p.id")]
        self.rng.shuffle(self.base)
        self.org_ids = sorted({b.org_id for b in self.base if b.org_id is not None})
        self.serial = 0
        self.planted_groups: set[int] = set()

    def run(self, count: int) -> list[PlantedPair]:
        for _ in range(count):
            self.umlaut()
            self.title()
            self.swapped()
            self.mobile_format()
            self.phone_format()
            self.name_change()
            self.namesake()
            self.one_letter()
        for index in range(count):
            self.firm_name(index)
            self.typo()
            self.initial()
        for _ in range(max(1, count // 2)):
            self.triple()
            self.switchboard()
            self.role_address()
        return self.pairs

    # --- helpers ---------------------------------------------------------------------------
    def pick(self, test: object = None) -> _Base:
        for index, person in enumerate(self.base):
            if person.id not in self.used and (test is None or test(person)):  # type: ignore[operator]
                self.used.add(person.id)
                del self.base[index]
                return person
        raise RuntimeError("not enough persons to plant into; use more --persons")

    def person(self, given: str | None, family: str | None, org_id: int | None, *,
               title: str | None = None, emails: tuple[str, ...] = (),
               phones: tuple[tuple[str, str, str], ...] = ()) -> int:
        cursor = self.con.execute(
            "INSERT INTO person(uid, title, given_name, family_name, organisation_id, version) "
            "VALUES (?, ?, ?, ?, ?, 1)",
            (str(uuid.UUID(int=self.rng.getrandbits(128))), title, given, family, org_id))
        person_id = int(cursor.lastrowid or 0)
        self.con.executemany(
            "INSERT INTO email_address(person_id, address, kind, position) VALUES (?, ?, ?, ?)",
            [(person_id, address, "work", i) for i, address in enumerate(emails)])
        self.con.executemany(
            "INSERT INTO phone_number(person_id, raw, e164, kind, position) VALUES (?,?,?,?,?)",
            [(person_id, raw, e164, kind, i) for i, (raw, e164, kind) in enumerate(phones)])
        self.used.add(person_id)
        return person_id

    def pair(self, first: int, second: int, kind: str) -> None:
        duplicate = kind in DUPLICATE_KINDS
        self.pairs.append(PlantedPair(first, second, kind, duplicate,
                                      DUPLICATE_KINDS.get(kind, "none")))

    def other_org(self, org_id: int | None, name: tuple[str, str] | None = None) -> int:
        """A firm not taken for `org_id`'s, where nobody has this name yet (a namesake there
        would be a duplicate the planting made by chance)."""
        group = self.groups.get(org_id) if org_id is not None else None
        key = _name_key(*name) if name else None
        while True:
            other = self.rng.choice(self.org_ids)
            other_group = self.groups.get(other)
            if other_group != group and (key is None or key not in self.names[other_group]):
                if key is not None:
                    self.names[other_group].add(key)
                return other

    def unused_org(self) -> int:
        """A firm no look-alike was planted at yet: two plantings at one firm could give two
        persons of one name there by chance."""
        while True:
            org_id = self.rng.choice(self.org_ids)
            if self.groups[org_id] not in self.planted_groups:
                self.planted_groups.add(self.groups[org_id])
                return org_id

    # Numbers of their own: the generator uses neither the 0179 prefix nor the 02333 area.
    def fresh_mobile(self) -> tuple[str, str]:
        self.serial += 1
        number = 40_000_000 + self.serial
        return f"0179 {number}", f"+49179{number}"

    def fresh_line(self, area: str = "2333") -> tuple[str, str]:
        self.serial += 1
        subscriber = 9_000_000 + self.serial
        return f"0{area} {subscriber}", f"+49{area}{subscriber}"

    # --- duplicates ------------------------------------------------------------------------
    def umlaut(self) -> None:
        original = self.pick(lambda p: any(c in p.given + p.family for c in "äöüÄÖÜß"))
        copy = self.person(original.given.translate(_SPELLED), original.family.translate(_SPELLED),
                           original.org_id, title=original.title, emails=(original.email,))
        self.pair(original.id, copy, "umlaut")

    def title(self) -> None:
        original = self.pick()
        title = None if original.title else self.rng.choice(("Dr.", "Prof. Dr.", "Dr.-Ing."))
        local, domain = original.email.split("@")
        copy = self.person(original.given, original.family, original.org_id, title=title,
                           emails=(f"{local.title()}@{domain}",))
        self.pair(original.id, copy, "title")

    def swapped(self) -> None:
        original = self.pick()
        copy = self.person(original.family, original.given, original.org_id,
                           emails=(original.email,))
        self.pair(original.id, copy, "swapped")

    def mobile_format(self) -> None:
        original = self.pick(lambda p: p.mobile is not None)
        assert original.mobile is not None
        e164 = original.mobile[1]
        raw = f"+49 ({e164[3:6]}) {e164[6:9]} {e164[9:]}"
        copy = self.person(original.given, original.family, None, title=original.title,
                           phones=((raw, e164, "cell"),))
        self.pair(original.id, copy, "mobile_format")

    def phone_format(self) -> None:
        original = self.pick()
        raw, e164 = self.fresh_line()
        self.con.execute("INSERT INTO phone_number(person_id, raw, e164, kind, position) "
                         "VALUES (?, ?, ?, 'work', 5)", (original.id, raw, e164))
        other_raw = f"+49 (0){e164[3:7]} {e164[7:10]}-{e164[10:]}"
        copy = self.person(original.given, original.family, None,
                           phones=((other_raw, e164, "work"),))
        self.pair(original.id, copy, "phone_format")

    def firm_name(self, index: int) -> None:
        original = self.pick()
        short, long = self._firm_names(index, original.org_id)
        short_id = self.org(short)
        long_id = self.org(long)
        self.con.execute("UPDATE person SET organisation_id = ? WHERE id = ?",
                         (short_id, original.id))
        copy = self.person(original.given, original.family, long_id, title=original.title,
                           emails=(f"{_local(original.given)[:1]}.{_local(original.family)}"
                                   f"@institut{index}.example",))
        self.pair(original.id, copy, "firm_name")

    def _firm_names(self, index: int, org_id: int | None) -> tuple[str, str]:
        if index < len(INSTITUTES):
            return INSTITUTES[index]
        name = self.con.execute("SELECT name FROM organisation WHERE id = ?",
                                (org_id,)).fetchone()[0]
        stem = name.rsplit(" ", 1)[0] if " " in name else name
        return f"{stem} Nord {index} GmbH", f"{stem} Nord {index} GmbH & Co. KG"

    def org(self, name: str) -> int:
        row = self.con.execute("SELECT id FROM organisation WHERE name = ?", (name,)).fetchone()
        if row:
            return int(row[0])
        cursor = self.con.execute("INSERT INTO organisation(name, kind) VALUES (?, 'other')",
                                  (name,))
        return int(cursor.lastrowid or 0)

    def name_change(self) -> None:
        original = self.pick(lambda p: p.mobile is not None)
        assert original.mobile is not None
        family = self.rng.choice(SECOND_FAMILY)
        org_id = self.other_org(original.org_id, (original.given, family))
        copy = self.person(original.given, family, org_id,
                           emails=(f"{_local(original.given)}.{_local(family)}@neu{org_id}.de",),
                           phones=((original.mobile[1], original.mobile[1], "cell"),))
        self.pair(original.id, copy, "name_change")

    def triple(self) -> None:
        original = self.pick(lambda p: any(c in p.given + p.family for c in "äöüÄÖÜß")
                             and not p.title)
        second = self.person(original.given.translate(_SPELLED),
                             original.family.translate(_SPELLED), original.org_id,
                             emails=(original.email,))
        third = self.person(original.given, original.family, original.org_id, title="Dr.",
                            emails=(original.email,))
        for a, b in ((original.id, second), (original.id, third), (second, third)):
            self.pair(a, b, "triple")

    def typo(self) -> None:
        original = self.pick(lambda p: _mistyped(p.family) is not None)
        family = _mistyped(original.family)
        copy = self.person(original.given, family, original.org_id)
        self.pair(original.id, copy, "typo")

    def initial(self) -> None:
        original = self.pick()
        copy = self.person(f"{original.given[0]}.", original.family, original.org_id)
        self.pair(original.id, copy, "initial")

    # --- look-alikes -----------------------------------------------------------------------
    def namesake(self) -> None:
        original = self.pick()
        org_id = self.other_org(original.org_id, (original.given, original.family))
        raw, e164 = self.fresh_line()
        other = self.person(original.given, original.family, org_id, title=original.title,
                            emails=(f"{_local(original.given)}.{_local(original.family)}"
                                    f"@andere{org_id}.de",), phones=((raw, e164, "work"),))
        self.pair(original.id, other, "namesake")

    def one_letter(self) -> None:
        first_name, second_name = self.rng.choice(ONE_LETTER)
        org_id = self.unused_org()
        family = self.rng.choice(SECOND_FAMILY)
        ids = [self.person(given, family, org_id,
                           emails=(f"{_local(given)}.{_local(family)}@firma{org_id}.de",),
                           phones=(self.line_with_kind(self.fresh_mobile(), "cell"),))
               for given in (first_name, second_name)]
        self.pair(ids[0], ids[1], "one_letter")

    @staticmethod
    def line_with_kind(number: tuple[str, str], kind: str) -> tuple[str, str, str]:
        return number[0], number[1], kind

    def switchboard(self) -> None:
        org_id = self.unused_org()
        raw, e164 = self.fresh_line()
        family = self.rng.choice(SECOND_FAMILY)
        formats = (raw, f"+49 {e164[3:6]} {e164[6:]}", f"0049 {e164[3:]}", raw)
        names = (("Anna", family), ("Peter", family), ("Jan", family), ("Jon", family))
        ids = [self.person(given, fam, org_id,
                           emails=(f"{_local(given)}.{_local(fam)}@firma{org_id}.de",),
                           phones=((typed, e164, "work"),))
               for (given, fam), typed in zip(names, formats, strict=True)]
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                self.pair(a, b, "switchboard")

    def role_address(self) -> None:
        org_id = self.unused_org()
        role = f"{self.rng.choice(ROLE_LOCAL)}@firma{org_id}.de"
        family = self.rng.choice(SECOND_FAMILY)
        names = (("Lena", family), ("Lina", family), ("Klaus", self.rng.choice(SECOND_FAMILY)))
        ids = [self.person(given, fam, org_id, emails=(role,)) for given, fam in names]
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                self.pair(a, b, "role_address")


def planted_directory(db_path: Path, persons: int, *, seed: int = 1,
                      per_kind: int | None = None) -> list[PlantedPair]:
    """A new synthetic directory at `db_path` with planted pairs; the ground truth."""
    generate(db_path, persons, seed)
    return plant(db_path, seed=seed + 1, per_kind=per_kind)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, required=True)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.db.exists():
        print(f"{args.db} exists; remove it first", file=sys.stderr)
        return 1
    started = time.perf_counter()
    pairs = planted_directory(args.db, args.persons, seed=args.seed)
    kinds: dict[str, int] = defaultdict(int)
    for pair in pairs:
        kinds[pair.kind] += 1
    print(f"{args.persons} persons, {len(pairs)} planted pairs ({dict(kinds)}) in "
          f"{time.perf_counter() - started:.1f} s -> {args.db}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
