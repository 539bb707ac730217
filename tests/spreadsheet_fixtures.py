"""Spreadsheets as they arrive after an event: title rows, German headings, Excel's numbers."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

HEADER = ["Anrede", "Titel", "Vorname", "Nachname", "Firma", "E-Mail-Adresse",
          "Telefon (dienstlich)", "Mobil", "Funktion", "Status", "Bemerkung"]
ROWS = [
    ["Frau", "Prof. Dr.-Ing.", "Anna", "Schäfer", "Rheinmetall",
     "anna.schaefer@rheinmetall.example", 2115551234, "+49 171 5551234",
     "Leiterin Forschung", "teilgenommen", "Vortrag\u00a0 gehalten"],
    ["Herr", None, "Jürgen", "Schnitzmeier", "ZENIT GmbH", "juergen.schnitzmeier@zenit.eu",
     "0208 3000423", None, None, "angemeldet", None],
    [None, None, "Anna", "Schäfer", "Rheinmetall", "anna.schaefer@rheinmetall.example",
     None, None, None, "angemeldet", "doppelt"],
    ["Herr", "Dr.", "Kai", "Kaputt", "Nirgendwo AG", "kai@@kaputt", None, None, None, None, None],
    [None, None, None, None, None, None, None, None, None, None, None],
    ["Herr", None, "Bernd", "Brandt", "Thyssenkrupp", None, 4921155501, None, "Einkauf",
     "abgesagt", None],
]


@pytest.fixture
def attendee_xlsx(tmp_path: Path) -> Path:
    path = tmp_path / "teilnehmer.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Teilnehmende"
    sheet.append(["Kick-off DEFENCE.NRW – Teilnehmerliste"])
    sheet.append([])
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    workbook.create_sheet("Notizen").append(["nichts"])
    workbook.save(path)
    return path


@pytest.fixture
def german_csv(tmp_path: Path) -> Path:
    """As a German Excel saves "CSV (Trennzeichen-getrennt)": cp1252, semicolons, CRLF."""
    lines = ["Name, Vorname;Organisation;Mail;Telefon",
             "Müller, Jörg;Hensoldt;joerg.mueller@hensoldt.example;0731 3920",
             '"Weiß, Dr. Gisela";"Fraunhofer; FHR";gisela.weiss@fhr.example;"0228 9435-0"',
             "Kremer, Harald;NMWP.NRW;harald.cremer@nmwp.de;"]
    path = tmp_path / "verteiler.csv"
    path.write_bytes("\r\n".join(lines).encode("cp1252") + b"\r\n")
    return path


# Exports as registration tools and address books write them. The same people in each: two
# colleagues of Bernd Brandt registered with the firm's info@ mailbox, an assistant with her
# boss's address (Harald Cremer is in the seeded directory), Jürgen Schnitzmeier who is in the
# directory already, and a status word no synonym knows.
INFO = "info@brandt-technik.example"
PEOPLE = [
    # given, family, organisation, function, email, phone, Eventbrite status, checked in,
    # pretix status, pretix check-in
    ("Anna", "Schäfer", "Rheinmetall", "Leiterin Forschung",
     "anna.schaefer@rheinmetall.example", "0211 5551234", "Attending", "No", "bezahlt", ""),
    ("Bernd", "Brandt", "Brandt Technik GmbH", "Geschäftsführer", INFO, "0203 998877",
     "Checked In", "Yes", "bezahlt", "14.03.2026 09:12"),
    ("Clara", "Weber", "Brandt Technik GmbH", "Vertrieb", INFO, "", "Attending", "Yes",
     "bezahlt", "14.03.2026 09:15"),
    ("Dieter", "Vogel", "Brandt Technik GmbH", "Entwicklung", INFO, "", "Attending", "No",
     "ausstehend", ""),
    ("Petra", "Lange", "NMWP.NRW", "Assistenz", "harald.cremer@nmwp.de", "",
     "Not Attending", "No", "storniert", ""),
    ("Jürgen", "Schnitzmeier", "ZENIT GmbH", "Berater", "juergen.schnitzmeier@zenit.eu", "",
     "Refunded", "No", "abgelaufen", ""),
    ("Eva", "Sommer", "Hensoldt", "Einkauf", "eva.sommer@hensoldt.example", "",
     "VIP", "No", "Gästeliste", ""),
]
# Rows of the file (1-based, the header is row 1) as the tests name them.
ROW_OF = {family: index + 2 for index, (_g, family, *_rest) in enumerate(PEOPLE)}

EVENTBRITE_HEADER = ["Order #", "Order Date", "First Name", "Last Name", "Email", "Quantity",
                     "Ticket Type", "Attendee #", "Attendee Status", "Company", "Job Title",
                     "Work Phone", "Checked In"]
PRETIX_HEADER = ["Bestellnummer", "Bestellstatus", "Bestelldatum", "Produkt", "Vorname",
                 "Nachname", "E-Mail", "Firma", "Position", "Telefonnummer", "Check-in"]
OUTLOOK_HEADER = [
    "Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company", "Department",
    "Job Title", "Business Street", "Business Street 2", "Business City",
    "Business Postal Code", "Business Country/Region", "Business Fax", "Business Phone",
    "Home Phone", "Mobile Phone", "Assistant's Name", "Birthday", "Categories",
    "E-mail Address", "E-mail Type", "E-mail Display Name", "E-mail 2 Address",
    "E-mail 2 Type", "E-mail 2 Display Name", "Gender", "Initials", "Notes", "Priority",
    "Private", "Sensitivity", "Web Page"]
# The German Outlook's names of the same columns.
OUTLOOK_GERMAN = dict(zip(OUTLOOK_HEADER, [
    "Anrede", "Vorname", "Weitere Vornamen", "Nachname", "Suffix", "Firma", "Abteilung",
    "Position", "Straße geschäftlich", "Straße geschäftlich 2", "Ort geschäftlich",
    "Postleitzahl geschäftlich", "Land/Region geschäftlich", "Fax geschäftlich",
    "Telefon geschäftlich", "Telefon privat", "Mobiltelefon", "Name Assistent",
    "Geburtstag", "Kategorien", "E-Mail-Adresse", "E-Mail-Typ", "E-Mail: Angezeigter Name",
    "E-Mail 2: Adresse", "E-Mail 2: Typ", "E-Mail 2: Angezeigter Name", "Geschlecht",
    "Initialen", "Notizen", "Priorität", "Privat", "Vertraulichkeit", "Webseite"], strict=True))
GOOGLE_OLD_HEADER = [
    "Name", "Given Name", "Additional Name", "Family Name", "Yomi Name", "Given Name Yomi",
    "Additional Name Yomi", "Family Name Yomi", "Name Prefix", "Name Suffix", "Initials",
    "Nickname", "Short Name", "Maiden Name", "Birthday", "Gender", "Location",
    "Billing Information", "Directory Server", "Mileage", "Occupation", "Hobby",
    "Sensitivity", "Priority", "Subject", "Notes", "Language", "Photo", "Group Membership",
    "E-mail 1 - Type", "E-mail 1 - Value", "E-mail 2 - Type", "E-mail 2 - Value",
    "Phone 1 - Type", "Phone 1 - Value", "Organization 1 - Type", "Organization 1 - Name",
    "Organization 1 - Yomi Name", "Organization 1 - Title", "Organization 1 - Department",
    "Organization 1 - Symbol", "Organization 1 - Location",
    "Organization 1 - Job Description"]
GOOGLE_NEW_HEADER = [
    "First Name", "Middle Name", "Last Name", "Phonetic First Name", "Phonetic Middle Name",
    "Phonetic Last Name", "Name Prefix", "Name Suffix", "Nickname", "File As",
    "Organization Name", "Organization Title", "Organization Department", "Birthday", "Notes",
    "Photo", "Labels", "E-mail 1 - Label", "E-mail 1 - Value", "E-mail 2 - Label",
    "E-mail 2 - Value", "Phone 1 - Label", "Phone 1 - Value"]


def _eventbrite_rows() -> list[list[object]]:
    return [[f"81{4000 + i}", "2026-02-10 14:03:22", g, f, mail, 1, "Early Bird",
             f"99{i:04d}", status, org, job, phone, checked]
            for i, (g, f, org, job, mail, phone, status, checked, _p, _c) in enumerate(PEOPLE)]


def _pretix_rows() -> list[list[object]]:
    return [[f"DFNRW-{i:05d}", status, "10.02.2026", "Fachforum Drohnenabwehr", g, f, mail,
             org, job, phone, checkin]
            for i, (g, f, org, job, mail, phone, _e, _c, status, checkin) in enumerate(PEOPLE)]


def _outlook_rows() -> list[list[object]]:
    rows = []
    for g, f, org, job, mail, phone, *_status in PEOPLE:
        values = {"Title": "Mr." if g in ("Bernd", "Dieter", "Jürgen") else "",
                  "First Name": g, "Last Name": f, "Company": org, "Department": "",
                  "Job Title": job, "Business Street": "Königsallee 1",
                  "Business City": "Düsseldorf", "Business Postal Code": "40212",
                  "Business Country/Region": "Deutschland", "Business Phone": phone,
                  "Birthday": "0/0/00", "Categories": "Messe 2026", "E-mail Address": mail,
                  "E-mail Type": "SMTP", "E-mail Display Name": f"{g} {f} ({mail})",
                  "Gender": "Unspecified", "Initials": f"{g[0]}.{f[0]}.",
                  "Priority": "Normal", "Private": "False", "Sensitivity": "Normal"}
        if f == "Schäfer":
            values["E-mail 2 Address"] = "anna.schaefer@privat.example"
            values["E-mail 2 Type"] = "SMTP"
        rows.append([values.get(column, "") for column in OUTLOOK_HEADER])
    return rows


def _google_old_rows() -> list[list[object]]:
    rows = []
    for g, f, org, job, mail, phone, *_status in PEOPLE:
        values = {"Name": f"{g} {f}", "Given Name": g, "Family Name": f,
                  "Group Membership": "* myContacts ::: Messe 2026",
                  "E-mail 1 - Type": "* Work", "E-mail 1 - Value": mail,
                  "Phone 1 - Type": "Work" if phone else "", "Phone 1 - Value": phone,
                  "Organization 1 - Type": "", "Organization 1 - Name": org,
                  "Organization 1 - Title": job}
        if f == "Schäfer":  # Google puts a second address of the same type into one cell
            values["E-mail 1 - Value"] = f"{mail} ::: anna.schaefer@privat.example"
        rows.append([values.get(column, "") for column in GOOGLE_OLD_HEADER])
    return rows


def _google_new_rows() -> list[list[object]]:
    rows = []
    for g, f, org, job, mail, phone, *_status in PEOPLE:
        values = {"First Name": g, "Last Name": f, "File As": f"{f}, {g}",
                  "Organization Name": org, "Organization Title": job,
                  "Labels": "* myContacts", "E-mail 1 - Label": "* Work",
                  "E-mail 1 - Value": mail, "Phone 1 - Label": "Work" if phone else "",
                  "Phone 1 - Value": phone}
        rows.append([values.get(column, "") for column in GOOGLE_NEW_HEADER])
    return rows


EXPORTS = {
    "eventbrite": (EVENTBRITE_HEADER, _eventbrite_rows),
    "pretix": (PRETIX_HEADER, _pretix_rows),
    "outlook": (OUTLOOK_HEADER, _outlook_rows),
    "outlook_de": ([OUTLOOK_GERMAN[h] for h in OUTLOOK_HEADER], _outlook_rows),
    "google": (GOOGLE_OLD_HEADER, _google_old_rows),
    "google_new": (GOOGLE_NEW_HEADER, _google_new_rows),
}


def _csv_line(cells: list[object], delimiter: str, quote_all: bool) -> str:
    texts = ["" if c is None else str(c) for c in cells]
    return delimiter.join(
        '"' + t.replace('"', '""') + '"'
        if quote_all or delimiter in t or '"' in t or "\n" in t else t for t in texts)


def write_export(folder: Path, kind: str, fmt: str) -> Path:
    """The export `kind` as .xlsx or as the .csv its tool writes: Eventbrite's opened and saved
    by a German Excel as "CSV UTF-8" (BOM, semicolons), pretix's German Excel CSV (cp1252,
    a "sep=;" line), Outlook's (cp1252, commas, every field quoted), Google's (UTF-8, commas);
    all with CRLF."""
    header, rows_of = EXPORTS[kind]
    rows = rows_of()
    path = folder / f"{kind}.{fmt}"
    if fmt == "xlsx":
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.title = "Attendees" if kind == "eventbrite" else "Export"
        sheet.append(header)
        for row in rows:
            sheet.append(row)
        workbook.save(path)
        return path
    if kind == "eventbrite":
        encoding, delimiter, quote_all, first = "utf-8-sig", ";", False, []
    elif kind == "pretix":
        encoding, delimiter, quote_all, first = "cp1252", ";", False, ["sep=;"]
    elif kind.startswith("outlook"):
        encoding, delimiter, quote_all, first = "cp1252", ",", True, []
    else:
        encoding, delimiter, quote_all, first = "utf-8", ",", False, []
    lines = first + [_csv_line(r, delimiter, quote_all) for r in [header, *rows]]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


@pytest.fixture
def export_file(tmp_path: Path):
    """export_file(kind, fmt) → the path of a written export (see `write_export`)."""
    return lambda kind, fmt="csv": write_export(tmp_path, kind, fmt)
