"""The message catalogue: every coded error in Chinese (the default) and English.

A service raises ``WorkloadError(code, **arguments)``; ``render(code, arguments, lang)`` turns it
into text. The command line prints Chinese; the window renders in its own language. Arguments
named ``action``, ``role`` and ``allowed`` are themselves codes (see ``ACTIONS`` and ``ROLES``) and
are rendered in the same language; an argument that is itself a coded error renders in it too.

Every code has both texts (tests iterate the catalogue); templates use ``str.format`` fields.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from workload_app.core import texts_grades, texts_import, texts_people, texts_work

ZH, EN = "zh", "en"

# What a role may or may not do: ``AccessDenied(action=…)``. Chinese as the services wrote it.
ACTIONS: dict[str, tuple[str, str]] = {
    "manage_accounts": ("管理账户", "manage accounts"),
    "reset_password": ("重置密码", "reset passwords"),
    "view_accounts": ("查看账户", "view accounts"),
    "manage_users": ("管理用户", "manage users"),
    "answer_queries": ("答复疑问", "answer queries"),
    "backup": ("备份数据库", "back up the database"),
    "restore": ("恢复数据库", "restore the database"),
    "review_pages": ("复核异常页数", "review unusual page counts"),
    "edit_params": ("修改参数", "change parameters"),
    "publish_params": ("发布参数", "publish parameters"),
    "plan_quotas": ("下达年度任务", "issue the annual quotas"),
    "replan_quotas": ("调整年度任务", "adjust the annual quotas"),
    "override_quota": ("调整法官任务", "adjust a judge's quota"),
    "view_balance": ("查看全院均衡度", "view the court's balance"),
    "view_transfers": ("查看案件调配建议", "view case transfer suggestions"),
    "demo": ("生成示范数据", "create demo data"),
    "preview_params": ("预览参数修改", "preview parameter changes"),
    "simulate_weights": ("权重模拟", "simulate weights"),
    "recompute": ("重新计算全院的标准案件", "recompute the court's standard cases"),
    "import_appeals": ("导入二审结果", "import appeal results"),
    "compare_court": ("查看全院对比数字", "view court-wide comparison figures"),
    "record_approval": ("录入廉政监察员审批", "record the integrity officer's approvals"),
    "court_settings": ("修改法院设置", "change the court settings"),
    "view_audit": ("查看审计日志", "view the audit log"),
    "save_mapping": ("保存表头映射方案", "save header mappings"),
    "page_cap": ("修改页数上限", "change the page limit"),
    "amount_cap": ("修改金额上限", "change the amount limit"),
    "import_cases": ("导入案件", "import cases"),
    "import_history": ("查看导入记录", "view the import history"),
    "undo_import": ("撤销导入", "undo imports"),
    "import_roster": ("导入法官名册", "import the judges' roster"),
    "edit_roster": ("修改名册", "change the roster"),
    "view_roster": ("查看名册", "view the roster"),
    "print_court": ("打印全院汇总表", "print the court summary"),
    "print_division": ("打印该部门的报表", "print this division's sheet"),
    # decisions that only choose what is offered (core.scope.Action): named when one is refused
    "administer": ("管理本程序", "administer the program"),
    "read_court": ("查看全院的数据", "see the whole court's records"),
    "see_ranks": ("查看未公布的排名", "see unpublished ranks"),
    "browse_people": ("查看其他法官的工作量", "see other judges' workloads"),
    "print_divisions": ("打印部门报表", "print division sheets"),
    "pending_reason_any": ("填写任一案件的未结原因", "record why any case is still open"),
}

ACTIONS.update(texts_grades.ACTIONS)  # the year-end grading's own actions

ROLES: dict[str, tuple[str, str]] = {
    "admin": ("管理员", "Administrator"),
    "personnel": ("人事", "Personnel"),
    "division_head": ("庭长", "Division head"),
    "judge": ("法官", "Judge"),
}

# Chinese words the services put inside a message as values (posts, tracks, field names, reasons),
# with their English (as the window shows them); see ``Word`` and ``words``.
WORDS: dict[str, str] = {
    **{"院长": "President", "副院长": "Vice president", "审判委员会专职委员": "Judicial committee member"},
    **{"庭长": "Division head", "副庭长": "Deputy division head", "审判员": "Judge"},
    **{"入额日期": "In post from", "离任日期": "Left on", "调动日期": "Moved on"},
    **{"卷宗页数": "File pages", "庭审笔录页数": "Transcript pages", "裁判文书页数": "Judgment pages"},
    **{"鉴定": "Expert appraisal", "公告": "Public notice", "中止": "Suspended"},
    **{"等待他案": "Awaiting another case", "其他": "Other"},
    **{"案件": "cases", "账户": "accounts", "个人任务调整": "quota adjustments", "法官": "judges"},
    **texts_grades.WORDS,
}

# Every code with its texts, kept by subject in two modules of their own (data, not logic).
MESSAGES: dict[str, tuple[str, str]] = {
    **texts_people.MESSAGES,
    **texts_work.MESSAGES,
    **texts_grades.MESSAGES,
    **texts_import.MESSAGES,
}


def _term(table: dict[str, tuple[str, str]], value: Any, lang: str) -> str:
    pair = table.get(value) if isinstance(value, str) else None
    return pair[1 if lang == EN else 0] if pair else str(value)


def _argument(name: str, value: Any, lang: str) -> Any:
    if name == "action":
        return _term(ACTIONS, value, lang)
    if name == "role":
        return _term(ROLES, value, lang)
    if name == "allowed":
        return (", " if lang == EN else "、").join(_term(ROLES, r, lang) for r in value)
    render_in = getattr(value, "render", None)  # a coded error (or list of them) inside another
    if isinstance(value, Coded) or callable(render_in) and not isinstance(value, str | int | float):
        return render_in(lang)
    return value


def render(code: str, arguments: Mapping[str, Any] | None = None, lang: str = ZH) -> str:
    """The text of ``code`` in ``lang`` (``zh`` unless ``en``), its fields filled from ``arguments``."""
    zh, en = MESSAGES[code]
    template = en if lang.startswith(EN) else zh
    lang = EN if lang.startswith(EN) else ZH
    return template.format(**{k: _argument(k, v, lang) for k, v in (arguments or {}).items()})


def action_code(what: str) -> str:
    """The action code for ``what``, a code or the Chinese phrase a service passes to ``require``."""
    if what in ACTIONS:
        return what
    for code, (zh, _en) in ACTIONS.items():
        if zh == what:
            return code
    return what


class Word:
    """A Chinese word (see ``WORDS``) inside a message: itself in Chinese, its English in English."""

    def __init__(self, zh: str) -> None:
        self.zh = zh

    def render(self, lang: str = ZH) -> str:
        return WORDS.get(self.zh, self.zh) if lang.startswith(EN) else self.zh

    def __str__(self) -> str:
        return self.zh


class Listing:
    """Items inside a message, joined in its language (``、`` in Chinese, a comma in English);
    an item that is a ``Word``, a coded error or a ``Phrase`` is rendered in that language too."""

    def __init__(self, items: Iterable[Any], zh: str = "、", en: str = ", ") -> None:
        self.items, self.zh, self.en = tuple(items), zh, en

    def render(self, lang: str = ZH) -> str:
        lang = EN if lang.startswith(EN) else ZH
        return (self.en if lang == EN else self.zh).join(str(_argument("", i, lang)) for i in self.items)

    def __str__(self) -> str:
        return self.render()


class Phrase:
    """A catalogue text with its arguments used inside another message, in that message's language."""

    def __init__(self, code: str, /, **arguments: Any) -> None:
        self.code, self.arguments = code, arguments

    def render(self, lang: str = ZH) -> str:
        return render(self.code, self.arguments, lang)

    def __str__(self) -> str:
        return self.render()


