"""The kinds of record the directory holds, as one enum instead of loose strings."""

from __future__ import annotations

from enum import StrEnum


class RecordKind(StrEnum):
    """A record's kind; equal to its old string ("list" == RecordKind.LIST), so code that still
    passes strings keeps working while it moves over."""

    PERSON = "person"
    ORGANISATION = "organisation"
    NETWORK = "network"
    TOPIC = "topic"
    LIST = "list"  # a distribution list
    EVENT = "event"


# Lists and events: the records that collect persons (members or attendees).
COLLECTION_KINDS = (RecordKind.LIST, RecordKind.EVENT)
