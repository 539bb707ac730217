"""A person card with every field and the characters that break careless writers."""

from __future__ import annotations

from datetime import datetime

import pytest

from defence_dir.vcard.writer import CardData


@pytest.fixture
def tricky_card() -> CardData:
    return CardData(
        id=1, uid="5f0c3a52-2d7b-4f7e-9a61-0d6c1d5b2e11", salutation="Frau",
        title="Prof. Dr.-Ing.", given_name="Anna-Lena", middle_name="Zoë",
        family_name="Schäfer-Łukasiewicz", name_suffix="MBA",
        function="Leiterin Forschung; Entwicklung", department="Sensorik, Radar",
        notes="Kontakt über Messe; bitte \\ nicht anrufen,\nnur E-Mail.",
        organisation="Rheinmetall Electronics GmbH", street="Brüggeweg 54",
        postal_code="28309", city="Bremen", country="Deutschland",
        website="www.rheinmetall.com", updated_at=datetime(2026, 11, 20, 9, 30, 0),
        emails=[("anna.schaefer@rheinmetall.com", "work"), ("a.s@example.org", "home")],
        phones=[("+4942145701", "0421 457-01", "work"), ("+491701234567", "0170 1234567", "cell"),
                (None, "intern 4711", "other")],
        categories=["NMWP.NRW", "Photonik", "Nano- und Mikrosystemtechnik"],
    )
