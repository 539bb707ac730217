"""Persons dragged inside the window carry their ids, so a list or an event can take them.

Also the one helper for showing user data in tooltips, which Qt would otherwise render as rich
text when it looks like HTML.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QByteArray, QMimeData

PERSON_IDS_MIME = "application/x-defence-dir-person-ids"


def with_person_ids(mime: QMimeData, person_ids: list[int]) -> QMimeData:
    """Add the ids to a drag that already carries the persons as vCards (for other apps)."""
    mime.setData(PERSON_IDS_MIME, QByteArray(json.dumps(person_ids).encode()))
    return mime


def person_ids_of(mime: QMimeData | None) -> list[int]:
    """The person ids a drop carries; none for anything else (a file, text from elsewhere)."""
    if mime is None or not mime.hasFormat(PERSON_IDS_MIME):
        return []
    try:
        found = json.loads(bytes(mime.data(PERSON_IDS_MIME).data()).decode())
    except ValueError:
        return []
    if not isinstance(found, list):
        return []
    return [int(i) for i in found if isinstance(i, int) and not isinstance(i, bool)]

