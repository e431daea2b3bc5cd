"""The ``workload`` command: every user action of the services, from a terminal.

``workload [--db PATH|postgresql://HOST:PORT/DB] [--user LOGIN] COMMAND …``; errors exit non-zero
with one clear line on stderr. On the court server every command runs exactly as on a file; the
password goes to the server only (from $WORKLOAD_PASSWORD, else a hidden prompt).
"""

from __future__ import annotations

import os
from pathlib import Path

import click
import pandas as pd

from workload_app import __version__
from workload_app.core.messages import render
from workload_app.core.problems import WorkloadError
from workload_app.services.session import (
    ServerLogin,
    classify,
    default_target,
    is_server_address,
    open_db,
    open_store,
    server_login,
)


class _Group(click.Group):
    """Turns the application's own errors into one line on stderr and exit status 1."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except Exception as exc:
            obj = ctx.find_object(Context)
            # an OS error names its own file (an export's folder read-only); others are the store's
            store = obj.db_path if obj and not isinstance(exc, OSError) else None
            clear = classify(exc, store)  # the window asks the same
            if clear is None and isinstance(exc, OSError):  # a file the command was given
                clear = WorkloadError("db.os_error", detail=exc.strerror or str(exc), file=exc.filename or "")
            if clear is None:
                raise
            click.echo(render("cli.error", {"message": clear}), err=True)
            ctx.exit(1)


class Context:
    """The store (a database file or the court server), opened on first use, with the ``--user``
    account logged in on it (on the server: the server's login, always an account)."""

    def __init__(self, db_path: Path | ServerLogin, user: str | None) -> None:
        self.db_path = db_path  # what the commands print: the file, or the server's address
        self.user = user
        self._db = None
        self.must_change = False

    @property
    def on_server(self) -> bool:
        return isinstance(self.db_path, ServerLogin)

    def _password(self, login: str) -> str:
        password = os.environ.get("WORKLOAD_PASSWORD")
        if password is None:
            password = click.prompt(f"{login} 的密码", hide_input=True, err=True)
        return password

    def _open(self):
        if self._db is None:
            if self.on_server:
                if not self.db_path.user:
                    raise click.UsageError(
                        "连接法院服务器须指定账户：--user LOGIN", ctx=click.get_current_context()
                    )
                target = self.db_path.with_password(self._password(self.db_path.user))
                db, self.must_change = open_store(target)
            else:  # a file: its own accounts, as ever
                from workload_app.services import accounts

                db = open_db(self.db_path)
                if self.user:
                    _, self.must_change = accounts.login(db, self.user, self._password(self.user))
                else:  # no --user: the person at this computer
                    accounts.access.bind_local_operator(db)
            self._db = db
        return self._db

    @property
    def db(self):
        db = self._open()
        if self.must_change:
            raise WorkloadError(f"账户「{self.user}」须先修改密码：workload --user {self.user} passwd")
        return db


pass_ctx = click.make_pass_decorator(Context)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_path",
    type=str,
    default=None,
    help="数据库文件，或法院服务器 postgresql://主机:端口/数据库（默认：$WORKLOAD_DB，否则用户数据目录中的 workload.sqlite）",
)
@click.option(
    "--user",
    default=None,
    help="以该账户登录（密码取自 $WORKLOAD_PASSWORD，否则提示输入）；数据库文件上不指定时以本机操作员身份运行，"
    "法院服务器上必须指定",
)
@click.version_option(__version__, prog_name="workload")
@click.pass_context
def cli(ctx: click.Context, db_path: str | None, user: str | None) -> None:
    """法官工作量（标准案件）计算器。"""
    target = db_path or default_target()
    if is_server_address(target):
        try:
            target = server_login(str(target), user=user)
        except ValueError:
            raise click.BadParameter(
                f"「{target}」不是法院服务器的地址；应为 postgresql://主机:端口/数据库", param_hint="--db"
            ) from None
    if isinstance(target, ServerLogin):
        ctx.obj = Context(target, user or target.user or None)
    else:
        ctx.obj = Context(Path(target).expanduser(), user)


@cli.command()
@pass_ctx
def init(ctx: Context) -> None:
    """创建（或升级）数据库。"""
    ctx.db  # noqa: B018 - opening creates and migrates
    click.echo(f"数据库已就绪：{ctx.db_path}")


