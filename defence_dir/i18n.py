"""Translation of the core's user-facing text: English message ids, German by default.

The Qt user interface has its own Qt Linguist catalogues; this covers what the core and the CLI say.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from importlib import resources

SUPPORTED = ("de", "en")
_override: str | None = None
_fixed = threading.local()  # see language_fixed()
_LANGUAGE_VARIABLES = ("DEFENCE_DIR_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


def system_language() -> str:
    """German unless the environment asks for English (DEFENCE_DIR_LANG, then the POSIX locale)."""
    for var in _LANGUAGE_VARIABLES:
        value = os.environ.get(var, "").strip().lower()
        if value and value not in ("c", "posix", "c.utf-8"):
            return "en" if value.startswith("en") else "de"
    return "de"


def set_language(language: str | None) -> None:
    """Force a language ("de"/"en"), or None to follow the environment again."""
    global _override
    if language is not None and language not in SUPPORTED:
        raise ValueError(f"unsupported language {language!r}")
    _override = language


def current_language() -> str:
    return getattr(_fixed, "language", None) or _override or system_language()


@contextmanager
def language_fixed() -> Iterator[None]:
    """Decide the language once for a long run of messages in this thread (previewing
    100,000 rows asks 150,000 times, and reading the environment each time cost seconds)."""
    before = getattr(_fixed, "language", None)
    _fixed.language = current_language()
    try:
        yield
    finally:
        _fixed.language = before



@cache
def _catalog(language: str) -> dict[str, str]:
    """All message files of one language, merged (one file per feature keeps edits apart)."""
    merged: dict[str, str] = {}
    folder = resources.files("defence_dir") / "locale" / language
    if folder.is_dir():
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".json"):
                merged.update(json.loads(entry.read_text(encoding="utf-8")))
    return merged


def N_(message: str) -> str:
    """Mark `message` for translation where it is defined; translate it with _() where shown."""
    return message


def _(message: str, **values: object) -> str:
    """Translate `message` (English) to the current language and fill in `values`."""
    text = _catalog(current_language()).get(message, message)
    return text.format(**values) if values else text


def _n(singular: str, plural: str, count: int, **values: object) -> str:
    """`singular` for one, else `plural`, translated and filled in ({count} is given).
    German and English both have just these two forms."""
    return _(singular if count == 1 else plural, count=count, **values)
