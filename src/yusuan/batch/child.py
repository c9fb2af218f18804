"""The worker side of `isolation.run_isolated`: one job (JSON on stdin), one Outcome (JSON on
stdout). Runs in a fresh interpreter: sets its memory limit first, keeps stdout for the result
alone (anything a library prints goes to stderr), and turns every failure into an Outcome."""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
import traceback
from pathlib import Path


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


def main() -> int:
    job = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    _limit_memory(int(job["memory"]))
    result = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # a library printing to stdout cannot corrupt the result
    sys.stdout = sys.stderr
    name, sha256, size = job["name"], job["sha256"], int(job["size"])
    try:
        from yusuan.api import Outcome, Status, process_file

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
    json.dump(outcome.to_dict(), result, ensure_ascii=False)
    result.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
