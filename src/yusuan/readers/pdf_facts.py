"""What a PDF is made of, for checking a file yusuan itself wrote (compose's preflight): each
page's size and how many characters it prints, and every font with whether its program is
embedded and whether it is a Type 3 font (glyphs drawn as pictures, which readers cannot
search or copy)."""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, field

from ..model.limits import ReadError
from .pdfium_page import PDFIUM_LOCK

TEXT = 1  # FPDF_PAGEOBJ_TEXT


@dataclass
class PageShape:
    width: float
    height: float
    characters: int


@dataclass
class PdfFacts:
    pages: list[PageShape] = field(default_factory=list)
    fonts: dict[str, bool] = field(default_factory=dict)  # base font name → embedded
    type3: bool = False


def pdf_facts(data: bytes, path: str = "PDF") -> PdfFacts:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    facts = PdfFacts()
    with PDFIUM_LOCK:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as error:
            raise ReadError(f"{path}：PDF 文件无法打开（{error}）") from error
        try:
            for index in range(len(document)):
                page = document[index]
                text = page.get_textpage()
                printed = sum(1 for ch in text.get_text_range() if not ch.isspace())
                text.close()
                width, height = page.get_size()
                facts.pages.append(PageShape(width, height, printed))
                for number in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
                    obj = pdfium_c.FPDFPage_GetObject(page.raw, number)
                    if pdfium_c.FPDFPageObj_GetType(obj) != TEXT:
                        continue
                    font = pdfium_c.FPDFTextObj_GetFont(obj)
                    buffer = ctypes.create_string_buffer(256)
                    size = pdfium_c.FPDFFont_GetBaseFontName(font, buffer, 256)
                    name = buffer.raw[: max(size - 1, 0)].decode("utf-8", "replace") or "（无名字体）"
                    # one use of a name without its program is enough to report it
                    facts.fonts[name] = facts.fonts.get(name, True) and bool(pdfium_c.FPDFFont_GetIsEmbedded(font))
                page.close()
        finally:
            document.close()
    # a Type 3 font dictionary, as written uncompressed (the writers yusuan uses do not pack
    # font dictionaries into object streams)
    facts.type3 = re.search(rb"/Subtype\s*/Type3\b", data) is not None
    return facts
