"""Where the files of a batch are processed: this machine's cores (a thread per worker, each
waiting on its file's own process) or a Dask cluster (`--scheduler tcp://…`; the workers need
only yusuan installed: each task carries its file's bytes). Both yield (job, outcome) pairs as
files finish, and both run the same isolated worker, so their results are identical."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, Protocol

from ..api import Outcome, Status
from .inputs import Item
from .isolation import WorkerLimits, run_here, run_isolated


@dataclass
class Job:
    item: Item
    sha256: str
    size: int


class Engine(Protocol):
    def run(self, jobs: list[Job]) -> Iterator[tuple[Job, Outcome]]: ...


class LocalEngine:
    """A thread per worker, each waiting on its file's process (forked from the preloaded
    forkserver where there is one)."""

    def __init__(self, workers: int, limits: WorkerLimits) -> None:
        self.workers = max(1, workers)
        self.limits = limits

    def run(self, jobs: list[Job]) -> Iterator[tuple[Job, Outcome]]:
        if not jobs:
            return
        with ThreadPoolExecutor(self.workers, thread_name_prefix="yusuan-batch") as pool:
            futures = {pool.submit(run_here, job.item.name, job.item.path, job.sha256, job.size, self.limits): job
                       for job in jobs}
            for future in as_completed(futures):
                yield futures[future], future.result()


def process_bytes(name: str, data: bytes, sha256: str, size: int, limits: dict[str, Any]) -> dict[str, Any]:
    """A Dask task: the file's bytes to a temporary file on the worker, then the isolated worker."""
    with tempfile.TemporaryDirectory(prefix="yusuan-task-") as folder:
        path = Path(folder) / "input"
        path.write_bytes(data)
        return run_isolated(name, path, sha256, size, WorkerLimits(**limits)).to_dict()


class DaskEngine:
    """Submits a bounded window of files at a time (a few per worker thread), so that a batch of
    thousands never holds every file's bytes at once."""

    def __init__(self, scheduler: str, limits: WorkerLimits) -> None:
        self.scheduler = scheduler
        self.limits = limits

    def run(self, jobs: list[Job]) -> Iterator[tuple[Job, Outcome]]:
        from distributed import Client
        from distributed import as_completed as dask_completed

        if not jobs:
            return
        with Client(self.scheduler, timeout="30s") as client:
            threads = sum(client.nthreads().values()) or 1
            pending = iter(jobs)
            futures: dict[Any, Job] = {}
            finished = dask_completed()

            def submit(job: Job) -> None:
                future = client.submit(process_bytes, job.item.name, job.item.path.read_bytes(), job.sha256,
                                       job.size, self.limits.to_dict(), pure=False)
                futures[future] = job
                finished.add(future)

            for job in islice(pending, max(4, 3 * threads)):
                submit(job)
            for future in finished:
                job = futures.pop(future)
                try:
                    outcome = Outcome.from_dict(future.result())
                except Exception as error:  # noqa: BLE001 — a lost worker is this file's failure row
                    outcome = Outcome(name=job.item.name, sha256=job.sha256, size=job.size, format="?",
                                      status=Status.FAILED, reason=f"{job.item.name}：集群处理失败（{type(error).__name__}）")
                future.release()
                yield job, outcome
                following = next(pending, None)
                if following is not None:
                    submit(following)


def engine_for(workers: int, scheduler: str | None, limits: WorkerLimits) -> Engine:
    return DaskEngine(scheduler, limits) if scheduler else LocalEngine(workers, limits)
