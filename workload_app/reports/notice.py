"""任务下达通知 in the form of a court's internal 通知 (after GB/T 9704, the layout of official
documents): the document number (发文字号) over a rule, one title naming issuer and matter with no
gaps inside, the addressee (主送), the body (正文: the plan and its version, the quota with its
derivation, the monthly targets), the signature (落款: issuer and 成文日期 in Chinese, in a clear
42 mm square where the court's seal goes and covers nothing), the receipt (签收) by the judge and by
the one who answers for the judge's post, and the copies (抄送) at the foot."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from workload_app.core import formatting as fmt
from workload_app.reports import reconcile
from workload_app.reports.fonts import segments
from workload_app.reports.pdf import CONTENT_W, SheetDoc, escape, heading, para, styles, table
from workload_app.reports.sheet_parts import _doc, _kv, _render, cn_date, with_note

W = CONTENT_W
SEAL = 42 * mm  # the diameter of a court's round seal


def receipt_signers(post: str) -> list[str]:
    """Who signs for a notice: the judge, and the one the post answers to (庭长 for a judge of the
    division, 分管院领导 for a 庭长, 院长 for a 副院长 or 专委; a 院长 alone)."""
    own = "本人签收"
    if post == "院长":
        return [own]
    if post in ("副院长", "审判委员会专职委员"):
        return [own, "院长签收"]
    if post == "庭长":
        return [own, "分管院领导签收"]
    return [own, "庭长签收"]


def copies(division: str | None, post: str) -> str:
    """抄送: the personnel office and the trial-management office always; the judge's division
    where the judge belongs to one and is not a court leader."""
    out = ["政治部（人事）", "审判管理办公室"]
    if division and post not in ("院长", "副院长", "审判委员会专职委员"):
        out.append(division)
    return "、".join(out)


class SealBlock(Flowable):
    """落款: the issuer and the 成文日期, right-aligned, centred in a clear square of ``SEAL`` (plus
    a margin) where the seal is pressed over them; nothing else is drawn in that square."""

    def __init__(self, issuer: str, date: str, size: float = 10.5) -> None:
        super().__init__()
        self.issuer, self.date, self.size = issuer, date, size
        self.height = SEAL + 4 * mm

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        return aw, self.height

    def _text_width(self, text: str) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return sum(stringWidth(t, f, self.size) for f, t in segments(text))

    def seal_box(self) -> tuple[float, float, float, float]:
        """(x, y, w, h) of the clear square, in the flowable's coordinates."""
        return self.width - 4 * mm - SEAL, 2 * mm, SEAL, SEAL

    def text_lines(self) -> list[tuple[str, float, float]]:
        """(text, x, y) of the issuer and the date: centred on the seal's square, as the seal is
        pressed over the issuer's name and the date (上不压正文、下骑年盖月)."""
        x, y, w, h = self.seal_box()
        centre_x, centre_y = x + w / 2, y + h / 2
        out = []
        for text, dy in ((self.issuer, 2.5 * mm), (self.date, -4.5 * mm)):
            tw = self._text_width(text)
            out.append((text, min(centre_x - tw / 2, self.width - tw), centre_y + dy))
        return out

    def draw(self) -> None:
        c = self.canv
        for text, x, y in self.text_lines():
            for font, run in segments(text):
                c.setFont(font, self.size)
                c.drawString(x, y, run)
                x += c.stringWidth(run, font, self.size)

    def getPlainText(self) -> str:  # noqa: N802 - reportlab naming
        return f"{self.issuer}\n{self.date}"


def receipt(labels: list[str]) -> Table:
    """签收: a row per signer with room for the signature and the date in 年 月 日."""
    st = styles()
    line = "签名：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日"
    rows = [
        [Paragraph(escape(label), st["cell"]), [Spacer(1, 6 * mm), Paragraph(line, st["cell"])]]
        for label in labels
    ]
    t = Table(rows, colWidths=[W * 0.2, W * 0.8])
    t.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, "#9aa7b8"),
                ("VALIGN", (0, 0), (0, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (0, -1), "#eef2f7"),
            ]
        )
    )
    return t


def _number_head(number: str) -> list:
    centre = ParagraphStyle("number", parent=styles()["base"], fontSize=10.5, leading=14, alignment=TA_CENTER)
    return [
        Paragraph(escape(number), centre),
        HRFlowable(width="100%", thickness=1.2, color=colors.HexColor("#b22222"), spaceBefore=2 * mm),
        Spacer(1, 5 * mm),
    ]


def _body_style() -> ParagraphStyle:
    return ParagraphStyle("body", parent=styles()["base"], fontSize=10.5, leading=17, firstLineIndent=21)


def _copies_block(text: str) -> list:
    return [
        Spacer(1, 4 * mm),
        HRFlowable(width="100%", thickness=0.6, color=colors.black, spaceAfter=1 * mm),
        Paragraph(escape(f"抄送：{text}。"), styles()["base"]),
        HRFlowable(width="100%", thickness=0.6, color=colors.black, spaceBefore=1 * mm),
    ]


def _task(n: dict) -> list:
    """A judge's task: who, the quota with its derivation, the monthly targets."""
    st = styles()
    story: list = [
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
        heading("一、任务推导"),
        Paragraph(escape(n["sentence"]), st["base"]),
        Paragraph(escape(f"基本任务的推导：{n['derivation']}"), st["note"]),
        heading("二、逐月目标"),
    ]
    rows = [["月份", "当月目标", "累计目标"]]
    cumulative = 0.0
    for m, v in enumerate(n["months"], start=1):
        cumulative += v
        rows.append([fmt.MONTH_NAMES[m - 1], fmt.sc(v), fmt.sc(cumulative)])
    body_rows = rows[1:]
    note = reconcile.running_note(
        [r[0] for r in body_rows],
        [r[1] for r in body_rows],
        [r[2] for r in body_rows],
        "累计目标",
        "当月目标",
    )
    story.extend(with_note(table(rows, [W / 3] * 3, numeric_from=1), note))
    return story


