"""Ids past 2^31: the search index's spaced ids at a team's size, and databases made before."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from defence_dir.data import migration
from defence_dir.data.database import Database, open_database
from defence_dir.data.models import Person, SearchDocument
from defence_dir.imports.spreadsheet.columns import find_header_row, guess_mapping
from defence_dir.imports.spreadsheet.planning import plan_rows
from defence_dir.imports.spreadsheet.reading import read_table_file
from defence_dir.imports.spreadsheet.writing import ImportTarget, apply_plan
from defence_dir.search import indexer
from defence_dir.search.service import SearchService

INT32_MAX = 2**31 - 1


@pytest.fixture(params=["sqlite", "postgresql"])
def any_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "team.sqlite3")
    return request.getfixturevalue("pg_url")


def _import(db: Database, path: Path) -> dict[str, int]:
    rows = read_table_file(path).sheet(None).rows
    with db.session() as session:
        header = find_header_row(rows)
        plan = plan_rows(session, rows, header, guess_mapping(rows[header], session),
                         file_name=path.name)
        apply_plan(session, plan, ImportTarget())
    return plan.counts()


def _write(path: Path, names: list[tuple[str, str]]) -> Path:
    lines = ["Vorname;Nachname;Firma;E-Mail"]
    lines += [f"{given};{family};Firma {i % 40};"
              + f"{given}.{family}@team{i % 40}.example".lower()
              for i, (given, family) in enumerate(names)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _letters(number: int) -> str:
    """Three consonants counting up from "bbb": digits in a search are read as a phone number,
    and "ae", "ue" fold to the vowel alone ("Annaaue" is "Annaau" is "Annaaeu")."""
    return "".join("bcdfghjklmnpqrstvwxz"[number // 20**p % 20] for p in (2, 1, 0))


def test_a_team_directory_takes_imports_into_one_gap_and_a_renumbering(any_url, tmp_path,
                                                                      monkeypatch):
    """The issue's reproduction: 3,000 persons, then 2,000 names that all sort between two
    of them, then 2,000 more between two of those (too many for the gap: everything is
    renumbered). On PostgreSQL a 32-bit id stopped this with "integer out of range"."""
    db = open_database(any_url, seed=False)
    try:
        team = [(f"Anna{_letters(i)}", f"Berg{_letters(i)}") for i in range(3000)]
        assert _import(db, _write(tmp_path / "team.csv", team))["new"] == 3000
        # "Bergdmm…" sorts after "Bergdmm" and before "Bergdmn", two of the team.
        between = [(f"Carl{_letters(i)}", f"Bergdmm{_letters(i)}") for i in range(2000)]
        assert _import(db, _write(tmp_path / "between.csv", between))["new"] == 2000
        renumbered = []
        renumber = indexer.reindex_all
        monkeypatch.setattr(indexer, "reindex_all",
                            lambda *args, **kw: renumbered.append(1) or renumber(*args, **kw))
        tighter = [(f"Dora{_letters(i)}", f"Bergdmmbbb{_letters(i)}") for i in range(2000)]
        assert _import(db, _write(tmp_path / "tighter.csv", tighter))["new"] == 2000
        assert renumbered  # the gap was too small for them
        # A few hundred more into the gaps everywhere: placed by asking each one's neighbours
        # of the index, as the whole index read in key order would place them.
        with db.read_session() as session:
            keys = [f"{key[:9]}m" for key in session.scalars(
                select(SearchDocument.sort_key).order_by(SearchDocument.sort_key))][::25]
            assert len(keys) * 16 < 7000
            assert indexer.positions_in_bulk(session, keys) == \
                indexer._positions_by_scan(session, keys)
        renumbered.clear()
        scattered = [(f"Emil{_letters(i)}", f"Berg{_letters(i)}m") for i in range(0, 3000, 10)]
        assert _import(db, _write(tmp_path / "scattered.csv", scattered))["new"] == 300
        assert not renumbered
        with db.read_session() as session:
            assert session.scalar(select(func.count()).select_from(Person)) == 7300
            assert session.scalar(select(func.max(SearchDocument.id))) > INT32_MAX
            documents = select(func.count()).select_from(SearchDocument)
            assert session.scalar(documents) == 7340  # and 40 organisations
            keys = session.scalars(select(SearchDocument.sort_key)
                                   .order_by(SearchDocument.id)).all()
        assert keys == sorted(keys)  # still the alphabetical order after the renumbering
        search = SearchService(db.read_session)
        for query, family in (("Bergdmmbbbcxx", "Bergdmmbbbcxx"), ("annafjd", "Bergfjd"),
                              ("carlbbb bergdmmbbb", "Bergdmmbbb")):
            first = search.search(query).hits[0]
            with db.read_session() as session:
                assert session.get(Person, first.id).family_name == family, query
    finally:
        db.close()


def test_a_postgresql_database_made_before_widens_and_keeps_its_data(pg_url):
    """A team database at revision 0002 (32-bit ids) is upgraded in place: every id column
    and sequence becomes 64-bit, nothing is lost, and ids past 2^31 are then taken."""
    from defence_dir.records.persons import PersonDraft, create_person

    engine = create_engine(pg_url)
    with engine.begin() as connection:
        migration.upgrade(connection, "0002")
        connection.execute(text("INSERT INTO person (uid, given_name, family_name, version, "
                                "created_at, updated_at) VALUES ('u-1', 'Jörg', 'Ölmann', 1, "
                                "now(), now())"))
        connection.execute(text("INSERT INTO email_address (person_id, address, kind, "
                                "position) SELECT id, 'joerg@oelmann.example', 'work', 0 "
                                "FROM person"))
        narrow = connection.execute(text(
            "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' "
            "AND data_type = 'integer' AND (column_name = 'id' OR column_name LIKE '%\\_id')"
        )).scalar()
    assert narrow > 20  # really made with 32-bit ids
    engine.dispose()
    db = open_database(pg_url)
    try:
        with db.engine.begin() as connection:
            still_narrow = connection.execute(text(
                "SELECT table_name || '.' || column_name FROM information_schema.columns "
                "WHERE table_schema = 'public' AND data_type = 'integer' "
                "AND (column_name = 'id' OR column_name LIKE '%\\_id')")).scalars().all()
            narrow_sequences = connection.execute(text(
                "SELECT sequence_name FROM information_schema.sequences "
                "WHERE data_type <> 'bigint'")).scalars().all()
            connection.execute(text("SELECT setval(pg_get_serial_sequence('person', 'id'), "
                                    f"{INT32_MAX + 10})"))
        assert still_narrow == [] and narrow_sequences == []
        with db.session() as session:
            big = create_person(session, PersonDraft(given_name="Zoe",
                                                     family_name="Zander")).id
        assert big > INT32_MAX
        with db.read_session() as session:
            assert session.scalar(select(Person.family_name).where(Person.id == big)) == "Zander"
            assert session.scalar(select(Person.id).where(Person.uid == "u-1")) == 1
        search = SearchService(db.read_session)
        assert search.search("oelmann").total == 1
        assert [h.id for h in search.search("zander").hits] == [big]
    finally:
        db.close()


def test_migrations_match_the_models_on_postgresql(pg_url):
    """Autogenerate finds nothing to do on the server either: the widened columns are what
    the models declare."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from defence_dir.data.migration import include_name
    from defence_dir.data.models import Base

    open_database(pg_url, seed=False).close()
    engine = create_engine(pg_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "include_name": include_name})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()
