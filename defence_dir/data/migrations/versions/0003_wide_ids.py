"""wide ids: every id column 64-bit on PostgreSQL

The search index places documents at position * 2^20, past 2^31 at about 2,000 documents, and
every other id can grow as far over the years: PostgreSQL's INTEGER and the SERIAL sequences
behind the primary keys stop at 2^31 - 1 ("integer out of range"). This widens them to BIGINT.

SQLite needs nothing: its INTEGER holds 64-bit values already, and the primary keys must stay
declared exactly INTEGER PRIMARY KEY to remain the rowid alias that numbers new rows.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every primary key, every foreign key to one, and the columns that hold ids of other tables.
ID_COLUMNS: dict[str, tuple[str, ...]] = {
    "audit_entry": ("id",),
    "import_mapping": ("id",),
    "network": ("id",),
    "topic": ("id",),
    "distribution_list": ("id", "owner_network_id"),
    "event": ("id", "organiser_network_id"),
    "network_topic": ("network_id", "topic_id"),
    "import_batch": ("id", "target_list_id", "target_event_id"),
    "import_change": ("id", "batch_id", "row_id"),
    "organisation": ("id", "import_batch_id"),
    "organisation_topic": ("organisation_id", "topic_id"),
    "person": ("id", "organisation_id", "import_batch_id"),
    "attendance": ("id", "event_id", "person_id", "import_batch_id"),
    "email_address": ("id", "person_id"),
    "list_membership": ("id", "list_id", "person_id", "import_batch_id"),
    "network_role": ("id", "person_id", "network_id"),
    "person_topic": ("person_id", "topic_id"),
    "phone_number": ("id", "person_id"),
    "consent_record": ("id", "membership_id", "import_batch_id"),
    "search_document": ("id", "entity_id"),
}
# search_document.id is set by the index, not by a sequence.
_NUMBERED_BY_SEQUENCE = tuple(t for t, columns in ID_COLUMNS.items()
                              if "id" in columns and t != "search_document")


def upgrade() -> None:
    _retype("BIGINT")


def downgrade() -> None:
    _retype("INTEGER")  # refused by PostgreSQL once any id has grown past 2^31 - 1


def _retype(sql_type: str) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return  # SQLite: see the module docstring
    for table, columns in ID_COLUMNS.items():
        # One statement per table: PostgreSQL rewrites the table and its indexes once.
        changes = ", ".join(f'ALTER COLUMN "{c}" TYPE {sql_type}' for c in columns)
        op.execute(f'ALTER TABLE "{table}" {changes}')
    for table in _NUMBERED_BY_SEQUENCE:
        sequence = bind.exec_driver_sql(
            f"SELECT pg_get_serial_sequence('\"{table}\"', 'id')").scalar()
        if sequence:  # a column made SERIAL has one; AS also moves its default MAXVALUE
            op.execute(f"ALTER SEQUENCE {sequence} AS {sql_type}")
