"""One file, one process: `python -m yusuan.batch.child` reads and audits it under a memory
limit (RLIMIT_AS) while this side holds the wall clock. A crash, a hang, a limit reached or a
hostile file ends as an Outcome with a Chinese reason — never as an exception in the batch.

A fresh interpreter per file costs a few tenths of a second; in exchange nothing a file does
(a reader's infinite loop, a native crash, memory it never gives back) can touch the next one,
and the same call works inside a Dask worker, whose daemonic processes may not fork children
of their own through multiprocessing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ..api import Outcome, Status

FORCED_EXIT = {signal.SIGKILL: "被强制终止（多为内存超过上限）", signal.SIGSEGV: "发生段错误",
               signal.SIGABRT: "异常中止（多为内存不足）", signal.SIGBUS: "总线错误"}


@dataclass(frozen=True)
class WorkerLimits:
    seconds: float = 180.0  # wall clock for the whole file (the readers stop themselves at 120 s)
    memory: int = 3 << 30  # bytes of address space

    def to_dict(self) -> dict[str, float | int]:
        return {"seconds": self.seconds, "memory": self.memory}


DEFAULT_LIMITS = WorkerLimits()


def run_isolated(name: str, path: Path, sha256: str, size: int, limits: WorkerLimits = DEFAULT_LIMITS) -> Outcome:
    job = json.dumps({"name": name, "path": str(Path(path).resolve()), "sha256": sha256, "size": size,
                      **limits.to_dict()}, ensure_ascii=False)

    def failed(reason: str) -> Outcome:
        return Outcome(name=name, sha256=sha256, size=size, format=Path(name).suffix.lstrip(".").lower() or "?",
                       status=Status.FAILED, reason=reason)

    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONHASHSEED": "0"}
    try:
        done = subprocess.run([sys.executable, "-m", "yusuan.batch.child"], input=job.encode("utf-8"),
                              capture_output=True, timeout=limits.seconds, env=env, check=False)
    except subprocess.TimeoutExpired:
        return failed(f"{name}：处理超时（超过 {limits.seconds:g} 秒），已终止")
    except OSError as error:
        return failed(f"{name}：无法启动处理进程（{error.strerror or error}）")
    if done.returncode == 0:
        try:
            return Outcome.from_dict(json.loads(done.stdout.decode("utf-8")))
        except (ValueError, TypeError, KeyError):
            return failed(f"{name}：处理进程的结果无法读取")
    if done.returncode < 0:
        number = -done.returncode
        what = FORCED_EXIT.get(signal.Signals(number), f"被信号 {number} 终止") if number in signal.Signals._value2member_map_ \
            else f"被信号 {number} 终止"
        return failed(f"{name}：处理进程{what}")
    last = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
    return failed(f"{name}：处理进程异常退出（退出码 {done.returncode}）{last[0][:200]}")
