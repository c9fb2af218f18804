"""A PDF page as an image (PDFium), for reviewers to see where a finding is: the boxes the
model's locations give are in PDF points from the page's top-left corner, the image is drawn at
`scale` pixels per point, so a box is placed by multiplying."""

from __future__ import annotations

import io

from ..model.limits import ReadError


def page_png(data: bytes, number: int, scale: float = 1.5) -> tuple[bytes, float, float]:
    """(PNG bytes, page width, page height in points) of page `number` (1-based)."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except Exception as error:  # noqa: BLE001 — PDFium's own errors, said in Chinese
        raise ReadError(f"不是可显示的 PDF 文件（{type(error).__name__}）") from error
    try:
        if not 1 <= number <= len(document):
            raise ReadError(f"没有第 {number} 页（共 {len(document)} 页）")
        page = document[number - 1]
        width, height = page.get_size()
        image = page.render(scale=scale).to_pil()
        buffer = io.BytesIO()
        image.save(buffer, "PNG", optimize=False)
        page.close()
        return buffer.getvalue(), width, height
    finally:
        document.close()
