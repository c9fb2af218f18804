"""What processing one file gave — read, recognised and audited, or refused and why — in plain
values, so that it crosses process boundaries (a worker process, a Dask cluster) as JSON and is
stored in one transaction."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    DONE = "done"  # read and audited
    NOT_DISCLOSURE = "not_disclosure"  # readable, but no budget title, standard table or key figure
    FAILED = "failed"  # unreadable, hostile, over a limit or crashed: `reason` says which


STATUS_NAMES = {Status.DONE: "已审核", Status.NOT_DISCLOSURE: "未识别为预算/决算公开文件", Status.FAILED: "失败"}


@dataclass
class Outcome:
    name: str  # the file's name as the user gave it (a path inside a folder or zip archive)
    sha256: str
    size: int
    format: str  # the reader's format (pdf, docx, xlsx, html, text, json) or the file's suffix
    status: Status
    reason: str = ""  # Chinese: why it failed, or what was found in a file that is not a disclosure
    pages: int | None = None
    seconds: float = 0.0
    audit: dict[str, Any] | None = None  # the `yusuan.audit/2` document (disclosure included)
    html: str | None = None  # the audit report page
    catalogue_version: str = ""
    yusuan_version: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Outcome:
        return cls(**{**data, "status": Status(data["status"])})
