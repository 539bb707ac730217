"""The team database password in the system keyring (Secret Service, Keychain, Windows);
never in the settings file. Without a usable keyring it is asked for at each connection."""

from __future__ import annotations

import contextlib

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends import fail, null

from defence_dir.errors import DefenceDirError
from defence_dir.i18n import _
from defence_dir.team.settings import TeamSettings

SERVICE = "defence-dir team database"


class KeyringUnavailableError(DefenceDirError):
    """No system keyring can keep the password; it has to be entered at each connection."""


def _backend() -> KeyringBackend | None:
    """The keyring in use, or None when there is none (keyring's `fail` backend, or a
    chainer without any backend: a headless Linux without Secret Service)."""
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration is no keyring
        return None
    if isinstance(backend, fail.Keyring | null.Keyring):  # null: "no keyring" chosen
        return None
    backends = getattr(backend, "backends", None)
    if backends is not None and not backends:
        return None
    return backend


def keyring_available() -> bool:
    return _backend() is not None


def unavailable_text() -> str:
    return _("No system keyring is available (on Linux: a Secret Service such as GNOME "
             "Keyring or KWallet), so the password is not stored; it is asked for at each "
             "connection.")


def store_password(settings: TeamSettings, password: str) -> None:
    backend = _backend()
    if backend is None:
        raise KeyringUnavailableError(unavailable_text())
    try:
        backend.set_password(SERVICE, settings.key, password)
    except keyring.errors.KeyringError as exc:  # locked, refused; never says the password
        raise KeyringUnavailableError(
            _("The system keyring refused to store the password ({reason}); it is asked for "
              "at each connection.", reason=type(exc).__name__)) from None


def stored_password(settings: TeamSettings) -> str | None:
    """The stored password, or None (none stored, no keyring, or the keyring refused)."""
    backend = _backend()
    if backend is None:
        return None
    try:
        return backend.get_password(SERVICE, settings.key)
    except keyring.errors.KeyringError:
        return None


def forget_password(settings: TeamSettings) -> None:
    backend = _backend()
    if backend is None:
        return
    with contextlib.suppress(keyring.errors.KeyringError):  # none was stored
        backend.delete_password(SERVICE, settings.key)
