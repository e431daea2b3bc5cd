"""Accounts: scrypt hashes only, log-in, lock-out after five failures, forced password change."""

from __future__ import annotations

import pytest

from workload_app.core.problems import WorkloadError
from workload_app.services import access, accounts, audit
from workload_app.storage import repository as repo
from workload_app.storage import users as user_store


@pytest.fixture
def people(db):
    """Two judges, an administrator and a judge's account with a first-time password."""
    with repo.transaction(db):
        repo.upsert_judge(
            db, {"name": "张三", "division": "民事审判第一庭", "post": "庭长", "track": "trial"}
        )
        repo.upsert_judge(
            db, {"name": "李四", "division": "民事审判第一庭", "post": "审判员", "track": "trial"}
        )
    accounts.create_user(db, "admin", access.ADMIN, "Admin2025!", must_change=False)
    accounts.create_user(db, "lisi", access.JUDGE, "Start2025", judge="李四")
    access.bind_local_operator(db)
    return db


def test_password_is_stored_only_as_a_scrypt_hash(people, tmp_path):
    row = user_store.user_by_login(people, "lisi")
    assert row["password_hash"].startswith("scrypt$16384$8$1$")
    people.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = (tmp_path / "t.sqlite").read_bytes()
    assert b"Start2025" not in raw
    assert accounts.check_password("Start2025", row["password_hash"])
    assert not accounts.check_password("start2025", row["password_hash"])
    # a fresh salt every time: the same password never gives the same hash
    assert accounts.hash_password("Start2025") != accounts.hash_password("Start2025")


def test_login_binds_the_user_and_first_password_must_change(people):
    user, must_change = accounts.login(people, "LISI", "Start2025")  # login names ignore case
    assert (user.login, user.role, user.judge, user.division) == ("lisi", "judge", "李四", "民事审判第一庭")
    assert must_change is True
    assert access.current(people) == user
    with pytest.raises(WorkloadError, match="原密码不正确"):
        accounts.change_password(people, "wrong", "Better2026")
    with pytest.raises(WorkloadError, match="至少 8 位"):
        accounts.change_password(people, "Start2025", "a1")
    accounts.change_password(people, "Start2025", "Better2026")
    _, must_change = accounts.login(people, "lisi", "Better2026")
    assert must_change is False


def test_five_failures_lock_the_account_for_fifteen_minutes(people):
    now = [1_000_000.0]
    clock = lambda: now[0]  # noqa: E731
    for left in (4, 3, 2, 1):
        with pytest.raises(accounts.LoginFailed, match=f"再错 {left} 次"):
            accounts.login(people, "lisi", "nope", clock=clock)
    with pytest.raises(accounts.LoginFailed, match="已锁定 15 分钟"):
        accounts.login(people, "lisi", "nope", clock=clock)
    now[0] += 14 * 60
    with pytest.raises(accounts.LoginFailed, match="已锁定"):
        accounts.login(people, "lisi", "Start2025", clock=clock)  # even the right password
    now[0] += 61
    user, _ = accounts.login(people, "lisi", "Start2025", clock=clock)
    assert user.login == "lisi"
    access.bind_local_operator(people)
    actions = list(audit.log(people)["action"])[::-1]
    assert actions.count("user.login_failed") == 5
    assert actions.count("user.locked") == 1


def test_unknown_user_and_wrong_password_say_the_same(people):
    with pytest.raises(accounts.LoginFailed) as unknown:
        accounts.login(people, "nobody", "x")
    with pytest.raises(accounts.LoginFailed) as wrong:
        accounts.login(people, "admin", "x")
    assert str(unknown.value) == "登录名或密码不正确"
    assert str(wrong.value).startswith("登录名或密码不正确")


def test_reset_unlocks_and_forces_a_change(people):
    for _ in range(5):
        with pytest.raises(accounts.LoginFailed):
            accounts.login(people, "lisi", "nope")
    accounts.login(people, "admin", "Admin2025!")
    accounts.reset_password(people, "lisi", "Temp12345")
    _, must_change = accounts.login(people, "lisi", "Temp12345")
    assert must_change is True


def test_only_an_administrator_manages_accounts(people):
    accounts.login(people, "lisi", "Start2025")
    with pytest.raises(access.AccessDenied, match="法官「李四」无权管理账户"):
        accounts.create_user(people, "x", access.ADMIN, "Xyz12345")
    with pytest.raises(access.AccessDenied):
        accounts.list_users(people)


def test_role_links_are_checked(people):
    with pytest.raises(WorkloadError, match="须关联名册中的一名法官"):
        accounts.create_user(people, "j", access.JUDGE, "Abc12345")
    with pytest.raises(WorkloadError, match="名册中没有法官「王五」"):
        accounts.create_user(people, "j", access.JUDGE, "Abc12345", judge="王五")
    with pytest.raises(WorkloadError, match="须关联一个部门"):
        accounts.create_user(people, "h", access.DIVISION_HEAD, "Abc12345")
    with pytest.raises(WorkloadError, match="已被使用"):
        accounts.create_user(people, "Admin", access.ADMIN, "Abc12345")
    with pytest.raises(WorkloadError, match="不能与登录名相同"):
        accounts.create_user(people, "abcd12345", access.ADMIN, "ABCD12345")


def test_disabled_account_cannot_log_in(people):
    accounts.update_user(people, "lisi", active=False)
    with pytest.raises(accounts.LoginFailed, match="登录名或密码不正确"):
        accounts.login(people, "lisi", "Start2025")
