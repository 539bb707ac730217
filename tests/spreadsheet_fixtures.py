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
