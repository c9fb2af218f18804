"""Renderers: one ComposedDocument, four formats (docx, xlsx, html, pdf); `compose.output` runs them."""
