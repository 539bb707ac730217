"""Building person documents in worker processes, for the full index build of a large file.

Document building is Python work (folding, phonetics) and would take most of a minute for a
million persons on one core; SQLite's part runs meanwhile in the main process. Workers read the
committed person tables through their own connection, so this is used for SQLite files only.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence

from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session

from defence_dir.search.documents import Document, person_documents

# Below this many persons the workers' start-up costs more than they save.
MIN_PERSONS = 50_000
_engine: Engine | None = None


def worker_count(persons: int) -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") \
        else (os.cpu_count() or 1)
    # One core stays with the main process, which inserts and indexes meanwhile.
    return 0 if persons < MIN_PERSONS or cores < 2 else min(cores, 4)


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