def attachment_title(n: dict, year: int) -> str:
    return f"{n['judge']}{year}年度基本结案任务"


def notice_docs(f: dict) -> list[SheetDoc]:
    """任务下达通知 for each judge of ``f["notices"]``, each with its own 文号; with the court's
    ``plan`` numbering one 通知 with the plan's 文号 and each judge's task as its attachment."""
    if f.get("numbering") == "plan":
        return plan_notice_docs(f)
    plan = f["plan"]
    year = f["year"]
    body = _body_style()
    docs = []
    for n in f["notices"]:
        issued = cn_date(plan["created_at"])
        title = f"{f['issuer']}关于下达{year}年度基本结案任务的通知"
        why = plan["reason"] or "年度计划"
        story: list = [
            *_number_head(n["number"]),
            heading(title, "title"),
            Spacer(1, 3 * mm),
            Paragraph(escape(f"{n['judge']}同志："), body),
            para(
                f"根据本院{year}年度任务计划第 {plan['version']} 版（{why}），现将你{year}年度的"
                f"基本结案任务下达如下，请按月推进。",
                body,
                indent=21,
            ),
            Spacer(1, 2 * mm),
            *_task(n),
        ]
        story.append(
            KeepTogether(
                [
                    SealBlock(f["issuer"], issued),
                    heading("签收"),
                    receipt(receipt_signers(n["post"])),
                    *_copies_block(copies(n["division"], n["post"])),
                ]
            )
        )
        doc = _doc(
            f, story, "基本结案任务下达通知", n["judge"], f"{n['judge']}（{n['division']}）　{n['number']}"
        )
        doc.title = f"{title}（{n['judge']}，{n['number']}）"
        doc.subject = f"{f['issuer']} {year} 年度基本结案任务（任务计划第 {plan['version']} 版）"
        doc.header = f"{f['issuer']}　{n['number']}　{n['judge']}（{n['division']}）　{year} 年度基本结案任务"
        doc.footer = ""  # an official notice carries no program's name
        doc.group, doc.entry = n["division"] or "", f"{n['judge']}（{n['post']}）　{n['number']}"
        docs.append(doc)
    return docs


def plan_notice_docs(f: dict) -> list[SheetDoc]:
    """One 通知 for the plan (its 文号, title, 主送 the divisions, 正文, the list of attachments,
    落款 with the seal's square, 抄送), then each judge's task as 「附件 n」 with the judge's 签收."""
    plan, year = f["plan"], f["year"]
    # in plan order, numbered 1, 2, … in this document (the cover lists exactly what follows it)
    notices = [
        {**n, "attachment": i}
        for i, n in enumerate(sorted(f["notices"], key=lambda n: n["attachment"]), start=1)
    ]
    number = notices[0]["number"]
    body = _body_style()
    st = styles()
    title = f"{f['issuer']}关于下达{year}年度基本结案任务的通知"
    why = plan["reason"] or "年度计划"
    divisions = list(dict.fromkeys(n["division"] or "未分部门" for n in notices))
    listed = "；".join(f"{n['attachment']}. {attachment_title(n, year)}" for n in notices)
    story: list = [
        *_number_head(number),
        heading(title, "title"),
        Spacer(1, 3 * mm),
        para(f"{'、'.join(divisions)}：", ParagraphStyle("to", parent=body, firstLineIndent=0)),
        para(
            f"根据本院{year}年度任务计划第 {plan['version']} 版（{why}），现将{len(notices)}名法官{year}年度的"
            f"基本结案任务作为附件印发给你们，请转各法官签收，按月推进。",
            body,
            indent=21,
        ),
        Spacer(1, 2 * mm),
        para(f"附件：{listed}", st["base"], indent=0),
        KeepTogether(
            [
                SealBlock(f["issuer"], cn_date(plan["created_at"])),
                *_copies_block("政治部（人事）、审判管理办公室"),
            ]
        ),
    ]
    cover = _doc(f, story, "基本结案任务下达通知", "通知", f"通知　{number}")
    cover.title = f"{title}（{number}）"
    cover.subject = f"{f['issuer']} {year} 年度基本结案任务（任务计划第 {plan['version']} 版）"
    cover.header = f"{f['issuer']}　{number}　{year} 年度基本结案任务"
    cover.footer = ""
    cover.group, cover.entry = "", f"通知　{number}"
    docs = [cover]
    for n in notices:
        label = f"附件 {n['attachment']}"
        story = [
            Paragraph(escape(label), st["base"]),
            Spacer(1, 3 * mm),
            heading(attachment_title(n, year), "title"),
            Spacer(1, 3 * mm),
            *_task(n),
            KeepTogether([heading("签收"), receipt(receipt_signers(n["post"]))]),
        ]
        doc = _doc(f, story, "基本结案任务下达通知", n["judge"], f"{n['judge']}（{n['division']}）　{label}")
        doc.title = f"{title}（{number}）{label}：{attachment_title(n, year)}"
        doc.subject = cover.subject
        doc.header = f"{f['issuer']}　{number}　{label}　{n['judge']}（{n['division']}）"
        doc.footer = ""
        doc.group, doc.entry = n["division"] or "", f"{n['judge']}（{n['post']}）　{label}"
        docs.append(doc)
    return docs


def quota_notice(f: dict, invariant: bool = False) -> bytes:
    return _render(notice_docs(f), invariant)
