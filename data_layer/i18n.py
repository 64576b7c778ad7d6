"""The one translation table: every user-facing string, Chinese first, English beside it.

Keys are dotted: ``reason.*`` for import problems, ``kpi.*`` for indicators, ``ui.*`` for
the pages. ``t(key, lang, **values)`` formats with ``str.format``. A missing key raises
KeyError in tests (see tests/test_i18n.py checks every key has both languages).
"""

from __future__ import annotations

LANGUAGES = ("zh", "en")

TEXT: dict[str, tuple[str, str]] = {
    # --- import problems ------------------------------------------------------------------
    "reason.required": ("必填项为空", "required value is empty"),
    "reason.date_format": (
        "日期格式无法识别，应为 2024-03-05、2024/3/5、2024.3.5 或 2024年3月5日",
        "date not recognized; write 2024-03-05, 2024/3/5, 2024.3.5 or 2024年3月5日",
    ),
    "reason.date_invalid": ("日期不存在（月或日超出范围）", "no such date (month or day out of range)"),
    "reason.date_future": ("日期晚于今天", "date is in the future"),
    "reason.number_format": ("不是数字", "not a number"),
    "reason.number_negative": ("不能为负数", "must not be negative"),
    "reason.number_too_large": ("数值过大（应小于 10^15）", "number too large (must be below 10^15)"),
    "reason.integer_format": ("应为整数", "must be a whole number"),
    "reason.bool_format": ("应填“是”或“否”", "write 是 (yes) or 否 (no)"),
    "reason.quarter_format": ("季度格式应为 2024Q1 或 2024年第1季度", "quarter must look like 2024Q1"),
    "reason.enum_unknown": ("不是允许的取值", "not one of the allowed values"),
    "reason.county_unknown": (
        "不是湛江市的区县（可填区县名称或行政区划代码）",
        "not a county of Zhanjiang (use its name or adcode)",
    ),
    "reason.app_no_format": (
        "不是专利申请号（应为12位数字加校验位，如 ZL202310123456.6）",
        "not a patent application number (12 digits and a check character, e.g. ZL202310123456.6)",
    ),
    "reason.app_no_check": ("申请号校验位不正确", "wrong check character in the application number"),
    "reason.credit_code_format": (
        "不是统一社会信用代码（应为18位数字或大写字母）",
        "not a unified social credit code (18 digits or capital letters)",
    ),
    "reason.credit_code_check": (
        "统一社会信用代码校验位不符（已导入，请核对）",
        "credit code check character does not match (loaded; please verify)",
    ),
    "reason.greater_than_equal": ("数值小于允许的最小值", "value below the allowed minimum"),
    "reason.less_than_equal": ("数值大于允许的最大值", "value above the allowed maximum"),
    "reason.grant_before_filing": ("授权日早于申请日", "grant date is before the filing date"),
    "reason.lapse_before_grant": ("失效日早于授权日", "lapse date is before the grant date"),
    "reason.type_mismatch": (
        "专利类型与申请号第5位所示类型不符",
        "patent type does not match the kind digit of the application number",
    ),
    "reason.filing_needs_patent": (
        "备案产品至少关联一件专利",
        "a filed product must link at least one patent",
    ),
    "reason.output_needs_year": ("填写了年产值，但缺少产值年度", "an output value needs its year"),
    "reason.year_needs_output": ("填写了产值年度，但缺少年产值", "an output year needs its value"),
    "reason.year_range": ("年度超出范围", "year out of range"),
    "reason.tech_above_turnover": (
        "技术交易额大于合同成交额",
        "technology amount exceeds the contract turnover",
    ),
    "reason.issued_needs_date": ("已印发的实施细则须填写印发日期", "an issued rule needs its issue date"),
    "reason.deadline_before_start": ("截止日期早于起始日期", "deadline is before the start date"),
    "reason.duplicate_in_file": ("与文件中第 {value} 行重复", "duplicates row {value} of the file"),
    "reason.conflicting_rows": (
        "同一备案编号的各行产品信息不一致",
        "rows of the same filing number disagree on the product's details",
    ),
    "reason.ref_missing_institutions": (
        "该统一社会信用代码不在单位名录中，请先导入单位",
        "credit code not in the institutions list; import the institution first",
    ),
    "reason.ref_missing_patents": (
        "该申请号不在专利数据中，请先导入专利",
        "application number not in the patent data; import the patent first",
    ),
    "reason.column_missing": ("缺少必需的列", "required column is missing"),
    "reason.column_twice": ("同一字段出现了两列", "two columns carry the same field"),
    "reason.column_ignored": ("无法识别的列，已忽略", "unrecognized column, ignored"),
    "reason.file_empty": ("文件中没有数据行", "the file has no data rows"),
    "reason.no_header": ("前10行中找不到表头", "no header row in the first 10 lines"),
    "reason.encoding_unknown": (
        "无法识别文件编码（支持 UTF-8 与 GBK/GB18030）",
        "unknown text encoding (UTF-8 and GBK/GB18030 are supported)",
    ),
    "reason.xlsx_unreadable": ("无法读取该 Excel 文件", "this Excel file cannot be read"),
    "reason.xlsx_encrypted": (
        "Excel 文件设置了密码，请取消密码后再上传",
        "the Excel file is password protected; remove the password and upload again",
    ),
    "reason.xls_old": (
        "旧版 .xls 格式无法读取，请在 Excel 中另存为 .xlsx",
        "old .xls files cannot be read; save as .xlsx in Excel",
    ),
    "reason.xlsx_macro": (
        "含宏的工作簿（.xlsm）不予接收，请另存为不含宏的 .xlsx",
        "workbooks with macros (.xlsm) are refused; save as a plain .xlsx",
    ),
    "reason.total_row_dropped": ("末尾的合计行未导入", "the total row at the bottom was left out"),
    "reason.kind_unknown": ("未知的数据类别", "unknown data kind"),
    "reason.csv_malformed": (
        "CSV 文件格式损坏（含空字符或超长单元格），请在 Excel 中另存为 CSV 或 XLSX 后再上传",
        "the CSV file is damaged (NUL characters or an over-long cell); save it again from Excel",
    ),
    "reason.sheet_missing": ("Excel 文件中没有这个工作表", "the Excel file has no sheet of that name"),
    "reason.more_problems": (
        "另有 {value} 个问题未列出：请先修正以上问题",
        "{value} more problems not listed: fix the ones above first",
    ),
    "reason.unknown": ("数据有误", "invalid value"),
    "ui.nav.upload": ("上传数据", "Upload"),
    "ui.nav.login": ("工作人员登录", "Staff login"),
    "ui.nav.history": ("导入记录", "Import history"),
    "ui.nav.export": ("数据导出", "Data export"),
    "ui.export.title": ("数据导出", "Data export"),
    "ui.export.table": ("数据表", "Table"),
    "ui.export.rows": (
        "共 {rows} 行；下方预览前 {shown} 行",
        "{rows} rows; the first {shown} are shown below",
    ),
    "ui.export.csv": ("下载 CSV", "Download CSV"),
    "ui.export.xlsx": ("下载 Excel", "Download Excel"),
    "ui.export.too_big_for_xlsx": (
        "超过 Excel 单个工作表的行数上限，请下载 CSV",
        "Too many rows for one Excel sheet: download the CSV",
    ),
    "ui.export.safe": (
        "以 = + - @ 开头的文字在导出时加了前导单引号，Excel/WPS 不会把它当作公式执行。",
        "Text starting with = + - @ gets a leading apostrophe, so Excel and WPS never run it as a formula.",
    ),
    "table.institutions": ("单位名录", "Institutions"),
    "table.patents": ("专利", "Patents"),
    "table.patent_holders": ("专利权人", "Patent holders"),
    "table.patent_events": ("专利运用事件", "Patent events"),
    "table.filings": ("专利产品备案", "Patent-product filings"),
    "table.filing_patents": ("备案关联专利", "Patents of filings"),
    "table.filing_outputs": ("备案产品年产值", "Output of filed products"),
    "table.contracts": ("技术合同", "Technology contracts"),
    "table.contract_patents": ("合同涉及专利", "Patents of contracts"),
    "table.indicators": ("措施指标", "Measure indicators"),
    "table.county_rules": ("区县实施细则", "County implementation rules"),
    "table.events": ("宣讲与对接活动", "Briefings and matching events"),
    "table.targets": ("目标", "Targets"),
    "table.counties": ("区县", "Counties"),
    "table.areas": ("四大任务", "Task areas"),
    "table.measures": ("十二条措施", "The twelve measures"),
    "table.imports": ("导入记录", "Import history"),
    "ui.history.title": ("导入记录", "Import history"),
    "ui.history.empty": ("还没有导入记录。", "Nothing has been imported yet."),
    "ui.history.download": ("下载导入记录（CSV）", "Download the history (CSV)"),
    "ui.history.undo": ("撤销一次导入", "Undo an import"),
    "ui.history.nothing_to_undo": ("没有可撤销的导入。", "There is no import to undo."),
    "ui.history.choose": ("选择要撤销的批次", "Batch to undo"),
    "ui.history.batch_label": ("批次 {batch}：{kind}，{file}", "Batch {batch}: {kind}, {file}"),
    "ui.history.confirm": (
        "我确认撤销：删除该批次导入的数据，并恢复被它替换的数据",
        "I confirm: remove what this batch loaded and restore what it replaced",
    ),
    "ui.history.undo_button": ("撤销该批次", "Undo this batch"),
    "ui.history.undone": (
        "已撤销批次 {batch}（撤销记录为批次 {undo}）。",
        "Batch {batch} undone (logged as batch {undo}).",
    ),
    "ui.history.col.batch_id": ("批次", "Batch"),
    "ui.history.col.kind": ("数据类别", "Kind"),
    "ui.history.col.file_name": ("文件名", "File"),
    "ui.history.col.user_name": ("操作人", "By"),
    "ui.history.col.finished_at": ("时间", "When"),
    "ui.history.col.rows_in_file": ("文件行数", "Rows in file"),
    "ui.history.col.rows_new": ("新增/恢复", "New / restored"),
    "ui.history.col.rows_replaced": ("替换/删除", "Replaced / removed"),
    "ui.history.col.rows_same": ("相同", "Identical"),
    "ui.history.col.warnings": ("提示", "Warnings"),
    "ui.history.col.undoes": ("撤销了批次", "Undoes batch"),
    "ui.history.col.undone_by": ("被批次撤销", "Undone by batch"),
    "ui.auth.staff_only": ("此页面仅供工作人员使用，请先登录。", "This page is for staff: log in first."),
    "ui.auth.signed_in": ("已登录：{name}", "Signed in: {name}"),
    "ui.auth.log_out": ("退出登录", "Log out"),
    "ui.login.title": ("工作人员登录", "Staff login"),
    "ui.login.help": (
        "上传数据需要工作人员账号。账号由管理员在服务器上创建。",
        "Uploading needs a staff account; an administrator creates it on the server.",
    ),
    "ui.login.username": ("用户名", "User name"),
    "ui.login.password": ("密码", "Password"),
    "ui.login.submit": ("登录", "Log in"),
    "ui.upload.title": ("上传数据", "Upload data"),
    "ui.upload.kind": ("数据类别", "Kind of data"),
    "ui.upload.template_xlsx": ("下载 Excel 模板", "Download the Excel template"),
    "ui.upload.template_csv": ("下载 CSV 模板", "Download the CSV template"),
    "ui.upload.file": ("选择文件（CSV 或 Excel）", "Choose a file (CSV or Excel)"),
    "ui.upload.too_large": ("文件超过 {limit} MB 的上限", "the file is larger than the {limit} MB limit"),
    "ui.upload.rejected": (
        "文件有 {errors} 处错误，未导入任何数据。请修改后重新上传。",
        "{errors} error(s): nothing was loaded. Fix the file and upload it again.",
    ),
    "ui.upload.error_report": ("下载错误清单（Excel）", "Download the error list (Excel)"),
    "ui.upload.detected": ("识别结果", "What was detected"),
    "ui.upload.detected_line": (
        "编码：{encoding}｜工作表：{sheet}｜表头在第 {header_line} 行｜数据 {rows} 行",
        "Encoding: {encoding} | Sheet: {sheet} | Header on row {header_line} | {rows} data rows",
    ),
    "ui.upload.header_in_file": ("文件中的列名", "Header in the file"),
    "ui.upload.field": ("对应字段", "Field"),
    "ui.upload.rows_new": ("新增（条）", "New (rows)"),
    "ui.upload.rows_replaced": ("替换已有（条）", "Replacing existing (rows)"),
    "ui.upload.rows_same": ("与已有相同（条）", "Identical (rows)"),
    "ui.upload.warnings": ("有 {count} 条提示，不影响导入", "{count} warning(s), which do not stop it"),
    "ui.upload.nothing_new": ("文件中的数据均已存在，无需导入。", "Everything in the file is already there."),
    "ui.upload.commit": ("确认导入", "Load the file"),
    "ui.upload.done": (
        "已导入（批次 {batch}）：新增 {new} 条，替换 {replaced} 条，相同 {same} 条。",
        "Loaded (batch {batch}): {new} new, {replaced} replaced, {same} identical.",
    ),
    "ui.upload.unit": ("单位", "Unit"),
    "ui.upload.unit_10k": ("万元", "10k yuan"),
    "ui.upload.unit_yuan": ("元（已换算为万元）", "yuan (converted to 10k yuan)"),
    "ui.upload.sheet": ("工作表", "Worksheet"),
    "ui.upload.sheet_help": (
        "已自动选择表头最匹配的工作表，可改选",
        "the sheet whose header fits best was chosen; pick another if needed",
    ),
    "ui.upload.total_dropped": ("第 {line} 行是合计行，不导入", "row {line} is a total row and is left out"),
    "ui.upload.stage.reading": ("正在读取文件… {pct}%", "Reading the file… {pct}%"),
    "ui.upload.stage.checking": ("正在逐列校验… {pct}%", "Checking every column… {pct}%"),
    "ui.upload.stage.loading": ("正在比对并写入… {pct}%", "Comparing and loading… {pct}%"),
    "ui.upload.fix.title": ("在页面中修正", "Fix in the page"),
    "ui.upload.fix.help": (
        "直接修改下表中有错误的单元格，然后重新校验。修正后的文件以 CSV 导入，行号不变。",
        "Edit the cells with errors below, then check again. The corrected file loads as a CSV "
        "with the same row numbers.",
    ),
    "ui.upload.fix.too_many": (
        "有错误的行超过 {limit} 行，请在 Excel 中修改后重新上传。",
        "More than {limit} rows have errors: fix them in Excel and upload again.",
    ),
    "ui.upload.fix.apply": ("应用修改并重新校验", "Apply and check again"),
    "ui.upload.fix.unchanged": ("没有修改任何单元格", "No cell was changed"),
    "ui.upload.fix.in_use": (
        "正在使用页面中修正后的文件 {name}（修改了 {count} 个单元格）",
        "Using the file corrected in the page, {name} ({count} cell(s) changed)",
    ),
    "ui.upload.fix.discard": ("放弃修改，使用原文件", "Discard the changes"),
    "ui.problem.severity": ("类型", "Type"),
    "ui.problem.error": ("错误", "error"),
    "ui.problem.warning": ("提示", "warning"),
    "ui.problem.file": ("文件", "File"),
    "ui.problem.row": ("行号", "Row"),
    "ui.problem.column": ("列", "Column"),
    "ui.problem.value": ("值", "Value"),
    "ui.problem.reason": ("原因", "Reason"),
    "kind.institutions": ("单位名录", "Institutions"),
    "kind.patents": ("专利", "Patents"),
    "kind.patent_events": ("专利运用事件", "Patent events"),
    "kind.filings": ("专利产品备案", "Patent-product filings"),
    "kind.contracts": ("技术合同", "Technology contracts"),
    "kind.indicators": ("措施指标", "Measure indicators"),
    "kind.county_rules": ("区县实施细则", "County implementation rules"),
    "kind.events": ("宣讲与对接活动", "Briefings and matching events"),
    "kind.targets": ("目标", "Targets"),
    # --- templates ---------------------------------------------------------------------------
    "template.header": ("列名", "Header"),
    "template.name": ("英文列名", "English name"),
    "template.required": ("是否必填", "Required"),
    "template.format": ("填写要求", "What to write"),
    "template.aliases": ("可接受的其他列名", "Other accepted headers"),
    "template.yes": ("必填", "required"),
    "template.no": ("选填", "optional"),
    "template.allowed": ("；可填：{values}", "; one of: {values}"),
    "template.data_sheet": ("数据", "Data"),
    "template.notes_sheet": ("填写说明", "Notes"),
    "format.text": ("文字", "text"),
    "format.date": (
        "日期，如 2024-03-05、2024/3/5、2024年3月5日；不能晚于今天",
        "a date such as 2024-03-05 or 2024/3/5; not in the future",
    ),
    "format.amount": (
        "非负数，单位见列名（万元），可带千分位逗号",
        "a non-negative number in the header's unit (万元)",
    ),
    "format.number": ("数字，可为负数", "a number, may be negative"),
    "format.count": ("非负整数", "a whole number, not negative"),
    "format.bool": ("是 或 否", "是 (yes) or 否 (no)"),
    "format.app_no": (
        "专利申请号，12位数字加校验位，可带 ZL 或 CN 前缀，如 ZL202310123456.6",
        "patent application number, e.g. ZL202310123456.6",
    ),
    "format.app_nos": (
        "一个或多个专利申请号，用分号（;）分隔",
        "one or more application numbers, separated by ;",
    ),
    "format.credit_code": ("18位统一社会信用代码", "18-character unified social credit code"),
    "format.credit_codes": (
        "一个或多个统一社会信用代码，用分号（;）分隔",
        "one or more credit codes, separated by ;",
    ),
    "format.county": ("区县名称或行政区划代码", "county name or adcode"),
    "format.quarter": ("季度，如 2025Q1 或 2025年第1季度", "a quarter such as 2025Q1"),
    "format.measure": ("措施编号 1–12", "measure number 1-12"),
    "format.enum": ("从下列取值中选一", "one of the values listed"),
    # --- accounts ----------------------------------------------------------------------------
    "account.username_empty": ("用户名不能为空", "the user name is empty"),
    "account.username_taken": ("该用户名已存在", "that user name is taken"),
    "account.role_unknown": ("角色只能是 staff 或 admin", "the role must be staff or admin"),
    "account.password_short": ("密码至少需要10个字符", "the password needs at least 10 characters"),
    "account.password_simple": (
        "密码不能只含数字或只含字母",
        "the password must mix letters and digits or symbols",
    ),
    "account.user_unknown": ("没有该用户", "no such user"),
    "account.password_mismatch": ("两次输入的密码不一致", "the two passwords differ"),
    "account.login_failed": (
        "用户名或密码不正确，或账号已停用",
        "wrong user name or password, or the account is disabled",
    ),
    "account.login_wait": ("失败次数过多，请稍后再试", "too many failed attempts; try again later"),
    "undo.batch_unknown": ("没有这一批导入", "no such import batch"),
    "undo.batch_is_undo": ("这是一次撤销记录，不能再撤销", "this entry is itself an undo"),
    "undo.batch_undone": ("这一批导入已经撤销", "this import has already been undone"),
    "undo.batch_superseded": (
        "之后的导入又修改了这批数据，请先撤销之后的导入",
        "a later import changed the same rows; undo that one first",
    ),
    # --- KPIs --------------------------------------------------------------------------------
    "kpi.K1": ("专利产品备案企业数", "Enterprises with patent-product filings"),
    "kpi.K2": ("备案产品数", "Filed products"),
    "kpi.K3": ("专利密集型产品产值", "Output of patent-intensive products"),
    "kpi.K4": ("驻湛高校、科研院所专利产业化率", "Univ. & institute industrialization rate"),
    "kpi.K5": ("涉专利技术合同成交额", "Patent-related contract turnover"),
    "kpi.formula.K1": (
        "截至所选日期，至少有一件专利产品备案的不同企业数。",
        "Distinct enterprises with at least one patent-product filing up to the date.",
    ),
    "kpi.formula.K2": ("截至所选日期的专利产品备案件数。", "Patent-product filings up to the date."),
    "kpi.formula.K3": (
        "已备案专利密集型产品的年产值（万元）之和，按年计；目标为逐年提升。",
        "Sum of the annual output value (万元) of filed patent-intensive products, per year; "
        "the target is a rise every year.",
    ),
    "kpi.formula.K4": (
        "驻湛高校、科研院所：已产业化的有效专利数 ÷ 持有的有效专利数。已产业化指专利权人自行实施、"
        "已转让，或已许可且投产；有效专利指截至该日已授权且未失效。目标为高于2023年末基线。",
        "Universities and research institutes in Zhanjiang: industrialized valid patents ÷ valid "
        "patents held. Industrialized means implemented by the holder, transferred, or licensed and "
        "put into production; valid means granted and not lapsed on the date. Target: above the "
        "end-of-2023 baseline.",
    ),
    "kpi.formula.K5": (
        "涉及专利的已登记技术合同成交额（万元），按年合计；与2023年基线相比的增长率。"
        "当年未满一年时按年化值计算并注明。",
        "Registered technology contracts involving patents: turnover (万元) per year, growth "
        "against the 2023 baseline. A year not yet complete is annualized and labelled so.",
    ),
    "status.met": ("已达标", "Met"),
    "status.on_track": ("进度正常", "On track"),
    "status.behind": ("滞后", "Behind"),
    "status.no_data": ("暂无数据", "No data"),
    "status.no_target": ("无目标", "No target"),
    "status.missed": ("未达标", "Missed"),
    # --- pages -----------------------------------------------------------------------------
    "ui.app_title": ("湛江市专利转化运用专项行动监测", "Zhanjiang Patent Transformation Action Monitor"),
    "ui.nav.overview": ("总览", "Overview"),
    "ui.sample_marker": ("示例数据", "Sample data"),
    "ui.sample_help": (
        "当前展示的是虚构的示例数据，不代表真实情况。导入真实数据后此标记消失。",
        "These are fictional sample data, not real figures. The marker goes once real data is imported.",
    ),
    "ui.data_as_of": ("数据截至 {date}", "Data as of {date}"),
    "ui.no_data_yet": ("尚无数据。请先导入数据。", "No data yet. Import data first."),
    "ui.db_busy": ("数据库正被其他程序占用：{detail}", "The database is in use by another program: {detail}"),
    "ui.filter.language": ("语言", "Language"),
    "ui.filter.county": ("区县", "County"),
    "ui.filter.period": ("统计时点", "As of"),
    "ui.county.all": ("全市", "Whole city"),
    "ui.period.latest": ("最新", "Latest"),
    "ui.period.year_end": ("{year}年末", "End of {year}"),
    "ui.period.quarter_end": ("{year}年第{quarter}季度末", "End of {year} Q{quarter}"),
    "ui.overview.title": ("专项行动总览", "Special action overview"),
    "ui.overview.scope": (
        "范围：{county}｜统计时点：{as_of}｜{data_as_of}",
        "Scope: {county} | As of {as_of} | {data_as_of}",
    ),
    "ui.overview.targets_heading": ("目标完成情况", "Targets"),
    "ui.overview.trends_heading": ("走势", "Trends"),
    "ui.overview.formulas": ("指标口径", "How each indicator is computed"),
    "ui.kpi.target.exceed": ("目标：超过 {target}", "Target: more than {target}"),
    "ui.kpi.target.rising": ("目标：逐年提升", "Target: rising every year"),
    "ui.kpi.target.above_baseline": (
        "目标：高于{year}年末基线（{baseline}）{points}个百分点以上，即 ≥ {threshold}",
        "Target: {points} points above the end-of-{year} baseline ({baseline}), i.e. ≥ {threshold}",
    ),
    "ui.kpi.target.growth_pct": (
        "目标：较{year}年基线（{baseline}）增长 {target} 以上",
        "Target: growth of at least {target} on the {year} baseline ({baseline})",
    ),
    "ui.kpi.period": ("规划期 {period}，截止 {deadline}", "Plan period {period}, deadline {deadline}"),
    "ui.kpi.at_deadline": (
        "截止日（{deadline}）时：{value}，{status}",
        "At the deadline ({deadline}): {value}, {status}",
    ),
    "ui.kpi.projection": (
        "按近12个月进度，预计截止日达到 {value}",
        "At the last 12 months' pace: {value} by the deadline",
    ),
    "ui.kpi.value_year": ("{year}年度", "Year {year}"),
    "ui.kpi.value_annualized": ("{year}年（年初至今，已年化）", "{year} (year to date, annualized)"),
    "ui.kpi.turnover": ("成交额 {value}", "Turnover {value}"),
    "ui.kpi.rate_counts": (
        "有效专利 {valid} 件，已产业化 {industrialized} 件",
        "{valid} valid patents, {industrialized} industrialized",
    ),
    "ui.kpi.no_target": ("目标表中没有该指标的目标", "No target for this indicator in the targets table"),
    "ui.chart.subtitle": (
        "{period}｜来源：{source}｜{data_as_of}",
        "{period} | Source: {source} | {data_as_of}",
    ),
    "ui.chart.monthly_cumulative": ("{start} 至 {end}，按月累计", "{start} to {end}, cumulative by month"),
    "ui.chart.yearly": ("{start}–{end}年，按年", "{start}–{end}, by year"),
    "ui.chart.quarterly": ("{start} 至 {end}，按季度末", "{start} to {end}, at quarter ends"),
    "ui.chart.target": ("目标", "Target"),
    "ui.chart.baseline": ("基线", "Baseline"),
    "ui.chart.partial_year": ("当年（未满一年）", "Current year (incomplete)"),
    "ui.source.filings": ("专利产品备案", "patent-product filings"),
    "ui.source.patents": ("专利及运用事件", "patents and their industrialization events"),
    "ui.source.contracts": ("技术合同登记", "registered technology contracts"),
    "ui.chart.unit": ("单位：{unit}", "Unit: {unit}"),
    "unit.家": ("家", "enterprises"),
    "unit.件": ("件", "items"),
    "unit.万元": ("万元", "10k yuan"),
    "unit.亿元": ("亿元", "100M yuan"),
}


def t(key: str, lang: str = "zh", **values: object) -> str:
    """Translate ``key`` into ``lang`` (zh or en), formatting ``values`` into it."""
    zh, en = TEXT[key]
    text = en if lang == "en" else zh
    return text.format(**values) if values else text


def reason(code: str, lang: str = "zh", value: object = None) -> str:
    """Sentence for an import problem's reason code (an unknown code gets a generic one)."""
    key = f"reason.{code}" if f"reason.{code}" in TEXT else "reason.unknown"
    return t(key, lang, value=value)
