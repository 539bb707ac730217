"""Results of a worker pool in the order the tasks were given, with few tasks in flight."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator
from multiprocessing.pool import AsyncResult, Pool
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def results_in_order(pool: Pool, function: Callable[[T], R], tasks: Iterator[T],
                     workers: int) -> Iterator[R]:
    """`function(task)` for each task, run by the pool, given back in task order. At most two
    tasks per worker are in flight, so the tasks (pieces of a file, rows of an import) are
    made as they are needed, in the caller's thread, and never all held at once."""
    pending: deque[AsyncResult[R]] = deque()
    while True:
        while len(pending) < workers * 2 and (task := next(tasks, None)) is not None:
            pending.append(pool.apply_async(function, (task,)))
        if not pending:
            return
        yield pending.popleft().get()


def usable_cores() -> int:
    """The cores this process may run on (fewer than the machine's in a container)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") \
        else (os.cpu_count() or 1)