def words(items: Iterable[str], zh: str = "、", en: str = ", ") -> Listing:
    """Chinese words (posts, reasons…) as one list, each in the message's language."""
    return Listing((Word(w) for w in items), zh, en)


class Coded(str):
    """A catalogue text that still reads as its Chinese text: ``Coded(code, **arguments)`` is the
    string ``render(code, arguments)`` (so ``in``, ``==`` and joining keep working where a Chinese
    message was a plain string), and ``render(lang)`` is the text in ``lang``. What a parser
    returns as the reason a value was refused, and a progress label, are such texts: the caller at
    the edge renders them in its user's language."""

    code: str
    arguments: dict[str, Any]

    def __new__(cls, code: str, /, **arguments: Any) -> Coded:
        text = super().__new__(cls, render(code, arguments, ZH))
        text.code, text.arguments = code, arguments
        return text

    def render(self, lang: str = ZH) -> str:
        return render(self.code, self.arguments, lang)

    def __reduce__(self):  # pickled (a task's result between processes) as code and arguments
        return (_coded, (self.code, self.arguments))


def _coded(code: str, arguments: dict[str, Any]) -> Coded:
    return Coded(code, **arguments)


def in_language(text: Any, lang: str = ZH) -> str:
    """``text`` in ``lang``: a coded text (``Coded``, ``Phrase``, a coded error) rendered, anything
    else (a name, a plain string) as it is."""
    render_in = getattr(text, "render", None)
    return render_in(lang) if callable(render_in) else str(text)
