"""Building person documents in worker processes, for a full index build or a large import.

Document building is Python work (folding, phonetics) and would take most of a minute for a
million persons on one core. The rows are read here, in the caller's transaction (an import's
persons are not committed yet, and a rebuild inside an import must see them), and sent to the
workers; SQLite's part (reading, inserting, indexing) runs here meanwhile.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator

from defence_dir.process_pool import results_in_order, usable_cores
from defence_dir.search.documents import Document, PersonRows, documents_of_rows

# Below this many persons the workers' start-up (about 0.7 s) costs more than they save.
MIN_PERSONS = 20_000


def worker_count(persons: int) -> int:
    cores = usable_cores()
    # The main process mostly waits on SQLite meanwhile, so every core gets a worker.
    return 0 if persons < MIN_PERSONS or cores < 2 else min(cores, 4)


def documents_of_rows_in_workers(batches: Iterator[PersonRows],
                                 workers: int) -> Iterator[list[Document]]:
    """The documents of each batch of rows, in order, built by `workers` processes while
    this one reads the next batches (two per worker in flight, so an import's rows are not
    all held at once). The batches are read in the caller's thread, between its writes."""
    context = multiprocessing.get_context("spawn")  # no inherited connections or Qt state
    with context.Pool(workers) as pool:
        yield from results_in_order(pool, documents_of_rows, batches, workers)
