"""The sheets themselves: judge sheet, division sheet, court summary and quota notice.

Each takes the figures the services gather (``services.sheet_figures``: the assessment as the
typed figures of ``core.assessment``, 质效 as those of ``services.quality``; no database, no Qt
here). The ``*_docs`` builders return the sheet's pages (``SheetDoc``: story, title, running
header) so that a batch can be laid out as one combined document; ``RENDERERS`` turn one sheet's
figures into PDF bytes. Numbers are written with ``core.formatting`` so the window and the sheet
agree. One module a sheet: ``judge_sheet``, ``division_sheet``, ``court_sheet``, ``notice``;
what they share in ``sheet_parts`` and ``quality_block``.

A printed page is read on its own: pages 2… carry whose sheet it is and the period in the
running header, headings stay with what follows them, and the closing block (last section,
remarks, opinions and signature lines) is kept together so a page never holds only signatures.
"""

from __future__ import annotations

from workload_app.reports.court_sheet import court_docs, court_sheet
from workload_app.reports.division_sheet import division_docs, division_sheet
from workload_app.reports.judge_sheet import deduction_text, judge_docs, judge_sheet, judge_signers
from workload_app.reports.notice import notice_docs, quota_notice
from workload_app.reports.quality_block import (
    QUALITY_PARTS,
    division_quality_table,
    indicator_mark,
    indicator_table,
    indicator_value,
    quality_section,
    range_label,
)
from workload_app.reports.sheet_parts import SIGN_LINE, opinions, period

__all__ = [
    "DOCS",
    "QUALITY_PARTS",
    "RENDERERS",
    "SIGN_LINE",
    "court_docs",
    "court_sheet",
    "deduction_text",
    "division_docs",
    "division_quality_table",
    "division_sheet",
    "indicator_mark",
    "indicator_table",
    "indicator_value",
    "judge_docs",
    "judge_sheet",
    "judge_signers",
    "notice_docs",
    "opinions",
    "period",
    "quality_section",
    "quota_notice",
    "range_label",
]

DOCS = {"judge": judge_docs, "division": division_docs, "court": court_docs, "notice": notice_docs}
RENDERERS = {"judge": judge_sheet, "division": division_sheet, "court": court_sheet, "notice": quota_notice}
