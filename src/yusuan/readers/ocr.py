"""Scanned PDF pages read by OCR (`pip install yusuan[ocr]`: rapidocr-onnxruntime, whose wheel
ships the PP-OCR models — nothing is downloaded): the page is drawn by PDFium at 150 dpi, the
text recognised with a box per character, and the table grid taken from the ruling lines found
in the image. The result has the shape of a PDFium page (`chars`, `edges`, …), so the rest of the
PDF reader treats it like any other page; every character carries the OCR's score for its line,
which the lines and the model's locations keep (`confidence`).

What OCR reads is never certain by itself: the recogniser trusts a table read this way only when
its identities hold, and the audit raises no error on narrative read this way (see
recognize/structure.py and audit/engine.py)."""

from __future__ import annotations

import importlib.util
import re
import threading
from typing import Any

DPI = 150
SCALE = DPI / 72  # pixels per PDF point
MIN_RULE = 25  # pixels: a ruling line is at least this long (about 4 mm at 150 dpi)
MAX_PIXELS = 12_000_000  # an A3 page at 150 dpi is under 4 million
EXTRA = "yusuan[ocr]"

# a separator the recogniser read as the full-width mark between digits: 37，151.47 and 1．5
_DIGIT_SEPARATORS = re.compile(r"(?<=\d)[，,](?=\d{3}(?!\d))|(?<=\d)[．。](?=\d)")

_engine: Any = None
_engine_lock = threading.Lock()


def available() -> bool:
    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


def _ocr() -> Any:
    """One recogniser per process (its models load once), on one thread: batch workers are
    processes of their own."""
    global _engine
    with _engine_lock:
        if _engine is None:
            from rapidocr_onnxruntime import RapidOCR

            _engine = RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1)
        return _engine


class OcrPage:
    """A scanned page as the PDF reader reads pages: characters (with `confidence`), ruling
    edges and the page size in points; `drawings` and `images` for the page facts."""

    def __init__(self, raw_page: Any, width: float, height: float) -> None:
        import numpy as np

        self.width, self.height = width, height
        # 150 dpi, but never more than MAX_PIXELS (a huge page is drawn coarser, not into gigabytes)
        self.scale = min(SCALE, (MAX_PIXELS / max(width * height, 1)) ** 0.5)
        self.bbox = (0.0, 0.0, width, height)
        self.truncated = False
        self.images = [{"x0": 0.0, "top": 0.0, "x1": width, "bottom": height}]
        image = raw_page.render(scale=self.scale, grayscale=True).to_numpy()
        gray = image if image.ndim == 2 else np.ascontiguousarray(image[..., 0])
        self.edges = _rulings(gray, self.scale)
        self.drawings = len(self.edges)
        self.chars = _characters(_ocr()(np.dstack([gray] * 3), return_word_box=True)[0] or [], self.scale)

    def find_tables(self) -> list[Any]:
        from .pdf_tables import find_tables

        return find_tables(self)


def _characters(results: list, scale: float) -> list[dict[str, Any]]:
    """One char dict per recognised character, in points. A line whose character boxes do not
    match its text is divided evenly along its box."""
    chars = []
    for result in results:
        quad, text, score = result[0], str(result[1]), float(result[2])
        words = result[3] if len(result) > 3 else None
        text = _DIGIT_SEPARATORS.sub(lambda m: "," if m.group(0) in "，," else ".", "".join(text.split()))
        if not text:
            continue
        xs, ys = [p[0] for p in quad], [p[1] for p in quad]
        top, bottom = min(ys) / scale, max(ys) / scale
        if words and len(words) == len(text):
            spans = [(min(p[0] for p in w) / scale, max(p[0] for p in w) / scale) for w in words]
        else:
            left, step = min(xs) / scale, (max(xs) - min(xs)) / scale / len(text)
            spans = [(left + i * step, left + (i + 1) * step) for i in range(len(text))]
        size = bottom - top
        # one recognised run of text: its characters touch (no gap inside it reads as a space or a cell break)
        spans = [(x0, max(x1, spans[i + 1][0]) if i + 1 < len(spans) else x1) for i, (x0, x1) in enumerate(spans)]
        for char, (x0, x1) in zip(text, spans, strict=True):
            chars.append({"text": char, "x0": x0, "x1": max(x1, x0 + 0.1), "top": top, "bottom": bottom, "doctop": top,
                          "width": x1 - x0, "height": size, "size": size, "upright": True, "fontname": "",
                          "confidence": score})
    return chars


def _rulings(gray: Any, scale: float) -> list[dict[str, Any]]:
    """Horizontal and vertical ruling lines of a scanned page: dark runs kept by a morphological
    opening with a long thin kernel, each connected run one edge through its middle (points)."""
    import cv2

    ink = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 15)
    edges = []
    for orientation, kernel in (("h", (MIN_RULE, 1)), ("v", (1, MIN_RULE))):
        lines = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, kernel))
        count, _, stats, _ = cv2.connectedComponentsWithStats(lines, connectivity=8)
        for left, top, width, height, _ in stats[1:count]:
            x0, y0, x1, y1 = left / scale, top / scale, (left + width) / scale, (top + height) / scale
            if orientation == "h":
                middle = (y0 + y1) / 2
                edges.append({"x0": x0, "x1": x1, "top": middle, "bottom": middle, "doctop": middle, "width": x1 - x0,
                              "height": 0.0, "orientation": "h", "object_type": "line"})
            else:
                middle = (x0 + x1) / 2
                edges.append({"x0": middle, "x1": middle, "top": y0, "bottom": y1, "doctop": y0, "width": 0.0,
                              "height": y1 - y0, "orientation": "v", "object_type": "line"})
    return edges
