"""The REST API under /api: documents and what was read from them, findings and review
decisions, uploads and re-audits as background jobs, comparisons and exports. Errors are JSON
`{"detail": "<中文说明>"}` with the proper status code."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from fastapi import APIRouter, File, Header, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from .. import api
from ..api import STATUS_NAMES, Status
from .compare import comparison, sheets
from .context import PAGE_SCALE, WebContext
from .schemas import (
    CompareOut,
    DocumentDetail,
    DocumentList,
    FindingOut,
    JobOut,
    JobsOut,
    ReviewIn,
    ReviewOut,
    RuleOut,
    model_schema_response,
)

MAX_UPLOAD = 64 * 1024 * 1024  # bytes per file: the readers' own limit
EXPORT_TYPES = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "csv": "text/csv; charset=utf-8", "json": "application/json"}
ORDERS = "^(errors|name|department|year)$"


def plain(value: Any) -> Any:
    """Decimals as plain decimal strings, everywhere in a JSON answer."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def listing_dict(entry: Any) -> dict[str, Any]:
    return plain({**vars(entry), "status": entry.status.value, "status_name": STATUS_NAMES[entry.status]})


def json_part(body: str, key: str) -> str:
    """One member of a stored disclosure's JSON, as JSON."""
    return json.dumps(json.loads(body).get(key), ensure_ascii=False)


