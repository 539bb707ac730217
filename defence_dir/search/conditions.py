"""Rank-class conditions of a parsed query, rendered for FTS5 and as portable SQL.

Both renderings express the same thing, so a database without FTS5 gives the same answers: each
token must match (as a word prefix, whole name word, phonetic code, similar name word or phone
digit run, depending on the class), and a class leaves out what a better class already found.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import (
    ColumnElement,
    and_,
    false,
    not_,
    or_,
    true,
)

from defence_dir.data.models import SearchDocument
from defence_dir.search.query import ALL_COLUMNS, NAME_COLUMNS, Rank, Token


@dataclass(frozen=True)
class Leaf:
    """One way a token can match: `word` in `columns`, whole or as a prefix."""

    columns: tuple[str, ...]
    word: str
    prefix: bool


def token_leaves(token: Token, rank: int) -> list[Leaf] | None:
    """How `token` may match in class `rank` (any one leaf suffices); None if it cannot."""
    if rank == Rank.EXACT_NAME:
        return None if token.is_phone else [Leaf(NAME_COLUMNS, token.word, prefix=False)]
    if rank == Rank.NAME_PREFIX:
        return None if token.is_phone else [Leaf(NAME_COLUMNS, token.word, prefix=True)]
    leaves = [Leaf(ALL_COLUMNS, token.word, prefix=True)]
    if rank == Rank.SIMILAR_NAME:
        if token.phonetic:
            leaves.append(Leaf(("phonetic",), token.phonetic, prefix=False))
        leaves.extend(Leaf(NAME_COLUMNS, word, prefix=False) for word in token.similar)
    return leaves


@dataclass
class ClassCondition:
    """What hits of one rank class satisfy; `exclude` is the previous class's text part."""

    rank: int
    text: list[list[Leaf]]  # per non-phone token: any leaf
    phones: list[Token]
    exclude: list[list[Leaf]] | None


def class_conditions(tokens: list[Token]) -> list[ClassCondition]:
    """The rank classes this query can have hits in, best first."""
    if not tokens:
        return []
    phones = [t for t in tokens if t.is_phone]
    result: list[ClassCondition] = []
    previous: list[list[Leaf]] | None = None
    for rank in (Rank.EXACT_NAME, Rank.NAME_PREFIX, Rank.OTHER_FIELD, Rank.SIMILAR_NAME):
        per_token = [token_leaves(t, rank) for t in tokens]
        if any(leaves is None for leaves in per_token):
            continue  # a phone token never matches a name class
        text = [leaves for t, leaves in zip(tokens, per_token, strict=True)
                if leaves is not None and not t.is_phone]
        if rank == Rank.SIMILAR_NAME and previous is not None and text == previous:
            break  # nothing similar to offer beyond the previous class
        # Classes nest (each finds a superset of the one before), so "not the previous
        # class" is exactly "not found before"; phone parts are equal where both exist.
        result.append(ClassCondition(rank, text, phones, previous))
        previous = text
    return result


# --- FTS5 --------------------------------------------------------------------------------------

def _fts_leaf(leaf: Leaf) -> str:
    word = leaf.word.replace('"', '""')
    columns = leaf.columns[0] if len(leaf.columns) == 1 else "{" + " ".join(leaf.columns) + "}"
    return f'{columns} : "{word}"' + (" *" if leaf.prefix else "")


def _fts_and(text: list[list[Leaf]]) -> str:
    return " AND ".join("(" + " OR ".join(_fts_leaf(leaf) for leaf in leaves) + ")"
                        for leaves in text)


def fts_match(condition: ClassCondition) -> str | None:
    """The MATCH expression of the text part, or None when the class has no text tokens."""
    if not condition.text:
        return None
    expression = _fts_and(condition.text)
    if condition.exclude:
        expression = f"({expression}) NOT ({_fts_and(condition.exclude)})"
    return expression


def fts_tags(tags: list[str]) -> str:
    """Filter tags ("l3", "kperson": letters and digits only) as a MATCH expression."""
    return " AND ".join(f'tags : "{tag}"' for tag in tags)


# --- portable SQL -------------------------------------------------------------------------------

def _sql_leaf(leaf: Leaf) -> ColumnElement[bool]:
    pattern = f"% {leaf.word}%" if leaf.prefix else f"% {leaf.word} %"
    return or_(*(getattr(SearchDocument, name).like(pattern) for name in leaf.columns))


def _sql_and(text: list[list[Leaf]]) -> ColumnElement[bool]:
    if not text:
        return true()
    return and_(*(or_(*(_sql_leaf(leaf) for leaf in leaves)) for leaves in text))


def sql_condition(condition: ClassCondition) -> ColumnElement[bool]:
    """The whole class as a condition on search_document (words hold no % or _: no escaping)."""
    parts = [_sql_and(condition.text)]
    for token in condition.phones:
        parts.append(or_(SearchDocument.phone.like(f"%{token.digits}%"),
                         _sql_leaf(Leaf(ALL_COLUMNS, token.word, prefix=True))))
    if condition.exclude:
        parts.append(not_(_sql_and(condition.exclude)))
    return and_(*parts) if parts else false()


