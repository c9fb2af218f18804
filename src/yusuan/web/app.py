"""The app: the store, the upload jobs, the REST routes (rest.py) and the pages (pages.py).
Local mode (the default): one user, bound to 127.0.0.1 by `yusuan serve`, no login; reviewers
name themselves on the review form. Team mode: accounts, sessions, CSRF tokens, regions."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from .. import api
from . import pages, rest
from .context import WebContext
from .jobs import Jobs
from .schemas import add_model_schemas


def create_app(db: str | Path | None = None, *, data_folder: Path | None = None, workers: int = 2,
               team: bool = False, secret_key: str | None = None, secure_cookies: bool = True) -> FastAPI:
    """The app over the store at `db`. Team mode: accounts (`yusuan user add`), a signed session
    cookie (Secure, SameSite=Strict unless `secure_cookies` is off for plain-http testing), a
    CSRF token on every form and write, and each account seeing only its regions."""
    if team and len(secret_key or "") < 16:
        raise ValueError("团队模式需要至少 16 个字符的密钥（--secret-key 或环境变量 YUSUAN_SECRET_KEY），未启动")
    store = api.open_store(db)
    uploads = data_folder or Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "yusuan" / "uploads"
    jobs = Jobs(store, uploads, workers=workers)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        jobs.close()
        store.close()

    app = FastAPI(title="yusuan 预算公开审核", description="部门预算/决算公开文件的读取、审核与复核。错误信息为中文。",
                  version="0.1.0", lifespan=lifespan)
    web = WebContext.open(store, jobs, team)
    app.state.store, app.state.jobs, app.state.web = store, jobs, web
    if team:
        app.add_middleware(SessionMiddleware, secret_key=secret_key, session_cookie="yusuan_session",
                           https_only=secure_cookies, same_site="strict", max_age=12 * 3600)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        places = "；".join(".".join(str(p) for p in e.get("loc", ())) for e in error.errors())
        return JSONResponse({"detail": f"请求参数有误：{places}"}, status_code=422)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, error: HTTPException) -> Response:
        if error.status_code == 401 and not request.url.path.startswith("/api/"):
            return RedirectResponse("/login", status_code=303)
        return JSONResponse({"detail": error.detail}, status_code=error.status_code)

    app.include_router(rest.routes(web))
    app.include_router(pages.routes(web))

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = add_model_schemas(get_openapi(title=app.title, version=app.version,
                                                               description=app.description, routes=app.routes))
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