@cli.command()
@click.option("--seed", default=2025, show_default=True, help="随机种子：同一种子生成同样的数据")
@click.option("--cases-per-year", default=20_000, show_default=True, help="每年结案数")
@click.option("--if-missing", is_flag=True, help="数据库已有案件时什么也不做")
@pass_ctx
def demo(ctx: Context, seed: int, cases_per_year: int, if_missing: bool) -> None:
    """生成示范法院（两个完整年度的案件、法官、参数）。"""
    from workload_app.services.demo import create_demo, has_data

    if if_missing and (ctx.on_server or ctx.db_path.exists()) and has_data(ctx.db):
        return
    changes = create_demo(ctx.db, seed, cases_per_year)
    click.echo(f"示范法院已写入 {ctx.db_path}：{changes.summary.cases} 件案件")


@cli.command()
@pass_ctx
def info(ctx: Context) -> None:
    """按年度、部门、类别统计案件数。"""
    from workload_app.services.info import counts, summary

    s = summary(ctx.db)
    click.echo(f"数据库：{ctx.db_path}")
    click.echo(
        f"部门 {s['divisions']} 个，法官 {s['judges']} 名，案件 {s['cases']} 件（未结 {s['open']} 件）"
    )
    for year, n in s["by_year"].items():
        click.echo(f"{year} 年结案：{n} 件")
    table = counts(ctx.db)
    closed = table[table["year"].notna()].copy()
    if len(closed):
        closed["year"] = closed["year"].astype(int)
        pivot = closed.pivot_table(
            index=["year", "division"], columns="category", values="cases", aggfunc="sum", fill_value=0
        )
        # one header row in words (no pandas labels such as "category" or "year division")
        order = [c for c in ("刑事", "民事", "行政", "执行", "其他") if c in pivot.columns]
        pivot = pivot[order + [c for c in pivot.columns if c not in order]]
        pivot.columns.name = None
        table = pivot.reset_index().rename(columns={"year": "年度", "division": "部门"})
        click.echo(table.to_string(index=False))


@cli.command()
@click.option("--year", type=int, required=True, help="年度")
@pass_ctx
def compute(ctx: Context, year: int) -> None:
    """按当年参数计算结案的标准案件并保存。"""
    from workload_app.services.standard_cases import compute_year

    changes = compute_year(ctx.db, year)
    click.echo(changes.summary.text())  # with the closed cases credited to nobody, and why


# ---------------------------------------------------------------- parameters


@cli.group()
def params() -> None:
    """年度参数：导出、导入、发布。"""


@params.command("export")
@click.option("--year", type=int, required=True)
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="TOML 文件；默认输出到屏幕"
)
@pass_ctx
def params_export(ctx: Context, year: int, out: Path | None) -> None:
    """导出年度参数为 TOML。"""
    from workload_app.services.parameters import export_toml

    text = export_toml(ctx.db, year)
    if out:
        out.write_text(text, encoding="utf-8")
        click.echo(f"已导出到 {out}")
    else:
        click.echo(text, nl=False)


@params.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--reason", default="", help="修改理由（年度参数已发布时必填）")
@pass_ctx
def params_import(ctx: Context, file: Path, reason: str) -> None:
    """从 TOML 导入年度参数（保存为新版本）。"""
    from workload_app.services.parameters import import_toml

    changes = import_toml(ctx.db, file.read_text(encoding="utf-8-sig"), reason)
    row = changes.summary
    click.echo(f"{row.year} 年度参数已保存为第 {row.version} 版")


@params.command("publish")
@click.option("--year", type=int, required=True)
@pass_ctx
def params_publish(ctx: Context, year: int) -> None:
    """发布（冻结）年度参数的当前版本。"""
    from workload_app.services.parameters import publish

    version = publish(ctx.db, year).summary.version
    click.echo(f"{year} 年度参数第 {version} 版已发布")


# ---------------------------------------------------------------- review of outlier page counts


@cli.group("review")
def review_group() -> None:
    """待复核：页数异常而暂不计分、不计入平均页数的案件；确认或更正（人事、管理员）。"""


@review_group.command("list")
@click.option("--year", type=int, default=None, help="结案年度（默认：所有年度）")
@pass_ctx
def review_list(ctx: Context, year: int | None) -> None:
    """列出待复核的案件：案号、法官、页数、原因、影响的年度。"""
    from workload_app.services.review import held_cases

    table = held_cases(ctx.db, year)
    if table.empty:
        click.echo("没有待复核的案件")
        return
    for r in table.itertuples(index=False):
        pages = " / ".join(
            "—" if pd.isna(v) else f"{v:g}" for v in (r.file_pages, r.transcript_pages, r.judgment_pages)
        )
        click.echo(f"{r.case_number}  {r.judge}  {r.division or ''}  {r.closed_year} 年结案  页数 {pages}")
        click.echo(f"    原因：{r.reason}")
        click.echo(f"    影响：{r.affects}")
    click.echo(f"共 {len(table)} 件待复核")


