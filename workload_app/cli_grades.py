"""``workload grades``: the year-end grading (年度考核等次) from proposals to notices and reviews."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from workload_app.cli import Context, cli, pass_ctx
from workload_app.core import dates
from workload_app.core.problems import WorkloadError

GRADE_CHOICES = "优秀|称职|基本称职|不称职|不定等次"


def _date(value: str | None) -> dt.date | None:
    try:
        return dates.date_of(value, whole=True)
    except ValueError as exc:
        raise click.BadParameter(f"日期应为 YYYY-MM-DD：{value}") from exc


def _say(changes) -> None:
    click.echo(changes.summary.text)


@cli.group()
def grades() -> None:
    """年度考核等次：建议、考评委员会决定、公示、确定、书面通知、复核。"""


@grades.command("open")
@click.option("--year", type=int, required=True)
@pass_ctx
def grades_open(ctx: Context, year: int) -> None:
    """开始年度考核（人事）：每名当年在岗法官可以填写个人总结。"""
    from workload_app.services import grades as G

    _say(G.open_year(ctx.db, year))


@grades.command("scores")
@click.option("--year", type=int, required=True)
@click.option("--judge", required=True)
@click.option("--score", "scores", multiple=True, required=True, help="评分项=分数，例如 德=90（可多次）")
@pass_ctx
def grades_scores(ctx: Context, year: int, judge: str, scores: tuple[str, ...]) -> None:
    """录入考评委员会对程序不计量的评分项（参数 grading.dimension_weights，如德、能、勤、廉）的评分。"""
    from workload_app.services import grades as G

    given: dict[str, float] = {}
    for item in scores:
        name, sep, value = item.partition("=")
        try:
            given[name.strip()] = float(value)
        except ValueError as exc:
            raise click.BadParameter(f"应为 评分项=分数：{item}", param_hint="--score") from exc
        if not sep:
            raise click.BadParameter(f"应为 评分项=分数：{item}", param_hint="--score")
    _say(G.record_scores(ctx.db, year, judge, given))


@grades.command("propose")
@click.option("--year", type=int, required=True)
@pass_ctx
def grades_propose(ctx: Context, year: int) -> None:
    """按年度参数中的考核规则，从全年数字提出每名法官的等次建议（人事）。"""
    from workload_app.services import grades as G

    _say(G.propose(ctx.db, year))


def _print_view(view) -> None:
    click.echo(f"{view.year} 年度考核：{view.state_label}")
    for c in view.caps.values():
        cap = c["cap"]
        flag = "（超出名额）" if c["excellent"] > cap.places else ""
        click.echo(f"  {cap.text()}；现有优秀 {c['excellent']} 名{flag}")
    for line in view.missing:
        click.echo(f"  · {line}")
    for e in view.entries:
        decided = f"；决定 {e.decided}（{e.decision_reason}）" if e.decided else ""
        final = f"；确定 {e.final}" if e.final else ""
        notice = f"；通知第 {e.notice_version} 版" if e.notice_version else ""
        cons = f"；{'、'.join(e.consequences)}" if e.consequences else ""
        click.echo(
            f"{e.judge}\t{e.division}\t{e.group}\t建议 {e.proposed or '—'}{decided}{final}{notice}{cons}"
        )
        if e.proposal_text:
            click.echo(f"\t{e.proposal_text}")


@grades.command("show")
@click.option("--year", type=int, required=True)
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="写入 .csv 或 .xlsx"
)
@pass_ctx
def grades_show(ctx: Context, year: int, out: Path | None) -> None:
    """年度考核的状态、各组优秀名额与现有人数、尚缺事项，以及每名法官的建议与决定。"""
    from workload_app.services import grade_views as V

    if out is not None:
        V.export(ctx.db, year, out)
        click.echo(f"已导出到 {out}")
        return
    _print_view(V.overview(ctx.db, year))


@grades.command("export")
@click.option("--year", type=int, required=True)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=".csv 或 .xlsx；省略时 CSV 写到标准输出",
)
@pass_ctx
def grades_export(ctx: Context, year: int, out: Path | None) -> None:
    """每名法官一行：数字、建议及理由、庭长意见、决定及理由、确定等次、后果、通知与签收。"""
    from workload_app.services import grade_views as V

    if out is None:
        click.echo(V.table(ctx.db, year).to_csv(index=False), nl=False)
        return
    V.export(ctx.db, year, out)
    click.echo(f"已导出到 {out}")


@grades.command("set")
@click.option("--year", type=int, required=True)
@click.option("--judge", required=True)
@click.option("--grade", required=True, help=GRADE_CHOICES)
@click.option("--reason", required=True)
@click.option("--meeting", default=None, help="考评委员会会议的编号或纪要文号")
@pass_ctx
def grades_set(ctx: Context, year: int, judge: str, grade: str, reason: str, meeting: str | None) -> None:
    """录入考评委员会对一名法官的决定（人事）；超出本组优秀名额的被拒绝。"""
    from workload_app.services import grades as G

    _say(G.set_grade(ctx.db, year, judge, grade, reason, meeting))


@grades.command("raise-cap")
@click.option("--year", type=int, required=True)
@click.option("--share", type=float, required=True, help="例如 0.25")
@click.option("--approval", required=True, help="批准文号")
@pass_ctx
def grades_raise_cap(ctx: Context, year: int, share: float, approval: str) -> None:
    """经批准提高优秀比例（至多参数 grading.cap_share_max，默认 25%）。"""
    from workload_app.services import grades as G

    _say(G.raise_cap(ctx.db, year, share, approval))


@grades.command("publish")
@click.option("--year", type=int, required=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--on", "on", default=None, help="公示开始日期 YYYY-MM-DD（默认今天）")
@pass_ctx
def grades_publish(ctx: Context, year: int, out: Path, on: str | None) -> None:
    """公示优秀人选（参数 grading.publication_days 个工作日），写出公示名单 PDF。"""
    from workload_app.services import grade_views as V
    from workload_app.services import grades as G

    _say(G.publish(ctx.db, year, _date(on)))
    V.publication_pdf(ctx.db, year, out)
    click.echo(f"公示名单：{out}")


@grades.command("confirm")
@click.option("--year", type=int, required=True)
@pass_ctx
def grades_confirm(ctx: Context, year: int) -> None:
    """确定等次（锁定）：委员会决定，否则建议；同时得出后果（退出员额预警等）。"""
    from workload_app.services import grades as G

    _say(G.confirm(ctx.db, year))


@grades.command("notices")
@click.option("--year", type=int, required=True)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True)
@pass_ctx
def grades_notices(ctx: Context, year: int, out: Path) -> None:
    """发出书面通知（人事），并把每名法官的最新一版通知写成 PDF。"""
    from workload_app.services import access
    from workload_app.services import grade_notices as N
    from workload_app.services import grade_views as V

    if access.scope(ctx.db).allows(access.Action.GRADE_RUN):  # 人事 issues them; a judge prints their own
        _say(N.issue_notices(ctx.db, year))
    paths = V.notice_pdfs(ctx.db, year, out)
    click.echo(f"{len(paths)} 份通知已写入 {out}")


@grades.command("review")
@click.option("--year", type=int, required=True)
@click.option("--judge", required=True)
@click.option("--request", "request", default=None, help="申请复核的理由")
@click.option("--decide", "decide", default=None, help=f"复核决定：{GRADE_CHOICES}")
@click.option("--reason", default=None, help="复核决定的理由")
@click.option("--meeting", default=None)
@click.option("--on", "on", default=None, help="申请日期 YYYY-MM-DD（默认今天）")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="决定改变等次时，新通知写入此目录",
)
@pass_ctx
def grades_review(
    ctx: Context,
    year: int,
    judge: str,
    request: str | None,
    decide: str | None,
    reason: str | None,
    meeting: str | None,
    on: str | None,
    out: Path | None,
) -> None:
    """复核：--request 登记申请（法官本人或人事），--decide 录入考评委员会的复核决定（人事）。"""
    from workload_app.services import grade_notices as N
    from workload_app.services import grade_views as V

    if (request is None) == (decide is None):
        raise click.UsageError("请给出 --request 或 --decide 之一")
    if request is not None:
        _say(N.request_review(ctx.db, year, judge, request, _date(on)))
        return
    if reason is None:
        raise click.UsageError("--decide 须同时给出 --reason")
    _say(N.decide_review(ctx.db, year, judge, decide, reason, meeting))
    if out is not None:
        for p in V.notice_pdfs(ctx.db, year, out, {judge.strip()}):
            click.echo(f"通知：{p}")


@grades.command("summary")
@click.option("--year", type=int, required=True)
@click.option("--judge", required=True)
@click.option("--text", default=None, help="个人总结")
@click.option("--paper", is_flag=True, help="登记已交纸质总结（人事）")
@pass_ctx
def grades_summary(ctx: Context, year: int, judge: str, text: str | None, paper: bool) -> None:
    """个人总结：法官本人填写，或人事登记已交纸质总结。"""
    from workload_app.services import grades as G

    _say(G.record_summary(ctx.db, year, judge, text or "", paper))


@grades.command("opinion")
@click.option("--year", type=int, required=True)
@click.option("--judge", required=True)
@click.option("--text", required=True)
@pass_ctx
def grades_opinion(ctx: Context, year: int, judge: str, text: str) -> None:
    """庭长对本庭法官的意见。"""
    from workload_app.services import grades as G

    _say(G.record_opinion(ctx.db, year, judge, text))


@grades.command("ack")
@click.option("--year", type=int, required=True)
@click.option("--judge", required=True)
@click.option("--opinion", default="", help="本人意见")
@click.option("--paper", is_flag=True, help="登记已在纸质通知上签收（人事）")
@pass_ctx
def grades_ack(ctx: Context, year: int, judge: str, opinion: str, paper: bool) -> None:
    """签收考核结果通知：法官本人（可附意见），或人事登记纸质签收。"""
    from workload_app.services import grade_notices as N

    _say(N.acknowledge(ctx.db, year, judge, opinion, paper))


@grades.command("history")
@click.option("--judge", required=True)
@pass_ctx
def grades_history(ctx: Context, judge: str) -> None:
    """一名法官历年的考核等次。"""
    from workload_app.services import grade_views as V

    for h in V.history(ctx.db, judge):
        flags = [
            t
            for t, on in (
                ("退出员额预警", h["exit_warning"]),
                ("不发奖励性绩效", h["no_bonus"]),
                ("晋升优先", h["promotion_priority"]),
            )
            if on
        ]
        click.echo(
            f"{h['year']}\t{h['grade'] or '（未确定，建议 ' + (h['proposed'] or '—') + '）'}\t{'、'.join(flags)}"
        )


@grades.command("report")
@click.option("--year", type=int, required=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@pass_ctx
def grades_report(ctx: Context, year: int, out: Path) -> None:
    """全院考核等次汇总表（PDF）：各组各等次人数与优秀名额。"""
    from workload_app.services import grade_views as V

    V.court_summary_pdf(ctx.db, year, out)
    click.echo(f"汇总表：{out}")


@grades.command("file")
@click.option("--year", type=int, required=True)
@click.option("--judge", required=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@pass_ctx
def grades_file(ctx: Context, year: int, judge: str, out: Path) -> None:
    """一名法官的业绩档案（xlsx）：标准案件、质效、待复核与已复核案件、历年等次。"""
    from workload_app.services import grade_views as V

    if out.suffix.lower() != ".xlsx":
        raise WorkloadError("grade.bad_out", path=str(out))
    V.performance_file(ctx.db, year, judge, out)
    click.echo(f"业绩档案：{out}")
