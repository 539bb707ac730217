"""PostgreSQL's search schema: a word vector and trigram index over search_document, name words.

Created by migration 0004 (a no-op on SQLite, which has FTS5). `search_words` holds every folded
word of a document as a lexeme tagged with where it occurs ("n:" name, "a:" any text column,
"p:" phonetic code, "t:" filter tag), so a whole rank class is one `tsquery` answered by one GIN
index. Phone digits are matched anywhere in a number through a pg_trgm index. `search_name_word`
holds one row per (name word, document), kept in step by statement-level triggers, so the
vocabulary for typo tolerance is read from an index instead of from every document.
"""

from __future__ import annotations

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from defence_dir.errors import DatabaseOpenError
from defence_dir.i18n import _

TRIGRAM_EXTENSION = "pg_trgm"
WORDS_COLUMN = "search_words"
NAME_WORD_TABLE = "search_name_word"
# Unmodelled objects (autogenerate must leave them alone; see data/migration.py).
INDEXES = ("ix_search_document_words", "ix_search_document_phone_trgm",
           "ix_search_name_word_document", "ix_search_name_word_prefix_document")
# A lexeme may hold at most 2,047 bytes; query words are at most 300 characters (see
# search/query.py), so cutting stored words at 400 characters (1,600 bytes) changes no answer.
LEXEME_CHARS = 400

# New entries wait in a short pending list and go into the index 256 kB at a time: writing
# each document straight in (fastupdate off) made 2,000 new documents cost 3.6 s instead of
# 1.1 s, while the default 4 MB list made a phone search read 20,000 pending documents (360 ms
# instead of 0.1 ms) until autovacuum came by.
GIN_OPTIONS = "fastupdate = on, gin_pending_list_limit = 256"

_WORDS_FUNCTION = f"""
CREATE FUNCTION defence_dir_search_words(names text, phonetic text, other text, tags text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT coalesce(array_to_tsvector(array_agg(lexeme)), ''::tsvector) FROM (
    SELECT 'n:' || left(w, {LEXEME_CHARS}) FROM unnest(string_to_array(names, ' ')) w
    WHERE w <> ''
    UNION ALL
    SELECT 'a:' || left(w, {LEXEME_CHARS})
    FROM unnest(string_to_array(names || ' ' || other, ' ')) w WHERE w <> ''
    UNION ALL
    SELECT 'p:' || left(w, {LEXEME_CHARS}) FROM unnest(string_to_array(phonetic, ' ')) w
    WHERE w <> ''
    UNION ALL
    SELECT 't:' || left(w, {LEXEME_CHARS}) FROM unnest(string_to_array(tags, ' ')) w
    WHERE w <> ''
) AS words(lexeme)
$$"""

_WORDS_COLUMN_SQL = f"""
ALTER TABLE search_document ADD COLUMN {WORDS_COLUMN} tsvector GENERATED ALWAYS AS (
    defence_dir_search_words(names, phonetic,
        organisation || ' ' || networks || ' ' || function || ' ' || topics || ' ' || city
        || ' ' || email || ' ' || notes, tags)) STORED"""

_NAME_WORDS_OF = ("SELECT DISTINCT w, r.id FROM {rows} r, "
                  "unnest(string_to_array(r.names, ' ')) w WHERE w <> ''")

_TRIGGER_FUNCTIONS = {
    "insert": f"""
        INSERT INTO {NAME_WORD_TABLE} (word, document_id) {_NAME_WORDS_OF.format(rows="new_rows")};
    """,
    "delete": f"""
        DELETE FROM {NAME_WORD_TABLE} s USING old_rows o WHERE s.document_id = o.id;
    """,
    # Most updates refresh other fields of a document in place: its name words stay.
    "update": f"""
        DELETE FROM {NAME_WORD_TABLE} s USING old_rows o WHERE s.document_id = o.id
        AND NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.id = o.id AND n.names = o.names);
        INSERT INTO {NAME_WORD_TABLE} (word, document_id)
        SELECT DISTINCT w, r.id FROM new_rows r, unnest(string_to_array(r.names, ' ')) w
        WHERE w <> '' AND NOT EXISTS (
            SELECT 1 FROM old_rows o WHERE o.id = r.id AND o.names = r.names);
    """,
}
_TRANSITIONS = {"insert": "NEW TABLE AS new_rows", "delete": "OLD TABLE AS old_rows",
                "update": "OLD TABLE AS old_rows NEW TABLE AS new_rows"}


def create(connection: Connection) -> None:
    """Create the search schema on a PostgreSQL database (within the caller's transaction)."""
    ensure_trigram_extension(connection)
    run = connection.exec_driver_sql
    run(_WORDS_FUNCTION)
    run(_WORDS_COLUMN_SQL)
    run(f"CREATE INDEX ix_search_document_words ON search_document USING gin ({WORDS_COLUMN}) "
        f"WITH ({GIN_OPTIONS})")
    run("CREATE INDEX ix_search_document_phone_trgm ON search_document "
        f"USING gin (phone gin_trgm_ops) WITH ({GIN_OPTIONS})")
    run(f'CREATE TABLE {NAME_WORD_TABLE} (word text COLLATE "C" NOT NULL, '
        "document_id bigint NOT NULL, PRIMARY KEY (word, document_id))")
    run(f"CREATE INDEX ix_search_name_word_document ON {NAME_WORD_TABLE} (document_id)")
    for event, body in _TRIGGER_FUNCTIONS.items():
        run(f"CREATE FUNCTION defence_dir_name_words_{event}() RETURNS trigger "
            f"LANGUAGE plpgsql AS $$ BEGIN {body} RETURN NULL; END $$")
        run(f"CREATE TRIGGER search_name_words_{event} AFTER {event.upper()} ON search_document "
            f"REFERENCING {_TRANSITIONS[event]} FOR EACH STATEMENT "
            f"EXECUTE FUNCTION defence_dir_name_words_{event}()")
    run(f"INSERT INTO {NAME_WORD_TABLE} (word, document_id) "
        f"{_NAME_WORDS_OF.format(rows='search_document')}")
    run("ANALYZE search_document")
    run(f"ANALYZE {NAME_WORD_TABLE}")


