"""search index: documents table, and on SQLite FTS5 tables kept in step by triggers

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TEXT_COLUMNS = ("names", "phonetic", "organisation", "networks", "function", "topics", "city",
                "email", "phone", "notes", "tags")
FTS_COLUMNS = tuple(c for c in TEXT_COLUMNS if c != "phone")


def upgrade() -> None:
    op.create_table(
        "search_document",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("sort_key", sa.String(length=500).with_variant(
            sa.String(length=500, collation="C"), "postgresql"), nullable=False),
        *(sa.Column(name, sa.Text(), nullable=False) for name in TEXT_COLUMNS),
        sa.CheckConstraint("kind IN ('person', 'organisation', 'network')",
                           name=op.f("ck_search_document_kind_valid")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_document")),
        sa.UniqueConstraint("kind", "entity_id", name="uq_search_document_kind_entity"),
    )
    op.create_index(op.f("ix_search_document_sort_key"), "search_document", ["sort_key"],
                    unique=True)
    op.create_table(
        "search_state",
        sa.Column("key", sa.String(length=50), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_search_state")),
    )
    bind = op.get_bind()
    if bind.dialect.name == "sqlite" and _has_fts5(bind):
        _create_fts(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for trigger in ("search_document_ai", "search_document_ad", "search_document_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS search_fts_vocab")
        op.execute("DROP TABLE IF EXISTS search_fts")
        op.execute("DROP TABLE IF EXISTS search_phone")
    op.drop_table("search_state")
    op.drop_index(op.f("ix_search_document_sort_key"), table_name="search_document")
    op.drop_table("search_document")


def _has_fts5(bind: sa.Connection) -> bool:
    options = {row[0] for row in bind.exec_driver_sql("PRAGMA compile_options")}
    return "ENABLE_FTS5" in options


def _create_fts(bind: sa.Connection) -> None:
    columns = ", ".join(FTS_COLUMNS)
    new_values = ", ".join(f"new.{c}" for c in FTS_COLUMNS)
    old_values = ", ".join(f"old.{c}" for c in FTS_COLUMNS)
    # Words are pre-folded in Python; prefix indexes make 1-3 letter prefixes one lookup;
    # detail=column is enough for column filters and keeps the index small.
    bind.exec_driver_sql(
        f"CREATE VIRTUAL TABLE search_fts USING fts5({columns}, content='search_document', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 0', prefix='1 2 3', "
        "detail='column')"
    )
    # Phone digits: trigrams answer "any run of digits" (LIKE '%…%') from the index.
    bind.exec_driver_sql(
        "CREATE VIRTUAL TABLE search_phone USING fts5(phone, content='search_document', "
        "content_rowid='id', tokenize='trigram', detail='none')"
    )
    bind.exec_driver_sql("CREATE VIRTUAL TABLE search_fts_vocab USING fts5vocab(search_fts, 'col')")
    # A full rebuild sets search_state 'bulk' and rebuilds the FTS tables once at the end.
    quiet = "WHEN NOT EXISTS (SELECT 1 FROM search_state WHERE key = 'bulk')"
    insert = (f"INSERT INTO search_fts(rowid, {columns}) VALUES (new.id, {new_values}); "
              "INSERT INTO search_phone(rowid, phone) VALUES (new.id, new.phone);")
    delete = (f"INSERT INTO search_fts(search_fts, rowid, {columns}) "
              f"VALUES ('delete', old.id, {old_values}); "
              "INSERT INTO search_phone(search_phone, rowid, phone) "
              "VALUES ('delete', old.id, old.phone);")
    bind.exec_driver_sql(
        f"CREATE TRIGGER search_document_ai AFTER INSERT ON search_document {quiet} "
        f"BEGIN {insert} END")
    bind.exec_driver_sql(
        f"CREATE TRIGGER search_document_ad AFTER DELETE ON search_document {quiet} "
        f"BEGIN {delete} END")
    bind.exec_driver_sql(
        f"CREATE TRIGGER search_document_au AFTER UPDATE ON search_document {quiet} "
        f"BEGIN {delete} {insert} END")
