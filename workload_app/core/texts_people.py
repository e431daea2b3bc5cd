"""The texts of the errors about people and records: access, accounts, the court's settings, backups,
the roster, undoing imports, queries, approvals, reviews, parameter sets and demo data.

Part of the message catalogue (``core.messages``): each code with its Chinese and English text;
templates use ``str.format`` fields.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------ who may do what
    "access.denied": (
        "{role}「{user}」无权{action}（需要：{allowed}）",
        "{role} “{user}” may not {action} (allowed: {allowed})",
    ),
    "access.refused": ("{role}「{user}」无权{action}", "{role} “{user}” may not {action}"),
    "access.judge_sheet": (
        "{role}「{user}」无权查看法官「{judge}」的报表",
        "{role} “{user}” may not see judge “{judge}”'s sheet",
    ),
    "access.judge_workload": (
        "{role}「{user}」无权查看法官「{judge}」的工作量",
        "{role} “{user}” may not see judge “{judge}”'s workload",
    ),
    "access.judge_cases": (
        "{role}「{user}」无权查看法官「{judge}」的案件",
        "{role} “{user}” may not see judge “{judge}”'s cases",
    ),
    "access.query_case": (
        "{role}「{user}」无权就案件「{case}」提出疑问",
        "{role} “{user}” may not raise a query about case “{case}”",
    ),
    "access.query_judge": (
        "{role}「{user}」无权就法官「{judge}」的任务或数字提出疑问",
        "{role} “{user}” may not raise a query about judge “{judge}”'s quota or figures",
    ),
    "access.pending_reason": (
        "只有承办法官「{judge}」可以填写该案的未结原因",
        "Only the responsible judge “{judge}” may record why this case is still open",
    ),
    "access.nobody": (
        "没有登录的用户：请先登录（没有账户的数据库文件由本机操作员打开）",
        "Nobody is logged in: log in first (a database file without accounts opens as the local operator)",
    ),
    "access.pending_division": (
        "无权查看「{division}」的长期未结案件",
        "You may not see the long-pending cases of “{division}”",
    ),
    # ------------------------------------------------------------ accounts and logging in
    "account.login_failed": ("登录名或密码不正确", "Wrong login name or password"),
    "account.tries_left": (
        "登录名或密码不正确（再错 {left} 次账户将被锁定）",
        "Wrong login name or password ({left} more wrong attempts will lock the account)",
    ),
    "account.locked": (
        "账户「{login}」因多次输错密码已锁定，请 {minutes} 分钟后再试或请管理员重置",
        "Account “{login}” is locked after too many wrong passwords; try again in {minutes} minutes "
        "or ask an administrator to reset it",
    ),
    "account.now_locked": (
        "连续 {failures} 次密码错误，账户「{login}」已锁定 {minutes} 分钟",
        "{failures} wrong passwords in a row: account “{login}” is locked for {minutes} minutes",
    ),
    "account.local_operator": (
        "本机操作员没有账户密码；请以账户登录后再修改",
        "The local operator has no account password; log in with an account to change it",
    ),
    "account.wrong_password": ("原密码不正确", "The current password is wrong"),
    "account.same_password": ("新密码不能与原密码相同", "The new password must differ from the current one"),
    "account.password_short": ("密码至少 {minimum} 位", "A password needs at least {minimum} characters"),
    "account.password_is_login": (
        "密码不能与登录名相同",
        "The password may not be the same as the login name",
    ),
    "account.password_mix": (
        "密码须同时包含字母和数字（或符号）",
        "A password needs both letters and digits (or symbols)",
    ),
    "account.unknown_role": (
        "未知角色「{given}」，应为：{roles}",
        "Unknown role “{given}”; it should be one of: {roles}",
    ),
    "account.judge_link": (
        "法官账户须关联名册中的一名法官",
        "A judge's account must be linked to a judge in the roster",
    ),
    "account.division_link": (
        "庭长账户须关联一个部门",
        "A division head's account must be linked to a division",
    ),
    "account.empty_login": ("登录名不能为空", "The login name may not be empty"),
    "account.login_taken": ("登录名「{login}」已被使用", "The login name “{login}” is already taken"),
    "account.no_account": ("没有账户「{login}」", "There is no account “{login}”"),
    "account.not_yourself": (
        "不能停用自己的账户或取消自己的管理员角色",
        "You cannot disable your own account or take away your own administrator role",
    ),
    "account.last_admin": (
        "「{login}」是最后一个启用的管理员账户，不能停用或改为其他角色；请先另设一名管理员",
        "“{login}” is the last active administrator account: it cannot be disabled or given another role. "
        "Make another account an administrator first",
    ),
    # ------------------------------------------------------------ the court's settings
    "court.name": (
        "法院名称不能为空，且不超过 60 个字",
        "The court's name may not be empty and may have at most 60 characters",
    ),
    "court.notice_prefix": (
        "发文字号前缀不超过 30 个字，且不含括号（年份与〔〕由程序加上），例如：{example}",
        "The notice number prefix may have at most 30 characters and no brackets "
        "(the program adds the year and 〔〕), for example: {example}",
    ),
    "court.notice_start": (
        "起始文号应为 1—99999 的整数，收到 {value}",
        "The first notice number should be a whole number from 1 to 99999, not {value}",
    ),
    "court.notice_numbering": (
        "文号编排应为 plan（每个任务计划一个文号，各法官为附件）或 judge（每份通知一个文号），收到 {value}",
        "Notice numbering should be plan (one number per plan, each judge an attachment) "
        "or judge (one number per notice), not {value}",
    ),
    "court.nothing_given": (
        "请至少指定一项：--name、--notice-prefix、--notice-start 或 --notice-numbering",
        "Give at least one of --name, --notice-prefix, --notice-start or --notice-numbering",
    ),
    # ------------------------------------------------------------ backups
    "backup.exists": ("「{target}」已存在，未覆盖", "“{target}” already exists; it was not overwritten"),
    "backup.in_memory": ("内存数据库无法备份", "An in-memory database cannot be backed up"),
    "backup.restore_in_memory": ("内存数据库无法恢复", "An in-memory database cannot be restored"),
    "backup.not_found": ("找不到备份文件「{file}」", "The backup file “{file}” was not found"),
    "backup.not_database": (
        "「{file}」不是可用的数据库文件：{detail}",
        "“{file}” is not a usable database file: {detail}",
    ),
    "backup.integrity": (
        "「{file}」未通过完整性检查（{detail}），未恢复",
        "“{file}” failed the integrity check ({detail}); nothing was restored",
    ),
    "backup.not_ours": (
        "「{file}」不是本程序的数据库，未恢复",
        "“{file}” is not a database of this program; nothing was restored",
    ),
    "backup.too_new": (
        "「{file}」由较新版本的程序创建（结构版本 {version}），未恢复",
        "“{file}” was made by a newer version of the program (schema version {version}); nothing was restored",
    ),
    "backup.unknown_versions": (
        "「{file}」记录的结构版本（{versions}）与本程序的结构版本不符，未恢复",
        "The schema versions recorded in “{file}” ({versions}) are not this program's; nothing was restored",
    ),
    "backup.not_a_table": (
        "「{file}」中的「{table}」不是本程序的数据表（缺失，或是视图），未恢复，数据库未改动",
        "In “{file}”, “{table}” is not one of this program's tables (missing, or a view); "
        "nothing was restored and the database is unchanged",
    ),
    "backup.bad_row": (
        "「{file}」的表 {table} 中的行（{row}）不符合本程序的数据约束（{detail}），未恢复，数据库未改动",
        "In “{file}”, the row ({row}) of table {table} breaks this program's constraints ({detail}); "
        "nothing was restored and the database is unchanged",
    ),
    "backup.dangling_row": (
        "「{file}」的表 {table} 中的行（{row}）引用了表 {parent} 中不存在的记录，未恢复，数据库未改动",
        "In “{file}”, the row ({row}) of table {table} refers to a row of table {parent} that does not exist; "
        "nothing was restored and the database is unchanged",
    ),
    # ------------------------------------------------------------ the roster
    "roster.not_a_date": (
        "{what}应为日期（如 2025-07-01），收到「{text}」",
        "“{what}” should be a date (such as 2025-07-01), not “{text}”",
    ),
    "roster.unknown_post": (
        "职务「{post}」不在可选范围：{posts}",
        "The post “{post}” is not one of: {posts}",
    ),
    "roster.track": (
        "类别应为 审判 或 执行，收到「{track}」",
        "The track should be trial or enforcement, not “{track}”",
    ),
    "roster.left_before_start": (
        "离任日期 {end} 早于入额日期 {start}",
        "The leaving date {end} is before the date in post {start}",
    ),
    "roster.name": (
        "法官姓名不能为空，且不超过 30 个字",
        "The judge's name may not be empty and may have at most 30 characters",
    ),
    "roster.judge_exists": ("名册中已有法官「{judge}」", "The roster already has a judge “{judge}”"),
    "roster.no_judge": ("名册中没有法官「{judge}」", "There is no judge “{judge}” in the roster"),
    "roster.no_division": ("没有部门「{division}」", "There is no division “{division}”"),
    "roster.move_date_required": (
        "请填写调动日期（自该日起在新部门）",
        "Give the date of the move (the judge is in the new division from that day on)",
    ),
    "roster.already_in": ("「{judge}」已在「{division}」", "“{judge}” is already in “{division}”"),
    "roster.move_before_start": (
        "调动日期 {day} 应晚于入额日期 {start}（入额时的部门请直接修改名册）",
        "The move date {day} should be after the date in post {start} "
        "(change the division the judge started in by editing the roster)",
    ),
    "roster.move_after_end": (
        "调动日期 {day} 晚于离任日期 {end}",
        "The move date {day} is after the leaving date {end}",
    ),
    "roster.move_not_latest": (
        "「{judge}」已记录自 {latest} 起的调动；新的调动日期须在其后",
        "“{judge}” already has a move from {latest} on; a new move must be dated after it",
    ),
    "roster.all_have_accounts": (
        "名册中每位在任法官都已有账户，没有需要建立的账户",
        "Every judge in post already has an account; there are no accounts to create",
    ),
    "roster.slips_unwritable": (
        "账户通知单未能保存：{why}未建立任何账户。",
        "The account slips could not be saved: {why} No accounts were created.",
    ),
    "roster.slips_aside": (
        "账户已建立，但账户通知单无法保存为「{wanted}」（该文件可能正在另一个程序中打开），已保存为「{path}」。请妥善保管，其中的初始密码不会再次出现。",
        "The accounts were created, but the account slips could not be saved as “{wanted}” (the file may be open in another program); they were saved as “{path}”. Keep that file: the initial passwords are not shown again.",
    ),
    # ------------------------------------------------------------ undoing an import
    "undo.no_batch": ("没有第 {batch} 批导入", "There is no import number {batch}"),
    "undo.already_undone": ("第 {batch} 批导入已于 {at} 撤销", "Import {batch} was already undone on {at}"),
    "undo.cases_later": (
        "第 {batch} 批导入的案件后来又被第 {later} 批修改，请先撤销那些批次",
        "Cases from import {batch} were changed later by import {later}; undo those imports first",
    ),
    "undo.roster_no_history": (
        "第 {batch} 批名册导入没有留下导入前的名册（由旧版本程序导入），无法撤销，名册未改动；"
        "如需回到导入前，请从该批之前的备份恢复",
        "Roster import {batch} kept no copy of the roster as it was before (an older version of the program "
        "imported it), so it cannot be undone; the roster is unchanged. To go back, restore a backup taken "
        "before that import",
    ),
    "undo.roster_later": (
        "第 {batch} 批名册中的法官后来又被第 {later} 批名册修改，请先撤销那些批次",
        "Judges in roster import {batch} were changed later by roster import {later}; undo those imports first",
    ),
    "undo.roster_judges_used": (
        "第 {batch} 批名册新增的法官已被使用，不能删除，名册未改动：{blocked}",
        "Judges added by roster import {batch} are in use and cannot be removed; the roster is unchanged: {blocked}",
    ),
    "undo.roster_division_used": (
        "第 {batch} 批名册新增的部门「{division}」已被使用（{uses}），不能删除，名册未改动",
        "Division “{division}” added by roster import {batch} is in use ({uses}) and cannot be removed; "
        "the roster is unchanged",
    ),
    "undo.judge_uses": ("{judge}（{uses}）", "{judge} ({uses})"),
    "undo.uses_count": ("{table} {count} 条", "{table}: {count}"),
    # ------------------------------------------------------------ case imports and appeals
    "import.appeals_no_header": (
        "{file}：找不到表头（需要「原审案号」和「结果」两列）",
        "{file}: no header row found (it needs the two columns 原审案号 and 结果)",
    ),
    "import.appeals_rows_rejected": (
        "{file}：{count} 行有问题，二审结果未导入",
        "{file}: {count} rows have problems; the appeal results were not imported",
    ),
    "import.summary": (
        "{file}：{state}。共 {total} 行：新增 {new}，更新 {updated}，未变 {unchanged}，拒绝 {rejected}",
        "{file}: {state}. {total} rows: {new} new, {updated} updated, {unchanged} unchanged, {rejected} rejected",
    ),
    "import.state_dry": ("校验完成（未写入）", "checked (nothing written)"),
    "import.state_done": ("已导入", "imported"),
    "import.state_not": ("未导入", "not imported"),
    "import.summary_footers": (
        "；另有 {count} 行合计/总计/小计行未计入（第 {rows} 行；这些行没有可读的案号）",
        "; {count} total/subtotal rows were not counted (row {rows}; they have no readable case number)",
    ),
    "import.summary_judges": ("；新建法官 {count} 名：{names}", "; {count} judges created: {names}"),
    "import.summary_divisions": ("；新建部门 {count} 个：{names}", "; {count} divisions created: {names}"),
    "import.summary_reassigned": (
        "；改派 {count} 件（已记入审计日志）",
        "; {count} cases reassigned (recorded in the audit log)",
    ),
    "import.summary_conflicts": (
        "；{count} 件已导入给其他法官或部门的案件未改动（确认改派：命令行加 --reassign，或在导入向导中勾选「按本文件改派」）",
        "; {count} cases already imported for another judge or division were left as they were (to "
        "reassign them: --reassign on the command line, or tick “Reassign as in this file” in the import wizard)",
    ),
    "import.unknown_division": (
        "部门「{division}」不在名册中（多半是笔误）；如确是新部门，请勾选「新建名册中没有的部门」（命令行加 --create-divisions）",
        "The division “{division}” is not on the roster (most likely a typo); if it is a new division, tick "
        "“Create divisions not on the roster” (on the command line, --create-divisions)",
    ),
    "import.similar_judge": (
        "法官「{judge}」不在名册中，但与名册中的「{other}」只差繁简体或空格，多半是同一人：未自动建立；请在文件中改为名册中的写法",
        "The judge “{judge}” is not on the roster but differs from “{other}” on it only by "
        "traditional/simplified characters or spaces, probably the same person: not created; write the "
        "name as the roster does",
    ),
    "import.roster_similar_name": (
        "姓名与名册中的「{other}」只差繁简体或空格，多半是同一人；如确是两位法官，请勾选「确认相似姓名为不同法官」"
        "（命令行加 --confirm-similar）后再导入",
        "The name differs from “{other}” on the roster only by traditional/simplified characters or "
        "spaces and is probably the same person; if they are two judges, tick “Confirm similar names are "
        "different judges” (on the command line, --confirm-similar) and import again",
    ),
    "import.roster_similar_names": (
        "{file}：{count} 行的姓名与名册中已有的姓名只差繁简体或空格，未导入任何一行",
        "{file}: the names on {count} rows differ from names on the roster only by traditional/simplified "
        "characters or spaces; no row was imported",
    ),
    "roster.similar_name": (
        "「{judge}」与名册中的「{other}」只差繁简体或空格，多半是同一人；如确是两位法官，请确认后再添加",
        "“{judge}” differs from “{other}” on the roster only by traditional/simplified characters or "
        "spaces and is probably the same person; confirm to add a second judge",
    ),
    "import.duplicate_columns": (
        "文件中有两列表示同一项内容：{columns}。请删去或改名其中一列后再导入（不会只读其中一列而忽略另一列）",
        "The file has two columns with the same meaning: {columns}. Delete or rename one of them and "
        "import again (one is never read while the other is ignored)",
    ),
    "import.duplicate_pair": ("「{headers}」（都是{field}）", "“{headers}” (both {field})"),
    "import.amount_ceiling_row": (
        "金额 {amount} 元超过上限 {ceiling} 元（多半是身份证号等误填入金额列；上限可由管理员用 "
        "workload import amount-ceiling 调整）",
        "The amount {amount} yuan is above the limit of {ceiling} yuan (most likely an ID number "
        "pasted into the amount column; an administrator can change the limit with "
        "workload import amount-ceiling)",
    ),
    "import.cell_not_integer": (
        "应为整数，而不是「{text}」",
        "Expected a whole number, not “{text}”",
    ),
    "import.cell_not_number": (
        "应为数字，而不是「{text}」",
        "Expected a number, not “{text}”",
    ),
    "import.amount_ceiling": (
        "金额上限应为 1 至 10,000,000,000,000 元的整数，而不是 {amount}",
        "The amount limit should be a whole number of yuan from 1 to 10,000,000,000,000, not {amount}",
    ),
    "import.page_ceiling": (
        "页数上限应为 100–10,000,000 的整数，而不是 {pages}",
        "The page limit should be a whole number from 100 to 10,000,000, not {pages}",
    ),
    "mapping.no_profile": ("没有名为「{name}」的表头映射方案", "There is no header mapping named “{name}”"),
    "mapping.unknown_field": (
        "表头「{header}」要映射到的字段「{field}」不存在（可用：{fields}）",
        "Header “{header}” is mapped to a field “{field}” that does not exist (available: {fields})",
    ),
    # ------------------------------------------------------------ cases: queries, approvals, reviews, open cases
    "case.not_found": ("没有案号为「{case}」的案件", "There is no case numbered “{case}”"),
    "query.question_required": (
        "请写明对此案数字的疑问",
        "Write down what you question about this case's figures",
    ),
    "query.about_required": (
        "请写明对任务或数字的疑问",
        "Write down what you question about the quota or the figures",
    ),
    "query.kind": (
        "疑问只能针对案件、年度任务与月度目标或统计数字（收到「{kind}」）",
        "A query is about a case, the quota and monthly targets, or the figures (got “{kind}”)",
    ),
    "query.no_judge": (
        "账户「{user}」未关联法官：请选择要询问哪位法官的任务或数字",
        "Account “{user}” is not linked to a judge: choose whose quota or figures you ask about",
    ),
    "query.answer_required": ("答复不能为空", "The answer may not be empty"),
    "query.not_found": ("没有第 {query} 号疑问", "There is no query number {query}"),
    "approval.note_required": (
        "请注明审批依据（如审批单号、审批人、日期）",
        "Note what the approval rests on (such as the approval form's number, who approved it and when)",
    ),
    "review.held_for_post": (
        "案件 {case} 因结案日期不在法官任职期间待复核，页数无需更正：请在名册中更正入额或离任日期、"
        "重新导入更正承办法官，或确认",
        "Case {case} is held because it was closed outside the judge's time in post, not for its pages:"
        " correct the dates in the roster or the judge by a new import, or confirm it",
    ),
    "review.not_held": (
        "案件「{case}」不在待复核列表中（页数未被标为异常，或已复核）",
        "Case “{case}” is not waiting for review (its page counts were not flagged as unusual, or it was "
        "reviewed already)",
    ),
    "review.reason_required": (
        "请填写复核理由（如核对卷宗的结果、核对人）",
        "Give the reason for the review (such as what checking the case file showed, and who checked it)",
    ),
    "review.not_integer": (
        "{label}应为整数，而不是「{value}」",
        "“{label}” should be a whole number, not “{value}”",
    ),
    "review.negative": (
        "{label}应为不小于 0 的整数，而不是「{value}」",
        "“{label}” should be a whole number not less than 0, not “{value}”",
    ),
    "review.over_ceiling": (
        "{label} {number:g} 超过上限（本院页数上限 {ceiling:,} 页）",
        "“{label}” {number:g} is over the limit (this court's page limit is {ceiling:,} pages)",
    ),
    "review.no_pages": (
        "请给出更正后的页数（卷宗页数、庭审笔录页数或裁判文书页数）",
        "Give the corrected page counts (file pages, transcript pages or judgment pages)",
    ),
    "review.same_pages": (
        "更正后的页数与导入的相同；如页数无误，请用「确认」",
        "The corrected page counts are the same as the imported ones; if the counts are right, use “Confirm”",
    ),
    "pending.negative_months": ("月数不能为负数", "The number of months cannot be negative"),
    "pending.unknown_reason": (
        "未结原因应为 {reasons} 之一，而不是「{reason}」",
        "The reason a case is still open should be one of {reasons}, not “{reason}”",
    ),
    "pending.other_needs_note": ("选择「其他」时须写明原因", "When choosing “Other”, write down the reason"),
    "pending.closed": (
        "案件「{case}」已于 {closed} 结案，无需填写未结原因",
        "Case “{case}” was closed on {closed}; it needs no reason for being open",
    ),
    # ------------------------------------------------------------ parameter sets, a judge's own view, demo data
    "param_set.none": (
        "{year} 年度还没有参数设置，请管理员先在「参数」页保存并发布本年度参数",
        "There are no parameters for {year} yet; an administrator should first save and publish this year's "
        "parameters on the Parameters page",
    ),
    "param_set.reason_required": (
        "{year} 年度参数已发布，修改须填写理由",
        "The {year} parameters are published; changing them needs a reason",
    ),
    "param_set.nothing_to_publish": (
        "{year} 年度没有可发布的参数",
        "There are no parameters for {year} to publish",
    ),
    "param_set.already_published": (
        "{year} 年度参数第 {version} 版已发布",
        "Version {version} of the {year} parameters is already published",
    ),
    "mine.no_linked_judge": (
        "当前账户没有关联法官，请在「法官」页中选择一位法官",
        "This account is not linked to a judge; choose a judge on the Judges page",
    ),
    "mine.no_case": (
        "法官「{judge}」{year} 年的案件中没有编号为 {case_id} 的案件",
        "Judge “{judge}” has no case with id {case_id} among the {year} cases",
    ),
    "demo.not_empty": (
        "数据库中已有案件，示范数据只能写入空数据库",
        "The database already has cases; demo data can only go into an empty database",
    ),
    # ---------------------------------------------------------------- where an account logs in, on its slip (services.slips)
    "slip.where_server": (
        "法院服务器 {host}:{port}，数据库 {database}",
        "Court server {host}:{port}, database {database}",
    ),
    "slip.where_server_tls": (
        "法院服务器 {host}:{port}，数据库 {database}，加密连接 sslmode={sslmode}",
        "Court server {host}:{port}, database {database}, encrypted connection sslmode={sslmode}",
    ),
    "slip.where_file": ("数据库文件 {name}", "Database file {name}"),
}
