"""Opening the team database: checked first, so a refusal is told precisely, then opened."""

from __future__ import annotations

from defence_dir.data.database import Database, open_database
from defence_dir.team.connection_check import CheckResult, check_connection
from defence_dir.team.settings import TeamSettings


def open_team_database(team: TeamSettings, password: str | None) -> Database | CheckResult:
    """The team database opened (set up if empty, upgraded if older), or why it cannot be
    used. The check comes first: opening alone would call a wrong password "unreachable"."""
    result = check_connection(team, password)
    if not result.usable:
        return result
    return open_database(team.connection_url(password).render_as_string(hide_password=False))
