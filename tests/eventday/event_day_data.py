"""An event as the kick-off in Düsseldorf had it: attendees with titles, umlauts, Polish,
Danish and Turkish letters, emoji, a 200-character organisation, every attendance status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from sqlalchemy import select

from defence_dir.data.database import Database
from defence_dir.data.models import AttendanceStatus, Event, Network, NetworkRole
from defence_dir.lists.consent import set_attendance
from defence_dir.records.organisations import OrganisationDraft
from defence_dir.records.persons import EmailDraft, PersonDraft, PhoneDraft
from defence_dir.records.service import create_organisation, create_person

LONG_ORGANISATION = ("Fraunhofer-Institut für Kommunikation, Informationsverarbeitung und "
                     "Ergonomie FKIE–Abteilung Sensordatenfusion und Informationsauswertung "
                     "für zivile und militärische Lageerkennung, Nordrhein-Westfalen")


@dataclass
class EventDay:
    event_id: int
    other_event_id: int
    ids: dict[str, int]  # by a short key
    expected: list[str]  # keys of those registered or attended, in German order


def _person(db: Database, given: str | None, family: str | None, *, title: str | None = None,
            salutation: str | None = None, function: str | None = None,
            organisation_id: int | None = None, email: str | None = None) -> int:
    return create_person(db, PersonDraft(
        salutation=salutation, title=title, given_name=given, family_name=family,
        function=function, organisation_id=organisation_id,
        emails=[EmailDraft(email)] if email else [],
        phones=[PhoneDraft("0211 385459-0")] if email else []))


@pytest.fixture
def event_day(db: Database) -> EventDay:
    fkie = create_organisation(db, OrganisationDraft(name=LONG_ORGANISATION)).id
    rheinmetall = create_organisation(db, OrganisationDraft(name="Rheinmetall AG")).id
    dlr = create_organisation(db, OrganisationDraft(
        name="Deutsches Zentrum für Luft- und Raumfahrt 🚀")).id
    ids = {
        "oeztuerk": _person(db, "Ayşe", "Öztürk", title="Dr.", salutation="Frau",
                            function="Leiterin Geschäftsfeld Verteidigung",
                            organisation_id=fkie, email="ayse.oeztuerk@fkie.fraunhofer.de"),
        "mueller": _person(db, "Jürgen", "Müller", title="Prof. Dr.-Ing.", salutation="Herr",
                           function="Head of Defence Sales 🛡️", organisation_id=rheinmetall,
                           email="juergen.mueller@rheinmetall.com"),
        "muller": _person(db, "Anna", "Muller", function="Projektleiterin",
                          organisation_id=rheinmetall, email="anna.muller@rheinmetall.com"),
        "abel": _person(db, "Łukasz", "Abel", organisation_id=dlr, email="lukasz.abel@dlr.de"),
        "oestergaard": _person(db, "Søren", "Østergaard", function="Key Account Manager",
                               organisation_id=dlr, email="soren@dlr.de"),
        "strauss": _person(db, "Çağla", "Strauß", title="Dr.", organisation_id=fkie,
                           email="cagla.strauss@fkie.fraunhofer.de"),
        "strasser": _person(db, "Bärbel", "Strasser", organisation_id=rheinmetall),
        "given_only": _person(db, "Mikkel", None, function="Gast"),
        "cancelled": _person(db, "Klaus", "Storniert", email="klaus@example.org"),
        "no_show": _person(db, "Petra", "Nichtda", email="petra@example.org"),
        "outsider": _person(db, "Otto", "Außenstehend", email="otto@example.org"),
        "other_event": _person(db, "Uwe", "Woanders", email="uwe@example.org"),
    }
    with db.session() as session:
        event = Event(name="Kick-off DEFENCE.NRW", city="Düsseldorf",
                      starts_on=date(2026, 3, 12))
        other = Event(name="Sommerfest der Netzwerke", city="Köln")
        session.add_all([event, other])
        session.flush()
        network = session.scalars(select(Network).where(Network.name == "NMWP.NRW")).one()
        session.add(NetworkRole(person_id=ids["oeztuerk"], network_id=network.id,
                                role="Mitglied"))
        registered = [ids[k] for k in ("oeztuerk", "muller", "abel", "oestergaard", "strauss",
                                       "strasser", "given_only")]
        set_attendance(session, event.id, registered, AttendanceStatus.REGISTERED)
        set_attendance(session, event.id, [ids["mueller"]], AttendanceStatus.ATTENDED)
        set_attendance(session, event.id, [ids["cancelled"]], AttendanceStatus.CANCELLED)
        set_attendance(session, event.id, [ids["no_show"]], AttendanceStatus.NO_SHOW)
        set_attendance(session, other.id, [ids["other_event"]], AttendanceStatus.REGISTERED)
        event_id, other_id = event.id, other.id
    # Abel; Muller and Müller (ü as u; Anna before Jürgen); Öztürk as Oz; Østergaard as Os;
    # Strasser before Strauß (ß as ss); Mikkel (no family name) by his given name.
    expected = ["abel", "given_only", "muller", "mueller", "oestergaard", "oeztuerk",
                "strasser", "strauss"]
    return EventDay(event_id, other_id, ids, expected)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder for written files only (the database lives beside it)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def page_texts(path: Path) -> list[str]:
    document = pypdfium2.PdfDocument(str(path))
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def decoded_codes(path: Path, scale: float = 4.0) -> list[str]:
    """The QR codes' texts on every page, rendered at about 300 dpi, in reading order."""
    document = pypdfium2.PdfDocument(str(path))
    found: list[tuple[int, float, float, str]] = []
    try:
        for number, page in enumerate(document):
            image = page.render(scale=scale).to_pil()
            for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode):
                top_left = code.position.top_left
                found.append((number, round(top_left.y / 100), top_left.x, code.text))
    finally:
        document.close()
    return [text for *_position, text in sorted(found)]
