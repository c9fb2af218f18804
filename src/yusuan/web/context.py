"""What every route needs: the store, the upload jobs, who is asking and what they may do
(team mode), the CSRF token, and the page templates. One object per app, shared by the REST
routes (rest.py) and the page routes (pages.py)."""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlparse

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from .. import api
from ..api import STATUS_NAMES
from .jobs import Jobs

T = TypeVar("T")
PAGE_SCALE = 1.5  # pixels per PDF point in page images
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "notice": "提示"}
KIND_NAMES = {"budget": "预算", "final_account": "决算"}
SCOPE_NAMES = {"department": "部门", "unit": "单位"}
LOCAL_USER = api.User("本机用户", api.Role.ADMIN, ())


def _templates() -> Environment:
    pages = Environment(loader=PackageLoader("yusuan.web", "templates"), autoescape=select_autoescape(default=True))
    pages.globals.update(SEVERITY_NAMES=SEVERITY_NAMES, KIND_NAMES=KIND_NAMES, STATUS_NAMES=STATUS_NAMES,
                         SCOPE_NAMES=SCOPE_NAMES)
    pages.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": True}
    return pages


@dataclass
class WebContext:
    store: Any  # api.Store
    jobs: Jobs
    team: bool
    pages: Environment

    @classmethod
    def open(cls, store: Any, jobs: Jobs, team: bool) -> WebContext:
        return cls(store, jobs, team, _templates())

    # ---- who asks -------------------------------------------------------------------------

    def who(self, request: Request) -> Any:
        """The account asking (local mode: the one local user); None when not logged in."""
        if not self.team:
            return LOCAL_USER
        name = request.session.get("user")
        return api.find_user(self.store, name) if name else None

    def require(self, request: Request, role: Any) -> Any:
        user = self.who(request)
        if user is None:
            raise HTTPException(401, "请先登录")
        if not user.may(role):
            raise HTTPException(403, "当前账号没有此权限")
        return user

    def check_csrf(self, request: Request, token: str | None) -> None:
        """Team mode: the session's token. Local mode has no session: a write must at least not
        come from another site's page (its Origin, when the browser sends one, is this server)."""
        if not self.team:
            origin = request.headers.get("origin")
            if origin and origin != "null" and urlparse(origin).netloc != request.headers.get("host"):
                raise HTTPException(403, "拒绝来自其他网站的请求")
            return
        expected = request.session.get("csrf")
        if not expected or not token or not hmac.compare_digest(token, expected):
            raise HTTPException(403, "缺少或无效的 CSRF 令牌，请刷新页面后重试")

    def csrf_of(self, request: Request) -> str:
        if not self.team:
            return ""
        if "csrf" not in request.session:
            request.session["csrf"] = secrets.token_urlsafe(32)
        return request.session["csrf"]

    # ---- what is asked for ----------------------------------------------------------------

    def document_or_404(self, document_id: int, user: Any) -> Any:
        entry = self.store.document(document_id)
        if entry is None or not user.sees(entry.region):  # another region's document does not exist for it
            raise HTTPException(404, f"没有编号为 {document_id} 的文件")
        return entry

    def disclosure_or_404(self, document_id: int, user: Any) -> str:
        """The stored disclosure JSON of a document the user may see."""
        self.document_or_404(document_id, user)
        body = self.store.disclosure_body(document_id)
        if body is None:
            raise HTTPException(404, f"文件 {document_id} 没有识别结果（未识别为预算/决算公开文件或读取失败）")
        return body

    def page_or_404(self, document_id: int, number: int, user: Any, draw: Callable[[bytes, int], T]) -> T:
        """`draw` (the page image, or only its size) of a stored PDF's page; 404 with the reason."""
        entry = self.document_or_404(document_id, user)
        if entry.format != "pdf":
            raise HTTPException(404, f"文件 {document_id} 不是 PDF，没有页面图像")
        content = self.store.content(entry.sha256)
        if not content:
            raise HTTPException(409, f"文件 {document_id} 没有保存原文件（超过保存上限），没有页面图像")
        try:
            return draw(content, number)
        except api.ReadError as error:
            raise HTTPException(404, f"文件 {document_id}：{error}") from error

    def record_review(self, request: Request, finding_id: int, decision: Any, reviewer: str, comment: str) -> int:
        user = self.require(request, api.Role.REVIEWER)
        document = self.store.finding_document(finding_id)
        if document is None:
            raise HTTPException(404, f"没有编号为 {finding_id} 的审核发现")
        self.document_or_404(document, user)
        name = user.name if self.team else (reviewer.strip()[:128] or "审核人")  # team mode: the account, not a typed name
        return self.store.review(finding_id, decision, name, comment[:2000])

    def reaudit(self, request: Request, document_id: int) -> Any:
        """Read and audit a stored document again under the current rules, as a background job
        (its result is a new audit run; earlier runs and their review decisions are kept)."""
        entry = self.document_or_404(document_id, self.require(request, api.Role.REVIEWER))
        content = self.store.content(entry.sha256)
        if not content:
            raise HTTPException(409, f"文件 {document_id} 没有保存原文件（超过保存上限），无法重新审核")
        return self.jobs.submit(Path(entry.name).name, content)

    def render(self, request: Request, name: str, **context: Any) -> HTMLResponse:
        return HTMLResponse(self.pages.get_template(name).render(user=self.who(request), team=self.team,
                                                                 csrf=self.csrf_of(request), **context))
