"""Reading what phones and old exports write: long folded values, photos, mixed encodings."""

from __future__ import annotations

import base64
import quopri
import tracemalloc

import pytest

from defence_dir.vcard.card_reading import card_values
from defence_dir.vcard.reader import file_encoding, kept_size, read_cards
from defence_dir.vcard.text import escape, fold

# What a photo looks like on the wire: base64 of a JPEG (random bytes are enough).
JPEG = base64.b64encode(b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(range(256)) * 400).decode()


def folded(name: str, value: str) -> str:
    return fold(f"{name}:{value}")


def peak_while(function, *args):
    """(result, peak bytes allocated by Python while it ran)."""
    tracemalloc.start()
    try:
        result = function(*args)
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# --- A: long folded values in linear work and bounded memory --------------------------------

def test_a_4_mb_folded_note_is_read_whole_in_bounded_memory():
    """Reading used to copy the value once per continuation line (51 s for 4 MB). Memory is
    a bound on that work too: gathering by concatenation held a copy next to the original."""
    note = ("Notiz über das Treffen auf der Messe; Folgetermin vereinbaren. " * 70_000)[:4_000_000]
    data = ("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lang;Lina;;;\r\n" + folded("NOTE", escape(note))
            + "\r\nEMAIL:lina.lang@example.org\r\nEND:VCARD\r\n").encode()
    assert data.count(b"\r\n ") > 50_000  # really folded, as our writer and phones fold
    [card], peak = peak_while(read_cards, data)
    assert card.error is None and card.warnings == []
    assert card_values(card).notes == note.strip()
    assert card.first("EMAIL").value == "lina.lang@example.org"
    assert peak < 4 * len(data)  # the old reader: 13×


def test_a_4_mb_quoted_printable_note_of_vcard_21():
    """2.1 soft line breaks ("=" at the end) are joined without re-reading the growing line."""
    text = "Zeile mit Umlauten äöü und langem Text. " * 100_000
    body = quopri.encodestring(text.encode()).replace(b"\n", b"\r\n")  # "=" soft breaks
    assert body.count(b"=\r\n") > 50_000
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:Lang;Lina;;;\r\n"
            b"NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:" + body + b"\r\nEND:VCARD\r\n")
    [card], peak = peak_while(read_cards, data)
    assert card.error is None
    assert card.first("NOTE").value == text.strip()
    assert peak < 4 * len(data)


def test_a_4_mb_photo_is_skipped_without_being_kept():
    photo = base64.b64encode(bytes(range(256)) * 12_000).decode()  # 4 MB of base64
    data = ("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Bild;Berta;;;\r\n"
            + folded("PHOTO;ENCODING=b;TYPE=JPEG", photo)
            + "\r\nEMAIL:berta.bild@example.org\r\nEND:VCARD\r\n").encode()
    [card], peak = peak_while(read_cards, data)
    assert [p.name for p in card.properties] == ["VERSION", "N", "EMAIL"]
    assert card.warnings == ["Foto nicht übernommen"]
    assert peak < len(data) // 4  # line by line, never gathered


# --- photos as each kind of phone and address book writes them --------------------------------

def _lines(text: str, width: int, indent: str) -> str:
    return "\r\n".join(indent + text[i:i + width] for i in range(0, len(text), width))


IPHONE = ("BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//iPhone OS 17.1.2//EN\r\n"
          "N:Müller;Jürgen;;;\r\nFN:Jürgen Müller\r\nORG:Hensoldt Sensors GmbH;\r\n"
          "EMAIL;type=INTERNET;type=WORK;type=pref:juergen.mueller@hensoldt.example\r\n"
          "TEL;type=CELL;type=VOICE;type=pref:+49 171 5551234\r\n"
          + folded("PHOTO;ENCODING=b;TYPE=JPEG", JPEG) + "\r\nEND:VCARD\r\n")
ANDROID_21 = ("BEGIN:VCARD\r\nVERSION:2.1\r\n"
              "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;\r\n"
              "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen=20M=C3=BCller\r\n"
              "TEL;CELL:+491715551234\r\n"
              "PHOTO;ENCODING=BASE64;JPEG:" + JPEG[:76] + "\r\n" + _lines(JPEG[76:], 76, " ")
              + "\r\n\r\nEMAIL;HOME:juergen.mueller@hensoldt.example\r\nEND:VCARD\r\n")
OUTLOOK_21 = ("BEGIN:VCARD\r\nVERSION:2.1\r\nN:Müller;Jürgen\r\nFN:Jürgen Müller\r\n"
              "PHOTO;TYPE=JPEG;ENCODING=BASE64:\r\n" + _lines(JPEG, 76, "  ") + "\r\n\r\n"
              "EMAIL;PREF;INTERNET:juergen.mueller@hensoldt.example\r\nEND:VCARD\r\n")