@review_group.command("confirm")
@click.argument("case_number")
@click.option("--reason", required=True, help="复核理由（如核对卷宗的结果、核对人）")
@pass_ctx
def review_confirm(ctx: Context, case_number: str, reason: str) -> None:
    """确认异常页数无误：该案按原页数计分并计入平均页数。"""
    from workload_app.services.review import confirm

    out = confirm(ctx.db, case_number, reason).summary
    click.echo(f"{out.case_number} 的页数已确认，按原页数计算")


@review_group.command("correct")
@click.argument("case_number")
@click.option("--file-pages", type=int, default=None, help="更正后的卷宗页数")
@click.option("--transcript-pages", type=int, default=None, help="更正后的庭审笔录页数")
@click.option("--judgment-pages", type=int, default=None, help="更正后的裁判文书页数")
@click.option("--reason", required=True, help="更正理由")
@pass_ctx
def review_correct(
    ctx: Context,
    case_number: str,
    file_pages: int | None,
    transcript_pages: int | None,
    judgment_pages: int | None,
    reason: str,
) -> None:
    """更正异常页数：该案按更正后的页数计算（导入的原页数保留，记入审计日志）。"""
    from workload_app.services.review import correct

    out = correct(
        ctx.db,
        case_number,
        reason,
        file_pages=file_pages,
        transcript_pages=transcript_pages,
        judgment_pages=judgment_pages,
    ).summary
    pages = out.pages
    shown = " / ".join(
        "—" if p is None else f"{p:g}"
        for p in (pages.file_pages, pages.transcript_pages, pages.judgment_pages)
    )
    click.echo(f"{out.case_number} 的页数已更正为 {shown}（卷宗 / 笔录 / 文书）")


@cli.group()
def court() -> None:
    """法院设置：名称、发文字号前缀（任务下达通知的文号）。"""


@court.command("show")
@pass_ctx
def court_show(ctx: Context) -> None:
    """显示法院名称与发文字号前缀。"""
    from workload_app.services.court import court_settings

    s = court_settings(ctx.db)
    click.echo(f"法院名称：{s.name}")
    click.echo(f"发文字号前缀：{s.notice_prefix or '（未设置）'}")
    click.echo(f"起始文号：{s.notice_start}（示例：{s.notice_number(2025, 1)}）")
    click.echo(f"文号编排：{NUMBERING_LABELS[s.notice_numbering]}")


NUMBERING_LABELS = {
    "judge": "每份通知一个文号（judge）",
    "plan": "每个任务计划一个文号，各法官为附件（plan）",
}


@court.command("set")
@click.option("--name", default=None, help="法院名称，如：重庆市沙坪坝区人民法院")
@click.option("--notice-prefix", default=None, help="发文字号前缀，如：渝0106法（文号：渝0106法〔2025〕1号）")
@click.option("--notice-start", type=int, default=None, help="本年度任务下达通知的起始序号")
@click.option(
    "--notice-numbering",
    type=click.Choice(["plan", "judge"]),
    default=None,
    help="文号编排：plan 每个任务计划一个文号（各法官的任务为附件）；judge 每份通知一个文号（默认）",
)
@pass_ctx
def court_set(ctx: Context, name, notice_prefix, notice_start, notice_numbering) -> None:
    """修改法院设置（管理员、人事）；写入审计日志。"""
    from workload_app.services.court import set_court_settings

    s = set_court_settings(
        ctx.db,
        name=name,
        notice_prefix=notice_prefix,
        notice_start=notice_start,
        notice_numbering=notice_numbering,
    ).summary
    click.echo(
        f"法院名称：{s.name}；发文字号前缀：{s.notice_prefix or '（未设置）'}；起始文号：{s.notice_start}；"
        f"文号编排：{NUMBERING_LABELS[s.notice_numbering]}"
    )


# The modules that add their commands to ``cli``: users, passwd, audit, backup, restore, approve
# (cli_admin); import, judges, import-appeals, check-case-numbers (cli_import); export, quota,
# sheets, pending, pending-reason (cli_reports); server setup, server move-from (cli_server);
# grades (cli_grades).
from workload_app import cli_admin, cli_grades, cli_import, cli_reports, cli_server  # noqa: E402,F401


def main() -> None:
    cli(prog_name="workload")


if (
    __name__ == "__main__"
):  # python -m workload_app.cli: run the module cli_admin etc. added their commands to
    from workload_app.cli import main as registered_main

    registered_main()
