"""Mail-merge spreadsheets and BCC lines for lists and events."""

from __future__ import annotations

from openpyxl import load_workbook
from sqlalchemy import select

from defence_dir.data.models import EmailAddress, Person
from defence_dir.lists.consent import (
    Consent,
    ConsentSource,
    get_list_by_name,
    subscribe,
    unsubscribe,
)
from defence_dir.lists.mailing import email_line, recipients, write_mail_merge_xlsx
from defence_dir.records.persons import EmailDraft, PersonDraft, create_person

LIST = "Defense-Verteiler"


def _fill_list(db):
    with db.session() as session:
        list_id = get_list_by_name(session, LIST).id
        tricky = create_person(session, PersonDraft(
            given_name="=HYPERLINK(\"http://x\")", family_name="@Angriff", function="+49 Test",
            emails=[EmailDraft("formel@example.com")]))
        for person in session.scalars(select(Person)):
            subscribe(session, list_id, person.id, Consent(ConsentSource.FORM, "Formular"))
        grosch = session.scalars(select(Person).where(Person.family_name == "Grosch")).one()
        unsubscribe(session, list_id, grosch.id)
        # An address that slipped in before validation existed.
        stein = session.scalars(select(Person).where(Person.family_name == "Stein")).one()
        session.get(EmailAddress, stein.emails[0].id).address = "hans.stein@@zenit"
        return tricky.id


def test_mail_merge_columns_and_formula_values_stay_text(db, tmp_path):
    _fill_list(db)
    path = tmp_path / "serienbrief.xlsx"
    with db.session() as session:
        count = write_mail_merge_xlsx(recipients(session, list_name=LIST), path)
    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Anrede", "Titel", "Vorname", "Nachname", "Funktion", "Organisation",
                       "E-Mail", "Status")
    assert count == 7 and len(rows) == 8
    tricky_row = next(r for r in sheet.iter_rows() if r[3].value == "@Angriff")
    assert tricky_row[2].value == "=HYPERLINK(\"http://x\")"
    for cell in tricky_row:
        assert cell.data_type in ("s", "inlineStr")  # text, never a formula ("f")
    assert tricky_row[2].quotePrefix and tricky_row[3].quotePrefix and tricky_row[4].quotePrefix
    statuses = {r[3]: r[7] for r in rows[1:]}
    assert statuses["Grosch"] == "abgemeldet" and statuses["Cremer"] == "angemeldet"


def test_bcc_line_leaves_out_unsubscribed_and_invalid(db):
    _fill_list(db)
    with db.session() as session:
        outlook = email_line(recipients(session, list_name=LIST), "; ")
    addresses = outlook.line.split("; ")
    assert "matthias.grosch@nmwp.de" not in addresses
    assert "hans.stein@@zenit" not in outlook.line
    assert "harald.cremer@nmwp.de" in addresses
    assert (outlook.included, outlook.left_out_unsubscribed, outlook.left_out_invalid) == (5, 1, 1)


def test_event_attendees_are_recipients(db):
    from defence_dir.data.models import AttendanceStatus
    from defence_dir.lists.consent import get_event_by_name, set_attendance

    name = "High-Tech aus NRW für die Sicherheits- und Verteidigungsindustrie"
    with db.session() as session:
        event_id = get_event_by_name(session, name).id
        ids = session.scalars(select(Person.id).where(
            Person.family_name.in_(["Cremer", "Recher"]))).all()
        set_attendance(session, event_id, ids, AttendanceStatus.ATTENDED)
        line = email_line(recipients(session, event_name=name))
    assert line.line == "harald.cremer@nmwp.de, stephan.recher@aerospace.nrw"
