"""duplicates: pairs marked "not duplicates" (mirrored to copies) and merge records

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

Wide = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
# As 0006's change-log triggers: quiet in a copy and inside a bulk write.
GUARD = "WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key IN ('copy_of', 'quiet_log'))"
QUIET = "IF current_setting('defence_dir.quiet_log', true) = 'on' THEN RETURN NULL; END IF;"
LOGGED = "not_duplicate_pair"


def upgrade() -> None:
    op.create_table(
        "not_duplicate_pair",
        sa.Column("id", Wide, primary_key=True),
        sa.Column("person_a_id", Wide, sa.ForeignKey(
            "person.id", ondelete="CASCADE",
            name="fk_not_duplicate_pair_person_a_id_person"), nullable=False),
        sa.Column("person_b_id", Wide, sa.ForeignKey(
            "person.id", ondelete="CASCADE",
            name="fk_not_duplicate_pair_person_b_id_person"), nullable=False),
        sa.Column("marked_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.UniqueConstraint("person_a_id", "person_b_id", name="uq_not_duplicate_pair_persons"),
        sa.CheckConstraint("person_a_id < person_b_id", name="ck_not_duplicate_pair_ordered"),
        sa.PrimaryKeyConstraint("id", name="pk_not_duplicate_pair"),
    )
    op.create_index("ix_not_duplicate_pair_person_b_id", "not_duplicate_pair", ["person_b_id"])
    op.create_table(
        "person_merge",
        sa.Column("id", Wide, primary_key=True),
        sa.Column("merged_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.Column("kept_person_id", Wide, sa.ForeignKey(
            "person.id", ondelete="CASCADE",
            name="fk_person_merge_kept_person_id_person"), nullable=False),
        sa.Column("merged_ids_json", sa.Text(), nullable=False),
        sa.Column("kept_version", sa.Integer(), nullable=False),
        sa.Column("before_json", sa.Text(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_person_merge"),
    )
    op.create_index("ix_person_merge_merged_at", "person_merge", ["merged_at"])
    op.create_index("ix_person_merge_kept_person_id", "person_merge", ["kept_person_id"])
    _log_changes()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP TRIGGER IF EXISTS change_log_{LOGGED} ON {LOGGED}")
        op.execute(f"DROP FUNCTION IF EXISTS change_log_{LOGGED}()")
    op.drop_table("person_merge")
    op.drop_table("not_duplicate_pair")  # its SQLite triggers go with it


def _log(value: str) -> str:
    return f"INSERT INTO change_log (table_name, row_id) VALUES ('{LOGGED}', {value});"


def _log_changes() -> None:
    """Offline copies mirror the marks, so a copy's finder leaves the same pairs out."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"""
CREATE FUNCTION change_log_{LOGGED}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  {QUIET}
  IF TG_OP = 'INSERT' THEN
    {_log('NEW.id')}
  ELSE
    {_log('OLD.id')}
  END IF;
  RETURN NULL;
END $$""")
        op.execute(f"CREATE TRIGGER change_log_{LOGGED} AFTER INSERT OR UPDATE OR DELETE "
                   f"ON {LOGGED} FOR EACH ROW EXECUTE FUNCTION change_log_{LOGGED}()")
        return
    for suffix, row in (("ai", "new"), ("au", "old"), ("ad", "old")):
        event = {"ai": "INSERT", "au": "UPDATE", "ad": "DELETE"}[suffix]
        op.execute(f"CREATE TRIGGER change_log_{LOGGED}_{suffix} AFTER {event} ON {LOGGED} "
                   f"{GUARD} BEGIN {_log(f'{row}.id')} END")
