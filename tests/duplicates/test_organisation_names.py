"""Organisation keys: one firm under its legal forms, an institute under short and long name."""

from __future__ import annotations

import pytest

from defence_dir.duplicates.organisation_names import organisation_keys, strip_legal_form


@pytest.mark.parametrize(("first", "second"), [
    ("Rheinmetall AG", "Rheinmetall GmbH"),
    ("Hensoldt Sensors GmbH", "HENSOLDT Sensors"),
    ("Müller Präzision GmbH & Co. KG", "Mueller Praezision GmbH"),
    ("Förderverein Luftfahrt e.V.", "Förderverein Luftfahrt eV"),
    ("Diehl Defence GmbH & Co. KG", "Diehl Defence"),
    ("Airbus SE", "Airbus"),
    ("Acme Ltd.", "ACME Inc."),
    ("Beispiel mbH", "Beispiel"),
    ("Fraunhofer FKIE",
     "Fraunhofer-Institut für Kommunikation, Informationsverarbeitung und Ergonomie FKIE"),
    ("DLR", "Deutsches Zentrum für Luft- und Raumfahrt e.V. (DLR)"),
    ("RWTH Aachen", "Rheinisch-Westfälische Technische Hochschule Aachen (RWTH)"),
])
def test_one_organisation_under_two_names_shares_a_key(first, second):
    assert set(organisation_keys(first)) & set(organisation_keys(second))


@pytest.mark.parametrize(("first", "second"), [
    ("Fraunhofer FKIE", "Fraunhofer INT"),
    ("Rheinmetall AG", "Rheinmetall Electronics GmbH"),
    ("Ruhroptik GmbH", "Ruhrmetall GmbH"),
    ("AG Sensorik", "KG Sensorik Nord"),
])
def test_different_organisations_share_no_key(first, second):
    assert not set(organisation_keys(first)) & set(organisation_keys(second))


def test_a_name_that_is_only_a_legal_form_keeps_it():
    assert organisation_keys("AG") == ("ag",)
    assert strip_legal_form(("gmbh", "co", "kg")) == ("gmbh", "co", "kg")
    assert strip_legal_form(("sensor", "gmbh", "co", "kg")) == ("sensor",)
    assert organisation_keys("") == ()
