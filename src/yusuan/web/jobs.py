"""Uploaded files processed in the background, one isolated worker process each (as a batch
does), their results stored; a job's status can be asked for while it runs."""

from __future__ import annotations

import hashlib
import tempfile
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..api import Limits, Status, Store
from ..batch import WorkerLimits, collect
from ..batch.isolation import run_here


@dataclass
class Job:
    id: str
    name: str
    state: str = "queued"  # queued → running → done | failed
    status: str | None = None  # the Outcome's status once done
    reason: str = ""
    document_id: int | None = None
    sha256: str = ""
    events: list[str] = field(default_factory=list)


class Jobs:
    def __init__(self, store: Store, folder: Path, workers: int = 2, limits: WorkerLimits | None = None) -> None:
        self.store = store
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.limits = limits or WorkerLimits()
        self.pool = ThreadPoolExecutor(max(1, workers), thread_name_prefix="yusuan-upload")
        self.jobs: dict[str, Job] = {}
        self.lock = threading.Lock()

    def submit(self, name: str, data: bytes) -> Job:
        job = Job(id=uuid.uuid4().hex, name=name, sha256=hashlib.sha256(data).hexdigest())
        path = self.folder / f"{job.id}.upload"
        path.write_bytes(data)
        with self.lock:
            self.jobs[job.id] = job
        self.pool.submit(self._run, job, path, data)
        return job

    def submit_all(self, name: str, data: bytes) -> list[Job]:
        """One job per file: a zip archive is unpacked (under the batch's limits) into a job per
        member; a member that cannot be unpacked is a failed job saying why."""
        if not name.lower().endswith(".zip"):
            return [self.submit(name, data)]
        with tempfile.TemporaryDirectory(dir=self.folder) as work:
            archive = Path(work) / "upload.zip"
            archive.write_bytes(data)
            found = []
            for item in collect([archive], Path(work)):
                member = name + item.name.removeprefix("upload.zip")
                if item.problem:
                    job = Job(id=uuid.uuid4().hex, name=member, state="failed",
                              reason=item.problem.replace("upload.zip", name))
                    with self.lock:
                        self.jobs[job.id] = job
                    found.append(job)
                else:
                    found.append(self.submit(member, item.path.read_bytes()))
            return found

    def get(self, job_id: str) -> Job | None:
        with self.lock:
            return self.jobs.get(job_id)

    def _run(self, job: Job, path: Path, data: bytes) -> None:
        job.state = "running"
        try:
            outcome = run_here(job.name, path, job.sha256, len(data), self.limits)
            content = data if len(data) <= Limits().max_bytes else b""
            self.store.save(outcome, content)
            job.status = outcome.status.value
            job.reason = outcome.reason
            found = self.store.listing(sha256s=[job.sha256], per_page=1)
            job.document_id = found[0].document_id if found else None
            job.state = "failed" if outcome.status == Status.FAILED else "done"
        except Exception as error:  # noqa: BLE001 — a job's failure is reported on the job
            job.state, job.reason = "failed", f"{job.name}：处理失败（{type(error).__name__}）"
        finally:
            path.unlink(missing_ok=True)

    def close(self) -> None:
        self.pool.shutdown(wait=True)
