"""Render the windows and dialogs on the seeded directory to docs/screenshots/ (offscreen).

    python scripts/screenshots.py [--lang de|en] [--only-read-only]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import text

from defence_dir.data.database import Database, open_database
from defence_dir.ui.common.translations import install_language
from defence_dir.ui.window.app import ensure_application

if TYPE_CHECKING:
    from defence_dir.ui.vcard.import_dialog import ImportDialog

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def settle(window: QWidget | None = None) -> None:
    if window is not None and hasattr(window, "runner"):
        window.runner.wait()
    for _ in range(10):
        QApplication.processEvents()
        time.sleep(0.01)


def save(widget: QWidget, name: str) -> None:
    settle()
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def make_attendee_file(path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Teilnehmende"
    sheet.append(["Kick-off DEFENCE.NRW – Teilnehmerliste"])
    sheet.append([])
    sheet.append(["Anrede", "Titel", "Vorname", "Nachname", "Firma", "E-Mail-Adresse",
                  "Telefon (dienstlich)", "Teilnahmestatus"])
    for row in (
        ["Frau", "Prof. Dr.-Ing.", "Anna", "Schäfer", "Rheinmetall",
         "anna.schaefer@rheinmetall.example", 2115551234, "teilgenommen"],
        ["Herr", None, "Jürgen", "Schnitzmeier", "ZENIT GmbH", "juergen.schnitzmeier@zenit.eu",
         "0208 3000423", "angemeldet"],
        ["Herr", "Dr.", "Mathias", "Grosch", "NMWP.NRW", None, None, "teilgenommen"],
        [None, None, "Anna", "Schäfer", "Rheinmetall", "anna.schaefer@rheinmetall.example",
         None, "angemeldet"],
        ["Herr", None, "Kai", "Kaputt", "Nirgendwo AG", "kai@@kaputt", None, None],
        ["Frau", None, "Özlem", "Yıldız", "Fraunhofer FHR", "info@fhr.example",
         4922894350, "abgesagt"],
        # A colleague with the institute's shared mailbox, and a word no tool taught us.
        ["Herr", None, "Tim", "Lorenz", "Fraunhofer FHR", "info@fhr.example", None,
         "VIP-Gast"],
    ):
        sheet.append(row)
    workbook.save(path)


# (given name, family name, network, technology fields, day of consent or None, attended)
EXTRA_PERSONS = (
    ("Katrin", "Vogt", "KI.NRW", ("Künstliche Intelligenz",), 3, True),
    ("Ole", "Brandt", "Digital.Sicher.NRW", ("Cybersicherheit",), 9, True),
    ("Miriam", "Haas", "Digital.Sicher.NRW", ("Cybersicherheit", "Künstliche Intelligenz"),
     15, False),
    ("Tobias", "Lange", "NMWP.NRW", ("Werkstoffe", "Nanotechnologie"), 22, True),
    ("Sevgi", "Aydın", "KI.NRW", ("Künstliche Intelligenz", "Photonik"), 30, True),
    ("Jan", "Peters", "automotivland.nrw", ("Werkstoffe",), 41, False),
    ("Ewa", "Nowak", "ZENIT GmbH", ("Photonik",), 47, True),
    ("Lars", "Wolff", "AeroSpace.NRW", ("Luftfahrt", "Werkstoffe"), 55, None),
    ("Ines", "Berger", "NMWP.NRW", ("Nano- und Mikrosystemtechnik",), 63, True),
    ("Paul", "Schreiber", "Digital.Sicher.NRW", ("Cybersicherheit",), None, True),
)


def add_overview_data(database: object) -> None:
    """Persons with staggered consent on the seeded list and attendance at the kick-off, so the
    overview's charts show more than single bars."""
    from datetime import date, datetime, timedelta

    from sqlalchemy import select

    from defence_dir.data.models import (
        AttendanceStatus,
        DistributionList,
        EmailAddress,
        Event,
        Network,
        NetworkRole,
        Person,
        Topic,
    )
    from defence_dir.lists.consent import (
        Consent,
        ConsentSource,
        set_attendance,
        subscribe,
        unsubscribe,
    )

    start = datetime(2025, 9, 1, 10, 15)
    with database.session() as session:  # type: ignore[attr-defined]
        networks = {n.name: n for n in session.scalars(select(Network))}
        topics = {t.name: t for t in session.scalars(select(Topic))}
        (verteiler,) = session.scalars(select(DistributionList)).all()
        kickoff = session.scalars(select(Event)).first()
        kickoff.starts_on = date(2025, 11, 6)
        added: list[tuple[int, int | None, bool | None]] = []
        for given, family, network, fields, day, attended in EXTRA_PERSONS:
            person = Person(given_name=given, family_name=family,
                            topics=[topics[name] for name in fields],
                            emails=[EmailAddress(address=f"{given}.{family}@example.org"
                                                 .lower().replace("ı", "i"))])
            person.network_roles.append(NetworkRole(network=networks[network],
                                                    role="Ansprechpartner"))
            session.add(person)
            session.flush()
            added.append((person.id, day, attended))
        for person_id, day, _attended in added:
            if day is not None:
                subscribe(session, verteiler.id, person_id, Consent(
                    ConsentSource.FORM, "Webformular defence.nrw",
                    at=start + timedelta(days=day)))
        for person_id, day in ((1, 5), (2, 12), (3, 20)):  # seeded contacts
            subscribe(session, verteiler.id, person_id, Consent(
                ConsentSource.EVENT, "Kick-off Düsseldorf", at=start + timedelta(days=day)))
        unsubscribe(session, verteiler.id, 3, note="Abmeldung per E-Mail",
                    at=start + timedelta(days=50))
        subscribe(session, verteiler.id, 3, Consent(
            ConsentSource.MANUAL, note="Telefonisch erneut zugestimmt",
            at=start + timedelta(days=70, hours=5)), new_consent_after_unsubscribe=True)
        unsubscribe(session, verteiler.id, added[1][0], at=start + timedelta(days=58))
        registered = [pid for pid, _day, attended in added if attended is not None]
        set_attendance(session, kickoff.id, [*registered, 1, 2], AttendanceStatus.REGISTERED)
        set_attendance(session, kickoff.id,
                       [*(pid for pid, _day, attended in added if attended), 1],
                       AttendanceStatus.ATTENDED)
        forum = Event(name="Fachforum Cybersicherheit", city="Bochum", starts_on=date(2026, 2, 12),
                      organiser=networks["Digital.Sicher.NRW"])
        session.add(forum)
        session.flush()
        cyber = [pid for pid, *_rest in added[:3]] + [pid for pid, *_rest in added[-1:]]
        set_attendance(session, forum.id, [*cyber, 4, 5], AttendanceStatus.REGISTERED)
        set_attendance(session, forum.id, cyber[:3], AttendanceStatus.ATTENDED)


