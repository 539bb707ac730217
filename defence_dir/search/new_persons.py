"""Search documents for persons an import creates, built while the import writes.

The documents' places in the index follow from the names and ids alone, so they are found
before the first person is written; each batch of persons is then read back as soon as it is
written, its documents built by worker processes while the import writes the next batch, and
inserted when they come back. Built after the last person was written, as before, the
documents of 100,000 new vCards kept the import waiting about two seconds.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from multiprocessing.pool import AsyncResult, Pool

from sqlalchemy.orm import Session

from defence_dir.search import indexer, parallel_documents
from defence_dir.search.documents import (
    Document,
    PersonRows,
    document_sort_key,
    documents_of_rows,
)

# (id, given name, middle name, family name) of a person about to be written
NewName = tuple[int, str | None, str | None, str | None]
BATCH = 5000  # persons read back and built at a time (as many as an import writes at once)


class NewPersonsIndex:
    """Say `written(ids)` after each batch of the announced persons is in the database."""

    def __init__(self, session: Session, names: Sequence[NewName], pool: Pool | None,
                 workers: int) -> None:
        self.session, self.pool, self.workers = session, pool, workers
        self.pending: deque[AsyncResult[list[Document]]] = deque()
        self.ids = [pid for pid, *_names in names]
        # Few persons: placed one by one at the end, as any edit is. No gap left somewhere
        # (positions None): the whole index is renumbered once at the end.
        self.positions: dict[str, int] | None = None
        self.rebuild = len(names) <= indexer.BULK_PLACEMENT
        self.names: Sequence[NewName] | None = names  # until they are placed

    def _place(self) -> None:
        """The places of all announced persons, found when the first batch is written: the
        keys are made while the insert pipeline writes it (the places need the index)."""
        assert self.names is not None
        keys = [document_sort_key("person", pid, family or given, given if family else None,
                                  middle) for pid, given, middle, family in self.names]
        self.names = None
        self.positions = indexer.positions_in_bulk(self.session, keys)
        self.rebuild = self.positions is None

    def written(self, ids: Sequence[int], rows: PersonRows) -> None:
        """These persons (of the announced ones) are written: their documents are built (by
        the workers, if any) and inserted, a batch or two behind. `rows`: what `person_rows`
        would read for them, from what the writer wrote (reading back would wait for it)."""
        if not self.rebuild and self.names is not None:
            self._place()
        if self.rebuild or not ids:
            return
        if self.pool is None:
            self._insert(documents_of_rows(rows))
            return
        self.pending.append(self.pool.apply_async(documents_of_rows, (rows,)))
        # Two batches per worker in flight at most: documents are not all held at once.
        while self.pending and (self.pending[0].ready() or
                                len(self.pending) > 2 * self.workers):
            self._insert(self.pending.popleft().get())

    def finish(self) -> None:
        if not self.rebuild and self.names is not None:
            self._place()
        while self.pending:
            self._insert(self.pending.popleft().get())
        if self.positions is None:
            if len(self.ids) <= indexer.BULK_PLACEMENT:
                indexer.reindex_persons(self.session, self.ids)
            else:
                indexer.reindex_all(self.session)
            return
        indexer.bump_generation(self.session)

    def _insert(self, documents: list[Document]) -> None:
        assert self.positions is not None
        positions = self.positions
        indexer.insert_documents(self.session, documents, {
            (d["kind"], d["entity_id"]): positions[d["sort_key"]] for d in documents})


@contextmanager
def indexing_new_persons(session: Session, names: Sequence[NewName]) -> Iterator[NewPersonsIndex]:
    """For an import about to write these persons (ids given): index them as they are
    written; when the block ends without an exception, the rest is indexed."""
    workers = parallel_documents.worker_count(len(names))
    with ExitStack() as stack:
        pool = None
        if workers and len(names) > indexer.BULK_PLACEMENT:
            # Started first: the workers get ready while the places are found.
            context = multiprocessing.get_context("spawn")  # no inherited connections
            pool = stack.enter_context(context.Pool(workers))
        index = NewPersonsIndex(session, names, pool, workers)
        yield index
        index.finish()

