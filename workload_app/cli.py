"""The ``workload`` command: every user action of the services, from a terminal.

``workload [--db PATH] COMMAND …``; errors exit non-zero with one clear line on stderr.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import click
import pandas as pd

from workload_app import __version__
from workload_app.core.casenumber import parse_case_number
from workload_app.core.problems import WorkloadError
from workload_app.storage.db import default_db_path, open_db


class _Group(click.Group):
    """Turns the application's own errors into one line on stderr and exit status 1."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except WorkloadError as exc:
            click.echo(f"错误：{exc}", err=True)
            ctx.exit(1)
        except OSError as exc:
            click.echo(f"错误：{exc.strerror or exc}（{getattr(exc, 'filename', '') or ''}）", err=True)
            ctx.exit(1)


class Context:
    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._db = None

    @property
    def db(self):
        if self._db is None:
            self._db = open_db(self.db_path)
        return self._db


pass_ctx = click.make_pass_decorator(Context)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="数据库文件（默认：$WORKLOAD_DB，否则用户数据目录中的 workload.sqlite）",
)
@click.version_option(__version__, prog_name="workload")
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None) -> None:
    """法官工作量（标准案件）计算器。"""
    ctx.obj = Context(db_path or default_db_path())


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
    if out.suffix.lower() == ".xlsx":
        table.to_excel(out, index=False)
    else:
        table.to_csv(out, index=False, encoding="utf-8")


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


def main() -> None:
    cli(prog_name="workload")


if __name__ == "__main__":
    main()
