"""The team password lives in the system keyring; without one it is not stored at all."""

from __future__ import annotations

import pytest
from memory_keyring import memory_keyring, no_keyring  # noqa: F401 (fixtures)

from defence_dir.team import credentials
from defence_dir.team.settings import TeamSettings

TEAM = TeamSettings("db.example.org/directory", "anna")


def test_the_password_is_kept_per_database_and_user(memory_keyring):  # noqa: F811
    credentials.store_password(TEAM, "s3cret")
    assert credentials.stored_password(TEAM) == "s3cret"
    assert credentials.stored_password(TeamSettings("db.example.org/directory", "bob")) is None
    assert memory_keyring.passwords == {(credentials.SERVICE, TEAM.key): "s3cret"}
    credentials.forget_password(TEAM)
    credentials.forget_password(TEAM)  # forgetting twice is no error
    assert credentials.stored_password(TEAM) is None


def test_without_a_keyring_nothing_is_stored_and_the_user_is_told(no_keyring):  # noqa: F811
    assert not credentials.keyring_available()
    with pytest.raises(credentials.KeyringUnavailableError) as caught:
        credentials.store_password(TEAM, "s3cret")
    assert "s3cret" not in str(caught.value)
    assert "Schlüsselbund" in str(caught.value)
    assert credentials.stored_password(TEAM) is None
