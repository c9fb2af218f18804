"""Benchmark: how long `yusuan --version` and `yusuan --help` take to answer (a fresh process
each, median of 7). The CLI loads the readers, recogniser and audit only when a command needs
them, so both must answer in under 0.2 s; above that the run fails."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

LIMIT = 0.2  # seconds
YUSUAN = Path(sys.executable).with_name("yusuan")


def median_seconds(*args: str) -> float:
    runs = []
    for _ in range(7):
        started = time.perf_counter()
        subprocess.run([str(YUSUAN), *args], check=True, capture_output=True)
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def main() -> int:
    worst = 0.0
    for args in (["--version"], ["--help"]):
        seconds = median_seconds(*args)
        worst = max(worst, seconds)
        print(f"yusuan {' '.join(args)}: {seconds * 1000:.0f} ms (median of 7; limit {LIMIT * 1000:.0f} ms)")
    return 0 if worst < LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
