"""Performance sheets: which sheets a request asks for, and their PDFs rendered on both cores.

The figures of each sheet come from ``services.sheet_figures`` (computed once per year and month,
sliced per judge or division; its names stay importable from here). A batch never silently yields
nothing: a judge not in post, a year without a plan or a folder that cannot be written is an
error saying why. Files are written under a temporary name and renamed when complete; two
sheets whose names map to the same file name get distinct files. The combined file is laid out
as one document (fonts embedded once, a bookmark per sheet). Worker processes watch their
parent and end when it is gone.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from workload_app.core.messages import Coded
from workload_app.core.problems import WorkloadError
from workload_app.core.progress import Cancelled, ProgressCallback, no_progress
from workload_app.services import access, files
from workload_app.services.sheet_figures import (  # noqa: F401  (the sheet figures, importable from here)
    DEFAULT_COURT,
    KIND_LABELS,
    KINDS,
    SheetContext,
    _roster_row,
    build_context,
    court_figures,
    court_name,
    division_figures,
    in_post,
    judge_figures,
    notice_figures,
    period_end,
    publish_ranks,
    sheet_judge_figures,
)
from workload_app.storage.db import Database

# ---------------------------------------------------------------- batch export

MAX_NAME_BYTES = 150  # well under the 255 bytes of ext4/NTFS names, leaving room for the folder


def _safe(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s\x00-\x1f]+', "_", name).strip("_. ") or "_"


def _fit(stem: str, limit: int = MAX_NAME_BYTES) -> str:
    """``stem`` cut to ``limit`` UTF-8 bytes; a cut name ends with a short hash of the whole one,
    so two long names that share their beginning still differ."""
    if len(stem.encode("utf-8")) <= limit:
        return stem
    tag = "~" + hashlib.sha1(stem.encode("utf-8")).hexdigest()[:6]
    cut = stem
    while len((cut + tag).encode("utf-8")) > limit:
        cut = cut[:-1]
    return cut + tag


def unique_file_names(stems: list[str], suffix: str = ".pdf") -> list[str]:
    """File names for ``stems``: made safe, shortened, and distinct (case-insensitively, as on
    Windows): a second sheet that maps to a taken name gets _2, _3 … instead of overwriting it."""
    taken: set[str] = set()
    out = []
    for stem in stems:
        base = _fit(_safe(stem))
        name, n = base, 1
        while name.casefold() in taken:
            n += 1
            name = _fit(_safe(stem), MAX_NAME_BYTES - len(f"_{n}")) + f"_{n}"
        taken.add(name.casefold())
        out.append(name + suffix)
    return out


def combined_name(year: int, month: int, kind: str) -> str:
    """2025年1-6月_法官考核表_合订本.pdf (notices: 2025年度_任务下达通知_合订本.pdf)."""
    return f"{file_period(year, 12 if kind == 'notice' else month)}_{KIND_LABELS[kind]}_合订本.pdf"


def file_period(year: int, month: int) -> str:
    """The period a file name carries: 2025年1-6月, 2025年1月, 2025年度 (never 2025-06, which
    reads as June alone)."""
    from workload_app.reports.sheet_parts import file_period as named

    return named(year, month)


def sheet_jobs(
    ctx: SheetContext,
    kind: str,
    judge: str | None = None,
    division: str | None = None,
    everyone: bool = False,
) -> list[tuple[str, str, dict]]:
    """(file name, kind, figures) for every sheet asked for; an error rather than an empty list."""
    prefix = file_period(ctx.year, ctx.month)
    viewer = ctx.viewer
    a = access.visible_people(viewer, ctx.assessment)
    if kind not in KINDS:
        raise WorkloadError("sheet.unknown_kind", kind=kind, kinds="/".join(KINDS))
    if kind == "court":
        if not access.may_print_court(viewer):
            raise access.AccessDenied(
                "access.refused", role=viewer.role, user=viewer.name, action="print_court"
            )
        return [(f"{prefix}_全院汇总.pdf", kind, court_figures(ctx))]
    if kind == "division":
        names = [division] if division else list(ctx.divisions["division"])
        if division and division not in set(ctx.divisions["division"]):
            raise WorkloadError("sheet.no_division_data", year=ctx.year, division=division)
        names = [n for n in names if access.may_print_division(viewer, n)]
        if not names:
            raise access.AccessDenied(
                "access.refused", role=viewer.role, user=viewer.name, action="print_division"
            )
        files = unique_file_names([f"{prefix}_{n}" for n in names])
        return [(file, kind, division_figures(ctx, n)) for file, n in zip(files, names, strict=True)]
    if ctx.plan is None:
        what = WorkloadError("sheet.what_notice" if kind == "notice" else "sheet.what_judge")
        raise WorkloadError("sheet.no_plan", year=ctx.year, what=what)
    if judge:
        chosen = a[a["judge"] == judge]
        if chosen.empty:
            if judge in set(ctx.assessment["judge"]):
                raise access.AccessDenied(
                    "access.judge_sheet", role=viewer.role, user=viewer.name, judge=judge
                )
            if ctx.roster is not None and judge in ctx.roster.index:
                raise _not_in_post(ctx, judge)
            raise WorkloadError("sheet.no_judge", judge=judge)
    elif division:
        chosen = a[a["division"] == division]
        if chosen.empty:
            raise WorkloadError("sheet.no_division", division=division)
    elif everyone:
        chosen = a
    else:
        raise WorkloadError("sheet.choose_scope")
    kept = chosen[chosen["quota"].notna() | (chosen["cases"] > 0)]
    if kind == "notice":
        in_plan = {j["judge"] for j in ctx.plan["judges"]}
        kept = kept[kept["judge"].isin(in_plan)]
    if kept.empty:
        if judge:
            if not in_post(ctx, judge):
                raise _not_in_post(ctx, judge)
            raise WorkloadError("sheet.judge_nothing", judge=judge, year=ctx.year, month=ctx.month)
        raise WorkloadError("sheet.nothing", year=ctx.year)
    rows = list(kept.itertuples())
    if kind == "notice":
        files = unique_file_names([f"{ctx.year}年度_任务下达通知_{r.division}_{r.judge}" for r in rows])
        return [(file, kind, notice_figures(ctx, [r.judge])) for file, r in zip(files, rows, strict=True)]
    files = unique_file_names([f"{prefix}_{r.division}_{r.judge}" for r in rows])
    return [(file, kind, sheet_judge_figures(ctx, r.judge)) for file, r in zip(files, rows, strict=True)]


def _not_in_post(ctx: SheetContext, judge: str) -> WorkloadError:
    person = _roster_row(ctx, judge)
    start = str(person["in_post_from"] or "—")[:10]
    end = str(person["in_post_to"] or "—")[:10]
    return WorkloadError("sheet.not_in_post", judge=judge, year=ctx.year, start=start, end=end)


def _write_atomically(path: Path, data: bytes) -> None:
    """Write under a temporary name in the same folder, then rename: a reader (or a crash)
    never sees half a PDF under the real name."""
    tmp = path.with_name(f".{path.stem[:40]}.{os.getpid()}.part")
    try:
        tmp.write_bytes(data)
        try:
            os.replace(tmp, path)
        except OSError as exc:  # name the sheet, not the temporary file (``files.write_error``)
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
    finally:
        if tmp.exists():
            tmp.unlink()


def _render_to(path: str, kind: str, figures: dict, invariant: bool) -> str:
    from workload_app.reports.sheets import RENDERERS

    _write_atomically(Path(path), RENDERERS[kind](figures, invariant=invariant))
    return path


def _render_combined(
    path: str, kind: str, figures: list[dict], meta: dict, invariant: bool, duplex: bool
) -> str:
    from workload_app.reports.pdf import render_documents
    from workload_app.reports.sheets import DOCS

    if kind == "notice" and figures and figures[0].get("numbering") == "plan":
        # one 通知 for the plan, printed once, then every judge's task as its attachment
        figures = [{**figures[0], "notices": [n for f in figures for n in f["notices"]]}]
    docs = [doc for f in figures for doc in DOCS[kind](f)]
    # a contents page (division → sheet → page) and bookmarks nested by division
    data = render_documents(docs, invariant=invariant, duplex=duplex, bookmarks=True, contents=True, **meta)
    _write_atomically(Path(path), data)
    return path


def _parent_alive(pid: int) -> bool:
    if sys.platform == "win32":  # os.kill would terminate the process on Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x00100000, False, pid)  # SYNCHRONIZE
        if not handle:
            return False
        try:
            return kernel32.WaitForSingleObject(handle, 0) != 0  # 0: signalled, the process ended
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _watch_parent(pid: int, ppid: int) -> None:
    while True:
        time.sleep(0.5)
        # reparented (the parent died; also catches a dead parent not yet reaped) or gone
        if (sys.platform != "win32" and os.getppid() != ppid) or not _parent_alive(pid):
            os._exit(1)


def _worker_init(parent_pid: int) -> None:
    """Each worker ends itself within a second once the process that started the batch is gone
    (killed from the task manager, crashed): no orphan keeps rendering and holding files."""
    threading.Thread(target=_watch_parent, args=(parent_pid, os.getppid()), daemon=True).start()


def check_writable(out_dir: Path) -> None:
    """Create ``out_dir`` and prove a file can be written there, or say why not (``files``)."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = out_dir / f".workload-probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise files.folder_error(exc, out_dir) from exc


