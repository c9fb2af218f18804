"""PDF: the HTML rendering printed by Debian's chromium, driven by Playwright.

Chromium lays out CJK text and long tables (header rows repeated on each page) better than any
pure-Python engine we could ship, and it is a maintained, licence-clean engine already used for
the web UI tests. It is found at YUSUAN_CHROMIUM, else /usr/bin/chromium (installed with
fonts-noto-cjk by scripts/setup-system.sh); Playwright never downloads a browser here.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from ..document import ComposedDocument
from .html import html_text

_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class PdfEngineMissing(RuntimeError):
    """Chromium is not installed; the message says how to install it."""


def chromium_path() -> str:
    candidate = os.environ.get("YUSUAN_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(candidate).exists():
        raise PdfEngineMissing("未找到 chromium，无法生成 PDF。请运行 scripts/setup-system.sh"
                               "（安装 Debian 的 chromium 与 fonts-noto-cjk），或设置 YUSUAN_CHROMIUM")
    return candidate


def render_pdf(doc: ComposedDocument, path: Path) -> None:
    render_pdfs([(doc, path)])


def render_pdfs(jobs: list[tuple[ComposedDocument, Path]]) -> None:
    """Print several composed documents with one browser start (about a second saved per document).

    Each is printed twice: the first print tells on which page every 目录 line's heading landed,
    the second prints those numbers (the 目录's lines keep their length, so nothing moves). The
    pages found are kept on the document (`doc.pages`) for the DOCX's table of contents."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=_FLAGS)
        try:
            page = browser.new_page()
            for doc, path in jobs:
                pages: dict[str, int] = {}
                for _ in range(2):
                    page.set_content(html_text(doc, pages), wait_until="load")
                    # page numbers "— N —" from page 2 come from the template's @page margin boxes
                    page.pdf(path=str(path), format="A4", print_background=True, prefer_css_page_size=True)
                    pages = heading_pages(path.read_bytes(), doc)
                doc.pages = pages
        finally:
            browser.close()


def heading_pages(data: bytes, doc: ComposedDocument) -> dict[str, int]:
    """Page number (1 = the cover) of each 目录 line's heading in a printed PDF: the first page
    after the 目录 with a line (or two wrapped lines) that is exactly the heading, searched in
    order so every heading is at or after the one before."""
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        texts = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            texts.append([_compact(line) for line in textpage.get_text_range().splitlines()])
            textpage.close()
            page.close()
    finally:
        document.close()
    start = next((i for i, lines in enumerate(texts) if "目录" in lines), 0) + 1
    found: dict[str, int] = {}
    at = start
    for line in doc.contents:
        target = _compact(line.target)
        if not target or line.target in found:  # (五、部门预算表 and its first table point at one title)
            continue
        for index in range(at, len(texts)):
            lines = texts[index]
            if target in lines or any(a + b == target for a, b in zip(lines, lines[1:], strict=False)):
                found[line.target] = index + 1
                at = index
                break
    return found


def _compact(text: str) -> str:
    return "".join(text.split())
