"""The directory's tables as typed SQLAlchemy declarative models, constraints in the schema.

Timestamps are stored as naive UTC (the databases' CURRENT_TIMESTAMP).
"""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Deterministic constraint names, so Alembic batch migrations on SQLite can address them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# Ids that can grow: 64-bit on PostgreSQL (search_document.id alone is position * 2^20, past
# 2^31 at about 2,000 documents). SQLite's INTEGER is 64-bit already, and only a column declared
# exactly INTEGER PRIMARY KEY is the rowid alias that numbers new rows by itself.
WideId = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    # Every `Mapped[int]` column (primary and foreign keys, row ids) is wide unless it names
    # its own type (counts, versions, positions: Integer).
    type_annotation_map: ClassVar[dict[Any, Any]] = {int: WideId}
    if TYPE_CHECKING:  # each model maps one Table, which core inserts and updates need
        __table__: ClassVar[Table]  # (SQLAlchemy declares any FromClause)


def _values_check(column: str, enum_type: type[enum.StrEnum]) -> str:
    values = ", ".join(f"'{member.value}'" for member in enum_type)
    return f"{column} IN ({values})"


class OrganisationKind(enum.StrEnum):
    LARGE_INDUSTRY = "large_industry"
    SME = "sme"
    RESEARCH = "research"
    PUBLIC_BODY = "public_body"
    ASSOCIATION = "association"
    OTHER = "other"


class EmailKind(enum.StrEnum):
    WORK = "work"
    HOME = "home"
    OTHER = "other"


class PhoneKind(enum.StrEnum):
    WORK = "work"
    CELL = "cell"
    FAX = "fax"
    HOME = "home"
    OTHER = "other"


class AttendanceStatus(enum.StrEnum):
    REGISTERED = "registered"
    ATTENDED = "attended"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"


class MembershipStatus(enum.StrEnum):
    SUBSCRIBED = "subscribed"
    UNSUBSCRIBED = "unsubscribed"


class ImportChangeAction(enum.StrEnum):
    CREATED = "created"
    UPDATED = "updated"


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.now(), onupdate=func.now()
    )


person_topic = Table(
    "person_topic",
    Base.metadata,
    Column("person_id", ForeignKey("person.id", ondelete="CASCADE"), primary_key=True),
    Column("topic_id", ForeignKey("topic.id", ondelete="CASCADE"), primary_key=True, index=True),
)

organisation_topic = Table(
    "organisation_topic",
    Base.metadata,
    Column("organisation_id", ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True),
    Column("topic_id", ForeignKey("topic.id", ondelete="CASCADE"), primary_key=True, index=True),
)