def drop(connection: Connection) -> None:
    """Undo `create` (the extension stays: other schemas may use it)."""
    run = connection.exec_driver_sql
    for event in _TRIGGER_FUNCTIONS:
        run(f"DROP TRIGGER IF EXISTS search_name_words_{event} ON search_document")
        run(f"DROP FUNCTION IF EXISTS defence_dir_name_words_{event}()")
    run(f"DROP TABLE IF EXISTS {NAME_WORD_TABLE}")
    run("DROP INDEX IF EXISTS ix_search_document_phone_trgm")
    run("DROP INDEX IF EXISTS ix_search_document_words")
    run(f"ALTER TABLE search_document DROP COLUMN IF EXISTS {WORDS_COLUMN}")
    run("DROP FUNCTION IF EXISTS defence_dir_search_words(text, text, text, text)")


# Name-word prefixes of up to three characters, one row per (prefix, document), as SQLite's
# FTS5 keeps them (prefix='1 2 3'): a one-letter search reads its first page in id order from
# the primary key instead of collecting and sorting every document with such a word (17,000
# for "m" at 100,000 persons). Longer prefixes are rare enough for the name-word table.
PREFIX_TABLE = "search_name_word_prefix"
PREFIX_CHARS = 3
_PREFIXES_OF = ("SELECT DISTINCT left(w, n), r.id FROM {rows} r, "
                "unnest(string_to_array(r.names, ' ')) w, generate_series(1, "
                f"{PREFIX_CHARS}) n WHERE w <> '' AND n <= length(w)")
_PREFIX_FUNCTIONS = {
    "insert": f"INSERT INTO {PREFIX_TABLE} (prefix, document_id) "
              f"{_PREFIXES_OF.format(rows='new_rows')};",
    "delete": f"DELETE FROM {PREFIX_TABLE} s USING old_rows o WHERE s.document_id = o.id;",
    "update": f"""
        DELETE FROM {PREFIX_TABLE} s USING old_rows o WHERE s.document_id = o.id
        AND NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.id = o.id AND n.names = o.names);
        INSERT INTO {PREFIX_TABLE} (prefix, document_id)
        {_PREFIXES_OF.format(rows='new_rows')} AND NOT EXISTS (
            SELECT 1 FROM old_rows o WHERE o.id = r.id AND o.names = r.names);
    """,
}


def create_prefixes(connection: Connection) -> None:
    """The name-word prefix table and its triggers (migration 0007), filled from the index."""
    run = connection.exec_driver_sql
    run(f'CREATE TABLE {PREFIX_TABLE} (prefix text COLLATE "C" NOT NULL, '
        "document_id bigint NOT NULL, PRIMARY KEY (prefix, document_id))")
    run(f"CREATE INDEX ix_{PREFIX_TABLE}_document ON {PREFIX_TABLE} (document_id)")
    for event, body in _PREFIX_FUNCTIONS.items():
        run(f"CREATE FUNCTION defence_dir_name_prefixes_{event}() RETURNS trigger "
            f"LANGUAGE plpgsql AS $$ BEGIN {body} RETURN NULL; END $$")
        run(f"CREATE TRIGGER search_name_prefixes_{event} AFTER {event.upper()} ON "
            f"search_document REFERENCING {_TRANSITIONS[event]} FOR EACH STATEMENT "
            f"EXECUTE FUNCTION defence_dir_name_prefixes_{event}()")
    run(f"INSERT INTO {PREFIX_TABLE} (prefix, document_id) "
        f"{_PREFIXES_OF.format(rows='search_document')}")
    run(f"ANALYZE {PREFIX_TABLE}")


def drop_prefixes(connection: Connection) -> None:
    run = connection.exec_driver_sql
    for event in _PREFIX_FUNCTIONS:
        run(f"DROP TRIGGER IF EXISTS search_name_prefixes_{event} ON search_document")
        run(f"DROP FUNCTION IF EXISTS defence_dir_name_prefixes_{event}()")
    run(f"DROP TABLE IF EXISTS {PREFIX_TABLE}")


def ensure_trigram_extension(connection: Connection) -> None:
    """pg_trgm, created if need be; a missing package or privilege is said in one line with
    what to run, the database left as it was."""
    run = connection.exec_driver_sql
    name = TRIGRAM_EXTENSION
    if run("SELECT 1 FROM pg_extension WHERE extname = %(name)s", {"name": name}).first():
        return
    database = run("SELECT current_database()").scalar_one()
    role = run("SELECT current_user").scalar_one()
    if not run("SELECT 1 FROM pg_available_extensions WHERE name = %(name)s",
               {"name": name}).first():
        raise DatabaseOpenError(_(
            "The PostgreSQL server lacks the {extension} extension that search needs. Install "
            "the server's contrib package (Debian: apt install postgresql-contrib), then open "
            "the database again.", extension=name))
    try:
        with connection.begin_nested():
            run(f'CREATE EXTENSION IF NOT EXISTS "{name}"')
    except DBAPIError as exc:
        raise DatabaseOpenError(_(
            "The role {role} may not create the {extension} extension in database {database}. "
            "Run once as the database owner or a superuser: psql -d {database} -c "
            "\"CREATE EXTENSION {extension}\", then open the database again.",
            role=role, extension=name, database=database)) from exc
