"""One file, one process: the file is read and audited in a process of its own under a memory
limit (RLIMIT_AS) while this side holds the wall clock. A crash, a hang, a limit reached or a
hostile file ends as an Outcome with a Chinese reason — never as an exception in the batch;
nothing a file does (a reader's infinite loop, a native crash, memory it never gives back) can
touch the next one.

Two ways to start that process, one worker (`child.work`) behind both:
* `run_forked` — a child of a forkserver that has yusuan and its readers loaded (`warm`):
  starting costs milliseconds. The local engine's way.
* `run_isolated` — a fresh interpreter (`python -m yusuan.batch.child`): a few tenths of a
  second more, but it works where multiprocessing may not start children (a Dask worker's
  daemonic process) and where there is no forkserver."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

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


def _job(name: str, path: Path, sha256: str, size: int, limits: WorkerLimits) -> dict[str, Any]:
    return {"name": name, "path": str(Path(path).resolve()), "sha256": sha256, "size": size, **limits.to_dict()}


def _failed(name: str, sha256: str, size: int, reason: str) -> Outcome:
    return Outcome(name=name, sha256=sha256, size=size, format=Path(name).suffix.lstrip(".").lower() or "?",
                   status=Status.FAILED, reason=reason)


def _ended(name: str, code: int) -> str:
    """Why a worker process ended without a result, from its exit status."""
    if code < 0:
        try:
            what = FORCED_EXIT.get(signal.Signals(-code), f"被信号 {-code} 终止")
        except ValueError:
            what = f"被信号 {-code} 终止"
        return f"{name}：处理进程{what}"
    return f"{name}：处理进程异常退出（退出码 {code}）"


def run_isolated(name: str, path: Path, sha256: str, size: int, limits: WorkerLimits = DEFAULT_LIMITS) -> Outcome:
    """The file processed in a fresh interpreter."""
    job = json.dumps(_job(name, path, sha256, size, limits), ensure_ascii=False)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONHASHSEED": "0"}
    try:
        done = subprocess.run([sys.executable, "-m", "yusuan.batch.child"], input=job.encode("utf-8"),
                              capture_output=True, timeout=limits.seconds, env=env, check=False)
    except subprocess.TimeoutExpired:
        return _failed(name, sha256, size, f"{name}：处理超时（超过 {limits.seconds:g} 秒），已终止")
    except OSError as error:
        return _failed(name, sha256, size, f"{name}：无法启动处理进程（{error.strerror or error}）")
    if done.returncode == 0:
        try:
            return Outcome.from_dict(json.loads(done.stdout.decode("utf-8")))
        except (ValueError, TypeError, KeyError):
            return _failed(name, sha256, size, f"{name}：处理进程的结果无法读取")
    last = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
    reason = _ended(name, done.returncode)
    return _failed(name, sha256, size, reason + (last[0][:200] if done.returncode > 0 else ""))


@cache
def _forkserver() -> Any:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["yusuan.batch.warm"])
    return context


def forkserver_available() -> bool:
    return "forkserver" in multiprocessing.get_all_start_methods()


def run_forked(name: str, path: Path, sha256: str, size: int, limits: WorkerLimits = DEFAULT_LIMITS) -> Outcome:
    """The file processed in a child of the preloaded forkserver."""
    from .child import forked

    context = _forkserver()
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(target=forked, args=(sending, _job(name, path, sha256, size, limits)), daemon=True)
    try:
        process.start()
    except OSError as error:
        return _failed(name, sha256, size, f"{name}：无法启动处理进程（{error.strerror or error}）")
    sending.close()
    data = None
    try:
        if receiving.poll(limits.seconds):
            data = receiving.recv_bytes()
    except (EOFError, OSError):
        data = None  # the child ended without a result: its exit status says how
    finally:
        receiving.close()
    if data is None and process.is_alive():
        process.kill()
        process.join()
        return _failed(name, sha256, size, f"{name}：处理超时（超过 {limits.seconds:g} 秒），已终止")
    process.join()
    if data is None:
        return _failed(name, sha256, size, _ended(name, process.exitcode or 0))
    try:
        return Outcome.from_dict(json.loads(data.decode("utf-8")))
    except (ValueError, TypeError, KeyError):
        return _failed(name, sha256, size, f"{name}：处理进程的结果无法读取")


def run_here(name: str, path: Path, sha256: str, size: int, limits: WorkerLimits = DEFAULT_LIMITS) -> Outcome:
    """The file processed on this machine: forked from the preloaded forkserver where there is
    one, else in a fresh interpreter."""
    run = run_forked if forkserver_available() else run_isolated
    return run(name, path, sha256, size, limits)
