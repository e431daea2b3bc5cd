"""账户通知单: the initial passwords of new accounts, to hand out: several slips per page to cut
apart (the roster's accounts), or one slip per page (``per_page``: a move to the court server, an
account made by hand). Printed once; the passwords are kept nowhere else."""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from workload_app.reports.fonts import markup, register_fonts

ROLE_WORDS = {"judge": "法官", "division_head": "庭长", "admin": "管理员", "personnel": "人事"}


def account_slips(
    court: str, issued: list, printed_at: str, where: str = "", per_page: bool = False
) -> bytes:
    """PDF bytes: a heading, then one slip per account (姓名, 部门, 登录名, 初始密码, 角色);
    ``where``: where to log in (the court server's address), printed on each slip;
    ``per_page``: each slip on a page of its own, under the heading."""
    font = register_fonts()
    title = ParagraphStyle("t", fontName=font, fontSize=15, leading=20, alignment=1)
    body = ParagraphStyle("b", fontName=font, fontSize=10.5, leading=15)
    small = ParagraphStyle("s", fontName=font, fontSize=9, leading=12, textColor=colors.HexColor("#444444"))
    secret = ParagraphStyle("p", fontName=font, fontSize=14, leading=18)

    def heading() -> list:
        return [Paragraph(markup(f"{court} 工作量系统账户通知单".strip()), title)]

    story = [
        *heading(),
        Spacer(1, 3 * mm),
        Paragraph(
            markup(
                f"共 {len(issued)} 个账户，打印于 {printed_at}。初始密码只在本单上出现一次，系统不保存明文；"
                + ("每页一个账户，" if per_page else "请沿虚线剪开，")
                + "当面交给本人。首次登录须修改密码。"
            ),
            small,
        ),
        Spacer(1, 5 * mm),
    ]
    for n, a in enumerate(issued):
        rows = [
            [Paragraph("姓名", body), Paragraph(markup(a.judge), body), Paragraph("部门", body),
             Paragraph(markup(a.division or "—"), body)],
            [Paragraph("登录名", body), Paragraph(markup(a.login), secret), Paragraph("角色", body),
             Paragraph(ROLE_WORDS.get(a.role, a.role), body)],
            [Paragraph("初始密码", body), Paragraph(markup(a.password), secret), Paragraph("", body),
             Paragraph("首次登录须修改", small)],
        ]  # fmt: skip
        if where:
            rows.append([Paragraph("登录位置", body), Paragraph(markup(where), body), "", ""])
        table = Table(rows, colWidths=[22 * mm, 68 * mm, 18 * mm, 62 * mm])
        style = [
            ("LINEABOVE", (0, 0), (-1, 0), 0.6, colors.black, 1, (2, 2)),  # dashed: cut here
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, 0), 6),
        ]
        if where:
            style.append(("SPAN", (1, 3), (3, 3)))
        table.setStyle(TableStyle(style))
        if per_page and n:
            story += [PageBreak(), *heading(), Spacer(1, 8 * mm)]
        story += [KeepTogether([table, Spacer(1, 4 * mm)])]
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=f"{court} 账户通知单",
        author=court,
    )
    doc.build(story)
    return out.getvalue()
