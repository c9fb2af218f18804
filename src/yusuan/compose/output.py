"""Write a composed document in the requested formats — all of them or none.

Files are rendered into a hidden staging folder inside the output folder and moved into place
only when every format succeeded, so an error (a missing PDF engine, a full disk) never leaves
a partial set that looks like a result.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from .document import ComposedDocument
from .render.docx import render_docx
from .render.html import render_html
from .render.pdf import PdfEngineMissing, render_pdf
from .render.xlsx import render_xlsx

RENDERERS: dict[str, Callable[[ComposedDocument, Path], None]] = {
    "docx": render_docx, "xlsx": render_xlsx, "html": render_html, "pdf": render_pdf,
}
FORMATS = tuple(RENDERERS)


def write(doc: ComposedDocument, out: Path, formats: list[str],
          step: Callable[[str], None] | None = None) -> list[Path]:
    """Render `doc` as each format into `out`; returns the written paths. `step(format)` is called
    after each format (for a progress display)."""
    unknown = [f for f in formats if f not in RENDERERS]
    if unknown:
        raise ValueError(f"不支持的输出格式：{'、'.join(unknown)}（可选：{'、'.join(FORMATS)}）")
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".yusuan-compose-", dir=out))
    # the PDF first: printing it finds each 目录 line's page, which the DOCX's 目录 shows too
    ordered = sorted(formats, key=lambda f: f != "pdf")
    try:
        staged = []
        if "docx" in formats and "pdf" not in formats and not doc.pages:
            _find_pages(doc, staging)
        for fmt in ordered:
            path = staging / f"{doc.stem}.{fmt}"
            RENDERERS[fmt](doc, path)
            staged.append(path)
            if step:
                step(fmt)
        written = []
        staged.sort(key=lambda p: formats.index(p.suffix[1:]))
        for path in staged:
            target = out / path.name
            path.replace(target)
            written.append(target)
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _find_pages(doc: ComposedDocument, staging: Path) -> None:
    """Print the PDF only to learn the 目录's page numbers for a DOCX written alone; without a
    PDF engine the DOCX's 目录 lists its lines without numbers (Word's 更新域 fills them)."""
    try:
        render_pdf(doc, staging / "pages.pdf")
    except PdfEngineMissing:
        return
    (staging / "pages.pdf").unlink(missing_ok=True)
