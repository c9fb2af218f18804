"""The pages reviewers and analysts use (server-rendered, Chinese): the document list, a
document with its findings beside the source (the PDF page image, or the tables and text read
from other formats), a page image with a finding's boxes, uploads, comparisons, the rules."""

from __future__ import annotations

import secrets
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from .. import api
from ..api import Status
from .compare import comparison
from .context import PAGE_SCALE, WebContext
from .rest import accept, plain
from .schemas import Decision

ORDERS = ("errors", "name", "department", "year")


def _places(finding: dict[str, Any]) -> list[dict[str, Any]]:
    """Where a finding's evidence stands, for the page script that marks it: line (and last
    line), the measure column, page and box."""
    places = []
    for evidence in finding["evidence"]:
        location = evidence.get("location", {})
        places.append({"line": location.get("line"), "end": location.get("end_line") or location.get("line"),
                       "column": evidence.get("column"), "page": location.get("page"), "bbox": location.get("bbox")})
    return places


def routes(web: WebContext) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    store, jobs = web.store, web.jobs

    @router.get("/login", response_class=HTMLResponse)
    def login_page(request: Request, failed: bool = False) -> HTMLResponse:
        return web.render(request, "login.html.j2", failed=failed)

    @router.post("/login")
    def login(request: Request, name: str = Form(...), password: str = Form(...), csrf: str = Form("")) -> Response:
        if not web.team:
            return RedirectResponse("/", status_code=303)
        web.check_csrf(request, csrf)
        user = api.verify_user(store, name, password)
        if user is None:
            return RedirectResponse("/login?failed=true", status_code=303)
        request.session.clear()
        request.session.update({"user": user.name, "csrf": secrets.token_urlsafe(32)})
        return RedirectResponse("/", status_code=303)

    @router.post("/logout")
    def logout(request: Request, csrf: str = Form("")) -> Response:
        web.check_csrf(request, csrf)
        if web.team:
            request.session.clear()
        return RedirectResponse("/login" if web.team else "/", status_code=303)

    @router.get("/", response_class=HTMLResponse)
    def index(request: Request, department: str | None = None, year: int | None = None, status: Status | None = None,
              has_errors: bool | None = None, order: str = "errors", page: int = Query(1, ge=1)) -> HTMLResponse:
        user = web.require(request, api.Role.VIEWER)
        found = store.listing(department=department or None, year=year, status=status, has_errors=has_errors,
                              order=order if order in ORDERS else "errors", page=page, regions=user.regions)
        return web.render(request, "list.html.j2", documents=found, department=department or "", year=year or "",
                          page=page, order=order, count=store.count(user.regions))

    @router.get("/documents/{document_id}", response_class=HTMLResponse)
    def document_page(request: Request, document_id: int, severity: str | None = None,
                      family: str | None = None) -> HTMLResponse:
        user = web.require(request, api.Role.VIEWER)
        entry = web.document_or_404(document_id, user)
        findings = store.findings(entry.run_id)
        families: dict[str, int] = {}
        for f in findings:
            families[f["rule"].split("-")[0]] = families.get(f["rule"].split("-")[0], 0) + 1
        shown = [f for f in findings if severity in (None, "", f["severity"])
                 and family in (None, "", f["rule"].split("-")[0])]
        body = store.disclosure_body(document_id)
        source = api.source_view(body) if body else None
        def link(**change: str) -> str:
            chosen = {"severity": severity or "", "family": family or "", **change}
            return "?" + urlencode({k: v for k, v in chosen.items() if v})
        return web.render(request, "document.html.j2", document=entry, findings=shown, total=len(findings),
                          severity=severity or "", family=family or "", families=families, link=link,
                          may_review=user.may(api.Role.REVIEWER), source=source, scale=PAGE_SCALE,
                          places={f["id"]: _places(f) for f in shown})

    @router.get("/documents/{document_id}/pages/{number}", response_class=HTMLResponse)
    def page_view(request: Request, document_id: int, number: int, finding: int | None = None) -> HTMLResponse:
        """The page image with the boxes of the places a finding names on it (or of every
        finding's places on the page, when none is chosen)."""
        user = web.require(request, api.Role.VIEWER)
        entry = web.document_or_404(document_id, user)
        width, height = web.page_or_404(document_id, number, user, api.page_size)
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
        return web.render(request, "page.html.j2", document=entry, number=number, width=width * PAGE_SCALE,
                          height=height * PAGE_SCALE, boxes=boxes, findings=on_page, chosen=finding)

    @router.post("/documents/{document_id}/findings/{finding_id}/review")
    def review_form(request: Request, document_id: int, finding_id: int, decision: Decision = Form(...),
                    reviewer: str = Form("审核人"), comment: str = Form(""), csrf: str = Form("")) -> RedirectResponse:
        web.check_csrf(request, csrf)
        web.require(request, api.Role.REVIEWER)  # before saying anything about the finding
        if store.finding_document(finding_id) != document_id:
            raise HTTPException(404, f"文件 {document_id} 没有编号为 {finding_id} 的审核发现")
        web.record_review(request, finding_id, decision, reviewer, comment)
        return RedirectResponse(f"/documents/{document_id}#finding-{finding_id}", status_code=303)

    @router.post("/documents/{document_id}/audit")
    def reaudit_form(request: Request, document_id: int, csrf: str = Form("")) -> RedirectResponse:
        web.check_csrf(request, csrf)
        job = web.reaudit(request, document_id)
        return RedirectResponse(f"/upload?jobs={job.id}", status_code=303)

    @router.get("/upload", response_class=HTMLResponse)
    def upload_page(request: Request, jobs_shown: str = Query("", alias="jobs")) -> HTMLResponse:
        web.require(request, api.Role.REVIEWER)
        shown = [j for j in (jobs.get(i) for i in jobs_shown.split(",") if i) if j is not None]
        return web.render(request, "upload.html.j2", jobs=shown)

    @router.post("/upload")
    async def upload_form(request: Request, files: list[UploadFile] = File(...), csrf: str = Form("")) -> RedirectResponse:
        web.check_csrf(request, csrf)
        accepted = await accept(web, request, files)
        return RedirectResponse("/upload?jobs=" + ",".join(j["job"] for j in accepted), status_code=303)

    @router.get("/compare", response_class=HTMLResponse)
    def compare_page(request: Request, department: list[str] = Query([]), year: list[int] = Query([])) -> HTMLResponse:
        user = web.require(request, api.Role.VIEWER)
        departments, years = store.facets(user.regions)
        result = plain(comparison(store, user, department, year)) if department or year else None
        query = "&".join([*(f"department={quote(d)}" for d in department), *(f"year={y}" for y in year)])
        return web.render(request, "compare.html.j2", departments=departments, years=years, chosen=department,
                          chosen_years=year, result=result, query=query)

    @router.get("/rules", response_class=HTMLResponse)
    def rules_page(request: Request) -> HTMLResponse:
        return web.render(request, "rules.html.j2", rules=api.rule_catalogue())

    return router
