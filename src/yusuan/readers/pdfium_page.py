"""One PDF page read by PDFium (pypdfium2): characters with boxes and sizes, ruling edges from
path objects (form XObjects included), images — in the page's displayed coordinates (points,
origin at the top-left of the crop box, /Rotate applied), shaped as pdfplumber's page objects are
so the reader keeps one geometry for finding tables (pdfplumber's `TableFinder`, pure geometry
over these edges: pdfminer's slow layout analysis is no longer run).

Character boxes follow pdfminer's convention, which every threshold of the reader was tuned on:
the horizontal extent is the glyph's advance (PDFium's loose box), the bottom is the font's
descent below the baseline, and the height is the font size as scaled by the text and page
matrices."""

from __future__ import annotations

import ctypes
import math
import threading
from typing import Any

import pypdfium2.raw as pdfium_c

PATH, IMAGE, FORM = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM
SEGMENT_LINE, SEGMENT_BEZIER, SEGMENT_MOVE = pdfium_c.FPDF_SEGMENT_LINETO, pdfium_c.FPDF_SEGMENT_BEZIERTO, pdfium_c.FPDF_SEGMENT_MOVETO
# PDFium is not thread-safe: every use in a process (reading, drawing a page for the web app)
# holds this lock, so two threads never call into it at once.
PDFIUM_LOCK = threading.RLock()
MAX_FORM_DEPTH = 12  # nested form XObjects followed; deeper is not a table
MAX_SEGMENTS = 200_000  # path segments walked on one page (a dense table page has a few thousand)
THIN = 2.0  # a path object this thin (points) is a ruling line: one edge from its bounds, no walk …
SIMPLE_PATH = 5  # … when it is one line or one rectangle (a broken rule keeps its gaps)
MAX_EDGES = 20_000  # ruling edges on one page beyond which no table is looked for (pdfplumber's step is quadratic)
AXIS = 0.01  # a segment this close to horizontal or vertical is one

