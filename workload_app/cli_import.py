"""``workload`` commands that bring data in: case exports (``import``, its history and undo),
the roster (``judges``), a second-instance court's outcomes (``import-appeals``) and the case
number checker (``check-case-numbers``)."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import click

from workload_app.cli import Context, cli, pass_ctx
from workload_app.core.casenumber import parse_case_number

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
    help="问题报告 .xlsx 的位置（默认：与文件同目录；--dry-run 时只在给出本选项时写）",
)
@click.option("--create-judges", is_flag=True, help="名册中没有的法官自动建立")
@click.option(
    "--create-divisions",
    is_flag=True,
    help="名册中没有的部门自动建立（默认：这些行作为问题拒绝，多半是笔误）",
)
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
    create_divisions,
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
            create_divisions=create_divisions,
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
    if result.warnings:
        click.echo(f"提示（照常导入，请核对）{len(result.warnings)} 行：")
        _print_problems(result.warnings)
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


@import_group.command("amount-ceiling")
@click.argument("yuan", type=int, required=False)
@pass_ctx
def import_amount_ceiling(ctx: Context, yuan: int | None) -> None:
    """显示或设置金额上限（元；申请执行标的、执行到位金额超过它的行在导入时被拒绝；默认 100000000000）。"""
    from workload_app.services.imports import amount_ceiling, set_amount_ceiling

    if yuan is None:
        click.echo(f"金额上限：{amount_ceiling(ctx.db):,} 元（每项金额）")
        return
    set_amount_ceiling(ctx.db, yuan)
    click.echo(f"金额上限已设为 {yuan:,} 元")


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
    from workload_app.services.roster_import import RosterUndoSummary

    counts = undo_import(ctx.db, batch).summary
    if isinstance(counts, RosterUndoSummary):  # a roster batch
        click.echo(
            f"第 {batch} 批名册已撤销：删除新增法官 {counts.removed} 名，恢复 {counts.restored} 名，"
            f"删除新增部门 {counts.divisions_removed} 个"
        )
        return
    click.echo(f"第 {batch} 批已撤销：删除 {counts.removed} 件，恢复 {counts.restored} 件")


@cli.group()
def judges() -> None:
    """法官名册。"""


@judges.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--confirm-similar",
    is_flag=True,
    help="姓名与名册中已有姓名只差繁简体或空格（趙靜/赵静）时，确认是不同法官并导入",
)
@pass_ctx
def judges_import(ctx: Context, file: Path, confirm_similar: bool) -> None:
    """导入法官名册：姓名、部门、职务、类别（审判/执行）、入额日期、离任日期。"""
    from workload_app.core.problems import ImportRejected
    from workload_app.services.imports import import_judges

    try:
        counts = import_judges(ctx.db, file, confirm_similar=confirm_similar).summary
    except ImportRejected as exc:
        click.echo(f"错误：{exc}", err=True)
        _print_problems(exc.problems)
        click.get_current_context().exit(1)
    click.echo(f"名册已导入：新增 {counts.new}，更新 {counts.updated}，未变 {counts.unchanged}")


@judges.command("list")
@pass_ctx
def judges_list(ctx: Context) -> None:
    """列出法官。"""
    from workload_app.services.info import judges

    click.echo(judges(ctx.db).drop(columns=["id"]).to_string(index=False))


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
