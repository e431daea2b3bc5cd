"""The texts of the errors about the court's work: parameters, imports, the database and the court
server, quotas and sheets.

Part of the message catalogue (``core.messages``): each code with its Chinese and English text;
templates use ``str.format`` fields.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------ parameters
    "param.invalid_toml": (
        "参数文件不是有效的 TOML：{detail}",
        "The parameter file is not valid TOML: {detail}",
    ),
    "param.unknown_key": ("未知的参数键「{key}」", "Unknown parameter key “{key}”"),
    "param.not_number": (
        "参数「{key}」应为数字，而不是「{value}」",
        "Parameter “{key}” should be a number, not “{value}”",
    ),
    "param.below_minimum": (
        "参数「{key}」不能小于 {minimum:g}（当前为 {value}）",
        "Parameter “{key}” may not be less than {minimum:g} (it is {value})",
    ),
    "param.above_maximum": (
        "参数「{key}」不能大于 {maximum:g}（当前为 {value}）",
        "Parameter “{key}” may not be more than {maximum:g} (it is {value})",
    ),
    "param.fixed_above_cap": (
        "参数「{key}」：固定值 {value:g} 超过{limit}（{maximum:g}）",
        "Parameter “{key}”: the fixed value {value:g} is above {limit} ({maximum:g})",
    ),
    "param.breakpoints_empty": (
        "参数「score.breakpoints」至少要有一个分数断点",
        "Parameter “score.breakpoints” needs at least one breakpoint",
    ),
    "param.not_strings": ("参数「{key}」应为文字列表", "Parameter “{key}” should be a list of texts"),
    "param.missing": ("缺少参数「{key}」", "Parameter “{key}” is missing"),
    "param.missing_year": ("缺少参数「year」（年度）", "Parameter “year” (the year) is missing"),
    "param.not_year": (
        "参数「{key}」应为年份，而不是「{value}」",
        "Parameter “{key}” should be a year, not “{value}”",
    ),
    "param.not_table": ("参数「{key}」应为表", "Parameter “{key}” should be a table"),
    "param.weights_sum": (
        "参数「trial.weights」三项权重之和应为 1，当前为 {total:g}",
        "The three weights in “trial.weights” should add up to 1; they add up to {total:g}",
    ),
    "param.average_year_late": (
        "参数「trial.average_year」：参照年度 {average_year} 不能晚于参数年度 {year}",
        "Parameter “trial.average_year”: the reference year {average_year} may not be after the parameters' year {year}",
    ),
    "param.one_of": (
        "参数「{key}」应为 {choices}，而不是「{value}」",
        "Parameter “{key}” should be {choices}, not “{value}”",
    ),
    "param.pooling": (
        "参数「{key}」应为 court 或 category，而不是「{value}」",
        "Parameter “{key}” should be court or category, not “{value}”",
    ),
    "param.rule_mode": (
        "参数「{key}」应为 fixed 或 factor，而不是「{value}」",
        "Parameter “{key}” should be fixed or factor, not “{value}”",
    ),
    "param.trim_percent": (
        "参数「trial.trim_percent」应小于 50",
        "Parameter “trial.trim_percent” should be less than 50",
    ),
    "param.rule_no_condition": (
        "参数「{key}」至少要有一个条件",
        "Parameter “{key}” needs at least one condition",
    ),
    "param.unknown_match": (
        "未知的匹配字段「{key}」（可用：{choices}）",
        "Unknown match field “{key}” (available: {choices})",
    ),
    "param.unknown_post": ("未知的职务「{post}」", "Unknown post “{post}”"),
    "param.between_0_1": (
        "参数「{key}」应在 0 与 1 之间（当前为 {value}）",
        "Parameter “{key}” should be between 0 and 1 (it is {value})",
    ),
    "compute.done": (
        "{year} 年度：{cases} 件已计算（参数第 {version} 版）",
        "{year}: {cases} cases computed (parameters version {version})",
    ),
    "compute.uncredited": (
        "其中 {uncredited} 件结案不计入任何法官、待复核：结案日期不在承办法官任职期间 {outside} 件"
        "（其中法官全年不在岗 {absent} 件），页数异常 {pages} 件。见「待复核」。",
        "Of these, {uncredited} closed cases are credited to nobody until reviewed: {outside} closed"
        " outside the responsible judge's time in post ({absent} of them of judges in post on no day"
        " of the year), {pages} with unusual page counts. See “Review”.",
    ),
    "param.months_in_post": (
        "参数「{key}」应在 0 与 12 个月之间，收到 {value}",
        "Parameter “{key}” should be between 0 and 12 months, not {value}",
    ),
    "param.month_pattern": (
        "参数「quota.month_pattern」应为 {choices}",
        "Parameter “quota.month_pattern” should be {choices}",
    ),
    "param.breakpoint": (
        "每个分数断点应为 [完成倍数, 分数]",
        "Each score breakpoint should be [completion multiple, score]",
    ),
    "param.breakpoints_order": (
        "分数断点的完成倍数应严格递增",
        "The completion multiples of the score breakpoints should strictly increase",
    ),
    "param.not_bool": (
        "参数「{key}」应为 true 或 false，而不是「{value}」",
        "Parameter “{key}” should be true or false, not “{value}”",
    ),
    "param.post_groups": (
        "参数「{key}」应为表：组名 = [职务, …]",
        "Parameter “{key}” should be a table: group = [post, …]",
    ),
    "param.old_and_new_key": (
        "参数「{key}」与旧名「{old}」只能写一个",
        "Parameter “{key}” and its old name “{old}”: write only one of them",
    ),
    "param.group_empty": ("参数「{key}」至少要有一个职务", "Parameter “{key}” needs at least one post"),
    "param.group_unknown_post": (
        "参数「{key}」中有未知的职务「{post}」（可用：{choices}）",
        "Parameter “{key}” has an unknown post “{post}” (available: {choices})",
    ),
    "param.post_in_two_groups": (
        "职务「{post}」同时属于「{first}」和「{second}」两个排名组",
        "Post “{post}” is in two ranking groups, “{first}” and “{second}”",
    ),
    "param.posts_without_group": (
        "参数「{key}」没有为职务「{posts}」指定排名组",
        "Parameter “{key}” gives no ranking group to the posts “{posts}”",
    ),
    "param.table_list": ("参数「{key}」应为表的列表", "Parameter “{key}” should be a list of tables"),
    "param.unknown_indicator": (
        "参数「{key}」：未知的质效指标「{indicator}」（可用：{choices}）",
        "Parameter “{key}”: unknown quality indicator “{indicator}” (available: {choices})",
    ),
    "param.range_table": (
        "参数「{key}」应为 {{ min = …, max = … }}",
        "Parameter “{key}” should be {{ min = …, max = … }}",
    ),
    "param.range_order": (
        "参数「{key}」的下限 {low:g} 大于上限 {high:g}",
        "Parameter “{key}”: the lower bound {low:g} is above the upper bound {high:g}",
    ),
    "param.not_text": ("参数「{key}」应为文字", "Parameter “{key}” should be text"),
    "param.whole_number": (
        "参数「{key}」应为整数，而不是 {value}",
        "Parameter “{key}” should be a whole number, not {value}",
    ),
    "param.whole_months": (
        "参数「{key}」的月数和天数应为整数",
        "Parameter “{key}”: months and days should be whole numbers",
    ),
    "param.limit_positive": (
        "参数「{key}」的审限应大于 0（months 或 days）",
        "Parameter “{key}”: the time limit should be more than 0 (months or days)",
    ),
    "param.several": ("参数有 {count} 处问题：\n{lines}", "The parameters have {count} problems:\n{lines}"),
    # ------------------------------------------------------------ imports (the file as a whole)
    "import.in_file": ("{file}：{inner}", "{file}: {inner}"),
    "import.rows_rejected": (
        "{file}：{count} 行有问题，整个文件未导入{report}",
        "{file}: {count} rows have problems; nothing from the file was imported{report}",
    ),
    "import.report_at": ("（问题报告：{path}）", " (problem report: {path})"),
    "import.roster_rows_rejected": (
        "{file}：{count} 行有问题，名册未导入",
        "{file}: {count} rows have problems; the roster was not imported",
    ),
    "import.missing_columns": (
        "缺少必需的列：{columns}{hint}",
        "Required columns are missing: {columns}{hint}",
    ),
    "import.not_the_judge": (
        "。文件中有「{column}」列，但{column}不一定是承办法官，不能代替「承办人」；"
        "如果本院导出的「{column}」就是承办法官，请在导入时把该列对应为「承办人」（保存为导入方案）",
        ". The file has a “{column}” column, but the {column} is not necessarily the responsible judge and cannot "
        "stand in for 承办人; if your court's “{column}” is the responsible judge, map that column to 承办人 "
        "when importing (and save the mapping)",
    ),
    "import.roster_missing_columns": (
        "{file}：缺少必需的列：{columns}",
        "{file}: required columns are missing: {columns}",
    ),
    "import.no_header": (
        "文件中找不到可识别的表头：需要「案号」及「承办人」「结案日期」等列",
        "No recognisable header row in the file: it needs 案号 (case number) and columns such as 承办人 and 结案日期",
    ),
    "import.no_header_in_sheet": (
        "工作表「{sheet}」中找不到表头（至少需要「案号」列）",
        "No header row in sheet “{sheet}” (it needs at least the 案号 column)",
    ),
    "import.no_such_sheet": (
        "文件中没有名为「{sheet}」的工作表（有：{sheets}）",
        "The file has no sheet named “{sheet}” (it has: {sheets})",
    ),
    "import.roster_no_header": (
        "文件中找不到法官名册的表头：至少需要「姓名」和「部门」列",
        "No roster header in the file: it needs at least the 姓名 (name) and 部门 (division) columns",
    ),
    "import.no_file": ("找不到文件「{path}」", "File “{path}” not found"),
    "import.file_type": (
        "不支持的文件类型「{suffix}」：请使用 .xlsx、.xls 或 .csv",
        "Unsupported file type “{suffix}”: use .xlsx, .xls or .csv",
    ),
    "import.too_big": (
        "文件有 {size} MB，超过导入的上限 {limit} MB",
        "The file is {size} MB, over the import limit of {limit} MB",
    ),
    "import.csv_too_big": (
        "文件有 {size} MB，超过 CSV 导入的上限 {limit} MB",
        "The file is {size} MB, over the CSV import limit of {limit} MB",
    ),
    "import.encoding": (
        "无法识别文件编码（既不是 UTF-8 也不是 GBK/GB18030）：第 {position} 字节附近",
        "Cannot tell the file's encoding (neither UTF-8 nor GBK/GB18030): near byte {position}",
    ),
    "import.binary_csv": (
        "文件含有二进制内容，不是 CSV 文本文件",
        "The file has binary content; it is not a CSV text file",
    ),
    "import.not_xlsx": (
        "文件不是有效的 Excel（.xlsx）文件（{detail}）",
        "The file is not a valid Excel (.xlsx) file ({detail})",
    ),
    "import.damaged": (
        "文件已损坏，无法读取（{detail}）",
        "The file is damaged and cannot be read ({detail})",
    ),
    "import.unreadable_excel": (
        "无法读取 Excel 文件（文件可能已损坏或不是 Excel 格式）：{detail}",
        "Cannot read the Excel file (it may be damaged or not in Excel format): {detail}",
    ),
    "import.xls_is_html": (
        "文件扩展名是 .xls，内容却是网页（HTML/XML）表格，不是真正的 Excel 工作簿："
        "请用 Excel 或 WPS 打开它，另存为「Excel 工作簿（.xlsx）」后再导入",
        "The file is named .xls but holds a web page (HTML/XML) table, not a real Excel workbook: "
        "open it in Excel or WPS, save it as an Excel workbook (.xlsx) and import that",
    ),
    "import.xls_not_excel": (
        "文件扩展名是 .xls，但内容不是 Excel 97–2003 工作簿（可能是改了扩展名的其他文件）",
        "The file is named .xls but is not an Excel 97–2003 workbook (perhaps another file renamed)",
    ),
    "import.xls_no_workbook": (
        "文件中没有 Excel 工作簿数据（不是有效的 .xls 文件）",
        "The file holds no Excel workbook data (not a valid .xls file)",
    ),
    "import.zip_too_big": (
        "解压后共 {size} MB，超过导入的上限 {limit} MB：文件过大或是恶意构造的压缩包",
        "Unpacked it is {size} MB, over the import limit of {limit} MB: too large, or a maliciously built archive",
    ),
    "import.zip_bomb": (
        "文件中的「{member}」从 {packed} KB 解压为 {unpacked} MB，是恶意构造的压缩包（zip 炸弹），拒绝读取",
        "“{member}” in the file unpacks from {packed} KB to {unpacked} MB: a maliciously built archive (zip bomb); not read",
    ),
    # ------------------------------------------------------------ the database file
    "db.readonly": (
        "数据库「{path}」是只读的（文件或所在文件夹没有写权限，或在只读介质上），未作任何改动。",
        "The database “{path}” is read-only (no write permission on the file or its folder, or a read-only medium); nothing was changed.",
    ),
    "db.full": (
        "磁盘空间不足，无法写入数据库「{path}」；本次操作未生效，数据库保持原样。请清理磁盘后重试。",
        "The disk is full: the database “{path}” cannot be written. Nothing was changed; the database is as it was. Free some disk space and try again.",
    ),
    "db.corrupt": (
        "「{path}」不是本程序的数据库文件或已损坏。请从备份恢复（workload restore）。",
        "“{path}” is not a database of this program, or it is damaged. Restore it from a backup (workload restore).",
    ),
    "db.corrupt_window": (
        "「{path}」不是本程序的数据库文件或已损坏。请从备份恢复。",
        "“{path}” is not a database of this program, or it is damaged. Restore it from a backup.",
    ),
    "db.cannot_open": (
        "无法打开数据库「{path}」：文件夹不存在或没有权限。",
        "Cannot open the database “{path}”: the folder does not exist or access is denied.",
    ),
    "db.io": (
        "读写数据库「{path}」时发生磁盘读写错误（磁盘或网络盘可能出了故障）；本次操作未生效。",
        "A disk error occurred while reading or writing the database “{path}” (the disk or network drive may be failing); nothing was changed.",
    ),
    "db.too_new": (
        "数据库「{path}」由较新版本的程序创建（结构版本 {found}，本程序支持到 {supported}），"
        "为保护数据未作任何改动。请升级程序后再打开。",
        "The database “{path}” was made by a newer version of the program (schema version {found}; this "
        "program supports up to {supported}). Nothing was changed, to protect the data. Upgrade the program "
        "and open it again.",
    ),
    "db.busy": (
        "数据库正被另一个程序或用户写入，多次重试后仍未能写入。请稍后再试；若一直如此，请检查是否有其他窗口正在导入或计算。",
        "Another program or user is writing to the database; several attempts to write failed. Try again later; "
        "if this persists, check whether another window is importing or computing.",
    ),
    # ------------------------------------------------------------ the court server
    "server.unreachable": (
        "无法连接法院服务器「{url}」：{detail}。请检查服务器地址、端口和网络，或联系信息技术人员。",
        "Cannot connect to the court server “{url}”: {detail}. Check the server address, port and network, or call IT.",
    ),
    "server.login_failed": (
        "法院服务器拒绝了账户「{user}」的登录：账户名或密码不正确，或账户已停用。",
        "The court server refused the login of “{user}”: wrong account name or password, or the account is disabled.",
    ),
    "server.not_set_up": (
        "法院服务器「{url}」上还没有本程序的数据库。请信息技术人员先运行 workload server setup。",
        "The court server “{url}” has no database of this program yet. IT must run workload server setup first.",
    ),
    "server.too_new": (
        "法院服务器上的数据库由较新版本的程序创建（结构版本 {found}，本程序支持到 {latest}），为保护数据未作任何改动。请升级本程序后再连接。",
        "The database on the court server was made by a newer version of the program (schema {found}; this one "
        "supports up to {latest}). Nothing was changed. Upgrade the program, then connect again.",
    ),
    "server.needs_upgrade": (
        "法院服务器上的数据库结构较旧（版本 {found}，本程序需要 {latest}）。请信息技术人员运行 workload server setup 升级后再连接。",
        "The database on the court server has an older schema (version {found}; this program needs {latest}). "
        "IT must run workload server setup to upgrade it, then connect again.",
    ),
    "server.no_account": (
        "服务器账户「{user}」不是本程序的账户（或已停用）。请管理员用 workload users add 添加。",
        "The server login “{user}” is not an account of this program (or it is disabled). An administrator adds it with workload users add.",
    ),
    "figures.not_computed": (
        "{year} 年度的标准案件尚未由人事或管理员计算；请联系人事部门。",
        "The standard cases of {year} have not been computed by personnel or an administrator yet; contact personnel.",
    ),
    "figures.computed_at": (
        "{year} 年度的数字由人事或管理员于 {at} 计算。",
        "The figures of {year} were computed by personnel or an administrator at {at}.",
    ),
    "figures.computed_stale": (
        "{year} 年度的数字由人事或管理员于 {at} 计算；此后案件已有变动，待重新计算后更新。",
        "The figures of {year} were computed by personnel or an administrator at {at}; cases have changed since, and the figures "
        "will follow once they are recomputed.",
    ),
    "server.move_needs_server": (
        "move-from 的 --db 应为法院服务器地址（postgresql://…）",
        "move-from needs the court server as --db (postgresql://…)",
    ),
    "server.move_needs_admin": (
        "移入须用服务器的管理员账户；「{user}」不是管理员",
        "Moving a file in needs an administrator account of the server; “{user}” is not one",
    ),
    "server.move_has_cases": (
        "服务器上已有 {count} 件案件：移入只能在刚建好的服务器数据库上进行，未作任何改动",
        "The server already holds {count} cases: a file can be moved only into a newly set-up server database. Nothing was changed",
    ),
    "server.move_has_audit": (
        "服务器上已有 {count} 条审计记录（已有人使用过该数据库）：移入只能在刚建好的服务器数据库上进行，未作任何改动",
        "The server already holds {count} audit records (the database has been used): a file can be moved only into a "
        "newly set-up server database. Nothing was changed",
    ),
    "server.move_audit_broken": (
        "文件的审计记录链不完整或被改动过（{detail}），服务器拒绝接收，未作任何改动；请先用 audit verify 检查该文件",
        "The file's audit chain is broken or was altered ({detail}); the server refused it and nothing was changed. "
        "Check the file with audit verify first",
    ),
    "server.grade_refused": (
        "服务器拒绝记录{judge}的年度考核：{detail}",
        "The server refused the year-end grading entry of {judge}: {detail}",
    ),
    "server.bad_address": (
        "服务器地址「{url}」应形如 postgresql://主机:端口/数据库名（可加 ?sslmode=verify-full&sslrootcert=…）",
        "The server address “{url}” should read postgresql://host:port/database "
        "(optionally ?sslmode=verify-full&sslrootcert=…)",
    ),
    "server.superuser_unreachable": (
        "无法以超级用户连接服务器「{url}」：{detail}",
        "Cannot connect to the server “{url}” as the superuser: {detail}",
    ),
    "server.no_setup_address": (
        "请给出服务器地址（postgresql://超级用户@主机:端口/数据库），或设置 PGHOST（及 PGPORT、PGUSER、PGDATABASE）",
        "Give the server's address (postgresql://superuser@host:port/database), or set PGHOST "
        "(and PGPORT, PGUSER, PGDATABASE)",
    ),
    "server.local_file_on_server_pc": (
        "本机已设置为使用法院服务器（{server}）。没有账户的本机数据库文件在这里不会以管理员身份打开："
        "请连接法院服务器；本机单独使用须打开有账户的数据库文件，以账户登录。",
        "This PC is set up for the court server ({server}). A database file without accounts is not opened "
        "here with administrator rights: connect to the court server; to work on this PC alone, open a "
        "database file that has accounts and log in with one.",
    ),
    "site.unknown_key": ("未知的设置项", "unknown key"),
    "site.empty": ("不能为空", "may not be empty"),
    "site.bad_file": (
        "法院设置文件「{file}」第 {line} 行（{key}）有误：{why}。请信息技术人员改正。",
        "The court settings file “{file}”, line {line} ({key}), is wrong: {why}. IT must correct it.",
    ),
    "slips.needed": (
        "账户的初始密码是随机生成的：请用 --slips 文件.pdf 指定账户通知单的保存位置"
        "（或用 $WORKLOAD_NEW_PASSWORD 给出统一的初始密码）",
        "The accounts' initial passwords are random: name the account slips' PDF with --slips FILE.pdf "
        "(or give one initial password in $WORKLOAD_NEW_PASSWORD)",
    ),
    "server.pending_refused": (
        "服务器拒绝记录案件「{case}」的未结原因：只有承办法官可以填写（{detail}）",
        "The server refused the pending reason of case “{case}”: only its responsible judge records it ({detail})",
    ),
    "server.login_taken": (
        "服务器上已有名为「{login}」的登录角色；请换一个账户名",
        "The server already has a login role named “{login}”; choose another account name",
    ),
    "server.admin_only": (
        "只有管理员账户可以在服务器上建立或修改登录角色",
        "Only an administrator account may create or change login roles on the server",
    ),
    "server.account_refused": (
        "服务器拒绝了账户「{login}」：{detail}",
        "The server refused the account “{login}”: {detail}",
    ),
    "server.move_no_file": (
        "找不到要移入的数据库文件「{path}」",
        "The database file to move in, “{path}”, cannot be found",
    ),
    "server.move_not_db": (
        "「{path}」不是本程序的数据库文件或已损坏",
        "“{path}” is not a database of this program, or it is damaged",
    ),
    "server.move_unknown_tables": (
        "文件中有服务器上没有的表：{tables}",
        "The file has tables the server does not: {tables}",
    ),
    "server.move_logins_taken": (
        "服务器上已有同名的登录角色：{logins}；未作任何改动",
        "The server already has login roles of these names: {logins}. Nothing was changed",
    ),
    "server.no_file_backup": (
        "法院服务器的备份由信息技术人员用 pg_dump 完成（见说明书「备份」一节），本程序不在服务器上复制文件。",
        "Backups of the court server are made by IT with pg_dump (see the README, “Backups”); the program copies no files on the server.",
    ),
    "server.no_file_restore": (
        "法院服务器不能从备份文件恢复：由信息技术人员用 pg_restore 从 pg_dump 的备份恢复（见说明书「备份」一节）。",
        "The court server is not restored from a backup file here: IT restores it from a pg_dump backup with pg_restore (see the README, “Backups”).",
    ),
    # ------------------------------------------------------------ quotas and plans
    "quota.replan_month": (
        "调整计划的起始月份应在 2 到 12 月之间",
        "The first month of an adjusted plan should be between February and December",
    ),
    "quota.no_judge_in_post": (
        "{year} 年度没有任何法官在岗（名册中无人的入额至离任期间落在该年），不能下达任务；未保存任何计划",
        "No judge is in post in {year} (no one's time in post in the roster falls in that year), so "
        "no quota can be issued; no plan was stored",
    ),
    "quota.no_plan": (
        "{year} 年度还没有任务计划，请先下达年度计划",
        "There is no quota plan for {year} yet; issue the annual plan first",
    ),
    "quota.reason_required": ("调整法官任务必须填写理由", "Adjusting a judge's quota needs a reason"),
    "quota.negative": ("任务数不能为负", "A quota cannot be negative"),
    "quota.no_judge": ("没有名为「{judge}」的法官", "There is no judge named “{judge}”"),
    # a judge's quota derivation (core.quota_text): factors that multiply to the figure printed
    "quota.sentence_full": (
        "基本任务 {common} × 职务系数 {fraction} = {quota}（全年在岗：{start} 至 {end}）",
        "Basic quota {common} × post factor {fraction} = {quota} (in post all year: {start} to {end})",
    ),
    "quota.sentence_part": (
        "基本任务 {common} × 职务系数 {fraction} × 在岗折算 {share} = {quota}"
        "（在岗 {start} 至 {end}，在岗月份：{months}；在岗折算 = 各月目标之和 ÷ 全年任务）",
        "Basic quota {common} × post factor {fraction} × share in post {share} = {quota}"
        " (in post {start} to {end}, months in post: {months}; share in post = sum of the month targets"
        " ÷ the full-year quota)",
    ),
    "quota.sentence_replanned": (
        "基本任务 {common} × 职务系数 {fraction} × 调整折算 {share} = {quota}"
        "（全年在岗：{start} 至 {end}；调整前已下达各月目标之和超过调整后的全年任务，予以保留）",
        "Basic quota {common} × post factor {fraction} × re-plan factor {share} = {quota}"
        " (in post all year: {start} to {end}; the months issued before the re-plan exceed the new"
        " annual figure and are kept)",
    ),
    "quota.sentence_override": (
        "；经人事调整为 {quota}（理由：{reason}）",
        "; adjusted by personnel to {quota} (reason: {reason})",
    ),
    "quota.sentence_before": ("年初前", "before the year"),
    "quota.sentence_after": ("年末", "the year end"),
    # ------------------------------------------------------------ sheets
    "sheet.bad_month": (
        "统计月份应为 1 到 12 之间的整数，收到 {month}",
        "The month should be a whole number from 1 to 12, not {month}",
    ),
    "sheet.no_judge": ("没有名为「{judge}」的法官", "There is no judge named “{judge}”"),
    "sheet.no_division": ("没有名为「{division}」的部门", "There is no division named “{division}”"),
    "sheet.no_division_data": (
        "{year} 年度没有名为「{division}」的部门的数据",
        "There are no figures for a division named “{division}” in {year}",
    ),
    "sheet.unknown_kind": (
        "未知的报表种类「{kind}」（可用：{kinds}）",
        "Unknown sheet kind “{kind}” (available: {kinds})",
    ),
    "sheet.no_plan_notice": (
        "{year} 年度还没有任务计划，无法打印任务下达表",
        "There is no quota plan for {year} yet, so no quota notice can be printed",
    ),
    "sheet.no_plan": (
        "{year} 年度还没有下达任务计划，无法生成{what}（先运行 workload quota plan --year {year}）",
        "No quota plan has been issued for {year}, so no {what} can be made (first run workload quota plan --year {year})",
    ),
    "sheet.what_notice": ("任务下达通知", "quota notice"),
    "sheet.what_judge": ("法官考核表", "judge's sheet"),
    "sheet.not_in_post": (
        "法官「{judge}」在 {year} 年度不在岗（入额日期 {start}，离任日期 {end}），没有该年度的报表",
        "Judge “{judge}” was not in post in {year} (in post from {start}, left {end}): no sheet for that year",
    ),
    "sheet.choose_scope": ("请指定 --judge、--division 或 --all", "Choose --judge, --division or --all"),
    "sheet.judge_nothing": (
        "法官「{judge}」在 {year} 年度的任务计划中没有任务，截至 {month} 月也没有结案，没有可打印的报表",
        "Judge “{judge}” has no quota in the {year} plan and no closed cases up to month {month}: there is no sheet to print",
    ),
    "sheet.nothing": (
        "所选范围内没有在 {year} 年度有任务或结案的法官，没有可打印的报表",
        "No judge in the chosen scope has a quota or closed cases in {year}: there is no sheet to print",
    ),
    "sheet.no_court_figures": (
        "该统计范围没有部门和全院的数字",
        "This scope has no division or court-wide figures",
    ),
    # ------------------------------------------------------------ files the user names
    "file.folder_read_only": (
        "无法在文件夹「{folder}」中保存文件：该文件夹是只读的或没有写入权限。请换一个文件夹。",
        "Cannot save a file in the folder “{folder}”: the folder is read-only or you may not write there. Choose another folder.",
    ),
    "file.in_use": (
        "无法覆盖「{path}」：它可能正在另一个程序（如 PDF 阅读器、Excel、WPS）中打开，或是只读文件。请关闭它或换一个文件名后重试。",
        "Cannot overwrite “{path}”: it may be open in another program (a PDF viewer, Excel, WPS) or read-only. Close it or choose another file name and try again.",
    ),
    "file.bad_name": (
        '文件名「{name}」不可用：太长，或含有不允许的字符（\\ / : * ? " < > |）。请换一个文件名。',
        'The file name “{name}” cannot be used: it is too long or contains a character that is not allowed (\\ / : * ? " < > |). Choose another name.',
    ),
    "file.no_folder": (
        "文件夹「{folder}」不存在。请换一个文件夹。",
        "The folder “{folder}” does not exist. Choose another folder.",
    ),
    "file.not_a_folder": (
        "「{folder}」是一个文件，不是文件夹。请换一个文件夹。",
        "“{folder}” is a file, not a folder. Choose another folder.",
    ),
    "file.is_a_folder": (
        "「{path}」是一个文件夹，不能保存为文件。请换一个文件名。",
        "“{path}” is a folder; it cannot be saved as a file. Choose another file name.",
    ),
    "file.disk_full": (
        "磁盘空间不足，无法保存「{path}」。请清理磁盘后重试。",
        "The disk is full: “{path}” cannot be saved. Free some disk space and try again.",
    ),
    "file.cannot_write": ("无法保存「{path}」：{reason}", "Cannot save “{path}”: {reason}"),
    "file.not_found": ("找不到文件「{path}」。", "The file “{path}” does not exist."),
    "file.not_text": (
        "「{path}」不是文本文件（或不是 UTF-8 编码），无法读取。",
        "“{path}” is not a text file (or not UTF-8), so it cannot be read.",
    ),
    "file.cannot_read": ("无法读取「{path}」：{reason}", "Cannot read “{path}”: {reason}"),
    "file.no_viewer": (
        "本机没有能打开「{path}」的程序，或无法启动它。文件已保存，可在其所在文件夹中找到。",
        "No program on this PC could open “{path}”, or it could not be started. The file is saved; you can find it in its folder.",
    ),
}
