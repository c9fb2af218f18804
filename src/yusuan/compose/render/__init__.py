"""Renderers: one Composition, four formats (docx, xlsx, html, pdf); `compose.output` runs them."""
