"""HTML: the disclosure as one self-contained page (also the source of the PDF)."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from ... import catalogue
from ..document import Cell, ComposedDocument


def _spans(cell: Cell) -> Markup:
    text = ""
    if cell.colspan > 1:
        text += f' colspan="{cell.colspan}"'
    if cell.rowspan > 1:
        text += f' rowspan="{cell.rowspan}"'
    return Markup(text)


def _family(faces: list[str]) -> Markup:
    """A CSS font-family list: the faces in order of preference, then the generic family."""
    return Markup(", ".join(f'"{face}"' for face in faces) + ", serif")


def html_text(doc: ComposedDocument, pages: dict[str, int] | None = None) -> str:
    """The page; `pages` (heading → page number, from a printed PDF) fills the 目录's numbers."""
    env = Environment(loader=PackageLoader("yusuan.compose", "templates"), autoescape=select_autoescape(["j2"]),
                      trim_blocks=False, lstrip_blocks=False)
    env.globals["spans"] = _spans
    style = catalogue.data("compose_style.toml")
    fonts = {role: _family(faces) for role, faces in style["font"].items()}
    return env.get_template("disclosure.html.j2").render(doc=doc, style=style, fonts=fonts, pages=pages or {})


def render_html(doc: ComposedDocument, path: Path) -> None:
    path.write_text(html_text(doc), encoding="utf-8")
