"""The ``workload`` command: every user action of the services, from a terminal.

``workload [--db PATH] COMMAND …``; errors exit non-zero with one clear line on stderr.
"""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import sys
from pathlib import Path

import click
import pandas as pd

from workload_app import __version__
from workload_app.core.casenumber import parse_case_number
from workload_app.core.problems import WorkloadError
from workload_app.services.session import default_db_path, explain, open_db


class _Group(click.Group):
    """Turns the application's own errors into one line on stderr and exit status 1."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except WorkloadError as exc:
            click.echo(f"错误：{exc}", err=True)
            ctx.exit(1)
        except OSError as exc:
            clear = explain(exc)
            click.echo(
                f"错误：{clear}" if clear else f"错误：{exc.strerror or exc}（{exc.filename or ''}）",
                err=True,
            )
            ctx.exit(1)
        except sqlite3.DatabaseError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                click.echo("错误：数据库正被另一个程序使用，请稍后再试", err=True)
                ctx.exit(1)
            obj = ctx.find_object(Context)
            clear = explain(exc, obj.db_path if obj else None)
            if clear is None:
                raise
            click.echo(f"错误：{clear}", err=True)
            ctx.exit(1)


class Context:
    """The database, opened on first use, with the ``--user`` account logged in on it."""

    def __init__(self, db_path: Path, user: str | None) -> None:
        self.db_path = db_path
        self.user = user
        self._db = None
        self.must_change = False

    def _open(self):
        if self._db is None:
            from workload_app.services import accounts

            db = open_db(self.db_path)
            if self.user:
                password = os.environ.get("WORKLOAD_PASSWORD")
                if password is None:
                    password = click.prompt(f"{self.user} 的密码", hide_input=True, err=True)
                _, self.must_change = accounts.login(db, self.user, password)
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
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="数据库文件（默认：$WORKLOAD_DB，否则用户数据目录中的 workload.sqlite）",
)
@click.option(
    "--user",
    default=None,
    help="以该账户登录（密码取自 $WORKLOAD_PASSWORD，否则提示输入）；不指定时以本机操作员身份运行",
)
@click.version_option(__version__, prog_name="workload")
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None, user: str | None) -> None:
    """法官工作量（标准案件）计算器。"""
    ctx.obj = Context(db_path or default_db_path(), user)


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

    if if_missing and ctx.db_path.exists() and has_data(ctx.db):
        return
    changes = create_demo(ctx.db, seed, cases_per_year)
    click.echo(f"示范法院已写入 {ctx.db_path}：{changes.summary['cases']} 件案件")


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
        click.echo(pivot.to_string())


@cli.command()
@click.option("--year", type=int, required=True, help="年度")
@pass_ctx
def compute(ctx: Context, year: int) -> None:
    """按当年参数计算结案的标准案件并保存。"""
    from workload_app.services.standard_cases import compute_year

    changes = compute_year(ctx.db, year)
    s = changes.summary
    click.echo(f"{year} 年度：{s['cases']} 件已计算（参数第 {s['version']} 版）")


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
    click.echo(f"{row['year']} 年度参数已保存为第 {row['version']} 版")


@params.command("publish")
@click.option("--year", type=int, required=True)
@pass_ctx
def params_publish(ctx: Context, year: int) -> None:
    """发布（冻结）年度参数的当前版本。"""
    from workload_app.services.parameters import publish

    version = publish(ctx.db, year).summary
    click.echo(f"{year} 年度参数第 {version} 版已发布")


# ---------------------------------------------------------------- exports


@cli.group()
def export() -> None:
    """导出案件明细或法官统计。"""


def _write_table(table: pd.DataFrame, out: Path) -> None:
    from workload_app.services.exports import write_table

    write_table(table, out)


@export.command("cases")
@click.option("--year", type=int, required=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@pass_ctx
def export_cases(ctx: Context, year: int, out: Path) -> None:
    """每件结案一行：页数、单位、规则、标准案件数、标记、说明。"""
    from workload_app.services.exports import case_table

    table = case_table(ctx.db, year)
    _write_table(table, out)
    click.echo(f"{len(table)} 件已导出到 {out}")


@export.command("tally")
@click.option("--year", type=int, required=True)
@click.option("--through-month", type=click.IntRange(1, 12), default=12, show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@pass_ctx
def export_tally(ctx: Context, year: int, through_month: int, out: Path) -> None:
    """每名法官一行：结案数、审判/执行标准案件数、任务、完成率、得分、排名。"""
    from workload_app.services.exports import tally_table

    table = tally_table(ctx.db, year, through_month)
    _write_table(table, out)
    click.echo(f"{len(table)} 名法官已导出到 {out}")


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
    click.echo(f"{out['case_number']} 的页数已确认，按原页数计算")


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
    pages = out["pages"]
    shown = " / ".join(
        "—" if pages[c] is None else f"{pages[c]:g}"
        for c in ("file_pages", "transcript_pages", "judgment_pages")
    )
    click.echo(f"{out['case_number']} 的页数已更正为 {shown}（卷宗 / 笔录 / 文书）")


# ---------------------------------------------------------------- import


class _ImportGroup(click.Group):
    """``workload import FILE …`` beside ``workload import history`` and ``workload import undo N``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["file", *args]
        return super().parse_args(ctx, args)