def add_members_and_attendees(database: Database) -> None:
    """A few members and attendees, so the list and event views are not empty."""
    from datetime import datetime

    from sqlalchemy import select

    from defence_dir.data.models import AttendanceStatus, ListMembership, Person
    from defence_dir.lists.consent import (
        Consent,
        ConsentSource,
        get_event_by_name,
        get_list_by_name,
        set_attendance,
        subscribe,
        unsubscribe,
    )

    with database.session() as session:
        list_id = get_list_by_name(session, "Defense-Verteiler").id
        event_id = get_event_by_name(
            session, "High-Tech aus NRW für die Sicherheits- und Verteidigungsindustrie").id
        persons = {p.family_name: p.id for p in session.scalars(select(Person))}
        subscribe(session, list_id, persons["Stein"], Consent(
            ConsentSource.FORM, "Webformular DEFENCE.NRW #17", at=datetime(2025, 3, 4, 9, 30)))
        subscribe(session, list_id, persons["Grosch"], Consent(
            ConsentSource.EVENT, "Kick-off Düsseldorf", at=datetime(2025, 5, 20, 14, 0)))
        subscribe(session, list_id, persons["Recher"], Consent(
            ConsentSource.MANUAL, note="Visitenkarte, Messe", at=datetime(2025, 6, 2, 11, 0)))
        subscribe(session, list_id, persons["Schnitzmeier"], Consent(
            ConsentSource.FORM, "Webformular DEFENCE.NRW #9", at=datetime(2025, 2, 1, 8, 0)))
        unsubscribe(session, list_id, persons["Schnitzmeier"], note="per E-Mail abgemeldet",
                    at=datetime(2025, 9, 12, 16, 0))
        session.add(ListMembership(list_id=list_id, person_id=persons["Cremer"]))
        for name, status in (("Stein", AttendanceStatus.ATTENDED),
                             ("Grosch", AttendanceStatus.ATTENDED),
                             ("Cremer", AttendanceStatus.REGISTERED),
                             ("Recher", AttendanceStatus.CANCELLED),
                             ("Schnitzmeier", AttendanceStatus.NO_SHOW)):
            set_attendance(session, event_id, [persons[name]], status)


