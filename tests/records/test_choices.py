"""Pick lists: every record of a kind by id and name, in phone-book order on both backends."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from defence_dir.data.database import Database
from defence_dir.data.models import DistributionList, Event, Network, Organisation, Topic
from defence_dir.records.choices import choice_kinds, choices
from defence_dir.records.organisations import OrganisationDraft, create_organisation


def test_every_kind_lists_every_record_once(db: Database) -> None:
    models = {"network": Network, "organisation": Organisation, "topic": Topic,
              "list": DistributionList, "event": Event}
    assert set(choice_kinds()) == set(models)
    for kind, model in models.items():
        listed = choices(db, kind)
        with db.read_session() as session:
            stored = {i: n for i, n in session.execute(select(model.id, model.name))}
        assert dict(listed) == stored, kind
        assert len(listed) == len(stored)


def test_umlauts_sort_with_their_letter_and_case_is_ignored(db: Database) -> None:
    # Binary order (SQLite) would put "Ärzte…" after "Zenit" and "aero" after every capital.
    names = ["Zenit Prüftechnik", "Ärztekammer Nordrhein", "aero consult", "Abus", "Öko-Institut"]
    with db.session() as session:
        for name in names:
            create_organisation(session, OrganisationDraft(name=name))
    listed = [name for _id, name in choices(db, "organisation") if name in names]
    assert listed == ["Abus", "aero consult", "Ärztekammer Nordrhein", "Öko-Institut",
                      "Zenit Prüftechnik"]


def test_thousands_of_organisations_come_back_complete(db: Database) -> None:
    with db.session() as session:
        before = session.scalar(select(func.count()).select_from(Organisation)) or 0
        session.add_all(Organisation(name=f"Firma {n:05d} GmbH") for n in range(3000))
    listed = choices(db, "organisation")
    assert len(listed) == before + 3000
    ours = [name for _id, name in listed if name.startswith("Firma ")]
    assert ours == sorted(ours) and len(ours) == 3000


def test_an_unknown_kind_is_refused(db: Database) -> None:
    with pytest.raises(ValueError, match="person"):
        choices(db, "person")
