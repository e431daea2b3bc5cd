"""The year-end judge sheet's grade: the confirmed 考核等次 and the assessment committee's line,
as a small block the judge sheet places before its closing part (nothing before 确定)."""

from __future__ import annotations

from reportlab.platypus import Paragraph

from workload_app.reports.pdf import escape, styles


def grade_block(grade: dict | None) -> list:
    """「年度考核等次」 with the committee's line; [] when the year's grades are not confirmed."""
    if not grade:
        return []
    st = styles()
    line = f"法官考评委员会于 {grade['confirmed_at']} 确定" + (
        f"（{grade['meeting']}）" if grade["meeting"] else ""
    )
    if grade["reason"]:
        line += f"；意见：{grade['reason']}"
    out = [
        Paragraph("年度考核等次", st["h2"]),
        Paragraph(escape(f"考核等次：{grade['grade']}"), st["base"]),
        Paragraph(escape(line), st["base"]),
    ]
    if grade["consequences"]:
        out.append(Paragraph(escape("考核结果运用：" + "；".join(grade["consequences"])), st["note"]))
    return out
