"""Access requests export everything stored; erasure leaves no readable trace in the file."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from defence_dir.data.models import (
    AttendanceStatus,
    AuditEntry,
    ConsentRecord,
    EmailAddress,
    ImportBatch,
    ImportChange,
    ListMembership,
    Person,
    PhoneNumber,
)
from defence_dir.errors import NotFoundError
from defence_dir.lists.consent import (
    Consent,
    ConsentSource,
    get_event_by_name,
    get_list_by_name,
    set_attendance,
    subscribe,
    unsubscribe,
)
from defence_dir.privacy import access_report, erase_person, write_access_json, write_access_xlsx
from defence_dir.records.persons import EmailDraft, PersonDraft, PhoneDraft, create_person

EVENT = "High-Tech aus NRW für die Sicherheits- und Verteidigungsindustrie"


@pytest.fixture
def rich_person(db):
    """A person with every kind of stored data, some of it from an import."""
    with db.session() as session:
        batch = ImportBatch(file_name="teilnehmer.xlsx", sheet="Tabelle1", row_count=1)
        session.add(batch)
        session.flush()
        person = create_person(session, PersonDraft(
            salutation="Frau", title="Prof. Dr.", given_name="Zerlina", family_name="Quastenberg",
            function="Leiterin Forschung", notes="Kontakt über Messe",
            emails=[EmailDraft("zerlina.quastenberg@example.org")],
            phones=[PhoneDraft("0221 9876543")]), import_batch_id=batch.id)
        session.add(ImportChange(batch_id=batch.id, table_name="person", row_id=person.id,
                                 action="updated",
                                 before_json=json.dumps({"function": "Forscherin Quastenberg"})))
        list_id = get_list_by_name(session, "Defense-Verteiler").id
        subscribe(session, list_id, person.id,
                  Consent(ConsentSource.IMPORT, "teilnehmer.xlsx, Zeile 2"),
                  import_batch_id=batch.id)
        unsubscribe(session, list_id, person.id, note="Abmeldelink")
        set_attendance(session, get_event_by_name(session, EVENT).id, [person.id],
                       AttendanceStatus.ATTENDED)
        return person.id


def test_access_report_contains_every_stored_field(db, rich_person):
    with db.session() as session:
        report = access_report(session, rich_person)
    for table, section in ((Person, report["person"]),):
        assert set(section) == {c.key for c in table.__table__.columns}
    assert set(report["emails"][0]) == {c.key for c in EmailAddress.__table__.columns}
    assert set(report["phones"][0]) == {c.key for c in PhoneNumber.__table__.columns}
    membership = report["list_memberships"][0]
    assert set(ListMembership.__table__.columns.keys()) <= set(membership)
    assert [c["action"] for c in membership["consent_history"]] == ["given", "withdrawn"]
    assert set(membership["consent_history"][0]) == set(ConsentRecord.__table__.columns.keys())
    assert report["attendances"][0]["event"] == EVENT
    assert report["attendances"][0]["status"] == "attended"
    provenance = report["import_provenance"][0]
    assert provenance["batch"]["file_name"] == "teilnehmer.xlsx"
    assert provenance["before"] == {"function": "Forscherin Quastenberg"}
    assert report["person"]["notes"] == "Kontakt über Messe"


def test_access_exports_are_written_and_logged(db, rich_person, tmp_path):
    with db.session() as session:
        report = access_report(session, rich_person)
    write_access_json(report, tmp_path / "auskunft.json")
    write_access_xlsx(report, tmp_path / "auskunft.xlsx")
    assert json.loads((tmp_path / "auskunft.json").read_text())["person"]["family_name"] == (
        "Quastenberg")
    from openpyxl import load_workbook

    sheets = load_workbook(tmp_path / "auskunft.xlsx").sheetnames
    assert {"Person", "E-Mail-Adressen", "Verteiler", "Veranstaltungen", "Importe"} <= set(sheets)
    with db.session() as session:
        assert session.scalars(select(AuditEntry.action)).all() == ["access_export"]


@pytest.mark.sqlite_only(reason="the SQLite file's and WAL's bytes (a server keeps old rows)")
def test_erasure_leaves_no_trace_in_the_file_or_wal(db, rich_person):
    result = erase_person(db, rich_person)
    assert result.wiped
    db.close()
    for suffix in ("", "-wal"):
        path = db.path.with_name(db.path.name + suffix)
        data = path.read_bytes() if path.exists() else b""
        for secret in ("Quastenberg", "zerlina.quastenberg@example.org", "9876543"):
            assert secret.encode() not in data, (suffix, secret)
            assert secret.encode("utf-16-le") not in data


def test_erasure_removes_every_record_and_is_logged_without_the_data(db, rich_person):
    erase_person(db, rich_person)
    with db.session() as session:
        assert session.get(Person, rich_person) is None
        for model in (EmailAddress, PhoneNumber, ListMembership):
            assert session.scalar(select(func.count()).select_from(model).where(
                model.person_id == rich_person)) == 0, model
        for model in (ConsentRecord, ImportChange):  # the fixture made only this person's
            assert session.scalar(select(func.count()).select_from(model)) == 0, model
        assert session.scalars(select(ImportBatch.file_name)).all() == ["teilnehmer.xlsx"]
        audit = session.scalars(select(AuditEntry)).all()
    assert [a.action for a in audit] == ["person_erased"]
    assert "Quastenberg" not in (audit[0].subject or "") + (audit[0].detail or "")


def test_erasing_an_unknown_person_changes_nothing(db):
    with pytest.raises(NotFoundError):
        erase_person(db, 4711)