@cli.group("import", cls=_ImportGroup)
def import_group() -> None:
    """导入结案数据：workload import FILE；导入历史：history；撤销：undo BATCH。"""


def _print_problems(problems, limit: int = 30) -> None:
    for p in problems[:limit]:
        click.echo("  " + p.render(), err=True)
    if len(problems) > limit:
        click.echo(f"  …… 另有 {len(problems) - limit} 个问题，见问题报告", err=True)


@import_group.command("file")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--sheet", default=None, help="工作表名称（默认：第一个能识别表头的工作表）")
@click.option("--skip-invalid", is_flag=True, help="跳过有问题的行，导入其余各行")
@click.option("--dry-run", is_flag=True, help="只校验，不写入")
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="问题报告 .xlsx 的位置（默认：与文件同目录）",
)
@click.option("--create-judges", is_flag=True, help="名册中没有的法官自动建立")
@click.option("--reassign", is_flag=True, help="已导入给其他法官或部门的案件按本文件改派（记入审计日志）")
@click.option("--profile", default=None, help="使用已保存的表头映射方案")
@click.option(
    "--map", "mappings", multiple=True, metavar="表头=字段", help="把未识别的表头映射到字段，可多次使用"
)
@click.option("--save-profile", default=None, help="把 --map 保存为映射方案（按来源系统命名）")
@pass_ctx
def import_file(
    ctx: Context,
    file: Path,
    sheet,
    skip_invalid,
    dry_run,
    report,
    create_judges,
    reassign,
    profile,
    mappings,
    save_profile,
) -> None:
    """导入结案数据（.xlsx/.xls/.csv）。"""
    from workload_app.core.problems import ImportRejected
    from workload_app.services.imports import import_cases
    from workload_app.services.imports import save_profile as store_profile

    if mappings:
        pairs = dict(m.split("=", 1) for m in mappings if "=" in m)
        name = save_profile or f"命令行-{file.stem}"
        store_profile(ctx.db, name, pairs)
        profile = name
    try:
        result = import_cases(
            ctx.db,
            file,
            sheet=sheet,
            skip_invalid=skip_invalid,
            dry_run=dry_run,
            report_path=report,
            create_judges=create_judges,
            reassign=reassign,
            profile=profile,
        )
    except ImportRejected as exc:
        click.echo(f"错误：{exc}", err=True)
        _print_problems(exc.problems)
        ctx_exit = click.get_current_context()
        ctx_exit.exit(1)
    if result.unknown_headers:
        click.echo(f"未识别的表头（未导入）：{'、'.join(result.unknown_headers)}")
    click.echo(result.summary_text())
    if result.problems:
        _print_problems(result.problems)
    if result.report_path:
        click.echo(f"问题报告：{result.report_path}")
    if result.batch_id:
        click.echo(f"导入批次：{result.batch_id}（可用 workload import undo {result.batch_id} 撤销）")
    for move in result.reassigned:
        click.echo(
            f"  改派 {move['case_number']}：{move['from_judge']}（{move['from_division'] or '无部门'}）"
            f" → {move['to_judge']}（{move['to_division'] or '无部门'}）"
        )


@import_group.command("page-ceiling")
@click.argument("pages", type=int, required=False)
@pass_ctx
def import_page_ceiling(ctx: Context, pages: int | None) -> None:
    """显示或设置页数上限（每项页数超过它的行在导入时被拒绝；默认 100000）。"""
    from workload_app.services.imports import page_ceiling, set_page_ceiling

    if pages is None:
        click.echo(f"页数上限：{page_ceiling(ctx.db):,} 页（每项页数）")
        return
    set_page_ceiling(ctx.db, pages)
    click.echo(f"页数上限已设为 {pages:,} 页")


