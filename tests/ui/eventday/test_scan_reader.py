"""Putting a wedge's lines back together into one scanned text."""

from __future__ import annotations

from defence_dir.ui.eventday.scan_reader import ScanReader


def feed_all(reader: ScanReader, lines: list[str]) -> list[str]:
    return [text for line in lines if (text := reader.feed(line)) is not None]


def test_a_vcard_comes_out_once_whole_with_its_folded_lines():
    reader = ScanReader()
    lines = ["BEGIN:VCARD", "VERSION:3.0", "FN:Jörg Recher", "ORG:Sehr lange Organis",
             " ation", "UID:7f3c", "END:VCARD"]
    assert feed_all(reader, lines) == ["\r\n".join(lines) + "\r\n"]
    assert not reader.collecting


def test_a_bare_uid_or_name_is_complete_at_once_and_blank_enters_are_ignored():
    reader = ScanReader()
    assert feed_all(reader, ["", "  7f3c-11  ", "Müller"]) == ["7f3c-11", "Müller"]


def test_cr_and_lf_as_two_enters_and_lower_case():
    reader = ScanReader()
    lines = ["begin:vcard", "", "UID:1", "", "end:vcard", ""]
    assert feed_all(reader, lines) == ["begin:vcard\r\nUID:1\r\nend:vcard\r\n"]


def test_text_left_in_the_field_before_a_scan_is_not_part_of_it():
    reader = ScanReader()
    assert feed_all(reader, ["MüllBEGIN:VCARD", "UID:1", "END:VCARD"]) == [
        "BEGIN:VCARD\r\nUID:1\r\nEND:VCARD\r\n"]


def test_a_new_card_after_a_broken_one_counts_alone():
    reader = ScanReader()
    assert feed_all(reader, ["BEGIN:VCARD", "UID:old", "BEGIN:VCARD", "UID:new",
                             "END:VCARD"]) == ["BEGIN:VCARD\r\nUID:new\r\nEND:VCARD\r\n"]
