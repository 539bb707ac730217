"""Reading a large vCard file in worker processes, while this process matches the cards.

Reading and checking the cards (decoding, names, phone numbers through phonenumbers) is Python
work and was most of the planning of 100,000 cards on one core; it needs nothing of the
directory but its topics and the numbers it holds, so pieces of the file (cut between cards)
are read in other processes and come back in file order.
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.queues
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from multiprocessing.pool import Pool

from defence_dir import i18n
from defence_dir.process_pool import results_in_order, usable_cores
from defence_dir.vcard.card_reading import ReadCard, read_card
from defence_dir.vcard.reader import FilePiece, file_pieces, iter_piece

# Below this size the workers' start-up (about 0.7 s each) costs more than they save.
MIN_BYTES = 8 * 1024 * 1024
PIECE_BYTES = 1024 * 1024  # about 2,500 cards: small enough to keep every worker busy
_state: dict[str, Mapping[str, object]] = {}


def worker_count(size: int) -> int:
    cores = usable_cores()
    return 0 if size < MIN_BYTES or cores < 2 else min(cores, 4)


def _start_worker(language: str, topics: dict[str, int],
                  phones: multiprocessing.queues.Queue[dict[str, str]]) -> None:
    # A worker lives for one file and builds only lasting objects: nothing for the cyclic
    # collector to find.
    gc.disable()
    i18n.set_language(language)
    # The directory's numbers come once it is loaded (each worker takes one copy): as an
    # argument they would keep the caller waiting until every worker had started.
    _state.update(topics=topics, phones=phones.get())


def _read_piece(piece: FilePiece) -> list[ReadCard]:
    topics, phones = _state["topics"], _state["phones"]
    return [read_card(card, topics, phones) for card in iter_piece(piece)]  # type: ignore[arg-type]


Reading = Callable[[Mapping[str, str]], Iterator[ReadCard]]


@contextmanager
def reading_in_workers(data: bytes, topics: dict[str, int], workers: int) -> Iterator[Reading]:
    """Start `workers` processes for this file now (they get ready while the caller loads the
    directory); gives `read(known phones)`, the file's cards read and checked by them, in file
    order, numbered in the file. The workers stop when the block ends."""
    context = multiprocessing.get_context("spawn")  # no inherited connections or Qt state
    phones: multiprocessing.queues.Queue[dict[str, str]] = context.Queue()
    try:
        with context.Pool(workers, initializer=_start_worker,
                          initargs=(i18n.current_language(), topics, phones)) as pool:
            def read(known_phones: Mapping[str, str]) -> Iterator[ReadCard]:
                for _ in range(workers):
                    phones.put(dict(known_phones))
                return _in_order(pool, file_pieces(data, PIECE_BYTES), workers)

            yield read
    finally:
        phones.cancel_join_thread()  # a worker stopped early leaves its copy unread
        phones.close()


def _in_order(pool: Pool, pieces: Iterator[FilePiece], workers: int) -> Iterator[ReadCard]:
    """The cards of the pieces, numbered in the file."""
    before = 0
    for cards in results_in_order(pool, _read_piece, pieces, workers):
        for card in cards:
            card.number += before
            yield card
        before += len(cards)
