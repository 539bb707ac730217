"""Realistic synthetic directories for benchmarks: German names with umlauts and titles,
organisations, NRW cities, phones in mixed formats, emails, topics, lists and events.

    python benchmarks/synthetic_directory.py --persons 100000 --db /tmp/dir-100k.sqlite3

Deterministic for a given --seed. Rows go in through sqlite3 directly (the fastest way to fill a
file); the search index is left unbuilt so the benchmark can time its build.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
import uuid
from pathlib import Path

from defence_dir.data.database import open_database

GIVEN = (
    "Jürgen Jörg Björn Sören Götz Uwe Jan Lukas Felix Maximilian Paul Jonas Leon Tim "
    "Niklas Hans Klaus Peter Michael Thomas Andreas Stefan Stephan Matthias Harald Dirk "
    "Frank Ralf Rüdiger Günter Günther Horst Bernd Volker Wolfgang Christoph Christian "
    "Tobias Florian Anna Anne Ännchen Änne Jülide Özlem Müge Sophie Sofia Marie Maria Lea "
    "Lena Hannah Johanna Katrin Kathrin Petra Sabine Susanne Claudia Birgit Bärbel Ursula "
    "Renée Zoë Łukasz Paweł Agnieszka Ayşe Çağla Søren Ole Mikkel José Inês Frédéric Noël"
).split()
FAMILY = (
    "Müller Mueller Schmidt Schneider Fischer Weber Meyer Meier Maier Mayer Wagner Becker "
    "Schulz Schultz Hoffmann Schäfer Schaefer Koch Bauer Richter Klein Wolf Schröder "
    "Schroeder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt "
    "Werner Schmitz Krause Meier Lehmann Schmid Schulze Maier Köhler Herrmann König "
    "Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Weiss Jung Hahn "
    "Schubert Vogel Friedrich Keller Günther Frank Berger Winkler Roth Beck Lorenz "
    "Baumann Franke Albrecht Schuster Simon Ludwig Böhm Winter Kraus Martin Schumacher "
    "Krämer Kremer Cremer Vogt Stein Jäger Otto Sommer Groß Gross Grosch Seidel Heinrich "
    "Brandt Haas Schreiber Graf Schulte Dietrich Ziegler Kuhn Kühn Pohl Engel Horn Busch "
    "Bergmann Thomas Voigt Sauer Arnold Wolff Pfeiffer Schnitzmeier Kalinowski Recher "
    "Nowak Kowalski Wiśniewski Yılmaz Öztürk Şahin Çelik Østergaard Dvořák Nguyen"
).split()
TITLES = (None,) * 14 + ("Dr.", "Dr.", "Dr.", "Prof. Dr.", "Dr.-Ing.", "Dipl.-Ing.", "Prof.")
SALUTATIONS = ("Herr", "Frau", None)
FUNCTIONS = (
    "Geschäftsführer",
    "Geschäftsführerin",
    "Leiter Vertrieb",
    "Leiterin Einkauf",
    "Clustermanager",
    "Projektleiterin",
    "Referent",
    "Abteilungsleiter Forschung",
    "Business Development",
    "Head of Defence Sales",
    "Key Account Manager",
    "Wissenschaftliche Mitarbeiterin",
    "Pressesprecher",
    None,
    None,
)
STEMS = (
    "Rhein Ruhr Nord Süd West Ost Lippe Sieg Wupper Eifel Sauerland Münster Teuto Weser "
    "Ems Emscher Niederrhein Bergisch Märkisch Hellweg Sauer Köln Bonn Aachen"
).split()
PARTS = (
    "metall tech optik sensorik systeme werk antriebe photonik aero space robotik defence "
    "elektronik materials laser drohnen cyber"
).split()
FORMS = ("GmbH", "AG", "GmbH & Co. KG", "SE", "e.V.", "Institut", "KG")
CITIES = (
    ("Düsseldorf", "40210", "211"),
    ("Köln", "50667", "221"),
    ("Essen", "45127", "201"),
    ("Dortmund", "44135", "231"),
    ("Bochum", "44787", "234"),
    ("Duisburg", "47051", "203"),
    ("Münster", "48143", "251"),
    ("Aachen", "52062", "241"),
    ("Bonn", "53111", "228"),
    ("Mülheim an der Ruhr", "45468", "208"),
    ("Oberhausen", "46045", "208"),
    ("Gelsenkirchen", "45879", "209"),
    ("Bielefeld", "33602", "521"),
    ("Paderborn", "33098", "5251"),
    ("Siegen", "57072", "271"),
    ("Unna", "59423", "2303"),
)
EXTRA_TOPICS = (
    "Sensorik",
    "Robotik",
    "Drohnenabwehr",
    "Quantentechnologie",
    "Additive Fertigung",
    "Satellitenkommunikation",
    "Wasserstoff",
    "Logistik",
)
NOTES = (
    "Kontakt über Messe",
    "Kick-off 2026 getroffen",
    "bevorzugt E-Mail",
    "Rückruf erbeten",
    "Interesse an Kooperation",
    "Ansprechpartner für Förderprojekte",
    None,
    None,
    None,
)


def _ascii_local(text: str) -> str:
    table = str.maketrans(
        {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
    )
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.translate(table))
    return "".join(c for c in decomposed if c.isascii() and (c.isalnum() or c in ".-")).lower()


def _phone(rng: random.Random, area: str) -> tuple[str, str]:
    """(as typed, E.164) in the formats people really use."""
    if rng.random() < 0.25:
        prefix, number = (
            rng.choice(("151", "160", "170", "171", "176")),
            rng.randrange(10**7, 10**8),
        )
        raw = rng.choice((f"0{prefix} {number}", f"+49 {prefix} {number}", f"0{prefix}/{number}"))
        return raw, f"+49{prefix}{number}"
    subscriber = str(rng.randrange(10**5, 10**7))
    ext = str(rng.randrange(0, 100)).zfill(2)
    raw = rng.choice(
        (
            f"0{area} {subscriber}-{ext}",
            f"+49 {area} {subscriber}{ext}",
            f"0{area}/{subscriber}{ext}",
            f"+49 (0){area} {subscriber} {ext}",
            f"0049 {area} {subscriber}{ext}",
        )
    )
    return raw, f"+49{area}{subscriber}{ext}"


def generate(db_path: Path, persons: int, seed: int = 1) -> None:
    """Fill a new database at `db_path` (seeded directory plus `persons` synthetic persons)."""
    rng = random.Random(seed)
    open_database(str(db_path)).close()  # schema, seed and (small) index
    con = sqlite3.connect(db_path, isolation_level=None)
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA foreign_keys=ON")
    con.execute("BEGIN")
    for name in EXTRA_TOPICS:
        con.execute("INSERT INTO topic(name) VALUES (?)", (name,))
    topics = [r[0] for r in con.execute("SELECT id FROM topic")]
    networks = [r[0] for r in con.execute("SELECT id FROM network")]
    list_ids = [r[0] for r in con.execute("SELECT id FROM distribution_list")]
    for i in range(4):
        con.execute(
            "INSERT INTO distribution_list(name, description) VALUES (?, ?)",
            (f"Newsletter {i + 1}", "synthetisch"),
        )
    list_ids = [r[0] for r in con.execute("SELECT id FROM distribution_list")]
    for i in range(6):
        city = CITIES[i][0]
        con.execute(
            "INSERT INTO event(name, city, starts_on) VALUES (?, ?, ?)",
            (f"Fachforum {i + 1} {city}", city, f"2026-0{i + 1}-15"),
        )
    event_ids = [r[0] for r in con.execute("SELECT id FROM event")]

    org_count = max(20, persons // 40)
    org_rows, org_city = [], {}
    seen_names: set[str] = set()
    for i in range(org_count):
        name = f"{rng.choice(STEMS)}{rng.choice(PARTS)} {rng.choice(FORMS)}"
        if name in seen_names:
            name = f"{name} {i}"
        seen_names.add(name)
        city = rng.choice(CITIES)
        kind = rng.choice(
            ("sme",) * 6 + ("large_industry", "research", "public_body", "association")
        )
        website = f"https://www.{_ascii_local(name)[:20]}.de"
        org_rows.append((name, kind, city[0], city[1], "Deutschland", website))
    con.executemany(
        "INSERT INTO organisation(name, kind, city, postal_code, country, website) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        org_rows,
    )
    orgs = [(r[0], r[1]) for r in con.execute("SELECT id, city FROM organisation")]
    org_city = {oid: city for oid, city in orgs}
    area_of = {c[0]: c[2] for c in CITIES}
    org_topics = [(oid, t) for oid, _c in orgs for t in rng.sample(topics, rng.randint(0, 2))]
    con.executemany("INSERT OR IGNORE INTO organisation_topic VALUES (?, ?)", org_topics)

    start = con.execute("SELECT coalesce(max(id), 0) FROM person").fetchone()[0] + 1
    batch = 50_000
    for first in range(start, start + persons, batch):
        ids = range(first, min(first + batch, start + persons))
        people, emails, phones, person_topics, roles, members, attendees = (
            [],
            [],
            [],
            [],
            [],
            [],
            [],
        )
        for pid in ids:
            given, family = rng.choice(GIVEN), rng.choice(FAMILY)
            org_id = rng.choice(orgs)[0] if rng.random() < 0.9 else None
            people.append(
                (
                    pid,
                    str(uuid.UUID(int=rng.getrandbits(128))),
                    rng.choice(SALUTATIONS),
                    rng.choice(TITLES),
                    given,
                    family,
                    rng.choice(FUNCTIONS),
                    org_id,
                    rng.choice(NOTES),
                )
            )
            domain = (
                f"firma{org_id}.de" if org_id else rng.choice(("web.de", "gmx.de", "t-online.de"))
            )
            emails.append(
                (pid, f"{_ascii_local(given)}.{_ascii_local(family)}@{domain}", "work", 0)
            )
            area = area_of.get(org_city.get(org_id, ""), "211")
            for position in range(rng.choice((1, 1, 1, 2))):
                raw, e164 = _phone(rng, area)
                phones.append(
                    (pid, raw, e164, "cell" if e164.startswith("+491") else "work", position)
                )
            for topic in rng.sample(topics, rng.choice((0, 0, 1, 1, 2))):
                person_topics.append((pid, topic))
            if rng.random() < 0.02:
                roles.append((pid, rng.choice(networks), "Ansprechpartner", None))
            if rng.random() < 0.3:
                members.append(
                    (
                        rng.choice(list_ids),
                        pid,
                        "subscribed",
                        "2026-01-10 10:00:00",
                        "import:teilnehmer.xlsx",
                        None,
                    )
                )
            if rng.random() < 0.05:
                attendees.append(
                    (
                        rng.choice(event_ids),
                        pid,
                        rng.choice(("registered", "attended", "cancelled", "no_show")),
                    )
                )
        con.executemany(
            "INSERT INTO person(id, uid, salutation, title, given_name, family_name, "
            "function, organisation_id, notes, version) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
            people,
        )
        con.executemany(
            "INSERT INTO email_address(person_id, address, kind, position) VALUES (?, ?, ?, ?)",
            emails,
        )
        con.executemany(
            "INSERT INTO phone_number(person_id, raw, e164, kind, position) VALUES (?, ?, ?, ?, ?)",
            phones,
        )
        con.executemany("INSERT OR IGNORE INTO person_topic VALUES (?, ?)", person_topics)
        con.executemany(
            "INSERT INTO network_role(person_id, network_id, role, focus) VALUES (?, ?, ?, ?)",
            roles,
        )
        con.executemany(
            "INSERT OR IGNORE INTO list_membership(list_id, person_id, status, "
            "consent_at, consent_source, consent_note) VALUES (?, ?, ?, ?, ?, ?)",
            members,
        )
        con.executemany(
            "INSERT OR IGNORE INTO attendance(event_id, person_id, status) VALUES (?, ?, ?)",
            attendees,
        )
    # The index must be rebuilt to include these rows (the benchmark times that).
    con.execute("DELETE FROM search_state WHERE key = 'built'")
    con.execute("COMMIT")
    con.close()


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
    generate(args.db, args.persons, args.seed)
    print(f"{args.persons} persons in {time.perf_counter() - started:.1f} s -> {args.db}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
