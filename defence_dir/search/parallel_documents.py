"""Building person documents in worker processes, for the full index build of a large file
and for the persons of a large import.

Document building is Python work (folding, phonetics) and would take most of a minute for a
million persons on one core; SQLite's part runs meanwhile in the main process. For a full
build, workers read the committed person tables through their own connection (SQLite files
only); an import's persons are not committed yet, so their rows are read here and sent.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterator, Sequence
from multiprocessing.pool import AsyncResult

from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session

from defence_dir.search.documents import (
    Document,
    PersonRows,
    documents_of_rows,
    person_documents,
)

# Below this many persons the workers' start-up costs more than they save (an import's
# rows come ready, so fewer of them pay off).
MIN_PERSONS = 50_000
MIN_NEW_PERSONS = 20_000
_engine: Engine | None = None


def worker_count(persons: int, minimum: int = MIN_PERSONS) -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") \
        else (os.cpu_count() or 1)
    # The main process mostly waits on SQLite meanwhile, so every core gets a worker.
    return 0 if persons < minimum or cores < 2 else min(cores, 4)


def _start_worker(url: str) -> None:
    global _engine
    _engine = create_engine(url, hide_parameters=True)  # errors never quote personal data


def _documents(id_range: tuple[int, int]) -> list[Document]:
    assert _engine is not None
    with Session(_engine) as session:
        return person_documents(session, id_range=id_range)


def documents_in_workers(url: str, ranges: Sequence[tuple[int, int]],
                         workers: int) -> Iterator[list[Document]]:
    """Documents per id range, in order, built by `workers` processes."""
    context = multiprocessing.get_context("spawn")  # no inherited connections or Qt state
    with context.Pool(workers, initializer=_start_worker, initargs=(url,)) as pool:
        yield from pool.imap(_documents, ranges)


def documents_of_rows_in_workers(batches: Iterator[PersonRows],
                                 workers: int) -> Iterator[list[Document]]:
    """The documents of each batch of rows, in order, built by `workers` processes while
    this one reads the next batches (two per worker in flight, so an import's rows are not
    all held at once). The batches are read in the caller's thread, between its writes."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers) as pool:
        pending: deque[AsyncResult[list[Document]]] = deque()
        while True:
            while len(pending) < workers * 2 and (batch := next(batches, None)) is not None:
                pending.append(pool.apply_async(documents_of_rows, (batch,)))
            if not pending:
                return
            yield pending.popleft().get()
