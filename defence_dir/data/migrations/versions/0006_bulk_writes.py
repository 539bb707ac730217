"""bulk writes: the change log and the search index written per statement, not per row

The change-log triggers keep quiet while a bulk writer logs its rows itself. The FTS triggers
of search_document defer the new documents of a bulk write to search_fts_pending, indexed in
one statement at its end (instead of a rebuild of every document).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As in 0005: each logged table and the column its change is logged by.
LOGGED = {
    "topic": "id", "network": "id", "organisation": "id", "person": "id",
    "email_address": "id", "phone_number": "id", "network_role": "id", "event": "id",
    "attendance": "id", "distribution_list": "id", "list_membership": "id",
    "consent_record": "id", "person_topic": "person_id",
    "organisation_topic": "organisation_id", "network_topic": "network_id",
}
# SQLite: quiet in a copy (copy_of) and inside a bulk write (quiet_log, set and removed within
# that write's own transaction, so no other connection ever sees it).
GUARD_0005 = "WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'copy_of')"
GUARD = "WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key IN ('copy_of', 'quiet_log'))"
# PostgreSQL: a transaction-local setting (set_config(..., true)) of the bulk writer.
QUIET = "IF current_setting('defence_dir.quiet_log', true) = 'on' THEN RETURN NULL; END IF;"


def upgrade() -> None:
    _recreate(GUARD, QUIET)
    if _has_fts():
        op.execute("CREATE TABLE search_fts_pending (id INTEGER NOT NULL PRIMARY KEY)")
        _search_triggers(deferring=True)


def downgrade() -> None:
    _recreate(GUARD_0005, "")
    if _has_fts():
        _search_triggers(deferring=False)
        op.execute("DROP TABLE search_fts_pending")


# search_document's FTS triggers. 'bulk' (a full rebuild): all quiet. 'deferred' (a bulk
# write): new documents only noted in search_fts_pending; a noted one is not in the FTS
# tables yet, so it is not deleted from them either.
FTS_COLUMNS = ("names", "phonetic", "organisation", "networks", "function", "topics", "city",
               "email", "notes", "tags")
BULK = "EXISTS (SELECT 1 FROM search_state WHERE key = 'bulk')"
DEFERRED = "EXISTS (SELECT 1 FROM search_state WHERE key = 'deferred')"
NOTED = "old.id IN (SELECT id FROM search_fts_pending)"


def _has_fts() -> bool:
    bind = op.get_bind()
    return bind.dialect.name == "sqlite" and bind.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE name IN ('search_fts', 'search_phone')"
    ).scalar_one() == 2


def _search_triggers(*, deferring: bool) -> None:
    for trigger in ("search_document_ai", "search_document_ad", "search_document_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    columns = ", ".join(FTS_COLUMNS)
    new = ", ".join(f"new.{c}" for c in FTS_COLUMNS)
    old = ", ".join(f"old.{c}" for c in FTS_COLUMNS)
    if not deferring:  # as revision 0002 made them
        insert = (f"INSERT INTO search_fts(rowid, {columns}) VALUES (new.id, {new}); "
                  "INSERT INTO search_phone(rowid, phone) VALUES (new.id, new.phone);")
        delete = (f"INSERT INTO search_fts(search_fts, rowid, {columns}) "
                  f"VALUES ('delete', old.id, {old}); "
                  "INSERT INTO search_phone(search_phone, rowid, phone) "
                  "VALUES ('delete', old.id, old.phone);")
        quiet = f"WHEN NOT {BULK}"
        op.execute(f"CREATE TRIGGER search_document_ai AFTER INSERT ON search_document {quiet} "
                   f"BEGIN {insert} END")
        op.execute(f"CREATE TRIGGER search_document_ad AFTER DELETE ON search_document {quiet} "
                   f"BEGIN {delete} END")
        op.execute(f"CREATE TRIGGER search_document_au AFTER UPDATE ON search_document {quiet} "
                   f"BEGIN {delete} {insert} END")
        return
    insert = (f"INSERT INTO search_fts(rowid, {columns}) SELECT new.id, {new} "
              f"WHERE NOT {DEFERRED}; "
              "INSERT INTO search_phone(rowid, phone) SELECT new.id, new.phone "
              f"WHERE NOT {DEFERRED}; "
              f"INSERT OR IGNORE INTO search_fts_pending(id) SELECT new.id WHERE {DEFERRED};")
    delete = (f"INSERT INTO search_fts(search_fts, rowid, {columns}) "
              f"SELECT 'delete', old.id, {old} WHERE NOT {NOTED}; "
              "INSERT INTO search_phone(search_phone, rowid, phone) "
              f"SELECT 'delete', old.id, old.phone WHERE NOT {NOTED};")
    op.execute(f"CREATE TRIGGER search_document_ai AFTER INSERT ON search_document "
               f"WHEN NOT {BULK} BEGIN {insert} END")
    op.execute(f"CREATE TRIGGER search_document_ad AFTER DELETE ON search_document "
               f"WHEN NOT {BULK} BEGIN {delete} END")
    op.execute(f"CREATE TRIGGER search_document_au AFTER UPDATE ON search_document "
               f"WHEN NOT {BULK} BEGIN {delete} {insert} END")


def _recreate(guard: str, quiet: str) -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for table, key in LOGGED.items():
        if postgres:
            _postgres_function(table, key, quiet)
        else:
            for suffix in ("ai", "au", "ad"):
                op.execute(f"DROP TRIGGER IF EXISTS change_log_{table}_{suffix}")
            _sqlite_triggers(table, key, guard)


def _log(table: str, value: str) -> str:
    return f"INSERT INTO change_log (table_name, row_id) VALUES ('{table}', {value});"


def _sqlite_triggers(table: str, key: str, guard: str) -> None:
    moved = (f"INSERT INTO change_log (table_name, row_id) SELECT '{table}', new.{key} "
             f"WHERE new.{key} IS NOT old.{key};")
    op.execute(f"CREATE TRIGGER change_log_{table}_ai AFTER INSERT ON {table} {guard} "
               f"BEGIN {_log(table, f'new.{key}')} END")
    op.execute(f"CREATE TRIGGER change_log_{table}_au AFTER UPDATE ON {table} {guard} "
               f"BEGIN {_log(table, f'old.{key}')} {moved} END")
    op.execute(f"CREATE TRIGGER change_log_{table}_ad AFTER DELETE ON {table} {guard} "
               f"BEGIN {_log(table, f'old.{key}')} END")


def _postgres_function(table: str, key: str, quiet: str) -> None:
    op.execute(f"""
CREATE OR REPLACE FUNCTION change_log_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  {quiet}
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
