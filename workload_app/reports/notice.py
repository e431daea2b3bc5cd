"""任务下达通知: one notice per judge with the issuing body, document number, date, plan version,
the quota with its derivation, the monthly targets and a receipt."""

from __future__ import annotations

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from workload_app.core import formatting as fmt
from workload_app.reports.pdf import CONTENT_W, SheetDoc, escape, heading, styles, table
from workload_app.reports.sheet_parts import _doc, _kv, _render, opinions, quota_text

W = CONTENT_W


def _cn_date(value: str) -> str:
    y, m, d = (int(x) for x in str(value)[:10].split("-"))
    return f"{y}年{m}月{d}日"


def notice_docs(f: dict) -> list[SheetDoc]:
    """任务下达通知: one notice per judge with the issuing body, document number (文号), date,
    plan version, the year's quota with its derivation and the monthly targets, and a receipt."""
    st = styles()
    plan = f["plan"]
    docs = []
    for n in f["notices"]:
        story: list = [
            heading(f["issuer"], "title"),
            heading(f"关于下达 {f['year']} 年度基本结案任务的通知", "title"),
            Paragraph(escape(n["number"]), st["subtitle"]),
            Paragraph(escape(f"{n['judge']}同志："), st["base"]),
            Paragraph(
                escape(
                    f"　　根据本院 {f['year']} 年度任务计划（第 {plan['version']} 版，{plan['reason'] or '年度计划'}），"
                    f"现将你 {f['year']} 年度的基本结案任务下达如下，请按月推进。"
                ),
                st["base"],
            ),
            Spacer(1, 2 * mm),
            _kv(
                [
                    ("法官", n["judge"]),
                    ("部门", n["division"]),
                    ("职务", n["post"]),
                    ("类别", fmt.TRACK_LABELS[n["track"]]),
                    ("年度任务", fmt.sc(n["quota"])),
                    ("计量单位", fmt.UNIT_LABELS[n["track"]]),
                ]
            ),
            heading("任务推导"),
        ]
        story.append(Paragraph(escape(quota_text(n, n)), st["base"]))
        story.append(Paragraph(escape(n["derivation"]), st["note"]))
        story.append(heading("逐月目标"))
        rows = [["月份", "当月目标", "累计目标"]]
        cumulative = 0.0
        for m, v in enumerate(n["months"], start=1):
            cumulative += v
            rows.append([fmt.MONTH_NAMES[m - 1], fmt.sc(v), fmt.sc(cumulative)])
        story.append(table(rows, [W / 3] * 3, numeric_from=1))
        right = ParagraphStyle("issuer", parent=st["base"], alignment=TA_RIGHT)
        receipt = ["法官签收", "庭长签收"] if n["post"] != "庭长" else ["法官签收", "分管院领导签收"]
        story.append(
            KeepTogether(
                [
                    Spacer(1, 6 * mm),
                    Paragraph(escape(f["issuer"]), right),
                    Paragraph(escape(_cn_date(plan["created_at"])), right),
                    Paragraph(escape(f"（任务计划第 {plan['version']} 版）"), right),
                    Spacer(1, 4 * mm),
                    opinions(receipt, remarks=False),
                ]
            )
        )
        doc = _doc(
            f, story, "基本结案任务下达通知", n["judge"], f"{n['judge']}（{n['division']}）　{n['number']}"
        )
        doc.subject = f"{f['issuer']} {f['year']} 年度基本结案任务（任务计划第 {plan['version']} 版）"
        doc.header = (
            f"{f['issuer']}　{n['number']}　{n['judge']}（{n['division']}）　{f['year']} 年度基本结案任务"
        )
        docs.append(doc)
    return docs


def quota_notice(f: dict, invariant: bool = False) -> bytes:
    return _render(notice_docs(f), invariant)
