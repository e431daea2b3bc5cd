"""Translating labels that live in tables of constants (column headers, choices, role names).

``self.tr("…")`` covers literal text in a widget; a label kept in a dict or tuple goes through
``label``, in one translation context, ``labels``. ``resources/i18n/update_ts.py`` collects both.
Values the services hand over as Chinese words (data-quality flags, a judge's part in a case) are
shown through ``flag_words`` and ``words``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

_language = "zh_CN"
# Words the services return as values, listed so that update_ts.py collects them under ``labels``.
SERVICE_WORDS = (
    *("承办", "合议庭成员", "数据不全", "待审批", "异常页数"),
    *("刑事", "民事", "行政", "执行", "其他", "审判", "审判标准案件", "执行标准案件"),
    # 职务 (core.params.POSTS) as the roster and the plans show them
    *("院长", "副院长", "审判委员会专职委员", "庭长", "副庭长", "审判员", "院领导", "庭领导"),
    # the year-end grades (core.grading) and the grading record's states
    *("优秀", "称职", "基本称职", "不称职", "不定等次"),
    *("未开始", "个人总结", "等次建议", "考评委员会审核", "公示", "确定", "书面通知"),
    # reasons the services give a plan version of their own
    *("年初下达", "{m} 月调整", "调整 {j} 的任务：{r}"),
)


def set_language(lang: str) -> None:
    global _language
    _language = lang


def label(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def labels(mapping: dict[str, str]) -> dict[str, str]:
    return {k: label(v) for k, v in mapping.items()}


def track_label(track: str) -> str:
    """审判 / 执行, in the window's language."""
    from workload_app.core.formatting import TRACK_LABELS

    return label(TRACK_LABELS[track])


def separator() -> str:
    """Between the items of a short list: 、 in Chinese, a comma in English."""
    return ", " if _language == "en" else "、"


def words(text: object) -> str:
    """A 、-joined list of known Chinese words (承办, 数据不全, …) in the window's language."""
    if not isinstance(text, str) or not text:
        return ""
    return separator().join(label(part) for part in text.split("、"))


def flag_words() -> dict[int, str]:
    """Every combination of data-quality flags (bits) as words, e.g. 数据不全、异常页数."""
    from workload_app.core.standard import FLAG_LABELS

    return {
        bits: separator().join(label(name) for bit, name in FLAG_LABELS.items() if bits & bit)
        for bits in range(2 ** len(FLAG_LABELS))
    }


def user_name(user) -> str:
    """The acting user's name; the local operator (no account) as 本机操作员 in the window's language."""
    if getattr(user, "id", None) is None and user.display_name.startswith("本机操作员"):
        return QCoreApplication.translate("labels", "本机操作员 {login}").format(login=user.login)
    return user.name


def person_name(text: object) -> str:
    """A name recorded in the data (audit rows, batches): the local operator's prefix translated."""
    if isinstance(text, str) and text.startswith("本机操作员 "):
        return QCoreApplication.translate("labels", "本机操作员 {login}").format(
            login=text[len("本机操作员 ") :]
        )
    return text if isinstance(text, str) else ""


def post_label(post: object) -> str:
    """A judge's post (职务: 庭长, 审判员 …) in the window's language."""
    return label(post) if isinstance(post, str) else ""


def plan_reason(reason: object) -> str:
    """A plan version's reason: the services' own words (年初下达, 3 月调整 …) translated, a user's kept."""
    import re

    if not isinstance(reason, str):
        return ""
    if reason == "年初下达":
        return label(reason)
    found = re.fullmatch(r"(\d{1,2}) 月调整", reason)
    if found:
        return label("{m} 月调整").format(m=found.group(1))
    found = re.fullmatch(r"调整 (.+?) 的任务：(.*)", reason, re.S)
    if found:
        return label("调整 {j} 的任务：{r}").format(j=found.group(1), r=found.group(2))
    return reason


def current_language() -> str:
    """The window's language code (``zh_CN`` or ``en``)."""
    return _language


