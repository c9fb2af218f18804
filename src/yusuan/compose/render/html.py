"""HTML: the disclosure as one self-contained page (also the source of the PDF)."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from ..document import Cell, ComposedDocument


def _spans(cell: Cell) -> Markup:
    text = ""
    if cell.colspan > 1:
        text += f' colspan="{cell.colspan}"'
    if cell.rowspan > 1:
        text += f' rowspan="{cell.rowspan}"'
    return Markup(text)


def html_text(doc: ComposedDocument) -> str:
    env = Environment(loader=PackageLoader("yusuan.compose", "templates"), autoescape=select_autoescape(["j2"]),
                      trim_blocks=False, lstrip_blocks=False)
    env.globals["spans"] = _spans
    return env.get_template("disclosure.html.j2").render(doc=doc)


def render_html(doc: ComposedDocument, path: Path) -> None:
    path.write_text(html_text(doc), encoding="utf-8")