NOKIA_21 = ("BEGIN:VCARD\r\nVERSION:2.1\r\nN:Müller;Jürgen\r\n"
            "PHOTO;JPEG;ENCODING=BASE64:\r\n" + _lines(JPEG, 64, "") + "\r\n\r\n"
            "EMAIL;INTERNET:juergen.mueller@hensoldt.example\r\nEND:VCARD\r\n")
NO_BLANK_LINE_21 = ("BEGIN:VCARD\r\nVERSION:2.1\r\nN:Müller;Jürgen\r\n"
                    "PHOTO;JPEG;ENCODING=BASE64:" + _lines(JPEG, 64, "")
                    + "\r\nEMAIL;INTERNET:juergen.mueller@hensoldt.example\r\nEND:VCARD\r\n")
GOOGLE_40 = ("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Jürgen Müller\r\nN:Müller;Jürgen;;;\r\n"
             + folded("PHOTO", "data:image/jpeg;base64," + JPEG)
             + "\r\nEMAIL;TYPE=work:juergen.mueller@hensoldt.example\r\n"
             + folded("LOGO;MEDIATYPE=image/png", "data:image/png;base64," + JPEG)
             + "\r\nEND:VCARD\r\n")


@pytest.mark.parametrize("text", [IPHONE, ANDROID_21, OUTLOOK_21, NOKIA_21, NO_BLANK_LINE_21,
                                  GOOGLE_40],
                         ids=["iphone", "android-2.1", "outlook-2.1", "nokia-2.1",
                              "2.1-without-blank-line", "google-4.0"])
def test_photos_are_skipped_and_the_preview_says_so(text):
    [card] = read_cards(text.encode())
    assert card.error is None
    values = card_values(card)
    assert (values.given_name, values.family_name) == ("Jürgen", "Müller")
    assert [address for address, _kind in values.emails] == ["juergen.mueller@hensoldt.example"]
    assert "Foto nicht übernommen" in card.warnings
    assert not card.all("PHOTO")
    assert all(len(p.value) < 100 for p in card.properties)


def test_a_photo_given_as_a_link_is_kept_out_without_a_warning():
    text = ("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Web;Wera;;;\r\n"
            "PHOTO;VALUE=uri:https://example.org/wera.jpg\r\nEND:VCARD\r\n")
    [card] = read_cards(text.encode())
    assert card.warnings == [] and card.first("PHOTO").value == "https://example.org/wera.jpg"


def test_several_photos_give_one_warning_and_other_binary_data_is_named():
    text = ("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Bild;Berta;;;\r\n"
            + folded("PHOTO;ENCODING=b;TYPE=JPEG", JPEG) + "\r\n"
            + folded("PHOTO;ENCODING=b;TYPE=PNG", JPEG) + "\r\n"
            + folded("X-ATTACHMENT;ENCODING=b", JPEG) + "\r\nEND:VCARD\r\n")
    [card] = read_cards(text.encode())
    assert card.warnings == ["Foto nicht übernommen",
                             "X-ATTACHMENT (Binärdaten) nicht übernommen"]


# --- B: one bad byte, legacy files, control characters ---------------------------------------

def _card(name: str, given: str, email: str) -> str:
    return (f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:{name};{given};;;\r\nFN:{given} {name}\r\n"
            f"EMAIL:{email}\r\nEND:VCARD\r\n")


def test_one_card_in_windows_1252_does_not_garble_the_others():
    """A file merged from two sources: UTF-8 cards and one card pasted from an ANSI file."""
    data = (_card("Müller", "Jürgen", "jm@example.org").encode()
            + _card("Schäfer", "Anna-Lena", "als@example.org").encode("cp1252")
            + _card("Yılmaz", "Ayşe", "ay@example.org").encode())
    first, second, third = read_cards(data)
    assert card_values(first).full_name == "Jürgen Müller" and first.warnings == []
    assert card_values(second).full_name == "Anna-Lena Schäfer"
    assert second.warnings == ["Zeilen 9, 10 sind kein UTF-8; als Windows-1252 gelesen"]
    assert card_values(third).full_name == "Ayşe Yılmaz" and third.warnings == []
    assert file_encoding(data) == "utf-8+cp1252"


def test_a_single_bad_byte_is_named_and_the_rest_is_utf8():
    data = (_card("Müller", "Jürgen", "jm@example.org")
            + _card("Öztürk", "Zoë", "zo@example.org")).encode()
    data = data.replace("Zoë Öztürk".encode(), b"Zo\xeb \xd6zt\xfcrk")  # the FN line only
    first, second = read_cards(data)
    assert card_values(second).full_name == "Zoë Öztürk"
    assert card_values(second).family_name == "Öztürk"
    assert second.warnings == ["Zeile 10 ist kein UTF-8; als Windows-1252 gelesen"]
    assert first.warnings == []