def font_warnings(jobs: list[tuple[str, str, dict]]) -> list[str]:
    """A warning per name with characters no bundled font can draw (they would print blank)."""
    from workload_app.reports.fonts import missing

    names: dict[str, None] = {}
    for _, _, f in jobs:
        names[f["court"]] = None
        for key in ("judge", "division"):
            v = f.get(key)
            if isinstance(v, dict):
                names[v.get("name") or ""] = None
        for n in f.get("notices", []):
            names[n["judge"]] = None
            names[n["division"] or ""] = None
        for r in f.get("judges", []) or []:
            names[r.judge or ""] = None
    out = []
    for name in names:
        gone = missing(name or "")
        if gone:
            out.append(Coded("sheets.missing_glyph", name=name, characters=gone))
    return out


def export_sheets(
    db: Database,
    year: int,
    month: int,
    kind: str,
    out_dir: Path,
    *,
    judge: str | None = None,
    division: str | None = None,
    everyone: bool = False,
    combined: bool = False,
    invariant: bool = False,
    workers: int = 2,
    progress: ProgressCallback | None = None,
    generated_at: str | None = None,
    duplex: bool = False,
    warnings: list[str] | None = None,
) -> list[Path]:
    """Write one PDF per sheet into ``out_dir`` (and, with ``combined``, one PDF of them all,
    padded for duplex printing with ``duplex``). ``warnings`` collects names that print blank."""
    progress = progress or no_progress
    progress(0.02, Coded("progress.gather"))
    ctx = build_context(db, year, month, generated_at)
    jobs = sheet_jobs(ctx, kind, judge, division, everyone)
    if warnings is not None:
        warnings.extend(font_warnings(jobs))
    check_writable(out_dir)
    paths: list[Path] = []
    combined_job = None
    if combined:
        from workload_app.reports.sheets import period

        label = KIND_LABELS[kind]
        when = period(ctx.year, 12 if kind == "notice" else ctx.month)
        meta = {
            "title": f"{ctx.court} {when} {label}（合订本，{len(jobs)} 份）",
            "subject": f"{when} {label}",
            "author": ctx.court,
        }
        if kind == "notice" and ctx.plan is not None:
            meta["subject"] = f"{ctx.year} 年度基本结案任务（任务计划第 {ctx.plan['version']} 版）"
        combined_job = (str(out_dir / combined_name(year, month, kind)), kind, [f for _, _, f in jobs], meta)
    progress(0.1, Coded("progress.sheets", count=len(jobs)))
    steps = len(jobs) + (1 if combined_job else 0)
    if workers > 1 and len(jobs) > 4:
        with ProcessPoolExecutor(
            max_workers=workers, initializer=_worker_init, initargs=(os.getpid(),)
        ) as pool:
            # the combined file is the longest job: start it first, beside the single sheets
            whole = pool.submit(_render_combined, *combined_job, invariant, duplex) if combined_job else None
            futures = [pool.submit(_render_to, str(out_dir / name), k, f, invariant) for name, k, f in jobs]
            try:
                for i, fut in enumerate(futures):
                    paths.append(Path(fut.result()))
                    progress(
                        0.1 + 0.85 * (i + 1) / steps,
                        Coded("progress.sheets_done", done=i + 1, count=len(jobs)),
                    )
                if whole is not None:
                    paths.append(Path(whole.result()))
            except Cancelled:
                for fut in futures:
                    fut.cancel()
                if whole is not None:
                    whole.cancel()
                raise
    else:
        for i, (name, k, f) in enumerate(jobs):
            paths.append(Path(_render_to(str(out_dir / name), k, f, invariant)))
            progress(0.1 + 0.85 * (i + 1) / steps, Coded("progress.sheets_done", done=i + 1, count=len(jobs)))
        if combined_job:
            progress(0.1 + 0.85 * len(jobs) / steps, Coded("progress.combined"))
            paths.append(Path(_render_combined(*combined_job, invariant, duplex)))
    progress(1.0, Coded("progress.done"))
    return paths
