"""Badge PDFs rendered and read back: names, German order, QR codes, fonts, layouts."""

from __future__ import annotations

import os
from pathlib import Path

import pypdfium2
import pytest
from event_day_data import LONG_ORGANISATION, EventDay, decoded_codes, page_texts
from reportlab.lib.units import mm
from sqlalchemy import select

from defence_dir.data.database import Database
from defence_dir.data.models import Person
from defence_dir.errors import DefenceDirError
from defence_dir.eventday.service import BadgeLayout, export_badges


def _uids(db: Database) -> dict[int, str]:
    with db.read_session() as session:
        return dict(session.execute(select(Person.id, Person.uid)).all())


def _names(db: Database, event_day: EventDay) -> dict[str, str]:
    with db.read_session() as session:
        return {key: session.get(Person, pid).display_name
                for key, pid in event_day.ids.items()}


def test_a4_badges_in_german_order_with_a_code_for_each_person(db, event_day, tmp_path):
    target = tmp_path / "badges.pdf"
    assert export_badges(db, event_day.event_id, target) == 8

    text = " ".join(" ".join(page_texts(target)).split())  # a long name may take two lines
    names = _names(db, event_day)
    positions = [text.index(names[key]) for key in event_day.expected]
    assert positions == sorted(positions)
    for key in ("cancelled", "no_show", "outsider", "other_event"):
        assert names[key] not in text
    assert "Frau " not in text and "Herr " not in text  # no salutation on a badge
    assert "Prof. Dr.-Ing. Jürgen Müller" in text  # with the academic title
    assert "Kick-off DEFENCE.NRW" in text and "12.03.2026" in text
    assert "NMWP.NRW" in text and "Leiterin Geschäftsfeld Verteidigung" in text

    uids = _uids(db)
    codes = decoded_codes(target)
    assert len(codes) == 8
    for key, code in zip(event_day.expected, codes, strict=True):
        assert code.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n")
        assert f"\r\nUID:{uids[event_day.ids[key]]}\r\n" in code
        assert "NOTE" not in code and "PHOTO" not in code
    assert "FN:Prof. Dr.-Ing. Jürgen Müller" in codes[3]  # umlauts survive the code
    assert "N:Müller;Jürgen;;Herr,Prof. Dr.-Ing.;" in codes[3]


def test_letters_of_many_languages_and_emoji_are_in_the_text_with_fonts_embedded(
        db, event_day, tmp_path):
    target = tmp_path / "badges.pdf"
    export_badges(db, event_day.event_id, target)
    text = " ".join(" ".join(page_texts(target)).split())
    for word in ("Łukasz", "Søren Østergaard", "Ayşe Öztürk", "Çağla Strauß", "Bärbel",
                 "🚀", "🛡"):
        assert word in text
    data = target.read_bytes()
    assert data.count(b"/FontFile2") == 3  # sans, bold and emoji, all embedded
    assert b"NotoEmoji" in data and b"DejaVuSans-Bold" in data
    assert b"/Helvetica" not in data  # no font left to the viewer


def _char_boxes(path: Path, page_index: int = 0) -> list[tuple[str, tuple[float, ...]]]:
    document = pypdfium2.PdfDocument(str(path))
    page = document[page_index]
    textpage = page.get_textpage()
    boxes = [(textpage.get_text_range(i, 1), textpage.get_charbox(i))
             for i in range(textpage.count_chars())]
    document.close()
    return boxes


def test_a_200_character_organisation_is_shown_whole_inside_its_badge(db, event_day, tmp_path):
    assert len(LONG_ORGANISATION) == 200
    target = tmp_path / "badges.pdf"
    export_badges(db, event_day.event_id, target)
    text = page_texts(target)[0]
    assert "".join(LONG_ORGANISATION.split()) in "".join(text.split())
    # Every character lies inside its badge's column (badges: 15-105 mm, 105-195 mm).
    for char, (left, _bottom, right, _top) in _char_boxes(target):
        if char.isspace():
            continue
        column = 0 if left < 105 * mm else 1
        assert 15 * mm + column * 90 * mm <= left
        assert right <= 15 * mm + (column + 1) * 90 * mm - 3 * mm, char


@pytest.mark.parametrize(("layout", "pages"), [(BadgeLayout.LABELS_2X4, 1),
                                              (BadgeLayout.A6, 8)])
def test_other_layouts(db, event_day, tmp_path, layout, pages):
    target = tmp_path / f"{layout}.pdf"
    export_badges(db, event_day.event_id, target, layout=layout)
    texts = page_texts(target)
    assert len(texts) == pages
    uids = _uids(db)
    codes = decoded_codes(target, scale=3.0)
    assert [c.split("UID:")[1].split("\r\n")[0] for c in codes] == [
        uids[event_day.ids[k]] for k in event_day.expected]


def test_crop_marks_are_drawn_in_the_margin_only_when_asked(db, event_day, tmp_path):
    def dark_in_top_margin(path: Path) -> bool:
        document = pypdfium2.PdfDocument(str(path))
        image = document[0].render(scale=2).to_pil().convert("L")
        document.close()
        x = round(105 * mm * 2)  # the cut between the columns
        return any(image.getpixel((x, round(y * mm * 2))) < 128 for y in range(30, 37))

    plain, marked = tmp_path / "plain.pdf", tmp_path / "marked.pdf"
    export_badges(db, event_day.event_id, plain)
    export_badges(db, event_day.event_id, marked, crop_marks=True)
    assert not dark_in_top_margin(plain)
    assert dark_in_top_margin(marked)


def test_an_event_without_attendees_gives_a_clear_message_and_no_file(db, event_day, out):
    target = out / "badges.pdf"
    with db.session() as session:
        from defence_dir.lists.consent import remove_attendance
        remove_attendance(session, event_day.other_event_id, [event_day.ids["other_event"]])
    with pytest.raises(DefenceDirError, match="Sommerfest der Netzwerke"):
        export_badges(db, event_day.other_event_id, target)
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("where", ["missing folder", "a folder", "below a file"])
def test_a_path_that_cannot_be_written_gives_a_clear_message(db, event_day, out, where):
    (out / "file.txt").write_text("x")
    target = {"missing folder": out / "nowhere" / "b.pdf", "a folder": out,
              "below a file": out / "file.txt" / "b.pdf"}[where]
    with pytest.raises(DefenceDirError, match="kann nicht geschrieben werden"):
        export_badges(db, event_day.event_id, target)
    assert sorted(p.name for p in out.iterdir()) == ["file.txt"]


def test_a_cancelled_export_leaves_the_old_file_and_no_part_file(db, event_day, out):
    target = out / "badges.pdf"
    target.write_bytes(b"the badges printed yesterday")

    def cancel(done: int, _total: int) -> None:
        if done == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        export_badges(db, event_day.event_id, target, progress=cancel)
    assert target.read_bytes() == b"the badges printed yesterday"
    assert os.listdir(out) == ["badges.pdf"]
