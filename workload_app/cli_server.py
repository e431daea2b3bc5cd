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
        raise WorkloadError("server.bad_address", url=url) from None


def _pg_env(name: str) -> str:
    return os.environ.get(name, "").strip()


def superuser_login(url: str | None):
    """The superuser's login for ``server setup``, unattended where the environment says it:
    what the address leaves out from libpq's own variables (PGHOST, PGPORT, PGUSER, PGDATABASE,
    PGSSLMODE, PGSSLROOTCERT; user ``postgres`` and database ``workload`` by default), the
    password from the address, $PGPASSWORD, $WORKLOAD_PASSWORD, a password file (PGPASSFILE or
    ~/.pgpass, read by libpq), else a hidden prompt."""
    from dataclasses import replace

    if url is None:
        if not _pg_env("PGHOST"):
            raise WorkloadError("server.no_setup_address")
        url = f"postgresql://{_pg_env('PGHOST')}:{_pg_env('PGPORT') or 5432}/{_pg_env('PGDATABASE') or 'workload'}"
    login = _server_login(url)
    try:
        login = replace(
            login,
            user=login.user or _pg_env("PGUSER") or "postgres",
            sslmode=login.sslmode or _pg_env("PGSSLMODE"),
            sslrootcert=login.sslrootcert or _pg_env("PGSSLROOTCERT"),
        )
    except ValueError:
        raise WorkloadError("server.bad_address", url=f"PGSSLMODE={_pg_env('PGSSLMODE')}") from None
    password = login.password or os.environ.get("PGPASSWORD") or os.environ.get("WORKLOAD_PASSWORD")
    if not password and not _password_file():
        password = click.prompt(f"数据库超级用户 {login.user} 的密码", hide_input=True, err=True)
    return login.with_password(password or "")


def _password_file() -> bool:
    default = Path(os.environ.get("APPDATA", ""), "postgresql", "pgpass.conf") if os.name == "nt" else None
    named = _pg_env("PGPASSFILE")
    path = Path(named) if named else (default or Path.home() / ".pgpass")
    return path.is_file()


_SLIP = click.Path(dir_okay=False, path_type=Path)


@server_group.command("setup")
@click.argument("url", required=False)
@click.option("--admin", "admin", required=True, help="第一个管理员账户的登录名（小写字母、数字、下划线）")
@click.option(
    "--slip",
    type=_SLIP,
    default=None,
    help="第一个管理员的账户通知单（PDF）：未给出 $WORKLOAD_NEW_PASSWORD 时随机生成初始密码，只写入此文件",
)
def server_setup(url: str | None, admin: str, slip: Path | None) -> None:
    """用数据库超级用户的地址（postgresql://超级用户@主机:端口/数据库，或 PGHOST 等环境变量）建立
    或升级法院数据库：所有者与各组角色、数据库、结构、权限与行级安全策略、第一个管理员账户。
    超级用户的密码取自地址、$PGPASSWORD、$WORKLOAD_PASSWORD 或 libpq 的密码文件，否则提示输入；
    管理员的初始密码取自 $WORKLOAD_NEW_PASSWORD，或随机生成写入 --slip 的账户通知单，否则提示输入
    （不回显、不保存）。再次运行即升级并重新应用权限。"""
    from workload_app.services import server, slips

    login = superuser_login(url)
    admin_login = admin.strip().lower()
    target = _server_login(login.url, user=admin_login)
    staged: list[Path] = []

    def admin_password() -> str:
        fixed = os.environ.get("WORKLOAD_NEW_PASSWORD")
        if slip is None:
            return fixed or click.prompt(
                f"管理员 {admin} 的密码", hide_input=True, confirmation_prompt="再输入一次", err=True
            )
        value = fixed or slips.initial_password(admin_login)
        account = slips.IssuedAccount(admin_login, "", admin_login, "admin", value)
        staged.append(
            slips.write_part(slips.pdf_path(slip), "", [account], slips.stamp(), slips.where(target))
        )
        return value

    try:
        steps = _guard(
            lambda: server.setup(login, admin, admin_password, must_change=slip is not None), login.url
        )
    except BaseException:
        for part in staged:
            part.unlink(missing_ok=True)
        raise
    for step in steps:
        click.echo(step)
    if staged:
        click.echo(f"管理员 {admin_login} 的账户通知单：{slips.finish(staged[0], slips.pdf_path(slip))}")
    elif slip is not None:
        click.echo(f"管理员 {admin_login} 已存在，未改动其密码，未写账户通知单")
    click.echo(f"法院服务器已就绪：{target.url}")


@server_group.command("move-from")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--db", "url", required=True, help="法院服务器地址 postgresql://主机:端口/数据库")
@click.option(
    "--user", "user", required=True, help="服务器上的管理员账户（密码取自 $WORKLOAD_PASSWORD 或提示输入）"
)
@click.option(
    "--slips",
    "slips_path",
    type=_SLIP,
    default=None,
    help="账户通知单（PDF，每页一个账户）：各账户的初始密码只写入此文件；未给出 $WORKLOAD_NEW_PASSWORD 时必填",
)
def server_move_from(file: Path, url: str, user: str, slips_path: Path | None) -> None:
    """把法院现有的数据库文件整体移入已建好的服务器：每张表（保留编号）、账户（成为服务器登录角色，
    各得一个随机初始密码，写入 --slips 的账户通知单，首次登录须修改；$WORKLOAD_NEW_PASSWORD 给出时
    一律用它）、审计链。服务器上已有案件或审计记录时拒绝。初始密码不在终端上显示。"""
    from workload_app.services import server
    from workload_app.services.accounts import password_problem
    from workload_app.services.session import open_db

    fixed = os.environ.get("WORKLOAD_NEW_PASSWORD")
    if not fixed and slips_path is None:
        raise WorkloadError("slips.needed")
    password = os.environ.get("WORKLOAD_PASSWORD") or click.prompt(
        f"{user} 的密码", hide_input=True, err=True
    )
    login = _server_login(url, user=user, password=password)
    db = open_db(login)
    try:
        chooser = None
        if fixed:

            def chooser(account: str) -> str:
                problem = password_problem(account, fixed)
                if problem:
                    raise WorkloadError(f"$WORKLOAD_NEW_PASSWORD 不能作为「{account}」的初始密码：{problem}")
                return fixed

        report = server.move_from(db, file, chooser, slips=slips_path)
    finally:
        db.conn.close()
    for table, n in report.counts.items():
        click.echo(f"{table}\t{n} 行")
    if report.accounts:
        where = f"账户通知单 {slips_path}" if slips_path is not None else "$WORKLOAD_NEW_PASSWORD"
        click.echo(f"账户（初始密码见{where}，首次登录须修改）：")
        for account, role, _initial in report.accounts:
            click.echo(f"{account}\t{role}")
    click.echo(f"已将「{file}」移入 {login.url}")


def _guard(run, url: str):
    """Connection errors of setup as one clear line."""
    import psycopg

    try:
        return run()
    except psycopg.OperationalError as exc:
        text = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        raise WorkloadError("server.superuser_unreachable", url=url, detail=text) from exc
