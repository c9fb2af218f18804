"""The REST API's response shapes. What the store keeps as the JSON contracts (the disclosure,
its tables and key figures) is described by the schema generated from the model itself
(`api.disclosure_schema`, the same as docs/disclosure.schema.json) and put into the OpenAPI
document; the shapes only the web app has (lists, jobs, reviews, comparisons) are models here."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from .. import api

Decision = api.Decision  # the store's own: confirmed / dismissed
DECIMAL = "金额为十进制数字的字符串（如 \"11844.1\"），单位见字段说明"


class ReviewIn(BaseModel):
    decision: Decision
    reviewer: str = Field("审核人", description="本机模式下的审核人名称；团队模式下取登录账号")
    comment: str = ""


class ReviewOut(BaseModel):
    id: int
    finding: int
    decision: Decision


class ReviewState(BaseModel):
    decision: Decision
    reviewer: str
    comment: str
    at: str


class FindingOut(BaseModel):
    """One finding of the document's latest audit run (`yusuan.audit/2` finding, stored)."""

    id: int
    rule: str
    severity: str = Field(description="error 错误 / warning 警告 / notice 提示")
    message: str
    expected: str | None = None
    actual: str | None = None
    unit: str | None = None
    evidence: list[dict[str, Any]] = Field(description="依据：what、location（行、页、bbox 等）、value、table、row、column、excerpt")
    review: ReviewState | None = None


class DocumentOut(BaseModel):
    document_id: int
    name: str
    sha256: str
    format: str
    pages: int | None
    status: str
    status_name: str
    reason: str
    department: str | None
    region: str | None
    year: int | None
    kind: str | None
    scope: str | None
    errors: int
    warnings: int
    notices: int
    by_family: dict[str, dict[str, int]]
    figures: dict[str, str | None] = Field(description="关键数字（万元）：" + DECIMAL)
    run_id: int
    catalogue_version: str


class DocumentList(BaseModel):
    page: int
    per_page: int
    documents: list[DocumentOut]


class DocumentDetail(DocumentOut):
    findings: list[FindingOut]


class JobOut(BaseModel):
    job: str
    name: str
    state: str = Field(description="queued 排队 / running 处理中 / done 完成 / failed 失败")
    status: str | None = None
    reason: str = ""
    document: int | None = None


class JobRef(BaseModel):
    job: str
    name: str


class JobsOut(BaseModel):
    jobs: list[JobRef]


class RuleOut(BaseModel):
    id: str
    family: str
    title: str
    severity: str
    category: str
    checks: str
    why: str
    example: str
    tolerance: str


class CompareOut(BaseModel):
    figures: dict[str, str] = Field(description="比较的关键数字及其中文名称")
    rows: list[dict[str, Any]] = Field(description="每个文件一行：关键数字（万元）、比上年变化、基本/项目支出占比、功能分类构成")
    budget_vs_final: list[dict[str, Any]] = Field(description="同一部门同一年度的预算与决算：决算数、预算数、差额、完成率")
    department_vs_units: list[dict[str, Any]] = Field(description="同一年度部门预算与所选单位预算：单位合计与部门之差")


def model_schema_response(definition: str, description: str, *, many: bool = False, keyed: bool = False) -> dict[int | str, Any]:
    """An OpenAPI `responses` entry whose body is a model type (Disclosure, Table, Figure),
    described by the model's own JSON schema (put into the document by `add_model_schemas`)."""
    ref: dict[str, Any] = {"$ref": f"#/components/schemas/{definition}"}
    if many:
        ref = {"type": "array", "items": ref}
    if keyed:
        ref = {"type": "object", "additionalProperties": ref}
    return {200: {"description": description, "content": {"application/json": {"schema": ref}}}}


def add_model_schemas(document: dict[str, Any]) -> dict[str, Any]:
    """The OpenAPI document with the disclosure schema (generated from the model) and its
    definitions as components, their references rewritten to point there."""
    schema = api.disclosure_schema()
    definitions = schema.pop("$defs")
    body = {k: v for k, v in schema.items() if k not in ("$schema", "$id")}

    def pointed(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: (v.replace("#/$defs/", "#/components/schemas/") if k == "$ref" else pointed(v))
                    for k, v in value.items()}
        if isinstance(value, list):
            return [pointed(v) for v in value]
        return value

    components = document.setdefault("components", {}).setdefault("schemas", {})
    for name, definition in definitions.items():
        components.setdefault(name, pointed(definition))
    components["Disclosure"] = pointed(body)
    return document
