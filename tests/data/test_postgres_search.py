"""PostgreSQL's search schema (migration 0004): kept in step, and a missing extension explained."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from defence_dir.cli import main
from defence_dir.data import postgres_search
from defence_dir.data.database import open_database
from defence_dir.errors import DatabaseOpenError
from defence_dir.privacy import erase_person
from defence_dir.records.persons import (
    PersonDraft,
    create_person,
    draft_of,
    get_person,
    update_person,
)
from defence_dir.search.service import SearchService


def _vocabulary(database) -> list[str]:
    with database.read_session() as session:
        return SearchService(database.read_session)._name_words(session)


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    with engine.connect() as connection:
        names = set(connection.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")).scalars())
    engine.dispose()
    return names


def test_name_words_follow_every_change_as_fts5_does(pg_url, db):
    """The vocabulary for typo tolerance comes from the name-word index on the server and
    equals SQLite's FTS5 vocabulary after creating, renaming and erasing persons."""
    server = open_database(pg_url)
    try:
        for database in (server, db):
            with database.session() as session:
                erased = get_person(session, 2).family_name.lower()
                create_person(session, PersonDraft(given_name="Jörg", family_name="Ölmann"))
                person = get_person(session, 1)
                draft, version = draft_of(person), person.version
            draft.family_name = "Quellenberg"
            with database.session() as session:
                update_person(session, 1, draft, version)
            erase_person(database, 2)
        words = _vocabulary(server)
        assert words == _vocabulary(db)
        assert "olmann" in words and "qullenberg" in words  # folded as "Quellenberg" is
        # Neither the old name of person 1 nor the erased person 2 leaves a word behind.
        assert erased not in words and "olmann" in words
        engine = create_engine(pg_url)
        with engine.connect() as connection:
            rows = connection.execute(text(
                "SELECT count(*) FROM search_name_word w LEFT JOIN search_document d "
                "ON d.id = w.document_id WHERE d.id IS NULL")).scalar_one()
        engine.dispose()
        assert rows == 0
        assert SearchService(server.read_session).search("Qullenbrg").hits[0].rank == 3
    finally:
        server.close()


def test_a_server_without_the_trigram_extension_is_explained(pg_url, monkeypatch, capsys):
    monkeypatch.setattr(postgres_search, "TRIGRAM_EXTENSION", "defence_dir_missing_extension")
    with pytest.raises(DatabaseOpenError, match="postgresql-contrib"):
        open_database(pg_url)
    assert "alembic_version" not in _tables(pg_url)  # nothing was created
    assert main(["--db", pg_url, "info"]) != 0
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "defence_dir_missing_extension" in err and "Traceback" not in err


def test_a_role_that_may_not_create_the_extension_is_told_what_to_run(pg_url, monkeypatch,
                                                                     capsys):
    # pageinspect is not a trusted extension: only a superuser may create it, which stands
    # in here for pg_trgm on a server where the role lacks CREATE on the database.
    monkeypatch.setattr(postgres_search, "TRIGRAM_EXTENSION", "pageinspect")
    assert main(["--db", pg_url, "info"]) != 0
    err = capsys.readouterr().err.strip()
    assert "\n" not in err
    assert 'psql -d defence_dir_test_' in err and '"CREATE EXTENSION pageinspect"' in err
    assert "defence_ci" in err  # the role it was refused to
    assert "alembic_version" not in _tables(pg_url)


def test_downgrade_removes_the_search_schema(pg_url):
    open_database(pg_url).close()
    engine = create_engine(pg_url)
    with engine.begin() as connection:
        _downgrade(connection)
        columns = set(connection.execute(text(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_name = 'search_document'")).scalars())
    engine.dispose()
    assert "search_words" not in columns
    assert "search_name_word" not in _tables(pg_url)


def _downgrade(connection) -> None:
    from alembic import command

    from defence_dir.data.migration import alembic_config

    command.downgrade(alembic_config(connection), "0002")
