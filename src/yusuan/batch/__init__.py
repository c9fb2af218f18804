"""Batch runs: every file under the given folders and zip archives read and audited in a worker
process of its own (a time and a memory limit each), the results stored as they arrive, and a
summary written at the end. The same job runs on this machine's cores or on a Dask cluster.

An interface like the CLI: the work on each file is `api.process_file`; this package only finds
the files, isolates and schedules them, and reports."""

from .inputs import Item, collect
from .isolation import WorkerLimits, run_isolated
from .runner import BatchResult, run_batch

__all__ = ["BatchResult", "Item", "WorkerLimits", "collect", "run_batch", "run_isolated"]