@import_group.command("history")
@pass_ctx
def import_history_cmd(ctx: Context) -> None:
    """列出导入批次。"""
    from workload_app.services.imports import import_history

    rows = import_history(ctx.db)
    if not rows:
        click.echo("还没有导入记录")
    for b in rows:
        state = f"已撤销 {b['undone_at']}" if b["undone_at"] else ""
        click.echo(
            f"{b['id']:>4}  {b['created_at']}  {b['user']:<10} {b['kind']:<6} {b['file_name']}  "
            f"新增 {b['rows_new']} 更新 {b['rows_updated']} 未变 {b['rows_unchanged']} 拒绝 {b['rows_rejected']}  {state}"
        )


@import_group.command("undo")
@click.argument("batch", type=int)
@pass_ctx
def import_undo(ctx: Context, batch: int) -> None:
    """撤销一批导入：删除其新增的案件，恢复其修改过的案件。"""
    from workload_app.services.imports import undo_import

    counts = undo_import(ctx.db, batch).summary
    if "divisions_removed" in counts:  # a roster batch
        click.echo(
            f"第 {batch} 批名册已撤销：删除新增法官 {counts['removed']} 名，恢复 {counts['restored']} 名，"
            f"删除新增部门 {counts['divisions_removed']} 个"
        )
        return
    click.echo(f"第 {batch} 批已撤销：删除 {counts['removed']} 件，恢复 {counts['restored']} 件")


@cli.group()
def judges() -> None:
    """法官名册。"""


@judges.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@pass_ctx
def judges_import(ctx: Context, file: Path) -> None:
    """导入法官名册：姓名、部门、职务、类别（审判/执行）、入额日期、离任日期。"""
    from workload_app.core.problems import ImportRejected
    from workload_app.services.imports import import_judges

    try:
        counts = import_judges(ctx.db, file).summary
    except ImportRejected as exc:
        click.echo(f"错误：{exc}", err=True)
        _print_problems(exc.problems)
        click.get_current_context().exit(1)
    click.echo(f"名册已导入：新增 {counts['new']}，更新 {counts['updated']}，未变 {counts['unchanged']}")


@judges.command("list")
@pass_ctx
def judges_list(ctx: Context) -> None:
    """列出法官。"""
    from workload_app.services.info import judges

    click.echo(judges(ctx.db).drop(columns=["id"]).to_string(index=False))


# ---------------------------------------------------------------- quotas


@cli.group()
def quota() -> None:
    """年度任务：下达、调整、查看。"""


def _filings_option(trial: float | None, enforcement: float | None) -> dict[str, float] | None:
    out = {k: v for k, v in (("trial", trial), ("enforcement", enforcement)) if v is not None}
    return out or None


def _echo_plan(plan: dict) -> None:
    from workload_app.services.quotas import TRACK_LABELS, division_targets

    for track, text in plan["derivation"].items():
        click.echo(f"{TRACK_LABELS[track]}：{text}")
    targets = division_targets(plan)
    click.echo(targets[["division", "track", "target"]].to_string(index=False))


@quota.command("plan")
@click.option("--year", type=int, required=True)
@click.option(
    "--filings-trial", type=float, default=None, help="预收审判案件数（默认：上年收案 ×（1+增长率））"
)
@click.option("--filings-enforcement", type=float, default=None, help="预收执行案件数")
@click.option("--reason", default="", help="说明")
@pass_ctx
def quota_plan(ctx: Context, year: int, filings_trial, filings_enforcement, reason: str) -> None:
    """按上年数据与本年预测下达年度任务（保存为新的计划版本）。"""
    from workload_app.services.quotas import plan_year

    plan = plan_year(
        ctx.db, year, expected_filings=_filings_option(filings_trial, filings_enforcement), reason=reason
    ).summary
    _echo_plan(plan)


