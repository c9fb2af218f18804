"""Benchmark: PDF throughput of yusuan (read + recognise + audit, one core) beside plain
pdfplumber `extract_tables()` over the same files (../shared/corpus/pdf and more/), in the same run.

Each method runs in a fresh process per repetition so that its peak resident memory (ru_maxrss)
is its own; reported: pages per second (best of 3) and peak memory. The plain baseline only
finds table cells; yusuan also reads the text, joins paragraphs, merges continued tables, builds
the model and audits it. Its reader is PDFium (pdfminer's layout analysis is not run), so it must
stay at least 4× faster than the baseline (the goal: 100 pages/s per core); below that the run fails.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("YUSUAN_CORPUS", REPO.parent / "shared" / "corpus"))
MIN_SPEEDUP = 4.0


def _plain(paths: list[str]) -> int:
    import pdfplumber

    pages = 0
    for path in paths:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_tables()
                pages += 1
                page.close()
    return pages


def _yusuan(paths: list[str]) -> int:
    from yusuan.api import audit_file

    for path in paths:
        audit_file(path)
    return 0


def _child(method: str, paths: list[str], out) -> None:
    start = time.perf_counter()
    pages = {"plain": _plain, "yusuan": _yusuan}[method](paths)
    seconds = time.perf_counter() - start
    out.send((pages, seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


def run(method: str, paths: list[str]) -> tuple[int, float, float]:
    context = mp.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(method, paths, send))
    process.start()
    result = receive.recv()
    process.join()
    return result


def main() -> int:
    paths = [str(p) for folder in ("pdf", "more") for p in sorted((CORPUS / folder).glob("*.pdf"))]
    if not paths:
        print(f"bench skipped: no PDFs under {CORPUS}")
        return 0
    import pypdfium2 as pdfium

    total_pages = sum(len(pdfium.PdfDocument(path)) for path in paths)
    print(f"{len(paths)} PDFs, {total_pages} pages")
    rates = {}
    for method in ("plain", "yusuan"):
        runs = [run(method, paths) for _ in range(3)]
        seconds = min(r[1] for r in runs)
        peak = max(r[2] for r in runs)
        rates[method] = total_pages / seconds
        label = "pdfplumber extract_tables()    " if method == "plain" else "yusuan read + recognise + audit"
        print(f"{label}: {rates[method]:6.1f} pages/s ({seconds:.2f} s best of 3), peak memory {peak:.0f} MiB")
    speedup = rates["yusuan"] / rates["plain"]
    print(f"yusuan is {speedup:.1f}× the plain baseline (at least {MIN_SPEEDUP:.0f}× required)")
    return 0 if speedup >= MIN_SPEEDUP else 1


if __name__ == "__main__":
    sys.exit(main())
