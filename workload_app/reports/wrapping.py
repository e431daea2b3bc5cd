"""Word-aware line breaking for CJK text on paper.

reportlab's CJK wrapping breaks after any character, so a narrow cell printed 「小额诉讼、数/据不全」
and 「金融借款合同纠/纷」. Here a text is cut into units that never break: the words of the sheets'
glossary (rule and flag labels, categories, the closing methods), case causes (… 纠纷, … 罪), a
quoted label 「…」, a case number, a date in Chinese form, a number with its unit sign, a run of
Latin letters or digits; then lines are filled greedily with whole units, and a punctuation mark
that may not start a line stays with the unit before it. A unit wider than a whole line is the
only thing ever cut inside.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.pdfbase.pdfmetrics import stringWidth

from workload_app.reports.fonts import segments

# labels printed on the sheets that a reader takes as one word
GLOSSARY = (
    "小额诉讼",
    "简易程序",
    "普通程序",
    "速裁程序",
    "数据不全",
    "待审批",
    "页数异常",
    "页数待核",
    "减刑假释",
    "执行完毕",
    "终结本次执行程序",
    "终结执行",
    "驳回申请",
    "不予执行",
    "撤回申请",
    "廉政监察员",
    "合议庭",
    "标准案件",
    "审判标准案件",
    "执行标准案件",
    "承办法官",
    "基本任务",
    "职务系数",
    "在岗时间",
    "结案率",
    "结收比",
    "法定审限内结案率",
    "平均审理天数",
    "长期未结案件",
    "一审服判息诉率",
    "二审改判发回重审率",
    "执行到位率",
    "未结原因",
    "立案日期",
    "结案日期",
    "部门负责人",
    "分管院领导",
    "政治部",
    "刑事",
    "民事",
    "行政",
    "执行",
)

# marks that never start a line (reportlab's list lacks the full-width comma, semicolon, colon …)
NO_START = ALL_CANNOT_START + "，；：？！、。）」』】》〉…%"
# marks that never end one: an opening bracket goes with what follows
NO_END = ALL_CANNOT_END + "(（「『【《〈"

_PATTERNS = (
    r"[（(]\d{4}[)）][^\s、，。；]*?号",  # a case number
    r"\d{4} ?年 ?\d{1,2} ?月(?: ?\d{1,2} ?日)?",  # a date in Chinese form
    r"「[^」]{1,16}」",  # a quoted label
    # a case cause: CJK characters ending in 纠纷 or 罪, not starting across a function word
    r"(?:(?![为的是在与和及或对])[\u4e00-\u9fff]){2,12}?(?:纠纷|罪)",
    r"[0-9A-Za-z][0-9A-Za-z.,:%/+\-×÷=]*",  # a number, a code, an ISO date
)


def glossary() -> tuple[str, ...]:
    """The words above and the labels the figures print (flags, categories) from where they are
    defined."""
    from workload_app.core.casenumber import CATEGORY_LABELS
    from workload_app.core.standard import FLAG_LABELS

    return (*GLOSSARY, *FLAG_LABELS.values(), *CATEGORY_LABELS.values())


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    words = sorted(set(glossary()), key=len, reverse=True)
    return re.compile("|".join([*_PATTERNS, *(re.escape(w) for w in words)]))


def _tag_list(text: str) -> list[str] | None:
    """「小额诉讼、异常页数」: a cell listing short labels; each label is a unit."""
    parts = text.split("、")
    if len(parts) > 1 and all(0 < len(p) <= 10 and not re.search(r"\s", p) for p in parts):
        return [p + "、" for p in parts[:-1]] + [parts[-1]]
    return None


def units(text: str) -> list[str]:
    """``text`` cut into the pieces a line may break between."""
    tags = _tag_list(text)
    if tags is not None:
        return tags
    out: list[str] = []
    pos = 0
    for m in _pattern().finditer(text):
        out.extend(text[pos : m.start()])
        out.append(m.group(0))
        pos = m.end()
    out.extend(text[pos:])
    # a mark that may not start a line joins the unit before it, one that may not end a line
    # the unit after it
    merged: list[str] = []
    for u in out:
        if merged and (u[0] in NO_START or merged[-1][-1] in NO_END):
            merged[-1] += u
        else:
            merged.append(u)
    return merged


def width(text: str, size: float, bold: bool = False) -> float:
    return sum(stringWidth(run, font, size) for font, run in segments(text, bold))


def lines(text: str, room: float, size: float, bold: bool = False) -> list[str]:
    """``text`` broken into lines no wider than ``room`` points, between whole units only (a
    unit wider than ``room`` is cut by characters). Explicit line breaks are kept."""
    out: list[str] = []
    for para in text.split("\n"):
        line = ""
        for u in units(para):
            if width(line + u, size, bold) <= room or not line:
                line += u
            else:
                out.append(line.rstrip())
                line = u.lstrip()
            while width(line, size, bold) > room and len(line) > 1:  # a unit longer than a line
                cut = len(line) - 1
                while cut > 1 and width(line[:cut], size, bold) > room:
                    cut -= 1
                out.append(line[:cut])
                line = line[cut:]
        out.append(line)
    return out
