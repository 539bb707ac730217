"""Bulk INSERTs run by a thread of their own while the caller prepares the next rows.

SQLite lets go of Python's lock while it works, so an import's B-tree work (about half of
writing 100,000 persons) can run beside the Python work that builds the next rows and search
documents. Within `pipelined_inserts(connection)`, `bulk_insert.insert_tuples` hands its
statements to the thread, in order; any other statement on the connection first waits until
they are all done (a listener on the engine), so everything happens in the order written and
reads see every row. The connection is never used by both threads at once.

A statement that fails in the thread is run again in the caller's thread when it next waits,
through SQLAlchemy as any statement, with those queued after it: the failure is reported as
any other would be (a failed statement changes nothing in SQLite, so running it again is
safe), and nothing queued is lost if it succeeds the second time.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, event

_KEY = "defence_dir.insert_pipeline"
_QUEUED = 64  # statements waiting at most (each up to a thousand rows): bounded memory


class _Pipeline:
    def __init__(self, driver: Any) -> None:
        self.driver = driver
        self.statements: queue.Queue[tuple[str, tuple[Any, ...]] | None] = queue.Queue(_QUEUED)
        self.failed: list[tuple[str, tuple[Any, ...]]] = []  # the failed one and those after it
        self.thread = threading.Thread(target=self._run, name="bulk inserts", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while True:
            item = self.statements.get()
            try:
                if item is None:
                    return
                if self.failed:
                    self.failed.append(item)
                    continue
                try:
                    self.driver.execute(item[0], item[1]).close()
                except Exception:  # run again, and so reported, by the caller's thread
                    self.failed.append(item)
            finally:
                self.statements.task_done()

    def submit(self, sql: str, parameters: tuple[Any, ...]) -> None:
        self.statements.put((sql, parameters))

    def wait(self, connection: Connection) -> None:
        """Until every statement handed over is done; a failure is raised here."""
        self.statements.join()
        if self.failed:
            again, self.failed = self.failed, []
            for sql, parameters in again:
                connection.exec_driver_sql(sql, parameters)

    def stop(self) -> None:
        self.statements.put(None)
        self.thread.join()


def pipeline_of(connection: Connection) -> _Pipeline | None:
    pipeline = connection.info.get(_KEY)
    return pipeline if isinstance(pipeline, _Pipeline) else None


@contextmanager
def pipelined_inserts(connection: Connection) -> Iterator[None]:
    """Within the block, bulk INSERTs on this SQLite connection run in a thread of their own
    (see the module). When the block ends they are all done, or their failure raised."""
    if connection.dialect.name != "sqlite" or pipeline_of(connection) is not None:
        yield
        return
    pipeline = _Pipeline(connection.connection.driver_connection)
    connection.info[_KEY] = pipeline
    try:
        yield
        connection.info.pop(_KEY, None)
        pipeline.wait(connection)
    finally:
        connection.info.pop(_KEY, None)
        pipeline.statements.join()  # the connection is the caller's alone again
        pipeline.stop()


def wait_before_other_statements(engine: Engine) -> None:
    """Install on an engine: a statement outside the pipeline waits for it first."""

    @event.listens_for(engine, "before_cursor_execute")
    def _wait(connection: Connection, *_args: Any) -> None:
        pipeline = connection.info.get(_KEY)
        if pipeline is not None:
            # Taken off while it reruns a failed statement through this same connection.
            connection.info.pop(_KEY)
            try:
                pipeline.wait(connection)
            finally:
                connection.info[_KEY] = pipeline
