"""The rule catalogue as text for `yusuan rules` and as Markdown for docs/rules.md."""

from __future__ import annotations

from ..catalogue import data, rules
from ..model.findings import SEVERITY_NAMES


def rules_text(rule_ids: list[str], detailed: bool = False) -> str:
    catalogue = rules()
    lines = []
    for rule_id in rule_ids:
        meta = catalogue[rule_id]
        lines.append(f"{meta.id:<10} {SEVERITY_NAMES[meta.severity]}  {meta.category}  {meta.title}")
        if detailed:
            lines += [f"  检查：{meta.checks}", f"  意义：{meta.why}", f"  示例：{meta.example}",
                      f"  允许误差：{meta.tolerance}", ""]
    return "\n".join(lines).rstrip()


def rules_markdown(rule_ids: list[str]) -> str:
    catalogue = rules()
    lines = ["# 审核规则目录 (audit rule catalogue)", "",
             "Generated from `src/yusuan/catalogue/rules.toml` by `yusuan rules --markdown`; do not edit by hand.",
             "", "## 严重程度的原则 (severity policy)", "",
             *(f"- {line}" for line in data("rules.toml")["policy"]["severity"]), "",
             "| 编号 | 严重程度 | 类别 | 规则 |", "|---|---|---|---|"]
    lines += [f"| [{catalogue[r].id}](#{catalogue[r].id.lower()}) | {SEVERITY_NAMES[catalogue[r].severity]} | "
              f"{catalogue[r].category} | {catalogue[r].title} |" for r in rule_ids]
    for rule_id in rule_ids:
        meta = catalogue[rule_id]
        lines += ["", f"## {meta.id}", "", f"**{meta.title}**（{SEVERITY_NAMES[meta.severity]}，{meta.category}）", "",
                  f"- 检查：{meta.checks}", f"- 意义：{meta.why}", f"- 示例：{meta.example}",
                  f"- 允许误差：{meta.tolerance}"]
    return "\n".join(lines)