def download(content: bytes, media_type: str, filename: str) -> Response:
    return Response(content, media_type=media_type,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"', "X-Content-Type-Options": "nosniff"})


def job_dict(job: Any) -> dict[str, Any]:
    return {"job": job.id, "name": job.name, "state": job.state, "status": job.status, "reason": job.reason,
            "document": job.document_id}


def routes(web: WebContext) -> APIRouter:
    router = APIRouter(prefix="/api")
    store, jobs = web.store, web.jobs

    @router.get("/documents", tags=["文件"], response_model=DocumentList)
    def list_documents(request: Request, department: str | None = None, region: str | None = None,
                       year: int | None = None, kind: str | None = None, status: Status | None = None,
                       has_errors: bool | None = None, page: int = Query(1, ge=1), per_page: int = Query(50, ge=1, le=500),
                       order: str = Query("errors", pattern=ORDERS)) -> dict[str, Any]:
        """文件列表：按部门、地区、年度、类型（budget/final_account）、状态、是否有错误筛选，分页。"""
        user = web.require(request, api.Role.VIEWER)
        found = store.listing(department=department, region=region, year=year, kind=kind, status=status,
                              has_errors=has_errors, page=page, per_page=per_page, order=order, regions=user.regions)
        return {"page": page, "per_page": per_page, "documents": [listing_dict(e) for e in found]}

    @router.get("/documents/{document_id}", tags=["文件"], response_model=DocumentDetail)
    def get_document(request: Request, document_id: int) -> dict[str, Any]:
        """一个文件：状态、关键数字和最近一次审核的发现（含复核结论）。"""
        entry = web.document_or_404(document_id, web.require(request, api.Role.VIEWER))
        return {**listing_dict(entry), "findings": store.findings(entry.run_id)}

    @router.get("/documents/{document_id}/findings", tags=["文件"], response_model=list[FindingOut])
    def get_findings(request: Request, document_id: int, severity: str | None = Query(None, pattern="^(error|warning|notice)$"),
                     family: str | None = None) -> list[dict[str, Any]]:
        """最近一次审核的发现，可按严重程度和规则类别（ARITH、XTAB …）筛选。"""
        entry = web.document_or_404(document_id, web.require(request, api.Role.VIEWER))
        return [f for f in store.findings(entry.run_id) if severity in (None, f["severity"])
                and family in (None, f["rule"].split("-")[0])]

    @router.get("/documents/{document_id}/disclosure", tags=["文件"],
                responses=model_schema_response("Disclosure", "识别结果（yusuan.disclosure/2）"))
    def get_disclosure(request: Request, document_id: int) -> Response:
        """识别结果：yusuan.disclosure/2 JSON（模式见 docs/disclosure.schema.json）。"""
        return Response(web.disclosure_or_404(document_id, web.require(request, api.Role.VIEWER)),
                        media_type="application/json")

    @router.get("/documents/{document_id}/tables", tags=["文件"],
                responses=model_schema_response("Table", "识别出的标准表", many=True))
    def get_tables(request: Request, document_id: int) -> Response:
        """识别出的标准表（与识别结果中的 tables 相同）。"""
        body = web.disclosure_or_404(document_id, web.require(request, api.Role.VIEWER))
        return Response(json_part(body, "tables"), media_type="application/json")

    @router.get("/documents/{document_id}/figures", tags=["文件"],
                responses=model_schema_response("Figure", "关键数字，按名称", keyed=True))
    def get_figures(request: Request, document_id: int) -> Response:
        """关键数字（收入总计、支出总计、“三公”经费 …），每个带来源位置。"""
        body = web.disclosure_or_404(document_id, web.require(request, api.Role.VIEWER))
        return Response(json_part(body, "figures"), media_type="application/json")

    @router.get("/documents/{document_id}/report.html", tags=["文件"], response_class=HTMLResponse)
    def get_report(request: Request, document_id: int) -> HTMLResponse:
        """审核报告（HTML 页面），按当前规则对保存的识别结果重新审核生成。"""
        body = web.disclosure_or_404(document_id, web.require(request, api.Role.VIEWER))
        page = api.report_html(body)
        if page is None:
            raise HTTPException(409, f"文件 {document_id} 的识别结果由旧版本保存，请先重新审核")
        return HTMLResponse(page, headers={
            "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'", "X-Content-Type-Options": "nosniff"})

    @router.post("/documents/{document_id}/audit", status_code=202, tags=["文件"], response_model=JobOut)
    def reaudit(request: Request, document_id: int, x_csrf_token: str | None = Header(None)) -> dict[str, Any]:
        """按当前版本重新读取并审核保存的原文件（后台任务）；原有审核记录与复核结论保留。"""
        web.check_csrf(request, x_csrf_token)
        return job_dict(web.reaudit(request, document_id))

    @router.get("/documents/{document_id}/file", tags=["文件"])
    def get_file(request: Request, document_id: int) -> Response:
        """原文件（始终作为下载，不在浏览器中打开）。"""
        entry = web.document_or_404(document_id, web.require(request, api.Role.VIEWER))
        content = store.content(entry.sha256)
        if not content:
            raise HTTPException(409, f"文件 {document_id} 没有保存原文件（超过保存上限）")
        return download(content, "application/octet-stream", "document.bin")

    @router.get("/documents/{document_id}/pages/{number}.png", tags=["文件"])
    def page_png(request: Request, document_id: int, number: int) -> Response:
        """PDF 文件某一页的图像（PNG）。"""
        image, _, _ = web.page_or_404(document_id, number, web.require(request, api.Role.VIEWER),
                                      lambda data, n: api.page_image(data, n, PAGE_SCALE))
        return Response(image, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})

    @router.post("/findings/{finding_id}/review", status_code=201, tags=["复核"], response_model=ReviewOut)
    def review(request: Request, finding_id: int, body: ReviewIn, x_csrf_token: str | None = Header(None)) -> dict[str, Any]:
        """记录复核结论（确认或排除）；结论只追加，不覆盖。"""
        web.check_csrf(request, x_csrf_token)
        decision_id = web.record_review(request, finding_id, body.decision, body.reviewer, body.comment)
        return {"id": decision_id, "finding": finding_id, "decision": body.decision}

    @router.post("/upload", status_code=202, tags=["上传"], response_model=JobsOut)
    async def upload(request: Request, files: list[UploadFile] = File(...),
                     x_csrf_token: str | None = Header(None)) -> dict[str, Any]:
        """上传一个或多个文件（或 zip 压缩包，每个成员一个任务），后台处理。"""
        web.check_csrf(request, x_csrf_token)
        return {"jobs": await accept(web, request, files)}

    @router.get("/jobs/{job_id}", tags=["上传"], response_model=JobOut)
    def job_status(request: Request, job_id: str) -> dict[str, Any]:
        """处理任务的状态。"""
        web.require(request, api.Role.VIEWER)
        job = jobs.get(job_id)
        if job is None:
            raise HTTPException(404, f"没有编号为 {job_id} 的处理任务")
        return job_dict(job)

    @router.get("/compare", tags=["比较"], response_model=CompareOut)
    def compare(request: Request, department: list[str] = Query([]), year: list[int] = Query([])) -> dict[str, Any]:
        """所选部门、年度的关键数字、比上年变化、功能分类构成，以及同年预算与决算、部门与单位的比较。"""
        return plain(comparison(store, web.require(request, api.Role.VIEWER), department, year))

    @router.get("/compare.{fmt}", tags=["比较"])
    def compare_download(request: Request, fmt: str, department: list[str] = Query([]),
                         year: list[int] = Query([])) -> Response:
        """比较结果下载：csv（关键数字）或 xlsx（关键数字、功能分类构成、预算与决算、部门与单位各一张工作表）。"""
        if fmt not in ("csv", "xlsx"):
            raise HTTPException(404, f"不支持的下载格式：{fmt}（可用 csv、xlsx）")
        tables = sheets(comparison(store, web.require(request, api.Role.VIEWER), department, year))
        if fmt == "csv":
            return download(api.csv_bytes(*tables["关键数字"]), EXPORT_TYPES["csv"], "compare.csv")
        return download(api.xlsx_bytes(tables), EXPORT_TYPES["xlsx"], "compare.xlsx")

    @router.get("/export", tags=["导出"])
    def export(request: Request, format: str = Query("xlsx", pattern="^(xlsx|csv|json)$"),
               what: str = Query("documents", pattern="^(documents|findings)$"), department: str | None = None,
               region: str | None = None, year: int | None = None, kind: str | None = None) -> Response:
        """所选文件的关键数字与审核发现：xlsx（两张工作表）、json，或 csv（what=documents 文件，what=findings 发现）。"""
        user = web.require(request, api.Role.VIEWER)
        files = api.export_store(store, format, department=department, region=region, year=year, kind=kind,
                                 regions=user.regions)
        name = next((n for n in files if format != "csv" or what in n), next(iter(files)))
        return download(files[name], EXPORT_TYPES[format], name)

    @router.get("/rules", tags=["规则"], response_model=list[RuleOut])
    def rules() -> list[dict[str, str]]:
        """审核规则目录。"""
        return api.rule_catalogue()

    return router


async def accept(web: WebContext, request: Request, files: list[UploadFile]) -> list[dict[str, str]]:
    """Each uploaded file (each member of a zip) as a background job; 413/400 for a file over the
    limit or empty."""
    web.require(request, api.Role.REVIEWER)
    accepted = []
    for upload_file in files:
        data = await upload_file.read(MAX_UPLOAD + 1)
        if len(data) > MAX_UPLOAD:
            raise HTTPException(413, f"{upload_file.filename}：文件过大（上限 {MAX_UPLOAD >> 20} MB）")
        if not data:
            raise HTTPException(400, f"{upload_file.filename}：文件为空")
        for job in web.jobs.submit_all(Path(upload_file.filename or "upload").name[:200], data):
            accepted.append({"job": job.id, "name": job.name})
    return accepted
