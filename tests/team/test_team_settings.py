"""Team settings: the address as users type it; a password never goes into it."""

from __future__ import annotations

import pytest

from defence_dir.errors import ValidationError
from defence_dir.team.settings import TeamSettings, parse_server_url, team_label


@pytest.mark.parametrize("typed", ["db.example.org/directory",
                                   "postgresql://db.example.org/directory",
                                   " postgresql+psycopg://db.example.org:5432/directory "])
def test_an_address_as_typed_becomes_a_psycopg_url(typed):
    url = parse_server_url(typed)
    assert (url.drivername, url.host, url.database) == ("postgresql+psycopg", "db.example.org",
                                                         "directory")


@pytest.mark.parametrize("typed", ["", "sqlite:///x.db", "postgresql://u:secret@host/db",
                                   "postgresql:///db", "postgresql://host", "::::"])
def test_unusable_addresses_are_refused_in_one_line(typed):
    with pytest.raises(ValidationError) as caught:
        parse_server_url(typed)
    assert "\n" not in str(caught.value)
    assert "secret" not in str(caught.value)


def test_the_label_names_user_host_and_database_but_no_password():
    team = TeamSettings("db.example.org:6543/directory", "anna")
    assert team.label() == "anna@db.example.org:6543/directory"
    assert team.key == "anna@db.example.org:6543/directory"
    assert team_label(team.connection_url("geheim")) == "anna@db.example.org:6543/directory"
    assert team_label(parse_server_url("h/d").set(drivername="sqlite")) is None