def read_only_window(folder: Path, suffix: str) -> None:
    """The window on a write-protected database (opened read-only, as a read-only file is)."""
    from defence_dir.ui.window.main_window import MainWindow

    path = folder / "geschuetzt" / "directory.sqlite3"
    path.parent.mkdir()
    open_database(str(path)).close()
    database = open_database(str(path), read_only=True)
    window = MainWindow(database)
    window.resize(1280, 800)
    window.show()
    settle(window)
    window.search_field.setText("schnitz")
    settle(window)
    window.table.selectRow(0)
    save(window, f"main_window_read_only{suffix}")
    window.close()
    database.close()


def offline_copy_window(folder: Path, suffix: str) -> None:
    """The window on a laptop's offline copy of a team database, synced at start."""
    from defence_dir.sync import sync_copy
    from defence_dir.ui.window.main_window import MainWindow

    team = folder / "team" / "verzeichnis.sqlite3"
    team.parent.mkdir()
    open_database(str(team)).close()
    copy = folder / "laptop" / "kopie.sqlite3"
    copy.parent.mkdir()
    sync_copy(str(team), str(copy))
    database = open_database(str(copy))
    window = MainWindow(database)
    window.resize(1280, 800)
    window.show()
    assert window.copy_banner is not None
    window.copy_banner.wait()
    settle(window)
    window.search_field.setText("schnitz")
    settle(window)
    window.table.selectRow(0)
    save(window, f"main_window_offline_copy{suffix}")
    window.close()
    database.close()


def show_import_progress(importer: ImportDialog, suffix: str) -> None:
    """The vCard import held half-way (after writing the new cards), saved, then cancelled:
    it rolls back, so the later screenshots see the directory unchanged."""
    import threading
    from collections.abc import Callable

    from sqlalchemy.orm import Session

    from defence_dir.vcard import service as vcard_service
    from defence_dir.vcard.importer import ImportPlan, ImportResult

    real = vcard_service.apply_import
    held, release = threading.Event(), threading.Event()

    def holding(session: Session, plan: ImportPlan,
                progress: Callable[[int, int], bool] | None = None) -> ImportResult:
        assert progress is not None

        def gated(done: int, total: int) -> bool:
            answer = progress(done, total)
            if done > 0 and not release.is_set():
                held.set()
                release.wait(20)
                return progress(done, total)
            return answer
        return real(session, plan, gated)

    vcard_service.apply_import = holding
    try:
        importer.run_import()
        held.wait(20)
        settle()
        save(importer, f"vcard_import_progress{suffix}")
        importer.reject()  # Cancel: stops the import at its next step
        release.set()
        importer.wait()
        settle()
    finally:
        vcard_service.apply_import = real


