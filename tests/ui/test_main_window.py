"""The first window: it lists the directory's persons from the database it was given."""

from __future__ import annotations

from PySide6.QtCore import Qt

from defence_dir.data.database import Database
from defence_dir.ui.main_window import MainWindow
from defence_dir.ui.person_table_model import ID_ROLE


def test_lists_the_seeded_persons_alphabetically(qtbot, db: Database):
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    model = window.person_table.model()
    names = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert len(names) == 6
    assert "Dr. Matthias Grosch" in names
    assert "Jürgen Schnitzmeier" in names
    ids = [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]
    assert len(set(ids)) == 6
    # German phone-book order: Cremer before Grosch before Schnitzmeier.
    assert names.index("Dr.-Ing. Harald Cremer") < names.index("Dr. Matthias Grosch") \
        < names.index("Jürgen Schnitzmeier")
    row = names.index("Dr. Matthias Grosch")
    assert model.index(row, 5).data().replace(" ", "").startswith("+49")
    assert model.index(row, 1).data() == "NMWP.NRW"
    assert window.count_label.text() == "6 Personen"
    assert window.windowTitle().startswith("defence-dir")


def test_shows_names_literally(qtbot, db: Database):
    from defence_dir.persons import PersonDraft, create_person

    with db.session() as session:
        create_person(session, PersonDraft(given_name="<b>Eve</b>", family_name="<img src=x>"))
    window = MainWindow(db)
    qtbot.addWidget(window)
    model = window.person_table.model()
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert "<b>Eve</b> <img src=x>" in names
    assert model.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is None


def test_start_with_unusable_database_explains_and_fails(qtbot, tmp_path, monkeypatch):
    from defence_dir.ui import app

    not_a_db = tmp_path / "notes.sqlite3"
    not_a_db.write_bytes(b"shopping list\n")
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(app, "show_error", lambda parent, title, text: shown.append((title, text)))
    assert app.run_app(str(not_a_db)) == 1
    assert shown and "notes.sqlite3" in shown[0][1]
    assert not_a_db.read_bytes() == b"shopping list\n"