def test_a_whole_outlook_file_in_windows_1252_reads_right_and_says_so():
    text = ("BEGIN:VCARD\r\nVERSION:2.1\r\nN:Müller;Jürgen;;Dr.\r\nFN:Dr. Jürgen Müller\r\n"
            "ORG:Großmann & Söhne GmbH;Qualitätssicherung\r\nNOTE:Michèle weiß Bescheid – €\r\n"
            "EMAIL;PREF;INTERNET:juergen.mueller@example.org\r\nEND:VCARD\r\n") * 3
    data = text.encode("cp1252")
    cards = read_cards(data)
    assert [card_values(c).organisation for c in cards] == ["Großmann & Söhne GmbH"] * 3
    assert card_values(cards[0]).notes == "Michèle weiß Bescheid – €"
    assert all(c.warnings == [] for c in cards)  # said once for the file, not per card
    assert file_encoding(data) == "cp1252"


def test_a_declared_charset_is_honoured_without_a_warning():
    data = (_card("Müller", "Jürgen", "jm@example.org").encode()
            + b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1:Sch\xe4fer;Anna\r\n"
              b"FN;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:Anna Sch=E4fer =80\r\n"
              b"END:VCARD\r\n")
    _first, second = read_cards(data)
    values = card_values(second)
    assert (values.family_name, values.full_name) == ("Schäfer", "Anna Schäfer €")
    assert second.warnings == []


def test_quoted_printable_bytes_that_are_not_utf8_are_named():
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen\r\n"
            b"END:VCARD\r\n")
    [card] = read_cards(data)
    assert card_values(card).family_name == "Müller"
    assert card.warnings == ["Zeile 3 ist kein UTF-8; als Windows-1252 gelesen"]
    assert file_encoding(data) == "utf-8"  # the file itself is plain ASCII


def test_utf16_as_windows_writes_it():
    text = _card("Müller", "Jürgen", "jm@example.org") + _card("Yılmaz", "Ayşe", "a@e.org")
    for data in (("\ufeff" + text).encode("utf-16-le"), ("\ufeff" + text).encode("utf-16-be"),
                 text.encode("utf-16-le")):  # the last without a BOM
        cards = read_cards(data)
        assert [card_values(c).full_name for c in cards] == ["Jürgen Müller", "Ayşe Yılmaz"]
        assert all(c.warnings == [] for c in cards)
        assert file_encoding(data) == "utf-16"


def test_a_character_folded_in_half_is_put_back_together():
    """Some phones fold at 75 bytes even inside a UTF-8 character."""
    line = "NOTE:" + "Straßenbahnhaltestelle Königsallee " * 5
    raw = line.encode()
    middle = raw.index("ß".encode()) + 1  # between the two bytes of "ß"
    physical = raw[:middle] + b"\r\n " + raw[middle:]
    data = b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:A;B;;;\r\n" + physical + b"\r\nEND:VCARD\r\n"
    [card] = read_cards(data)
    assert card.first("NOTE").value == line[5:].strip() and card.warnings == []


def test_control_characters_never_reach_a_field():
    """NULs and escape codes as broken CRM exports leave them, in every kind of field."""
    data = (b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:M\x00\xc3\xbcller;J\x1b[0m\xc3\xbcrgen;;;\r\n"
            b"FN:J\xc3\xbcrgen\x00 M\xc3\xbcller\r\nORG:Hensoldt\x07 GmbH;Radar\x0b\r\n"
            b"UID:abc\x00-123\r\nCATEGORIES:Photonik\x1f,Radar\r\n"
            b"NOTE:Erste Zeile\\nzweite\x00 Zeile\r\nEMAIL:jm@example.org\r\nEND:VCARD\r\n")
    [card] = read_cards(data)
    values = card_values(card)
    assert (values.family_name, values.given_name) == ("Müller", "J[0mürgen")
    assert values.full_name == "Jürgen Müller"
    assert (values.organisation, values.department) == ("Hensoldt GmbH", "Radar")
    assert values.uid == "abc-123"
    assert values.categories == ["Photonik", "Radar"]
    assert values.notes == "Erste Zeile\nzweite Zeile"


def test_the_kept_size_leaves_photos_out():
    """An iPhone export passes 50 MB with photos alone; what is kept is a few KB a card."""
    data = (IPHONE * 3).encode()
    cards = read_cards(data)
    assert len(cards) == 3 and len(data) > 3 * len(JPEG)
    assert kept_size(cards) < 600
