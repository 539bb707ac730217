"""change log for offline copies: a table filled by triggers, and the database's own id

Revision ID: 0005
Revises: 0002
Create Date: 2026-12-02
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Each table an offline copy mirrors, with the column its change is logged by: the row's id,
# or for a link table the owner whose links the copy replaces as a whole.
LOGGED = {
    "topic": "id", "network": "id", "organisation": "id", "person": "id",
    "email_address": "id", "phone_number": "id", "network_role": "id", "event": "id",
    "attendance": "id", "distribution_list": "id", "list_membership": "id",
    "consent_record": "id", "person_topic": "person_id",
    "organisation_topic": "organisation_id", "network_topic": "network_id",
}
# A later migration that rebuilds one of these tables on SQLite (Alembic's batch mode copies it
# into a new table) drops its triggers with the old table: it must create them again.
# A copy writes what the team logged; it must not log it again (and slow every sync).
COPY_GUARD = "WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'copy_of')"


def upgrade() -> None:
    op.create_table(
        "change_log",
        sa.Column("seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
                  nullable=False, autoincrement=True),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_change_log")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(length=50), nullable=False),
        sa.Column("value", sa.String(length=1000), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_state")),
    )
    op.execute(sa.text("INSERT INTO sync_state (key, value) VALUES ('database_id', :id)")
               .bindparams(id=str(uuid.uuid4())))
    bind = op.get_bind()
    for table, key in LOGGED.items():
        if bind.dialect.name == "postgresql":
            _postgres_trigger(table, key)
        else:
            _sqlite_triggers(table, key)


def downgrade() -> None:
    bind = op.get_bind()
    for table in LOGGED:
        if bind.dialect.name == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS change_log_{table} ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS change_log_{table}()")
        else:
            for suffix in ("ai", "au", "ad"):
                op.execute(f"DROP TRIGGER IF EXISTS change_log_{table}_{suffix}")
    op.drop_table("sync_state")
    op.drop_table("change_log")


def _log(table: str, value: str) -> str:
    return f"INSERT INTO change_log (table_name, row_id) VALUES ('{table}', {value});"


def _sqlite_triggers(table: str, key: str) -> None:
    moved = (f"INSERT INTO change_log (table_name, row_id) SELECT '{table}', new.{key} "
             f"WHERE new.{key} IS NOT old.{key};")
    op.execute(f"CREATE TRIGGER change_log_{table}_ai AFTER INSERT ON {table} {COPY_GUARD} "
               f"BEGIN {_log(table, f'new.{key}')} END")
    op.execute(f"CREATE TRIGGER change_log_{table}_au AFTER UPDATE ON {table} {COPY_GUARD} "
               f"BEGIN {_log(table, f'old.{key}')} {moved} END")
    op.execute(f"CREATE TRIGGER change_log_{table}_ad AFTER DELETE ON {table} {COPY_GUARD} "
               f"BEGIN {_log(table, f'old.{key}')} END")


def _postgres_trigger(table: str, key: str) -> None:
    op.execute(f"""
CREATE FUNCTION change_log_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    {_log(table, f'NEW.{key}')}
  ELSIF TG_OP = 'DELETE' THEN
    {_log(table, f'OLD.{key}')}
  ELSE
    {_log(table, f'OLD.{key}')}
    IF NEW.{key} IS DISTINCT FROM OLD.{key} THEN
      {_log(table, f'NEW.{key}')}
    END IF;
  END IF;
  RETURN NULL;
END $$""")
    op.execute(f"CREATE TRIGGER change_log_{table} AFTER INSERT OR UPDATE OR DELETE ON {table} "
               f"FOR EACH ROW EXECUTE FUNCTION change_log_{table}()")
