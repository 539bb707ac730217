"""A large file read in worker processes plans exactly as read in one: same cards, numbers,
names, values, warnings and errors, whatever the versions, encodings and broken cards."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from defence_dir import i18n
from defence_dir.data.database import Database
from defence_dir.imports.writing import ImportCancelled
from defence_dir.vcard import parallel_reading
from defence_dir.vcard.importer import plan_import
from defence_dir.vcard.reader import file_pieces, iter_cards, iter_piece

GOLDEN = Path(__file__).parent / "golden"


def _mixed_file() -> bytes:
    """Real exports (Outlook 2.1 quoted-printable, 3.0, 4.0) joined with broken and odd cards
    between them, repeated: cuts fall on every kind of neighbour."""
    odd = [
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ohne Ende\r\nEMAIL:ohne.ende@example.org\r\n",
        b"BEGIN:VCARD\nVERSION:3.0\nN:Kaputt;Karl\nkeine Eigenschaft\nEND:VCARD\n",
        # A quoted-printable value whose soft break runs into a line reading END:VCARD.
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:Weich;Wilma\r\nNOTE;ENCODING=QUOTED-PRINTABLE:a=\r\n"
        b"END:VCARD\r\nBEGIN:VCARD\r\nVERSION:2.1\r\nN:Danach;Dora\r\nEND:VCARD\r\n",
        b"begin:vcard\nversion:3.0\nn:Klein;Kurt\ntel:0211 555 0101\nend:vcard\n",
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Ung\xfcltig;Uwe\r\nTEL:nicht erreichbar\r\n"
        b"END:VCARD\r\n",
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:\r\nEND:VCARD\r\n",
    ]
    golden = [path.read_bytes() for path in sorted(GOLDEN.glob("*.vcf"))]
    parts = []
    for round_ in range(40):
        for index, piece in enumerate(golden + odd):
            parts.append(piece.replace(b"@", f"{round_}.{index}@".encode(), 1))
    return b"".join(parts)


def test_pieces_read_alone_give_the_whole_files_cards() -> None:
    data = _mixed_file()
    whole = list(iter_cards(data))
    pieces = list(file_pieces(data, 2000))
    assert len(pieces) > 50
    in_pieces, before = [], 0
    for piece in pieces:
        cards = list(iter_piece(piece))
        for card in cards:
            card.number += before
        before += len(cards)
        in_pieces += cards
    assert in_pieces == whole


@pytest.fixture
def counted_workers(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Workers for any file, in small pieces; the list counts the files read by them."""
    monkeypatch.setattr(parallel_reading, "PIECE_BYTES", 3000)
    calls: list[int] = []
    real = parallel_reading.reading_in_workers

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(parallel_reading, "reading_in_workers", counted)
    return calls


def _plan_as_json(db: Database, data: bytes) -> list[dict]:
    with db.read_session() as session:
        plan = plan_import(session, data, "gross.vcf")
    return [{**card.as_json(), "draft": card.draft, "uid": card.uid,
             "organisation": card.organisation} for card in plan.cards]


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_file_planned_in_workers_is_planned_as_in_one_process(
        db: Database, monkeypatch: pytest.MonkeyPatch, counted_workers: list[int],
        language: str) -> None:
    i18n.set_language(language)  # the workers speak the language of the one who asked
    data = _mixed_file()
    alone = _plan_as_json(db, data)
    assert not counted_workers
    monkeypatch.setattr(parallel_reading, "worker_count", lambda size: 2)
    in_workers = _plan_as_json(db, data)
    assert counted_workers, "the workers were not used"
    assert in_workers == alone
    assert {card["action"] for card in alone} >= {"new", "invalid", "duplicate"}
    assert any(card["warnings"] for card in alone)


def test_cancelling_stops_the_workers(db: Database, monkeypatch: pytest.MonkeyPatch,
                                      counted_workers: list[int]) -> None:
    monkeypatch.setattr(parallel_reading, "worker_count", lambda size: 2)
    asked: list[int] = []

    def progress(done: int, total: int) -> bool:
        asked.append(done)
        return done < 1000

    with db.read_session() as session, pytest.raises(ImportCancelled):
        plan_import(session, _mixed_file() * 3, "gross.vcf", progress=progress)
    assert counted_workers and asked[-1] == 1000
    assert not multiprocessing.active_children()
