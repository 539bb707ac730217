"""Folding for sorting and matching: diacritics off, German letters spelled out."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from defence_dir.text.collation import _SPECIAL, sort_key, strip_diacritics


def test_letters_lose_their_marks_and_special_letters_are_spelled_out():
    assert strip_diacritics("Jürgen Łukasz Øre Straße Œuvre") == "Jurgen Lukasz Ore Strasse Oeuvre"
    assert sort_key("Ärger") < sort_key("Azur") < sort_key("Öl")  # ä sorts as a (DIN 5007-1)


@given(st.text())
def test_the_plain_ascii_shortcut_changes_no_result(text):
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    assert strip_diacritics(text) == "".join(c for c in decomposed
                                             if not unicodedata.combining(c))