_SKIPPED = frozenset((0x20, 0x0D, 0x0A, 0x09, 0xA0, 0x3000, 0x02))  # spaces and PDFium's generated breaks
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _multiply(inner: Matrix, outer: Matrix) -> Matrix:
    """inner then outer (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    a2, b2, c2, d2, e2, f2 = outer
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2, e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


class PdfiumPage:
    """The objects of one page the PDF reader needs: `chars`, `edges`, `images`, `drawings`
    (path objects counted), `bbox`/`width`/`height`, and `find_tables()`."""

    def __init__(self, page: Any) -> None:
        left, bottom, right, top = page.get_cropbox()
        self.rotation = page.get_rotation() % 360
        self._origin = (left, top)
        self._unrotated = (right - left, top - bottom)
        self.width, self.height = self._unrotated if self.rotation in (0, 180) else self._unrotated[::-1]
        self.bbox = (0.0, 0.0, self.width, self.height)
        self.chars = self._chars(page)
        self.edges: list[dict[str, Any]] = []
        self.images: list[dict[str, float]] = []
        self.drawings = 0
        self.truncated = False  # more path segments than MAX_SEGMENTS: the rest were not read
        self._segments = 0
        self._objects(page.raw, IDENTITY, 0)

    # ---- coordinates -------------------------------------------------------------------------

    def _point(self, x: float, y: float) -> tuple[float, float]:
        """User space → displayed page (top-left origin, rotation applied)."""
        u, v = x - self._origin[0], self._origin[1] - y
        width, height = self._unrotated
        if self.rotation == 90:
            return height - v, u
        if self.rotation == 180:
            return width - u, height - v
        if self.rotation == 270:
            return v, width - u
        return u, v

    def _box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        ax, ay = self._point(x0, y0)
        bx, by = self._point(x1, y1)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)

    # ---- characters --------------------------------------------------------------------------

    def _chars(self, page: Any) -> list[dict[str, Any]]:
        text_page = page.get_textpage()
        handle = text_page.raw
        rect, matrix = pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX()
        # bound once: this loop runs for every character of every page
        unicode_of, map_error = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_HasUnicodeMapError
        loose_box, matrix_of, font_size = pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_GetMatrix, pdfium_c.FPDFText_GetFontSize
        plain = self.rotation == 0
        left, top_edge = self._origin
        chars = []
        try:
            count = pdfium_c.FPDFText_CountChars(handle)
            low_half = False
            for index in range(count):
                if low_half:  # the second half of a surrogate pair, joined to the first below
                    low_half = False
                    continue
                code = unicode_of(handle, index)
                if code in _SKIPPED:
                    continue
                text = chr(code) if 0 < code < 0x110000 and map_error(handle, index) != 1 else "\ufffd"
                if 0xD800 <= code <= 0xDBFF:  # outside the BMP (CJK Extension B names): two UTF-16 halves
                    following = unicode_of(handle, index + 1) if index + 1 < count else 0
                    text = chr(0x10000 + ((code - 0xD800) << 10) + (following - 0xDC00)) if 0xDC00 <= following <= 0xDFFF \
                        else "\ufffd"
                    low_half = 0xDC00 <= following <= 0xDFFF
                elif 0xDC00 <= code <= 0xDFFF or text.isspace():
                    continue  # a stray low half; whitespace separates words, it is not a character
                if not loose_box(handle, index, rect):
                    continue
                matrix_of(handle, index, matrix)
                size = font_size(handle, index) * math.hypot(matrix.c, matrix.d)
                if plain:
                    x0, x1, top, bottom = rect.left - left, rect.right - left, top_edge - rect.top, top_edge - rect.bottom
                    upright = matrix.a > 0 and abs(matrix.b) <= 0.01 * matrix.a
                else:
                    x0, top, x1, bottom = self._box(rect.left, rect.bottom, rect.right, rect.top)
                    upright = self._upright(matrix.a, matrix.b)
                if upright and size > 0:
                    top = bottom - size  # pdfminer's box: the font size above the descent line
                chars.append({"text": text, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
                              "width": x1 - x0, "height": bottom - top, "size": size or bottom - top,
                              "upright": upright, "fontname": self._font(handle, index) if odd_glyph(text) else ""})
        finally:
            text_page.close()
        return chars

    def _upright(self, a: float, b: float) -> bool:
        """Whether text running along (a, b) in user space reads left to right on the displayed page."""
        x, y = a, -b  # y grows downwards on the page
        for _ in range(self.rotation // 90):
            x, y = -y, x
        return x > 0 and abs(y) <= 0.01 * x

    @staticmethod
    def _font(handle: Any, index: int) -> str:
        """The font's name — asked only for characters whose font decides whether they are lost
        text or a symbol font's picture (see pdf._unmapped)."""
        buffer = ctypes.create_string_buffer(256)
        flags = ctypes.c_int()
        size = pdfium_c.FPDFText_GetFontInfo(handle, index, buffer, 256, ctypes.byref(flags))
        return buffer.raw[: max(size - 1, 0)].decode("utf-8", "replace") if size else ""

    # ---- drawing objects ---------------------------------------------------------------------

    def _objects(self, parent: Any, outer: Matrix, depth: int, form: bool = False) -> None:
        count = (pdfium_c.FPDFFormObj_CountObjects if form else pdfium_c.FPDFPage_CountObjects)(parent)
        matrix = pdfium_c.FS_MATRIX()
        left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
        for index in range(max(count, 0)):
            obj = (pdfium_c.FPDFFormObj_GetObject if form else pdfium_c.FPDFPage_GetObject)(parent, index)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == FORM:
                if depth < MAX_FORM_DEPTH and pdfium_c.FPDFPageObj_GetMatrix(obj, matrix):
                    own = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
                    self._objects(obj, _multiply(own, outer), depth + 1, form=True)
                continue
            if kind not in (PATH, IMAGE):
                continue
            if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
                continue
            if outer is IDENTITY:  # a page's own object (most are): its bounds are in user space
                box = self._box(left.value, bottom.value, right.value, top.value)
            else:
                corners = [self._apply(outer, x, y) for x, y in ((left.value, bottom.value), (right.value, top.value),
                                                                   (left.value, top.value), (right.value, bottom.value))]
                xs, ys = [p[0] for p in corners], [p[1] for p in corners]
                box = (min(xs), min(ys), max(xs), max(ys))  # display coordinates
            if kind == IMAGE:
                self.images.append({"x0": box[0], "top": box[1], "x1": box[2], "bottom": box[3]})
                continue
            self.drawings += 1
            thin = box[2] - box[0] < THIN or box[3] - box[1] < THIN
            if thin and pdfium_c.FPDFPath_CountSegments(obj) <= SIMPLE_PATH:
                self._edge(box[0], box[1], box[2], box[3], thin=True)
            elif not self.truncated:
                self._walk(obj, outer)

    def _apply(self, m: Matrix, x: float, y: float) -> tuple[float, float]:
        """A point of a form's (or the page's) space → displayed page."""
        return self._point(m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])

    def _walk(self, obj: Any, outer: Matrix) -> None:
        """Every straight, axis-aligned segment of a path (closing segments included) as an edge;
        curves only move the pen."""
        matrix = pdfium_c.FS_MATRIX()
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, matrix):
            return
        m = _multiply((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), outer)
        x, y = ctypes.c_float(), ctypes.c_float()
        start = current = None
        segments = pdfium_c.FPDFPath_CountSegments(obj)
        self._segments += max(segments, 0)
        if self._segments > MAX_SEGMENTS:
            self.truncated = True
            return
        for index in range(max(segments, 0)):
            segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
            if not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
                continue
            point = self._apply(m, x.value, y.value)
            kind = pdfium_c.FPDFPathSegment_GetType(segment)
            if kind == SEGMENT_MOVE or current is None:
                start = current = point
                continue
            if kind == SEGMENT_LINE:
                self._segment(current, point)
            current = point
            if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
                self._segment(current, start)
                current = start

    def _segment(self, p: tuple[float, float], q: tuple[float, float]) -> None:
        if abs(p[1] - q[1]) <= AXIS or abs(p[0] - q[0]) <= AXIS:
            self._edge(min(p[0], q[0]), min(p[1], q[1]), max(p[0], q[0]), max(p[1], q[1]))

    def _edge(self, x0: float, top: float, x1: float, bottom: float, thin: bool = False) -> None:
        """One ruling edge, as pdfplumber's edge dictionaries: a thin object is a line along its
        longer side, through its middle."""
        if x1 - x0 >= bottom - top:
            middle = (top + bottom) / 2 if thin else top
            top = bottom = middle
            orientation = "h"
        else:
            middle = (x0 + x1) / 2 if thin else x0
            x0 = x1 = middle
            orientation = "v"
        self.edges.append({"x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top, "width": x1 - x0,
                           "height": bottom - top, "orientation": orientation, "object_type": "line"})

    # ---- tables ------------------------------------------------------------------------------

    def find_tables(self) -> list[Any]:
        """Ruled tables (pdf_tables.py: pdfplumber's geometry over this page's edges)."""
        from .pdf_tables import find_tables

        return find_tables(self)


def odd_glyph(text: str) -> bool:
    """A character that may be lost text (replacement, private use, pdfminer's "(cid:n)"): its
    font decides (pdf._unmapped). Called for every character: string comparisons only."""
    return text == "\ufffd" or "\ue000" <= text[:1] <= "\uf8ff" or text.startswith("(cid:")
