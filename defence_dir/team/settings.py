"""Team database settings: a PostgreSQL server URL without password, and the user name."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import URL, make_url
from sqlalchemy.exc import ArgumentError

from defence_dir.errors import ValidationError
from defence_dir.i18n import _

DRIVER = "postgresql+psycopg"


@dataclass(frozen=True, slots=True)
class TeamSettings:
    """What the user configured; never a password (that lives in the keyring)."""

    url: str
    user: str

    def server_url(self) -> URL:
        """The URL with this user and no password (raises ValidationError if unusable)."""
        return parse_server_url(self.url).set(username=self.user.strip() or None)

    def connection_url(self, password: str | None) -> URL:
        return self.server_url().set(password=password or None)

    @property
    def key(self) -> str:
        """The keyring's user name for this database: user@host:port/database."""
        url = self.server_url()
        return f"{url.username or ''}@{url.host or ''}:{url.port or 5432}/{url.database or ''}"

    def label(self) -> str:
        """How the window names the database (no password, no driver)."""
        return label_of(self.server_url())


def parse_server_url(text: str) -> URL:
    """A PostgreSQL URL as typed (postgresql://host/db or host/db); no password in it."""
    value = text.strip()
    if not value:
        raise ValidationError(_("Please enter the address of the team database."), "url")
    if "://" not in value:
        value = f"postgresql://{value}"
    try:
        url = make_url(value)
    except (ArgumentError, ValueError) as exc:
        raise ValidationError(
            _("This is not a database address; it looks like "
              "postgresql://server.example.org/directory."), "url") from exc
    if url.get_backend_name() != "postgresql":
        raise ValidationError(_("A team database is a PostgreSQL database (postgresql://…)."),
                              "url")
    if url.password is not None:
        # A password in the URL would end up in the settings file in plain text.
        raise ValidationError(_("Please remove the password from the address and enter it in "
                                "the password field; it is kept in the system keyring."), "url")
    if not url.host:
        raise ValidationError(_("The address names no server."), "url")
    if not url.database:
        raise ValidationError(_("The address names no database (…/directory at its end)."),
                              "url")
    return url.set(drivername=DRIVER)


def label_of(url: URL) -> str:
    """user@host:port/database for a PostgreSQL URL, without the password."""
    user = f"{url.username}@" if url.username else ""
    port = f":{url.port}" if url.port else ""
    return f"{user}{url.host or ''}{port}/{url.database or ''}"


def team_label(url: URL) -> str | None:
    """user@host/database when `url` is a team (PostgreSQL) database, else None."""
    return label_of(url) if url.get_backend_name() == "postgresql" else None
