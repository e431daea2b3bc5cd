<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
  <context>
    <name>AnswerDialog</name>
    <message>
      <source>如已更正数据，写明更正了什么（可空）</source>
      <translation>If data was corrected, say what (optional)</translation>
    </message>
    <message>
      <source>更正</source>
      <translation>Correction</translation>
    </message>
    <message>
      <source>疑问</source>
      <translation>Query</translation>
    </message>
    <message>
      <source>答复</source>
      <translation>Answer</translation>
    </message>
    <message>
      <source>答复疑问</source>
      <translation>Answer a query</translation>
    </message>
  </context>
  <context>
    <name>AuditView</name>
    <message>
      <source>{n} 条记录已导出到 {p}</source>
      <translation>Records exported to {p}: {n}</translation>
    </message>
    <message>
      <source>{n} 条记录（新的在前）</source>
      <translation>Records: {n} (newest first)</translation>
    </message>
    <message>
      <source>{n} 条记录，哈希链一致。</source>
      <translation>Records: {n}; the hash chain is intact.</translation>
    </message>
    <message>
      <source>修改前：{b}
修改后：{a}</source>
      <translation>Before: {b}
After: {a}</translation>
    </message>
    <message>
      <source>全部操作</source>
      <translation>All actions</translation>
    </message>
    <message>
      <source>哈希：{h}</source>
      <translation>Hash: {h}</translation>
    </message>
    <message>
      <source>字段</source>
      <translation>Fields</translation>
    </message>
    <message>
      <source>字段（* 为有变化的字段）</source>
      <translation>Fields (* marks a changed field)</translation>
    </message>
    <message>
      <source>审计日志.xlsx</source>
      <translation>audit-log.xlsx</translation>
    </message>
    <message>
      <source>审计日志完好</source>
      <translation>Audit log intact</translation>
    </message>
    <message>
      <source>审计日志已被篡改</source>
      <translation>Audit log tampered with</translation>
    </message>
    <message>
      <source>对象或内容包含…</source>
      <translation>Object or content contains…</translation>
    </message>
    <message>
      <source>导出 Excel…</source>
      <translation>Export to Excel…</translation>
    </message>
    <message>
      <source>导出审计日志</source>
      <translation>Export audit log</translation>
    </message>
    <message>
      <source>已导出</source>
      <translation>Exported</translation>
    </message>
    <message>
      <source>未变</source>
      <translation>Unchanged</translation>
    </message>
    <message>
      <source>未导出</source>
      <translation>Not exported</translation>
    </message>
    <message>
      <source>查询</source>
      <translation>Search</translation>
    </message>
    <message>
      <source>核验哈希链</source>
      <translation>Verify hash chain</translation>
    </message>
    <message>
      <source>用户</source>
      <translation>User</translation>
    </message>
    <message>
      <source>自</source>
      <translation>from</translation>
    </message>
    <message>
      <source>至</source>
      <translation>to</translation>
    </message>
    <message>
      <source>（删除）</source>
      <translation>(removed)</translation>
    </message>
    <message>
      <source>（无字段变化记录）</source>
      <translation>(no field changes recorded)</translation>
    </message>
  </context>
  <context>
    <name>CasesView</name>
    <message>
      <source>{y}年案件</source>
      <translation>{y} cases</translation>
    </message>
    <message>
      <source>全部</source>
      <translation>All</translation>
    </message>
    <message>
      <source>单位</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>合议庭</source>
      <translation>Panel</translation>
    </message>
    <message>
      <source>异常页数</source>
      <translation>Unusual page count</translation>
    </message>
    <message>
      <source>待审批</source>
      <translation>Awaiting approval</translation>
    </message>
    <message>
      <source>数据不全</source>
      <translation>Incomplete data</translation>
    </message>
    <message>
      <source>数据质量</source>
      <translation>Data quality</translation>
    </message>
    <message>
      <source>显示 {n} 件，共 {total} 件；标准案件合计 {sc:,.2f}</source>
      <translation>Cases shown: {n} of {total}; standard cases in total {sc:,.2f}</translation>
    </message>
    <message>
      <source>查找</source>
      <translation>Find</translation>
    </message>
    <message>
      <source>案号或案由中的文字（Ctrl+F）</source>
      <translation>Text in case number or cause (Ctrl+F)</translation>
    </message>
    <message>
      <source>没有案件</source>
      <translation>No cases</translation>
    </message>
    <message>
      <source>法官</source>
      <translation>Judge</translation>
    </message>
    <message>
      <source>特殊规则</source>
      <translation>Special rule</translation>
    </message>
    <message>
      <source>程序</source>
      <translation>Procedure</translation>
    </message>
    <message>
      <source>类别</source>
      <translation>Track</translation>
    </message>
    <message>
      <source>结案方式</source>
      <translation>Closing method</translation>
    </message>
    <message>
      <source>计算说明</source>
      <translation>Explanation</translation>
    </message>
    <message>
      <source>部门</source>
      <translation>Division</translation>
    </message>
    <message>
      <source>（每件按全额合计；「部门」页的已完成是本部门法官按份额计入之和，合议庭份额、跨部门合议和待复核案件使二者不同）</source>
      <translation> (each case at its full value; "Done" on the Divisions page adds up the division's judges' shares, so panel shares, panels across divisions and held cases make the two differ)</translation>
    </message>
    <message>
      <source>；计入本人：审判 {t:,.2f}，执行 {e:,.2f}（标准案件 × 本人份额，与统计一致）</source>
      <translation>; credited to you: trial {t:,.2f}, enforcement {e:,.2f} (standard cases × your share, as in the tally)</translation>
    </message>
  </context>
  <context>
    <name>ChangePasswordDialog</name>
    <message>
      <source>两次输入的新密码不一致</source>
      <translation>The two new passwords differ</translation>
    </message>
    <message>
      <source>修改密码</source>
      <translation>Change password</translation>
    </message>
    <message>
      <source>再输入一次</source>
      <translation>Repeat</translation>
    </message>
    <message>
      <source>原密码</source>
      <translation>Current password</translation>
    </message>
    <message>
      <source>新密码</source>
      <translation>New password</translation>
    </message>
    <message>
      <source>至少 8 位，须同时包含字母和数字（或符号）。</source>
      <translation>At least 8 characters, with letters and digits (or symbols).</translation>
    </message>
    <message>
      <source>这是首次登录或管理员重置后的密码，请先设置自己的密码。</source>
      <translation>This is a first-time or reset password: set your own password first.</translation>
    </message>
  </context>
  <context>
    <name>ConnectServerDialog</name>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
    <message>
      <source>例如 192.168.1.20 或 court-db</source>
      <translation>e.g. 192.168.1.20 or court-db</translation>
    </message>
    <message>
      <source>加密连接（TLS）：sslmode={m}</source>
      <translation>Encrypted connection (TLS): sslmode={m}</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>密码</source>
      <translation>Password</translation>
    </message>
    <message>
      <source>密码只发送给服务器，不会保存。服务器地址和账户由法院信息技术人员提供。</source>
      <translation>The password goes to the server only and is never saved. The court's IT staff give you the server address and your account.</translation>
    </message>
    <message>
      <source>已取消连接。</source>
      <translation>Connecting cancelled.</translation>
    </message>
    <message>
      <source>数据库</source>
      <translation>Database</translation>
    </message>
    <message>
      <source>服务器地址</source>
      <translation>Server address</translation>
    </message>
    <message>
      <source>正在连接 {h}:{p} …</source>
      <translation>Connecting to {h}:{p} …</translation>
    </message>
    <message>
      <source>端口</source>
      <translation>Port</translation>
    </message>
    <message>
      <source>请填写：{f}</source>
      <translation>Please fill in: {f}</translation>
    </message>
    <message>
      <source>账户</source>
      <translation>Account</translation>
    </message>
    <message>
      <source>连接</source>
      <translation>Connect</translation>
    </message>
    <message>
      <source>连接法院服务器</source>
      <translation>Connect to the court server</translation>
    </message>
  </context>
  <context>
    <name>CourtSettingsDialog</name>
    <message>
      <source>例如：渝0106法</source>
      <translation>e.g. 渝0106法</translation>
    </message>
    <message>
      <source>发文字号前缀</source>
      <translation>Notice number prefix</translation>
    </message>
    <message>
      <source>只有管理员可以修改法院设置。</source>
      <translation>Only an administrator can change the court settings.</translation>
    </message>
    <message>
      <source>文号编排</source>
      <translation>Notice numbers</translation>
    </message>
    <message>
      <source>本年度第一份通知的编号</source>
      <translation>Number of the year's first notice</translation>
    </message>
    <message>
      <source>每个任务计划一个文号，各法官的任务为附件</source>
      <translation>One number per plan, each judge's task as an attachment</translation>
    </message>
    <message>
      <source>每份通知一个文号</source>
      <translation>One number per notice</translation>
    </message>
    <message>
      <source>法院名称（报表抬头、通知落款）</source>
      <translation>Court name (sheet headings, notices)</translation>
    </message>
    <message>
      <source>法院设置</source>
      <translation>Court settings</translation>
    </message>
    <message>
      <source>第一份通知的文号</source>
      <translation>First notice is numbered</translation>
    </message>
  </context>
  <context>
    <name>DecisionDialog</name>
    <message>
      <source>卷宗页数</source>
      <translation>File pages</translation>
    </message>
    <message>
      <source>如：已核对卷宗，确有此页数；核对人</source>
      <translation>e.g. checked against the case file, the pages are right; checked by</translation>
    </message>
    <message>
      <source>庭审笔录页数</source>
      <translation>Transcript pages</translation>
    </message>
    <message>
      <source>待复核原因</source>
      <translation>Why held</translation>
    </message>
    <message>
      <source>更正页数</source>
      <translation>Correct pages</translation>
    </message>
    <message>
      <source>案号</source>
      <translation>Case number</translation>
    </message>
    <message>
      <source>理由</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>确认后，该案按导入的页数计算标准案件，并计入平均页数。</source>
      <translation>Once confirmed, the case counts with its imported pages and enters the page averages.</translation>
    </message>
    <message>
      <source>确认页数</source>
      <translation>Confirm pages</translation>
    </message>
    <message>
      <source>裁判文书页数</source>
      <translation>Judgment pages</translation>
    </message>
    <message>
      <source>请填写复核理由。</source>
      <translation>Please give the reason for the review decision.</translation>
    </message>
    <message>
      <source>页数没有改动；如页数无误，请用「确认页数」。</source>
      <translation>No page count was changed; if the pages are right, use “Confirm pages”.</translation>
    </message>
  </context>
  <context>
    <name>DivisionsView</name>
    <message>
      <source>{t}：按月度任务分布，{months}占全年 {s:.1%}；预计全年工作量 = 截至本月标准案件 ÷ {s:.1%}，所需法官 = 预计全年工作量 ÷ 一名审判员的年度基本任务。</source>
      <translation>{t}: by the monthly target pattern, {months} hold {s:.1%} of the year; expected annual workload = standard cases to date ÷ {s:.1%}; judges needed = expected annual workload ÷ one ordinary judge's annual quota.</translation>
    </message>
    <message>
      <source>{y}年调剂建议</source>
      <translation>{y} suggested transfers</translation>
    </message>
    <message>
      <source>{y}年部门进度</source>
      <translation>{y} division progress</translation>
    </message>
    <message>
      <source>「已完成」是本部门法官按份额计入的标准案件之和；「案件」页按每件全额合计，合议庭份额、跨部门合议和待复核案件使二者不同。</source>
      <translation>"Done" adds up the standard cases credited to the division's judges by their shares; the Cases page counts each case at its full value, so panel shares, panels across divisions and held cases make the two differ.</translation>
    </message>
    <message>
      <source>人案均衡度（各部门人均标准案件的变异系数，越小越均衡）：审判 {t:.3f}，执行 {e:.3f}</source>
      <translation>Balance (coefficient of variation of standard cases per judge across divisions; lower is more even): trial {t:.3f}, enforcement {e:.3f}</translation>
    </message>
    <message>
      <source>完成率按区间着色；「全院」列为全院同类别合计，「上年同期」为上年 1 月至所选月份</source>
      <translation>Completion is coloured by band; "court" columns are the whole court in the same track; "same period last year" is January to the chosen month of last year</translation>
    </message>
    <message>
      <source>标准案件</source>
      <translation>Standard cases</translation>
    </message>
    <message>
      <source>约合案件数</source>
      <translation>About cases</translation>
    </message>
    <message>
      <source>调入部门</source>
      <translation>To division</translation>
    </message>
    <message>
      <source>调出部门</source>
      <translation>From division</translation>
    </message>
    <message>
      <source>调剂建议需要全院的案件推算，服务器上只向人事和管理员显示；如需参考，请向人事部门索取。</source>
      <translation>Transfer suggestions are projected from every case of the court: on the server only personnel and administrators see them; ask personnel for them.</translation>
    </message>
    <message>
      <source>调剂建议（仅为建议，不会自动移动案件）</source>
      <translation>Suggested transfers (suggestions only; no case is moved)</translation>
    </message>
    <message>
      <source>调剂建议：后续收案按同一分布推算（已收案件 ÷ 已过月份占比 × 剩余占比），可办标准案件 =（未结 + 后续收案）× 该类案件平均标准案件数，与全年目标的缺口比较。</source>
      <translation>Transfer suggestions: filings still to come follow the same pattern (filed so far ÷ share of the months past × share left); workable standard cases = (open + filings to come) × average standard cases per case of the category, set against what the annual target still needs.</translation>
    </message>
  </context>
  <context>
    <name>ExcelButton</name>
    <message>
      <source>Excel 文件 (*.xlsx)</source>
      <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
      <source>导出 Excel</source>
      <translation>Export to Excel</translation>
    </message>
    <message>
      <source>导出 Excel…</source>
      <translation>Export to Excel…</translation>
    </message>
    <message>
      <source>已导出</source>
      <translation>Exported</translation>
    </message>
    <message>
      <source>已导出 {n} 行到
{p}</source>
      <translation>Exported {n} rows to
{p}</translation>
    </message>
    <message>
      <source>未导出</source>
      <translation>Not exported</translation>
    </message>
    <message>
      <source>表中没有可导出的行。</source>
      <translation>The table has no rows to export.</translation>
    </message>
  </context>
  <context>
    <name>GradeDialog</name>
    <message>
      <source>会议</source>
      <translation>Meeting</translation>
    </message>
    <message>
      <source>会议编号或纪要文号（可空）</source>
      <translation>Meeting number or minutes reference (optional)</translation>
    </message>
    <message>
      <source>法官</source>
      <translation>Judge</translation>
    </message>
    <message>
      <source>理由</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>等次</source>
      <translation>Grade</translation>
    </message>
  </context>
  <context>
    <name>GradesView</name>
    <message>
      <source>{g}：优秀 {n}/{p} 名（参加定等 {m} 人 × {s}%）{o}</source>
      <translation>{g}: Excellent {n}/{p} ({m} graded × {s}%){o}</translation>
    </message>
    <message>
      <source>{j}（{d}，{p}，{g}）</source>
      <translation>{j} ({d}, {p}, {g})</translation>
    </message>
    <message>
      <source>{y} 年度考核：{s}</source>
      <translation>Year-end grading {y}: {s}</translation>
    </message>
    <message>
      <source>个人总结</source>
      <translation>Personal summary</translation>
    </message>
    <message>
      <source>个人总结…</source>
      <translation>Personal summary…</translation>
    </message>
    <message>
      <source>个人总结：{s}</source>
      <translation>Personal summary: {s}</translation>
    </message>
    <message>
      <source>书面通知：{n}（第 {v} 版，{d}），复核申请期限 {r}；签收：{a} {o}</source>
      <translation>Written notice: {n} (version {v}, {d}), review requests until {r}; acknowledged: {a} {o}</translation>
    </message>
    <message>
      <source>保存公示名单</source>
      <translation>Save the publication list</translation>
    </message>
    <message>
      <source>保存通知 PDF…</source>
      <translation>Save the notice PDF…</translation>
    </message>
    <message>
      <source>公示…</source>
      <translation>Publish…</translation>
    </message>
    <message>
      <source>决定 {g}（{why}）</source>
      <translation>decided {g} ({why})</translation>
    </message>
    <message>
      <source>历年等次：{p}</source>
      <translation>Grades of past years: {p}</translation>
    </message>
    <message>
      <source>发出书面通知…</source>
      <translation>Issue the written notices…</translation>
    </message>
    <message>
      <source>填写庭长意见…</source>
      <translation>Division head’s opinion…</translation>
    </message>
    <message>
      <source>复核决定</source>
      <translation>Review decision</translation>
    </message>
    <message>
      <source>复核决定…</source>
      <translation>Review decision…</translation>
    </message>
    <message>
      <source>复核申请（{d}）：{t}；{x}</source>
      <translation>Review request ({d}): {t}; {x}</translation>
    </message>
    <message>
      <source>委员会决定：{g}（{r}）{m}</source>
      <translation>Committee decision: {g} ({r}) {m}</translation>
    </message>
    <message>
      <source>已保存</source>
      <translation>Saved</translation>
    </message>
    <message>
      <source>已写出 {n} 份文件</source>
      <translation>Files written: {n}</translation>
    </message>
    <message>
      <source>已填写</source>
      <translation>Written</translation>
    </message>
    <message>
      <source>年度考核</source>
      <translation>Year-end grading</translation>
    </message>
    <message>
      <source>年度考核：请稍候</source>
      <translation>Year-end grading: please wait</translation>
    </message>
    <message>
      <source>并列</source>
      <translation>Tied</translation>
    </message>
    <message>
      <source>庭长意见</source>
      <translation>Division head’s opinion</translation>
    </message>
    <message>
      <source>庭长意见：{s}</source>
      <translation>Division head’s opinion: {s}</translation>
    </message>
    <message>
      <source>建议：{g}　{t}</source>
      <translation>Proposed: {g}  {t}</translation>
    </message>
    <message>
      <source>开始</source>
      <translation>Open the year</translation>
    </message>
    <message>
      <source>录入委员会决定…</source>
      <translation>Committee decision…</translation>
    </message>
    <message>
      <source>待决定</source>
      <translation>awaiting decision</translation>
    </message>
    <message>
      <source>总结</source>
      <translation>Summary</translation>
    </message>
    <message>
      <source>意见</source>
      <translation>Opinion</translation>
    </message>
    <message>
      <source>提出等次建议</source>
      <translation>Propose grades</translation>
    </message>
    <message>
      <source>未完成</source>
      <translation>Not done</translation>
    </message>
    <message>
      <source>本人意见（可空）</source>
      <translation>Your opinion (optional)</translation>
    </message>
    <message>
      <source>理由</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>申请复核</source>
      <translation>Request a review</translation>
    </message>
    <message>
      <source>申请复核…</source>
      <translation>Request a review…</translation>
    </message>
    <message>
      <source>确定等次</source>
      <translation>Confirmed grade</translation>
    </message>
    <message>
      <source>确定等次：{g}　{c}</source>
      <translation>Confirmed grade: {g}  {c}</translation>
    </message>
    <message>
      <source>签收通知</source>
      <translation>Acknowledge the notice</translation>
    </message>
    <message>
      <source>签收通知…</source>
      <translation>Acknowledge the notice…</translation>
    </message>
    <message>
      <source>纸质</source>
      <translation>On paper</translation>
    </message>
    <message>
      <source>考评委员会决定</source>
      <translation>Assessment committee decision</translation>
    </message>
    <message>
      <source>请先在表中选中一名法官</source>
      <translation>Select a judge in the table first</translation>
    </message>
    <message>
      <source>通知保存到文件夹</source>
      <translation>Save the notices to a folder</translation>
    </message>
    <message>
      <source>（公示期间改变）</source>
      <translation>(changed during the publication)</translation>
    </message>
    <message>
      <source>（纸质）</source>
      <translation>(on paper) </translation>
    </message>
    <message>
      <source>（超出）</source>
      <translation> (over the cap)</translation>
    </message>
  </context>
  <context>
    <name>ImportHistoryDialog</name>
    <message>
      <source>名册</source>
      <translation>Roster</translation>
    </message>
    <message>
      <source>导入历史</source>
      <translation>Import history</translation>
    </message>
    <message>
      <source>批次</source>
      <translation>Batch</translation>
    </message>
    <message>
      <source>拒绝</source>
      <translation>Rejected</translation>
    </message>
    <message>
      <source>撤销导入</source>
      <translation>Undo import</translation>
    </message>
    <message>
      <source>撤销所选批次</source>
      <translation>Undo selected batch</translation>
    </message>
    <message>
      <source>撤销时间</source>
      <translation>Undone at</translation>
    </message>
    <message>
      <source>撤销第 {b} 批导入？</source>
      <translation>Undo import batch {b}?</translation>
    </message>
    <message>
      <source>文件</source>
      <translation>File</translation>
    </message>
    <message>
      <source>新增</source>
      <translation>New</translation>
    </message>
    <message>
      <source>无法撤销</source>
      <translation>Cannot undo</translation>
    </message>
    <message>
      <source>时间</source>
      <translation>Time</translation>
    </message>
    <message>
      <source>更新</source>
      <translation>Updated</translation>
    </message>
    <message>
      <source>未变</source>
      <translation>Unchanged</translation>
    </message>
    <message>
      <source>案件</source>
      <translation>Cases</translation>
    </message>
    <message>
      <source>正在撤销第 {b} 批导入</source>
      <translation>Undoing import batch {b}</translation>
    </message>
    <message>
      <source>用户</source>
      <translation>Users</translation>
    </message>
    <message>
      <source>示范数据</source>
      <translation>Demo data</translation>
    </message>
    <message>
      <source>种类</source>
      <translation>Kind</translation>
    </message>
  </context>
  <context>
    <name>ImportWizard</name>
    <message>
      <source>&lt;b&gt;{n} 件案件已导入给其他法官或部门&lt;/b&gt;，本次未改动；确认改派请勾选下方「按本文件改派」后再导入。</source>
      <translation>&lt;b&gt;{n} cases were imported before for another judge or division&lt;/b&gt; and were left unchanged; to move them as this file says, tick “Reassign as in this file” below and import again.</translation>
    </message>
    <message>
      <source>{label}（{field}）</source>
      <translation>{label} ({field})</translation>
    </message>
    <message>
      <source>　&lt;a href='file://{p}'&gt;打开问题报告&lt;/a&gt;</source>
      <translation> &lt;a href='file://{p}'&gt;Open the problem report&lt;/a&gt;</translation>
    </message>
    <message>
      <source>「问题」中共 {n} 条：拒绝的 {r} 行有 {p} 条问题，已导入给其他法官或部门而本次未改动 {h} 件，提示 {w} 条（照常导入，请核对）。</source>
      <translation>“Problems” lists {n}: {p} problems in the {r} refused rows, {h} cases imported before for another judge or division and left unchanged, {w} warnings (imported; please check).</translation>
    </message>
    <message>
      <source>不勾选时，部门不在名册中的行作为问题列出（多半是笔误）</source>
      <translation>Unticked, rows whose division is not on the roster are listed as problems (most likely a typo)</translation>
    </message>
    <message>
      <source>保存问题清单…</source>
      <translation>Save the problem list…</translation>
    </message>
    <message>
      <source>值</source>
      <translation>Value</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>列</source>
      <translation>Column</translation>
    </message>
    <message>
      <source>前 20 行预览</source>
      <translation>Preview of the first 20 rows</translation>
    </message>
    <message>
      <source>名册中没有的法官自动建立</source>
      <translation>Create judges missing from the roster</translation>
    </message>
    <message>
      <source>对应字段</source>
      <translation>Field</translation>
    </message>
    <message>
      <source>导入</source>
      <translation>Import</translation>
    </message>
    <message>
      <source>导入结案数据</source>
      <translation>Import closed cases</translation>
    </message>
    <message>
      <source>导入问题</source>
      <translation>Import problems</translation>
    </message>
    <message>
      <source>工作表</source>
      <translation>Sheet</translation>
    </message>
    <message>
      <source>已取消读取。</source>
      <translation>Reading cancelled.</translation>
    </message>
    <message>
      <source>已导入给其他法官或部门的案件，按本文件改派（每件都记入审计日志）；不勾选时这些案件保持不变，列在「问题」中</source>
      <translation>Cases imported earlier for another judge or division are reassigned as this file says (each move is recorded in the audit trail); unticked, they stay as they are and are listed under Problems</translation>
    </message>
    <message>
      <source>拒绝</source>
      <translation>Rejected</translation>
    </message>
    <message>
      <source>按本文件改派</source>
      <translation>Reassign as in this file</translation>
    </message>
    <message>
      <source>提示</source>
      <translation>Warning</translation>
    </message>
    <message>
      <source>文件中的表头</source>
      <translation>Header in the file</translation>
    </message>
    <message>
      <source>新建名册中没有的部门</source>
      <translation>Create divisions not on the roster</translation>
    </message>
    <message>
      <source>未改动</source>
      <translation>Left unchanged</translation>
    </message>
    <message>
      <source>校验（不写入）</source>
      <translation>Check (no writing)</translation>
    </message>
    <message>
      <source>案件数据 (*.xlsx *.xls *.csv)</source>
      <translation>Case exports (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
      <source>正在读取 {f}</source>
      <translation>Reading {f}</translation>
    </message>
    <message>
      <source>正在读取 {f}…</source>
      <translation>Reading {f}…</translation>
    </message>
    <message>
      <source>正在读取与校验 {f}</source>
      <translation>Reading and checking {f}</translation>
    </message>
    <message>
      <source>种类</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>行号</source>
      <translation>Row</translation>
    </message>
    <message>
      <source>表头在第 {r} 行；识别 {n} 列，未识别 {u} 列（可在「表头对应」中指定，保存为映射方案）</source>
      <translation>Header on row {r}; {n} columns recognised, {u} not (map them under “Header mapping”; saved as a profile)</translation>
    </message>
    <message>
      <source>表头对应</source>
      <translation>Header mapping</translation>
    </message>
    <message>
      <source>跳过有问题的行，导入其余各行</source>
      <translation>Skip rows with problems and import the rest</translation>
    </message>
    <message>
      <source>选择导出文件</source>
      <translation>Choose an export file</translation>
    </message>
    <message>
      <source>选择或拖入 .xlsx / .xls / .csv 文件</source>
      <translation>Choose or drop an .xlsx / .xls / .csv file</translation>
    </message>
    <message>
      <source>选择文件…</source>
      <translation>Choose file…</translation>
    </message>
    <message>
      <source>问题</source>
      <translation>Problem</translation>
    </message>
    <message>
      <source>（不导入）</source>
      <translation>(do not import)</translation>
    </message>
  </context>
  <context>
    <name>JudgeDialog</name>
    <message>
      <source>修改名册</source>
      <translation>Edit judge</translation>
    </message>
    <message>
      <source>入额日期</source>
      <translation>In post from</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>新增法官</source>
      <translation>Add judge</translation>
    </message>
    <message>
      <source>确认相似姓名为不同法官</source>
      <translation>Confirm similar names are different judges</translation>
    </message>
    <message>
      <source>离任日期</source>
      <translation>Left on</translation>
    </message>
    <message>
      <source>类别</source>
      <translation>Track</translation>
    </message>
    <message>
      <source>职务</source>
      <translation>Post</translation>
    </message>
    <message>
      <source>调往其他部门请用「调动…」，并填写调动日期。</source>
      <translation>To move the judge to another division, use “Move…” with the date of the move.</translation>
    </message>
    <message>
      <source>部门</source>
      <translation>Division</translation>
    </message>
    <message>
      <source>（在任）</source>
      <translation>(in post)</translation>
    </message>
    <message>
      <source>（未填）</source>
      <translation>(not given)</translation>
    </message>
  </context>
  <context>
    <name>JudgesView</name>
    <message>
      <source>{t}：完成率 {c}，人均 {p:.2f}（{n} 名法官）</source>
      <translation>{t}: completion {c}, {p:.2f} per judge (judges: {n})</translation>
    </message>
    <message>
      <source>{y} 年 {months}，{n} 名法官；排名在同一职务组内比较</source>
      <translation>{y}, {months}, judges: {n}; ranks compare judges of the same post group</translation>
    </message>
    <message>
      <source>{y}年法官工作量</source>
      <translation>{y} judges workload</translation>
    </message>
    <message>
      <source>任职期间 {m:.2f} 个月，不足 {need:g} 个月</source>
      <translation>In post for {m:.2f} months, fewer than {need:g}</translation>
    </message>
    <message>
      <source>全院对比：</source>
      <translation>Whole court for comparison: </translation>
    </message>
    <message>
      <source>双击一名法官，查看其工作量明细</source>
      <translation>Double-click a judge to see their workload details</translation>
    </message>
    <message>
      <source>查看工作量明细</source>
      <translation>Workload details</translation>
    </message>
    <message>
      <source>；未达进度 {k} 名</source>
      <translation>; {k} behind schedule</translation>
    </message>
  </context>
  <context>
    <name>LoginDialog</name>
    <message>
      <source>密码</source>
      <translation>Password</translation>
    </message>
    <message>
      <source>登录</source>
      <translation>Log in</translation>
    </message>
    <message>
      <source>登录 — 法官工作量计算器</source>
      <translation>Log in — Judge Workload Calculator</translation>
    </message>
    <message>
      <source>登录名</source>
      <translation>Login name</translation>
    </message>
    <message>
      <source>这是示范数据库。示范账户的密码均为 &lt;b&gt;{pw}&lt;/b&gt;：</source>
      <translation>This is the demo database. Every demo account's password is &lt;b&gt;{pw}&lt;/b&gt;:</translation>
    </message>
    <message>
      <source>退出</source>
      <translation>Quit</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source> 年度 </source>
      <translation> Year </translation>
    </message>
    <message>
      <source>{y} 年</source>
      <translation>{y}</translation>
    </message>
    <message>
      <source>{y} 年度参数：默认值（尚未保存）</source>
      <translation>{y} parameters: defaults (not saved yet)</translation>
    </message>
    <message>
      <source>参数第 {n} 版（已发布）</source>
      <translation>Parameters version {n} (published)</translation>
    </message>
    <message>
      <source>参数第 {n} 版（草稿，尚未发布）</source>
      <translation>Parameters version {n} (draft, not published)</translation>
    </message>
    <message>
      <source>年度</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>截至 {m} 月</source>
      <translation>through month {m}</translation>
    </message>
    <message>
      <source>数据库：{p}</source>
      <translation>Database: {p}</translation>
    </message>
    <message>
      <source>法官 {j} 名 · 案件 {c} 件</source>
      <translation>Judges: {j} · cases: {c}</translation>
    </message>
    <message>
      <source>法官工作量计算器 — {name} — {user}</source>
      <translation>Judge Workload Calculator — {name} — {user}</translation>
    </message>
    <message>
      <source>法院服务器：{p}</source>
      <translation>Court server: {p}</translation>
    </message>
    <message>
      <source>；第 {d} 版草稿未发布</source>
      <translation>; draft version {d} not published</translation>
    </message>
  </context>
  <context>
    <name>MyWorkloadView</name>
    <message>
      <source>PDF 文件 (*.pdf)</source>
      <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
      <source>{c}：请写明哪个数字、为什么觉得不对：</source>
      <translation>{c}: which figure looks wrong, and why:</translation>
    </message>
    <message>
      <source>{name}（{div}，{role}）{y} 年 {months}</source>
      <translation>{name} ({div}, {role}), {y}, {months}</translation>
    </message>
    <message>
      <source>{y}年{j}的案件</source>
      <translation>{y} cases of {j}</translation>
    </message>
    <message>
      <source>任职期间 {m:.2f} 个月，不足 {need:g} 个月，不参加排名。</source>
      <translation>In post {m:.2f} months, fewer than {need:g}: not ranked. </translation>
    </message>
    <message>
      <source>保存考核表</source>
      <translation>Save the assessment sheet</translation>
    </message>
    <message>
      <source>关于本人的任务或数字：请写明哪个数字、为什么觉得不对：</source>
      <translation>About your quota or figures: which figure looks wrong, and why:</translation>
    </message>
    <message>
      <source>关于法官{j}的任务或数字：请写明哪个数字、为什么觉得不对：</source>
      <translation>About judge {j}'s quota or figures: which figure looks wrong, and why:</translation>
    </message>
    <message>
      <source>列表中承办 {r} 件、参加合议庭 {p} 件；每件按「标准案件 × 本人份额」计入（承办份额 {rs:g}，合议庭成员份额 {ms:g}）。计入本人的{unit}标准案件合计 {c:.2f}，与上方统计的已完成 {sc:.2f} 一致。</source>
      <translation>{r} cases as responsible judge, {p} as panel member; each counts as standard cases × your share (responsible {rs:g}, panel member {ms:g}). Credited to you: {c:.2f} {unit} standard cases, equal to the {sc:.2f} done in the tally above.</translation>
    </message>
    <message>
      <source>列表中承办 {r} 件、参加合议庭 {p} 件；每件按「标准案件 × 该法官的份额」计入（承办份额 {rs:g}，合议庭成员份额 {ms:g}）。计入该法官的{unit}标准案件合计 {c:.2f}，与上方统计的已完成 {sc:.2f} 一致。</source>
      <translation>{r} cases as responsible judge, {p} as panel member; each counts as standard cases × this judge's share (responsible {rs:g}, panel member {ms:g}). Credited to this judge: {c:.2f} {unit} standard cases, equal to the {sc:.2f} done in the tally above.</translation>
    </message>
    <message>
      <source>完成</source>
      <translation>Done</translation>
    </message>
    <message>
      <source>对任务或数字有疑问</source>
      <translation>Query the quota or figures</translation>
    </message>
    <message>
      <source>对任务或数字有疑问…</source>
      <translation>Query my quota or figures…</translation>
    </message>
    <message>
      <source>对此有疑问</source>
      <translation>Query this figure</translation>
    </message>
    <message>
      <source>对此有疑问…</source>
      <translation>Query this figure…</translation>
    </message>
    <message>
      <source>对该法官的任务或数字有疑问…</source>
      <translation>Query this judge's quota or figures…</translation>
    </message>
    <message>
      <source>就年度任务、月度目标或统计数字向人事部门提出疑问</source>
      <translation>Ask personnel about the annual quota, the monthly targets or the figures</translation>
    </message>
    <message>
      <source>就所选案件的数字向人事部门提出疑问</source>
      <translation>Ask personnel staff about the selected case's figure</translation>
    </message>
    <message>
      <source>已提交</source>
      <translation>Submitted</translation>
    </message>
    <message>
      <source>已生成</source>
      <translation>Created</translation>
    </message>
    <message>
      <source>年度任务 {q:.2f}（{unit}标准案件）；截至本月目标 {t:.2f}，已完成 {sc:.2f}，完成率 {c:.1%}，得分 {s:.1f}（截至本月基础数 {b:.2f}，饱和数 {sat:.2f}）；{ranks}结案 {n} 件。数据提示：数据不全 {inc} 件，待审批 {aw} 件，异常页数 {out} 件。
任务来源：{d}</source>
      <translation>Annual quota {q:.2f} ({unit} standard cases); target to date {t:.2f}, done {sc:.2f}, completion {c:.1%}, score {s:.1f} (base number to date {b:.2f}, saturation number {sat:.2f}); {ranks}Cases closed: {n}. Data notes: {inc} incomplete, {aw} awaiting approval, {out} unusual page counts.
Quota derived from: {d}</translation>
    </message>
    <message>
      <source>年度任务与月度目标</source>
      <translation>Annual quota and monthly targets</translation>
    </message>
    <message>
      <source>打印预览</source>
      <translation>Print preview</translation>
    </message>
    <message>
      <source>打印预览…</source>
      <translation>Print preview…</translation>
    </message>
    <message>
      <source>按案号或案由查找</source>
      <translation>Find by case number or cause</translation>
    </message>
    <message>
      <source>未提交</source>
      <translation>Not submitted</translation>
    </message>
    <message>
      <source>未生成考核表</source>
      <translation>Sheet not made</translation>
    </message>
    <message>
      <source>本人任务：{s}</source>
      <translation>Your quota: {s}</translation>
    </message>
    <message>
      <source>本年度不公布排名。</source>
      <translation>Ranks are not published this year. </translation>
    </message>
    <message>
      <source>本年度尚未下达任务</source>
      <translation>No quota issued this year yet</translation>
    </message>
    <message>
      <source>正在准备打印预览</source>
      <translation>Preparing the print preview</translation>
    </message>
    <message>
      <source>正在生成考核表</source>
      <translation>Making the assessment sheet</translation>
    </message>
    <message>
      <source>正在读取…</source>
      <translation>Loading…</translation>
    </message>
    <message>
      <source>没有可显示的法官。</source>
      <translation>No judge to show.</translation>
    </message>
    <message>
      <source>生成我的考核表 PDF…</source>
      <translation>Create my sheet as PDF…</translation>
    </message>
    <message>
      <source>生成该法官的考核表 PDF…</source>
      <translation>Create this judge's sheet as PDF…</translation>
    </message>
    <message>
      <source>疑问已提交人事部门，答复会显示在「疑问」页。</source>
      <translation>Your query was sent to personnel staff; the answer will show on the Queries page.</translation>
    </message>
    <message>
      <source>目标</source>
      <translation>Target</translation>
    </message>
    <message>
      <source>第 {r} / {n} 名</source>
      <translation>rank {r} of {n}</translation>
    </message>
    <message>
      <source>累计完成与目标（标准案件）</source>
      <translation>Cumulative done and target (standard cases)</translation>
    </message>
    <message>
      <source>统计数字（已完成、完成率、得分、排名）</source>
      <translation>Figures (done, completion, score, rank)</translation>
    </message>
    <message>
      <source>考核表已保存为
{p}

现在打开吗？</source>
      <translation>The assessment sheet was saved as
{p}

Open it now?</translation>
    </message>
    <message>
      <source>计入该法官</source>
      <translation>Credited to this judge</translation>
    </message>
    <message>
      <source>该法官的任务：{s}</source>
      <translation>This judge's quota: {s}</translation>
    </message>
    <message>
      <source>该法官的份额</source>
      <translation>This judge's share</translation>
    </message>
    <message>
      <source>质效指标（超出参考范围的标 ▲）</source>
      <translation>Quality and efficiency (▲ outside the reference range)</translation>
    </message>
    <message>
      <source>部门内{rd}，全院{rc}（同职务组）。</source>
      <translation>in division {rd}, in court {rc} (same post group). </translation>
    </message>
  </context>
  <context>
    <name>OverviewView</name>
    <message>
      <source>{t}完成</source>
      <translation>{t} done</translation>
    </message>
    <message>
      <source>{t}目标</source>
      <translation>{t} target</translation>
    </message>
    <message>
      <source>{year} 年 {months}概览</source>
      <translation>Overview {year}, {months}</translation>
    </message>
    <message>
      <source>人事部门或管理员导入名册和结案数据后，这里会显示本部门的数字。</source>
      <translation>Once personnel staff or an administrator have imported the roster and the closed cases, your division's figures appear here.</translation>
    </message>
    <message>
      <source>全院累计完成与目标（标准案件）</source>
      <translation>Court: cumulative done and target (standard cases)</translation>
    </message>
    <message>
      <source>全院质效指标（超出参考范围的标 ▲）</source>
      <translation>Court quality and efficiency (▲ outside the reference range)</translation>
    </message>
    <message>
      <source>数据库中还没有案件</source>
      <translation>The database holds no cases yet</translation>
    </message>
    <message>
      <source>无</source>
      <translation>none</translation>
    </message>
    <message>
      <source>本部门累计完成与目标（标准案件）</source>
      <translation>Division: cumulative done and target (standard cases)</translation>
    </message>
    <message>
      <source>本部门质效指标（超出参考范围的标 ▲）</source>
      <translation>Division quality and efficiency (▲ outside the reference range)</translation>
    </message>
    <message>
      <source>法官完成率分布（人数）</source>
      <translation>Judges by completion (count)</translation>
    </message>
    <message>
      <source>请按以下步骤开始：
1. 菜单「文件 → 导入法官名册…」导入名册。
2. 菜单「文件 → 导入结案数据…」导入结案表（也可把文件拖到本窗口）。
3. 请管理员在「参数」页保存并发布本年度参数。
4. 在「任务」页下达年度任务。</source>
      <translation>To start:
1. File → Import judge roster… to import the roster.
2. File → Import closed cases… to import the closed cases (or drop the file on this window).
3. Ask an administrator to save and publish this year's parameters on the Parameters page.
4. Issue the annual quotas on the Quotas page.</translation>
    </message>
    <message>
      <source>请按以下步骤开始：
1. 菜单「文件 → 导入法官名册…」导入名册（姓名、部门、职务、类别、入额日期）。
2. 菜单「文件 → 导入结案数据…」导入审判流程管理系统导出的结案表（也可把文件拖到本窗口）。
3. 在左侧「参数」页核对本年度参数，点「保存为新版本…」，再点「发布（冻结）…」。
4. 在「任务」页下达年度任务；之后各页即显示数字。</source>
      <translation>To start:
1. File → Import judge roster… to import the roster (name, division, post, category, appointment date).
2. File → Import closed cases… to import the case-management system's export (or drop the file on this window).
3. On the Parameters page, check this year's parameters, click Save as new version…, then Publish (freeze)….
4. Issue the annual quotas on the Quotas page; every page then shows figures.</translation>
    </message>
    <message>
      <source>质效逐月趋势</source>
      <translation>Quality and efficiency by month</translation>
    </message>
    <message>
      <source>部门 {d} 个，法官 {j} 名；本期结案 {n} 件。进度落后的部门：{behind}。
人案均衡度（变异系数）：审判 {bt:.3f}，执行 {be:.3f}。数据质量：数据不全 {inc} 件，待审批 {aw} 件，异常页数 {out} 件。</source>
      <translation>Divisions: {d}, judges: {j}; cases closed in the period: {n}. Divisions behind schedule: {behind}.
Balance (coefficient of variation): trial {bt:.3f}, enforcement {be:.3f}. Data quality: {inc} incomplete, {aw} awaiting approval, {out} unusual page counts.</translation>
    </message>
  </context>
  <context>
    <name>ParametersView</name>
    <message>
      <source>TOML 文件 (*.toml)</source>
      <translation>TOML files (*.toml)</translation>
    </message>
    <message>
      <source>{y} 年度参数第 {v} 版（{s}）{r}</source>
      <translation>{y} parameters, version {v} ({s}) {r}</translation>
    </message>
    <message>
      <source>{y} 年度参数第 {v} 版（草稿）{r}
各项数字仍按已发布的第 {p} 版计算，发布后本草稿才生效。</source>
      <translation>{y} parameters version {v} (draft) {r}
All figures still use published version {p}; this draft counts once it is published.</translation>
    </message>
    <message>
      <source>{y} 年度：尚未保存参数（显示默认值）</source>
      <translation>{y}: no parameters saved yet (showing the defaults)</translation>
    </message>
    <message>
      <source>　理由：{r}</source>
      <translation> — reason: {r}</translation>
    </message>
    <message>
      <source>「{m}」的计数不是数字</source>
      <translation>The count for “{m}” is not a number</translation>
    </message>
    <message>
      <source>上移</source>
      <translation>Move up</translation>
    </message>
    <message>
      <source>下移</source>
      <translation>Move down</translation>
    </message>
    <message>
      <source>任务系数</source>
      <translation>Quota factor</translation>
    </message>
    <message>
      <source>保存为新版本…</source>
      <translation>Save as new version…</translation>
    </message>
    <message>
      <source>保存参数</source>
      <translation>Save parameters</translation>
    </message>
    <message>
      <source>修改后</source>
      <translation>After change</translation>
    </message>
    <message>
      <source>修改后排名</source>
      <translation>Rank after</translation>
    </message>
    <message>
      <source>修改理由（已发布的参数必须填写）：</source>
      <translation>Reason for the change (required once published):</translation>
    </message>
    <message>
      <source>全院一个平均</source>
      <translation>One court-wide average</translation>
    </message>
    <message>
      <source>公布排名</source>
      <translation>Publish ranks</translation>
    </message>
    <message>
      <source>其他合议庭成员份额</source>
      <translation>Share of each other panel member</translation>
    </message>
    <message>
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>单案上限（0 = 不设）</source>
      <translation>Cap per case (0 = none)</translation>
    </message>
    <message>
      <source>卷宗权重</source>
      <translation>Case file weight</translation>
    </message>
    <message>
      <source>参数-{y}.toml</source>
      <translation>parameters-{y}.toml</translation>
    </message>
    <message>
      <source>参数有效。审判案件平均标准案件：现行 {b:.4f} → 修改后 {a:.4f}；{m} 名法官全院排名改变。</source>
      <translation>Parameters valid. Mean standard cases of trial cases: current {b:.4f} → edited {a:.4f}; judges whose court rank changes: {m}.</translation>
    </message>
    <message>
      <source>参数有效，正在计算预览…</source>
      <translation>Parameters valid, computing the preview…</translation>
    </message>
    <message>
      <source>参数有误</source>
      <translation>Invalid parameters</translation>
    </message>
    <message>
      <source>参数有误：{e}</source>
      <translation>Invalid parameters: {e}</translation>
    </message>
    <message>
      <source>参数设置</source>
      <translation>Settings</translation>
    </message>
    <message>
      <source>参照年度</source>
      <translation>Reference year</translation>
    </message>
    <message>
      <source>发布参数</source>
      <translation>Publish parameters</translation>
    </message>
    <message>
      <source>发布参数须填写理由。</source>
      <translation>Publishing parameters needs a reason.</translation>
    </message>
    <message>
      <source>发布后 {y} 年度的全部数字、报表和导出改按此版计算，参数被冻结，之后的修改会成为新版本。
发布理由：</source>
      <translation>Once published, every {y} figure, sheet and export uses this version; it is frozen and later changes become a new version.
Reason for publishing:</translation>
    </message>
    <message>
      <source>发布（冻结）…</source>
      <translation>Publish (freeze)…</translation>
    </message>
    <message>
      <source>变化</source>
      <translation>Change</translation>
    </message>
    <message>
      <source>只有管理员可以修改、导入或发布参数</source>
      <translation>Only an administrator may change, import or publish parameters</translation>
    </message>
    <message>
      <source>只读：只有管理员可以保存、导入或发布参数。在此改动的数值只用于下方预览，不会保存。</source>
      <translation>Read-only: only an administrator can save, import or publish parameters. Values changed here only feed the preview below and are not saved.</translation>
    </message>
    <message>
      <source>审判标准案件</source>
      <translation>Trial standard cases</translation>
    </message>
    <message>
      <source>导入 TOML…</source>
      <translation>Import TOML…</translation>
    </message>
    <message>
      <source>导入参数</source>
      <translation>Import parameters</translation>
    </message>
    <message>
      <source>导出 TOML…</source>
      <translation>Export TOML…</translation>
    </message>
    <message>
      <source>导出参数</source>
      <translation>Export parameters</translation>
    </message>
    <message>
      <source>已保存为第 {d} 版草稿。各项数字、报表和导出仍按已发布的第 {v} 版计算，发布本草稿后才生效。</source>
      <translation>Saved as draft version {d}. Figures, sheets and exports still use published version {v} until this draft is published.</translation>
    </message>
    <message>
      <source>已保存为草稿</source>
      <translation>Saved as draft</translation>
    </message>
    <message>
      <source>已发布</source>
      <translation>published</translation>
    </message>
    <message>
      <source>平均口径</source>
      <translation>Averages</translation>
    </message>
    <message>
      <source>庭审笔录权重</source>
      <translation>Transcript weight</translation>
    </message>
    <message>
      <source>异常页数倍数</source>
      <translation>Unusual page count multiple</translation>
    </message>
    <message>
      <source>截尾比例 %</source>
      <translation>Trim %</translation>
    </message>
    <message>
      <source>执行结案方式</source>
      <translation>Enforcement closing methods</translation>
    </message>
    <message>
      <source>承办法官份额</source>
      <translation>Responsible judge's share</translation>
    </message>
    <message>
      <source>按刑事/民事/行政分别平均</source>
      <translation>Separate averages for criminal/civil/administrative</translation>
    </message>
    <message>
      <source>按顺序第一条匹配的生效；方式：固定值 = 直接计为该数值，乘数 = 按页数计算后乘以该数值</source>
      <translation>The first match in order applies. Kind: fixed value = counts exactly that value; multiplier = the page-based figure times that value.</translation>
    </message>
    <message>
      <source>新增规则</source>
      <translation>Add rule</translation>
    </message>
    <message>
      <source>新规则</source>
      <translation>New rule</translation>
    </message>
    <message>
      <source>无法保存</source>
      <translation>Cannot save</translation>
    </message>
    <message>
      <source>无法导入</source>
      <translation>Cannot import</translation>
    </message>
    <message>
      <source>无法预览：{e}</source>
      <translation>Cannot preview: {e}</translation>
    </message>
    <message>
      <source>未发布</source>
      <translation>Not published</translation>
    </message>
    <message>
      <source>未导出</source>
      <translation>Not exported</translation>
    </message>
    <message>
      <source>权重模拟（排名稳定性）</source>
      <translation>Weight what-if (rank stability)</translation>
    </message>
    <message>
      <source>法官</source>
      <translation>Judge</translation>
    </message>
    <message>
      <source>特殊规则（转换系数）</source>
      <translation>Special rules (conversion coefficients)</translation>
    </message>
    <message>
      <source>现排名</source>
      <translation>Rank now</translation>
    </message>
    <message>
      <source>现行</source>
      <translation>Current</translation>
    </message>
    <message>
      <source>第 {n} 条规则的数值不是数字</source>
      <translation>The value of rule {n} is not a number</translation>
    </message>
    <message>
      <source>第 {n} 条规则的方式应为「{a}」或「{b}」</source>
      <translation>Rule {n}: the kind must be "{a}" or "{b}"</translation>
    </message>
    <message>
      <source>考核表打印排名，法官本人可见排名</source>
      <translation>Print ranks on sheets and show them to judges</translation>
    </message>
    <message>
      <source>职务</source>
      <translation>Post</translation>
    </message>
    <message>
      <source>职务系数须为数字</source>
      <translation>Post factors must be numbers</translation>
    </message>
    <message>
      <source>草稿，尚未发布；本年度暂按此版计算</source>
      <translation>draft, not published; the year's figures use it until one is published</translation>
    </message>
    <message>
      <source>裁判文书权重</source>
      <translation>Judgment weight</translation>
    </message>
    <message>
      <source>计数</source>
      <translation>Count</translation>
    </message>
    <message>
      <source>还原</source>
      <translation>Revert</translation>
    </message>
    <message>
      <source>部门</source>
      <translation>Division</translation>
    </message>
    <message>
      <source>须审批(1/0)</source>
      <translation>Needs approval (1/0)</translation>
    </message>
    <message>
      <source>预览：标准案件变化最大的法官（截至所选月份）</source>
      <translation>Preview: judges whose standard cases change most (through the selected month)</translation>
    </message>
  </context>
  <context>
    <name>PendingView</name>
    <message>
      <source>{n} 件已写入 {p}</source>
      <translation>Cases written to {p}: {n}</translation>
    </message>
    <message>
      <source>保存预警清单</source>
      <translation>Save alert list</translation>
    </message>
    <message>
      <source>填写未结原因…</source>
      <translation>Record reason…</translation>
    </message>
    <message>
      <source>导出预警清单（PDF）…</source>
      <translation>Export alert list (PDF)…</translation>
    </message>
    <message>
      <source>截至 {d}，立案满 12 个月仍未结 {n} 件（12–18 个月 {a}，18–36 个月 {b}，36 个月以上 {c}）；未填写原因 {m} 件</source>
      <translation>At {d}, cases open 12 months or more since filing: {n} (12–18 months {a}, 18–36 months {b}, over 36 months {c}); without a reason: {m}</translation>
    </message>
    <message>
      <source>未填写</source>
      <translation>Not given</translation>
    </message>
    <message>
      <source>未能保存</source>
      <translation>Not saved</translation>
    </message>
    <message>
      <source>未能生成</source>
      <translation>Not generated</translation>
    </message>
    <message>
      <source>正在保存</source>
      <translation>Saving</translation>
    </message>
    <message>
      <source>正在生成预警清单</source>
      <translation>Writing the alert list</translation>
    </message>
    <message>
      <source>法官</source>
      <translation>Judge</translation>
    </message>
    <message>
      <source>部门</source>
      <translation>Division</translation>
    </message>
    <message>
      <source>预警清单</source>
      <translation>Alert list</translation>
    </message>
  </context>
  <context>
    <name>QueriesView</name>
    <message>
      <source>{about}
疑问（{who}，{at}）：{q}
{answered}
更正：{x}</source>
      <translation>{about}
Query ({who}, {at}): {q}
{answered}
Correction: {x}</translation>
    </message>
    <message>
      <source>{c}（承办：{j}）</source>
      <translation>{c} (responsible: {j})</translation>
    </message>
    <message>
      <source>任务与目标</source>
      <translation>Quota and targets</translation>
    </message>
    <message>
      <source>共 {n} 条疑问，待答复 {o} 条</source>
      <translation>Queries: {n}, awaiting an answer: {o}</translation>
    </message>
    <message>
      <source>已答复</source>
      <translation>Answered</translation>
    </message>
    <message>
      <source>待答复</source>
      <translation>Awaiting answer</translation>
    </message>
    <message>
      <source>未答复</source>
      <translation>Not answered</translation>
    </message>
    <message>
      <source>案件</source>
      <translation>Cases</translation>
    </message>
    <message>
      <source>法官{j}的{k}</source>
      <translation>Judge {j}: {k}</translation>
    </message>
    <message>
      <source>疑问与答复</source>
      <translation>Queries and answers</translation>
    </message>
    <message>
      <source>答复所选疑问…</source>
      <translation>Answer selected query…</translation>
    </message>
    <message>
      <source>答复疑问</source>
      <translation>Answer a query</translation>
    </message>
    <message>
      <source>答复（{who}，{at}）：{a}</source>
      <translation>Answer ({who}, {at}): {a}</translation>
    </message>
    <message>
      <source>答复：{a}</source>
      <translation>Answer: {a}</translation>
    </message>
    <message>
      <source>统计数字</source>
      <translation>Figures</translation>
    </message>
    <message>
      <source>请先在表中选中一条疑问</source>
      <translation>Select a query in the table first</translation>
    </message>
  </context>
  <context>
    <name>QuotasView</name>
    <message>
      <source>{j} 的年度任务：</source>
      <translation>Annual quota of {j}:</translation>
    </message>
    <message>
      <source>{m} 月起</source>
      <translation>from month {m}</translation>
    </message>
    <message>
      <source>{m}月</source>
      <translation>M{m}</translation>
    </message>
    <message>
      <source>{track}：{text}</source>
      <translation>{track}: {text}</translation>
    </message>
    <message>
      <source>{t}：当月目标</source>
      <translation>{t}: monthly target</translation>
    </message>
    <message>
      <source>{y} 年度尚未下达任务。填写预收案件数（或按上年），然后点「下达年度计划」。</source>
      <translation>No quotas issued for {y} yet. Enter the expected filings (or use last year's), then click “Issue annual plan”.</translation>
    </message>
    <message>
      <source>上年各月结案</source>
      <translation>last year's monthly closures</translation>
    </message>
    <message>
      <source>下达年度计划</source>
      <translation>Issue annual plan</translation>
    </message>
    <message>
      <source>全院逐月目标</source>
      <translation>Court monthly targets</translation>
    </message>
    <message>
      <source>各月工作日</source>
      <translation>working days per month</translation>
    </message>
    <message>
      <source>各月平均</source>
      <translation>even months</translation>
    </message>
    <message>
      <source>年中调整</source>
      <translation>Mid-year re-plan</translation>
    </message>
    <message>
      <source>年度目标</source>
      <translation>Annual target</translation>
    </message>
    <message>
      <source>按{p}下达 {y} 年度任务计划？
{f}

下达后即为正式任务：法官和庭长可看到各自的任务，可打印任务下达通知；之后只能年中调整或逐人调整，原计划保留为旧版本。</source>
      <translation>Issue the {y} quota plan with {p}?
{f}

Once issued the quotas are official: judges and division heads see their own and the quota notice can be printed; afterwards the plan can only be adjusted mid-year or judge by judge, and this plan is kept as an earlier version.</translation>
    </message>
    <message>
      <source>按上年</source>
      <translation>As last year</translation>
    </message>
    <message>
      <source>按上年推算</source>
      <translation>from last year</translation>
    </message>
    <message>
      <source>无法调整</source>
      <translation>Cannot change</translation>
    </message>
    <message>
      <source>月度目标按{p}分布（审判、执行各用本类上年的分布）；年中入额或离任的法官，每月目标 = 同职务全年在岗法官该月目标 × 当月在岗比例，年度任务为各月之和。</source>
      <translation>Monthly targets follow {p} (trial and enforcement each by their own track); a judge who joins or leaves mid-year gets, each month, the target of a full-year judge of the same post × the share of that month in post, and the annual quota is the sum of the months.</translation>
    </message>
    <message>
      <source>未下达</source>
      <translation>Not issued</translation>
    </message>
    <message>
      <source>正在下达 {y} 年度计划</source>
      <translation>Issuing the {y} plan</translation>
    </message>
    <message>
      <source>正在调整计划</source>
      <translation>Re-planning</translation>
    </message>
    <message>
      <source>法官</source>
      <translation>Judge</translation>
    </message>
    <message>
      <source>法官任务</source>
      <translation>Judges' quotas</translation>
    </message>
    <message>
      <source>理由（必填）：</source>
      <translation>Reason (required):</translation>
    </message>
    <message>
      <source>第 {v} 版（{r}，{t}）</source>
      <translation>version {v} ({r}, {t})</translation>
    </message>
    <message>
      <source>第{v}版</source>
      <translation>v{v}</translation>
    </message>
    <message>
      <source>类别</source>
      <translation>Track</translation>
    </message>
    <message>
      <source>计划版本对比</source>
      <translation>Plan versions side by side</translation>
    </message>
    <message>
      <source>请先在表中选中一位法官</source>
      <translation>Select a judge in the table first</translation>
    </message>
    <message>
      <source>调整任务</source>
      <translation>Re-plan</translation>
    </message>
    <message>
      <source>调整所选法官任务…</source>
      <translation>Override the selected judge's quota…</translation>
    </message>
    <message>
      <source>调整理由：</source>
      <translation>Reason:</translation>
    </message>
    <message>
      <source>部门</source>
      <translation>Division</translation>
    </message>
    <message>
      <source>部门目标（逐月）</source>
      <translation>Division targets (by month)</translation>
    </message>
    <message>
      <source>预收审判案件</source>
      <translation>Expected trial filings</translation>
    </message>
    <message>
      <source>预收执行案件</source>
      <translation>Expected enforcement filings</translation>
    </message>
    <message>
      <source>预收案件：审判 {t}，执行 {e}</source>
      <translation>Expected filings: trial {t}, enforcement {e}</translation>
    </message>
  </context>
  <context>
    <name>ReasonDialog</name>
    <message>
      <source>原因</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>未结原因：{c}</source>
      <translation>Reason still open: {c}</translation>
    </message>
    <message>
      <source>说明</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>选择「其他」时必填</source>
      <translation>Required for “Other”</translation>
    </message>
  </context>
  <context>
    <name>RestoreDialog</name>
    <message>
      <source>从备份恢复</source>
      <translation>Restore from backup</translation>
    </message>
    <message>
      <source>恢复所选备份…</source>
      <translation>Restore the chosen backup…</translation>
    </message>
    <message>
      <source>数据库备份 (*.sqlite *.db *.bak);;所有文件 (*)</source>
      <translation>Database backups (*.sqlite *.db *.bak);;All files (*)</translation>
    </message>
    <message>
      <source>没有找到此数据库的备份，可选择其他备份文件。</source>
      <translation>No backup of this database was found; you can choose another backup file.</translation>
    </message>
    <message>
      <source>选择其他备份文件…</source>
      <translation>Choose another backup file…</translation>
    </message>
    <message>
      <source>（之后没有改动）</source>
      <translation>(no change since)</translation>
    </message>
  </context>
  <context>
    <name>ReviewView</name>
    <message>
      <source>{c}　{j}
待复核原因：{r}
影响：{a}</source>
      <translation>{c}  {j}
Why held: {r}
Held out of: {a}</translation>
    </message>
    <message>
      <source>{n} 件已导出到 {p}</source>
      <translation>Cases exported to {p}: {n}</translation>
    </message>
    <message>
      <source>{n} 件待复核：页数异常的案件暂计 0，也不计入平均页数，直到确认或更正。</source>
      <translation>Cases to review: {n}. A case with outlier page counts counts 0 and stays out of the page averages until its pages are confirmed or corrected.</translation>
    </message>
    <message>
      <source>全部年度</source>
      <translation>All years</translation>
    </message>
    <message>
      <source>复核未完成</source>
      <translation>Review not recorded</translation>
    </message>
    <message>
      <source>导出</source>
      <translation>Export</translation>
    </message>
    <message>
      <source>导出 Excel…</source>
      <translation>Export to Excel…</translation>
    </message>
    <message>
      <source>导出待复核列表</source>
      <translation>Export the review list</translation>
    </message>
    <message>
      <source>已导出</source>
      <translation>Exported</translation>
    </message>
    <message>
      <source>当前年度</source>
      <translation>Current year</translation>
    </message>
    <message>
      <source>待复核</source>
      <translation>To review</translation>
    </message>
    <message>
      <source>待复核.xlsx</source>
      <translation>review-list.xlsx</translation>
    </message>
    <message>
      <source>更正页数…</source>
      <translation>Correct pages…</translation>
    </message>
    <message>
      <source>未导出</source>
      <translation>Not exported</translation>
    </message>
    <message>
      <source>正在更正 {c} 的页数</source>
      <translation>Correcting the pages of {c}</translation>
    </message>
    <message>
      <source>正在确认 {c} 的页数</source>
      <translation>Confirming the pages of {c}</translation>
    </message>
    <message>
      <source>没有待复核的案件。</source>
      <translation>No cases to review.</translation>
    </message>
    <message>
      <source>确认页数…</source>
      <translation>Confirm pages…</translation>
    </message>
  </context>
  <context>
    <name>RosterView</name>
    <message>
      <source>PDF 文件 (*.pdf)</source>
      <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
      <source>{d} 起 {a}→{b}</source>
      <translation>from {d}: {a}→{b}</translation>
    </message>
    <message>
      <source>为名册法官建立账户</source>
      <translation>Accounts for the roster</translation>
    </message>
    <message>
      <source>为名册法官建立账户…</source>
      <translation>Accounts for the roster…</translation>
    </message>
    <message>
      <source>为每位尚无账户的在任法官建立账户，初始密码只打印一次到 PDF</source>
      <translation>Opens an account for every judge in post without one; the initial passwords are printed once to a PDF</translation>
    </message>
    <message>
      <source>保存账户通知单</source>
      <translation>Save the account slips</translation>
    </message>
    <message>
      <source>修改…</source>
      <translation>Edit…</translation>
    </message>
    <message>
      <source>名册</source>
      <translation>Roster</translation>
    </message>
    <message>
      <source>名册共 {n} 名法官</source>
      <translation>Judges on the roster: {n}</translation>
    </message>
    <message>
      <source>将为每位尚无账户的在任法官建立账户（登录名为姓名；庭长可查看本庭）。
初始密码只打印一次到 PDF，系统不保存明文，请妥善保管、当面分发。

继续吗？</source>
      <translation>An account will be opened for every judge in post who has none (login = the judge's name; a division head sees the division).
The initial passwords are printed once to a PDF and kept nowhere else: keep it safe and hand each slip over in person.

Continue?</translation>
    </message>
    <message>
      <source>已建立 {n} 个账户，初始密码已写入 {p}（仅此一份）</source>
      <translation>Accounts opened: {n}; the initial passwords are in {p} (the only copy)</translation>
    </message>
    <message>
      <source>新增法官…</source>
      <translation>Add judge…</translation>
    </message>
    <message>
      <source>未建立账户</source>
      <translation>No accounts opened</translation>
    </message>
    <message>
      <source>正在建立账户</source>
      <translation>Opening accounts</translation>
    </message>
    <message>
      <source>法官名册</source>
      <translation>Roster</translation>
    </message>
    <message>
      <source>请先选中一名法官</source>
      <translation>Select a judge first</translation>
    </message>
    <message>
      <source>调动…</source>
      <translation>Move…</translation>
    </message>
    <message>
      <source>账户已建立</source>
      <translation>Accounts opened</translation>
    </message>
  </context>
  <context>
    <name>SheetsView</name>
    <message>
      <source>PDF 文件 (*.pdf)</source>
      <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
      <source>「{n}」中的字符「{c}」没有可用字体，打印出来会是空白，请核对或安装含该字的字体</source>
      <translation>“{n}”: no font can draw the character “{c}”; it would print blank. Check the name or install a font with that character.</translation>
    </message>
    <message>
      <source>保存到</source>
      <translation>Save to</translation>
    </message>
    <message>
      <source>保存报表</source>
      <translation>Save sheet</translation>
    </message>
    <message>
      <source>全部部门</source>
      <translation>All divisions</translation>
    </message>
    <message>
      <source>全院</source>
      <translation>Whole court</translation>
    </message>
    <message>
      <source>全院每位法官</source>
      <translation>Every judge of the court</translation>
    </message>
    <message>
      <source>双面打印：合订本中每份报表从新的一张纸开始（补空白页）</source>
      <translation>Duplex: each sheet in the combined PDF starts on a new sheet of paper (blank pages added)</translation>
    </message>
    <message>
      <source>另外合并为一个 PDF（便于打印）</source>
      <translation>Also combine into one PDF (for printing)</translation>
    </message>
    <message>
      <source>已保存 {p}</source>
      <translation>Saved {p}</translation>
    </message>
    <message>
      <source>已生成</source>
      <translation>Created</translation>
    </message>
    <message>
      <source>已生成 {n} 个 PDF 于 {f}</source>
      <translation>{n} PDFs created in {f}</translation>
    </message>
    <message>
      <source>所选范围内没有可打印的报表。</source>
      <translation>There is no sheet to print in the chosen scope.</translation>
    </message>
    <message>
      <source>打印预览</source>
      <translation>Print preview</translation>
    </message>
    <message>
      <source>打印预览…</source>
      <translation>Print preview…</translation>
    </message>
    <message>
      <source>打开所在文件夹</source>
      <translation>Open folder</translation>
    </message>
    <message>
      <source>报表</source>
      <translation>Sheets</translation>
    </message>
    <message>
      <source>报表已保存为
{p}

现在打开吗？</source>
      <translation>The sheet was saved as
{p}

Open it now?</translation>
    </message>
    <message>
      <source>报表是正式文书，无论界面语言如何，均以中文打印，文件名也用中文。</source>
      <translation>Sheets are official documents: they are printed in Chinese whatever the window's language, and their file names are Chinese too.</translation>
    </message>
    <message>
      <source>报表未保存</source>
      <translation>Sheet not saved</translation>
    </message>
    <message>
      <source>正在准备打印预览</source>
      <translation>Preparing the print preview</translation>
    </message>
    <message>
      <source>正在生成报表</source>
      <translation>Creating sheets</translation>
    </message>
    <message>
      <source>法官：{j}</source>
      <translation>Judge: {j}</translation>
    </message>
    <message>
      <source>生僻字</source>
      <translation>Rare characters</translation>
    </message>
    <message>
      <source>生成 PDF…</source>
      <translation>Create PDF…</translation>
    </message>
    <message>
      <source>范围</source>
      <translation>Scope</translation>
    </message>
    <message>
      <source>部门：{d}</source>
      <translation>Division: {d}</translation>
    </message>
  </context>
  <context>
    <name>StartDialog</name>
    <message>
      <source>以后可在 设置 → 使用方式… 中更改。</source>
      <translation>You can change this later under Settings → How this PC is used….</translation>
    </message>
    <message>
      <source>全院共用法院服务器上的数据，以法院分配的账户登录。法官、庭长请选这一项。</source>
      <translation>The whole court shares the data on the court server; log in with the account the court gave you. Judges and division heads choose this.</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>开始使用 — 法官工作量计算器</source>
      <translation>Getting started — Judge workload calculator</translation>
    </message>
    <message>
      <source>打开其他数据库文件…</source>
      <translation>Open another database file…</translation>
    </message>
    <message>
      <source>打开数据库</source>
      <translation>Open a database</translation>
    </message>
    <message>
      <source>数据保存在本机的数据库文件中，只在这台电脑上使用（例如试用、单独计算）。</source>
      <translation>The data stays in a database file on this PC and is used on this PC only (for example to try the program, or for figures of your own).</translation>
    </message>
    <message>
      <source>数据库 (*.sqlite *.db)</source>
      <translation>Databases (*.sqlite *.db)</translation>
    </message>
    <message>
      <source>服务器的地址和账户由法院信息技术人员提供。</source>
      <translation>The court's IT staff give you the server's address and your account.</translation>
    </message>
    <message>
      <source>本机单独使用</source>
      <translation>Use on this PC only</translation>
    </message>
    <message>
      <source>本院的法院服务器：{s}（法院设置文件 {f}）</source>
      <translation>This court's server: {s} (court settings file {f})</translation>
    </message>
    <message>
      <source>这台电脑上如何使用法官工作量计算器？</source>
      <translation>How is the judge workload calculator used on this PC?</translation>
    </message>
    <message>
      <source>连接法院服务器</source>
      <translation>Connect to the court server</translation>
    </message>
    <message>
      <source>退出</source>
      <translation>Quit</translation>
    </message>
  </context>
  <context>
    <name>TaskRunner</name>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>操作未完成</source>
      <translation>Not completed</translation>
    </message>
    <message>
      <source>请稍候</source>
      <translation>Please wait</translation>
    </message>
  </context>
  <context>
    <name>TransferDialog</name>
    <message>
      <source>已结案件仍计入结案时的部门；本年度的部门任务与法官人数按在各部门的天数分摊。</source>
      <translation>Closed cases stay with the division they were closed under; this year's division targets and head counts are shared by the days spent in each division.</translation>
    </message>
    <message>
      <source>现在部门</source>
      <translation>Division now</translation>
    </message>
    <message>
      <source>自该日起在新部门</source>
      <translation>In the new division from</translation>
    </message>
    <message>
      <source>调动：{n}</source>
      <translation>Move: {n}</translation>
    </message>
    <message>
      <source>调往部门</source>
      <translation>To division</translation>
    </message>
  </context>
  <context>
    <name>UserDialog</name>
    <message>
      <source>PDF 文件 (*.pdf)</source>
      <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
      <source>{n}（{d}）</source>
      <translation>{n} ({d})</translation>
    </message>
    <message>
      <source>保存账户通知单</source>
      <translation>Save the account slips</translation>
    </message>
    <message>
      <source>保存账户通知单（PDF，初始密码只出现在单上）</source>
      <translation>Save the account slip (PDF; the initial password appears only on the slip)</translation>
    </message>
    <message>
      <source>修改账户</source>
      <translation>Edit account</translation>
    </message>
    <message>
      <source>关联法官（法官必填）</source>
      <translation>Linked judge (required for judges)</translation>
    </message>
    <message>
      <source>关联部门（庭长必填）</source>
      <translation>Linked division (required for division heads)</translation>
    </message>
    <message>
      <source>初始密码（首次登录须修改）</source>
      <translation>Initial password (changed at first log-in)</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>新建账户</source>
      <translation>New account</translation>
    </message>
    <message>
      <source>留空则随机生成，只打印在账户通知单上</source>
      <translation>Leave empty for a random one, printed only on the account slip</translation>
    </message>
    <message>
      <source>登录名</source>
      <translation>Login name</translation>
    </message>
    <message>
      <source>角色</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>请填写初始密码，或保存账户通知单（随机生成初始密码）。</source>
      <translation>Enter an initial password, or save an account slip (with a random initial password).</translation>
    </message>
    <message>
      <source>账户「{l}」已建立，初始密码已写入 {p}（仅此一份），首次登录须修改。</source>
      <translation>Account “{l}” created; its initial password is in {p} (the only copy) and must be changed at the first log-in.</translation>
    </message>
    <message>
      <source>账户已建立</source>
      <translation>Accounts opened</translation>
    </message>
    <message>
      <source>账户通知单_{l}.pdf</source>
      <translation>account_slip_{l}.pdf</translation>
    </message>
  </context>
  <context>
    <name>UsersView</name>
    <message>
      <source>「{u}」的临时密码（下次登录须修改）：</source>
      <translation>Temporary password for “{u}” (must be changed at next log-in):</translation>
    </message>
    <message>
      <source>修改…</source>
      <translation>Edit…</translation>
    </message>
    <message>
      <source>停用</source>
      <translation>Disabled</translation>
    </message>
    <message>
      <source>停用/启用</source>
      <translation>Disable/enable</translation>
    </message>
    <message>
      <source>停用账户</source>
      <translation>Disable account</translation>
    </message>
    <message>
      <source>停用账户「{l}」（{n}）？
停用后该账户不能登录，数据和审计记录保留，可随时再启用。</source>
      <translation>Disable the account “{l}” ({n})?
A disabled account cannot log in; its data and audit records are kept, and it can be enabled again at any time.</translation>
    </message>
    <message>
      <source>启用账户</source>
      <translation>Enable account</translation>
    </message>
    <message>
      <source>启用账户「{l}」（{n}）？
启用后该账户可以再次登录。</source>
      <translation>Enable the account “{l}” ({n})?
It can then log in again.</translation>
    </message>
    <message>
      <source>密码只以 scrypt 哈希保存。连续 5 次输错密码，账户锁定 15 分钟；管理员重置密码可立即解锁。</source>
      <translation>Passwords are stored only as scrypt hashes. Five wrong passwords in a row lock an account for 15 minutes; an administrator's reset unlocks it at once.</translation>
    </message>
    <message>
      <source>新建账户…</source>
      <translation>New account…</translation>
    </message>
    <message>
      <source>未修改</source>
      <translation>Not changed</translation>
    </message>
    <message>
      <source>未重置</source>
      <translation>Not reset</translation>
    </message>
    <message>
      <source>正常</source>
      <translation>Active</translation>
    </message>
    <message>
      <source>用户</source>
      <translation>Users</translation>
    </message>
    <message>
      <source>请先选中一个账户</source>
      <translation>Select an account first</translation>
    </message>
    <message>
      <source>重置密码</source>
      <translation>Reset password</translation>
    </message>
    <message>
      <source>重置密码…</source>
      <translation>Reset password…</translation>
    </message>
    <message>
      <source>须改密码</source>
      <translation>Must change password</translation>
    </message>
  </context>
  <context>
    <name>WhatIfPanel</name>
    <message>
      <source>{n} 个权重方案（中心：卷宗 {f:.3f}、笔录 {t:.3f}、文书 {j:.3f}），按{b}排名：{r} 名法官中 {s} 名名次始终不变，最大波动 {m} 位；{k} 个方案中至少有一名法官名次变化。</source>
      <translation>{n} weight scenarios (centre: file {f:.3f}, transcripts {t:.3f}, judgment {j:.3f}), ranked by {b}: {s} of {r} judges keep their rank in every scenario, the largest swing is {m} places; in {k} scenarios at least one judge's rank changes.</translation>
    </message>
    <message>
      <source>以「参数设置」页当前填写的权重为中心，卷宗、庭审笔录、裁判文书三项权重各在上述范围内变动（三项之和保持为 1），逐一计算各法官的全院排名（同一类别、同一职务组内比较；已下达任务时按完成率，否则按标准案件数）。参数不会被保存。</source>
      <translation>Around the weights now entered on the Settings tab, the file, transcript and judgment weights each vary within the range below (their sum stays 1), and every judge's court rank is computed for each scenario (compared within the same track and post group; by completion once quotas are set, otherwise by standard cases). Nothing is saved.</translation>
    </message>
    <message>
      <source>参数有误</source>
      <translation>Invalid parameters</translation>
    </message>
    <message>
      <source>各权重方案（第 1 行为中心）</source>
      <translation>Weight scenarios (row 1 is the centre)</translation>
    </message>
    <message>
      <source>各法官排名的变动范围（波动大的在前）</source>
      <translation>Range of each judge's rank (largest swing first)</translation>
    </message>
    <message>
      <source>完成率</source>
      <translation>completion</translation>
    </message>
    <message>
      <source>尚未计算。</source>
      <translation>Not computed yet.</translation>
    </message>
    <message>
      <source>无法计算</source>
      <translation>Cannot compute</translation>
    </message>
    <message>
      <source>标准案件数</source>
      <translation>standard cases</translation>
    </message>
    <message>
      <source>正在计算各权重方案下的排名</source>
      <translation>Computing the ranks under each weight scenario</translation>
    </message>
    <message>
      <source>每项取值个数</source>
      <translation>Values per weight</translation>
    </message>
    <message>
      <source>每项权重变动 ±</source>
      <translation>Each weight varies by ±</translation>
    </message>
    <message>
      <source>计算排名稳定性</source>
      <translation>Compute rank stability</translation>
    </message>
  </context>
  <context>
    <name>WindowMenus</name>
    <message>
      <source>从备份恢复…</source>
      <translation>Restore from backup…</translation>
    </message>
    <message>
      <source>使用手册</source>
      <translation>Manual</translation>
    </message>
    <message>
      <source>使用方式…</source>
      <translation>How this PC is used…</translation>
    </message>
    <message>
      <source>修改密码</source>
      <translation>Change password</translation>
    </message>
    <message>
      <source>修改密码…</source>
      <translation>Change password…</translation>
    </message>
    <message>
      <source>关于</source>
      <translation>About</translation>
    </message>
    <message>
      <source>名册 (*.xlsx *.xls *.csv)</source>
      <translation>Rosters (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
      <source>名册已导入</source>
      <translation>Roster imported</translation>
    </message>
    <message>
      <source>名册未导入</source>
      <translation>Roster not imported</translation>
    </message>
    <message>
      <source>密码已修改。</source>
      <translation>Password changed.</translation>
    </message>
    <message>
      <source>导入历史与撤销…</source>
      <translation>Import history and undo…</translation>
    </message>
    <message>
      <source>导入法官名册</source>
      <translation>Import judge roster</translation>
    </message>
    <message>
      <source>导入法官名册…</source>
      <translation>Import judge roster…</translation>
    </message>
    <message>
      <source>导入结案数据…</source>
      <translation>Import closed cases…</translation>
    </message>
    <message>
      <source>帮助(&amp;H)</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <source>当前用户：{n}（{r}）</source>
      <translation>Logged in: {n} ({r})</translation>
    </message>
    <message>
      <source>打开数据库…</source>
      <translation>Open database…</translation>
    </message>
    <message>
      <source>找不到使用手册：{p}</source>
      <translation>The manual was not found: {p}</translation>
    </message>
    <message>
      <source>报表…</source>
      <translation>Sheets…</translation>
    </message>
    <message>
      <source>文件(&amp;F)</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <source>新增 {n}，更新 {u}，未变 {s}</source>
      <translation>{n} new, {u} updated, {s} unchanged</translation>
    </message>
    <message>
      <source>查找案件</source>
      <translation>Find case</translation>
    </message>
    <message>
      <source>正在导入法官名册</source>
      <translation>Importing the judges' roster</translation>
    </message>
    <message>
      <source>正在计算 {y} 年度标准案件</source>
      <translation>Computing standard cases for {y}</translation>
    </message>
    <message>
      <source>法官工作量计算器 {v}

数据库：{p}</source>
      <translation>Judge Workload Calculator {v}

Database: {p}</translation>
    </message>
    <message>
      <source>法院设置…</source>
      <translation>Court settings…</translation>
    </message>
    <message>
      <source>注销</source>
      <translation>Log out</translation>
    </message>
    <message>
      <source>相似姓名</source>
      <translation>Similar names</translation>
    </message>
    <message>
      <source>确认这些姓名是不同的法官，并导入名册？</source>
      <translation>Confirm these names are different judges and import the roster?</translation>
    </message>
    <message>
      <source>立即备份数据库…</source>
      <translation>Back up the database now…</translation>
    </message>
    <message>
      <source>设置(&amp;S)</source>
      <translation>&amp;Settings</translation>
    </message>
    <message>
      <source>账户(&amp;A)</source>
      <translation>&amp;Account</translation>
    </message>
    <message>
      <source>连接法院服务器…</source>
      <translation>Connect to the court server…</translation>
    </message>
    <message>
      <source>连接法院服务器时不可用：服务器由信息技术人员备份和恢复。</source>
      <translation>Not available on the court server: IT backs the server up and restores it.</translation>
    </message>
    <message>
      <source>退出</source>
      <translation>Quit</translation>
    </message>
    <message>
      <source>重新计算完成</source>
      <translation>Recomputed</translation>
    </message>
    <message>
      <source>重新计算本年度标准案件</source>
      <translation>Recompute this year's standard cases</translation>
    </message>
  </context>
  <context>
    <name>WindowNavigation</name>
    <message>
      <source>个人工作量</source>
      <translation>Judge workload</translation>
    </message>
    <message>
      <source>任务</source>
      <translation>Quotas</translation>
    </message>
    <message>
      <source>参数</source>
      <translation>Parameters</translation>
    </message>
    <message>
      <source>名册</source>
      <translation>Roster</translation>
    </message>
    <message>
      <source>年度考核</source>
      <translation>Year-end grading</translation>
    </message>
    <message>
      <source>待复核</source>
      <translation>To review</translation>
    </message>
    <message>
      <source>我的工作量</source>
      <translation>My workload</translation>
    </message>
    <message>
      <source>报表</source>
      <translation>Sheets</translation>
    </message>
    <message>
      <source>无法显示</source>
      <translation>Cannot show</translation>
    </message>
    <message>
      <source>日志</source>
      <translation>Audit log</translation>
    </message>
    <message>
      <source>案件</source>
      <translation>Cases</translation>
    </message>
    <message>
      <source>概览</source>
      <translation>Overview</translation>
    </message>
    <message>
      <source>法官</source>
      <translation>Judges</translation>
    </message>
    <message>
      <source>用户</source>
      <translation>Users</translation>
    </message>
    <message>
      <source>疑问</source>
      <translation>Queries</translation>
    </message>
    <message>
      <source>部门</source>
      <translation>Divisions</translation>
    </message>
    <message>
      <source>长期未结</source>
      <translation>Long pending</translation>
    </message>
  </context>
  <context>
    <name>WindowStore</name>
    <message>
      <source>从备份恢复</source>
      <translation>Restore from backup</translation>
    </message>
    <message>
      <source>已备份</source>
      <translation>Backed up</translation>
    </message>
    <message>
      <source>已恢复</source>
      <translation>Restored</translation>
    </message>
    <message>
      <source>打开或新建数据库</source>
      <translation>Open or create a database</translation>
    </message>
    <message>
      <source>数据库 (*.sqlite *.db)</source>
      <translation>Databases (*.sqlite *.db)</translation>
    </message>
    <message>
      <source>数据库已从「{f}」恢复。
替换前的数据库保存在
{a}</source>
      <translation>The database was restored from "{f}".
The replaced database was kept as
{a}</translation>
    </message>
    <message>
      <source>数据库已备份到
{p}</source>
      <translation>Database backed up to
{p}</translation>
    </message>
    <message>
      <source>无法打开数据库</source>
      <translation>Cannot open the database</translation>
    </message>
    <message>
      <source>未备份</source>
      <translation>Not backed up</translation>
    </message>
    <message>
      <source>未恢复</source>
      <translation>Not restored</translation>
    </message>
    <message>
      <source>用「{f}」（{t}）替换当前数据库？
{lost}

替换前的数据库会先保存为备份。其他电脑或窗口上打开的同一数据库须先关闭。</source>
      <translation>Replace the current database with “{f}” ({t})?
{lost}

The database as it is now is backed up first. Close this database on other PCs and windows first.</translation>
    </message>
  </context>
  <context>
    <name>_BehindFilter</name>
    <message>
      <source>只看未达进度</source>
      <translation>Behind schedule only</translation>
    </message>
  </context>
  <context>
    <name>labels</name>
    <message>
      <source>(\d{1,2}) 月调整</source>
      <translation>(\d{1,2}) 月调整</translation>
    </message>
    <message>
      <source>1 月</source>
      <translation>January</translation>
    </message>
    <message>
      <source>12–18 个月</source>
      <translation>12–18 months</translation>
    </message>
    <message>
      <source>18–36 个月</source>
      <translation>18–36 months</translation>
    </message>
    <message>
      <source>36 个月以上</source>
      <translation>Over 36 months</translation>
    </message>
    <message>
      <source>{m} 月调整</source>
      <translation>Re-plan from month {m}</translation>
    </message>
    <message>
      <source>{n} 个账户</source>
      <translation>Accounts: {n}</translation>
    </message>
    <message>
      <source>{y} 年度</source>
      <translation>{y}</translation>
    </message>
    <message>
      <source>{y} 年度 {j}</source>
      <translation>{y}, {j}</translation>
    </message>
    <message>
      <source>{y} 年度任务</source>
      <translation>{y} quotas</translation>
    </message>
    <message>
      <source>{y} 年度任务，自 {m} 月</source>
      <translation>{y} quotas, from month {m}</translation>
    </message>
    <message>
      <source>{y} 年度优秀比例</source>
      <translation>{y} share of “Excellent”</translation>
    </message>
    <message>
      <source>{y} 年度参数第 {n} 版</source>
      <translation>{y} parameters, version {n}</translation>
    </message>
    <message>
      <source>{y} 年度平均页数</source>
      <translation>{y} average pages</translation>
    </message>
    <message>
      <source>{y} 年度标准案件</source>
      <translation>{y} standard cases</translation>
    </message>
    <message>
      <source>{y} 年度法官标准案件</source>
      <translation>{y} judges' standard cases</translation>
    </message>
    <message>
      <source>{y} 年度考核</source>
      <translation>{y} year-end grading</translation>
    </message>
    <message>
      <source>{y} 年度考核优秀公示</source>
      <translation>{y} grading: publication of “Excellent”</translation>
    </message>
    <message>
      <source>{y} 年度考核复核：{j}</source>
      <translation>{y} grading review: {j}</translation>
    </message>
    <message>
      <source>{y} 年度考核等次建议</source>
      <translation>{y} grading: proposals</translation>
    </message>
    <message>
      <source>{y} 年度考核等次确定</source>
      <translation>{y} grading: confirmed</translation>
    </message>
    <message>
      <source>{y} 年度考核结果通知</source>
      <translation>{y} grading: written notices</translation>
    </message>
    <message>
      <source>{y} 年度考核结果通知：{j}</source>
      <translation>{y} grading: written notice to {j}</translation>
    </message>
    <message>
      <source>{y} 年度考核：{j}</source>
      <translation>{y} grading: {j}</translation>
    </message>
    <message>
      <source>「(.*)」中的字符「(.*?)」</source>
      <translation>「(.*)」中的字符「(.*?)」</translation>
    </message>
    <message>
      <source>一审服判息诉率</source>
      <translation>First-instance acceptance rate</translation>
    </message>
    <message>
      <source>上年同期已完成</source>
      <translation>Same period last year</translation>
    </message>
    <message>
      <source>上诉</source>
      <translation>Appealed</translation>
    </message>
    <message>
      <source>下达年度任务</source>
      <translation>Issue annual quotas</translation>
    </message>
    <message>
      <source>不参加排名的原因</source>
      <translation>Not ranked because</translation>
    </message>
    <message>
      <source>不定等次</source>
      <translation>Not graded</translation>
    </message>
    <message>
      <source>不是法院服务器的地址：</source>
      <translation>Not a court server address: </translation>
    </message>
    <message>
      <source>不称职</source>
      <translation>Incompetent</translation>
    </message>
    <message>
      <source>个人总结</source>
      <translation>Personal summary</translation>
    </message>
    <message>
      <source>中文</source>
      <translation>中文</translation>
    </message>
    <message>
      <source>中止</source>
      <translation>Suspended</translation>
    </message>
    <message>
      <source>为名册法官建立账户</source>
      <translation>Accounts opened for the roster</translation>
    </message>
    <message>
      <source>之后的第一项改动</source>
      <translation>First change after it</translation>
    </message>
    <message>
      <source>乘数</source>
      <translation>multiplier</translation>
    </message>
    <message>
      <source>书面通知</source>
      <translation>Written notices</translation>
    </message>
    <message>
      <source>二审改判发回重审率</source>
      <translation>Reversed or remanded on appeal</translation>
    </message>
    <message>
      <source>二审结果</source>
      <translation>Appeal result</translation>
    </message>
    <message>
      <source>人事</source>
      <translation>Personnel</translation>
    </message>
    <message>
      <source>人均</source>
      <translation>Per judge</translation>
    </message>
    <message>
      <source>从备份恢复</source>
      <translation>Restore from backup</translation>
    </message>
    <message>
      <source>从备份恢复之前</source>
      <translation>Before a restore</translation>
    </message>
    <message>
      <source>任务</source>
      <translation>Quotas</translation>
    </message>
    <message>
      <source>任务下达表</source>
      <translation>Quota notice</translation>
    </message>
    <message>
      <source>任职期外结案</source>
      <translation>Closed outside the time in post</translation>
    </message>
    <message>
      <source>优秀</source>
      <translation>Excellent</translation>
    </message>
    <message>
      <source>优秀名额</source>
      <translation>Places for “Excellent”</translation>
    </message>
    <message>
      <source>会议</source>
      <translation>Meeting</translation>
    </message>
    <message>
      <source>保存表头映射方案</source>
      <translation>Save header mapping</translation>
    </message>
    <message>
      <source>修改参数</source>
      <translation>Change parameters</translation>
    </message>
    <message>
      <source>修改名册</source>
      <translation>Roster edited</translation>
    </message>
    <message>
      <source>修改密码</source>
      <translation>Change password</translation>
    </message>
    <message>
      <source>修改法院设置</source>
      <translation>Change court settings</translation>
    </message>
    <message>
      <source>修改账户</source>
      <translation>Edit account</translation>
    </message>
    <message>
      <source>修改金额上限</source>
      <translation>change the amount limit</translation>
    </message>
    <message>
      <source>修改页数上限</source>
      <translation>Change page ceiling</translation>
    </message>
    <message>
      <source>停用账户</source>
      <translation>Disable account</translation>
    </message>
    <message>
      <source>入额日期</source>
      <translation>In post from</translation>
    </message>
    <message>
      <source>全部</source>
      <translation>All</translation>
    </message>
    <message>
      <source>全院</source>
      <translation>Whole court</translation>
    </message>
    <message>
      <source>全院人均</source>
      <translation>Court per judge</translation>
    </message>
    <message>
      <source>全院完成率%</source>
      <translation>Court completion %</translation>
    </message>
    <message>
      <source>全院排名</source>
      <translation>Court rank</translation>
    </message>
    <message>
      <source>全院汇总表</source>
      <translation>Court summary</translation>
    </message>
    <message>
      <source>公告</source>
      <translation>Public notice</translation>
    </message>
    <message>
      <source>公示</source>
      <translation>Publication</translation>
    </message>
    <message>
      <source>公示截止</source>
      <translation>Publication until</translation>
    </message>
    <message>
      <source>公示期内</source>
      <translation>During publication</translation>
    </message>
    <message>
      <source>关于</source>
      <translation>About</translation>
    </message>
    <message>
      <source>关联</source>
      <translation>Linked to</translation>
    </message>
    <message>
      <source>其他</source>
      <translation>Other</translation>
    </message>
    <message>
      <source>决定</source>
      <translation>Decision</translation>
    </message>
    <message>
      <source>决定理由</source>
      <translation>Reason for the decision</translation>
    </message>
    <message>
      <source>分子</source>
      <translation>Numerator</translation>
    </message>
    <message>
      <source>分母</source>
      <translation>Denominator</translation>
    </message>
    <message>
      <source>分钟</source>
      <translation>Minutes</translation>
    </message>
    <message>
      <source>刑事</source>
      <translation>Criminal</translation>
    </message>
    <message>
      <source>创建时间</source>
      <translation>Created</translation>
    </message>
    <message>
      <source>副庭长</source>
      <translation>Deputy division head</translation>
    </message>
    <message>
      <source>副院长</source>
      <translation>Vice president</translation>
    </message>
    <message>
      <source>区间</source>
      <translation>Band</translation>
    </message>
    <message>
      <source>单位</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>卷宗</source>
      <translation>Case file</translation>
    </message>
    <message>
      <source>卷宗权重</source>
      <translation>Case file weight</translation>
    </message>
    <message>
      <source>卷宗页数</source>
      <translation>File pages</translation>
    </message>
    <message>
      <source>原因</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>原审案号</source>
      <translation>Original case number</translation>
    </message>
    <message>
      <source>参数内容</source>
      <translation>Parameter file</translation>
    </message>
    <message>
      <source>参数版本</source>
      <translation>Parameter version</translation>
    </message>
    <message>
      <source>参考范围</source>
      <translation>Reference range</translation>
    </message>
    <message>
      <source>发布参数</source>
      <translation>Publish parameters</translation>
    </message>
    <message>
      <source>发布参数之前</source>
      <translation>Before publishing parameters</translation>
    </message>
    <message>
      <source>合议庭成员</source>
      <translation>Panel member</translation>
    </message>
    <message>
      <source>同比%</source>
      <translation>Change vs last year %</translation>
    </message>
    <message>
      <source>名次不变%</source>
      <translation>Same rank %</translation>
    </message>
    <message>
      <source>名次变化人数</source>
      <translation>Judges moved</translation>
    </message>
    <message>
      <source>名称</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>名额</source>
      <translation>Places</translation>
    </message>
    <message>
      <source>名额边界并列</source>
      <translation>Tied at the cap</translation>
    </message>
    <message>
      <source>否</source>
      <translation>no</translation>
    </message>
    <message>
      <source>启用</source>
      <translation>Active</translation>
    </message>
    <message>
      <source>启用账户</source>
      <translation>Enable account</translation>
    </message>
    <message>
      <source>固定值</source>
      <translation>fixed value</translation>
    </message>
    <message>
      <source>在岗比例（按月度分布）</source>
      <translation>Share in post (by month pattern)</translation>
    </message>
    <message>
      <source>基本任务</source>
      <translation>Common quota</translation>
    </message>
    <message>
      <source>基本称职</source>
      <translation>Basically competent</translation>
    </message>
    <message>
      <source>填写人</source>
      <translation>Recorded by</translation>
    </message>
    <message>
      <source>填写时间</source>
      <translation>Recorded at</translation>
    </message>
    <message>
      <source>填写未结原因</source>
      <translation>Record long-pending reason</translation>
    </message>
    <message>
      <source>备份数据库</source>
      <translation>Back up the database</translation>
    </message>
    <message>
      <source>备份时间</source>
      <translation>Taken at</translation>
    </message>
    <message>
      <source>备注</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>复核申请</source>
      <translation>Review request</translation>
    </message>
    <message>
      <source>失败次数</source>
      <translation>Failed attempts</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>委员会决定</source>
      <translation>Committee decision</translation>
    </message>
    <message>
      <source>完成率%</source>
      <translation>Completion %</translation>
    </message>
    <message>
      <source>完成率（%）</source>
      <translation>Completion (%)</translation>
    </message>
    <message>
      <source>审判</source>
      <translation>Trial</translation>
    </message>
    <message>
      <source>审判员</source>
      <translation>Judge</translation>
    </message>
    <message>
      <source>审判委员会专职委员</source>
      <translation>Judicial committee member</translation>
    </message>
    <message>
      <source>审判标准案件</source>
      <translation>Trial standard cases</translation>
    </message>
    <message>
      <source>审限内结案率%</source>
      <translation>Within time limit %</translation>
    </message>
    <message>
      <source>审限天数</source>
      <translation>Time limit (days)</translation>
    </message>
    <message>
      <source>对象</source>
      <translation>Object</translation>
    </message>
    <message>
      <source>导入二审结果</source>
      <translation>Import appeal outcomes</translation>
    </message>
    <message>
      <source>导入二审结果之前</source>
      <translation>Before importing appeal results</translation>
    </message>
    <message>
      <source>导入时改派案件</source>
      <translation>Reassign cases on import</translation>
    </message>
    <message>
      <source>导入案件</source>
      <translation>Import cases</translation>
    </message>
    <message>
      <source>导入法官名册</source>
      <translation>Import judge roster</translation>
    </message>
    <message>
      <source>导入法官名册之前</source>
      <translation>Before importing the roster</translation>
    </message>
    <message>
      <source>导入结案数据之前</source>
      <translation>Before importing cases</translation>
    </message>
    <message>
      <source>将丢失的改动</source>
      <translation>Changes lost</translation>
    </message>
    <message>
      <source>已匹配</source>
      <translation>Matched</translation>
    </message>
    <message>
      <source>已发布</source>
      <translation>published</translation>
    </message>
    <message>
      <source>已完成</source>
      <translation>Done</translation>
    </message>
    <message>
      <source>已审批</source>
      <translation>Approved</translation>
    </message>
    <message>
      <source>已审理月数</source>
      <translation>Months open</translation>
    </message>
    <message>
      <source>平均审理天数</source>
      <translation>Mean days</translation>
    </message>
    <message>
      <source>年中调整任务</source>
      <translation>Re-plan quotas mid-year</translation>
    </message>
    <message>
      <source>年初下达</source>
      <translation>Issued at the start of the year</translation>
    </message>
    <message>
      <source>年度</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>年度任务</source>
      <translation>Annual quota</translation>
    </message>
    <message>
      <source>年度目标</source>
      <translation>Annual target</translation>
    </message>
    <message>
      <source>年度考核：个人总结</source>
      <translation>Year-end grading: personal summary</translation>
    </message>
    <message>
      <source>年度考核：书面通知</source>
      <translation>Year-end grading: written notices</translation>
    </message>
    <message>
      <source>年度考核：优秀公示</source>
      <translation>Year-end grading: Excellent list published</translation>
    </message>
    <message>
      <source>年度考核：复核决定</source>
      <translation>Year-end grading: review decision</translation>
    </message>
    <message>
      <source>年度考核：庭长意见</source>
      <translation>Year-end grading: division head’s opinion</translation>
    </message>
    <message>
      <source>年度考核：开始</source>
      <translation>Year-end grading: opened</translation>
    </message>
    <message>
      <source>年度考核：申请复核</source>
      <translation>Year-end grading: review requested</translation>
    </message>
    <message>
      <source>年度考核：确定等次</source>
      <translation>Year-end grading: grades confirmed</translation>
    </message>
    <message>
      <source>年度考核：等次建议</source>
      <translation>Year-end grading: grades proposed</translation>
    </message>
    <message>
      <source>年度考核：签收通知</source>
      <translation>Year-end grading: notice acknowledged</translation>
    </message>
    <message>
      <source>年度考核：考评委员会决定</source>
      <translation>Year-end grading: committee decision</translation>
    </message>
    <message>
      <source>年度考核：考评委员会评分</source>
      <translation>Year-end grading: committee scores</translation>
    </message>
    <message>
      <source>年度考核：调整优秀比例</source>
      <translation>Year-end grading: Excellent share raised</translation>
    </message>
    <message>
      <source>序号</source>
      <translation>No.</translation>
    </message>
    <message>
      <source>庭审笔录页数</source>
      <translation>Transcript pages</translation>
    </message>
    <message>
      <source>庭长</source>
      <translation>Division head</translation>
    </message>
    <message>
      <source>庭长意见</source>
      <translation>Division head’s opinion</translation>
    </message>
    <message>
      <source>庭领导</source>
      <translation>Division leaders</translation>
    </message>
    <message>
      <source>廉政监察员审批</source>
      <translation>Integrity supervisor's approval</translation>
    </message>
    <message>
      <source>延长审限天数</source>
      <translation>Extension (days)</translation>
    </message>
    <message>
      <source>建立时间</source>
      <translation>Created</translation>
    </message>
    <message>
      <source>建议</source>
      <translation>Proposed</translation>
    </message>
    <message>
      <source>建议优秀</source>
      <translation>Proposed “Excellent”</translation>
    </message>
    <message>
      <source>建议等次</source>
      <translation>Proposed grade</translation>
    </message>
    <message>
      <source>异常页数</source>
      <translation>Unusual page count</translation>
    </message>
    <message>
      <source>录入终本审批</source>
      <translation>Record enforcement approval</translation>
    </message>
    <message>
      <source>影响</source>
      <translation>Held out of</translation>
    </message>
    <message>
      <source>待复核</source>
      <translation>To review</translation>
    </message>
    <message>
      <source>待复核原因</source>
      <translation>Why held</translation>
    </message>
    <message>
      <source>待审批</source>
      <translation>Awaiting approval</translation>
    </message>
    <message>
      <source>得分</source>
      <translation>Score</translation>
    </message>
    <message>
      <source>恢复后将丢失此备份之后记录的 {n} 项改动（审计日志本身保留）：</source>
      <translation>Restoring it loses the {n} changes recorded after this backup (the audit log itself is kept):</translation>
    </message>
    <message>
      <source>意见</source>
      <translation>Opinion</translation>
    </message>
    <message>
      <source>截至本月基础数</source>
      <translation>Base number to date</translation>
    </message>
    <message>
      <source>截至本月目标</source>
      <translation>Target to date</translation>
    </message>
    <message>
      <source>截至本月饱和数</source>
      <translation>Saturation number to date</translation>
    </message>
    <message>
      <source>所需法官</source>
      <translation>Judges needed</translation>
    </message>
    <message>
      <source>手动备份</source>
      <translation>Manual backup</translation>
    </message>
    <message>
      <source>扣分</source>
      <translation>Deduction</translation>
    </message>
    <message>
      <source>扣分前得分</source>
      <translation>Score before deduction</translation>
    </message>
    <message>
      <source>扣除审限天数</source>
      <translation>Deducted (days)</translation>
    </message>
    <message>
      <source>执行</source>
      <translation>Enforcement</translation>
    </message>
    <message>
      <source>执行到位率</source>
      <translation>Enforcement recovery rate</translation>
    </message>
    <message>
      <source>执行到位率%</source>
      <translation>Recovery %</translation>
    </message>
    <message>
      <source>执行到位金额</source>
      <translation>Amount recovered</translation>
    </message>
    <message>
      <source>执行标准案件</source>
      <translation>Enforcement standard cases</translation>
    </message>
    <message>
      <source>批准文号</source>
      <translation>Approval reference</translation>
    </message>
    <message>
      <source>批次</source>
      <translation>Batch</translation>
    </message>
    <message>
      <source>承办</source>
      <translation>Responsible</translation>
    </message>
    <message>
      <source>承办人</source>
      <translation>Responsible judge</translation>
    </message>
    <message>
      <source>承办法官</source>
      <translation>Responsible</translation>
    </message>
    <message>
      <source>承办部门</source>
      <translation>Division</translation>
    </message>
    <message>
      <source>折算法官</source>
      <translation>Judge equivalents</translation>
    </message>
    <message>
      <source>报表为正式文书，以中文打印</source>
      <translation>sheets are official documents, printed in Chinese</translation>
    </message>
    <message>
      <source>指标</source>
      <translation>Indicator</translation>
    </message>
    <message>
      <source>排名组</source>
      <translation>Ranking group</translation>
    </message>
    <message>
      <source>推导</source>
      <translation>Derivation</translation>
    </message>
    <message>
      <source>提出人</source>
      <translation>Asked by</translation>
    </message>
    <message>
      <source>提出时间</source>
      <translation>Asked at</translation>
    </message>
    <message>
      <source>提出疑问</source>
      <translation>Query raised</translation>
    </message>
    <message>
      <source>提示</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>撤销导入</source>
      <translation>Undo import</translation>
    </message>
    <message>
      <source>撤销导入之前</source>
      <translation>Before undoing an import</translation>
    </message>
    <message>
      <source>操作</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>操作人</source>
      <translation>By</translation>
    </message>
    <message>
      <source>收案</source>
      <translation>Filed</translation>
    </message>
    <message>
      <source>改判发回件数</source>
      <translation>Reversed or remanded</translation>
    </message>
    <message>
      <source>改发率%</source>
      <translation>Reversed/remanded %</translation>
    </message>
    <message>
      <source>改密时间</source>
      <translation>Password changed</translation>
    </message>
    <message>
      <source>数值</source>
      <translation>Value</translation>
    </message>
    <message>
      <source>数据不全</source>
      <translation>Incomplete data</translation>
    </message>
    <message>
      <source>数据日期</source>
      <translation>Data as of</translation>
    </message>
    <message>
      <source>文书</source>
      <translation>Judgment</translation>
    </message>
    <message>
      <source>文书权重</source>
      <translation>Judgment weight</translation>
    </message>
    <message>
      <source>文件名(&amp;N)：</source>
      <translation>File &amp;name:</translation>
    </message>
    <message>
      <source>文件类型(&amp;T)：</source>
      <translation>Files of &amp;type:</translation>
    </message>
    <message>
      <source>新增法官</source>
      <translation>Judge added</translation>
    </message>
    <message>
      <source>新建账户</source>
      <translation>New account</translation>
    </message>
    <message>
      <source>方式</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>无法打开</source>
      <translation>Cannot open</translation>
    </message>
    <message>
      <source>无法打开数据库</source>
      <translation>Cannot open the database</translation>
    </message>
    <message>
      <source>时间</source>
      <translation>Time</translation>
    </message>
    <message>
      <source>是</source>
      <translation>yes</translation>
    </message>
    <message>
      <source>更正</source>
      <translation>Correction</translation>
    </message>
    <message>
      <source>更正异常页数</source>
      <translation>Correct outlier pages</translation>
    </message>
    <message>
      <source>替换前的数据库</source>
      <translation>Replaced database kept as</translation>
    </message>
    <message>
      <source>最多</source>
      <translation>Highest</translation>
    </message>
    <message>
      <source>最大变动</source>
      <translation>Largest shift</translation>
    </message>
    <message>
      <source>最好</source>
      <translation>Best</translation>
    </message>
    <message>
      <source>最少</source>
      <translation>Lowest</translation>
    </message>
    <message>
      <source>最差</source>
      <translation>Worst</translation>
    </message>
    <message>
      <source>月份</source>
      <translation>Month</translation>
    </message>
    <message>
      <source>月末长期未结</source>
      <translation>Long pending at month end</translation>
    </message>
    <message>
      <source>服判息诉率%</source>
      <translation>Acceptance %</translation>
    </message>
    <message>
      <source>未匹配</source>
      <translation>Not matched</translation>
    </message>
    <message>
      <source>未开始</source>
      <translation>Not started</translation>
    </message>
    <message>
      <source>未结原因</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>本人为合议庭成员，份额为 0：本案不计入本人工作量。</source>
      <translation>You were a panel member with a share of 0: this case does not count towards your workload.</translation>
    </message>
    <message>
      <source>本人为合议庭成员，计入本人 {sc:.4f} × {s:g} = {c:.4f}。</source>
      <translation>You were a panel member: credited to you {sc:.4f} × {s:g} = {c:.4f}.</translation>
    </message>
    <message>
      <source>本人为承办法官，份额为 0：本案不计入本人工作量。</source>
      <translation>You were the responsible judge with a share of 0: this case does not count towards your workload.</translation>
    </message>
    <message>
      <source>本人为承办法官，计入本人 {sc:.4f} × {s:g} = {c:.4f}。</source>
      <translation>You were the responsible judge: credited to you {sc:.4f} × {s:g} = {c:.4f}.</translation>
    </message>
    <message>
      <source>本人份额</source>
      <translation>Your share</translation>
    </message>
    <message>
      <source>本机操作员</source>
      <translation>Local operator</translation>
    </message>
    <message>
      <source>本机操作员 </source>
      <translation>Local operator </translation>
    </message>
    <message>
      <source>本机操作员 {login}</source>
      <translation>Local operator {login}</translation>
    </message>
    <message>
      <source>本案没有标准案件，不计入本人。</source>
      <translation>This case has no standard cases; nothing is credited to you.</translation>
    </message>
    <message>
      <source>本案没有标准案件，不计入该法官。</source>
      <translation>This case has no standard cases; nothing is credited to this judge.</translation>
    </message>
    <message>
      <source>查找范围(&amp;L)：</source>
      <translation>&amp;Look in:</translation>
    </message>
    <message>
      <source>标准案件</source>
      <translation>Standard cases</translation>
    </message>
    <message>
      <source>标记</source>
      <translation>Flags</translation>
    </message>
    <message>
      <source>案件数</source>
      <translation>Cases</translation>
    </message>
    <message>
      <source>案件数据版本</source>
      <translation>Case data version</translation>
    </message>
    <message>
      <source>案号</source>
      <translation>Case number</translation>
    </message>
    <message>
      <source>案由</source>
      <translation>Cause</translation>
    </message>
    <message>
      <source>案由包含</source>
      <translation>Cause contains</translation>
    </message>
    <message>
      <source>此备份之后没有记录任何改动，恢复不会丢失数据。</source>
      <translation>No change was recorded after this backup; restoring it loses nothing.</translation>
    </message>
    <message>
      <source>比例</source>
      <translation>Share</translation>
    </message>
    <message>
      <source>民事</source>
      <translation>Civil</translation>
    </message>
    <message>
      <source>法官</source>
      <translation>Judge</translation>
    </message>
    <message>
      <source>法官人数</source>
      <translation>Judges</translation>
    </message>
    <message>
      <source>法官工作量计算器</source>
      <translation>Judge Workload Calculator</translation>
    </message>
    <message>
      <source>法官考核表</source>
      <translation>Judge sheet</translation>
    </message>
    <message>
      <source>法官调动</source>
      <translation>Judge moved</translation>
    </message>
    <message>
      <source>法定审限内结案率</source>
      <translation>Closed within the legal time limit</translation>
    </message>
    <message>
      <source>法院设置</source>
      <translation>Court settings</translation>
    </message>
    <message>
      <source>波动</source>
      <translation>Swing</translation>
    </message>
    <message>
      <source>注销</source>
      <translation>Log out</translation>
    </message>
    <message>
      <source>测算任务</source>
      <translation>Computed quota</translation>
    </message>
    <message>
      <source>版本</source>
      <translation>Version</translation>
    </message>
    <message>
      <source>特殊规则</source>
      <translation>Special rule</translation>
    </message>
    <message>
      <source>状态</source>
      <translation>State</translation>
    </message>
    <message>
      <source>现排名</source>
      <translation>Rank now</translation>
    </message>
    <message>
      <source>现有（折算）</source>
      <translation>Present (equivalents)</translation>
    </message>
    <message>
      <source>理由</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>生成示范数据</source>
      <translation>Create demo data</translation>
    </message>
    <message>
      <source>生效版本</source>
      <translation>Version in force</translation>
    </message>
    <message>
      <source>用户</source>
      <translation>Users</translation>
    </message>
    <message>
      <source>申请执行标的金额</source>
      <translation>Amount applied for</translation>
    </message>
    <message>
      <source>疑问</source>
      <translation>Query</translation>
    </message>
    <message>
      <source>登录</source>
      <translation>Log in</translation>
    </message>
    <message>
      <source>登录名</source>
      <translation>Login name</translation>
    </message>
    <message>
      <source>登录失败</source>
      <translation>Failed log-in</translation>
    </message>
    <message>
      <source>确定</source>
      <translation>Confirmed</translation>
    </message>
    <message>
      <source>确定等次</source>
      <translation>Confirmed grade</translation>
    </message>
    <message>
      <source>确认任职期外结案</source>
      <translation>Confirm a case closed outside the time in post</translation>
    </message>
    <message>
      <source>确认异常页数</source>
      <translation>Confirm outlier pages</translation>
    </message>
    <message>
      <source>离任日期</source>
      <translation>Left on</translation>
    </message>
    <message>
      <source>称职</source>
      <translation>Competent</translation>
    </message>
    <message>
      <source>移入法院服务器</source>
      <translation>Moved to the court server</translation>
    </message>
    <message>
      <source>程序</source>
      <translation>Procedure</translation>
    </message>
    <message>
      <source>立案日期</source>
      <translation>Filed on</translation>
    </message>
    <message>
      <source>笔录</source>
      <translation>Transcript</translation>
    </message>
    <message>
      <source>笔录权重</source>
      <translation>Transcript weight</translation>
    </message>
    <message>
      <source>第 {b} 批：{f}</source>
      <translation>Batch {b}: {f}</translation>
    </message>
    <message>
      <source>第 {b} 批：{f}，改派 {n} 件</source>
      <translation>Batch {b}: {f}, {n} reassigned</translation>
    </message>
    <message>
      <source>等待他案</source>
      <translation>Awaiting another case</translation>
    </message>
    <message>
      <source>等次</source>
      <translation>Grade</translation>
    </message>
    <message>
      <source>等次建议</source>
      <translation>Grades proposed</translation>
    </message>
    <message>
      <source>答复</source>
      <translation>Answer</translation>
    </message>
    <message>
      <source>答复人</source>
      <translation>Answered by</translation>
    </message>
    <message>
      <source>答复时间</source>
      <translation>Answered at</translation>
    </message>
    <message>
      <source>答复疑问</source>
      <translation>Answer a query</translation>
    </message>
    <message>
      <source>签收</source>
      <translation>Acknowledged</translation>
    </message>
    <message>
      <source>管理员</source>
      <translation>Administrator</translation>
    </message>
    <message>
      <source>类别</source>
      <translation>Track</translation>
    </message>
    <message>
      <source>类型</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>类型代字</source>
      <translation>Type code</translation>
    </message>
    <message>
      <source>累计</source>
      <translation>Cumulative</translation>
    </message>
    <message>
      <source>累计目标</source>
      <translation>Cumulative target</translation>
    </message>
    <message>
      <source>纸质</source>
      <translation>On paper</translation>
    </message>
    <message>
      <source>结收比</source>
      <translation>Closed to filed</translation>
    </message>
    <message>
      <source>结案</source>
      <translation>Closed</translation>
    </message>
    <message>
      <source>结案年度</source>
      <translation>Year closed</translation>
    </message>
    <message>
      <source>结案数</source>
      <translation>Closed</translation>
    </message>
    <message>
      <source>结案方式</source>
      <translation>Closing method</translation>
    </message>
    <message>
      <source>结案日期</source>
      <translation>Closed on</translation>
    </message>
    <message>
      <source>结案率</source>
      <translation>Closing rate</translation>
    </message>
    <message>
      <source>结案率%</source>
      <translation>Closing rate %</translation>
    </message>
    <message>
      <source>编号</source>
      <translation>ID</translation>
    </message>
    <message>
      <source>考核组</source>
      <translation>Assessment group</translation>
    </message>
    <message>
      <source>考评委员会审核</source>
      <translation>Committee review</translation>
    </message>
    <message>
      <source>职务</source>
      <translation>Post</translation>
    </message>
    <message>
      <source>职务系数</source>
      <translation>Post factor</translation>
    </message>
    <message>
      <source>自</source>
      <translation>from</translation>
    </message>
    <message>
      <source>至</source>
      <translation>to</translation>
    </message>
    <message>
      <source>行政</source>
      <translation>Administrative</translation>
    </message>
    <message>
      <source>裁判文书页数</source>
      <translation>Judgment pages</translation>
    </message>
    <message>
      <source>角色</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>计入本人</source>
      <translation>Credited to you</translation>
    </message>
    <message>
      <source>计算标准案件</source>
      <translation>Compute standard cases</translation>
    </message>
    <message>
      <source>计算说明</source>
      <translation>Explanation</translation>
    </message>
    <message>
      <source>评分</source>
      <translation>Scores</translation>
    </message>
    <message>
      <source>该法官为{who}，份额为 0：本案不计入该法官的工作量。</source>
      <translation>This judge was the {who} with a share of 0: this case does not count towards this judge's workload.</translation>
    </message>
    <message>
      <source>该法官为{who}，计入该法官 {sc:.4f} × {s:g} = {c:.4f}。</source>
      <translation>This judge was the {who}: credited to this judge {sc:.4f} × {s:g} = {c:.4f}.</translation>
    </message>
    <message>
      <source>说明</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>调动记录</source>
      <translation>Moves</translation>
    </message>
    <message>
      <source>调整 (.+?) 的任务：(.*)</source>
      <translation>调整 (.+?) 的任务：(.*)</translation>
    </message>
    <message>
      <source>调整 {j} 的任务：{r}</source>
      <translation>{j}'s quota changed: {r}</translation>
    </message>
    <message>
      <source>调整个人任务</source>
      <translation>Override a judge's quota</translation>
    </message>
    <message>
      <source>调整理由</source>
      <translation>Override reason</translation>
    </message>
    <message>
      <source>账户</source>
      <translation>Accounts</translation>
    </message>
    <message>
      <source>账户通知单.pdf</source>
      <translation>account-slips.pdf</translation>
    </message>
    <message>
      <source>账户锁定</source>
      <translation>Account locked</translation>
    </message>
    <message>
      <source>起始月份</source>
      <translation>From month</translation>
    </message>
    <message>
      <source>进度区间</source>
      <translation>Completion band</translation>
    </message>
    <message>
      <source>适用程序</source>
      <translation>Procedure</translation>
    </message>
    <message>
      <source>通知</source>
      <translation>Notice</translation>
    </message>
    <message>
      <source>通知版本</source>
      <translation>Notice version</translation>
    </message>
    <message>
      <source>部门</source>
      <translation>Division</translation>
    </message>
    <message>
      <source>部门内排名</source>
      <translation>Division rank</translation>
    </message>
    <message>
      <source>部门考核表</source>
      <translation>Division sheet</translation>
    </message>
    <message>
      <source>重</source>
      <translation>重</translation>
    </message>
    <message>
      <source>重置密码</source>
      <translation>Reset password</translation>
    </message>
    <message>
      <source>金额上限</source>
      <translation>Amount ceiling</translation>
    </message>
    <message>
      <source>鉴定</source>
      <translation>Expert appraisal</translation>
    </message>
    <message>
      <source>锁定至</source>
      <translation>Locked until</translation>
    </message>
    <message>
      <source>长期未结</source>
      <translation>Long pending</translation>
    </message>
    <message>
      <source>长期未结案件占比</source>
      <translation>Long-pending share</translation>
    </message>
    <message>
      <source>院长</source>
      <translation>President</translation>
    </message>
    <message>
      <source>院领导</source>
      <translation>Court leaders</translation>
    </message>
    <message>
      <source>页数</source>
      <translation>Pages</translation>
    </message>
    <message>
      <source>页数上限</source>
      <translation>Page ceiling</translation>
    </message>
    <message>
      <source>须改密码</source>
      <translation>Must change password</translation>
    </message>
    <message>
      <source>预计全年工作量</source>
      <translation>Expected year's workload</translation>
    </message>
  </context>
</TS>
