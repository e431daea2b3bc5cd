"""``workload`` commands for administration: accounts and passwords, the audit trail, backups
and restores, and the integrity supervisor's approvals."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from workload_app.cli import Context, cli, pass_ctx
from workload_app.core.problems import WorkloadError


@cli.command()
@click.pass_obj
def passwd(ctx: Context) -> None:
    """修改 --user 账户自己的密码。"""
    from workload_app.services import accounts

    if not ctx.user:
        raise WorkloadError("请用 --user 指定要修改密码的账户")
    db = ctx._open()
    old = os.environ.get("WORKLOAD_PASSWORD") or click.prompt("原密码", hide_input=True, err=True)
    new = os.environ.get("WORKLOAD_NEW_PASSWORD") or click.prompt(
        "新密码", hide_input=True, confirmation_prompt="再输入一次", err=True
    )
    accounts.change_password(db, old, new)
    click.echo("密码已修改")


@cli.group()
def users() -> None:
    """账户：新建、列出、修改、重置密码（管理员）。"""


@users.command("list")
@pass_ctx
def users_list(ctx: Context) -> None:
    from workload_app.services import access, accounts

    for u in accounts.list_users(ctx.db):
        state = "停用" if not u["active"] else ("须改密码" if u["must_change"] else "正常")
        link = u["judge"] or u["division"] or ""
        click.echo(f"{u['login']}\t{access.ROLE_LABELS[u['role']]}\t{u['display_name']}\t{link}\t{state}")


_SLIP = click.Path(dir_okay=False, path_type=Path)
_SLIP_HELP = (
    "账户通知单（PDF）：初始密码只写入此文件（未给出 $WORKLOAD_NEW_PASSWORD 时随机生成，不提示、不显示）"
)


_ROLE = click.Choice(["admin", "personnel", "division_head", "judge"])


@users.command("add")
@click.argument("login")
@click.option(
    "--role",
    type=_ROLE,
    required=True,
    help="admin 管理员 / personnel 人事 / division_head 庭长 / judge 法官",
)
@click.option("--name", "display_name", default="", help="显示名称")
@click.option("--judge", default=None, help="关联的法官（法官账户必填）")
@click.option("--division", default=None, help="关联的部门（庭长账户必填）")
@click.option("--slip", type=_SLIP, default=None, help=_SLIP_HELP)
@pass_ctx
def users_add(ctx: Context, login: str, role: str, display_name: str, judge, division, slip) -> None:
    """新建账户；初始密码取自 $WORKLOAD_NEW_PASSWORD，或随机生成只写入 --slip 的账户通知单，
    否则提示输入；首次登录须修改。"""
    from workload_app.services import accounts, slips

    password = _initial_password(login, slip, "初始密码")
    if slip is None:
        accounts.create_user(
            ctx.db, login, role, password, display_name=display_name, judge=judge, division=division
        )
        click.echo(f"账户「{login}」已建立，首次登录须修改密码")
        return
    path = slips.create_account(
        ctx.db,
        login,
        role,
        password,
        slip,
        ctx.db_path,
        display_name=display_name,
        judge=judge,
        division=division,
    )
    click.echo(f"账户「{login}」已建立，首次登录须修改密码；账户通知单：{path}")


def _initial_password(login: str, slip: Path | None, prompt: str) -> str:
    from workload_app.services import slips

    fixed = os.environ.get("WORKLOAD_NEW_PASSWORD")
    if fixed or slip is not None:
        return fixed or slips.initial_password(login.strip())
    return click.prompt(prompt, hide_input=True, confirmation_prompt="再输入一次", err=True)


@users.command("update")
@click.argument("login")
@click.option("--role", type=_ROLE, default=None)
@click.option("--name", "display_name", default=None)
@click.option("--judge", default=None)
@click.option("--division", default=None)
@click.option(
    "--active/--inactive", "--enable/--disable", default=None, help="启用或停用（服务器上同时停用其登录角色）"
)
@pass_ctx
def users_update(ctx: Context, login: str, role, display_name, judge, division, active) -> None:
    """修改账户的角色、关联或启用状态。"""
    from workload_app.services import accounts

    accounts.update_user(
        ctx.db, login, role=role, display_name=display_name, judge=judge, division=division, active=active
    )
    click.echo(f"账户「{login}」已修改")


@users.command("reset")
@click.argument("login")
@click.option("--slip", type=_SLIP, default=None, help=_SLIP_HELP)
@pass_ctx
def users_reset(ctx: Context, login: str, slip) -> None:
    """重置密码（并解除锁定）；新密码取自 $WORKLOAD_NEW_PASSWORD，或随机生成只写入 --slip 的
    账户通知单，否则提示输入；下次登录须修改。"""
    from workload_app.services import accounts, slips

    password = _initial_password(login, slip, "临时密码")
    if slip is None:
        accounts.reset_password(ctx.db, login, password)
        click.echo(f"账户「{login}」的密码已重置")
        return
    path = slips.reset_account(ctx.db, login, password, slip, ctx.db_path)
    click.echo(f"账户「{login}」的密码已重置；账户通知单：{path}")


@cli.group("audit")
def audit_group() -> None:
    """审计日志：核验、查看、导出。"""


@audit_group.command("verify")
@pass_ctx
def audit_verify(ctx: Context) -> None:
    """逐条核验审计日志的哈希链；发现篡改时以状态 1 退出。"""
    from workload_app.services import audit

    n, problem = audit.verify(ctx.db)
    if problem:
        click.echo(f"审计日志已被篡改：{problem}（共核验 {n} 条）", err=True)
        sys.exit(1)
    click.echo(f"审计日志完好：{n} 条记录，哈希链一致")


def _audit_filters(user, action, since, until, text) -> dict:
    return {"user": user, "action": action, "since": since, "until": until, "text": text}


@audit_group.command("show")
@click.option("--user", "who", default=None, help="只看该用户")
@click.option("--action", default=None, help="操作代码，如 import.cases、params.save")
@click.option("--since", default=None, help="起始时间（含），如 2025-01-01")
@click.option("--until", default=None, help="截止时间（不含）")
@click.option("--text", default=None, help="对象或内容中包含的文字")
@click.option("--limit", type=int, default=50, show_default=True)
@pass_ctx
def audit_show(ctx: Context, who, action, since, until, text, limit: int) -> None:
    """列出审计记录（新的在前）。"""
    from workload_app.services import audit

    table = audit.log(ctx.db, **_audit_filters(who, action, since, until, text))
    for r in table.head(limit).itertuples():
        click.echo(f"{r.id}\t{r.at}\t{r.user}（{r.role}）\t{r.action_label}\t{r.target}")


@audit_group.command("export")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--user", "who", default=None)
@click.option("--action", default=None)
@click.option("--since", default=None)
@click.option("--until", default=None)
@click.option("--text", default=None)
@pass_ctx
def audit_export(ctx: Context, out: Path, who, action, since, until, text) -> None:
    """导出审计记录为 xlsx。"""
    from workload_app.services import audit

    n = audit.export_xlsx(ctx.db, out, **_audit_filters(who, action, since, until, text))
    click.echo(f"已导出 {n} 条审计记录到 {out}")


@cli.command()
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="备份文件（默认：备份目录）"
)
@pass_ctx
def backup(ctx: Context, out: Path | None) -> None:
    """立即备份数据库（SQLite 在线备份，使用中也可备份）。"""
    from workload_app.services.maintenance import available, backup_now

    path = backup_now(ctx.db, out)
    click.echo(f"已备份到 {path}")
    if out is None:
        click.echo(f"备份目录中共 {len(available(ctx.db))} 份备份")


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="不再确认")
@pass_ctx
def restore(ctx: Context, file: Path, yes: bool) -> None:
    """用备份文件恢复数据库：先检查备份的完整性，当前数据库另存一份备份。"""
    from workload_app.services import maintenance

    if not yes:
        click.confirm(f"用「{file.name}」替换 {ctx.db_path} 的全部内容？", abort=True, err=True)
    restored, aside = maintenance.restore(ctx.db, file)
    ctx._db = restored
    click.echo(f"已从 {file} 恢复；原数据库另存为 {aside}")


@cli.command()
@click.argument("case_number")
@click.option("--approved/--rejected", required=True, help="审批通过或不通过")
@click.option("--note", required=True, help="审批依据：审批单号、审批人、日期")
@pass_ctx
def approve(ctx: Context, case_number: str, approved: bool, note: str) -> None:
    """录入廉政监察员对终本、终结执行案件的审批（管理员）。"""
    from workload_app.services.approvals import record_approval

    record_approval(ctx.db, case_number, approved, note)
    click.echo(f"{case_number}：已录入{'审批通过' if approved else '审批不通过'}，标准案件将重新计算")