network_topic = Table(
    "network_topic",
    Base.metadata,
    Column("network_id", ForeignKey("network.id", ondelete="CASCADE"), primary_key=True),
    Column("topic_id", ForeignKey("topic.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class ImportBatch(Base):
    """One import of a file; what it created or changed points here so it can be undone."""

    __tablename__ = "import_batch"
    __table_args__ = (
        CheckConstraint("row_count >= 0", name="row_count_not_negative"),
        CheckConstraint("file_name <> ''", name="file_name_not_empty"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(1000))
    sheet: Mapped[str | None] = mapped_column(String(255))
    source_kind: Mapped[str] = mapped_column(String(20), default="spreadsheet")
    imported_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    row_count: Mapped[int] = mapped_column(Integer, default=0)
    created_count: Mapped[int] = mapped_column(Integer, default=0)
    updated_count: Mapped[int] = mapped_column(Integer, default=0)
    unchanged_count: Mapped[int] = mapped_column(Integer, default=0)
    duplicate_count: Mapped[int] = mapped_column(Integer, default=0)
    invalid_count: Mapped[int] = mapped_column(Integer, default=0)
    skipped_count: Mapped[int] = mapped_column(Integer, default=0)
    target_list_id: Mapped[int | None] = mapped_column(
        ForeignKey("distribution_list.id", ondelete="SET NULL")
    )
    target_event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="SET NULL"))
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)

    changes: Mapped[list[ImportChange]] = relationship(
        back_populates="batch", cascade="all, delete-orphan", passive_deletes=True
    )


class ImportChange(Base):
    """A row an import created or updated, with its prior values, so undo restores it exactly."""

    __tablename__ = "import_change"
    __table_args__ = (
        CheckConstraint(_values_check("action", ImportChangeAction), name="action_valid"),
        UniqueConstraint("batch_id", "table_name", "row_id", name="uq_import_change_row"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(
        ForeignKey("import_batch.id", ondelete="CASCADE"), index=True
    )
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[int] = mapped_column(WideId)
    action: Mapped[str] = mapped_column(String(16))
    # JSON of the row's columns before an update; NULL for created rows.
    before_json: Mapped[str | None] = mapped_column(Text)

    batch: Mapped[ImportBatch] = relationship(back_populates="changes")


class Topic(Base):
    """A technology field such as Photonik or Cybersicherheit."""

    __tablename__ = "topic"
    __table_args__ = (CheckConstraint("trim(name) <> ''", name="name_not_blank"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str | None] = mapped_column(Text)


class Network(TimestampMixin, Base):
    """One of the partner networks that form DEFENCE.NRW."""

    __tablename__ = "network"
    __table_args__ = (CheckConstraint("trim(name) <> ''", name="name_not_blank"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str | None] = mapped_column(Text)
    website: Mapped[str | None] = mapped_column(String(500))

    topics: Mapped[list[Topic]] = relationship(secondary=network_topic, order_by=Topic.name)
    roles: Mapped[list[NetworkRole]] = relationship(
        back_populates="network", cascade="all, delete-orphan", passive_deletes=True
    )


class Organisation(TimestampMixin, Base):
    """A company, institute, public body or association."""

    __tablename__ = "organisation"
    __table_args__ = (
        CheckConstraint("trim(name) <> ''", name="name_not_blank"),
        CheckConstraint(_values_check("kind", OrganisationKind), name="kind_valid"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    kind: Mapped[str] = mapped_column(String(20), default=OrganisationKind.OTHER.value)
    street: Mapped[str | None] = mapped_column(String(300))
    postal_code: Mapped[str | None] = mapped_column(String(20))
    city: Mapped[str | None] = mapped_column(String(200))
    country: Mapped[str | None] = mapped_column(String(100))
    website: Mapped[str | None] = mapped_column(String(500))
    notes: Mapped[str | None] = mapped_column(Text)
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="SET NULL"), index=True
    )

    topics: Mapped[list[Topic]] = relationship(secondary=organisation_topic, order_by=Topic.name)
    persons: Mapped[list[Person]] = relationship(back_populates="organisation")


def display_name_of(*parts: str | None) -> str:
    """Title, given, middle, family name and suffix joined as a name is written."""
    return " ".join(p.strip() for p in parts if p and p.strip())


def _new_uid() -> str:
    return str(uuid.uuid4())


class Person(TimestampMixin, Base):
    """A contact person. `version` guards against overwriting a concurrent edit."""

    __tablename__ = "person"
    __table_args__ = (
        CheckConstraint(
            "trim(coalesce(given_name, '')) <> '' OR trim(coalesce(family_name, '')) <> ''",
            name="has_name",
        ),
        CheckConstraint("version >= 1", name="version_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stable identity across exports and re-imports (vCard UID).
    uid: Mapped[str] = mapped_column(String(100), unique=True, default=_new_uid)
    salutation: Mapped[str | None] = mapped_column(String(50))
    title: Mapped[str | None] = mapped_column(String(100))
    given_name: Mapped[str | None] = mapped_column(String(200))
    middle_name: Mapped[str | None] = mapped_column(String(200))
    family_name: Mapped[str | None] = mapped_column(String(200), index=True)
    name_suffix: Mapped[str | None] = mapped_column(String(100))
    function: Mapped[str | None] = mapped_column(String(300))
    department: Mapped[str | None] = mapped_column(String(300))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"), index=True
    )
    notes: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="SET NULL"), index=True
    )

    organisation: Mapped[Organisation | None] = relationship(back_populates="persons")
    emails: Mapped[list[EmailAddress]] = relationship(
        back_populates="person",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="EmailAddress.position",
    )
    phones: Mapped[list[PhoneNumber]] = relationship(
        back_populates="person",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="PhoneNumber.position",
    )
    topics: Mapped[list[Topic]] = relationship(secondary=person_topic, order_by=Topic.name)
    network_roles: Mapped[list[NetworkRole]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )
    memberships: Mapped[list[ListMembership]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )
    attendances: Mapped[list[Attendance]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (typed by SQLAlchemy)

    @property
    def display_name(self) -> str:
        """The name as a letter would address it: "Dr.-Ing. Harald Cremer"."""
        return display_name_of(self.title, self.given_name, self.middle_name,
                               self.family_name, self.name_suffix)


class EmailAddress(Base):
    __tablename__ = "email_address"
    __table_args__ = (
        CheckConstraint(_values_check("kind", EmailKind), name="kind_valid"),
        CheckConstraint("address LIKE '%_@_%'", name="address_has_at"),
        UniqueConstraint("person_id", "address", name="uq_email_address_person_address"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    address: Mapped[str] = mapped_column(String(320), index=True)
    kind: Mapped[str] = mapped_column(String(10), default=EmailKind.WORK.value)
    position: Mapped[int] = mapped_column(Integer, default=0)

    person: Mapped[Person] = relationship(back_populates="emails")


class PhoneNumber(Base):
    """A phone number as entered (`raw`) and, where it parses, its E.164 form."""

    __tablename__ = "phone_number"
    __table_args__ = (
        CheckConstraint(_values_check("kind", PhoneKind), name="kind_valid"),
        CheckConstraint("trim(raw) <> ''", name="raw_not_blank"),
        CheckConstraint("e164 IS NULL OR e164 LIKE '+%'", name="e164_form"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    raw: Mapped[str] = mapped_column(String(100))
    e164: Mapped[str | None] = mapped_column(String(20), index=True)
    kind: Mapped[str] = mapped_column(String(10), default=PhoneKind.WORK.value)
    position: Mapped[int] = mapped_column(Integer, default=0)

    person: Mapped[Person] = relationship(back_populates="phones")


class NetworkRole(Base):
    """A person's role in a network, e.g. Ansprechpartner with focus Luftfahrt."""

    __tablename__ = "network_role"
    __table_args__ = (
        CheckConstraint("trim(role) <> ''", name="role_not_blank"),
        UniqueConstraint("person_id", "network_id", "role", name="uq_network_role_person_role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    network_id: Mapped[int] = mapped_column(
        ForeignKey("network.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(200))
    focus: Mapped[str | None] = mapped_column(String(200))

    person: Mapped[Person] = relationship(back_populates="network_roles")
    network: Mapped[Network] = relationship(back_populates="roles")


class Event(TimestampMixin, Base):
    """A Veranstaltung such as the kick-off in Düsseldorf."""

    __tablename__ = "event"
    __table_args__ = (
        CheckConstraint("trim(name) <> ''", name="name_not_blank"),
        CheckConstraint("ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on",
                        name="ends_after_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(500), unique=True)
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    city: Mapped[str | None] = mapped_column(String(200))
    venue: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    organiser_network_id: Mapped[int | None] = mapped_column(
        ForeignKey("network.id", ondelete="SET NULL")
    )

    organiser: Mapped[Network | None] = relationship()
    attendances: Mapped[list[Attendance]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True
    )


class Attendance(TimestampMixin, Base):
    __tablename__ = "attendance"
    __table_args__ = (
        CheckConstraint(_values_check("status", AttendanceStatus), name="status_valid"),
        UniqueConstraint("event_id", "person_id", name="uq_attendance_event_person"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(16), default=AttendanceStatus.REGISTERED.value)
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="SET NULL"), index=True
    )

    event: Mapped[Event] = relationship(back_populates="attendances")
    person: Mapped[Person] = relationship(back_populates="attendances")


class DistributionList(TimestampMixin, Base):
    """A Verteiler such as the Defense-Verteiler."""

    __tablename__ = "distribution_list"
    __table_args__ = (CheckConstraint("trim(name) <> ''", name="name_not_blank"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    description: Mapped[str | None] = mapped_column(Text)
    owner_network_id: Mapped[int | None] = mapped_column(
        ForeignKey("network.id", ondelete="SET NULL")
    )

    owner: Mapped[Network | None] = relationship()
    memberships: Mapped[list[ListMembership]] = relationship(
        back_populates="distribution_list", cascade="all, delete-orphan", passive_deletes=True
    )


class ListMembership(TimestampMixin, Base):
    """A person on a list, with the proof of consent and the time it was withdrawn."""

    __tablename__ = "list_membership"
    __table_args__ = (
        CheckConstraint(_values_check("status", MembershipStatus), name="status_valid"),
        CheckConstraint(
            "status <> 'unsubscribed' OR unsubscribed_at IS NOT NULL", name="unsubscribe_dated"
        ),
        UniqueConstraint("list_id", "person_id", name="uq_list_membership_list_person"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("distribution_list.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(16), default=MembershipStatus.SUBSCRIBED.value)
    consent_at: Mapped[datetime | None] = mapped_column(DateTime)
    consent_source: Mapped[str | None] = mapped_column(String(1000))
    consent_note: Mapped[str | None] = mapped_column(Text)
    unsubscribed_at: Mapped[datetime | None] = mapped_column(DateTime)
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="SET NULL"), index=True
    )

    distribution_list: Mapped[DistributionList] = relationship(back_populates="memberships")
    person: Mapped[Person] = relationship(back_populates="memberships")
    consent_history: Mapped[list[ConsentRecord]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="ConsentRecord.at"
    )


class ConsentAction(enum.StrEnum):
    GIVEN = "given"
    WITHDRAWN = "withdrawn"


class ConsentRecord(Base):
    """One step in a membership's consent history; never updated, only appended."""

    __tablename__ = "consent_record"
    __table_args__ = (
        CheckConstraint(_values_check("action", ConsentAction), name="action_valid"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    membership_id: Mapped[int] = mapped_column(
        ForeignKey("list_membership.id", ondelete="CASCADE"), index=True
    )
    action: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    # How consent was given: "form", "event", "import", "manual" ...
    source_kind: Mapped[str | None] = mapped_column(String(20))
    source: Mapped[str | None] = mapped_column(String(1000))
    note: Mapped[str | None] = mapped_column(Text)
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="SET NULL"), index=True
    )


class AuditEntry(Base):
    """What was done with personal data and when; never the erased data itself."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now(), index=True)
    action: Mapped[str] = mapped_column(String(50))
    subject: Mapped[str | None] = mapped_column(String(200))
    detail: Mapped[str | None] = mapped_column(Text)


class NotDuplicatePair(Base):
    """Two persons a user said are different people: the duplicate finder never proposes
    them again. The smaller id comes first, so a pair is stored once."""

    __tablename__ = "not_duplicate_pair"
    __table_args__ = (
        UniqueConstraint("person_a_id", "person_b_id", name="uq_not_duplicate_pair_persons"),
        CheckConstraint("person_a_id < person_b_id", name="ordered"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_a_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    person_b_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"),
                                             index=True)
    marked_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())


class PersonMerge(Base):
    """One merge of persons into the kept one, with everything needed to take it back exactly.

    `before_json` holds every row of the persons involved as they were (persons, emails,
    phones, topics, roles, memberships with consent history, attendances); it is personal
    data, so erasing the kept person deletes the record with it (CASCADE)."""

    __tablename__ = "person_merge"

    id: Mapped[int] = mapped_column(primary_key=True)
    merged_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now(), index=True)
    kept_person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"),
                                                index=True)
    merged_ids_json: Mapped[str] = mapped_column(Text)
    # The kept person's version right after the merge: undo refuses if it moved since.
    kept_version: Mapped[int] = mapped_column(Integer)
    before_json: Mapped[str] = mapped_column(Text)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)


class ImportMapping(Base):
    """A column mapping the user corrected, offered again for files with the same header."""

    __tablename__ = "import_mapping"

    id: Mapped[int] = mapped_column(primary_key=True)
    header_signature: Mapped[str] = mapped_column(String(64), unique=True)
    mapping_json: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.now(), onupdate=func.now()
    )


class SearchDocument(Base):
    """The search index: one row per person, organisation and network, in folded matching form.

    `id` is the row's place in alphabetical order (with gaps for later inserts), so the first
    page of any match is the first ids of it. Text columns hold folded words between spaces
    (" jurgen schnitzmeier "); on SQLite, FTS5 tables over them answer the queries (see
    defence_dir/search), elsewhere LIKE over the same columns gives the same answers.
    """

    __tablename__ = "search_document"
    __table_args__ = (
        UniqueConstraint("kind", "entity_id", name="uq_search_document_kind_entity"),
        CheckConstraint("kind IN ('person', 'organisation', 'network')", name="kind_valid"),
    )

    id: Mapped[int] = mapped_column(WideId, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(12))
    entity_id: Mapped[int] = mapped_column(WideId)
    # Byte order on every database (PostgreSQL would otherwise sort by its locale), so the order
    # of ids and the neighbour lookups for new documents agree.
    sort_key: Mapped[str] = mapped_column(
        String(500).with_variant(String(500, collation="C"), "postgresql"), index=True,
        unique=True)
    names: Mapped[str] = mapped_column(Text, default="")
    phonetic: Mapped[str] = mapped_column(Text, default="")
    organisation: Mapped[str] = mapped_column(Text, default="")
    networks: Mapped[str] = mapped_column(Text, default="")
    function: Mapped[str] = mapped_column(Text, default="")
    topics: Mapped[str] = mapped_column(Text, default="")
    city: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # Filter tags: kind ("kperson"), and the ids of its organisation, networks, topics,
    # subscribed lists and events ("o7 n2 t4 l1 e3"), so a filter is one more index lookup.
    tags: Mapped[str] = mapped_column(Text, default="")


class SearchState(Base):
    """Small facts about the index: whether it is built and a counter bumped by every change."""

    __tablename__ = "search_state"

    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class ChangeLog(Base):
    """What changed, for offline copies: one row per written row (by database triggers, see
    migration 0005), in commit order by `seq`. Ids only, never the data itself."""

    __tablename__ = "change_log"
    __table_args__ = {"sqlite_autoincrement": True}  # noqa: RUF012 (typed by SQLAlchemy)

    # AUTOINCREMENT on SQLite: a sequence number is never reused, even after the log is pruned.
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"),
                                     primary_key=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[int] = mapped_column(BigInteger)


class SyncState(Base):
    """Small facts for offline copies: a team database's id; a copy's team, sequence, time."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(String(1000))
