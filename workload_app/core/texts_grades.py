"""The texts of the year-end grading (年度考核等次): its refusals and the actions a role may not take.

Part of the message catalogue (``core.messages``): each code with its Chinese and English text;
templates use ``str.format`` fields.
"""

from __future__ import annotations

ACTIONS: dict[str, tuple[str, str]] = {
    "grade_run": ("办理年度考核", "run the year-end grading"),
    "grade_decide": ("录入考评委员会决定", "record the assessment committee's decisions"),
    "grade_summary": ("填写个人总结", "write the year's summary"),
    "grade_paper": ("登记纸质材料", "record papers handed in"),
    "grade_opinion": ("填写庭长意见", "write the division head's opinion"),
    "grade_ack": ("签收考核结果通知", "acknowledge the grade notice"),
    "grade_review": ("申请复核", "apply for a review"),
    "grade_read": ("查看他人的年度考核", "read others' year-end grades"),
}

# The assessment groups (core.params) as words inside a message (see core.messages.Word).
WORDS: dict[str, str] = {"院领导": "Court leaders", "庭领导": "Division leaders"}

MESSAGES: dict[str, tuple[str, str]] = {
    # the record's states (core.grading.STATE_LABELS), also inside the refusals below
    "grade.state.summary": ("个人总结", "the year's summaries"),
    "grade.state.proposal": ("等次建议", "the proposals"),
    "grade.state.committee": ("考评委员会审核", "the committee's review"),
    "grade.state.publication": ("公示", "publication"),
    "grade.state.confirmed": ("确定", "the confirmed grades"),
    "grade.state.notified": ("书面通知", "the written notices"),
    # what the record still needs before its next step (services.grade_views.overview)
    "grade.missing.no_proposal": (
        "尚未提出等次建议（grades propose）",
        "No grades proposed yet (grades propose)",
    ),
    "grade.missing.summaries": (
        "个人总结未交 {count} 人：{names}{more}",
        "Year's summary not handed in by {count}: {names}{more}",
    ),
    "grade.missing.over_cap": (
        "{group}优秀 {excellent} 名，超出名额 {places} 名，须由考评委员会决定",
        "{group}: {excellent} “Excellent”, more than the cap of {places}; the assessment committee decides",
    ),
    "grade.missing.ties": (
        "名额边界并列待决定：{names}",
        "Tied at the last “Excellent” place, for the committee to decide: {names}",
    ),
    "grade.missing.publish": (
        "下一步：公示优秀名单（grades publish）",
        "Next: publish the “Excellent” list (grades publish)",
    ),
    "grade.missing.publication": (
        "公示期 {start} 至 {end}；期满后确定（grades confirm）",
        "Published from {start} to {end}; confirm the grades once it has run (grades confirm)",
    ),
    "grade.missing.notices": (
        "下一步：发出书面通知（grades notices）",
        "Next: send the written notices (grades notices)",
    ),
    "grade.missing.no_ack": ("尚未签收通知 {count} 人", "Notices not yet acknowledged: {count}"),
    "param.grading_whole": (
        "参数「{key}」应为整数，而不是「{value}」",
        "Parameter “{key}” should be a whole number, not “{value}”",
    ),
    "param.grading_cap_max": (
        "参数「{key}」（优秀比例上限 {cap_max:g}）不能小于 grading.cap_share（{cap:g}）",
        "Parameter “{key}” (the highest “Excellent” share, {cap_max:g}) may not be below grading.cap_share ({cap:g})",
    ),
    "param.grading_thresholds": (
        "参数「{key}」（{low:g}）不能高于 grading.basic_below_completion（{high:g}）",
        "Parameter “{key}” ({low:g}) may not be above grading.basic_below_completion ({high:g})",
    ),
    "grade.no_judges": (
        "{year} 年度没有在岗法官，无法提出考核等次建议",
        "No judge was in post in {year}: no grades to propose",
    ),
    "grade.no_plan": (
        "{year} 年度尚未下达年度任务，无法计算完成率，不能提出等次建议（先 workload quota plan）",
        "{year} has no quota plan, so there is no completion to propose grades from (run workload quota plan first)",
    ),
    "grade.not_started": (
        "{year} 年度考核尚未开始（先 workload grades propose --year {year}）",
        "The {year} grading has not started (run workload grades propose --year {year} first)",
    ),
    "grade.locked": (
        "{year} 年度考核已{state}，等次已锁定；只能通过复核改变",
        "The {year} grading is at {state}: the grades are locked; only a review can change one",
    ),
    "grade.no_judge": ("名册中没有法官「{judge}」", "There is no judge “{judge}” in the roster"),
    "grade.not_graded": (
        "{judge} 不在 {year} 年度考核名单中",
        "{judge} is not among those graded for {year}",
    ),
    "grade.bad_grade": (
        "等次应为 {choices}，而不是「{grade}」",
        "The grade should be one of {choices}, not “{grade}”",
    ),
    "grade.reason_required": ("请填写理由", "Give a reason"),
    "grade.summary_empty": (
        "个人总结不能为空（纸质总结请用 --paper 登记）",
        "The summary is empty (record a paper one with --paper)",
    ),
    "grade.opinion_empty": ("庭长意见不能为空", "The division head's opinion is empty"),
    "grade.propose_late": (
        "{year} 年度考核已进入{state}，不能重新提出等次建议",
        "The {year} grading is at {state}: the proposals can no longer be made again",
    ),
    "grade.cap_approval_required": (
        "提高优秀比例须填写批准文号（--approval）",
        "Raising the “Excellent” share needs the approval's reference (--approval)",
    ),
    "grade.cap_raise_range": (
        "优秀比例 {share:g}% 应在 {low:g}% 至 {high:g}% 之间",
        "The “Excellent” share {share:g}% should lie between {low:g}% and {high:g}%",
    ),
    "grade.cap_published": (
        "{year} 年度优秀名单已公示，不能再调整优秀比例",
        "The {year} “Excellent” list is published: the share can no longer change",
    ),
    "grade.no_proposal": (
        "{judge} 在 {year} 年度还没有等次建议（先 workload grades propose）",
        "{judge} has no proposed grade for {year} yet (run workload grades propose first)",
    ),
    "grade.no_proposals": (
        "{year} 年度还没有等次建议，不能公示",
        "{year} has no proposed grades yet: nothing to publish",
    ),
    "grade.over_cap": (
        "{group}优秀名额为 {places} 名（参加定等 {graded} 人 × {share:g}%），现有 {count} 名优秀（含并列），超出名额",
        "The {group} group has {places} “Excellent” places ({graded} graded × {share:g}%) and {count} “Excellent” now (ties included): over the cap",
    ),
    "grade.not_published": (
        "{year} 年度考核处于{state}，须先公示优秀名单才能确定",
        "The {year} grading is at {state}: publish the “Excellent” list before confirming",
    ),
    "grade.not_confirmed": (
        "{year} 年度考核处于{state}，等次确定后才能发出书面通知",
        "The {year} grading is at {state}: notices follow the confirmed grades",
    ),
    "grade.no_notice": (
        "{judge} 的 {year} 年度考核结果通知尚未发出",
        "{judge}'s {year} grade notice has not been issued",
    ),
    "grade.request_empty": ("复核申请须写明理由", "A review request must give its grounds"),
    "grade.review_late": (
        "{judge} 的复核申请已超过期限（收到通知后 {days} 日内，至 {deadline}）",
        "{judge}'s review request is past its deadline ({days} days from the notice, until {deadline})",
    ),
    "grade.review_open": (
        "{judge} 已有一份尚未决定的复核申请",
        "{judge} already has a review request awaiting decision",
    ),
    "grade.no_review": (
        "{judge} 在 {year} 年度没有待决定的复核申请",
        "{judge} has no review request for {year} awaiting decision",
    ),
    "grade.no_entry_seen": ("无权查看「{judge}」的年度考核", "You may not read “{judge}”'s year-end grade"),
    "grade.no_dimensions": (
        "{year} 年度的考核规则没有考评委员会评分项（参数 grading.dimension_weights）",
        "The {year} rule set has no dimensions the committee scores (parameter grading.dimension_weights)",
    ),
    "grade.bad_dimension": (
        "评分项应为 {choices}，而不是「{name}」",
        "The dimension should be one of {choices}, not “{name}”",
    ),
    "grade.bad_dimension_score": (
        "评分项「{name}」的分数应在 0 到 100 之间，而不是 {value}",
        "The score of “{name}” should lie between 0 and 100, not {value}",
    ),
    "grade.bad_out": (
        "导出文件应为 .csv 或 .xlsx：{path}",
        "The export file should end in .csv or .xlsx: {path}",
    ),
}
