"""A batch from start to end: list the inputs, skip those already done (same content, same rule
catalogue), process the rest on the chosen engine, store each result as it arrives (so killing
the run loses only the files in flight), then write the summary."""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..api import Limits, Outcome, Status, Store, catalogue_version
from .engines import Job, engine_for
from .inputs import Item, collect
from .isolation import DEFAULT_LIMITS, WorkerLimits
from .summary import report_name, write_atomic, write_summary


@dataclass
class Tally:
    """Counts a progress display shows while the batch runs."""

    total: int = 0
    done: int = 0  # processed in this run
    skipped: int = 0  # done in an earlier run
    failed: int = 0
    not_disclosure: int = 0
    pages: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def finished(self) -> int:
        return self.done + self.skipped


@dataclass
class BatchResult:
    tally: Tally
    outputs: list[Path]
    outcomes: list[Outcome]  # of the files processed in this run, in the order they finished


def run_batch(paths: list[Path], store: Store, *, out: Path | None = None, workers: int = 1,
              scheduler: str | None = None, limits: WorkerLimits = DEFAULT_LIMITS,
              on_progress: Callable[[Tally, Outcome | None], None] | None = None) -> BatchResult:
    version = catalogue_version()
    work = Path(tempfile.mkdtemp(prefix="yusuan-batch-"))
    tally = Tally()
    outcomes: list[Outcome] = []
    try:
        items = collect(paths, work)
        tally.total = len(items)
        jobs: list[Job] = []
        listed: list[tuple[Item, str]] = []
        for item in items:
            sha256, size = _digest(item)
            listed.append((item, sha256))
            if store.is_done(sha256, version):
                tally.skipped += 1
                continue
            if item.problem or not sha256:
                outcome = Outcome(name=item.name, sha256=sha256 or "0" * 64, size=size, format="zip",
                                  status=Status.FAILED, reason=item.problem or f"{item.name}：无法读取文件",
                                  catalogue_version=version)
                _finish(store, item, outcome, out, tally, outcomes, on_progress)
                continue
            jobs.append(Job(item, sha256, size))
        if on_progress:
            on_progress(tally, None)
        engine = engine_for(workers=workers, scheduler=scheduler, limits=limits)
        for job, outcome in engine.run(jobs):
            outcome.catalogue_version = outcome.catalogue_version or version
            _finish(store, job.item, outcome, out, tally, outcomes, on_progress)
        outputs = write_summary(store, listed, out) if out is not None else []
        return BatchResult(tally, outputs, outcomes)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _digest(item: Item) -> tuple[str, int]:
    try:
        return item.digest()
    except OSError:
        return "", 0


def _finish(store: Store, item: Item, outcome: Outcome, out: Path | None, tally: Tally,
            outcomes: list[Outcome], on_progress: Callable[[Tally, Outcome | None], None] | None) -> None:
    try:  # the stored copy: not of a file over the readers' size limit (it was refused unread)
        content = item.path.read_bytes() if not item.problem and outcome.size <= Limits().max_bytes else b""
    except OSError:
        content = b""
    if out is not None and outcome.html:
        target = out / "reports" / report_name(item.name, outcome.sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, outcome.html.encode("utf-8"))
    outcome.html = None  # written; the store keeps the findings, not the page
    store.save(outcome, content)
    tally.done += 1
    tally.pages += outcome.pages or 0
    tally.failed += outcome.status == Status.FAILED
    tally.not_disclosure += outcome.status == Status.NOT_DISCLOSURE
    outcomes.append(outcome)
    if on_progress:
        on_progress(tally, outcome)
