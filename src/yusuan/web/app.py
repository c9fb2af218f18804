"""Routes: JSON under /api, pages everywhere else. Local mode (the default): one user, bound to
127.0.0.1 by `yusuan serve`, no login; reviewers name themselves on the review form."""

from __future__ import annotations

import hmac
import os
import secrets
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

from fastapi import FastAPI, File, Form, Header, HTTPException, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from pydantic import BaseModel
from starlette.middleware.sessions import SessionMiddleware

from .. import api
from ..api import STATUS_NAMES, Status
from .jobs import Jobs

T = TypeVar("T")
MAX_UPLOAD = 64 * 1024 * 1024  # bytes per file: the readers' own limit
PAGE_SCALE = 1.5  # pixels per PDF point in page images
COMPARED = {"total_income": "收入总计（万元）", "total_expenditure": "支出总计（万元）", "basic_expenditure": "基本支出（万元）",
            "project_expenditure": "项目支出（万元）", "three_public_total": "“三公”经费（万元）",
            "running_cost": "机关运行经费（万元）"}
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "notice": "提示"}
KIND_NAMES = {"budget": "预算", "final_account": "决算"}


Decision = api.Decision  # the store's own: confirmed / dismissed


class ReviewIn(BaseModel):
    decision: Decision
    reviewer: str = "审核人"
    comment: str = ""


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _share(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    if part is None or not whole:
        return None
    return (part * 100 / whole).quantize(Decimal("0.01"))


def _listing_dict(entry: Any) -> dict[str, Any]:
    return _plain({**vars(entry), "status": entry.status.value, "status_name": STATUS_NAMES[entry.status]})


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
    app.state.store, app.state.jobs = store, jobs
    if team:
        app.add_middleware(SessionMiddleware, secret_key=secret_key, session_cookie="yusuan_session",
                           https_only=secure_cookies, same_site="strict", max_age=12 * 3600)
    local_user = api.User("本机用户", api.Role.ADMIN, ())

    def who(request: Request) -> Any:
        if not team:
            return local_user
        name = request.session.get("user")
        return api.find_user(store, name) if name else None

    def require(request: Request, role: Any) -> Any:
        user = who(request)
        if user is None:
            raise HTTPException(401, "请先登录")
        if not user.may(role):
            raise HTTPException(403, "当前账号没有此权限")
        return user

    def check_csrf(request: Request, token: str | None) -> None:
        if not team:
            return
        expected = request.session.get("csrf")
        if not expected or not token or not hmac.compare_digest(token, expected):
            raise HTTPException(403, "缺少或无效的 CSRF 令牌，请刷新页面后重试")

    def csrf_of(request: Request) -> str:
        if not team:
            return ""
        if "csrf" not in request.session:
            request.session["csrf"] = secrets.token_urlsafe(32)
        return request.session["csrf"]
    pages = Environment(loader=PackageLoader("yusuan.web", "templates"), autoescape=select_autoescape(default=True))
    pages.globals.update(SEVERITY_NAMES=SEVERITY_NAMES, KIND_NAMES=KIND_NAMES, STATUS_NAMES=STATUS_NAMES)
    pages.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": True}
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

    def document_or_404(document_id: int, user: Any) -> Any:
        entry = store.document(document_id)
        if entry is None or not user.sees(entry.region):  # another region's document does not exist for it
            raise HTTPException(404, f"没有编号为 {document_id} 的文件")
        return entry

    def render(request: Request, name: str, **context: Any) -> HTMLResponse:
        return HTMLResponse(pages.get_template(name).render(user=who(request), team=team, csrf=csrf_of(request),
                                                            **context))

    # ---- REST API --------------------------------------------------------------------------

    @app.get("/api/documents", tags=["文件"])
    def list_documents(request: Request, department: str | None = None, region: str | None = None,
                       year: int | None = None, kind: str | None = None, status: Status | None = None,
                       has_errors: bool | None = None, page: int = Query(1, ge=1), per_page: int = Query(50, ge=1, le=500),
                       order: str = Query("errors", pattern="^(errors|name|department|year)$")) -> dict[str, Any]:
        user = require(request, api.Role.VIEWER)
        found = store.listing(department=department, region=region, year=year, kind=kind, status=status,
                              has_errors=has_errors, page=page, per_page=per_page, order=order, regions=user.regions)
        return {"page": page, "per_page": per_page, "documents": [_listing_dict(e) for e in found]}

    @app.get("/api/documents/{document_id}", tags=["文件"])
    def get_document(request: Request, document_id: int) -> dict[str, Any]:
        entry = document_or_404(document_id, require(request, api.Role.VIEWER))
        return {**_listing_dict(entry), "findings": store.findings(entry.run_id)}

    @app.get("/api/documents/{document_id}/disclosure", tags=["文件"])
    def get_disclosure(request: Request, document_id: int) -> Response:
        document_or_404(document_id, require(request, api.Role.VIEWER))
        body = store.disclosure_body(document_id)
        if body is None:
            raise HTTPException(404, f"文件 {document_id} 没有识别结果（未识别为预算/决算公开文件或读取失败）")
        return Response(body, media_type="application/json")

    @app.get("/api/documents/{document_id}/file", tags=["文件"])
    def get_file(request: Request, document_id: int) -> Response:
        entry = document_or_404(document_id, require(request, api.Role.VIEWER))
        content = store.content(entry.sha256) or b""
        # never served as something a browser would run or render
        return Response(content, media_type="application/octet-stream",
                        headers={"Content-Disposition": "attachment; filename=\"document.bin\"",
                                 "X-Content-Type-Options": "nosniff"})

    def page_or_404(document_id: int, number: int, user: Any, draw: Callable[[bytes, int], T]) -> T:
        """`draw` (the page image, or only its size) of a stored PDF's page; 404 with the reason."""
        entry = document_or_404(document_id, user)
        if entry.format != "pdf":
            raise HTTPException(404, f"文件 {document_id} 不是 PDF，没有页面图像")
        try:
            return draw(store.content(entry.sha256) or b"", number)
        except api.ReadError as error:
            raise HTTPException(404, f"文件 {document_id}：{error}") from error

    @app.get("/api/documents/{document_id}/pages/{number}.png", tags=["文件"])
    def page_png(request: Request, document_id: int, number: int) -> Response:
        image, _, _ = page_or_404(document_id, number, require(request, api.Role.VIEWER),
                                  lambda data, n: api.page_image(data, n, PAGE_SCALE))
        return Response(image, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})

    def record_review(request: Request, finding_id: int, decision: Decision, reviewer: str, comment: str) -> int:
        user = require(request, api.Role.REVIEWER)
        document = store.finding_document(finding_id)
        if document is None:
            raise HTTPException(404, f"没有编号为 {finding_id} 的审核发现")
        document_or_404(document, user)
        name = user.name if team else (reviewer.strip()[:128] or "审核人")  # team mode: the account, not a typed name
        return store.review(finding_id, decision, name, comment[:2000])

    @app.post("/api/findings/{finding_id}/review", status_code=201, tags=["复核"])
    def review(request: Request, finding_id: int, body: ReviewIn,
               x_csrf_token: str | None = Header(None)) -> dict[str, Any]:
        check_csrf(request, x_csrf_token)
        decision_id = record_review(request, finding_id, body.decision, body.reviewer, body.comment)
        return {"id": decision_id, "finding": finding_id, "decision": body.decision.value}

    async def accept(request: Request, files: list[UploadFile]) -> list[dict[str, str]]:
        require(request, api.Role.REVIEWER)
        accepted = []
        for upload_file in files:
            data = await upload_file.read(MAX_UPLOAD + 1)
            if len(data) > MAX_UPLOAD:
                raise HTTPException(413, f"{upload_file.filename}：文件过大（上限 {MAX_UPLOAD >> 20} MB）")
            if not data:
                raise HTTPException(400, f"{upload_file.filename}：文件为空")
            for job in jobs.submit_all(Path(upload_file.filename or "upload").name[:200], data):
                accepted.append({"job": job.id, "name": job.name})
        return accepted

    @app.post("/api/upload", status_code=202, tags=["上传"])
    async def upload(request: Request, files: list[UploadFile] = File(...),
                     x_csrf_token: str | None = Header(None)) -> dict[str, Any]:
        check_csrf(request, x_csrf_token)
        return {"jobs": await accept(request, files)}

    @app.get("/api/jobs/{job_id}", tags=["上传"])
    def job_status(request: Request, job_id: str) -> dict[str, Any]:
        require(request, api.Role.VIEWER)
        job = jobs.get(job_id)
        if job is None:
            raise HTTPException(404, f"没有编号为 {job_id} 的处理任务")
        return {"job": job.id, "name": job.name, "state": job.state, "status": job.status, "reason": job.reason,
                "document": job.document_id}

    def compared(user: Any, departments: list[str], years: list[int]) -> list[dict[str, Any]]:
        """Key figures of the chosen departments and years, side by side, with each figure's
        change on the same department's previous year (same kind of document)."""
        found: dict[int, Any] = {}
        for department in departments or [None]:
            for entry in store.listing(department=department, status=Status.DONE, per_page=500, order="year",
                                       regions=user.regions):
                if not years or entry.year in years:
                    found[entry.document_id] = entry
        rows = []
        for entry in sorted(found.values(), key=lambda e: (e.department or "", e.kind or "", e.year or 0)):
            figures = {k: entry.figures.get(k) for k in COMPARED}
            spent = figures.get("total_expenditure")
            row = {"document_id": entry.document_id, "department": entry.department, "year": entry.year,
                   "kind": KIND_NAMES.get(entry.kind or "", ""), **figures,
                   "basic_share": _share(figures.get("basic_expenditure"), spent),
                   "project_share": _share(figures.get("project_expenditure"), spent)}
            previous = rows[-1] if rows and rows[-1]["department"] == entry.department and rows[-1]["kind"] == row["kind"] else None
            for key in COMPARED:
                now, before = figures.get(key), previous.get(key) if previous else None
                row[f"{key}_change"] = (now - before) if now is not None and before is not None else None
            rows.append(row)
        return rows

    @app.get("/api/compare", tags=["比较"])
    def compare(request: Request, department: list[str] = Query([]), year: list[int] = Query([])) -> dict[str, Any]:
        user = require(request, api.Role.VIEWER)
        return {"figures": COMPARED, "rows": _plain(compared(user, department, year))}

    @app.get("/api/compare.csv", tags=["比较"])
    def compare_csv(request: Request, department: list[str] = Query([]), year: list[int] = Query([])) -> Response:
        user = require(request, api.Role.VIEWER)
        columns = ["部门", "年度", "类型", *COMPARED.values(), "基本支出占比（%）", "项目支出占比（%）"]
        rows = [{"部门": r["department"], "年度": r["year"], "类型": r["kind"], "基本支出占比（%）": r["basic_share"],
                 "项目支出占比（%）": r["project_share"], **{title: r[key] for key, title in COMPARED.items()}}
                for r in compared(user, department, year)]
        return Response(api.csv_bytes(columns, rows), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": "attachment; filename=\"compare.csv\""})

    @app.get("/api/rules", tags=["规则"])
    def rules() -> list[dict[str, str]]:
        return api.rule_catalogue()

    # ---- pages ----------------------------------------------------------------------------

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_page(request: Request, failed: bool = False) -> HTMLResponse:
        return render(request, "login.html.j2", failed=failed)

    @app.post("/login", include_in_schema=False)
    def login(request: Request, name: str = Form(...), password: str = Form(...), csrf: str = Form("")) -> Response:
        if not team:
            return RedirectResponse("/", status_code=303)
        check_csrf(request, csrf)
        user = api.verify_user(store, name, password)
        if user is None:
            return RedirectResponse("/login?failed=true", status_code=303)
        request.session.clear()
        request.session.update({"user": user.name, "csrf": secrets.token_urlsafe(32)})
        return RedirectResponse("/", status_code=303)

    @app.post("/logout", include_in_schema=False)
    def logout(request: Request, csrf: str = Form("")) -> Response:
        check_csrf(request, csrf)
        if team:
            request.session.clear()
        return RedirectResponse("/login" if team else "/", status_code=303)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request, department: str | None = None, year: int | None = None, status: Status | None = None,
              has_errors: bool | None = None, order: str = "errors", page: int = Query(1, ge=1)) -> HTMLResponse:
        user = require(request, api.Role.VIEWER)
        found = store.listing(department=department or None, year=year, status=status, has_errors=has_errors,
                              order=order if order in ("errors", "name", "department", "year") else "errors", page=page,
                              regions=user.regions)
        return render(request, "list.html.j2", documents=found, department=department or "", year=year or "",
                      page=page, order=order, count=store.count())

    @app.get("/documents/{document_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, document_id: int, severity: str | None = None) -> HTMLResponse:
        user = require(request, api.Role.VIEWER)
        entry = document_or_404(document_id, user)
        findings = store.findings(entry.run_id)
        shown = [f for f in findings if severity in (None, "", f["severity"])]
        return render(request, "document.html.j2", document=entry, findings=shown, total=len(findings),
                      severity=severity or "", may_review=user.may(api.Role.REVIEWER))

    @app.get("/documents/{document_id}/pages/{number}", response_class=HTMLResponse, include_in_schema=False)
    def page_view(request: Request, document_id: int, number: int, finding: int | None = None) -> HTMLResponse:
        """The page image with the boxes of the places a finding names on it (or of every
        finding's places on the page, when none is chosen)."""
        user = require(request, api.Role.VIEWER)
        entry = document_or_404(document_id, user)
        width, height = page_or_404(document_id, number, user, api.page_size)
        findings = store.findings(entry.run_id)
        boxes = []
        for f in (f for f in findings if finding in (None, f["id"])):
            for e in f["evidence"]:
                location = e.get("location", {})
                if location.get("page") == number and location.get("bbox"):
                    x0, top, x1, bottom = location["bbox"]
                    boxes.append({"finding": f["id"], "severity": f["severity"], "what": e.get("what", ""),
                                  "left": x0 * PAGE_SCALE, "top": top * PAGE_SCALE,
                                  "width": max(x1 - x0, 2) * PAGE_SCALE, "height": max(bottom - top, 2) * PAGE_SCALE})
        on_page = [f for f in findings if any(e.get("location", {}).get("page") == number for e in f["evidence"])]
        return render(request, "page.html.j2", document=entry, number=number, width=width * PAGE_SCALE,
                      height=height * PAGE_SCALE, boxes=boxes, findings=on_page, chosen=finding)

    @app.post("/documents/{document_id}/findings/{finding_id}/review", include_in_schema=False)
    def review_form(request: Request, document_id: int, finding_id: int, decision: Decision = Form(...),
                    reviewer: str = Form("审核人"), comment: str = Form(""), csrf: str = Form("")) -> RedirectResponse:
        check_csrf(request, csrf)
        if store.finding_document(finding_id) != document_id:
            raise HTTPException(404, f"文件 {document_id} 没有编号为 {finding_id} 的审核发现")
        record_review(request, finding_id, decision, reviewer, comment)
        return RedirectResponse(f"/documents/{document_id}#finding-{finding_id}", status_code=303)

    @app.get("/upload", response_class=HTMLResponse, include_in_schema=False)
    def upload_page(request: Request, jobs_shown: str = Query("", alias="jobs")) -> HTMLResponse:
        require(request, api.Role.REVIEWER)
        shown = [j for j in (jobs.get(i) for i in jobs_shown.split(",") if i) if j is not None]
        return render(request, "upload.html.j2", jobs=shown)

    @app.post("/upload", include_in_schema=False)
    async def upload_form(request: Request, files: list[UploadFile] = File(...), csrf: str = Form("")) -> RedirectResponse:
        check_csrf(request, csrf)
        accepted = await accept(request, files)
        return RedirectResponse("/upload?jobs=" + ",".join(j["job"] for j in accepted), status_code=303)

    @app.get("/compare", response_class=HTMLResponse, include_in_schema=False)
    def compare_page(request: Request, department: list[str] = Query([]), year: list[int] = Query([])) -> HTMLResponse:
        user = require(request, api.Role.VIEWER)
        departments, years = store.facets(user.regions)
        rows = _plain(compared(user, department, year)) if department or year else []
        query = "&".join([*(f"department={quote(d)}" for d in department), *(f"year={y}" for y in year)])
        return render(request, "compare.html.j2", departments=departments, years=years, chosen=department,
                      chosen_years=year, rows=rows, figures=COMPARED, query=query)

    @app.get("/rules", response_class=HTMLResponse, include_in_schema=False)
    def rules_page(request: Request) -> HTMLResponse:
        return render(request, "rules.html.j2", rules=api.rule_catalogue())

    return app
