"""The rule that tells colleagues sharing a mailbox apart from one person written twice."""

from __future__ import annotations

import pytest

from defence_dir.records.shared_address import (
    AddressHolders,
    DirectoryAddresses,
    is_role_address,
    names_disagree,
)


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


@pytest.mark.parametrize("address,role", [
    ("info@firma.de", True), ("Kontakt@firma.de", True), ("office@kanzlei.example", True),
    ("info.duesseldorf@firma.de", True), ("presse-nrw@verband.example", True),
    ("information.desk@x.de", False), ("anna.info@firma.de", False),
    ("postmann@firma.de", False), ("harald.cremer@nmwp.de", False),
])
def test_role_addresses_are_told_from_personal_ones(address, role):
    assert is_role_address(address) is role


def _directory(holders: dict[int, tuple[str | None, str | None]],
               addresses: list[tuple[str, int]]) -> DirectoryAddresses:
    directory = DirectoryAddresses(holders.__getitem__)
    for address, person_id in addresses:
        directory.add(address, person_id)
    return directory


def test_an_address_several_persons_hold_matches_only_by_the_same_names():
    """The household's and the office's address: the same names find their holder, a name
    that fits several finds none (ambiguous), a clearly different name none either."""
    names = {1: ("Eva", "Müller"), 2: ("Paul", "Müller"), 3: ("Anna", "Schmidt")}
    directory = _directory(names, [("home@mueller.example", 1), ("home@mueller.example", 2),
                                   ("info@schmidt.example", 3)])
    home = "home@mueller.example"
    assert directory.holder(home, "Paul", "Mueller") == (2, 1, ())
    assert directory.holder(home, "Müller", "Eva") == (1, 1, ())  # swapped
    assert directory.holder(home, "Paul", "Müler") == (2, 1, ())  # a typo: fits one
    assert directory.holder(home, None, "Müller") == (None, 1, (1, 2))
    assert directory.holder(home, "E.", "Müller") == (None, 1, (1, 2))
    assert directory.holder(home, "Jan", "Berg") == (None, 1, ())
    # A role address with one holder: only the same names are her.
    info = "info@schmidt.example"
    assert directory.holder(info, "Anna", "Schmidt") == (3, 3, ())
    assert directory.holder(info, "Bernd", "Schmidt") == (None, 3, ())
    assert directory.holder(info, None, "Schmidt") == (None, 3, ())
    assert directory.holder("new@x.example", "Anna", "Schmidt") == (None, None, ())


def test_the_same_holders_in_any_order_give_the_same_answers():
    names = {5: ("Anna", "Weber"), 9: ("Anna", "Weber"), 7: ("Tom", "Weber")}
    orders = ([5, 7, 9], [9, 7, 5], [7, 9, 5])
    answers = {directory.holder("familie.weber@example.de", given, family)
               for order in orders
               for directory in [_directory(names, [("familie.weber@example.de", p)
                                                    for p in order])]
               for given, family in [("Anna", "Weber")]}
    # Namesakes: the first by id, whatever the order added; the other one named.
    assert answers == {(5, 5, (9,)), (5, 9, (9,)), (5, 7, (9,))}
    # Also for a spelling that fits both alike (an umlaut lost on the way), not for a name
    # that fits all three.
    directory = _directory(names, [("familie.weber@example.de", p) for p in (9, 7, 5)])
    assert directory.holder("familie.weber@example.de", "Anna", "Webber") == (5, 9, (9,))
    assert directory.holder("familie.weber@example.de", None, "Weber") == (None, 9, (5, 7, 9))


def test_colleagues_at_a_role_address_in_one_file_are_not_one_person():
    rows = AddressHolders("row 2", "info@mueller.example")
    rows.add("row 2", "Hanna", "Müller")
    assert rows.same_person("Clara", "Müller") is None
    assert rows.same_person("Hanna", "Mueller") == "row 2"
    assert rows.same_person(None, "Müller") == "row 2"  # a missing part cannot tell them apart
