"""The year-end grading's documents (reportlab, in the sheets' house style): the 公示 list of the
proposed 优秀, the written grade notice per judge (with the 复核 deadline and a signature line)
and the court summary (count per grade per group against the cap)."""

from __future__ import annotations

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from workload_app.core import grading as G
from workload_app.core.grading_params import ROUNDING_LABELS
from workload_app.reports.pdf import CONTENT_W, SheetDoc, escape, styles, table
from workload_app.reports.sheet_parts import SIGN_LINE, _render, opinions

W = CONTENT_W


def _cn_date(value: str) -> str:
    y, m, d = (int(x) for x in str(value)[:10].split("-"))
    return f"{y}年{m}月{d}日"


def _right() -> ParagraphStyle:
    return ParagraphStyle("right", parent=styles()["base"], alignment=TA_RIGHT)


def _sheet(f: dict, story: list, kind: str, who: str) -> SheetDoc:
    return SheetDoc(
        story=story,
        title=f"{f['year']} 年度{kind}：{who}",
        subject=f"{f['court']} {f['year']} 年度考核",
        author=f["court"],
        header=f"{f['court']}　{f['year']} 年度{kind}　{who}",
        footer=f"生成时间：{f['generated_at']}　法官工作量计算器",
    )


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x * 100:.1f}%"


def publication_list(f: dict, invariant: bool = False) -> bytes:
    """公示: the proposed 优秀 of each group, the cap beside them, the period and how to object."""
    st = styles()
    story: list = [
        Paragraph(escape(f["court"]), st["subtitle"]),
        Paragraph(escape(f"{f['year']} 年度法官考核优秀等次人选公示"), st["title"]),
        Paragraph(
            escape(
                f"　　经个人总结、庭长提出意见、法官考评委员会审核，现将本院 {f['year']} 年度法官考核拟定为优秀等次的"
                f"人选予以公示。公示期自 {_cn_date(f['from'])} 至 {_cn_date(f['to'])}"
                f"（{f['rules'].publication_days} 个工作日）。对公示人选有异议的，请在公示期内向政治部（人事）"
                "或法官考评委员会办公室以书面或口头方式反映，反映情况须实事求是，署真实姓名。"
            ),
            st["base"],
        ),
        Spacer(1, 3 * mm),
    ]
    rows = [["序号", "考核组", "姓名", "部门", "职务", "完成率", "得分"]]
    n = 0
    for g in f["groups"]:
        for e in g["judges"]:
            n += 1
            rows.append(
                [
                    str(n),
                    g["group"],
                    e.judge,
                    e.division,
                    e.post,
                    _pct(e.completion),
                    "—" if e.score is None else f"{e.score:.1f}",
                ]
            )
    if n == 0:
        rows.append(["", "", "（无）", "", "", "", ""])
    story.append(table(rows, [W * x for x in (0.07, 0.13, 0.14, 0.24, 0.14, 0.14, 0.14)], numeric_from=5))
    story.append(Paragraph("各考核组优秀名额", st["h2"]))
    caps = [["考核组", "参加定等人数", "优秀比例", "取整", "优秀名额", "公示人数"]]
    for g in f["groups"]:
        c = g["cap"]
        caps.append(
            [
                g["group"],
                str(c.graded),
                f"{c.share * 100:g}%",
                ROUNDING_LABELS[c.rounding],
                str(c.places),
                str(len(g["judges"])),
            ]
        )
    story.append(table(caps, [W / 6] * 6, numeric_from=1))
    story.append(
        KeepTogether(
            [
                Spacer(1, 10 * mm),
                Paragraph(escape(f["court"]), _right()),
                Paragraph(escape("法官考评委员会"), _right()),
                Paragraph(escape(_cn_date(f["from"])), _right()),
            ]
        )
    )
    return _render([_sheet(f, story, "考核优秀等次人选公示", "公示名单")], invariant)


