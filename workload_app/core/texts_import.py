"""The texts of what an import finds in a file (a cell refused, a row held, a warning), of where
it is (file, row, column), of the progress labels long tasks show, and of the database errors
``storage.errors.classify`` names.

Part of the message catalogue (``core.messages``): each code with its Chinese and English text;
templates use ``str.format`` fields. The Chinese texts are those the importer always wrote.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------ where a problem is
    "problem.row": ("第 {row} 行", "row {row}"),
    "problem.column": ("「{column}」列", "column “{column}”"),
    "problem.separator": ("，", ", "),
    "problem.value": ("（值：{value}）", " (value: {value})"),
    "problem.line": ("{where}：{message}{value}", "{where}: {message}{value}"),
    "problem.more": ("…… 另有 {count} 个问题，见问题报告", "… {count} more problems, see the problem report"),
    # ------------------------------------------------------------ the problem report (问题报告.xlsx)
    "report.sheet_problems": ("问题清单", "Problems"),
    "report.sheet_rows": ("被拒绝的行", "Rejected rows"),
    "report.sheet_footers": ("未计入的合计行", "Total lines not counted"),
    "report.file": ("文件", "File"),
    "report.row": ("行号", "Row"),
    "report.column": ("列", "Column"),
    "report.value": ("值", "Value"),
    "report.problem": ("问题", "Problem"),
    "report.cell_problem": ("{column}：{message}", "{column}: {message}"),
    "report.joiner": ("；", "; "),
    "report.file_name": ("{stem}-问题报告.xlsx", "{stem}-problems.xlsx"),
    # ------------------------------------------------------------ one cell's value
    "cell.excel_error": (
        "单元格的值是 Excel 错误 {error}（公式出错），应为实际数值",
        "The cell holds the Excel error {error} (a formula failed); a real value is expected",
    ),
    "cell.formula_no_value": (
        "单元格是公式，但文件里没有计算结果（请在 Excel 中打开、重新计算并保存，或复制后「粘贴为数值」）",
        "The cell is a formula without a computed value in the file (open it in Excel, recalculate "
        "and save, or copy and “paste as values”)",
    ),
    "cell.formula_shown": ("=公式（无计算结果）", "=formula (no computed value)"),
    "cell.too_long": (
        "单元格有 {length} 个字符，超过 {limit}（Excel 单元格的上限）",
        "The cell has {length} characters, more than {limit} (the limit of an Excel cell)",
    ),
    "cell.not_date": ("不是日期：「{value}」", "Not a date: “{value}”"),
    "cell.unknown_date": (
        "无法识别的日期：「{value}」（应如 2024-03-05、2024/3/5 或 {example}）",
        "Unrecognised date: “{value}” (expected like 2024-03-05, 2024/3/5 or {example})",
    ),
    "cell.bad_serial": ("不是有效日期：「{value}」", "Not a valid date: “{value}”"),
    "cell.no_such_date": ("日期不存在：「{value}」", "No such date: “{value}”"),
    "cell.pages_not_count": (
        "页数应为非负整数，而不是「{value}」",
        "Pages should be a whole number of at least 0, not “{value}”",
    ),
    "cell.pages_grouping": (
        "页数应为非负整数，而不是「{value}」（千位分隔符位置不对）",
        "Pages should be a whole number of at least 0, not “{value}” (the thousands separator is misplaced)",
    ),
    "cell.pages_not_number": ("页数应为非负整数", "Pages should be a whole number of at least 0"),
    "cell.pages_negative": ("页数不能为负数（「{value}」）", "Pages cannot be negative (“{value}”)"),
    "cell.pages_fraction": (
        "页数应为整数，不能有小数（「{value}」）",
        "Pages should be a whole number, without decimals (“{value}”)",
    ),
    "cell.pages_ceiling": (
        "页数 {pages} 超过上限 {ceiling}（应为 0–{ceiling} 的整数；多半是录入错误。"
        "上限可由管理员用 workload import page-ceiling 调整）",
        "{pages} pages is above the limit of {ceiling} (a whole number 0–{ceiling} is expected; most "
        "likely a typing error. An administrator can change the limit with workload import page-ceiling)",
    ),
    "cell.approved": (
        "审批情况应为 {yes_no}、Y/N 或 {approved}，而不是「{value}」",
        "The approval should be {yes_no}, Y/N or {approved} (yes/no), not “{value}”",
    ),
    "cell.days_not_number": (
        "天数应为非负整数，而不是「{value}」",
        "Days should be a whole number of at least 0, not “{value}”",
    ),
    "cell.days_range": (
        "天数应为 0 至 36500 的整数，而不是「{value}」",
        "Days should be a whole number from 0 to 36500, not “{value}”",
    ),
    "cell.yes_no": ("应为 {yes_no}，而不是「{value}」", "Expected {yes_no} (yes/no), not “{value}”"),
    "cell.amount_not_number": (
        "金额应为数字（元），而不是「{value}」",
        "The amount should be a number (yuan), not “{value}”",
    ),
    "cell.amount_negative": (
        "金额应为非负数（元），而不是「{value}」",
        "The amount should be a number of at least 0 (yuan), not “{value}”",
    ),
    # ------------------------------------------------------------ a case number (core.casenumber)
    "casenumber.empty": ("案号为空", "The case number is empty"),
    "casenumber.court_code": (
        "法院代字应按最高人民法院法院代字表写作「{right}」，而不是「{wrong}」",
        "The court code should be written “{right}” as in the Supreme People's Court's table of court codes, not “{wrong}”",
    ),
    "casenumber.format": (
        "案号格式无法识别（应如 {example}）",
        "Unrecognised case number format (expected like {example})",
    ),
    "casenumber.serial_zero": ("案号的序号不能为 0", "The serial number of a case number cannot be 0"),
    "casenumber.type_code": (
        "无法识别的类型代字「{type_code}」",
        "Unrecognised case type code “{type_code}”",
    ),
    "casenumber.legacy_format": (
        "旧案号格式无法识别（应如 {example}）",
        "Unrecognised old case number format (expected like {example})",
    ),
    "casenumber.legacy_no_type": (
        "旧案号中找不到类型代字「{head}」",
        "No case type code found in the old case number “{head}”",
    ),
    "casenumber.legacy_no_court": (
        "旧案号中缺少法院简称（类型代字「{type_code}」之前）",
        "The old case number lacks the court's short name (before the type code “{type_code}”)",
    ),
    # ------------------------------------------------------------ one row of a case export
    "row.case_number_required": ("案号为必填项", "The case number is required"),
    "row.duplicate_case_number": ("案号与第 {row} 行重复", "The case number repeats row {row}"),
    "row.judge_required": ("承办法官为必填项", "The judge in charge is required"),
    "row.date_future": ("日期 {date} 晚于今天", "The date {date} is after today"),
    "row.date_too_early": (
        "日期 {date} 早于 {year} 年，不可能是本院在办案件的日期",
        "The date {date} is before {year}: it cannot be a date of a case this court holds",
    ),
    "row.closed_before_filed": (
        "结案日期 {closed} 早于立案日期 {filed}",
        "The closing date {closed} is before the filing date {filed}",
    ),
    "row.closed_before_year": (
        "结案日期 {closed} 早于案号中的年度 {year} 年（案件不能在立案年度之前审结）",
        "The closing date {closed} is before the year {year} in the case number (a case cannot close "
        "before the year it was filed)",
    ),
    "row.open_needs_filed": (
        "结案日期为空（未结案件）时须有立案日期",
        "A case without a closing date (still open) needs a filing date",
    ),
    "row.recovered_above_applied": (
        "执行到位金额 {recovered:g} 大于申请执行标的金额 {applied:g}",
        "The amount recovered {recovered:g} is more than the amount applied for {applied:g}",
    ),
    "row.unknown_judge": (
        "法官不在名册中（可先导入名册，或用「自动建立法官」）",
        "The judge is not on the roster (import the roster first, or use “create judges”)",
    ),
    "row.reassign_conflict": (
        "案件已导入给 {old_judge}（{old_division}），本文件写的是 {new_judge}（{new_division}）：未改动，待确认改派",
        "The case was imported for {old_judge} ({old_division}); this file says {new_judge} "
        "({new_division}): left unchanged until the reassignment is confirmed",
    ),
    "row.no_division": ("无部门", "no division"),
    "row.unknown_name": ("？", "?"),
    "warn.judge_left": (
        "结案日期 {closed} 晚于承办法官离任日期 {left}（请核对承办法官或结案日期）",
        "The closing date {closed} is after the judge left on {left} (check the judge or the closing date)",
    ),
    "warn.division_category": (
        "{category}案件（{type_code}）登记在{stated}部门「{division}」（请核对部门或案号）",
        "A {category} case ({type_code}) filed under the {stated} division “{division}” (check the "
        "division or the case number)",
    ),
    "category.criminal": ("刑事", "criminal"),
    "category.civil": ("民事", "civil"),
    "category.administrative": ("行政", "administrative"),
    "category.enforcement": ("执行", "enforcement"),
    # ------------------------------------------------------------ one row of the roster
    "roster.name_required": ("姓名为必填项", "The name is required"),
    "roster.duplicate_name": (
        "姓名与第 {row} 行重复（同一法院内法官姓名须唯一；只差空格、隐形字符或间隔号也算同名）",
        "The name repeats row {row} (judges' names must be unique within a court; names differing "
        "only by spaces, invisible characters or a middle dot are the same name)",
    ),
    "roster.division_required": ("部门为必填项", "The division is required"),
    "roster.post": ("职务应为 {posts} 之一", "The post should be one of {posts}"),
    "roster.track_cell": (
        "类别应为「{trial}」或「{enforcement}」",
        "The track should be “{trial}” (trial) or “{enforcement}” (enforcement)",
    ),
    "roster.left_before_in_post": (
        "离任日期早于入额日期",
        "The date the judge left is before the date they took up the post",
    ),
    # ------------------------------------------------------------ one row of appeal results
    "appeal.number_required": ("原审案号为必填项", "The first-instance case number is required"),
    "appeal.result_required": (
        "结果为必填项（{outcomes}…）",
        "The outcome is required ({outcomes}…: upheld, amended, remanded, withdrawn, mediated…)",
    ),
    "appeal.duplicate": ("原审案号与第 {row} 行重复", "The first-instance case number repeats row {row}"),
    "appeal.unmatched": (
        "本院没有该原审案号的案件",
        "This court has no case with that first-instance case number",
    ),
    "appeal.summary": (
        "{file}：共 {total} 行，关联 {matched} 件，未变 {unchanged} 件，未找到原审案件 {unmatched} 行",
        "{file}: {total} rows, {matched} cases linked, {unchanged} unchanged, {unmatched} rows without a first-instance case here",
    ),
    "text.clipped": ("{head}…（共 {count} 个字符）", "{head}… ({count} characters)"),
    # ------------------------------------------------------------ a file that cannot be read as it is
    "file.at_row": ("第 {row} 行{column}：{message}", "Row {row}{column}: {message}"),
    "file.at_column": ("「{column}」列", ", column “{column}”"),
    "file.csv_cell_too_long": (
        "有一个单元格超过 {limit} 个字符，不是法院系统导出的内容"
        '（常见原因：单元格里有一个没有配对的英文引号 "，其后各行都被并入这一格）；'
        "应为每个单元格一段文字、每行一件案件",
        "A cell has more than {limit} characters, which no court system exports (usually a cell "
        'with an unpaired quote ", so that every later line was merged into it); one text per cell '
        "and one case per line are expected",
    ),
    "file.csv_unreadable": ("无法按 CSV 读取（{detail}）", "Cannot be read as CSV ({detail})"),
    "file.csv_stray_quote": (
        '这一格以英文引号 " 开始却没有配对的引号，第 {first}–{last} 行被并入了这一格'
        "（读出的记录会少 {lost} 行）；应为每行一件案件："
        '请删除该引号，或把单元格里的引号写成两个 ""',
        'This cell starts with a quote " that is never closed: lines {first}–{last} were merged '
        "into it ({lost} records fewer); one case per line is expected: delete the quote, or write "
        'a quote inside a cell as two ""',
    ),
    "file.sheet": ("工作表「{sheet}」", "the sheet “{sheet}”"),
    "file.shared_strings": ("共享字符串表", "the shared strings table"),
    "file.xml_row_too_big": (
        "{what}中有一行（或一个单元格）超过 {limit} MB，不是正常的 Excel 文件",
        "A row (or a cell) in {what} is larger than {limit} MB: not a normal Excel file",
    ),
    "file.xml_cell_too_long": (
        "{what}中有单元格超过 {limit} 个字符（Excel 单元格的上限），文件不是正常的导出",
        "A cell in {what} has more than {limit} characters (the limit of an Excel cell): not a normal export",
    ),
    "file.part_too_big": (
        "{name} 大得不正常，文件不是正常的 Excel 文件",
        "{name} is abnormally large: not a normal Excel file",
    ),
    "file.sparse_cell": (
        "{what}的单元格 {ref} 远在数据之外：按它读取要铺开 {rows} 行 × {columns} 列（{area} 个单元格），"
        "而表中只有 {cells} 个单元格。请在 Excel 中删除多余的行和列后另存再导入",
        "The cell {ref} of {what} lies far outside the data: reading it would lay out {rows} rows × "
        "{columns} columns ({area} cells) while the sheet holds {cells} cells. Delete the extra rows "
        "and columns in Excel, save, and import again",
    ),
    "file.declared_area": (
        "工作表「{sheet}」声明了 {area} 个单元格，文件却只有 {size} KB："
        "是恶意构造或已损坏的文件。请在 Excel 中删除多余的行和列后另存再导入",
        "The sheet “{sheet}” declares {area} cells but the file has only {size} KB: it is crafted "
        "or damaged. Delete the extra rows and columns in Excel, save, and import again",
    ),
    "file.excel_unreadable": ("无法读取 Excel 文件：{detail}", "Cannot read the Excel file: {detail}"),
    # ------------------------------------------------------------ the standard-case computation (core.standard)
    "standard.no_base_cases": (
        "参照年度 {year} 没有页数齐全的基准案件，无法计算平均页数",
        "The reference year {year} has no base cases with every page count: the average pages cannot be computed",
    ),
    "standard.zero_average": (
        "参照年度 {year}（{pool}）的{component}平均为 0，而其权重为 {weight:g}",
        "In the reference year {year} ({pool}) the {component} average 0, while their weight is {weight:g}",
    ),
    "standard.no_pool_cases": (
        "参照年度 {year} 没有{pool}基准案件，无法按类别计算平均页数",
        "The reference year {year} has no {pool} base cases: the average pages cannot be computed by category",
    ),
    "standard.pool_court": ("全院", "court-wide"),
    "standard.pool_criminal": ("刑事", "criminal"),
    "standard.pool_civil": ("民事", "civil"),
    "standard.pool_administrative": ("行政", "administrative"),
    "standard.component_file": ("卷宗页数", "file pages"),
    "standard.component_transcript": ("庭审笔录页数", "transcript pages"),
    "standard.component_judgment": ("裁判文书页数", "judgment pages"),
    # ------------------------------------------------------------ a case's explanation (core.standard.explain)
    "explain.out_of_post": (
        "{text}；{why}，待复核：人事更正日期或法官、或确认前不计入任何法官",
        "{text}; {why}: held for review, credited to no judge until Personnel corrects the date or the "
        "judge, or confirms it",
    ),
    "explain.out_of_post_default": (
        "结案日期不在承办法官的任职期间",
        "the closing date is outside the responsible judge's time in post",
    ),
    "explain.no_method": ("（无结案方式）", "(no closing method)"),
    "explain.awaiting": (
        "执行案件，{method}：未经廉政监察员审批，暂计 0",
        "Enforcement case, {method}: not approved by the integrity supervisor, counted 0 for now",
    ),
    "explain.approved": ("，已审批", ", approved"),
    "explain.enforcement": (
        "执行案件，{method}{note}：计 {credit:g}",
        "Enforcement case, {method}{note}: counts {credit:g}",
    ),
    "explain.fixed": ("特殊规则「{rule}」：固定计 {value:g}", "Special rule “{rule}”: a fixed {value:g}"),
    "explain.outlier": (
        "页数异常，待复核（{why}）：人事或管理员确认或更正页数前不计标准案件，暂计 0，也不计入平均页数",
        "Unusual page count, held for review ({why}): no standard cases until Personnel or an "
        "administrator confirms or corrects the pages; counted 0 for now and left out of the average pages",
    ),
    "explain.outlier_default": (
        "页数超过同类型案件中位数的 {factor:g} 倍",
        "pages above {factor:g} times the median of cases of the same type",
    ),
    "explain.incomplete": (
        "数据不全（缺{missing}），不计标准案件",
        "Incomplete data (missing {missing}): no standard cases",
    ),
    "explain.part": ("{label} {pages}/{average}×{weight}", "{label} {pages}/{average}×{weight}"),
    "explain.part_file": ("卷宗", "File"),
    "explain.part_transcript": ("笔录", "Transcript"),
    "explain.part_judgment": ("文书", "Judgment"),
    "explain.factor": (
        "({formula}) = {page_sc}，「{rule}」×{value:g}",
        "({formula}) = {page_sc}, “{rule}” ×{value:g}",
    ),
    "explain.capped": ("{formula} = {raw}，封顶 {cap:g}{note}", "{formula} = {raw}, capped at {cap:g}{note}"),
    "explain.total": ("{formula} = {sc}{note}", "{formula} = {sc}{note}"),
    "explain.pool_category": ("全院{category}", "court-wide {category}"),
    "explain.averages": (
        "其中 {values} 是参照年度 {year} 年{pool}基准案件的平均卷宗、庭审笔录、裁判文书页数：页数恰为平均的案件计 1 件标准案件。",
        "Here {values} are the average file, transcript and judgment pages of the {pool} base cases of "
        "the reference year {year}: a case with exactly the average pages counts 1 standard case.",
    ),
    "explain.with_averages": ("{text}\n{note}", "{text}\n{note}"),
    # ------------------------------------------------------------ setting up the court server (storage.server_admin, server_move)
    "server.setup_not_superuser": (
        "server setup 须用数据库超级用户的地址运行（「{user}」不是超级用户）",
        "server setup must be run with a database superuser's address (“{user}” is not a superuser)",
    ),
    "server.setup_too_new": (
        "服务器上的数据库由较新版本的程序创建（结构版本 {found}，本程序支持到 {latest}），未作任何改动",
        "The database on the server was made by a newer version of the program (schema version "
        "{found}, this program supports up to {latest}); nothing was changed",
    ),
    "server.setup_role_taken": (
        "服务器上已有名为「{admin}」的角色，但它不是本程序的管理员账户；请换一个账户名",
        "The server already has a role named “{admin}” that is not this program's administrator account; choose another name",
    ),
    "server.move_old_file": (
        "「{path}」的结构版本是 {found}，移入需要版本 {latest}：请先用本程序打开该文件（workload --db {path} init）升级后再移入",
        "“{path}” has schema version {found}; moving it in needs version {latest}: open the file with "
        "this program first (workload --db {path} init) to upgrade it, then move it in",
    ),
    "server.move_bad_logins": (
        "这些账户名不能作为服务器账户（只能用小写英文字母、数字和下划线）：{logins}；请先在原数据库中改用合规的账户名",
        "These account names cannot be server accounts (only lower-case letters, digits and "
        "underscores): {logins}; rename them in the original database first",
    ),
    # ------------------------------------------------------------ parameters in use, sheets' fonts
    "params.in_use_default": (
        "{year} 年度参数：默认值（尚未保存）",
        "Parameters of {year}: the defaults (not saved yet)",
    ),
    "params.in_use": ("参数第 {version} 版（{state}）", "Parameters version {version} ({state})"),
    "params.state_published": ("已发布", "published"),
    "params.state_draft": ("草稿，尚未发布", "a draft, not published yet"),
    "params.in_use_draft": (
        "；第 {draft} 版草稿未发布，不影响数字",
        "; the draft version {draft} is not published and changes no figure",
    ),
    "sheets.missing_glyph": (
        "「{name}」中的字符「{characters}」没有可用字体，打印出来会是空白，请核对或安装含该字的字体",
        "The characters “{characters}” in “{name}” have no font and would print blank: check them or "
        "install a font that has them",
    ),
    # ------------------------------------------------------------ the common quota's derivation (core.quotas)
    "quota.derivation": (
        "历史口径 {history:.2f}；目标口径 {rate:.0%}×({carry}+{filings:.0f})×{sc:.4f}÷{judges:.2f} = {target:.2f}；"
        "{weight:g}×{history:.2f} + {rest:g}×{target:.2f} = {blended:.2f}，取整 {quota:.0f}",
        "history basis {history:.2f}; target basis {rate:.0%}×({carry}+{filings:.0f})×{sc:.4f}÷{judges:.2f} = "
        "{target:.2f}; {weight:g}×{history:.2f} + {rest:g}×{target:.2f} = {blended:.2f}, rounded {quota:.0f}",
    ),
    # ------------------------------------------------------------ notes under a sheet's tables (core.assessment, transfers, quality)
    "assessment.staffing_assumption": (
        "按{track}月度任务分布（{pattern}），1–{month} 月占全年 {share:.1%}：预计全年 = 截至本月标准案件 ÷ {share:.1%}；"
        "所需法官 = 预计全年 ÷ 一名审判员的年度基本任务 {common:g}",
        "By the {track} monthly distribution ({pattern}), months 1–{month} are {share:.1%} of the year: "
        "the year expected = standard cases to date ÷ {share:.1%}; judges needed = the year expected ÷ "
        "one judge's basic annual quota {common:g}",
    ),
    "assessment.track_trial": ("审判", "trial"),
    "assessment.track_enforcement": ("执行", "enforcement"),
    "assessment.pattern_last_year": ("上年各月结案分布", "last year's closings by month"),
    "assessment.pattern_even": ("各月平均", "the same each month"),
    "assessment.pattern_working_days": ("各月工作日", "working days by month"),
    "transfers.assumption": (
        "按审判月度任务分布，1–{month} 月占全年 {share:.1%}：后续收案 = 已收案件 ÷ {share:.1%} × {rest:.1%}；"
        "可办标准案件 = (未结 + 后续收案) × 该类案件平均标准案件数；缺口 = 全年任务 − 已结",
        "By the trial monthly distribution, months 1–{month} are {share:.1%} of the year: later filings = "
        "cases filed ÷ {share:.1%} × {rest:.1%}; standard cases in hand = (open + later filings) × the "
        "category's average standard cases per case; gap = the year's quota − closed",
    ),
    "quality.scaled_note": (
        "本期 {months} 个月，{names}的参考范围按全年范围 × {months}/12 折算",
        "this period is {months} months: the reference ranges of {names} are the year's × {months}/12",
    ),
    "quality.denominator_note": (
        "分母不足 {least} 的指标只列数值，不评价",
        "an indicator whose denominator is under {least} is listed, not rated",
    ),
    "quality.flag_note": ("{parts}。", "{parts}."),
    # ------------------------------------------------------------ progress labels
    "progress.done": ("完成", "Done"),
    "progress.read_file": ("读取 {file}", "Reading {file}"),
    "progress.check_row": ("校验第 {row} 行", "Checking row {row}"),
    "progress.compare": ("比对已有案件", "Comparing with the stored cases"),
    "progress.commit": ("提交", "Committing"),
    "progress.backup": ("备份数据库", "Backing up the database"),
    "progress.write": ("写入数据库", "Writing to the database"),
    "progress.reference_cases": ("读取参照年度案件", "Reading the reference year's cases"),
    "progress.year_cases": ("读取本年度案件", "Reading this year's cases"),
    "progress.compute": ("计算标准案件", "Computing standard cases"),
    "progress.save_results": ("保存结果", "Saving the results"),
    "progress.gather": ("汇总数据", "Gathering the figures"),
    "progress.sheets": ("生成 {count} 份报表", "Making {count} sheets"),
    "progress.sheets_done": ("已生成 {done}/{count}", "{done}/{count} made"),
    "progress.combined": ("生成合订本", "Making the combined file"),
    "progress.last_year": ("汇总上年数据", "Gathering last year's figures"),
    "progress.save_plan": ("保存计划", "Saving the plan"),
    "progress.demo_court": ("生成示范法院", "Creating the demo court"),
    "progress.demo_year": ("计算 {year} 年度标准案件", "Computing the standard cases of {year}"),
    "progress.demo_accounts": ("建立示范账户", "Creating the demo accounts"),
    "progress.read_cases": ("读取案件", "Reading the cases"),
    "progress.current_params": ("按现行参数计算", "Computing with the current parameters"),
    "progress.changed_params": ("按修改后参数计算", "Computing with the changed parameters"),
    "progress.compare_judges": ("比较法官", "Comparing the judges"),
    "progress.scenario": ("方案 {number}/{count}", "Scenario {number}/{count}"),
    # ------------------------------------------------------------ the database, classified (storage.errors)
    "db.server_said": ("法院服务器报告：{detail}", "The court server reports: {detail}"),
    "db.os_error": ("{detail}（{file}）", "{detail} ({file})"),
    "cli.error": ("错误：{message}", "Error: {message}"),
}
