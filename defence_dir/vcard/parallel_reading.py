"""Reading a large vCard file in worker processes, while this process matches the cards.

Reading and checking the cards (decoding, names, phone numbers through phonenumbers) is Python
work and was most of the planning of 100,000 cards on one core; it needs nothing of the
directory but its topics and the numbers it holds, so pieces of the file (cut between cards)
are read in other processes and come back in file order.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Iterator, Mapping
from multiprocessing.pool import AsyncResult

from defence_dir import i18n
from defence_dir.vcard.card_reading import ReadCard, read_card
from defence_dir.vcard.reader import FilePiece, file_pieces, iter_piece

# Below this size the workers' start-up (about 0.7 s each) costs more than they save.
MIN_BYTES = 8 * 1024 * 1024
PIECE_BYTES = 1024 * 1024  # about 2,500 cards: small enough to keep every worker busy
_state: dict[str, Mapping[str, object]] = {}


def worker_count(size: int) -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") \
        else (os.cpu_count() or 1)
    return 0 if size < MIN_BYTES or cores < 2 else min(cores, 4)


def _start_worker(language: str, topics: dict[str, int], phones: dict[str, str]) -> None:
    # A worker lives for one file and builds only lasting objects: nothing for the cyclic
    # collector to find.
    gc.disable()
    i18n.set_language(language)
    _state.update(topics=topics, phones=phones)


def _read_piece(piece: FilePiece) -> list[ReadCard]:
    topics, phones = _state["topics"], _state["phones"]
    return [read_card(card, topics, phones) for card in iter_piece(piece)]  # type: ignore[arg-type]


def read_in_workers(data: bytes, topics: dict[str, int], known_phones: Mapping[str, str],
                    workers: int) -> Iterator[ReadCard]:
    """The file's cards read and checked by `workers` processes, in file order, numbered in
    the file. At most two pieces per worker are in flight, so the file is not copied whole
    into the queue. Closing the iterator stops the workers."""
    context = multiprocessing.get_context("spawn")  # no inherited connections or Qt state
    pieces = file_pieces(data, PIECE_BYTES)
    with context.Pool(workers, initializer=_start_worker,
                      initargs=(i18n.current_language(), topics, dict(known_phones))) as pool:
        pending: deque[AsyncResult[list[ReadCard]]] = deque()
        before = 0
        while True:
            while len(pending) < workers * 2 and (piece := next(pieces, None)) is not None:
                pending.append(pool.apply_async(_read_piece, (piece,)))
            if not pending:
                return
            cards = pending.popleft().get()
            for card in cards:
                card.number += before
                yield card
            before += len(cards)
