"""Alembic wiring: the migration scripts shipped in the package, applied by code at start-up."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

SCRIPT_LOCATION = Path(__file__).with_name("migrations")


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    config.attributes["connection"] = connection
    return config


@cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = _scripts().get_current_head()
    assert head is not None, "the package ships at least one migration"
    return head


def is_known_revision(revision: str) -> bool:
    return any(script.revision == revision for script in _scripts().walk_revisions())


def upgrade(connection: Connection, revision: str = "head") -> None:
    """Migrate inside the caller's transaction, so a failure leaves the database as it was."""
    command.upgrade(alembic_config(connection), revision)


# FTS5 tables and their shadow tables are created by migration 0002 on SQLite only, and
# PostgreSQL's search objects by 0004 (see data/postgres_search.py), outside the models;
# autogenerate must not try to drop them.
_UNMODELLED_PREFIXES = ("search_fts", "search_phone", "search_name_word")
_UNMODELLED_NAMES = {"column": ("search_words",),
                     "index": ("ix_search_document_words", "ix_search_document_phone_trgm",
                               "ix_search_name_word_document",
                               "ix_search_name_word_prefix_document")}


def include_name(name: str | None, type_: str, _parent: object) -> bool:
    if name is None:
        return True
    if type_ == "table":
        return not name.startswith(_UNMODELLED_PREFIXES)
    return name not in _UNMODELLED_NAMES.get(type_, ())