def local_time(value: object) -> str:
    """A stored time as people read it: ``2026-12-07 20:38`` (the file stores local time as
    ISO text; the server gives a time with its zone, shown in this PC's zone). Empty when none."""
    import datetime as dt

    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone()
        return value.strftime("%Y-%m-%d %H:%M")
    if not isinstance(value, str) or not value:
        return ""
    try:
        return local_time(dt.datetime.fromisoformat(value))
    except ValueError:
        return value.replace("T", " ")


# Phrases the services store in Chinese and the window shows: the objects the audit trail names
# (the trail is hash-chained, so the stored words stay as written) and what a held case is held
# out of. Each wording is both the stored shape ({y}, {n}, {m}, {b}: numbers; others: names or
# files kept as recorded) and, translated under ``labels``, its wording in the window's language.
AUDIT_OBJECTS = (
    "{y} 年度参数第 {n} 版",
    "{y} 年度任务，自 {m} 月",
    "{y} 年度任务",
    "{y} 年度考核结果通知：{j}",
    "{y} 年度考核结果通知",
    "{y} 年度考核复核：{j}",
    "{y} 年度考核等次建议",
    "{y} 年度考核优秀公示",
    "{y} 年度考核等次确定",
    "{y} 年度考核：{j}",
    "{y} 年度考核",
    "{y} 年度优秀比例",
    # what a held case is held out of (services.review)
    "{y} 年度标准案件",
    "{y} 年度平均页数",
    "{y} 年度法官标准案件",
    "{y} 年度 {j}",
    "{y} 年度",
    "第 {b} 批：{f}，改派 {n} 件",
    "第 {b} 批：{f}",
    "{n} 个账户",
    "页数上限",
    "金额上限",
    "法院设置",
)


_PLACES = {"y": r"\d{4}", "n": r"\d+", "m": r"\d{1,2}", "b": r"\d+"}


def _shape(wording: str) -> str:
    """The stored shape of a wording: its words as they are, each {x} a value (numbers as digits)."""
    import re

    parts = re.split(r"\{(\w)\}", wording)
    return "".join(
        re.escape(part) if i % 2 == 0 else f"(?P<{part}>{_PLACES.get(part, '.+')})"
        for i, part in enumerate(parts)
    )


def audit_object(text: object) -> str:
    """An audit record's object (「2025 年度参数第 1 版」, 「第 3 批：结案.xlsx」) in the window's
    language; names, file names and logins in it are kept as recorded."""
    import re

    if not isinstance(text, str):
        return ""
    for wording in AUDIT_OBJECTS:
        found = re.fullmatch(_shape(wording), text, re.S)
        if found:
            return QCoreApplication.translate("labels", wording).format(**found.groupdict())
    return text


_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")  # fmt: skip


def months_to(month: int) -> str:
    """The months from January to ``month`` in the window's language: 「1 月」 or 「1—6 月」,
    "January" or "January–June" (never 「1—1 月」 or "months 1–1")."""
    if _language == "en":
        return _MONTHS_EN[0] if month == 1 else f"{_MONTHS_EN[0]}–{_MONTHS_EN[month - 1]}"
    return "1 月" if month == 1 else f"1—{month} 月"


def colon() -> str:
    """Between a field's name and its value: ： in Chinese, ": " in English."""
    return ": " if _language == "en" else "："


def pdf_caption(caption: str) -> str:
    """A save dialog's title for a sheet or notice: in the English window it says that the PDF
    is printed in Chinese (official documents stay Chinese, their file names too)."""
    if _language != "en":
        return caption
    return caption + " — " + QCoreApplication.translate("labels", "报表为正式文书，以中文打印")


def stored_list(text: object) -> str:
    """A 、-joined list of the services' stored phrases (what a held case is held out of …), each
    in the window's language as ``audit_object`` renders it."""
    if not isinstance(text, str) or not text:
        return ""
    return separator().join(audit_object(part) for part in text.split("、"))
