"""Benchmark: scanned PDFs read by OCR. Shared PDFs are turned into 150 dpi page images (no text
layer) — cq-swu-2021 whole, and the table pages of a Shanghai budget — and read on one core:
seconds per scanned page, the share of the original's key figures found, and errors the original
does not have. Targets: under 10 s a page and no such error (otherwise the run fails)."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("YUSUAN_CORPUS", REPO.parent / "shared" / "corpus"))
sys.path.insert(0, str(REPO / "tests"))
CASES = [(CORPUS / "more" / "cq-swu-2021-dept-budget.pdf", None),
         (CORPUS / "pdf" / "上海市普陀区商务委员会2025年部门预算.pdf", set(range(9, 18)))]
LIMIT = 10.0  # seconds per scanned page


def main() -> int:
    import pypdfium2 as pdfium

    from pdf_fixture import scanned
    from yusuan.api import parse_file
    from yusuan.audit import audit
    from yusuan.readers import ocr

    if not ocr.available():
        print("bench skipped: the OCR extra is not installed (pip install yusuan[ocr])")
        return 0
    failed = False
    with tempfile.TemporaryDirectory() as work:
        for path, pages in CASES:
            if not path.exists():
                print(f"bench skipped: {path} not found")
                continue
            pages = pages or set(range(1, len(pdfium.PdfDocument(path)) + 1))
            copy = scanned(path, Path(work) / f"scan-{path.name}", pages)
            original = parse_file(path)
            started = time.perf_counter()
            read = parse_file(copy)
            per_page = (time.perf_counter() - started) / len(pages)
            expected = {k: f.value for k, f in original.figures.items()}
            found = sum(1 for k, v in expected.items() if k in read.figures and read.figures[k].value == v)
            errors = {(f.rule, f.message) for f in audit(original).findings if f.severity == "error"}
            new = [f for f in audit(read).findings if f.severity == "error" and (f.rule, f.message) not in errors]
            print(f"{path.name}: {len(pages)} scanned pages, {per_page:.1f} s a page (limit {LIMIT:.0f}), "
                  f"key figures {found}/{len(expected)} ({100 * found / max(len(expected), 1):.0f}%), "
                  f"errors the original does not have: {len(new)}")
            failed |= per_page >= LIMIT or bool(new)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
