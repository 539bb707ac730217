"""The connection test tells each failure the way a user can act on it, never the password."""

from __future__ import annotations

from sqlalchemy import create_engine, make_url, text

from defence_dir.data import migration
from defence_dir.data.database import open_database
from defence_dir.team.connection_check import Outcome, check_connection
from defence_dir.team.opening import open_team_database
from defence_dir.team.settings import TeamSettings

PASSWORD_MARK = "pw-Zq7!unique"


def team_of(url: str, database: str | None = None) -> tuple[TeamSettings, str | None]:
    parsed = make_url(url)
    if database is not None:
        parsed = parsed.set(database=database)
    address = f"{parsed.host}:{parsed.port or 5432}/{parsed.database}"
    return TeamSettings(address, parsed.username or ""), parsed.password


def test_a_closed_port_is_unreachable():
    result = check_connection(TeamSettings("127.0.0.1:1/directory", "anna"), PASSWORD_MARK, 2)
    assert result.outcome is Outcome.UNREACHABLE
    assert "Port 1" in result.message and PASSWORD_MARK not in result.message


def test_an_unknown_host_is_unreachable():
    result = check_connection(TeamSettings("no-such-host.invalid/directory", "anna"), "x", 2)
    assert result.outcome is Outcome.UNREACHABLE
    assert "no-such-host.invalid" in result.message


def test_a_password_in_the_address_is_refused_before_connecting():
    result = check_connection(TeamSettings(f"anna:{PASSWORD_MARK}@h/d", "anna"), None)
    assert result.outcome is Outcome.INVALID_SETTINGS
    assert PASSWORD_MARK not in result.message


def test_an_empty_database_is_usable_and_opening_sets_up_the_directory(pg_url):
    team, password = team_of(pg_url)
    result = check_connection(team, password)
    assert (result.outcome, result.usable) == (Outcome.NEW_DIRECTORY, True)
    opened = open_team_database(team, password)
    try:
        assert opened.revision == migration.head_revision()
    finally:
        opened.close()
    ready = check_connection(team, password)
    assert ready.outcome is Outcome.READY
    assert team.label() in ready.message


def test_a_wrong_password_is_told_as_such(pg_url):
    team, _password = team_of(pg_url)
    result = check_connection(team, PASSWORD_MARK)
    assert result.outcome is Outcome.LOGIN_REFUSED
    assert "Passwort" in result.message and PASSWORD_MARK not in result.message
    assert open_team_database(team, PASSWORD_MARK).outcome is Outcome.LOGIN_REFUSED


def test_no_password_when_one_is_needed(pg_url):
    team, _password = team_of(pg_url)
    assert check_connection(team, None).outcome is Outcome.LOGIN_REFUSED


def test_a_missing_database_is_named(pg_url):
    team, password = team_of(pg_url, database="no_such_directory_db")
    result = check_connection(team, password)
    assert result.outcome is Outcome.DATABASE_MISSING
    assert "no_such_directory_db" in result.message


def test_another_applications_database_is_not_used_and_left_unchanged(pg_url):
    engine = create_engine(pg_url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE invoices (id integer)"))
    team, password = team_of(pg_url)
    result = check_connection(team, password)
    assert (result.outcome, result.usable) == (Outcome.NOT_DEFENCE_DIR, False)
    assert open_team_database(team, password).outcome is Outcome.NOT_DEFENCE_DIR
    with engine.connect() as connection:
        tables = set(connection.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars())
    engine.dispose()
    assert tables == {"invoices"}


def test_a_newer_schema_is_refused_and_an_older_one_is_upgraded_with_a_warning(pg_url):
    open_database(pg_url, seed=False).close()
    engine = create_engine(pg_url)
    team, password = team_of(pg_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'ffff_future'"))
    assert check_connection(team, password).outcome is Outcome.NEWER_SCHEMA
    older = [r.revision for r in migration._scripts().walk_revisions()][-1]  # the first
    assert older != migration.head_revision()
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": older})
    engine.dispose()
    result = check_connection(team, password)
    assert result.outcome is Outcome.NEEDS_UPGRADE and result.usable
    assert older in result.message


def test_info_json_names_the_team_database_without_its_password(pg_url, capsys):
    from defence_dir.cli import main

    assert main(["--db", pg_url, "info", "--json"]) == 0
    out = capsys.readouterr().out
    password = make_url(pg_url).password
    assert f":{password}@" not in out