@quota.command("replan")
@click.option("--year", type=int, required=True)
@click.option(
    "--from-month", type=click.IntRange(2, 12), required=True, help="从该月起重新分配（之前各月不变）"
)
@click.option("--filings-trial", type=float, default=None)
@click.option("--filings-enforcement", type=float, default=None)
@click.option("--reason", default="")
@pass_ctx
def quota_replan(
    ctx: Context, year: int, from_month: int, filings_trial, filings_enforcement, reason: str
) -> None:
    """年中调整：以实际收案和收案速度代替预测，之前各月目标不变。"""
    from workload_app.services.quotas import replan

    plan = replan(
        ctx.db,
        year,
        from_month,
        expected_filings=_filings_option(filings_trial, filings_enforcement),
        reason=reason,
    ).summary
    _echo_plan(plan)


@quota.command("override")
@click.option("--year", type=int, required=True)
@click.option("--judge", required=True)
@click.option("--quota", "value", type=float, required=True)
@click.option("--reason", required=True, help="理由（必填）")
@pass_ctx
def quota_override(ctx: Context, year: int, judge: str, value: float, reason: str) -> None:
    """人事调整某位法官的任务数（须填理由）。"""
    from workload_app.services.quotas import override_quota

    override_quota(ctx.db, year, judge, value, reason)
    click.echo(f"{judge} 的 {year} 年度任务已调整为 {value:g}")


@quota.command("show")
@click.option("--year", type=int, required=True)
@click.option("--versions", is_flag=True, help="列出所有计划版本")
@pass_ctx
def quota_show(ctx: Context, year: int, versions: bool) -> None:
    """显示年度任务：推导过程、各部门目标、每位法官的任务。"""
    from workload_app.services.quotas import current_plan, plan_versions

    if versions:
        for p in plan_versions(ctx.db, year):
            common = "，".join(f"{t} {p['inputs'][t]['common_quota']:g}" for t in p["inputs"])
            click.echo(
                f"第 {p['version']} 版  {p['created_at']}  自 {p['from_month']} 月  {p['reason']}  基本任务：{common}"
            )
        return
    plan = current_plan(ctx.db, year)
    if plan is None:
        raise WorkloadError(f"{year} 年度还没有任务计划（workload quota plan --year {year}）")
    click.echo(f"{year} 年度任务，第 {plan['version']} 版（{plan['reason']}）")
    _echo_plan(plan)
    judges = pd.DataFrame(plan["judges"])
    click.echo(
        judges[
            ["judge", "division", "role", "role_fraction", "share_in_post", "quota", "override_reason"]
        ].to_string(index=False)
    )


@cli.command()
@click.option("--year", type=int, required=True)
@click.option("--through-month", type=int, required=True, help="统计至该月（1—12）")
@click.option("--judge", default=None, help="某位法官")
@click.option("--division", default=None, help="某个部门（法官表：该部门每位法官；部门表：该部门）")
@click.option("--all", "everyone", is_flag=True, help="全院每位法官")
@click.option(
    "--kind", type=click.Choice(["judge", "division", "court", "notice"]), default="judge", show_default=True
)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="输出目录")
@click.option("--combined", is_flag=True, help="另外合并为一个 PDF（每份一个书签），便于打印")
@click.option("--duplex", is_flag=True, help="合订本按双面打印补空白页，使每份从正面开始")
@click.option("--workers", type=int, default=2, show_default=True, help="并行进程数")
@pass_ctx
def sheets(
    ctx: Context, year, through_month, judge, division, everyone, kind, out, combined, duplex, workers
) -> None:
    """生成 PDF 考核表：法官、部门、全院汇总或任务下达通知。"""
    from workload_app.services.sheets import export_sheets

    if not 1 <= through_month <= 12:
        raise WorkloadError(f"--through-month 应为 1 到 12 之间的月份，收到 {through_month}")
    warnings: list[str] = []
    paths = export_sheets(
        ctx.db,
        year,
        through_month,
        kind,
        out,
        judge=judge,
        division=division,
        everyone=everyone,
        combined=combined,
        duplex=duplex,
        workers=max(1, workers),
        warnings=warnings,
    )
    for w in warnings:
        click.echo(f"警告：{w}", err=True)
    if not paths:  # export_sheets raises instead; never report an empty batch as success
        raise WorkloadError("没有生成任何 PDF")
    click.echo(f"已生成 {len(paths)} 个 PDF 于 {out}")


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


