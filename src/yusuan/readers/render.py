"""A PDF page as an image (PDFium), for reviewers to see where a finding is: the boxes the
model's locations give are in PDF points from the page's top-left corner, the image is drawn at
`scale` pixels per point, so a box is placed by multiplying."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any, TypeVar

from ..model.limits import ReadError
from .pdfium_page import PDFIUM_LOCK

T = TypeVar("T")


def page_png(data: bytes, number: int, scale: float = 1.5) -> tuple[bytes, float, float]:
    """(PNG bytes, page width, page height in points) of page `number` (1-based)."""
    return _with_page(data, number, lambda page: (_png(page, scale), *page.get_size()))


def page_size(data: bytes, number: int) -> tuple[float, float]:
    """The page's width and height in points, without drawing it."""
    return _with_page(data, number, lambda page: page.get_size())


def _png(page: Any, scale: float) -> bytes:
    buffer = io.BytesIO()
    page.render(scale=scale).to_pil().save(buffer, "PNG", optimize=False)
    return buffer.getvalue()


def _with_page(data: bytes, number: int, use: Callable[[Any], T]) -> T:
    with PDFIUM_LOCK:  # the web app draws pages from several threads
        return _use_page(data, number, use)


def _use_page(data: bytes, number: int, use: Callable[[Any], T]) -> T:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except Exception as error:  # noqa: BLE001 — PDFium's own errors, said in Chinese
        raise ReadError(f"不是可显示的 PDF 文件（{type(error).__name__}）") from error
    try:
        if not 1 <= number <= len(document):
            raise ReadError(f"没有第 {number} 页（共 {len(document)} 页）")
        page = document[number - 1]
        try:
            return use(page)
        finally:
            page.close()
    finally:
        document.close()
