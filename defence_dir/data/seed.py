"""Fill a new database with the DEFENCE.NRW starting directory from the shipped data file."""

from __future__ import annotations

import tomllib
import uuid
from importlib import resources
from typing import Any

from sqlalchemy.orm import Session

from defence_dir.data.models import (
    DistributionList,
    EmailAddress,
    Event,
    Network,
    NetworkRole,
    Organisation,
    Person,
    PhoneNumber,
    Topic,
)
from defence_dir.text.contact_values import normalize_email, phone_e164

CONTACT_ROLE = "Ansprechpartner"
# Seeded persons get the same UID in every installation, so their vCards match across machines.
SEED_UID_NAMESPACE = uuid.UUID("6f1c0f4e-6a53-4d8e-9a55-d3f3c2a1e0b7")


def seed_person_uid(email: str) -> str:
    return str(uuid.uuid5(SEED_UID_NAMESPACE, email.casefold()))


def starting_directory() -> dict[str, Any]:
    """The parsed seed data file."""
    data = resources.files("defence_dir.data").joinpath("seed.toml").read_text(encoding="utf-8")
    return tomllib.loads(data)


def load_starting_directory(session: Session) -> None:
    """Add every record of the starting directory to `session` (the caller commits)."""
    data = starting_directory()
    topics = {t["name"]: Topic(name=t["name"], description=t.get("description"))
              for t in data["topics"]}
    session.add_all(topics.values())

    networks: dict[str, Network] = {}
    for entry in data["networks"]:
        network = Network(
            name=entry["name"],
            description=entry.get("description"),
            website=entry.get("website"),
            topics=[topics[name] for name in entry.get("topics", [])],
        )
        networks[network.name] = network
    session.add_all(networks.values())

    for entry in data["organisations"]:
        session.add(Organisation(**{k: entry.get(k) for k in ("name", "kind", "city", "notes")}))

    for entry in data["persons"]:
        person = Person(
            uid=seed_person_uid(entry["emails"][0]),
            title=entry.get("title"),
            given_name=entry.get("given_name"),
            middle_name=entry.get("middle_name"),
            family_name=entry.get("family_name"),
            function=entry.get("function"),
            topics=[topics[name] for name in entry.get("topics", [])],
            emails=[EmailAddress(address=normalize_email(a), position=i)
                    for i, a in enumerate(entry.get("emails", []))],
            phones=[PhoneNumber(raw=raw, e164=phone_e164(raw), position=i)
                    for i, raw in enumerate(entry.get("phones", []))],
        )
        person.network_roles.append(
            NetworkRole(network=networks[entry["network"]], role=CONTACT_ROLE,
                        focus=entry.get("focus"))
        )
        session.add(person)

    for entry in data["events"]:
        session.add(Event(name=entry["name"], city=entry.get("city"),
                          description=entry.get("description"),
                          organiser=networks.get(entry.get("organiser", ""))))
    for entry in data["distribution_lists"]:
        session.add(DistributionList(name=entry["name"], description=entry.get("description")))