@court.command("set")
@click.option("--name", default=None, help="法院名称，如：重庆市沙坪坝区人民法院")
@click.option("--notice-prefix", default=None, help="发文字号前缀，如：渝0106法（文号：渝0106法〔2025〕1号）")
@click.option("--notice-start", type=int, default=None, help="本年度任务下达通知的起始序号")
@pass_ctx
def court_set(ctx: Context, name, notice_prefix, notice_start) -> None:
    """修改法院设置（管理员、人事）；写入审计日志。"""
    from workload_app.services.court import set_court_settings

    s = set_court_settings(ctx.db, name=name, notice_prefix=notice_prefix, notice_start=notice_start).summary
    click.echo(
        f"法院名称：{s.name}；发文字号前缀：{s.notice_prefix or '（未设置）'}；起始文号：{s.notice_start}"
    )


@cli.command("check-case-numbers")
@click.argument("file", type=click.File("r", encoding="utf-8-sig"))
def check_case_numbers(file: io.TextIOBase) -> None:
    """逐行解析案号，输出 CSV：input,year,court,type_code,category,instance,error。"""
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["input", "year", "court", "type_code", "category", "instance", "error"])
    for line in file:
        raw = line.rstrip("\r\n")
        if not raw.strip():
            continue
        n = parse_case_number(raw)
        writer.writerow([raw, n.year or "", n.court, n.type_code, n.category, n.instance, n.error])


# ---------------------------------------------------------------- quality and long-pending cases (质效)


@export.command("quality")
@click.option("--year", type=int, required=True)
@click.option("--through-month", type=click.IntRange(1, 12), default=12, show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@pass_ctx
def export_quality(ctx: Context, year: int, through_month: int, out: Path) -> None:
    """每名法官一行质效指标：结案率、结收比、审限内结案率、平均审理天数、长期未结、上诉、改发、执行到位，及分子分母。"""
    from workload_app.services.quality import export_table

    table = export_table(ctx.db, year, through_month)
    _write_table(table, out)
    click.echo(f"{len(table)} 名法官的质效指标已导出到 {out}")


@cli.command("import-appeals")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@pass_ctx
def import_appeals_cmd(ctx: Context, file: Path) -> None:
    """导入二审法院的结果清单（原审案号、结果），按原审案号关联本院一审案件。"""
    from workload_app.core.problems import ImportRejected
    from workload_app.services.quality import import_appeals

    try:
        result = import_appeals(ctx.db, file)
    except ImportRejected as exc:
        for p in exc.problems[:50]:
            click.echo(p.render(), err=True)
        raise
    click.echo(result.summary_text())
    for p in result.unmatched:
        click.echo(p.render())


@cli.command("pending")
@click.option("--over-months", type=click.IntRange(0, 600), default=12, show_default=True)
@click.option("--division", default=None, help="某个部门")
@click.option("--judge", default=None, help="某位法官")
@click.option("--at", "at", type=click.DateTime(["%Y-%m-%d"]), default=None, help="截至日期（默认今天）")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help=".xlsx/.csv，或 .pdf 预警清单",
)
@pass_ctx
def pending_cmd(ctx: Context, over_months: int, division, judge, at, out: Path) -> None:
    """长期未结案件：立案满若干个月仍未结的案件，含审理月数、区间和未结原因。"""
    from workload_app.services import pending

    day = at.date() if at else None
    if out.suffix.lower() == ".pdf":
        n = pending.alert_list_pdf(ctx.db, out, day, over_months, division)
    else:
        table = pending.pending_cases(ctx.db, day, over_months, division=division, judge=judge)
        _write_table(table, out)
        n = len(table)
    click.echo(f"{n} 件长期未结案件已导出到 {out}")


@cli.command("pending-reason")
@click.argument("case_number")
@click.option("--reason", type=click.Choice(["鉴定", "公告", "中止", "等待他案", "其他"]), required=True)
@click.option("--note", default="", help="说明（「其他」时必填）")
@pass_ctx
def pending_reason_cmd(ctx: Context, case_number: str, reason: str, note: str) -> None:
    """承办法官填写长期未结案件的原因。"""
    from workload_app.services.pending import record_reason

    record_reason(ctx.db, case_number, reason, note)
    click.echo(f"{case_number}：未结原因已记录（{reason}）")


from workload_app import cli_admin  # noqa: E402,F401 - registers users, passwd, audit, backup, restore, approve


def main() -> None:
    cli(prog_name="workload")


if __name__ == "__main__":  # python -m workload_app.cli: run the module cli_admin added its commands to
    from workload_app.cli import main as registered_main

    registered_main()
