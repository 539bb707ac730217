"""The rule that tells colleagues sharing a mailbox apart from one person written twice."""

from __future__ import annotations

import pytest

from defence_dir.shared_address import names_disagree


@pytest.mark.parametrize("a,b", [
    (("Jürgen", "Müller"), ("Juergen", "Mueller")),  # spelling of umlauts
    (("Jürgen", "Müller"), ("Jürgen", "Schmidt")),  # same given name: maybe married, renamed
    (("Anna", "Schmidt"), ("Berta", "Schmidt")),  # same family name: one household, ask nobody
    (("Jürgen", "Müller"), ("Müller", "Jürgen")),  # given and family swapped
    (("Jürgen", "Müller"), (None, "Schmidt")),  # one side does not say enough
    ((None, None), ("Anna", "Schmidt")),
])
def test_names_that_may_be_one_person_do_not_disagree(a, b):
    assert not names_disagree(*a, *b)


@pytest.mark.parametrize("a,b", [
    (("Jürgen", "Müller"), ("Anna", "Schmidt")),
    (("Dr. Eva", "Klein"), ("Tom", "Groß")),
])
def test_clearly_different_people_disagree(a, b):
    assert names_disagree(*a, *b)
    assert names_disagree(*b, *a)
