"""The web app and REST API (`yusuan serve`): reviewers upload disclosures, see the findings
ranked, mark each confirmed or dismissed; the same over JSON at /api (OpenAPI at /docs).

An interface like the CLI: every read and write goes through `api` (the store) and uploads are
processed by the batch's isolated worker, so a hostile upload cannot take the server down."""

from .app import create_app

__all__ = ["create_app"]
