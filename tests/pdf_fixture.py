"""Minimal PDFs written by hand (Helvetica text at given positions), for reader tests that need a
page shape no corpus file has: a blank page, a page printed twice, text outside the page; and
a corpus PDF with pages turned into scanned images."""

from __future__ import annotations

from pathlib import Path

WIDTH, HEIGHT = 595, 842


def _stream(texts: list[tuple[float, float, str]]) -> bytes:
    body = b"".join(b"BT /F1 10 Tf %.1f %.1f Td (%s) Tj ET\n" % (x, y, text.encode("latin-1")) for x, y, text in texts)
    return b"<< /Length %d >>\nstream\n%sendstream" % (len(body), body)


def write_pdf(path: Path, pages: list[list[tuple[float, float, str]]]) -> Path:
    """pages: for each page, (x, y from the bottom, text) of each line."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for texts in pages:
        objects.append(_stream(texts))
        content = len(objects)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 3 0 R >> >> >>" % (WIDTH, HEIGHT, content))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    path.write_bytes(raw_pdf(objects))
    return path


def raw_pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF file of the given objects (object 1 the catalog), with its cross-reference table;
    `trailer` adds entries to the trailer dictionary (/Encrypt …)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def scanned(path, out, pages, dpi=150):
    """`path` with `pages` replaced by JPEG images of themselves at `dpi` (a scanner's output)."""
    import io

    import pypdfium2 as pdfium

    source, scan = pdfium.PdfDocument(path), pdfium.PdfDocument.new()
    for index in range(len(source)):
        if index + 1 not in pages:
            scan.import_pages(source, [index])
            continue
        width, height = source[index].get_size()
        buffer = io.BytesIO()
        source[index].render(scale=dpi / 72, grayscale=True).to_pil().save(buffer, "JPEG", quality=85)
        image = pdfium.PdfImage.new(scan)
        image.load_jpeg(io.BytesIO(buffer.getvalue()), inline=False)
        image.set_matrix(pdfium.PdfMatrix().scale(width, height))
        page = scan.new_page(width, height)
        page.insert_obj(image)
        page.gen_content()
    scan.save(out)
    return out
