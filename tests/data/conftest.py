"""Storage test fixtures: a migration the next release would bring."""

from __future__ import annotations

import shutil

import pytest

from defence_dir.data import migration


@pytest.fixture
def migrations_with_an_upgrade(tmp_path, monkeypatch):
    """The shipped migrations plus one more, as the next release would bring."""
    scripts = tmp_path / "migrations"
    shutil.copytree(migration.SCRIPT_LOCATION, scripts,
                    ignore=shutil.ignore_patterns("__pycache__"))
    head = migration.head_revision()
    (scripts / "versions" / "9999_test_upgrade.py").write_text(
        f'''"""test upgrade"""
import sqlalchemy as sa
from alembic import op

revision = "9999_test"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("person", sa.Column("nickname", sa.String(50)))


def downgrade():
    op.drop_column("person", "nickname")
''', encoding="utf-8")
    monkeypatch.setattr(migration, "SCRIPT_LOCATION", scripts)
    migration._scripts.cache_clear()
    yield "9999_test"
    migration._scripts.cache_clear()


@pytest.fixture
def empty_sqlite(tmp_path):
    """A new, migrated SQLite database without the starting directory (bulk-write tests)."""
    from defence_dir.data.database import open_database

    database = open_database(str(tmp_path / "bulk.sqlite3"), seed=False)
    yield database
    database.close()


@pytest.fixture
def topic_rows():
    """`rows(count, start)`: (name, description) rows for the topic table, names unique."""
    def rows(count: int, start: int = 0) -> list[tuple[str, str]]:
        return [(f"Thema {n:05d}", f"Beschreibung {n}") for n in range(start, start + count)]
    return rows
