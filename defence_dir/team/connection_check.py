"""Checking a team database before it is used: reachable, login, database, schema, pg_trgm.

Each outcome is told in one line the user can act on. The password is never part of a
message: driver texts are shown only after it is scrubbed from them. Server messages are
matched in English and German (the server's language decides), and where no pattern fits a
second login to the server's maintenance database tells a missing database from a refused
login without reading any text.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from enum import Enum

from sqlalchemy import Connection, create_engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from defence_dir.data import migration
from defence_dir.errors import ValidationError
from defence_dir.i18n import _
from defence_dir.team.settings import TeamSettings, label_of

DEFAULT_PORT = 5432
TIMEOUT_SECONDS = 5
MAINTENANCE_DATABASE = "postgres"
_MISSING_DATABASE = ("does not exist", "existiert nicht")
_LOGIN_REFUSED = ("password", "passwort", "authentication", "authentifizierung", "role",
                  "rolle", "pg_hba.conf")


class Outcome(Enum):
    READY = "ready"
    NEW_DIRECTORY = "new directory"
    NEEDS_UPGRADE = "needs upgrade"
    INVALID_SETTINGS = "invalid settings"
    UNREACHABLE = "unreachable"
    LOGIN_REFUSED = "login refused"
    DATABASE_MISSING = "database missing"
    NOT_DEFENCE_DIR = "not a defence-dir database"
    NEWER_SCHEMA = "newer schema"
    PG_TRGM_MISSING = "pg_trgm missing"
    FAILED = "failed"


USABLE = frozenset({Outcome.READY, Outcome.NEW_DIRECTORY, Outcome.NEEDS_UPGRADE})


@dataclass(frozen=True, slots=True)
class CheckResult:
    outcome: Outcome
    message: str

    @property
    def usable(self) -> bool:
        return self.outcome in USABLE


def check_connection(settings: TeamSettings, password: str | None,
                     timeout: int = TIMEOUT_SECONDS) -> CheckResult:
    """Try the team database as the window would open it, without changing anything."""
    try:
        url = settings.connection_url(password)
    except ValidationError as exc:
        return CheckResult(Outcome.INVALID_SETTINGS, str(exc))
    host, port = url.host or "", url.port or DEFAULT_PORT
    unreachable = _unreachable(host, port, timeout)
    if unreachable is not None:
        return unreachable
    where = label_of(url)
    engine = create_engine(url, poolclass=NullPool, hide_parameters=True,
                           connect_args={"connect_timeout": timeout})
    try:
        with engine.connect() as connection:
            return _check_contents(connection, where)
    except SQLAlchemyError as exc:
        if getattr(exc, "connection_invalidated", False) or _is_connect_error(exc):
            return _refused(settings, password, exc, timeout)
        return CheckResult(Outcome.FAILED, _failed_text(exc, password, where))
    finally:
        engine.dispose()


def _unreachable(host: str, port: int, timeout: int) -> CheckResult | None:
    """A TCP connection to the server, so an unknown name or a closed port is told as such
    (libpq's own text for them is long and in the client's language)."""
    try:
        socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        return CheckResult(Outcome.UNREACHABLE, _(
            "The server “{host}” is not known: please check its name and the network "
            "connection.", host=host))
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return None
    except OSError:
        return CheckResult(Outcome.UNREACHABLE, _(
            "The server {host} does not answer on port {port}: it is switched off, out of "
            "reach from here (VPN?) or PostgreSQL listens elsewhere.", host=host, port=port))


def _is_connect_error(exc: SQLAlchemyError) -> bool:
    original = getattr(exc, "orig", None)
    return type(original).__name__ == "OperationalError" and \
        getattr(original, "sqlstate", None) is None


def _refused(settings: TeamSettings, password: str | None, exc: SQLAlchemyError,
             timeout: int) -> CheckResult:
    url = settings.connection_url(password)
    where = label_of(url)
    detail = _first_line(exc).lower()
    if not password and ("no password" in detail or "kein passwort" in detail):
        return CheckResult(Outcome.LOGIN_REFUSED, _(
            "The server asks for a password for {user}; please enter it.", user=url.username))
    if any(pattern in detail for pattern in _MISSING_DATABASE) and "role" not in detail \
            and "rolle" not in detail:
        return _database_missing(url.database or "", url.host or "")
    if not any(pattern in detail for pattern in _LOGIN_REFUSED) \
            and url.database != MAINTENANCE_DATABASE:
        maintenance = create_engine(url.set(database=MAINTENANCE_DATABASE), poolclass=NullPool,
                                    connect_args={"connect_timeout": timeout})
        try:
            with maintenance.connect():
                return _database_missing(url.database or "", url.host or "")
        except SQLAlchemyError:
            pass
        finally:
            maintenance.dispose()
    if any(pattern in detail for pattern in _LOGIN_REFUSED):
        return CheckResult(Outcome.LOGIN_REFUSED, _(
            "The server refused the login of {user}: the password is wrong, or this user may "
            "not use {database} (ask the administrator of {host}).",
            user=url.username or "", database=url.database or "", host=url.host or ""))
    return CheckResult(Outcome.FAILED, _failed_text(exc, password, where))


def _database_missing(database: str, host: str) -> CheckResult:
    return CheckResult(Outcome.DATABASE_MISSING, _(
        "The server {host} has no database “{database}”: please check its name, or ask the "
        "administrator to create it (createdb).", host=host, database=database))


def _check_contents(connection: Connection, where: str) -> CheckResult:
    tables = set(inspect(connection).get_table_names())
    revision = None
    if "alembic_version" in tables:
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    elif tables:
        return CheckResult(Outcome.NOT_DEFENCE_DIR, _(
            "{where} holds another application's data, not a defence-dir directory; it is "
            "not used. Please check the database name.", where=where))
    if revision is not None and not migration.is_known_revision(revision):
        return CheckResult(Outcome.NEWER_SCHEMA, _(
            "{where} was set up by a newer version of defence-dir (schema {revision}); please "
            "update defence-dir first.", where=where, revision=revision))
    trigram = connection.execute(text(
        "SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_trgm'")).scalar()
    if not trigram:
        return CheckResult(Outcome.PG_TRGM_MISSING, _(
            "The PostgreSQL server of {where} lacks the extension pg_trgm, which the search "
            "needs: the administrator installs it (Debian: the postgresql-contrib package).",
            where=where))
    if revision is None:
        return CheckResult(Outcome.NEW_DIRECTORY, _(
            "Connected. {where} is empty: connecting sets up a new directory there.",
            where=where))
    if revision != migration.head_revision():
        return CheckResult(Outcome.NEEDS_UPGRADE, _(
            "Connected. {where} holds an older defence-dir directory (schema {revision}): "
            "connecting upgrades it for everyone using it, so all colleagues need this "
            "version of defence-dir then.", where=where, revision=revision))
    return CheckResult(Outcome.READY, _("Connected. {where} holds a defence-dir directory.",
                                        where=where))


def _first_line(exc: BaseException) -> str:
    original = getattr(exc, "orig", None) or exc
    lines = [line for line in str(original).strip().splitlines() if line.strip()]
    return lines[0] if lines else type(original).__name__


def _failed_text(exc: BaseException, password: str | None, where: str) -> str:
    detail = _first_line(exc)
    if password:
        detail = detail.replace(password, "***")
    return _("The team database {where} cannot be used: {reason}", where=where, reason=detail)