def team_settings_screenshot(database: Database, suffix: str) -> None:
    """The team settings after a successful connection test (on a machine without a keyring
    the dialog also says that the password is asked for at each connection)."""
    from defence_dir.i18n import _
    from defence_dir.team.connection_check import CheckResult, Outcome
    from defence_dir.ui.team.team_settings_dialog import TeamSettingsDialog

    dialog = TeamSettingsDialog(None, database)
    dialog.url.setText("postgresql://teamdb.defence.nrw/verzeichnis")
    dialog.user.setText("anna.schaefer")
    dialog.password.setText("correct horse battery")
    dialog.on_start.setChecked(True)
    dialog.show()
    dialog._tested(CheckResult(Outcome.READY, _(  # as the worker answers
        "Connected. {where} holds a defence-dir directory.",
        where="anna.schaefer@teamdb.defence.nrw/verzeichnis")))
    save(dialog, f"team_settings{suffix}")
    dialog.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="de", choices=("de", "en"))
    parser.add_argument("--only-read-only", action="store_true",
                        help="render only the read-only window")
    parser.add_argument("--only-offline-copy", action="store_true",
                        help="render only the window on an offline copy")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    app = ensure_application()
    install_language(args.lang)
    from defence_dir.records.persons import draft_of, get_person
    from defence_dir.ui.records.person_dialog import PersonDialog
    from defence_dir.ui.window.main_window import MainWindow

    suffix = "" if args.lang == "de" else "_en"
    # A fixed folder, not a random one: its path shows in the status bar, and the images
    # should change only when the windows do.
    folder = str(Path(tempfile.gettempdir()) / "defence-dir-screenshots")
    shutil.rmtree(folder, ignore_errors=True)
    Path(folder).mkdir()
    try:
        os.environ["XDG_CONFIG_HOME"] = folder  # default window state, not the user's
        if not args.only_offline_copy:
            read_only_window(Path(folder), suffix)
        if args.only_read_only:
            return 0
        offline_copy_window(Path(folder), suffix)
        if args.only_offline_copy:
            return 0
        database = open_database(str(Path(folder) / "directory.sqlite3"))
        window = MainWindow(database)
        window.resize(1280, 800)
        window.show()
        settle(window)
        save(window, f"main_window{suffix}")
        window.search_field.setText("schnitz")
        settle(window)
        window.table.selectRow(0)
        save(window, f"main_window_search{suffix}")
        window.search_field.setText("")
        settle(window)
        window.go_to("network", 1)
        settle(window)
        save(window, f"main_window_network{suffix}")
        add_members_and_attendees(database)
        window.reload()
        window.go_to("list", 1)
        settle(window)
        window.collections.panel.table.selectRow(2)
        save(window, f"list_view{suffix}")
        window.go_to("event", 1)
        settle(window)
        window.collections.panel.table.selectRow(1)
        save(window, f"event_view{suffix}")
        window.select_section("persons")
        settle(window)
        with database.read_session() as session:
            person = get_person(session, 2)
            draft = draft_of(person)
        organisations, topics = window.editor.choices()
        dialog = PersonDialog(window, draft, organisations, topics,
                              title=window.tr("Edit person"))
        dialog.show()
        settle()
        save(dialog, f"person_dialog{suffix}")
        dialog.phones.rows[0][0].setText("0211 12")
        dialog.emails.rows[0][0].setText("matthias.grosch@@nmwp")
        save(dialog, f"person_dialog_invalid{suffix}")
        dialog.close()

        from defence_dir.ui.vcard.export_dialog import ExportDialog
        from defence_dir.ui.vcard.import_dialog import ImportDialog
        from defence_dir.ui.vcard.qr_dialog import QrDialog
        from defence_dir.vcard.writer import Profile, card, load_cards

        export = ExportDialog(window, database, [
            (window.vcards.tr("Selected persons (%n)", "", 2), lambda: [1, 2]),
            (window.vcards.tr("Everybody in the directory"), lambda: [])])
        export.target.setText(str(Path.home() / "Kontakte" / "defence-nrw.vcf"))
        export.show()
        save(export, f"export_dialog{suffix}")
        export.close()
        with database.read_session() as session:
            data = load_cards(session, [3])[0]
        data.notes, data.categories = None, []
        qr = QrDialog(window, data.display_name, card(data, Profile.STANDARD))
        qr.show()
        save(qr, f"qr_dialog{suffix}")
        qr.close()
        sample = Path(folder) / "messe-kontakte.vcf"
        photo = "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQ" * 30
        # As an iPhone writes it (a photo, not kept) and a card pasted from an old Windows
        # export (a line in Windows-1252): both come in, with a warning.
        sample.write_bytes(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Yılmaz;Ayşe;;Dr.;\r\nFN:Dr. Ayşe Yılmaz\r\n"
            "ORG:Hensoldt Sensors GmbH\r\nEMAIL:ayse.yilmaz@hensoldt.example\r\n"
            "PHOTO;ENCODING=b;TYPE=JPEG:".encode()
            + "\r\n ".join(photo[i:i + 74] for i in range(0, len(photo), 74)).encode()
            + b"\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nN:Grosch;Matthias;;Dr.;\r\n"
            b"EMAIL:matthias.grosch@nmwp.de\r\nTITLE:Clustermanager\r\nEND:VCARD\r\n"
            b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Kaputt;Karl;;;\r\nEMAIL:karl@@x\r\n"
            b"END:VCARD\r\nBEGIN:VCARD\r\nVERSION:2.1\r\n"
            + "N:Schäfer;Jörg\r\nFN:Jörg Schäfer\r\n".encode("cp1252")
            + b"EMAIL;INTERNET:joerg.schaefer@example.org\r\nEND:VCARD\r\n")
        importer = ImportDialog(window, database, sample)
        importer.show()
        importer.wait()
        save(importer, f"vcard_import_preview{suffix}")
        show_import_progress(importer, suffix)
        importer.close()

        from defence_dir.ui.imports.spreadsheet_wizard import SpreadsheetWizard

        sheet = Path(folder) / "teilnehmer.xlsx"
        make_attendee_file(sheet)
        wizard = SpreadsheetWizard(window, database)
        wizard.show()
        wizard.file_page.open_file(str(sheet))
        wizard.worker.wait()
        settle()
        save(wizard, f"import_wizard_file{suffix}")
        wizard.next()  # the directory only: the status column is shown as ignored
        save(wizard, f"import_wizard_columns{suffix}")
        wizard.mapping_page.target.to_event.setChecked(True)
        wizard.next()
        wizard.worker.wait()
        settle()
        save(wizard, f"import_wizard_preview{suffix}")
        wizard.next()
        save(wizard, f"import_wizard_import{suffix}")
        wizard.button(wizard.WizardButton.FinishButton).click()
        wizard.worker.wait()
        settle()
        save(wizard, f"import_wizard_report{suffix}")
        wizard.close()
        from defence_dir.ui.imports.imports_dialog import ImportsDialog

        with database.session() as session:  # a fixed time, so the picture changes only with
            session.execute(text(  # the dialog
                "UPDATE import_batch SET imported_at = '2026-11-25 09:15:00'"))
        imports = ImportsDialog(window, database)
        imports.show()
        imports.table.selectRow(0)
        save(imports, f"imports_dialog{suffix}")
        confirmation = imports.undo_confirmation_box(imports.batches[0])
        confirmation.show()
        save(confirmation, f"imports_undo_confirmation{suffix}")
        confirmation.close()
        imports.close()
        from datetime import date

        from defence_dir.ui.lists.collection_dialog import CollectionDialog

        event_dialog = CollectionDialog(window, "event", {
            "name": "Fachforum Drohnenabwehr", "description": "Mit Live-Demonstration",
            "starts_on": date(2027, 3, 18), "city": "Düsseldorf"}, title="")
        event_dialog.show()
        save(event_dialog, f"event_dialog{suffix}")
        event_dialog.close()

        add_overview_data(database)
        window.data_changed.emit("person", [])
        window.show_overview()
        window.overview.wait()
        settle(window)
        save(window, f"overview{suffix}")
        window.go_to("person", 3)  # Jürgen Schnitzmeier: subscribed, withdrew, came back
        settle(window)
        save(window, f"person_consent_history{suffix}")
        confirmation = window.privacy.confirmation_box("Jürgen Schnitzmeier")
        confirmation.show()
        save(confirmation, f"erase_confirmation{suffix}")
        confirmation.close()
        from defence_dir.privacy import ErasureResult

        # Another program kept the wipe pending, and an older backup still holds the person.
        result = window.privacy.result_box(ErasureResult(
            3, 7, wiped=False, pending=True, backups=[Path(
                "/home/anna/.local/share/defence-dir/defence-dir.sqlite3.20261125-091500.bak")]))
        result.show()
        save(result, f"erase_result{suffix}")
        result.close()
        team_settings_screenshot(database, suffix)
        window.close()
        database.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
