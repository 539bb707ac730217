"""Render the duplicate finder and a comparison to docs/screenshots/ (offscreen), on the
seeded directory with near-copies of the kinds the finder is for.

    python scripts/duplicate_screenshots.py [--lang de|en]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from defence_dir.data.database import Database, open_database
from defence_dir.records import service as records
from defence_dir.records.organisations import OrganisationDraft
from defence_dir.records.persons import EmailDraft, PersonDraft, PhoneDraft
from defence_dir.ui.common.translations import install_language
from defence_dir.ui.window.app import ensure_application

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"

# (organisation, values, emails, phones): pairs as imports and colleagues make them.
NEAR_COPIES = [
    ("Fraunhofer FKIE", dict(salutation="Herr", title="Dr.", given_name="Jürgen",
                             family_name="Müller", function="Leiter Cyber-Analyse"),
     ["juergen.mueller@fkie.fraunhofer.de"], ["+49 228 9435-0"]),
    ("Fraunhofer-Institut für Kommunikation, Informationsverarbeitung und Ergonomie FKIE",
     dict(given_name="Juergen", family_name="Mueller", department="Cyber Analysis",
          function="Abteilungsleiter Cyber Analysis and Defense"),
     ["juergen.mueller@fkie.fraunhofer.de", "j.mueller@gmx.de"], ["0228 94350"]),
    ("Rheinmetall AG", dict(salutation="Frau", title="Prof. Dr.-Ing.", given_name="Änne",
                            family_name="Schäfer", function="Vice President Engineering"),
     ["aenne.schaefer@rheinmetall.com"], ["+49 211 473-01"]),
    ("Rheinmetall", dict(given_name="Aenne", family_name="Schaefer",
                         function="VP Engineering"),
     ["a.schaefer@rheinmetall.com"], ["0211 47301"]),
    ("HENSOLDT Sensors GmbH", dict(given_name="Björn", family_name="Weiß",
                                   function="Key Account Manager"),
     ["bjoern.weiss@hensoldt.net"], ["+49 731 3920"]),
    ("Hensoldt", dict(given_name="Weiß", family_name="Björn"),
     ["bjoern.weiss@hensoldt.net"], []),
    ("ZENIT GmbH", dict(salutation="Frau", given_name="Katharina", family_name="Schröder",
                        function="Projektleiterin"),
     ["k.schroeder@zenit.example"], ["+49 208 30004-21"]),
    ("ZENIT GmbH", dict(given_name="Katharina", family_name="Schroeder-Kühn"),
     ["katharina.schroeder@gmail.example"], ["0208 3000421"]),
    ("Diehl Defence GmbH & Co. KG", dict(given_name="Günther", family_name="Kölsch",
                                         function="Leiter Vertrieb"),
     ["guenther.koelsch@diehl-defence.example"], ["+49 7551 89-0"]),
    ("Diehl Defence", dict(title="Dipl.-Ing.", given_name="Günter", family_name="Koelsch"),
     ["g.koelsch@diehl-defence.example"], []),
    ("RWTH Aachen", dict(given_name="Sören", family_name="Großmann",
                         department="Institut für Kraftfahrzeuge"),
     ["soeren.grossmann@ika.rwth-aachen.de"], []),
    ("RWTH Aachen University", dict(title="Dr.", given_name="Soeren", family_name="Grossmann"),
     ["s.grossmann@rwth-aachen.de"], ["0241 80-25600"]),
]


def settle() -> None:
    for _ in range(20):
        QApplication.processEvents()
        time.sleep(0.02)


def add_near_copies(db: Database) -> None:
    organisations: dict[str, int] = {}
    for organisation, values, emails, phones in NEAR_COPIES:
        if organisation not in organisations:
            organisations[organisation] = records.create_organisation(
                db, OrganisationDraft(name=organisation, city="Bonn")).id
        records.create_person(db, PersonDraft(
            **values, organisation_id=organisations[organisation],
            emails=[EmailDraft(e) for e in emails], phones=[PhoneDraft(p) for p in phones]))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="de")
    arguments = parser.parse_args()
    ensure_application()
    install_language(arguments.lang)
    suffix = "" if arguments.lang == "de" else f"-{arguments.lang}"
    from defence_dir.ui.window.main_window import MainWindow

    with tempfile.TemporaryDirectory() as folder:
        db = open_database(str(Path(folder) / "directory.sqlite3"))
        add_near_copies(db)
        window = MainWindow(db)
        window.resize(1280, 800)
        window.show()
        finder = window.duplicates.open_finder()
        finder.resize(1180, 640)
        deadline = time.monotonic() + 30
        while (finder.searching or finder.comparison is None) and time.monotonic() < deadline:
            settle()
        settle()
        finder.grab().save(str(OUT / f"duplicates-finder{suffix}.png"))
        # The comparison close up, a value of the second person chosen with key 2.
        view = finder.view
        row = view.row_of("function")
        if row >= 0:
            view.setCurrentCell(row, 2)
            view.choose(1)
        view.setFocus()
        finder.splitter.setSizes([260, 920])
        settle()
        shot = view.grab()
        shot.copy(0, 0, view.width(), min(view.height(), view.fitting_height())).save(
            str(OUT / f"duplicates-comparison{suffix}.png"))
        print(OUT / f"duplicates-finder{suffix}.png")
        window.close()
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