def _notice_story(f: dict) -> list:
    st = styles()
    e, rules = f["entry"], f["rules"]
    review = f.get("review")
    version = e.notice_version
    title = f"{f['year']} 年度考核结果通知" + ("（复核后）" if version > 1 else "")
    story: list = [
        Paragraph(escape(f["court"]), st["subtitle"]),
        Paragraph(escape(title), st["title"]),
        Paragraph(escape(e.notice_number + (f"（第 {version} 版）" if version > 1 else "")), st["subtitle"]),
        Paragraph(escape(f"{e.judge}同志："), st["base"]),
    ]
    if review is not None and version > 1:
        body = (
            f"　　你于 {_cn_date(review['requested_at'])} 对本院 {f['year']} 年度考核结果提出的复核申请，"
            f"经法官考评委员会复核，决定将你的考核等次由「{review['previous_grade']}」改为「{e.final}」。"
            f"复核理由：{review['decision_reason']}。"
        )
    else:
        body = (
            f"　　根据《中华人民共和国法官法》第四十一条、第四十二条，经个人总结、庭长提出意见、法官考评委员会审核"
            f"{('（' + e.meeting + '）') if e.meeting else ''}和公示，你 {f['year']} 年度考核确定为："
        )
    story += [Paragraph(escape(body), st["base"]), Spacer(1, 2 * mm)]
    story.append(Paragraph(escape(f"考核等次：{e.final}"), st["title"]))
    facts = [
        ["部门", e.division, "职务", e.post],
        ["完成率", _pct(e.completion), "得分", "—" if e.score is None else f"{e.score:.1f}"],
    ]
    story.append(table(facts, [W * 0.18, W * 0.32, W * 0.18, W * 0.32], zebra=False, header_rows=0))
    if e.decision_reason and version == 1:
        story.append(Paragraph(escape(f"考评委员会意见：{e.decision_reason}"), st["base"]))
    elif e.final == G.UNGRADED and version == 1:  # the reason of a proposal the committee kept
        story.append(Paragraph(escape(f"说明：{e.proposal_text}"), st["base"]))
    if e.consequences:
        story.append(Paragraph("考核结果的运用", st["h2"]))
        for text in e.consequences:
            story.append(Paragraph(escape("· " + text), st["base"]))
    story.append(Paragraph("救济途径", st["h2"]))
    if version > 1:
        story.append(
            Paragraph(
                escape(
                    f"　　对复核决定仍有异议的，可以自收到本通知之日起 {f['appeal_days']} 日内依法提出申诉。"
                ),
                st["base"],
            )
        )
    else:
        story.append(
            Paragraph(
                escape(
                    f"　　对考核结果有异议的，可以自收到本通知之日起 {rules.review_days} 日内"
                    f"（至 {_cn_date(e.review_deadline)}）向法官考评委员会书面申请复核；"
                    f"对复核决定仍有异议的，可以自收到复核决定之日起 {f['appeal_days']} 日内提出申诉。"
                ),
                st["base"],
            )
        )
    story.append(
        KeepTogether(
            [
                Spacer(1, 6 * mm),
                Paragraph(escape(f["court"]), _right()),
                Paragraph(escape("法官考评委员会"), _right()),
                Paragraph(escape(_cn_date(e.notice_at)), _right()),
                Spacer(1, 4 * mm),
                Paragraph("本人签收与意见", st["h2"]),
                opinions(["本人意见（是否同意考核结果）", "本人签收"], remarks=False),
                Paragraph(escape("（请在签收后交回政治部（人事）一份，本人留存一份。）"), st["note"]),
            ]
        )
    )
    return story


def grade_notice(f: dict, invariant: bool = False) -> bytes:
    e = f["entry"]
    return _render([_sheet(f, _notice_story(f), "考核结果通知", f"{e.judge}（{e.division}）")], invariant)


def court_summary(f: dict, invariant: bool = False) -> bytes:
    """Count per grade per group, beside the cap."""
    st = styles()
    story: list = [
        Paragraph(escape(f["court"]), st["subtitle"]),
        Paragraph(escape(f"{f['year']} 年度法官考核等次汇总表"), st["title"]),
        Paragraph(escape(f"状态：{f['state']}"), st["subtitle"]),
    ]
    head = ["考核组", *G.GRADES, "优秀名额", "是否超出"]
    rows = [head]
    total = dict.fromkeys(G.GRADES, 0)
    for g in f["groups"]:
        c = g["cap"]
        for gr in G.GRADES:
            total[gr] += g["counts"][gr]
        over = g["counts"][G.EXCELLENT] > c.places
        rows.append(
            [
                g["group"],
                *[str(g["counts"][gr]) for gr in G.GRADES],
                f"{c.places}（{c.graded} 人 × {c.share * 100:g}%）",
                "超出" if over else "否",
            ]
        )
    rows.append(["合计", *[str(total[gr]) for gr in G.GRADES], "", ""])
    story.append(table(rows, [W * 0.13] + [W * 0.1] * 5 + [W * 0.22, W * 0.15], numeric_from=1))
    row = f.get("row") or {}
    if row.get("cap_approval"):
        story.append(
            Paragraph(
                escape(f"优秀比例经批准调整为 {row['cap_share'] * 100:g}%（{row['cap_approval']}）。"),
                st["note"],
            )
        )
    story.append(Spacer(1, 8 * mm))
    story.append(Paragraph(SIGN_LINE, _right()))
    return _render([_sheet(f, story, "考核等次汇总表", "全院")], invariant)
