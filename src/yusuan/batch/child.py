"""The worker side of the isolation: one job in, one Outcome out, in a process of its own. It
sets its memory limit first, keeps stdout free of anything a library prints, reads the file
through a link named like the file, and turns every failure into an Outcome.

Two ways in: `python -m yusuan.batch.child` (JSON job on stdin, JSON Outcome on stdout — a fresh
interpreter, what a Dask task starts) and `forked(connection, job)` (a child of the forkserver,
which has yusuan and its readers loaded already — what the local engine starts)."""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Any


def _limit_memory(limit: int) -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        pass  # no such limit on this platform: the wall clock still holds


def disk_name(name: str) -> str:
    """The name's path as a relative path the file system accepts: every component cut to 80
    characters, nothing that climbs out (..) or is empty, no NUL or control characters."""
    parts = []
    for part in re.split(r"[\\/]+", name):
        part = re.sub(r"[\x00-\x1f\x7f]", "_", part).strip()
        if part in ("", ".", ".."):
            continue
        parts.append(part[:80] if len(part.encode("utf-8", "surrogateescape")) <= 240 else part[:60])
    return "/".join(parts) or "file"


def work(job: dict[str, Any]) -> dict[str, Any]:
    """Process one job; the Outcome as a dict. Never raises for the file's sake."""
    _limit_memory(int(job["memory"]))
    name, sha256, size = job["name"], job["sha256"], int(job["size"])
    from yusuan.api import Outcome, Status, process_file

    try:
        with tempfile.TemporaryDirectory(prefix="yusuan-") as folder:
            # read through a link named like the file, so that every location names the file as
            # the user knows it (the same on every machine of a cluster)
            relative = disk_name(name)
            link = Path(folder) / relative
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(job["path"])
            os.chdir(folder)
            outcome = process_file(relative, name, sha256, size)
    except MemoryError:
        outcome = Outcome(name=name, sha256=sha256, size=size, format="?", status=Status.FAILED,
                          reason=f"{name}：处理时内存超过上限（{int(job['memory']) >> 20} MB），已停止")
    except Exception as error:  # noqa: BLE001 — any failure of one file is that file's failure row
        traceback.print_exc()
        outcome = Outcome(name=name, sha256=sha256, size=size, format="?", status=Status.FAILED,
                          reason=f"{name}：处理时出现内部错误（{type(error).__name__}：{str(error)[:160]}）")
    return outcome.to_dict()


def _quiet_stdout() -> None:
    """Point file descriptor 1 at stderr: a library printing cannot corrupt a result or a
    progress bar."""
    sys.stdout.flush()
    os.dup2(2, 1)
    sys.stdout = sys.stderr


def forked(connection: Any, job: dict[str, Any]) -> None:
    _quiet_stdout()
    try:
        connection.send_bytes(json.dumps(work(job), ensure_ascii=False).encode("utf-8"))
    finally:
        connection.close()


def main() -> int:
    job = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    result = os.fdopen(os.dup(1), "w", encoding="utf-8")
    _quiet_stdout()
    json.dump(work(job), result, ensure_ascii=False)
    result.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
