"""`defence-dir export badges|attendees` and `defence-dir checkin`: files, outcomes, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pypdfium2
import pytest
from sqlalchemy import select

from defence_dir.data.models import Attendance, AttendanceStatus, Person
from defence_dir.lists.consent import set_attendance

KICK_OFF = "High-Tech aus NRW für die Sicherheits- und Verteidigungsindustrie"


@pytest.fixture
def registered(db, ids) -> dict[str, int]:
    """The seeded persons registered for the kick-off; Recher cancelled, Cremer is there."""
    _list_id, event_id, persons = ids
    with db.session() as session:
        set_attendance(session, event_id, list(persons.values()), AttendanceStatus.REGISTERED)
        set_attendance(session, event_id, [persons["Recher"]], AttendanceStatus.CANCELLED)
        set_attendance(session, event_id, [persons["Cremer"]], AttendanceStatus.ATTENDED)
    return persons


def _text(path: Path) -> str:
    document = pypdfium2.PdfDocument(str(path))
    text = " ".join(page.get_textpage().get_text_range() for page in document)
    document.close()
    return " ".join(text.split())


def _status(db, person_id: int) -> str | None:
    with db.read_session() as session:
        return session.scalar(select(Attendance.status).where(Attendance.person_id == person_id))


def test_export_badges_and_lists(cli, db_url, registered, tmp_path):
    badges = tmp_path / "schilder.pdf"
    code, _out, err = cli("--db", db_url, "export", "badges", "--event", "High-Tech aus NRW",
                          "--layout", "a6", "--crop-marks", "-o", str(badges))
    assert code == 0, err
    assert "5 Namensschilder" in err
    text = _text(badges)
    assert text.index("Dr.-Ing. Harald Cremer") < text.index("Hans H. Stein")
    assert "Recher" not in text

    sheet = tmp_path / "liste.pdf"
    code, _out, err = cli("--db", db_url, "export", "attendees", "--event", KICK_OFF,
                          "--sign-in", "-o", str(sheet))
    assert code == 0, err
    assert "Anwesenheitsliste" in _text(sheet) and "Seite 1 von 1" in _text(sheet)
    code, _out, err = cli("--db", db_url, "export", "attendees", "--event", KICK_OFF,
                          "-o", str(sheet))
    assert code == 0 and "abgesagt" in _text(sheet)


@pytest.mark.parametrize(("args", "message"), [
    (["--event", "Gartenparty", "-o", "x.pdf"], "Gartenparty"),
    (["--event", KICK_OFF, "-o", "x.txt"], ".pdf"),
    (["--event", KICK_OFF, "-o", "nowhere/x.pdf"], "kann nicht geschrieben werden"),
])
def test_export_errors_are_one_line_and_leave_no_file(cli, db_url, registered, tmp_path,
                                                      monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    code, out, err = cli("--db", db_url, "export", "badges", *args)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and message in err
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob(".*part"))


def test_export_of_an_event_without_attendees(cli, db_url, tmp_path):
    code, _out, err = cli("--db", db_url, "export", "badges", "--event", KICK_OFF, "-o",
                          str(tmp_path / "b.pdf"))
    assert code == 1 and "niemand angemeldet" in err and err.count("\n") == 1
    assert not (tmp_path / "b.pdf").exists()


def test_checkin_by_uid_and_by_name(cli, db_url, db, registered):
    with db.read_session() as session:
        uid = session.get(Person, registered["Stein"]).uid
    code, out, err = cli("--db", db_url, "checkin", "--event", KICK_OFF,
                         f"BEGIN:VCARD\rVERSION:3.0\rUID:{uid}\rEND:VCARD", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["outcome"] == "checked_in" and result["person"]["name"] == "Hans H. Stein"
    assert result["previous_status"] == "registered"
    assert (result["present"], result["expected"]) == (2, 5)
    assert _status(db, registered["Stein"]) == "attended"

    code, _out, err = cli("--db", db_url, "checkin", "--event", KICK_OFF, "jurgen")
    assert code == 0 and "Jürgen Schnitzmeier" in err and "3 von 5 da" in err


def test_checkin_of_an_ambiguous_name_prints_the_candidates(cli, db_url, db, registered):
    code, out, err = cli("--db", db_url, "checkin", "--event", KICK_OFF, "zenit")  # network
    assert code == 1
    assert "Jürgen Schnitzmeier" in out and "Hans H. Stein" in out and "angemeldet" in out
    assert "mehrere" in err and err.count("\n") == 1
    assert _status(db, registered["Stein"]) == "registered"


def test_checkin_of_a_cancelled_registration_is_reported_not_changed(cli, db_url, db,
                                                                     registered):
    code, out, _err = cli("--db", db_url, "checkin", "--event", KICK_OFF, "Recher", "--json")
    assert code == 1
    assert json.loads(out)["outcome"] == "cancelled"
    assert _status(db, registered["Recher"]) == "cancelled"


def test_checkin_of_an_unknown_code(cli, db_url, registered):
    code, out, err = cli("--db", db_url, "checkin", "--event", KICK_OFF,
                         "0b6f1c57-2c1e-4a8e-9d47-5c0e2f9e1a11")
    assert code == 1 and out == ""
    assert "0b6f1c57" in err and err.count("\n") == 1
    code, _out, err = cli("--db", db_url, "checkin", "--event", "Gartenparty", "x")
    assert code == 1 and err.startswith("defence-dir: ") and "Gartenparty" in err