def sql_tags(tags: list[str]) -> ColumnElement[bool]:
    return and_(*(SearchDocument.tags.like(f"% {tag} %") for tag in tags))


# --- FTS5 as plain SQL --------------------------------------------------------------------------
# The FTS path runs on every keystroke; SQL strings built here skip SQLAlchemy's statement
# construction, which costs more than SQLite's own work for a first page.

def fts_sql(condition: ClassCondition | None, tags: list[str], *,
            ordered: bool = True) -> tuple[str, list[object]]:
    """SELECT of document ids in alphabetical order (qmark parameters, no LIMIT); unordered
    with `ordered` False (a subquery of a sorted search).

    Text tokens and filter tags drive the query through FTS5; phone tokens are then checked on
    the candidate rows. A query of one phone token alone reads the trigram index and the word
    index as two rowid-ordered streams merged by a compound SELECT, which stops after the first
    page instead of collecting every number that contains, say, "171".
    """
    match = fts_match(condition) if condition else None
    if tags:
        tag_match = fts_tags(tags)
        match = f"({match}) AND {tag_match}" if match else tag_match
    phones = condition.phones if condition else []
    params: list[object] = []
    if match is None and len(phones) == 1:
        token = phones[0]
        return ("SELECT rowid FROM search_phone WHERE phone LIKE ? UNION "
                "SELECT rowid FROM search_fts WHERE search_fts MATCH ?"
                + (" ORDER BY 1" if ordered else ""),
                [f"%{token.digits}%", _fts_leaf(Leaf(ALL_COLUMNS, token.word, prefix=True))])
    if match is None and not phones:
        return "SELECT id FROM search_document" + (" ORDER BY id" if ordered else ""), params
    if match is None:  # several phone tokens and nothing else: rare, not first-page tuned
        sql = "SELECT d.id AS rowid FROM search_document d WHERE 1"
        order = "d.id"
    else:
        sql = "SELECT f.rowid FROM search_fts f"
        if phones:
            sql += " JOIN search_document d ON d.id = f.rowid"
        sql += " WHERE f.search_fts MATCH ?"
        params.append(match)
        order = "f.rowid"
    for token in phones:
        columns = " OR ".join(f"d.{name} LIKE ?" for name in ALL_COLUMNS)
        sql += f" AND (d.phone LIKE ? OR {columns})"
        params.append(f"%{token.digits}%")
        params.extend(f"% {token.word}%" for _ in ALL_COLUMNS)
    return (f"{sql} ORDER BY {order}" if ordered else sql), params


# --- PostgreSQL ----------------------------------------------------------------------------------
# The same conditions over search_document.search_words (see data/postgres_search.py): every
# word is a lexeme tagged with where it occurs, so a whole class is one tsquery that one GIN
# index answers; phone digits anywhere in a number come from a pg_trgm index on `phone`.

_NAMESPACE = {NAME_COLUMNS: "n", ALL_COLUMNS: "a", ("phonetic",): "p"}


def _pg_lexeme(namespace: str, word: str, prefix: bool) -> str:
    quoted = (namespace + ":" + word).replace("\\", "\\\\").replace("'", "''")
    return f"'{quoted}'" + (":*" if prefix else "")


def _pg_and(text: list[list[Leaf]]) -> str:
    return " & ".join(
        "(" + " | ".join(_pg_lexeme(_NAMESPACE[leaf.columns], leaf.word, leaf.prefix)
                         for leaf in leaves) + ")"
        for leaves in text)


def pg_where(condition: ClassCondition | None, tags: list[str]) -> tuple[str, list[object]]:
    """WHERE clause over search_document (format parameters) for a class under filter tags."""
    parts: list[str] = []
    if condition and condition.text:
        parts.append(_pg_and(condition.text))
    parts.extend(_pg_lexeme("t", tag, prefix=False) for tag in tags)
    where: list[str] = []
    params: list[object] = []
    if parts:
        where.append("search_words @@ %s::tsquery")
        params.append(" & ".join(parts))
    if condition and condition.text and condition.exclude:
        # Checked on the rows the index found: inside the tsquery, GIN would expand the
        # excluded prefixes' posting lists too.
        where.append("NOT search_words @@ %s::tsquery")
        params.append(_pg_and(condition.exclude))
    for token in condition.phones if condition else []:
        where.append("(phone LIKE %s OR search_words @@ %s::tsquery)")
        params.extend([f"%{token.digits}%", _pg_lexeme("a", token.word, prefix=True)])
    return " AND ".join(where) or "true", params


def pg_name_driver(condition: ClassCondition | None, tags: list[str]) -> tuple[str, bool] | None:
    """For a one-word name class without filters (exact name, name prefix): the word and whether
    it is a prefix, to walk its documents in the name-word index; else None (several words or a
    filter intersect better through the GIN index)."""
    if condition is None or condition.phones or tags or len(condition.text) != 1:
        return None
    [leaves] = condition.text
    if len(leaves) != 1 or leaves[0].columns != NAME_COLUMNS:
        return None
    return leaves[0].word, leaves[0].prefix
