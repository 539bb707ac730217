"""QT_TRANSLATE_NOOP typed as what it returns, the English text (PySide6 declares `object`)."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, source_text: str) -> str:
    """Mark `source_text` for lupdate in `context`; it is translated where it is shown."""
    del context  # read by lupdate from the source, not at run time
    return source_text
