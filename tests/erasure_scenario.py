"""A directory of realistic size with one person to erase who left traces everywhere.

Quirina Zwetschke-Müller came in by a vCard import named after her, was updated by a second
import (so an import record holds her old values), edited by hand, is on a list with a consent
history (given, withdrawn), attended an event, has a network role and topics. Thousands of other
persons surround her, several sharing name parts with her ("Müller", "Quirin"), so an erasure
that deletes too much is caught as well as one that deletes too little.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from defence_dir.data.database import open_database
from defence_dir.data.models import AttendanceStatus, Network, NetworkRole, Person, Topic
from defence_dir.lists.consent import (
    Consent,
    ConsentSource,
    get_event_by_name,
    get_list_by_name,
    set_attendance,
    subscribe,
    unsubscribe,
)
from defence_dir.records.persons import (
    EmailDraft,
    PersonDraft,
    PhoneDraft,
    create_person,
    draft_of,
    update_person,
)
from defence_dir.text.folding import phonetic_code
from defence_dir.vcard.importer import apply_import, plan_import

PERSONS = 3000
GIVEN = "Quirina"
FAMILY = "Zwetschke-Müller"
EMAILS = ("quirina.zwetschke@obstbau-zwetschke.de", "q.zwetschke@fraunhofer-example.de")
OLD_EMAIL = "qz1987@web-example.de"
PHONES = ("0221 9876543", "+49 172 5550199")
LIST = "Defense-Verteiler"
EVENT = "High-Tech aus NRW für die Sicherheits- und Verteidigungsindustrie"
VCARD_FILE = "Quirina Zwetschke-Müller.vcf"

FIRST = ("Hans", "Anna", "Jürgen", "Sabine", "Quirin", "Petra", "Jörg", "Özlem", "Lukas", "Marie",
         "Björn", "Änne", "Stefan", "Lea", "Uwe", "Birgit")
LAST = ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
        "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder",
        "Neumann", "Zwetsch", "Mueller")


@dataclass(frozen=True)
class Scenario:
    path: Path
    person_id: int
    uid: str

    @staticmethod
    def secrets() -> list[str]:
        """Every form of her data that must be gone from every file."""
        forms = [GIVEN, "Zwetschke", FAMILY, f"{GIVEN} {FAMILY}", "quirina", "zwetschke",
                 "zwetschke-muller", *EMAILS, OLD_EMAIL,
                 *(e.split("@")[0] for e in (*EMAILS, OLD_EMAIL)),
                 *PHONES, "+492219876543", "+491725550199", "492219876543", "2219876543",
                 "491725550199", "1725550199", "9876543", "5550199",
                 # Kölner Phonetik as the index stores it: codes of her name words in a row
                 f" {phonetic_code('quirina')} {phonetic_code('zwetschke')} "]
        return forms

    @staticmethod
    def shared() -> str:
        return "Müller"


def _card(email: str, phone: str, note: str) -> bytes:
    return (f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:{FAMILY};{GIVEN};;Dr.;\r\n"
            f"FN:Dr. {GIVEN} {FAMILY}\r\nORG:Obstbau Rheinland GmbH\r\n"
            f"TITLE:Leiterin Qualität\r\nEMAIL;TYPE=WORK:{email}\r\n"
            f"TEL;TYPE=WORK:{phone}\r\nNOTE:{note}\r\nEND:VCARD\r\n").encode()


def build(path: Path) -> Scenario:
    """The directory at `path` (a new file), closed, with its WAL checkpointed."""
    rng = random.Random(14)
    db = open_database(str(path))
    try:
        with db.session() as session:
            for i in range(PERSONS):
                create_person(session, PersonDraft(
                    given_name=rng.choice(FIRST), family_name=rng.choice(LAST),
                    emails=[EmailDraft(f"kontakt{i}@firma{i % 300}.example")],
                    phones=[PhoneDraft(f"0211 {100000 + i * 7}")]))
        with db.session() as session:  # she arrives by a vCard import named after her
            apply_import(session, plan_import(session, _card(OLD_EMAIL, PHONES[0],
                                                             "Messe Essen"), VCARD_FILE))
        with db.session() as session:  # a second import updates her (before-image kept)
            plan = plan_import(session, _card(OLD_EMAIL, PHONES[1], "Messe Essen, Stand 4"),
                               "Nachtrag Zwetschke.vcf")
            apply_import(session, plan)
            person = session.scalar(select(Person).where(Person.given_name == GIVEN))
            assert person is not None
            person_id, uid = person.id, person.uid
        with db.session() as session:  # edited by hand: the old address is replaced
            person = session.get(Person, person_id)
            draft = draft_of(person)
            draft.emails = [EmailDraft(e) for e in EMAILS]
            draft.phones = [PhoneDraft(p) for p in PHONES]
            draft.notes = "Rückruf erbeten: Quirina (Zwetschke) bevorzugt Mobil"
            draft.topic_ids = list(session.scalars(select(Topic.id).limit(2)))
            update_person(session, person_id, draft, person.version)
        with db.session() as session:
            list_id = get_list_by_name(session, LIST).id
            subscribe(session, list_id, person_id, Consent(
                ConsentSource.FORM, f"Anmeldeformular {GIVEN} {FAMILY}"))
            unsubscribe(session, list_id, person_id, note=f"Abmeldung per Mail {EMAILS[0]}")
            subscribe(session, list_id, person_id, Consent(ConsentSource.EVENT, "Messe"))
            set_attendance(session, get_event_by_name(session, EVENT).id, [person_id],
                           AttendanceStatus.ATTENDED)
            network = session.scalars(select(Network)).first()
            session.add(NetworkRole(person_id=person_id, network_id=network.id,
                                    role="Ansprechpartnerin", focus="Zwetschke-Projekte"))
    finally:
        db.close()
    return Scenario(path, person_id, uid)


def copy_of(template: Scenario, target: Path) -> Scenario:
    shutil.copyfile(template.path, target)
    return Scenario(target, template.person_id, template.uid)


def files_with_secrets(folder: Path, excluded: tuple[Path, ...] = ()) -> list[str]:
    """"file: secret (encoding)" for every secret found in any file under `folder`."""
    found = []
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        if file in excluded:
            continue
        data = file.read_bytes()
        lowered = data.lower()
        for secret in Scenario.secrets():
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                if secret.lower().encode(encoding) in lowered:
                    found.append(f"{file.name}: {secret!r} ({encoding})")
    return found


_built: list[Scenario] = []


@pytest.fixture
def scenario(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Scenario:
    """A fresh copy of the scenario (built once per test run) in its own folder."""
    if not _built:
        _built.append(build(tmp_path_factory.mktemp("erasure-template") / "directory.sqlite3"))
    folder = tmp_path / "data"
    folder.mkdir()
    return copy_of(_built[0], folder / "directory.sqlite3")
