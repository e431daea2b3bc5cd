"""``workload server …``: set up (or upgrade) the court server, move a court's file onto it."""

from __future__ import annotations

import os
from pathlib import Path

import click

from workload_app.cli import cli
from workload_app.core.problems import WorkloadError


@cli.group("server")
def server_group() -> None:
    """法院服务器（PostgreSQL）：建立与升级、移入现有数据库文件。"""


def _server_login(url: str, user: str | None = None, password: str | None = None):
    from workload_app.services.session import ServerLogin

    try:
        return ServerLogin.from_url(url, user=user, password=password)
    except ValueError:
        raise WorkloadError(f"服务器地址「{url}」应形如 postgresql://主机:端口/数据库名") from None


@server_group.command("setup")
@click.argument("url")
@click.option("--admin", "admin", required=True, help="第一个管理员账户的登录名（小写字母、数字、下划线）")
def server_setup(url: str, admin: str) -> None:
    """用数据库超级用户的地址（postgresql://超级用户@主机:端口/数据库）建立或升级法院数据库：
    所有者与各组角色、数据库、结构、权限与行级安全策略、第一个管理员账户（密码取自
    $WORKLOAD_NEW_PASSWORD 或提示输入，不回显、不保存）。再次运行即升级并重新应用权限。"""
    from workload_app.services import server

    login = _server_login(url)
    if not login.password:
        login = login.with_password(
            os.environ.get("WORKLOAD_PASSWORD")
            or click.prompt(f"数据库超级用户 {login.user} 的密码", hide_input=True, err=True)
        )

    def admin_password() -> str:
        return os.environ.get("WORKLOAD_NEW_PASSWORD") or click.prompt(
            f"管理员 {admin} 的密码", hide_input=True, confirmation_prompt="再输入一次", err=True
        )

    for step in _guard(lambda: server.setup(login, admin, admin_password), login.url):
        click.echo(step)
    click.echo(f"法院服务器已就绪：{_server_login(url, user=admin.lower()).url}")


@server_group.command("move-from")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--db", "url", required=True, help="法院服务器地址 postgresql://主机:端口/数据库")
@click.option(
    "--user", "user", required=True, help="服务器上的管理员账户（密码取自 $WORKLOAD_PASSWORD 或提示输入）"
)
def server_move_from(file: Path, url: str, user: str) -> None:
    """把法院现有的数据库文件整体移入已建好的服务器：每张表（保留编号）、账户（成为服务器登录角色，
    各得一个初始密码，首次登录须修改；$WORKLOAD_NEW_PASSWORD 给出时一律用它）、审计链。
    服务器上已有案件或审计记录时拒绝。"""
    from workload_app.services import server
    from workload_app.services.accounts import password_problem
    from workload_app.services.session import open_db

    password = os.environ.get("WORKLOAD_PASSWORD") or click.prompt(
        f"{user} 的密码", hide_input=True, err=True
    )
    login = _server_login(url, user=user, password=password)
    db = open_db(login)
    try:
        fixed = os.environ.get("WORKLOAD_NEW_PASSWORD")
        chooser = None
        if fixed:

            def chooser(account: str) -> str:
                problem = password_problem(account, fixed)
                if problem:
                    raise WorkloadError(f"$WORKLOAD_NEW_PASSWORD 不能作为「{account}」的初始密码：{problem}")
                return fixed

        report = server.move_from(db, file, chooser)
    finally:
        db.conn.close()
    for table, n in report.counts.items():
        click.echo(f"{table}\t{n} 行")
    if report.accounts:
        click.echo("账户（初始密码只显示这一次，首次登录须修改）：")
        for account, role, initial in report.accounts:
            click.echo(f"{account}\t{role}\t{'（$WORKLOAD_NEW_PASSWORD）' if fixed else initial}")
    click.echo(f"已将「{file}」移入 {login.url}")


def _guard(run, url: str):
    """Connection errors of setup as one clear line."""
    import psycopg

    try:
        return run()
    except psycopg.OperationalError as exc:
        text = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        raise WorkloadError(f"无法以超级用户连接服务器「{url}」：{text}") from exc
