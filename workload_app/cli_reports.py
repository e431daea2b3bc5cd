"""``workload`` commands that put figures out: tables (``export``), the year's quotas
(``quota``), the PDF sheets (``sheets``) and long-pending cases (``pending``, ``pending-reason``)."""

from __future__ import annotations

from pathlib import Path

import click
import pandas as pd

from workload_app.cli import Context, cli, pass_ctx
from workload_app.core.problems import WorkloadError

# ---------------------------------------------------------------- exports


@cli.group()
def export() -> None:
    """导出案件明细或法官统计。"""


def _write_table(table: pd.DataFrame, out: Path) -> None:
    from workload_app.services.exports import write_table

    write_table(table, out)


def _judge_table(command):
    """The options of a one-row-per-judge table export: ``--year``, ``--through-month``, ``--out``."""
    command = click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)(command)
    command = click.option("--through-month", type=click.IntRange(1, 12), default=12, show_default=True)(
        command
    )
    return click.option("--year", type=int, required=True)(command)


HEADERS = click.option(
    "--headers",
    type=click.Choice(["en", "zh"]),
    default="en",
    show_default=True,
    help="en：英文列名、原始数值（供程序读取，列名不变）；zh：与窗口相同的中文列名和小数位（供人阅读）",
)


@export.command("cases")
@click.option("--year", type=int, required=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@HEADERS
@pass_ctx
def export_cases(ctx: Context, year: int, out: Path, headers: str) -> None:
    """每件结案一行：页数、单位、规则、标准案件数、标记、说明。"""
    from workload_app.services.exports import case_table, case_table_for_people

    table = case_table(ctx.db, year)
    if headers == "zh":
        table = case_table_for_people(table)
    _write_table(table, out)
    click.echo(f"{len(table)} 件已导出到 {out}")
    _computed_note(ctx, year)


@export.command("tally")
@_judge_table
@HEADERS
@pass_ctx
def export_tally(ctx: Context, year: int, through_month: int, out: Path, headers: str) -> None:
    """每名法官一行：结案数、审判/执行标准案件数、任务、完成率、得分、排名。"""
    from workload_app.services.exports import tally_table, tally_table_for_people

    table = tally_table(ctx.db, year, through_month)
    if headers == "zh":
        table = tally_table_for_people(table)
    _write_table(table, out)
    click.echo(f"{len(table)} 名法官已导出到 {out}")
    _computed_note(ctx, year)


def _computed_note(ctx: Context, year: int) -> None:
    """A 法官's or 庭长's login on the court server reads the figures 人事 computed: say when."""
    from workload_app.services.standard_cases import computed_note

    note = computed_note(ctx.db, year)
    if note:
        click.echo(note)


# ---------------------------------------------------------------- quotas


@cli.group()
def quota() -> None:
    """年度任务：下达、调整、查看。"""


def _filings_option(trial: float | None, enforcement: float | None) -> dict[str, float] | None:
    out = {k: v for k, v in (("trial", trial), ("enforcement", enforcement)) if v is not None}
    return out or None


def _echo_plan(plan: dict, db) -> None:  # noqa: ANN001 - the open database
    from workload_app.services.quotas import TRACK_LABELS, division_targets

    for track, text in plan["derivation"].items():
        click.echo(f"{TRACK_LABELS[track]}：{text}")
    targets = division_targets(plan, db)  # judges moved mid-year counted as in the window
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
    ).summary.plan
    _echo_plan(plan, ctx.db)


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
    ).summary.plan
    _echo_plan(plan, ctx.db)


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
    from workload_app.core.quota_text import quota_sentence
    from workload_app.services.exports import FILE_HEADERS
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
    _echo_plan(plan, ctx.db)
    judges = pd.DataFrame(plan["judges"])
    click.echo(
        judges[["judge", "division", "post", "post_fraction", "share_in_post", "quota", "override_reason"]]
        .rename(columns=FILE_HEADERS)  # printed under the names it always had
        .to_string(index=False)
    )
    click.echo("每位法官的任务推导：")
    for record in plan["judges"]:  # the sentence the sheet and the notice print
        click.echo(f"{record['judge']}：{quota_sentence(record, year)}")


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


# ---------------------------------------------------------------- quality and long-pending cases (质效)


@export.command("quality")
@_judge_table
@pass_ctx
def export_quality(ctx: Context, year: int, through_month: int, out: Path) -> None:
    """每名法官一行质效指标：结案率、结收比、审限内结案率、平均审理天数、长期未结、上诉、改发、执行到位，及分子分母。"""
    from workload_app.services import clock
    from workload_app.services.quality import export_table

    table = export_table(ctx.db, year, through_month)
    _write_table(table, out)
    as_of = clock.cut_off(ctx.db, year, through_month).isoformat()
    click.echo(f"{len(table)} 名法官的质效指标（截至 {as_of}）已导出到 {out}")


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
    from workload_app.services import clock, pending

    day = at.date() if at else clock.today(ctx.db)
    if out.suffix.lower() == ".pdf":
        n = pending.alert_list_pdf(ctx.db, out, day, over_months, division, judge=judge)
    else:
        table = pending.pending_cases(ctx.db, day, over_months, division=division, judge=judge)
        table.insert(0, "as_of", day.isoformat())  # the cut-off the ages are counted at, on every row
        _write_table(table, out)
        n = len(table)
    click.echo(f"{n} 件长期未结案件（截至 {day.isoformat()}）已导出到 {out}")


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
