"""The one translation table: every user-facing string, Chinese first, English beside it.

Keys are dotted: ``reason.*`` for import problems, ``kpi.*`` for indicators, ``ui.*`` for
the pages. ``t(key, lang, **values)`` formats with ``str.format``. A missing key raises
KeyError in tests (see tests/test_i18n.py checks every key has both languages).

No text names the place: ``{place}``, ``{division}``, ``{whole}`` and the other words of
``place_words`` come from the region pack (``regions/<pack>/region.toml``), so the city's name reads
广东省 in the province pack and 区县 reads 地市.
"""

from __future__ import annotations

import functools

from . import regions

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
    "reason.region_other": (
        "不是本系统所监测的地区（{place}）：其他地区的目标请在其部署中导入",
        "not the region this deployment follows ({place}): load another region's targets in its own "
        "deployment",
    ),
    "error.region_mismatch": (
        "数据库 {path} 属于地区 {found}，而本程序按地区包 {pack}（{expected}）运行；"
        "请设置 DASHBOARD_REGION 为该数据库的地区包，或为本地区另建数据库",
        "database {path} holds region {found}, but the program runs the region pack {pack} ({expected}); "
        "set DASHBOARD_REGION to the database's pack, or create a database for this region",
    ),
    "reason.county_unknown": (
        "不是{place}的{division}（可填{division}名称或行政区划代码）",
        "not a {division} of {place} (use its name or adcode)",
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
        "CSV 文件格式损坏（含空字符），请在 Excel 中另存为 CSV 或 XLSX 后再上传",
        "the CSV file is damaged (NUL characters); save it again from Excel",
    ),
    "reason.control_character": (
        "含不可见的控制字符（{value}），导出到 Excel 时会出错；请删除该字符后再上传",
        "holds an invisible control character ({value}) that breaks the Excel export; "
        "delete it and upload again",
    ),
    "reason.line_break_cleaned": (
        "{value} 个单元格含从 Word 粘贴来的换行符（从此行起），已替换为空格",
        "{value} cells hold line breaks pasted from Word (from this row on); they were replaced by spaces",
    ),
    "reason.cell_too_large": (
        "单元格超过 {value} 个字符（Excel 单元格的上限），文件未读取；"
        "请检查该行是否粘贴了整段文本或数据已错位",
        "a cell is longer than {value} characters (Excel's limit for a cell); the file was not read: "
        "check whether a whole text was pasted into that row or the columns have shifted",
    ),
    "reason.too_many_rows": (
        "文件超过 {value} 行的上限，未读取；请按年度或{division}拆分后分别上传",
        "the file has more than {value} rows, the limit; it was not read: split it by year or {division}",
    ),
    "reason.too_many_columns": (
        "该行填写了超过 {value} 列，未读取；请删除多余的列后再上传",
        "this row fills more than {value} columns; the file was not read: delete the extra columns",
    ),
    "reason.xlsx_bomb": (
        "Excel 文件解压后过大或压缩比异常（{value}），疑似损坏或恶意文件，未读取；"
        "请在 Excel 中另存为 CSV 后再上传",
        "the Excel file would inflate too far or has an abnormal compression ratio ({value}); "
        "it may be damaged or hostile and was not read: save it as CSV from Excel and upload that",
    ),
    "reason.disk_full": (
        "服务器磁盘已满，文件未导入（数据未改变）；请管理员清理磁盘后重试",
        "the server's disk is full; the file was not imported (nothing changed): "
        "ask the administrator to free space",
    ),
    "reason.file_too_large": (
        "文件大小 {value} 超过上传上限；命令行可用 --max-mb 提高上限",
        "the file ({value}) is larger than the upload limit; on the command line --max-mb raises it",
    ),
    "reason.sheet_missing": ("Excel 文件中没有这个工作表", "the Excel file has no sheet of that name"),
    "reason.more_problems": (
        "另有 {value} 个问题未列出：请先修正以上问题",
        "{value} more problems not listed: fix the ones above first",
    ),
    "reason.unknown": ("数据有误", "invalid value"),
    # --- exports of other systems: profiles, parties, derived values -------------------------
    "reason.allowed_values": ("；可填：{values}", "; allowed: {values}"),
    "reason.excel_scientific": (
        "长数字已被 Excel 改写为科学计数法（如 2.02544E+15），原数字已丢失：请从原系统重新导出，"
        "或在 Excel 中把该列设为“文本”后重新录入，另存为 XLSX 上传",
        "Excel rewrote this long number in scientific notation (e.g. 2.02544E+15) and its digits "
        "are lost: export the file again from the source system, or format the column as Text in "
        "Excel, re-enter it and upload as XLSX",
    ),
    "reason.seller_missing": ("缺少卖方（名称或统一社会信用代码）", "no seller (name or credit code)"),
    "reason.enterprise_missing": (
        "缺少备案企业（名称或统一社会信用代码）",
        "no enterprise (name or credit code)",
    ),
    "reason.end_before_start": ("解除/终止日期早于登记日期", "end date is before the registration date"),
    "reason.profile_column_missing": (
        "文件缺少数据来源配置“{value}”所需的列",
        "the file lacks a column that source profile “{value}” needs",
    ),
    "reason.profile_unknown": ("没有名为“{value}”的数据来源配置", "no source profile named “{value}”"),
    "reason.profile_other_kind": (
        "数据来源配置“{value}”用于另一类数据",
        "source profile “{value}” is for another kind of data",
    ),
    "reason.column_unused_duplicate": (
        "与已使用的列含义相同，未使用",
        "means the same as a column already used; not used",
    ),
    "reason.party_unmatched": (
        "名称未匹配到任何单位：请在页面上新建单位或选择已有单位",
        "this name matches no institution: create one or pick an existing one on the page",
    ),
    "reason.party_untracked": (
        "该名称已设为“不纳入统计”，但本类数据必须对应一个单位",
        "this name is set as not tracked, but this kind of record needs an institution",
    ),
    "reason.county_underivable": (
        "无法确定所在{division}：文件未填写，权利人和地址也无法推得",
        "{division} unknown: not in the file, and neither the holders nor the address give it",
    ),
    "reason.derived_type_from_app_no": (
        "{value} 行由申请号第5位推得专利类型",
        "{value} rows: patent type from the application number's kind digit",
    ),
    "reason.derived_grant_from_publication": (
        "{value} 行按法律状态视为已授权，授权日取公开（公告）日",
        "{value} rows: granted by legal status, grant date taken from the publication date",
    ),
    "reason.derived_grant_from_filing": (
        "{value} 行按法律状态视为已授权但缺少授权日，按申请日计",
        "{value} rows: granted by legal status but no grant date; the filing date is used",
    ),
    "reason.derived_grant_dropped": (
        "{value} 行法律状态为审中、驳回或撤回，不计为已授权（文件中的授权日未用）",
        "{value} rows: pending, refused or withdrawn, so not granted (the file's grant date is not used)",
    ),
    "reason.derived_lapse_today": (
        "{value} 行法律状态为失效但缺少失效日，按导入当日计",
        "{value} rows: lapsed by legal status but no lapse date; the import date is used",
    ),
    "reason.derived_lapse_dropped": (
        "{value} 行法律状态为有效或未授权，文件中的失效日未用",
        "{value} rows: valid or never granted by legal status; the file's lapse date is not used",
    ),
    "reason.derived_lapse_unknown": (
        "文件没有法律状态和失效日：{value} 件已授权专利均按未失效计",
        "the file has neither legal status nor lapse dates: {value} granted patents count as in force",
    ),
    "reason.derived_status_valid": ("法律状态：有效 {value} 件", "legal status: valid {value}"),
    "reason.derived_status_lapsed": ("法律状态：失效 {value} 件", "legal status: lapsed {value}"),
    "reason.derived_status_pending": ("法律状态：审中 {value} 件", "legal status: pending {value}"),
    "reason.derived_status_refused": ("法律状态：驳回 {value} 件", "legal status: refused {value}"),
    "reason.derived_status_withdrawn": ("法律状态：撤回 {value} 件", "legal status: withdrawn {value}"),
    "reason.derived_county_from_holder": (
        "{value} 行所在{division}取第一专利权人的{division}",
        "{value} rows: {division} from the first holder's {division}",
    ),
    "reason.derived_county_from_address": (
        "{value} 行所在{division}由申请人地址推得",
        "{value} rows: {division} from the applicant's address",
    ),
    "reason.derived_local_from_code": (
        "{value} 行由买方行政区划代码判断是否在{place_short}",
        "{value} rows: buyer inside {the_region} or not, from the buyer's region code",
    ),
    "reason.derived_local_from_region": (
        "{value} 行由买方所在地区判断是否在{place_short}",
        "{value} rows: buyer inside {the_region} or not, from the buyer's region",
    ),
    "reason.derived_local_unknown": (
        "买方所在地缺失 {value} 行，按{place}外计",
        "buyer's location missing in {value} rows; counted as outside {the_region}",
    ),
    "reason.derived_patent_from_ip_type": (
        "{value} 行知识产权类型为专利但未列出专利号，计为涉专利合同",
        "{value} rows: IP type is patent but no patent numbers listed; counted as involving patents",
    ),
    "reason.derived_baseline_assumed": (
        "{value} 行有目标值但未填阶段目标和基线值：按基线 0（百分比为首次填报值）到目标值的直线进度判断",
        "{value} rows have a target but no milestone and no baseline: judged against a straight path "
        "from 0 (a percentage: its first reported value) to the target",
    ),
    "reason.derived_intensive_assumed": (
        "“专利密集型产品”未填写 {value} 行，按是计（计入专利密集型产品产值）",
        "patent-intensive status blank in {value} rows; counted as patent-intensive (in K3)",
    ),
    "reason.derived_local_from_institution": (
        "{value} 行对方为{local}单位，计为在{place_short}",
        "{value} rows: the counterparty is an institution of {the_region}, so inside {the_region}",
    ),
    "reason.derived_production_unknown": (
        "文件没有“是否投产”：{value} 项许可按未投产计，不计入专利产业化率",
        "the file has no in-production column: {value} licences count as not in production, "
        "so not as industrialized",
    ),
    "backup.busy": (
        "数据正在连续更新，未能复制，请稍后再试",
        "The data kept changing while it was copied; try again shortly",
    ),
    "backup.missing": ("找不到备份文件：{file}", "No backup file at {file}"),
    "backup.unreadable": (
        "备份文件 {file} 无法读取（已损坏或不是数据库文件）：{detail}",
        "The backup {file} cannot be read (damaged, or not a database file): {detail}",
    ),
    "backup.foreign": (
        "{file} 不是本系统制作的备份，未恢复",
        "{file} is not a backup made by this dashboard; nothing was restored",
    ),
    "backup.newer": (
        "备份 {file} 的数据结构版本 {version} 比本程序（{supported}）新，请先升级程序",
        "The backup {file} is of schema {version}, newer than this program's ({supported}): upgrade first",
    ),
    "resolve.pick_unknown": (
        "“{name}”：单位表中没有“{value}”（请填写已有单位的统一社会信用代码或完整名称）",
        "“{name}”: no institution “{value}” (write an existing institution's credit code or full name)",
    ),
    "resolve.create_incomplete": (
        "“{name}”：新建单位须选择单位类型和所在{division}",
        "“{name}”: a new institution needs its kind and {division}",
    ),
    "profile.builtin_delete": (
        "“{name}”是内置数据来源配置，不能删除",
        "“{name}” is a built-in source profile and cannot be deleted",
    ),
    "alias.code_unknown": (
        "“{name}”：没有统一社会信用代码为 {credit_code} 的单位",
        "“{name}”: no institution has the credit code {credit_code}",
    ),
    "alias.unknown": ("没有记下名称“{name}”", "no alias “{name}” is recorded"),
    "alias.name_empty": ("名称为空", "the name is empty"),
    "alias.is_institution": (
        "“{name}”是单位表中一个单位的名称，不能让它指向别的单位或不纳入统计",
        "“{name}” is an institution's own name; it cannot mean another institution or be untracked",
    ),
    "cli.unmatched_hint": (
        "请在“上传数据”页面处理以上名称，或用 aliases add 名称 统一社会信用代码（已有单位）、"
        "aliases exclude 名称（不纳入统计）记下后重新导入",
        "resolve these names on the upload page, or record them with `aliases add NAME CODE` (an "
        "existing institution) or `aliases exclude NAME` (not tracked) and import again",
    ),
    "profile.unknown": ("没有名为“{name}”的数据来源配置", "no source profile named “{name}”"),
    "profile.builtin_name": (
        "“{name}”是内置数据来源配置的名称，请另取一个名称",
        "“{name}” is the name of a built-in source profile; choose another name",
    ),
    "profile.file_invalid": (
        "不是本系统导出的数据来源配置文件",
        "not a source profile file exported by this dashboard",
    ),
    "ui.nav.upload": ("上传数据", "Upload"),
    "ui.nav.login": ("工作人员登录", "Staff login"),
    "ui.nav.history": ("导入记录", "Import history"),
    "ui.nav.audit": ("操作日志", "Audit log"),
    "ui.nav.export": ("数据导出", "Data export"),
    "ui.nav.quality": ("数据质量", "Data quality"),
    "ui.nav.records": ("溯源", "Records"),
    "ui.nav.report": ("部门填报", "Reporting"),
    "ui.nav.reporting": ("填报进度", "Reporting progress"),
    "ui.auth.login_needed": ("请先登录。", "Log in first."),
    "ui.report.no_period": (
        "目前没有开放填报的季度；知识产权办公室开放后即可填报。",
        "No quarter is open for reporting yet: the IP office opens one.",
    ),
    "ui.report.no_department": (
        "该账户尚未绑定任何部门，请联系知识产权办公室。",
        "This account reports for no department yet: ask the IP office.",
    ),
    "ui.report.period": ("填报季度", "Quarter"),
    "ui.report.period_label": ("{quarter}（截止 {due}）", "{quarter} (due {due})"),
    "ui.report.department": ("部门", "Department"),
    "ui.report.due": (
        "请于 {due} 前提交；逾期仍可提交，但会标记为逾期。",
        "Submit by {due}; later is still accepted, marked late.",
    ),
    "ui.report.past_due": (
        "已过截止日期 {due}：现在提交将标记为逾期。",
        "The due date {due} has passed: a submission now is marked late.",
    ),
    "ui.report.nothing": (
        "该部门本季度没有需要填报的指标。",
        "This department has no indicator to report for the quarter.",
    ),
    "ui.report.returned": (
        "知识产权办公室退回了本次填报：{comment}",
        "The IP office returned this report: {comment}",
    ),
    "ui.report.value": ("本季度数值（{unit}）", "This quarter's value ({unit})"),
    "ui.report.note": ("进展说明", "Progress note"),
    "ui.report.reason": (
        "原因（累计值下降或更正已通过的数值时必填）",
        "Reason (needed when a cumulative value falls, or to correct an accepted one)",
    ),
    "ui.report.save": ("保存草稿", "Save draft"),
    "ui.report.submit": ("提交审核", "Submit for review"),
    "ui.report.saved": (
        "草稿已保存；提交前不会计入任何数据。",
        "Draft saved: nothing counts until it is submitted and accepted.",
    ),
    "ui.report.submitted": (
        "已提交，等待知识产权办公室审核；审核通过后计入措施进展。",
        "Submitted: it counts on the measures page once the IP office accepts it.",
    ),
    "ui.report.how": (
        "数值按导入数据的同样规则检查（数字、非负、百分比不超过 100）。"
        "累计指标的数值低于上季度时需要写明原因。"
        "只有审核通过的数值才计入措施进展、总览和汇报；草稿、待审核和被退回的数值都不计入。",
        "Values are checked as an imported file's are (a number, not negative, a percentage at most 100). A "
        "cumulative value below last quarter's needs a reason. Only accepted values count on the measures "
        "page, the overview and the briefing; drafts, submissions and returned values never do.",
    ),
    "ui.reporting.enter_for": ("代部门填报", "Enter values for a department"),
    "ui.reporting.open": ("开放一个季度的填报", "Open a quarter for reporting"),
    "ui.reporting.quarter": ("季度（如 2026Q3）", "Quarter (e.g. 2026Q3)"),
    "ui.reporting.due": ("截止日期", "Due date"),
    "ui.reporting.open_button": ("开放填报", "Open"),
    "ui.reporting.opened": (
        "{quarter} 已开放填报，截止 {due}。",
        "{quarter} is open for reporting until {due}.",
    ),
    "ui.reporting.by_department": ("各部门填报进度", "By department"),
    "ui.reporting.by_measure": ("各措施填报进度", "By measure"),
    "ui.reporting.board_caption": (
        "{quarter} 填报，截止 {due}；状态截至 {today}，每 {seconds} 秒自动更新。"
        "逾期：截止日期后提交，或截止后仍未提交。",
        "{quarter}, due {due}; as of {today}, updated every {seconds} s. "
        "Late: submitted after the due date, or still not in after it.",
    ),
    "ui.reporting.late_mark": ("（逾期）", " (late)"),
    "ui.reporting.col.done": ("已提交指标", "Indicators in"),
    "ui.reporting.done_of": ("{done} / {fields} 项", "{done} of {fields}"),
    "ui.reporting.col.date": ("最近日期", "Last date"),
    "ui.reporting.col.measure": ("措施", "Measure"),
    "ui.reporting.measure_name": ("措施{measure} {name}", "Measure {measure}: {name}"),
    "ui.reporting.remind": ("催报", "Reminder"),
    "ui.reporting.remind_button": ("生成未报部门清单", "List the departments still to report"),
    "ui.reporting.remind_download": ("下载清单", "Download the list"),
    "ui.reporting.review": ("审核", "Review"),
    "ui.reporting.nothing_to_review": ("没有待审核的提交。", "Nothing is waiting for review."),
    "ui.reporting.comment": (
        "退回意见（退回时必填，填报人可见）",
        "Comment (needed to return; the reporter sees it)",
    ),
    "ui.reporting.accept": ("审核通过", "Accept"),
    "ui.reporting.return": ("退回修改", "Return"),
    "ui.reporting.accepted": (
        "已通过 {department} 的填报（导入批次 {batch}），已计入措施进展。",
        "Accepted {department}'s report (batch {batch}); it now counts on the measures page.",
    ),
    "ui.reporting.returned": ("已退回 {department} 的填报。", "Returned {department}'s report."),
    "ui.reporting.accounts": ("填报账户", "Reporter accounts"),
    "ui.reporting.username": ("用户名", "User name"),
    "ui.reporting.display_name": ("显示名称", "Display name"),
    "ui.reporting.password": ("初始密码（至少 10 个字符）", "Initial password (10 characters or more)"),
    "ui.reporting.departments": ("负责部门", "Departments"),
    "ui.reporting.add_account": ("新建填报账户", "Create the reporter account"),
    "ui.reporting.account_added": ("已新建填报账户 {username}。", "Reporter account {username} created."),
    "ui.reporting.col.active": ("状态", "State"),
    "ui.reporting.active": ("启用", "active"),
    "ui.reporting.inactive": ("停用", "disabled"),
    "ui.reporting.col.indicator": ("指标", "Indicator"),
    "ui.reporting.col.last": ("上季度", "Last quarter"),
    "ui.reporting.col.value": ("数值", "Value"),
    "ui.reporting.col.target": ("目标值", "Target"),
    "ui.reporting.col.note": ("进展说明", "Note"),
    "ui.reporting.col.reason": ("原因", "Reason"),
    "ui.reporting.col.status": ("状态", "Status"),
    "ui.reporting.col.submitted": ("提交日期", "Submitted"),
    "ui.reporting.col.quarter": ("季度", "Quarter"),
    "ui.reporting.col.source": ("来源（文件或部门填报）", "Source (file or department report)"),
    "ui.reporting.col.by": ("导入或审核人", "Loaded or accepted by"),
    "ui.reporting.col.submitted_by": ("填报人", "Reported by"),
    "ui.reporting.col.at": ("时间", "When"),
    "ui.reporting.col.current": ("版本", "Version"),
    "ui.reporting.current": ("现行", "current"),
    "ui.reporting.replaced": ("已被替换", "replaced"),
    "ui.reporting.field_caption": (
        "上季度 {last}；目标 {target}；单位 {unit}；{status}",
        "last quarter {last}; target {target}; unit {unit}; {status}",
    ),
    "ui.reporting.summary_part": ("{count} 个{state}", "{count} {state}"),
    "ui.reporting.summary": (
        "部门填报 {quarter}（截止 {due}）：{total} 个部门中 {parts}。只有审核通过的数值计入下方进展。",
        "Departments' reporting for {quarter} (due {due}): of {total} departments, {parts}. "
        "Only accepted values count below.",
    ),
    "ui.reporting.versions": ("数值版本（{count} 条）", "Value versions ({count})"),
    "ui.reporting.versions_caption": (
        "每一条是一次导入的文件或一次审核通过的部门填报；被后来的版本替换的仍保留在这里。",
        "Each row is an imported file or an accepted department report; values replaced since are kept here.",
    ),
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
    "table.county_rules": ("{division}实施细则", "{Division} implementation rules"),
    "table.events": ("宣讲与对接活动", "Briefings and matching events"),
    "table.targets": ("目标", "Targets"),
    "table.counties": ("{division}", "{Divisions}"),
    "table.areas": ("四大任务", "Task areas"),
    "table.measures": ("十二条措施", "The twelve measures"),
    "table.imports": ("导入记录", "Import history"),
    # --- records behind a KPI (views/records.py, ui/records_view.py) ---------------------------
    "ui.counties.records": ("溯源（该地指标背后的记录）：", "Records behind its figures:"),
    "ui.records.title": ("溯源：指标背后的记录", "Records behind a figure"),
    "ui.records.open": ("查看记录", "See the records"),
    "ui.records.choose": ("指标", "Figure"),
    "ui.records.stood.heading": ("当时与现在", "As it stood, and now"),
    "ui.records.stood.none": (
        "这一数字尚无记录。每次导入和撤销后，系统记录当日以及计划期内各年末和最近一个季度末的数字；"
        "更早的季度末不记录。",
        "No value of this figure is recorded yet. After each import and undo the dashboard records "
        "the figures of that day, of each year end of the plan period and of the last quarter end; "
        "older quarter ends are not recorded.",
    ),
    "ui.records.stood.on": ("当时的日期", "As it stood on"),
    "ui.records.stood.before_record": (
        "{on}：尚无记录（最早的记录在其后）；现为 {now}。",
        "{on}: nothing recorded yet (the record starts later); now {now}.",
    ),
    "ui.records.stood.same": (
        "{on} 时为 {then}（{recorded} 导入“{file}”后），与现在相同。",
        "On {on}: {then} (after {file} was imported at {recorded}), the same as now.",
    ),
    "ui.records.stood.changed": (
        "{on} 时为 **{then}**（{recorded} 导入“{file}”后）；现为 **{now}**：其后导入的数据修订了这一数字。",
        "On {on}: **{then}** (after {file} was imported at {recorded}); now **{now}**: data imported "
        "since revised it.",
    ),
    "ui.records.stood.changed_latest": (
        "{on} 的卡片显示 **{then}**（截至当日，{recorded} 导入“{file}”后）；今日为 **{now}**。",
        "The card on {on} read **{then}** (to that day, after {file} was imported at {recorded}); "
        "today it reads **{now}**.",
    ),
    "ui.records.stood.list": ("历次记录的数字（{n} 条）", "Every recorded value ({n})"),
    "ui.records.stood.undo": ("（撤销）", " (undone)"),
    "ui.records.stood.field.recorded_at": ("记录时间", "Recorded"),
    "ui.records.stood.field.file": ("导入文件", "Import"),
    "ui.records.stood.field.user": ("操作人", "By"),
    "ui.records.stood.field.value": ("数字", "Value"),
    "ui.records.stood.field.label": ("所用年度", "Year used"),
    "ui.records.activity.briefing": ("政策宣讲会", "Briefing"),
    "ui.records.activity.matching": ("转化对接活动", "Matching event"),
    "ui.records.field.activity_type": ("活动类型", "Kind"),
    "ui.records.field.participants": ("参加人数", "Participants"),
    "ui.records.field.deals": ("签约项数", "Deals"),
    "ui.records.field.deal_amount_10k": ("签约金额（万元）", "Deals (10k yuan)"),
    "ui.counties.metric_records": ("{metric}背后的记录（{count} 条）", "Records behind {metric} ({count})"),
    "ui.counties.metric_total": (
        "{county}{metric}：{value}，由以下 {count} 条记录得出（{period}）",
        "{county}, {metric}: {value}, from the {count} records below ({period})",
    ),
    "ui.records.rate": ("机构专利产业化率", "Institutions' industrialization rate"),
    "ui.records.institution": ("机构：{name}（{code}）", "Institution: {name} ({code})"),
    "ui.records.scope": ("范围：{county}｜{as_of}｜{data_as_of}", "Scope: {county} | {as_of} | {data_as_of}"),
    "ui.records.count": ("共 {count} 条记录", "{count} records"),
    "ui.records.count_shown": (
        "共 {count} 条记录，下面列出前 {shown} 条；下载包含全部记录",
        "{count} records; the first {shown} are listed below, the downloads hold them all",
    ),
    "ui.records.none": ("无", "none"),
    "ui.records.yes": ("是", "yes"),
    "ui.records.no": ("否", "no"),
    "ui.records.baseline_given": ("{baseline}（目标表给定）", "{baseline} (set in the targets table)"),
    "ui.records.total.K1": (
        "合计 {enterprises} 家企业（{filings} 件备案）：卡片上的 {value}",
        "{enterprises} enterprises ({filings} filings): the card's {value}",
    ),
    "ui.records.total.K2": (
        "合计 {filings} 件备案（{enterprises} 家企业）：卡片上的 {value}",
        "{filings} filings ({enterprises} enterprises): the card's {value}",
    ),
    "ui.records.total.K3": (
        "{year}年产值合计 {output}（{products} 件专利密集型产品）",
        "Output in {year}: {output} ({products} patent-intensive products)",
    ),
    "ui.records.total.K4": (
        "{industrialized} 件已产业化 ÷ {valid} 件有效专利 = {value}",
        "{industrialized} industrialized ÷ {valid} valid patents = {value}",
    ),
    "ui.records.total.K5": (
        "{year}年成交额 {turnover} ÷ {base_year}年基线 {baseline} − 1 = {value}",
        "Turnover {year}: {turnover} ÷ {base_year} baseline {baseline} − 1 = {value}",
    ),
    "ui.records.total.K5_annualized": (
        "{year}年截至所选日期成交额 {turnover}，年化后 ÷ {base_year}年基线 {baseline} − 1 = {value}",
        "Turnover {year} to the date: {turnover}, annualized, ÷ {base_year} baseline {baseline} − 1 "
        "= {value}",
    ),
    "ui.records.total.K5_none": (
        "尚无可比较的年度或基线为0：卡片显示暂无数据。",
        "No year to compare yet, or a baseline of 0: the card shows no data.",
    ),
    "ui.records.field.enterprise_code": ("企业统一社会信用代码", "Enterprise credit code"),
    "ui.records.field.enterprise": ("企业", "Enterprise"),
    "ui.records.field.kind": ("单位类型", "Kind"),
    "ui.records.field.county": ("{division}", "{Division}"),
    "ui.records.field.filing_no": ("备案号", "Filing no."),
    "ui.records.field.product_name": ("产品名称", "Product"),
    "ui.records.field.filing_date": ("备案日期", "Filed"),
    "ui.records.field.patent_intensive": ("专利密集型产品", "Patent-intensive"),
    "ui.records.field.batch_id": ("导入批次", "Import batch"),
    "ui.records.field.year": ("年度", "Year"),
    "ui.records.field.output_10k": ("年产值（万元）", "Output (10k yuan)"),
    "ui.records.field.app_no": ("申请号", "Application no."),
    "ui.records.field.title": ("名称", "Title"),
    "ui.records.field.patent_type": ("专利类型", "Patent type"),
    "ui.records.field.holders": ("专利权人", "Holders"),
    "ui.records.field.grant_date": ("授权日", "Granted"),
    "ui.records.field.lapse_date": ("失效日", "Lapsed"),
    "ui.records.field.event_type": ("产业化方式", "Industrialized by"),
    "ui.records.field.event_date": ("日期", "On"),
    "ui.records.field.counterparty": ("对方", "Counterparty"),
    "ui.records.field.industrialized": ("已产业化", "Industrialized"),
    "ui.records.field.contract_no": ("合同登记号", "Contract no."),
    "ui.records.field.contract_type": ("合同类型", "Contract type"),
    "ui.records.field.seller": ("卖方", "Seller"),
    "ui.records.field.buyer_name": ("买方", "Buyer"),
    "ui.records.field.registered_date": ("登记日期", "Registered"),
    "ui.records.field.turnover_10k": ("成交额（万元）", "Turnover (10k yuan)"),
    "ui.records.field.patents": ("涉及专利申请号", "Patents"),
    # --- data quality (views/quality.py, ui/quality_view.py) -------------------------------------
    "ui.quality.title": ("数据质量", "Data quality"),
    "ui.quality.scope": (
        "{county}｜{as_of}｜{data_as_of}。单位类型和专利类型筛选不适用：缺漏对每种筛选都是缺漏。",
        "{county} | {as_of} | {data_as_of}. The institution-kind and patent-type filters do not apply: "
        "a gap is a gap under every filter.",
    ),
    "ui.quality.intro": (
        "下列检查找出会影响指标的缺漏或存疑数据。选择一项查看对应记录，并按“如何补正”上传文件。",
        "These checks find missing or doubtful data that moves a figure. Choose one to see its records; "
        "mend it by uploading the file its row names.",
    ),
    "ui.quality.checks_heading": ("检查结果", "Checks"),
    "ui.quality.records_heading": ("记录明细", "Records"),
    "ui.quality.sources_heading": ("各数据源最近更新", "When each source was last loaded"),
    "ui.quality.choose": ("查看哪一项的记录", "Show the records of"),
    "ui.quality.records_count": ("共 {count}", "{count} in all"),
    "ui.quality.records_shown": (
        "共 {count}，下面列出前 {shown} 条；下载包含全部",
        "{count} in all; the first {shown} are listed below, the downloads hold them all",
    ),
    "ui.quality.records_none": ("这一项没有发现问题。", "This check found nothing."),
    "ui.quality.division_ignored": (
        "指标按全市（全省）填报，这一项不按{division}筛选。",
        "Indicators are reported for the whole region: this check is not narrowed by {division}.",
    ),
    "ui.quality.summary.none": (
        "数据质量：{checks} 项检查均未发现影响指标的缺漏。",
        "Data quality: none of the {checks} checks found a gap that moves a figure.",
    ),
    "ui.quality.summary.some": (
        "数据质量：{checks} 项检查中 {gaps} 项发现缺漏或存疑数据（{named}）。明细见工作人员的“数据质量”页。",
        "Data quality: {gaps} of {checks} checks found missing or doubtful data ({named}). Staff see the "
        "records on the Data quality page.",
    ),
    "ui.quality.never": ("未导入", "never loaded"),
    "ui.quality.fix": ("上传“{kind}”文件：{how}", "Upload a {kind} file: {how}"),
    "ui.quality.col.check": ("检查项", "Check"),
    "ui.quality.col.count": ("记录数", "Records"),
    "ui.quality.col.why": ("含义与影响", "What it means"),
    "ui.quality.col.moves": ("影响", "Moves"),
    "ui.quality.col.fix": ("如何补正", "How to mend it"),
    "ui.quality.col.source": ("数据源", "Source"),
    "ui.quality.col.updated": ("最近导入时间", "Last loaded"),
    "ui.quality.col.age": ("距今", "Age"),
    "ui.quality.col.batch": ("导入批次", "Import batch"),
    "ui.quality.col.file": ("文件名", "File"),
    "ui.quality.col.user": ("导入人", "Loaded by"),
    "ui.quality.moves.measures": ("四大任务", "Task areas"),
    "ui.quality.moves.contracts": ("本地买方占比", "share bought locally"),
    "ui.quality.chart.findings": ("各项检查发现的记录", "Records each check found"),
    "ui.quality.chart.findings_unit": ("记录数（单位见各条）", "Records (unit on each bar)"),
    "ui.quality.chart.subtitle": (
        "统计时点 {date}｜导入的全部数据｜{data_as_of}",
        "As of {date} | all loaded data | {data_as_of}",
    ),
    "ui.quality.chart.freshness": ("各数据源距最近一次导入的天数", "Days since each source was last loaded"),
    "ui.quality.chart.freshness_subtitle": (
        "截至 {date}｜导入记录｜虚线：{days} 天，超过即标为较旧",
        "On {date} | import log | dashed line: {days} days, older is drawn pale",
    ),
    "ui.quality.chart.days": ("天", "days"),
    "ui.quality.check.indicators_unreported": ("上季度未报指标", "Indicators not reported last quarter"),
    "ui.quality.check.patents_no_grant": ("专利缺授权日和法律状态", "Patents without grant date or status"),
    "ui.quality.check.patents_past_term": (
        "超过保护期仍计为有效的专利",
        "Patents past their term counted valid",
    ),
    "ui.quality.check.institutions_unplaced": ("单位缺区县或类型", "Institutions without a division or kind"),
    "ui.quality.check.credit_code_warning": ("信用代码校验位不符", "Credit codes failing their check"),
    "ui.quality.check.contracts_buyer_assumed": (
        "买方所在地为推定",
        "Contracts with an assumed buyer location",
    ),
    "ui.quality.check.filings_no_output": ("备案产品缺上年产值", "Filings without last year's output"),
    "ui.quality.count.indicators_unreported": ("{count} 项", "{count} indicators"),
    "ui.quality.count.patents_no_grant": ("{count} 件", "{count} patents"),
    "ui.quality.count.patents_past_term": ("{count} 件", "{count} patents"),
    "ui.quality.count.institutions_unplaced": ("{count} 家", "{count} institutions"),
    "ui.quality.count.credit_code_warning": ("{count} 家", "{count} institutions"),
    "ui.quality.count.contracts_buyer_assumed": ("{count} 件", "{count} contracts"),
    "ui.quality.count.filings_no_output": ("{count} 件", "{count} filings"),
    "ui.quality.why.indicators_unreported": (
        "最近一个已结束季度，措施的指标（此前报过的，或从未报过任何指标的措施）没有数值；该措施这一季显示暂无数据。",
        "In the latest ended quarter an indicator reported before (or a measure with no indicator at "
        "all) has no value: the measure shows no data for that quarter.",
    ),
    "ui.quality.why.patents_no_grant": (
        "申请已超过 3 年，既无授权日也无法律状态：K4 按未授权计，不计入有效专利；可能是文件漏了授权日。",
        "Filed more than 3 years ago with neither a grant date nor a legal status: K4 counts it as not "
        "granted, so not among the valid patents; the file may have left the grant date out.",
    ),
    "ui.quality.why.patents_past_term": (
        "自申请日起已超过法定保护期（发明20年、实用新型10年、外观设计10年，2021年6月1日起申请的15年），"
        "但没有失效日或失效状态：K4 仍按有效计。",
        "Past the statutory term from filing (invention 20 years, utility model 10, design 10, or 15 if "
        "filed from 2021-06-01) with no lapse date or lapsed status: K4 still counts it valid.",
    ),
    "ui.quality.why.institutions_unplaced": (
        "单位的区县不是本地区的区划，或类型不在名录类型之中：按区县和单位类型的数字都不包含它。",
        "The institution's division is not one of the region's, or its kind is not a known one: "
        "figures by division and by kind leave it out.",
    ),
    "ui.quality.why.credit_code_warning": (
        "统一社会信用代码的校验位不符，导入时已提示；同一单位可能以两个代码出现，被重复或漏计。",
        "The credit code's check character is wrong (the import warned): one institution may appear "
        "under two codes and be counted twice or missed.",
    ),
    "ui.quality.why.contracts_buyer_assumed": (
        "文件没有说明买方是否在本地，导入时推定为外地：本地买方占比可能偏低。",
        "The file did not say whether the buyer is local, so the import assumed outside: the share "
        "bought locally may be too low.",
    ),
    "ui.quality.why.filings_no_output": (
        "专利密集型备案产品在上一个完整年度没有产值记录：K3 按0计，不是暂无数据。",
        "A patent-intensive filed product has no output for the last complete year: K3 counts it as 0, "
        "not as no data.",
    ),
    "ui.quality.how.indicators_unreported": (
        "责任单位填报该季度的数值。",
        "the responsible department's value for that quarter.",
    ),
    "ui.quality.how.patents_no_grant": (
        "含“授权日”或“法律状态”列（CNIPA 检索或 incoPat、PatSnap 导出）。",
        "with a grant date or legal status column (a CNIPA search or an incoPat or PatSnap export).",
    ),
    "ui.quality.how.patents_past_term": (
        "含“失效日”或“法律状态”列的最新导出。",
        "a recent export with a lapse date or legal status column.",
    ),
    "ui.quality.how.institutions_unplaced": (
        "更正这些单位的“所在区县”和“单位类型”。",
        "with these institutions' division and kind corrected.",
    ),
    "ui.quality.how.credit_code_warning": (
        "核对后更正的统一社会信用代码（国家企业信用信息公示系统）。",
        "with the credit codes checked and corrected (the national enterprise credit register).",
    ),
    "ui.quality.how.contracts_buyer_assumed": (
        "含“买方是否在本地”或买方地区（行政区划代码）列的合同登记导出。",
        "a contract register export with a buyer-is-local or buyer region (code) column.",
    ),
    "ui.quality.how.filings_no_output": (
        "含该年度产值的专利产品备案文件。",
        "a filings file with that year's output.",
    ),
    "ui.quality.field.measure": ("措施编号", "Measure"),
    "ui.quality.field.measure_name": ("措施名称", "Measure name"),
    "ui.quality.field.indicator": ("指标名称", "Indicator"),
    "ui.quality.field.department": ("责任单位", "Department"),
    "ui.quality.field.last_quarter": ("最近填报季度", "Last reported quarter"),
    "ui.quality.field.app_no": ("申请号", "Application no."),
    "ui.quality.field.title": ("名称", "Title"),
    "ui.quality.field.patent_type": ("专利类型", "Patent type"),
    "ui.quality.field.filing_date": ("申请日/备案日", "Filed"),
    "ui.quality.field.grant_date": ("授权日", "Granted"),
    "ui.quality.field.term_end": ("保护期届满日", "Term ends"),
    "ui.quality.field.county": ("{division}", "{Division}"),
    "ui.quality.field.batch_id": ("导入批次", "Import batch"),
    "ui.quality.field.credit_code": ("统一社会信用代码", "Credit code"),
    "ui.quality.field.name": ("单位名称", "Institution"),
    "ui.quality.field.kind": ("单位类型", "Kind"),
    "ui.quality.field.contract_no": ("合同登记号", "Contract no."),
    "ui.quality.field.buyer_name": ("买方名称", "Buyer"),
    "ui.quality.field.registered_date": ("登记日期", "Registered"),
    "ui.quality.field.turnover_10k": ("成交额（万元）", "Turnover (10k yuan)"),
    "ui.quality.field.filing_no": ("备案号", "Filing no."),
    "ui.quality.field.product_name": ("产品名称", "Product"),
    "ui.quality.field.enterprise": ("企业", "Enterprise"),
    "ui.quality.field.output_year": ("缺产值年度", "Year without output"),
    "ui.history.title": ("导入记录", "Import history"),
    "ui.audit.title": ("操作日志", "Audit log"),
    "ui.audit.intro": (
        "工作人员的每项操作：登录（含失败）、导入、撤销、导出、汇报稿保存、冻结数据、账户变更、备份与恢复。"
        "命令行的操作记为“系统用户名 (cli)”。",
        "Every staff action: logins (failed ones too), imports, undos, exports, deck saves, freezes, "
        "account changes, backups and restores. Command-line actions show as “system user (cli)”.",
    ),
    "ui.audit.since": ("起始日期", "From"),
    "ui.audit.until": ("截止日期", "To"),
    "ui.audit.user": ("用户", "User"),
    "ui.audit.all_users": ("全部用户", "All users"),
    "ui.audit.actions": ("操作类型（不选为全部）", "Actions (none chosen: all)"),
    "ui.audit.all_actions": ("全部操作", "All actions"),
    "ui.audit.count": (
        "共 {rows} 条（最多显示 {limit} 条，最新的在前）",
        "{rows} entries (at most {limit}, newest first)",
    ),
    "ui.audit.empty": ("所选范围内没有操作记录。", "No entries in the chosen range."),
    "ui.audit.download": ("下载操作日志（CSV）", "Download the log (CSV)"),
    "ui.audit.col.happened_at": ("时间", "Time"),
    "ui.audit.col.username": ("用户", "User"),
    "ui.audit.col.action": ("操作", "Action"),
    "ui.audit.col.detail": ("详情", "Detail"),
    "ui.audit.col.client": ("来源地址", "From address"),
    "audit.login": ("登录", "Login"),
    "audit.login_failed": ("登录失败", "Failed login"),
    "audit.account_add": ("新建账户", "Account created"),
    "audit.account_password": ("修改密码", "Password changed"),
    "audit.account_disable": ("停用账户", "Account disabled"),
    "audit.account_enable": ("启用账户", "Account enabled"),
    "audit.import": ("导入数据", "Import"),
    "audit.names_resolved": ("名称匹配", "Names resolved"),
    "audit.undo": ("撤销导入", "Undo"),
    "audit.export": ("导出数据", "Export"),
    "audit.deck_save": ("保存汇报稿", "Deck saved"),
    "audit.deck_delete": ("删除汇报稿", "Deck deleted"),
    "audit.freeze": ("冻结数据", "Data frozen"),
    "audit.profile_save": ("保存列映射", "Profile saved"),
    "audit.profile_delete": ("删除列映射", "Profile deleted"),
    "audit.alias_save": ("保存名称别名", "Alias saved"),
    "audit.alias_delete": ("删除名称别名", "Alias deleted"),
    "audit.backup": ("备份", "Backup"),
    "audit.restore": ("恢复备份", "Restore"),
    "audit.reporter_departments": ("设置填报部门", "Reporter's departments set"),
    "audit.reporting_open": ("开放填报期", "Reporting period opened"),
    "audit.reporting_save": ("保存填报草稿", "Report draft saved"),
    "audit.reporting_submit": ("提交填报", "Report submitted"),
    "audit.reporting_accept": ("通过填报", "Report accepted"),
    "audit.reporting_return": ("退回填报", "Report returned"),
    # --- department reporting (data_layer.reporting) -------------------------------------
    "reporting.office_only": (
        "只有知识产权办公室的账户可以这样做",
        "only the IP office's accounts may do this",
    ),
    "reporting.not_yours": (
        "该账户不负责「{department}」的指标，不能查看或填报",
        "this account does not report for {department}: it may neither see nor enter its indicators",
    ),
    "reporting.department_unknown": (
        "指标数据中没有部门「{department}」",
        "the indicators name no department {department}",
    ),
    "reporting.no_department": ("请至少选择一个部门", "choose at least one department"),
    "reporting.quarter_invalid": ("季度「{quarter}」应写作 2026Q3", "write the quarter {quarter} as 2026Q3"),
    "reporting.period_unknown": ("{quarter} 尚未开放填报", "{quarter} is not open for reporting"),
    "reporting.not_a_number": ("「{indicator}」的数值不是数字", "the value of {indicator} is not a number"),
    "reporting.negative": ("「{indicator}」的数值不能为负数", "the value of {indicator} cannot be negative"),
    "reporting.percent_range": (
        "「{indicator}」是百分比，应在 0–100 之间",
        "{indicator} is a percentage: it must lie between 0 and 100",
    ),
    "reporting.falls_needs_reason": (
        "「{indicator}」是累计值，低于上季度（{last_quarter}：{last_value}）；请确认并填写原因",
        "{indicator} is cumulative and falls below last quarter's ({last_quarter}: {last_value}): "
        "confirm it with a reason",
    ),
    "reporting.correction_needs_reason": (
        "「{indicator}」已通过审核；更正需要填写原因",
        "{indicator} was accepted: a correction needs a reason",
    ),
    "reporting.value_missing": (
        "以下指标还没有数值：{indicator}",
        "these indicators have no value yet: {indicator}",
    ),
    "reporting.already_submitted": (
        "「{indicator}」已提交，正等待审核；退回后才能修改",
        "{indicator} is submitted and waiting for review: it can be changed once returned",
    ),
    "reporting.import_check": (
        "未通过导入检查（{column}）：{reason}",
        "the import's checks refused it ({column}): {reason}",
    ),
    "reporting.nothing_submitted": (
        "「{department}」没有待审核的提交",
        "{department} has no submission waiting for review",
    ),
    "reporting.state.late": ("逾期未报", "late"),
    "reporting.state.not_yet": ("未报", "not yet"),
    "reporting.state.returned": ("已退回", "returned"),
    "reporting.state.submitted": ("已提交", "submitted"),
    "reporting.state.accepted": ("已通过", "accepted"),
    "reporting.status.draft": ("草稿", "draft"),
    "reporting.status.submitted": ("已提交，待审核", "submitted, waiting for review"),
    "reporting.status.returned": ("已退回", "returned"),
    "reporting.status.accepted": ("已通过", "accepted"),
    "reporting.status.none": ("未填", "not entered"),
    "reporting.listed": ("措施{measure} {indicator}", "measure {measure}: {indicator}"),
    "reporting.list_sep": ("、", "; "),
    "reporting.remind.head": (
        "【填报提醒】{quarter} 指标填报截止日期为 {due}，以下 {count} 个部门尚未完成：",
        "[Reporting reminder] {quarter}'s indicators are due on {due}; "
        "{count} departments have not finished:",
    ),
    "reporting.remind.line": (
        "{n}. {department}（{state}），待报指标：{indicators}",
        "{n}. {department} ({state}), to report: {indicators}",
    ),
    "reporting.remind.tail": (
        "请于 {due} 前登录监测平台「部门填报」页面填报并提交。",
        "Please log in to the dashboard's Reporting page and submit by {due}.",
    ),
    "reporting.remind.none": (
        "{quarter} 各部门均已完成填报。",
        "Every department has reported for {quarter}.",
    ),
    "reporting.col.department": ("部门", "Department"),
    "reporting.col.state": ("状态", "State"),
    "reporting.col.indicators": ("指标", "Indicators"),
    "reporting.col.due": ("截止日期", "Due"),
    "reporting.comment_needed": (
        "退回时请写明原因，填报人会看到",
        "say why it is returned: the reporter sees it",
    ),
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
    "ui.login.no_browser_key": (
        "无法登录：此浏览器没有本站的登录凭据 Cookie。请允许本站使用 Cookie 并刷新页面；"
        "若仍如此，请管理员检查是否关闭了 server.enableXsrfProtection。",
        "Cannot log in: this browser holds no login cookie from this site. Allow cookies for "
        "this site and reload the page; if it persists, ask the administrator whether "
        "server.enableXsrfProtection was turned off.",
    ),
    "ui.upload.title": ("上传数据", "Upload data"),
    "ui.upload.recognized": ("识别为：{source}", "Recognized as: {source}"),
    "ui.upload.other_kind": (
        "此文件像是“{source}”，属于“{kind}”：请在上方“数据类别”中选择“{kind}”。",
        "This file looks like “{source}”, which is {kind}: choose {kind} as the kind of data above.",
    ),
    "ui.upload.constants": ("整个文件取固定值：{pairs}", "One value for the whole file: {pairs}"),
    "ui.upload.unused": ("未使用的列：{columns}", "Columns not used: {columns}"),
    "ui.upload.derived": ("推得与假定的值", "Values derived or assumed"),
    "ui.upload.how": ("说明", "How"),
    "ui.upload.derived_kind": ("类别", "Kind"),
    "ui.upload.assumed": ("假定（请核对）", "assumed (please check)"),
    "ui.upload.derived_rule": ("按规则推得", "derived by a rule"),
    "ui.mapping.title": ("列映射", "Column mapping"),
    "ui.mapping.help": (
        "为每个字段选择文件中提供它的列，或为整个文件取一个固定值；带 * 的为必填。"
        "未选择的字段按规则推得或留空。应用后重新校验；填写名称可保存为数据来源配置，"
        "以后表头相同的文件自动套用。",
        "For each field choose the file column that supplies it, or one value for the whole file; "
        "* marks required fields. Fields left out are derived by a rule or stay empty. Applying "
        "checks the file again; give a name to save it as a source profile, applied "
        "automatically to files with the same headers.",
    ),
    "ui.mapping.from_column": ("列：{header}", "column: {header}"),
    "ui.mapping.constant": ("固定值：{value}", "one value: {value}"),
    "ui.mapping.unused": ("（不使用）", "(not used)"),
    "ui.mapping.derived": ("（不使用：{rule}）", "(not used: {rule})"),
    "ui.mapping.rule.type_from_app_no": ("由申请号第5位推得", "from the application number"),
    "ui.mapping.rule.county_from_holder": (
        "取第一专利权人的{division}，或由地址推得",
        "the first holder's {division}, or from the address",
    ),
    "ui.mapping.rule.grant_from_status": ("由法律状态推得", "from the legal status"),
    "ui.mapping.rule.lapse_from_status": ("由法律状态推得", "from the legal status"),
    "ui.mapping.rule.local_from_region": (
        "由买方所在地区或行政区划代码推得",
        "from the buyer's region or region code",
    ),
    "ui.mapping.rule.from_name": ("由名称匹配单位", "matched from the name"),
    "ui.mapping.rule.local_from_institution": (
        "对方为{local}单位时计为在{place_short}",
        "inside if an institution of {the_region}",
    ),
    "ui.mapping.suggested_by_values": (
        "按该列的取值建议（列名未能识别）",
        "suggested from the column's values (its header is not a known one)",
    ),
    "ui.mapping.save_as": ("保存为数据来源配置（选填名称）", "Save as a source profile (name, optional)"),
    "ui.mapping.save_help": (
        "保存后，表头相同的文件上传时自动套用此映射；命令行可用 --profile 名称 指定。",
        "Files with the same headers then get this mapping automatically; "
        "the command line takes --profile NAME.",
    ),
    "ui.mapping.apply": ("应用映射并重新校验", "Apply the mapping and check again"),
    "ui.mapping.unsaved": ("本次映射", "this mapping"),
    "ui.mapping.saved": ("已保存数据来源配置“{name}”", "Saved source profile “{name}”"),
    "ui.names.title": ("名称匹配：{count} 个名称未对应到单位", "Names: {count} match no institution"),
    "ui.names.help": (
        "文件以名称写出的专利权人、卖方或企业，须对应到单位表中的单位。请逐个确认："
        "在“对应已有单位”中填写已有单位的名称或统一社会信用代码（如曾用名、简称）；"
        "或选择“新建单位”并确认类型和{division}；或“不纳入统计”（个人、市外单位）。"
        "选择会被记住，以后的文件不再询问。",
        "Holders, sellers and enterprises written by name must match an institution. For each: "
        "write an existing institution's name or credit code under “Existing institution” (a "
        "former or short name); or choose “Create institution” and check its kind and {division}; or "
        "“Not tracked” (a person, an institution outside {the_region}). Choices are remembered.",
    ),
    "ui.names.create": ("新建单位", "Create institution"),
    "ui.names.exclude": ("不纳入统计", "Not tracked"),
    "ui.names.col.name": ("文件中的名称", "Name in the file"),
    "ui.names.col.rows": ("出现行数", "Rows"),
    "ui.names.col.row": ("首次出现行", "First row"),
    "ui.names.col.action": ("处理", "Decision"),
    "ui.names.col.kind": ("单位类型", "Kind"),
    "ui.names.col.county": ("所在{division}", "{Division}"),
    "ui.names.col.code": ("统一社会信用代码（新建时选填）", "Credit code (new, optional)"),
    "ui.names.col.pick": ("对应已有单位", "Existing institution"),
    "ui.names.col.same_name": ("名称相同的已有单位", "Institutions of the same name"),
    "ui.names.pick_help": (
        "填写单位表中已有单位的完整名称或统一社会信用代码；填写后即按“对应已有单位”处理",
        "an existing institution's full name or credit code; filled in, it is used",
    ),
    "ui.names.code_help": (
        "不知道时留空：系统给该单位一个本地编号（NC-…），日后可在单位名录中补上代码",
        "leave blank if unknown: the institution gets a local id (NC-…) until its code is known",
    ),
    "ui.names.apply": ("保存名称匹配并重新校验", "Keep these decisions and check again"),
    "ui.names.done": (
        "已记住 {count} 个名称的处理，新建单位 {created} 家",
        "{count} decisions remembered, {created} institutions created",
    ),
    "ui.names.create_failed": (
        "新建单位未能导入：{reasons}",
        "The new institutions could not be loaded: {reasons}",
    ),
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
    "ui.upload.same_file": (
        "此文件与批次 {batch} 导入的文件完全相同，且此后数据没有任何变化，无需再导入。",
        "This file is the one batch {batch} loaded, and nothing has changed the data since: "
        "there is nothing to load.",
    ),
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
    "kind.county_rules": ("{division}实施细则", "{Division} implementation rules"),
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
    "template.synonyms": ("；也可写作：{values}", "; also written: {values}"),
    "template.data_sheet": ("数据", "Data"),
    "template.notes_sheet": ("填写说明", "Notes"),
    "format.text": ("文字", "text"),
    "format.ident": (
        "编号（文字；长数字请设为文本格式，勿让 Excel 改写为科学计数法）",
        "a record number (text; keep long numbers as text so Excel does not rewrite them as 2.02E+15)",
    ),
    "format.name": (
        "单位名称，与单位表中的名称或已记住的别名匹配",
        "an institution's name, matched to the institutions",
    ),
    "format.names": (
        "一个或多个单位名称，以 ; ； | 或 、 分隔，与单位表匹配",
        "one or more institution names separated by ; ； | or 、, matched to the institutions",
    ),
    "format.date": (
        "日期，如 2024-03-05、2024/3/5、2024年3月5日；不能晚于今天",
        "a date such as 2024-03-05 or 2024/3/5; not in the future",
    ),
    "format.amount": (
        "非负数，单位见列名（万元），可带千分位逗号",
        "a non-negative number in the header's unit (10k yuan)",
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
    "format.region": (
        "本系统所监测地区（{place}）的行政区划代码或名称；留空即为{place}",
        "the adcode or name of the region this deployment follows ({place}); blank means {place}",
    ),
    "format.county": ("{division}名称或行政区划代码", "{division} name or adcode"),
    "format.quarter": ("季度，如 2025Q1 或 2025年第1季度", "a quarter such as 2025Q1"),
    "format.measure": ("措施编号 1–12", "measure number 1-12"),
    "format.enum": ("从下列取值中选一", "one of the values listed"),
    # --- accounts ----------------------------------------------------------------------------
    "account.username_empty": ("用户名不能为空", "the user name is empty"),
    "account.username_taken": ("该用户名已存在", "that user name is taken"),
    "account.role_unknown": (
        "角色只能是 reporter、staff 或 admin",
        "the role must be reporter, staff or admin",
    ),
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
    "undo.batch_of_another": (
        "这一批是其他人导入的，只能由导入人或管理员撤销",
        "someone else imported this batch: only they or an admin may undo it",
    ),
    "undo.batch_superseded": (
        "之后的导入又修改了这批数据，请先撤销之后的导入",
        "a later import changed the same rows; undo that one first",
    ),
    # --- KPIs --------------------------------------------------------------------------------
    "kpi.K1": ("专利产品备案企业数", "Enterprises with patent-product filings"),
    "kpi.K2": ("备案产品数", "Filed products"),
    "kpi.K3": ("专利密集型产品产值", "Output of patent-intensive products"),
    "kpi.K4": ("{based}高校、科研院所专利产业化率", "Univ. & institute industrialization rate"),
    "kpi.K5": ("涉专利技术合同成交额", "Patent-related contract turnover"),
    "kpi.formula.K1": (
        "截至所选日期，至少有一件专利产品备案的不同企业数。",
        "Distinct enterprises with at least one patent-product filing up to the date.",
    ),
    "kpi.formula.K2": ("截至所选日期的专利产品备案件数。", "Patent-product filings up to the date."),
    "kpi.formula.K3": (
        "已备案专利密集型产品的年产值（万元）之和，按年计；目标为逐年提升。",
        "Sum of the annual output value (10k yuan) of filed patent-intensive products, per year; "
        "the target is a rise every year.",
    ),
    "kpi.formula.K4": (
        "{based}高校、科研院所：已产业化的有效专利数 ÷ 持有的有效专利数。"
        "目标为基线年末的比率加上目标规定的百分点。",
        "Universities and research institutes in {place}: industrialized valid patents ÷ valid "
        "patents held. Target: the rate at the end of the baseline year plus the target's points.",
    ),
    "kpi.formula.K5": (
        "涉及专利的已登记技术合同成交额（万元），按年合计；与基线年相比的增长率。",
        "Turnover (10k yuan) of registered technology contracts involving patents, per year; growth "
        "on the baseline year.",
    ),
    "kpi.rule.K1.distinct": (
        "同一企业有多件备案只计一家（按统一社会信用代码）。",
        "An enterprise with several filings counts once (by credit code).",
    ),
    "kpi.rule.K1.any_filer": (
        "市属国有企业及其他有备案的单位都计为企业。",
        "City state-owned enterprises, and any other institution with a filing, count as enterprises.",
    ),
    "kpi.rule.K1.division": (
        "按企业所在{division}统计。",
        "A {division}'s figure counts its own enterprises.",
    ),
    "kpi.rule.K2.each_filing": (
        "每个备案编号计一件，同一企业的多件产品分别计。",
        "Each filing number counts once; one enterprise's products count separately.",
    ),
    "kpi.rule.K2.division": (
        "按备案企业所在{division}统计。",
        "A {division}'s figure counts the filings of its enterprises.",
    ),
    "kpi.rule.K3.intensive_only": (
        "只计标注为专利密集型产品的备案。",
        "Only filings marked as patent-intensive products count.",
    ),
    "kpi.rule.K3.complete_years": (
        "只计截至所选日期已结束的年度；卡片显示最近一个完整年度。",
        "Only years ended by the date count; the card shows the latest complete year.",
    ),
    "kpi.rule.K3.late_filing": (
        "某年的产值包含截至所选日期已备案产品的该年产值：晚备案的产品会修订以往年份的数字。",
        "A year's output includes that year's output of every product filed by the date: a late "
        "filing revises past years' figures.",
    ),
    "kpi.rule.K3.empty_year": (
        "已有产品填报某年产值、而本范围没有专利密集型产品产值的，该年记为0，不是暂无数据。",
        "A year the filings hold output for, with no patent-intensive output in this scope, counts as "
        "0, not as no data.",
    ),
    "kpi.rule.K3.division": (
        "按备案企业所在{division}统计。",
        "A {division}'s figure counts the products of its enterprises.",
    ),
    "kpi.rule.K4.valid_on_date": (
        "有效专利指截至该日已授权且未失效。",
        "Valid means granted by the date and not lapsed on it.",
    ),
    "kpi.rule.K4.joint_once": (
        "多家高校院所共有的专利只计一次。",
        "A patent held jointly by several institutions counts once.",
    ),
    "kpi.rule.K4.transfer_stays": (
        "已转让的专利仍计入申请时的专利权人。",
        "A transferred patent stays with the institution that filed it.",
    ),
    "kpi.rule.K4.division": (
        "按专利权人所在{division}统计。",
        "A {division}'s figure counts the patents of its institutions.",
    ),
    "kpi.event.implementation": ("自行实施", "An implementation"),
    "kpi.event.transfer": ("转让", "A transfer"),
    "kpi.event.license": ("许可", "A licence"),
    "kpi.event.pledge": ("质押", "A pledge"),
    "kpi.event_rule.always": (
        "{event}计为已产业化，无论是否标注投产。",
        "{event} counts as industrialized, whether or not marked as put into production.",
    ),
    "kpi.event_rule.in_production": (
        "{event}仅在已投产时计为已产业化。",
        "{event} counts as industrialized only once put into production.",
    ),
    "kpi.event_rule.never": ("{event}不计为产业化。", "{event} never counts as industrialized."),
    "kpi.rule.K5.involves_patent": (
        "涉及专利指合同列出专利申请号，或知识产权类型为专利。",
        "Involving patents means a patent number listed, or the IP type patent.",
    ),
    "kpi.rule.K5.latest_complete_year": (
        "增长率取基线之后最近一个完整年度。",
        "The growth is that of the latest complete year after the baseline.",
    ),
    "kpi.rule.K5.annualized": (
        "只有在基线之后尚无完整年度时，才按当年年化值计算，并注明“年化”。",
        "Only while no complete year after the baseline exists is this year annualized, and labelled so.",
    ),
    "kpi.rule.K5.empty_year": (
        "合同登记中已有某年合同、而本范围没有涉专利合同的，该年成交额记为0（增长−100%），不是暂无数据。",
        "A year the register holds contracts for, with none involving patents in this scope, counts "
        "as 0 (growth −100%), not as no data.",
    ),
    "kpi.rule.K5.division": (
        "按卖方所在{division}统计。",
        "A {division}'s figure counts the contracts of its sellers.",
    ),
    "status.met": ("已达标", "Met"),
    "status.met_late": ("逾期达标", "Met after deadline"),
    "status.on_track": ("进度正常", "On track"),
    "status.behind": ("滞后", "Behind"),
    "status.no_data": ("暂无数据", "No data"),
    "status.no_target": ("无目标", "No target"),
    "status.missed": ("未达标", "Missed"),
    # --- pages -----------------------------------------------------------------------------
    "ui.app_title": ("{app_title}", "{app_title}"),
    "ui.tab_title": ("{page} · {tab}", "{page} · {tab}"),
    "ui.nav.overview": ("总览", "Overview"),
    "ui.nav.briefing": ("汇报模式", "Briefing"),
    "ui.nav.measures": ("四大任务", "Task areas"),
    "ui.nav.institutions": ("高校院所", "Institutions"),
    "ui.nav.counties": ("{division}", "{Divisions}"),
    "ui.nav.filings": ("备案与合同", "Filings & contracts"),
    "ui.nav.method": ("指标说明", "Method"),
    # The label of the button that opens the folded sidebar (ui.theme.menu_css).
    "ui.nav.menu_pages": ("页面与筛选", "Pages & filters"),
    "ui.nav.menu_filters": ("筛选", "Filters"),
    "ui.sample_marker": ("示例数据", "Sample data"),
    "ui.sample_help": (
        "当前展示的是虚构的示例数据，不代表真实情况。导入真实数据后此标记消失。",
        "These are fictional sample data, not real figures. The marker goes once real data is imported.",
    ),
    "ui.data_as_of": ("数据截至 {date}", "Data as of {date}"),
    "ui.no_data_yet": ("尚无数据。请先导入数据。", "No data yet. Import data first."),
    "ui.filter.language": ("语言", "Language"),
    "ui.filter.county": ("{division}", "{Division}"),
    "ui.filter.period": ("统计时点", "As of"),
    "ui.county.all": ("{whole}", "{Whole}"),
    "ui.filter.inst_kind": ("单位类型", "Institution kind"),
    "ui.filter.patent_type": ("专利类型", "Patent type"),
    "ui.inst_kind.all": ("全部单位", "All institutions"),
    "ui.inst_kind.academic": ("高校和科研院所", "Universities and institutes"),
    "ui.inst_kind.university": ("高校", "Universities"),
    "ui.inst_kind.research_institute": ("科研院所", "Research institutes"),
    "ui.inst_kind.city_soe": ("市属国有企业", "City state enterprises"),
    "ui.inst_kind.enterprise": ("企业", "Enterprises"),
    "ui.patent_type.all": ("全部类型", "All types"),
    "ui.patent_type.invention": ("发明", "Invention"),
    "ui.patent_type.utility_model": ("实用新型", "Utility model"),
    "ui.patent_type.design": ("外观设计", "Design"),
    "ui.overview.filters_why": (
        "规划目标按规定口径计算（K4 只含高校和科研院所，各指标含全部专利类型）",
        "the plan's targets have fixed definitions (K4 covers universities and institutes, all "
        "indicators all patent types)",
    ),
    "ui.filter.not_applied": (
        "本页不按{names}筛选：{why}",
        "This page is not narrowed by {names}: {why}",
    ),
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
    "ui.overview.summary": ("{n} 项目标：{parts}", "{n} targets: {parts}"),
    "ui.overview.summary.part": ("{n} 项{status}", "{n} {status}"),
    "ui.overview.statuses": ("各项目标状态", "Status of each target"),
    "ui.overview.formulas": ("指标口径", "How each indicator is computed"),
    # A province's overview ranks its cities on each KPI (each bar opens the city's detail).
    "ui.overview.ranking.heading": ("各{division}指标排名", "{Divisions} ranked on each indicator"),
    "ui.overview.ranking.title": ("{kpi}：各{division}排名", "{kpi}: {divisions} ranked"),
    "ui.overview.ranking.whole": ("{whole}", "{Whole}"),
    "ui.overview.ranking.period": ("指标期：{period}", "Period: {period}"),
    "ui.overview.ranking.note": (
        "每个{division}的数值按与{whole}卡片相同的口径计算；点击排名条，查看该{division}详情。",
        "Each {division}'s value is computed as the {region}'s card is; click a bar to see that "
        "{division} in detail.",
    ),
    "ui.kpi.revised": (
        "{date} 首次记录时为 {value}；其后导入的数据修订了它（见“查看记录”）",
        "First recorded on {date} as {value}; data imported since revised it (see the records)",
    ),
    "ui.kpi.as_stood": (
        "{year}年末时为 {value}；此后补备案的产品修订了该年数字",
        "At the end of {year}: {value}; products filed since have revised it",
    ),
    "ui.chart.k3_revised": ("柱：截至所选日期已备案产品（含补备案）", "bars: products filed by the date"),
    "ui.chart.k3_as_stood": ("当年年末时的数字", "As it stood at the year's end"),
    "ui.kpi.target.exceed": ("目标：超过 {target}", "Target: more than {target}"),
    "ui.kpi.target.rising": ("目标：逐年提升", "Target: rising every year"),
    "ui.kpi.rising.yes": (
        "{year}年比上年增长 {change}，逐年提升：是",
        "{year} up {change} on the year before; rising every year: yes",
    ),
    "ui.kpi.rising.no": (
        "{year}年比上年 {change}，逐年提升：否",
        "{year} {change} on the year before; rising every year: no",
    ),
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
    # --- briefing mode (views/briefing.py) ---------------------------------------------------
    "ui.briefing.title": ("汇报模式", "Briefing mode"),
    "ui.briefing.scope": ("范围：{county}｜统计时点：{as_of}", "Scope: {county} | Period: {as_of}"),
    "ui.briefing.default_deck": (
        "默认汇报（总览、四大任务、高校院所、{division}）",
        "Default deck (overview, areas, institutions, {divisions})",
    ),
    "ui.briefing.deck": ("汇报内容", "Deck"),
    "ui.briefing.data": ("数据版本", "Data"),
    "ui.briefing.data_help": (
        "冻结后，汇报期间即使有人上传新数据，幻灯片上的数字也不会变化。",
        "Frozen data does not change during the briefing, even if someone uploads a file.",
    ),
    "ui.briefing.live": ("实时数据", "Live data"),
    "ui.briefing.frozen_at": ("数据冻结于 {time}", "Data frozen at {time}"),
    "ui.briefing.freeze": ("冻结当前数据", "Freeze the data now"),
    "ui.briefing.freezing": ("正在复制当前数据……", "Copying the current data…"),
    "ui.briefing.snapshot_gone": (
        "冻结的数据版本 {id} 已不存在（可能已被清理），现显示实时数据。",
        "The frozen data {id} no longer exists (it may have been cleaned up); showing live data.",
    ),
    "ui.briefing.missing_slides": (
        "此汇报中的幻灯片 {ids} 已不再提供，已略过。",
        "Slides {ids} of this deck are no longer offered and are left out.",
    ),
    "ui.briefing.start": ("开始汇报", "Start presenting"),
    "ui.briefing.pptx": ("导出 PPTX", "Export PPTX"),
    "ui.briefing.pptx_file": ("{deck}_汇报_{date}.pptx", "{deck}_briefing_{date}.pptx"),
    "ui.briefing.keys_hint": (
        "汇报时：→ / PageDown 下一页，← / PageUp 上一页，Esc 退出。",
        "While presenting: → / PageDown next, ← / PageUp previous, Esc to leave.",
    ),
    "ui.briefing.slides_heading": ("幻灯片（{n} 张）", "Slides ({n})"),
    "ui.briefing.col.number": ("序号", "No."),
    "ui.briefing.col.slide": ("幻灯片", "Slide"),
    "ui.briefing.col.message": ("要点", "Key message"),
    "ui.briefing.col.order": ("顺序", "Order"),
    "ui.briefing.col.shown": ("包含", "Included"),
    "ui.briefing.preview": ("预览并单独下载图表", "Preview and download one chart"),
    "ui.briefing.png": ("下载 PNG", "Download PNG"),
    "ui.briefing.svg": ("下载 SVG", "Download SVG"),
    "ui.briefing.edit_heading": ("调整汇报内容", "Edit the deck"),
    "ui.briefing.login_to_save": (
        "工作人员登录后可调整顺序、删减幻灯片并按名称保存。",
        "Staff can reorder, trim and save decks by name after logging in.",
    ),
    "ui.briefing.deck_name": ("保存为（名称）", "Save as (name)"),
    "ui.briefing.save": ("保存汇报", "Save deck"),
    "ui.briefing.delete": ("删除“{name}”", "Delete “{name}”"),
    "ui.briefing.refused.name_empty": ("请填写汇报名称。", "Give the deck a name."),
    "ui.briefing.refused.name_too_long": ("名称最多 40 个字。", "The name can be at most 40 characters."),
    "ui.briefing.refused.no_slides": ("至少要包含一张幻灯片。", "Include at least one slide."),
    "ui.briefing.refused.unknown_slide": ("包含未知的幻灯片。", "The deck holds an unknown slide."),
    "ui.briefing.previous": ("◀ 上一页", "◀ Previous"),
    "ui.briefing.next": ("下一页 ▶", "Next ▶"),
    "ui.briefing.leave": ("退出汇报", "Leave"),
    "ui.briefing.export_unavailable": (
        "无法生成图片：{detail}",
        "Images cannot be made: {detail}",
    ),
    "ui.briefing.export_off": (
        "本服务器暂时无法生成图片和演示文稿，请联系管理员。",
        "Images and the deck cannot be made on this server at the moment; please ask the administrator.",
    ),
    "ui.briefing.deck.title": (
        "{place}专利转化运用专项行动 · {deck}",
        "{place} patent transformation action · {deck}",
    ),
    "ui.briefing.deck.made_on": ("制作日期 {date}", "Made on {date}"),
    "ui.briefing.deck.source": (
        "来源：{place}专利转化运用专项行动监测平台",
        "Source: {place} patent transformation action monitor",
    ),
    "ui.briefing.deck.source_of": ("来源：{source}", "Source: {source}"),
    "ui.briefing.deck.numbers": ("图表数据（{period}）：", "Numbers behind the chart ({period}):"),
    # --- briefing slides (ui/slides.py) -----------------------------------------------------
    "ui.slides.kpis.name": ("五项目标进展", "Progress on the five targets"),
    "ui.slides.kpis.source": ("专利、备案、合同及目标数据", "patents, filings, contracts and targets"),
    "ui.slides.kpis.unit": (
        "完成目标的百分比（%，点线为目标）；逐年提升的指标以比上年增减判断",
        "share of target reached (%, dotted mark: the target); a rising target is judged on the year before",
    ),
    "ui.slides.kpis.count": ("{status} {n} 项", "{status}: {n}"),
    "ui.slides.kpis.message": ("{n} 项目标中，{parts}", "Of {n} targets: {parts}"),
    "ui.slides.list_sep": ("、", ", "),
    "ui.slides.kpi.no_data": ("{name}暂无数据", "{name}: no data yet"),
    "ui.slides.kpi.no_target": ("{name} {value}，未设目标", "{name} {value}; no target set"),
    "ui.slides.kpi.reached": (
        "{name} {value}，已达到 {target}目标",
        "{name} {value}, target of {target} reached",
    ),
    "ui.slides.kpi.exceeded": (
        "{name} {value}，已超过 {target}目标",
        "{name} {value}, more than the {target} target",
    ),
    "ui.slides.kpi.met_late": (
        "{name} {value}，逾期达标：截止日（{deadline}）时为 {at_deadline}，未超过 {target}目标，此后已达到",
        "{name} {value}, met after the deadline: {at_deadline} on {deadline}, short of the {target} "
        "target then, reached since",
    ),
    "ui.slides.kpi.rising_up": (
        "{name} {value}，比{year}年（{previous}）增长 {change}，保持逐年提升",
        "{name} {value}, {change} on {year} ({previous}): rising every year",
    ),
    "ui.slides.kpi.rising_down": (
        "{name} {value}，比{year}年（{previous}）{change}，未能保持逐年提升",
        "{name} {value}, {change} on {year} ({previous}): not rising every year",
    ),
    "ui.slides.kpi.growth_reached": (
        "{name}较基期增长 {value}，已达到增长 {target} 的目标",
        "{name} grew {value} on the base year, reaching the {target} target",
    ),
    "ui.slides.kpi.growth_short": (
        "{name}较基期增长 {value}，距增长 {target} 的目标还差 {gap}",
        "{name} grew {value} on the base year, {gap} short of the {target} target",
    ),
    "ui.slides.kpi.growth_missed": (
        "{name}较基期增长 {value}，截止日（{deadline}）未达到增长 {target} 的目标，还差 {gap}",
        "{name} grew {value} on the base year: the {target} target was missed at the deadline "
        "({deadline}), {gap} short",
    ),
    "ui.slides.kpi.on_track": (
        "{name} {value}，距 {target}目标还差 {gap}，按当前进度可望达成",
        "{name} {value}, {gap} short of {target}, on track to reach it",
    ),
    "ui.slides.kpi.short": (
        "{name} {value}，距 {target}目标还差 {gap}",
        "{name} {value}, {gap} short of the {target} target",
    ),
    "ui.slides.kpi.missed": (
        "{name} {value}，截止日（{deadline}）未达到 {target}目标，还差 {gap}",
        "{name} {value}: the {target} target was missed at the deadline ({deadline}), {gap} short",
    ),
    "ui.slides.rising": ("逐年提升", "rising every year"),
    "ui.slides.rising_test": ("比上年 {change}", "{change} on the year before"),
    "ui.slides.share": ("目标的 {share}", "{share} of target"),
    "ui.slides.more_than": ("超过{target}", "more than {target}"),
    "ui.slides.points": ("{value} 个百分点", "{value} percentage points"),
    "ui.slides.area.message": (
        "{n} 项举措，{quarter}：{parts}",
        "{n} measures in {quarter}: {parts}",
    ),
    "ui.slides.institutions.name": ("高校院所专利产业化率", "Industrialization rate by institution"),
    "ui.slides.institutions.message": (
        "{kind}专利产业化率 {rate}，较 {year} 年末 {change} 个百分点；最高为{best}（{best_rate}）",
        "{kind}: industrialization rate {rate}, {change} points on {year}; highest {best} ({best_rate})",
    ),
    "ui.slides.institutions.message_no_change": (
        "{kind}专利产业化率 {rate}；最高为{best}（{best_rate}）",
        "{kind}: industrialization rate {rate}; highest {best} ({best_rate})",
    ),
    "ui.slides.institutions.no_rates": ("{kind}暂无可计算的产业化率", "{kind}: no rate can be computed yet"),
    "ui.slides.counties.name": ("{division}对比", "{Divisions} compared"),
    "ui.slides.counties.message": (
        "{metric}{whole}合计 {total}，{best}最多（{value}）",
        "{metric}: {total} across {the_region}, most in {best} ({value})",
    ),
    "ui.slides.filings.name": ("专利产品备案", "Patent-product filings"),
    "ui.slides.filings.message": (
        "{scope}累计备案产品 {filings}，涉及企业 {enterprises}",
        "{scope}: filed products {filings}, from {enterprises}",
    ),
    "ui.slides.contracts.name": ("技术合同中涉及专利的份额", "Share of contracts involving patents"),
    "ui.slides.contracts.message": (
        "技术合同成交额 {turnover}，其中涉及专利 {patent}（占 {share}）",
        "Contract turnover {turnover}, of which {patent} involves patents ({share})",
    ),
    "ui.slides.on_date": ("截至 {date}", "as of {date}"),
    "ui.slides.until": ("截至 {date} 累计", "cumulative to {date}"),
    "ui.slides.span": ("{start} 至 {end}", "{start} to {end}"),
    "ui.slides.source_line": ("来源：{source}｜{data_as_of}", "Source: {source} | {data_as_of}"),
    "ui.slides.col.period": ("时期", "Period"),
    "ui.slides.col.value": ("数值", "Value"),
    "ui.slides.col.kpi": ("指标", "Indicator"),
    "ui.slides.col.target": ("目标", "Target"),
    "ui.slides.col.share": ("完成比例", "Share of target"),
    "ui.slides.col.status": ("状态", "Status"),
    "ui.slides.col.measure": ("举措", "Measure"),
    "ui.slides.col.institution": ("单位", "Institution"),
    "ui.slides.col.county": ("{division}", "{Division}"),
    "ui.slides.col.year": ("年份", "Year"),
    "ui.slides.col.filings": ("新增备案", "New filings"),
    "ui.slides.col.turnover": ("合同成交额", "Contract turnover"),
    "ui.slides.col.patent_turnover": ("涉专利成交额", "Patent-related turnover"),
    "ui.chart.unit": ("单位：{unit}", "Unit: {unit}"),
    # A chart's text alternative for screen readers (ui/chart_text.py), never shown.
    "ui.chart_text.chart": ("图表：{title}", "Chart: {title}"),
    "ui.chart_text.untitled": ("图表", "Chart"),
    "ui.chart_text.long": (
        "共 {count} 个数据点，首个 {first}，最后 {last}，最低 {low}，最高 {high}",
        "{count} points, first {first}, last {last}, lowest {low}, highest {high}",
    ),
    "ui.chart_text.grid": (
        "{rows} 行 × {columns} 列的网格，行从 {first_row} 到 {last_row}，"
        "列从 {first_column} 到 {last_column}",
        "a grid of {rows} rows by {columns} columns, rows {first_row} to {last_row}, "
        "columns {first_column} to {last_column}",
    ),
    "ui.chart_text.cells": ("；各格：{counts}", "; cells: {counts}"),
    "ui.chart_text.cell_count": ("{cell} {count} 格", "{cell} {count}"),
    "ui.chart_text.no_data": ("暂无数据", "no data"),
    "ui.chart_text.constant": ("均为 {value}", "{value} throughout"),
    "unit.家": ("家", "enterprises"),
    "unit.件": ("件", "items"),
    "unit.万元": ("万元", "10k yuan"),
    "unit.亿元": ("亿元", "100M yuan"),
    "unit.项": ("项", "items"),
    "unit.场": ("场", "events"),
    "unit.天": ("天", "days"),
    # Industries as filings and institutions name them (ui.filings_view.industry_label): the
    # sample data's and common ones. A word not listed is shown as written.
    "industry.家电": ("家电", "Home appliances"),
    "industry.绿色钢铁": ("绿色钢铁", "Green steel"),
    "industry.钢铁": ("钢铁", "Steel"),
    "industry.石化": ("石化", "Petrochemicals"),
    "industry.海洋装备": ("海洋装备", "Marine equipment"),
    "industry.水产食品": ("水产食品", "Aquatic food"),
    "industry.南药": ("南药", "Southern Chinese medicinal herbs"),
    "industry.糖业": ("糖业", "Sugar"),
    "industry.新能源": ("新能源", "New energy"),
    "industry.电子信息": ("电子信息", "Electronics and IT"),
    "industry.羽绒制品": ("羽绒制品", "Down products"),
    "industry.饲料": ("饲料", "Animal feed"),
    "industry.港口": ("港口", "Ports"),
    "industry.港口物流": ("港口物流", "Port logistics"),
    "industry.造纸": ("造纸", "Paper"),
    "industry.生物医药": ("生物医药", "Biomedicine"),
    "industry.现代农业": ("现代农业", "Modern agriculture"),
    # --- measures page (views/measures.py): keys ui.measures.* ---------------------------
    "ui.measures.title": ("四大任务与十二条措施", "Four task areas, twelve measures"),
    "ui.measures.scope": (
        "统计时点：{as_of}｜季度：{first} 至 {last}｜{data_as_of}",
        "As of {as_of} | Quarters {first} to {last} | {data_as_of}",
    ),
    "ui.measures.not_applied_names": (
        "{division}、单位类型、专利类型",
        "{division}, institution kind or patent type",
    ),
    "ui.measures.not_applied_why": (
        "各措施的指标由责任单位按季度填报，均为{whole}口径。"
        "“由数据计算”的数字按{division}筛选，注明处也按专利类型筛选。",
        "the measures' indicators are {region}-wide quarterly reports by the responsible departments. "
        "The figures computed from the data follow the {division} filter, and the patent type where noted.",
    ),
    "ui.measures.kind_not_applied_names": ("单位类型", "institution kind"),
    "ui.measures.kind_not_applied_why": (
        "由数据计算的每个数字有各自固定的统计对象（如措施1为高校和科研院所、措施2为市属国有企业）。",
        "each computed figure has its own population (measure 1 universities and institutes, "
        "measure 2 city state enterprises, ...).",
    ),
    "ui.measures.heatmap.title": ("各措施季度进展", "Each measure, quarter by quarter"),
    "ui.measures.heatmap.hint": (
        "点击方格或在下方选择措施，查看该措施的指标、责任单位和进展说明。",
        "Click a cell, or choose a measure below, to see its indicators, departments and notes.",
    ),
    "ui.measures.heatmap.hover": (
        "{name}<br>{quarter}：{status}<br>已填报指标 {reported}/{known}：{counts}",
        "{name}<br>{quarter}: {status}<br>Indicators reported {reported}/{known}: {counts}",
    ),
    "ui.measures.deadline": ("规划截止", "Plan deadline"),
    "ui.measures.chart.path": ("计划进度", "Plan path"),
    "ui.measures.source.reported": ("各责任单位季度填报", "quarterly reports of the responsible departments"),
    "ui.measures.source.department": ("{department}填报", "reported by {department}"),
    "ui.measures.pick": ("查看措施", "Show measure"),
    "ui.measures.pick.all": ("全部措施", "All measures"),
    "ui.measures.back": ("返回全部措施", "Back to all measures"),
    "ui.measures.download_grid": ("下载各措施季度状态", "Download the quarterly statuses"),
    "ui.measures.download_indicators": ("下载指标明细", "Download the indicator table"),
    "ui.measures.area_heading": ("任务{label}：{name}", "Area {label}: {name}"),
    "ui.measures.measure_heading": ("措施{number}　{name}", "Measure {number}: {name}"),
    "ui.measures.badge": ("最新季度 {quarter}：{status}", "Latest quarter {quarter}: {status}"),
    "ui.measures.departments": ("责任单位：{names}", "Responsible: {names}"),
    "ui.measures.note": ("{indicator}（{quarter}说明）：{note}", "{indicator} ({quarter} note): {note}"),
    "ui.measures.note_none": ("{indicator}：暂无进展说明", "{indicator}: no status note yet"),
    "ui.measures.chart.subtitle": ("{period}｜数据截至 {date}", "{period} | Data as of {date}"),
    "ui.measures.chart.source": ("来源：{source}", "Source: {source}"),
    "ui.measures.chart.period": ("{start}–{end}，按季度", "{start}–{end}, quarterly"),
    "ui.measures.no_indicators": (
        "截至该时点，尚无该措施的指标填报。",
        "No indicator has been reported for this measure by this date.",
    ),
    "ui.measures.chart.value": ("完成值", "Value"),
    "ui.measures.chart.no_value": ("该季度缺数据", "no report this quarter"),
    "ui.measures.indicator_table": ("指标明细", "Indicator values"),
    "ui.measures.col.measure": ("措施编号", "Measure"),
    "ui.measures.col.name": ("措施名称", "Measure name"),
    "ui.measures.col.indicator": ("指标名称", "Indicator"),
    "ui.measures.col.quarter": ("季度", "Quarter"),
    "ui.measures.col.unit": ("单位", "Unit"),
    "ui.measures.col.value": ("数值", "Value"),
    "ui.measures.col.target": ("目标值", "Target"),
    "ui.measures.col.expected": ("当季计划进度", "Plan path this quarter"),
    "ui.measures.col.status": ("状态", "Status"),
    "ui.measures.col.department": ("责任单位", "Department"),
    "ui.measures.col.note": ("进展说明", "Status note"),
    "ui.measures.computed": ("由数据计算", "Computed from the data"),
    "ui.measures.computed_scope": (
        "依据专利、运用事件、备案和合同数据，截至 {as_of}｜{county}｜{patent_type}",
        "From the patent, event, filing and contract records, as of {as_of} | {county} | {patent_type}",
    ),
    "ui.measures.since": ("{since} 起累计", "Since {since}"),
    "ui.measures.not_by_type": ("不按专利类型筛选", "Not narrowed by patent type"),
    "ui.measures.computed_none": (
        "专利、备案和合同数据不直接反映该措施，仅展示责任单位填报的指标。",
        "The patent, filing and contract data do not speak for this measure; only the departments' "
        "reports are shown.",
    ),
    "ui.measures.fig.academic_rate": (
        "高校院所专利产业化率",
        "Industrialization rate, universities and institutes",
    ),
    "ui.measures.fig.academic_rate.help": (
        "与总览K4口径相同：{based}高校、科研院所持有的有效专利中，已由专利权人实施、已转让或已许可且投产的比例。"
        "按单位所在{division}筛选；不按专利类型筛选。",
        "Same formula as K4 on the overview: of the valid patents held by universities and institutes, "
        "the share implemented by a holder, transferred, or licensed and in production. Narrowed by the "
        "institution's {division}, not by patent type.",
    ),
    "ui.measures.fig.academic_deals": ("高校院所转让、许可专利数", "Patents transferred or licensed by them"),
    "ui.measures.fig.academic_deals.help": (
        "规划期起至统计时点，由高校、科研院所（运用事件中的专利权人）转让或许可的专利，按件去重。"
        "按该单位所在{division}和专利类型筛选。",
        "Distinct patents that universities and institutes (the holder named on the event) transferred "
        "or licensed from the start of the plan period to the date; by the institution's {division} and "
        "patent type.",
    ),
    "ui.measures.fig.soe_rate": ("市属国企专利产业化率", "Industrialization rate, city state enterprises"),
    "ui.measures.fig.soe_rate.help": (
        "K4口径用于市属国有企业：其持有的有效专利中已实施、已转让或已许可且投产的比例。"
        "按企业所在{division}筛选；不按专利类型筛选。",
        "The K4 formula applied to city state-owned enterprises: share of their valid patents implemented, "
        "transferred, or licensed and in production. By the enterprise's {division}, not by patent type.",
    ),
    "ui.measures.fig.soe_industrialized": ("市属国企已产业化有效专利", "Their industrialized valid patents"),
    "ui.measures.fig.soe_industrialized.help": (
        "上述比率的分子：市属国有企业已产业化的有效专利数（件）。",
        "The numerator of that rate: industrialized valid patents of city state enterprises.",
    ),
    "ui.measures.fig.filed_products": ("备案产品数", "Filed products"),
    "ui.measures.fig.filed_products.help": (
        "与K2口径相同：截至统计时点的专利产品备案数。按企业所在{division}筛选；一件产品可关联多种专利，不按专利类型筛选。",
        "Same as K2: patent-product filings up to the date. "
        "By the enterprise's {division}; a product may link "
        "patents of several types, so not by patent type.",
    ),
    "ui.measures.fig.filing_enterprises": ("备案企业数", "Filing enterprises"),
    "ui.measures.fig.filing_enterprises.help": (
        "与K1口径相同：截至统计时点至少有一项专利产品备案的企业数。按企业所在{division}筛选。",
        "Same as K1: enterprises with at least one patent-product "
        "filing up to the date. By their {division}.",
    ),
    "ui.measures.fig.local_licensed": ("许可给本地企业的专利", "Patents licensed to local enterprises"),
    "ui.measures.fig.local_licensed.help": (
        "规划期起至统计时点，许可给{place_short}本地企业的专利，按件去重。数据中没有企业规模，"
        "以“对方在{place_short}、且为企业（非高校院所、市属国企或个人）”近似中小企业，其中也含大型企业。"
        "按受让/被许可企业所在{division}、专利类型筛选。",
        "Distinct patents licensed to enterprises in {place} from the start of the plan period. The data "
        "carry no enterprise size, so a local counterparty that is an enterprise (not a university, "
        "institute, city state enterprise or individual) stands in for an SME; large firms count too. "
        "By the receiving enterprise's {division} and by patent type.",
    ),
    "ui.measures.fig.local_transferred": ("转让给本地企业的专利", "Patents transferred to local enterprises"),
    "ui.measures.fig.local_transferred.help": (
        "同上，事件类型为转让。",
        "As above, for transfers.",
    ),
    "ui.measures.fig.pledges": ("专利质押登记数", "Patent pledges"),
    "ui.measures.fig.pledges.help": (
        "规划期起至统计时点的专利质押事件数。按出质人（专利权人）所在{division}、专利类型筛选。",
        "Patent pledge events from the start of the plan period to the date. By the pledger's (holder's) "
        "{division} and by patent type.",
    ),
    "ui.measures.fig.pledge_amount": ("质押融资金额", "Amount pledged"),
    "ui.measures.fig.pledge_amount.help": (
        "上述质押事件登记金额之和（万元）。",
        "Sum of the amounts (10k yuan) registered with those pledges.",
    ),
    "ui.measures.fig.pledge_enterprises": ("出质单位数", "Pledgers"),
    "ui.measures.fig.pledge_enterprises.help": (
        "上述质押事件中不同的出质人（专利权人）数。",
        "Distinct pledgers (holders) among those pledges.",
    ),
    "ui.measures.how": ("状态与计算口径", "How statuses and figures are defined"),
    "ui.measures.method": (
        "**措施进展状态**（四大任务页）。各措施的指标由责任单位按季度填报，全部为数量、金额或比率，"
        "数值越高越好。状态用语与总览页相同。\n\n"
        "- 每个指标每季度按规划进度判断，而不是只与期末目标比：规划截止日之前，达到期末目标值为“已达标”，"
        "达到当季计划进度为“进度正常”，低于计划进度为“滞后”。计划进度经过规划起始日的基线值、"
        "责任单位填写的各季度阶段目标和截止日的目标值，其间按直线推算；填有阶段目标的季度即与该阶段目标比较。\n"
        "- 截止日所在季度及以后：达到目标值为“已达标”（截止日所在季度未达到、之后才达到的为“逾期达标”），"
        "否则为“未达标”。\n"
        "- 基线值未填时：数量和金额按 0 计（各单位自规划起始日累计填报），百分比以首次填报值为起点；"
        "导入时会提示哪些行按此假定判断。既无目标值也无阶段目标的行为“无目标”。\n"
        "- 每项措施每季度：取其已判断指标中最差的状态，顺序为 未达标 > 滞后 > 进度正常 > 逾期达标 > 已达标；"
        "只有“无目标”指标时为“无目标”；该季度没有任何指标填报为“暂无数据”。\n"
        "- 只显示统计时点前已结束的季度，自规划期首季度（或更早的首次填报季度）起；点线标出规划截止日。"
        "指标为{whole}口径，不按{division}、单位类型、专利类型筛选。",
        "**Measure status** (task areas page). Departments report each measure's indicators every "
        "quarter; all are counts, amounts or rates, where higher is better. The status words are the "
        "overview's.\n\n"
        "- Each indicator in each quarter is judged against the plan's path, not the end target alone: "
        "before the plan's deadline, reaching the end target is *met*, reaching the quarter's point on the "
        "path is *on track*, short of it is *behind*. The path runs from the baseline at the plan's start "
        "through each quarter milestone the department set to the target at the deadline, in straight "
        "lines between them; a quarter with its own milestone is judged against that milestone.\n"
        "- In the deadline's quarter and after: reaching the target is *met* (*met after deadline* when "
        "the deadline's quarter fell short and a later one reached it), otherwise *missed*.\n"
        "- Without a baseline, counts and amounts start from 0 (departments report them cumulatively "
        "from the plan's start) and a percentage from its first reported value; the import says which "
        "rows are judged on that assumption. A row with neither target nor milestone has *no target*.\n"
        "- Each measure in each quarter: the worst status among its judged indicators, in the order "
        "missed > behind > on track > met after deadline > met; *no target* only when no indicator is "
        "judged; *no data* when none is reported that quarter.\n"
        "- Only quarters that ended by the chosen date are shown, from the plan's first quarter (or an "
        "earlier first report); a dotted line marks the plan's deadline. The indicators are {region}-wide: "
        "{division}, institution kind and patent type do not narrow them.",
    ),
    "ui.measures.method_computed": (
        "**由数据计算的措施数字**：措施1 高校院所专利产业化率（K4口径）与其转让、许可专利数；"
        "措施2 市属国企专利产业化率及已产业化有效专利；措施4 备案产品数与备案企业数（K2、K1口径）；"
        "措施6 许可、转让给本地企业的专利；措施12 专利质押登记数、质押融资金额与出质单位数。"
        "事件类数字自规划期起始日累计至统计时点；均按{division}筛选，注明处按专利类型筛选"
        "（专利类型取自申请号的类型位，导入时已核对与“专利类型”一致）。",
        "**Measure figures computed from the data**: measure 1, the industrialization rate of universities "
        "and institutes (K4) and the patents they transferred or licensed; measure 2, the rate and "
        "industrialized valid patents of city state enterprises; measure 4, filed products and filing "
        "enterprises (K2, K1); measure 6, patents licensed and transferred to local enterprises; measure "
        "12, patent pledges, the amount pledged and the pledgers. Event counts run from the start of the "
        "plan period to the date; all follow the {division} filter, and the patent type where noted (read "
        "off the application number's kind digit, which the import checks against the patent type column).",
    ),
    # --- institutions page (views/institutions.py): keys ui.institutions.* ------------------
    "ui.institutions.title": ("高校院所专利产业化", "Institutions: patent industrialization"),
    "ui.institutions.scope": (
        "范围：{kind}｜{county}｜{patent_type}｜统计时点：{as_of}｜{data_as_of}",
        "Scope: {kind} | {county} | {patent_type} | As of {as_of} | {data_as_of}",
    ),
    "ui.institutions.kind_switch": ("单位类型", "Institution kind"),
    "ui.institutions.default_kind": (
        "未选择单位类型时，本页显示高校和科研院所（即K4指标的统计范围）。",
        "With no institution kind chosen, this page shows universities and research institutes "
        "(the population of K4).",
    ),
    "ui.institutions.metric.rate": ("产业化率", "Industrialization rate"),
    "ui.institutions.metric.valid": ("有效专利", "Valid patents"),
    "ui.institutions.metric.industrialized": ("已产业化专利", "Industrialized patents"),
    "ui.institutions.metric.institutions": ("单位数", "Institutions"),
    "ui.institutions.metric.no_valid": ("无有效专利", "no valid patents"),
    "ui.institutions.vs_baseline": ("较{year}年末", "on the end of {year}"),
    "ui.institutions.pp": ("{value} 个百分点", "{value} pp"),
    "ui.institutions.routes_line": (
        "其中自行实施 {implementation}、转让 {transfer}、许可并投产 {license}",
        "of which implemented {implementation}, transferred {transfer}, licensed into production {license}",
    ),
    "ui.institutions.ranking_heading": ("产业化率排名", "Ranking by industrialization rate"),
    "ui.institutions.formula_heading": ("计算口径", "How the rate is computed"),
    "ui.institutions.formula": (
        "**产业化率 = 已产业化的有效专利数 ÷ 持有的有效专利数 × 100%**\n\n"
        "- 有效专利：截至统计时点已授权且未失效。\n"
        "- 已产业化：截至统计时点由专利权人自行实施、已转让，或已许可且投产，且仍有效。\n"
        "- 共有专利在每个共有单位各计一次，在合计中只计一次；转让后的专利仍计入原申请单位。\n"
        "- 一件专利经多种方式产业化时，在“已产业化”中只计一次，在每种方式中各计一次，"
        "因此各方式之和可能大于已产业化数。\n"
        "- 没有有效专利的单位没有产业化率，显示为“—”，排在最后。\n"
        "- 与K4指标口径相同；基线为{year}年末的产业化率，变化以百分点计。",
        "**Industrialization rate = industrialized valid patents ÷ valid patents held × 100%**\n\n"
        "- Valid: granted and not lapsed on the date.\n"
        "- Industrialized: by the date implemented by the holder, transferred, or licensed and put "
        "into production, and still valid.\n"
        "- A jointly held patent counts once for each holder and once in a total; a transferred "
        "patent stays with the institution that filed it.\n"
        "- A patent industrialized by several routes counts once as industrialized and once in each "
        "route, so the routes can add up to more than the industrialized count.\n"
        "- An institution without valid patents has no rate (shown as “—”) and is listed last.\n"
        "- The same definition as K4; the baseline is the rate at the end of {year}, changes are "
        "in percentage points.",
    ),
    "ui.institutions.click_hint": (
        "点击条形、散点或表格中的一行，查看该单位的详情。",
        "Click a bar, a point or a table row to open that institution's detail.",
    ),
    "ui.institutions.no_rates": (
        "所选范围内的单位都没有有效专利，没有可比较的产业化率。",
        "No institution in the chosen scope holds a valid patent: there is no rate to compare.",
    ),
    "ui.institutions.no_institutions": (
        "所选范围内没有此类单位。",
        "There are no institutions of this kind in the chosen scope.",
    ),
    "ui.institutions.period_on": ("截至{date}", "as of {date}"),
    "ui.institutions.source_line": ("来源：{source}｜{data_as_of}", "Source: {source} | {data_as_of}"),
    "ui.institutions.period_years": ("{start}年末至{end}，按年末", "end of {start} to {end}, at year ends"),
    "ui.institutions.chart.ranking": ("产业化率前{n}名", "Top {n} by industrialization rate"),
    "ui.institutions.chart.scatter": (
        "有效专利数与产业化率",
        "Valid patents held and industrialization rate",
    ),
    "ui.institutions.chart.scatter_x": ("有效专利（件）", "Valid patents (items)"),
    "ui.institutions.chart.scatter_x_log": ("有效专利（件，对数刻度）", "Valid patents (items, log scale)"),
    "ui.institutions.chart.trend": ("{kind}总体产业化率", "{kind}: overall industrialization rate"),
    "ui.institutions.chart.inst_trend": ("产业化率（按年末）", "Industrialization rate at year ends"),
    "ui.institutions.chart.patents": ("专利：按类型和申请年份", "Patents by type and filing year"),
    "ui.institutions.chart.baseline": ("{year}年末基线", "End-of-{year} baseline"),
    "ui.institutions.chart.target": ("K4 目标 {rate}", "K4 target {rate}"),
    "ui.institutions.chart.hover": (
        "产业化率 {rate}<br>已产业化 {industrialized} / 有效 {valid}<br>较基线 {change}",
        "Rate {rate}<br>Industrialized {industrialized} of {valid} valid<br>Change on baseline {change}",
    ),
    "ui.institutions.table_heading": ("全部单位", "All institutions"),
    # English only: the page shows institutions' names as they are registered.
    "ui.institutions.names_in_chinese": (
        "单位名称按登记名称显示。",
        "Institution names are shown in Chinese, as registered.",
    ),
    "ui.institutions.show_all": ("显示全部 {n} 家单位", "Show all {n} institutions"),
    "ui.institutions.col.name": ("单位名称", "Institution"),
    "ui.institutions.col.kind": ("单位类型", "Kind"),
    "ui.institutions.col.county": ("所在{division}", "{Division}"),
    "ui.institutions.col.credit_code": ("统一社会信用代码", "Credit code"),
    "ui.institutions.col.valid": ("有效专利（件）", "Valid patents (items)"),
    "ui.institutions.col.industrialized": ("已产业化（件）", "Industrialized (items)"),
    "ui.institutions.col.implementation": ("自行实施（件）", "Implemented (items)"),
    "ui.institutions.col.transfer": ("转让（件）", "Transferred (items)"),
    "ui.institutions.col.license": ("许可并投产（件）", "Licensed, in production (items)"),
    "ui.institutions.col.rate": ("产业化率（%）", "Rate (%)"),
    "ui.institutions.col.baseline_rate": ("{year}年末产业化率（%）", "Rate end of {year} (%)"),
    "ui.institutions.col.change_pp": ("较{year}年末变化（个百分点）", "Change on end of {year} (pp)"),
    "ui.institutions.route.implementation": ("自行实施", "Implemented"),
    "ui.institutions.route.transfer": ("转让", "Transfer"),
    "ui.institutions.route.license": ("许可", "Licence"),
    "ui.institutions.detail.back": ("返回排名", "Back to the ranking"),
    "ui.institutions.detail.unknown": (
        "没有统一社会信用代码为 {code} 的单位。",
        "There is no institution with credit code {code}.",
    ),
    "ui.institutions.detail.caption": (
        "{kind}｜{county}｜统一社会信用代码 {code}｜统计时点：{as_of}｜{data_as_of}",
        "{kind} | {county} | Credit code {code} | As of {as_of} | {data_as_of}",
    ),
    "ui.institutions.detail.why": ("详情只针对这一家单位", "the detail is about one institution"),
    "ui.institutions.detail.contracts_why": (
        "技术合同不区分专利类型",
        "technology contracts are not divided by patent type",
    ),
    "ui.institutions.detail.patents_heading": ("专利", "Patents"),
    "ui.institutions.detail.patents_note": (
        "截至统计时点已申请的全部专利，含未授权和已失效的。",
        "Every patent filed by the date, including those not granted or lapsed.",
    ),
    "ui.institutions.detail.no_patents": ("截至统计时点没有专利。", "No patents by the date."),
    "ui.institutions.detail.deals_heading": ("转让与许可", "Transfers and licences"),
    "ui.institutions.detail.deals_note": (
        "许可未投产的也列出，但不计入产业化率。",
        "Licences not put into production are listed too but do not count towards the rate.",
    ),
    "ui.institutions.detail.no_deals": (
        "截至统计时点没有转让或许可记录。",
        "No transfers or licences by the date.",
    ),
    "ui.institutions.detail.deal_summary": (
        "{place}：{deals} 笔（转让 {transfers}，许可 {licenses}），金额 {amount}",
        "{place}: {deals} (transfers {transfers}, licences {licenses}), amount {amount}",
    ),
    "ui.institutions.place.local": ("{place}内", "In {place}"),
    "ui.institutions.place.outside": ("{place}外", "Outside {place}"),
    "ui.institutions.place.unknown": ("未注明", "Not stated"),
    "ui.institutions.col.date": ("日期", "Date"),
    "ui.institutions.col.app_no": ("申请号", "Application no."),
    "ui.institutions.col.patent": ("专利名称", "Patent"),
    "ui.institutions.col.route": ("方式", "Route"),
    "ui.institutions.col.in_production": ("已投产", "In production"),
    "ui.institutions.col.counterparty": ("受让方或被许可方", "Assignee or licensee"),
    "ui.institutions.col.place": ("所在地", "Where"),
    "ui.institutions.col.amount": ("金额（万元）", "Amount (10k yuan)"),
    "ui.institutions.yes": ("是", "yes"),
    "ui.institutions.no": ("否", "no"),
    "ui.institutions.detail.contracts_heading": ("作为卖方的技术合同", "Technology contracts as seller"),
    "ui.institutions.detail.no_contracts": (
        "截至统计时点没有作为卖方登记的技术合同。",
        "No technology contracts registered as seller by the date.",
    ),
    "ui.institutions.metric.contracts": ("合同数", "Contracts"),
    "ui.institutions.metric.turnover": ("合同成交额", "Turnover"),
    "ui.institutions.col.registered": ("登记日期", "Registered"),
    "ui.institutions.col.contract_no": ("合同登记号", "Contract no."),
    "ui.institutions.col.title": ("合同名称", "Title"),
    "ui.institutions.col.contract_type": ("合同类型", "Type"),
    "ui.institutions.col.buyer": ("买方", "Buyer"),
    "ui.institutions.col.turnover": ("合同成交额（万元）", "Turnover (10k yuan)"),
    "ui.institutions.col.tech_amount": ("技术交易额（万元）", "Technology amount (10k yuan)"),
    "ui.institutions.col.patents": ("涉及专利（件）", "Patents (items)"),
    "ui.institutions.contract_type.development": ("技术开发", "Development"),
    "ui.institutions.contract_type.transfer": ("技术转让", "Transfer"),
    "ui.institutions.contract_type.license": ("技术许可", "Licence"),
    "ui.institutions.contract_type.consulting": ("技术咨询", "Consulting"),
    "ui.institutions.contract_type.service": ("技术服务", "Service"),
    # --- counties page (views/counties.py): keys ui.counties.* -------------------------------
    "ui.counties.title": ("{division}对比", "{Divisions}"),
    "ui.counties.scope": (
        "范围：{whole}{count}个{division}｜统计时点：{as_of}｜{data_as_of}",
        "Scope: the {count} {divisions} | As of {as_of} | {data_as_of}",
    ),
    "ui.counties.metric": ("地图与排名指标", "Measure on the map and ranking"),
    "ui.counties.metric.filings": ("专利产品备案数", "Patent-product filings"),
    "ui.counties.metric.enterprises": ("备案企业数", "Filing enterprises"),
    "ui.counties.metric.turnover": ("涉专利技术合同成交额", "Patent-related contract turnover"),
    "ui.counties.metric.patents_per_10k": ("每万人有效专利", "Valid patents per 10,000 people"),
    "ui.counties.metric.industrialization": ("专利转化运用事件", "Patent use events"),
    "ui.counties.metric.events": ("宣讲会与对接活动", "Briefings and matching events"),
    "ui.counties.metric.rules": ("实施细则印发", "Implementation rules issued"),
    "ui.counties.formula.filings": (
        "所在{division}企业的专利产品备案件数（按备案企业所在{division}），规划期开始至统计时点。",
        "Patent-product filings by enterprises in the {division} (the filing enterprise's {division}), "
        "from the start of the plan period to the date.",
    ),
    "ui.counties.formula.enterprises": (
        "至少有一件专利产品备案的不同企业数（按企业所在{division}），规划期开始至统计时点。",
        "Distinct enterprises with at least one patent-product filing (the enterprise's {division}), "
        "from the start of the plan period to the date.",
    ),
    "ui.counties.formula.turnover": (
        "涉及专利的已登记技术合同成交额（万元），按卖方所在{division}，规划期开始至统计时点。",
        "Turnover (10k yuan) of registered technology contracts "
        "involving patents, by the seller's {division}, "
        "from the start of the plan period to the date.",
    ),
    "ui.counties.formula.patents_per_10k": (
        "统计时点的有效专利数（已授权且未失效，按专利所在{division}）÷ "
        "{division}常住人口（万人，2020年第七次人口普查）。"
        "人口为0时不计算。",
        "Valid patents on the date (granted, not lapsed; the patent's {division}) ÷ resident population "
        "(10,000 people, 2020 census). Not computed when the population is 0.",
    ),
    "ui.counties.formula.industrialization": (
        "专利实施、转让、许可、质押事件数（按专利所在{division}），规划期开始至统计时点。",
        "Implementation, transfer, licence and pledge events of patents (the patent's {division}), "
        "from the start of the plan period to the date.",
    ),
    "ui.counties.formula.events": (
        "政策宣讲会和转化对接活动场次（按举办{division}），规划期开始至统计时点。",
        "Policy briefings and transformation matching events held in the {division}, from the start of "
        "the plan period to the date.",
    ),
    "ui.counties.formula.rules": (
        "{division}是否已印发专利转化运用专项行动实施细则，以及印发日期；统计时点之后印发的不计。",
        "Whether the {division} has issued its implementation rules for the special action, and when; "
        "rules issued after the date do not count.",
    ),
    "ui.counties.window_note": (
        "累计类指标统计 {start} 至 {end}（规划期开始以来）；每万人有效专利和实施细则为统计时点状态。",
        "Counts and amounts run from {start} to {end} (since the plan period began); valid patents "
        "per 10,000 people and the rules are as they stood on the date.",
    ),
    "ui.counties.subtitle": (
        "{period}<br>来源：{source}<br>{data_as_of}",
        "{period}<br>Source: {source}<br>{data_as_of}",
    ),
    "ui.counties.window": ("{start} 至 {end} 累计", "{start} to {end}, cumulative"),
    "ui.counties.on_date": ("截至 {date}", "On {date}"),
    "ui.counties.not_applied_why": (
        "宣讲会与对接活动、实施细则与之无关，始终为全部数据；其余指标已按所选条件统计",
        "briefings, matching events and implementation rules do not depend on it and always show all "
        "data; every other figure is narrowed",
    ),
    "ui.counties.county_filter_note": (
        "侧栏已选{county}：地图上以粗框标出，并在下方展开其详情。",
        "{county} is chosen in the sidebar: outlined on the map, its detail opened below.",
    ),
    "ui.counties.source.events": ("宣讲会与对接活动记录", "briefing and matching event records"),
    "ui.counties.source.rules": ("{division}实施细则报送", "{divisions}' reports on their rules"),
    "ui.counties.unit.per_10k": ("件/万人", "per 10k people"),
    "ui.counties.unit.sessions": ("场", "events"),
    "ui.counties.unit.population": ("万人", "10k people"),
    "ui.counties.unit.people": ("人", "people"),
    "ui.counties.map_title": ("{metric}：各{division}", "{metric} by {division}"),
    "ui.counties.map_schematic": (
        "示意图：{count}个等大方块按各{division}大致相对位置排列，不是地理地图，不表示边界、面积和距离，无需审图号。",
        "Schematic: {count} equal tiles placed roughly as the {divisions} lie; not a geographic map, showing "
        "no boundaries, areas or distances, so it needs no map approval number.",
    ),
    "ui.counties.map_geojson": (
        "地图边界来自本单位配置的标准地图。公开展示须使用已取得审图号的标准地图。",
        "Boundaries from the standard map this office configured. Maps shown in public must be "
        "approved standard maps, with a map approval number.",
    ),
    # Staff only (logged in): which file the map comes from, and how it is set.
    "ui.counties.map_geojson_file": (
        "地图文件：{path}（环境变量 DASHBOARD_COUNTY_GEOJSON，见 README）。",
        "Map file: {path} (environment variable DASHBOARD_COUNTY_GEOJSON, see the README).",
    ),
    "ui.counties.map_unusable": (
        "本单位配置的{division}地图无法使用，已改用示意图；工作人员登录后可查看原因。",
        "The {division} map this office configured cannot be used, so the schematic map is shown; "
        "staff see why once logged in.",
    ),
    "ui.counties.map_missing": (
        "地图文件中没有以下{division}：{names}",
        "The map file has no boundary for: {names}",
    ),
    "ui.counties.map_error.not_found": (
        "找不到地图文件 {path}（DASHBOARD_COUNTY_GEOJSON），已改用示意图。",
        "Map file {path} (DASHBOARD_COUNTY_GEOJSON) not found; showing the schematic map.",
    ),
    "ui.counties.map_error.unreadable": (
        "地图文件 {path} 不是可读的 UTF-8 JSON，已改用示意图。",
        "Map file {path} is not readable UTF-8 JSON; showing the schematic map.",
    ),
    "ui.counties.map_error.not_feature_collection": (
        "地图文件 {path} 不是 GeoJSON FeatureCollection，已改用示意图。",
        "Map file {path} is not a GeoJSON FeatureCollection; showing the schematic map.",
    ),
    "ui.counties.map_error.no_counties": (
        "地图文件 {path} 中没有带{place_short}{division}行政区划代码（adcode）属性的要素，已改用示意图。",
        "Map file {path} has no feature with a {place} {division} adcode property; "
        "showing the schematic map.",
    ),
    "ui.counties.ranking_title": ("{metric}排名", "{metric}: ranking"),
    "ui.counties.rules_timeline_title": (
        "各{division}实施细则印发时间",
        "When each {division} issued its rules",
    ),
    "ui.counties.city_average": ("{division}平均", "{Division} average"),
    "ui.counties.city_rate": ("{whole}", "{Whole}"),
    "ui.counties.click_hint": (
        "点击地图方块、排名条或对比表中的一行，查看该{division}详情。",
        "Click a tile, a bar or a row of the table to see that {division} in detail.",
    ),
    "ui.counties.rule.issued": ("已印发", "Issued"),
    "ui.counties.rule.issued_on": ("{date}印发", "Issued {date}"),
    "ui.counties.rule.not_issued": ("未印发", "Not issued"),
    "ui.counties.rules.status.issued": ("已印发", "Issued"),
    "ui.counties.rules.status.not_issued": ("未印发", "Not issued"),
    "ui.counties.rules.status.no_record": ("未报送", "Not reported"),
    "ui.counties.detail_heading": ("{division}详情：{county}", "{Division} detail: {county}"),
    "ui.counties.back": ("返回全部{division}", "Back to all {divisions}"),
    "ui.counties.rule_sentence.issued": (
        "实施细则：已于 {date} 印发{title}（{doc_no}）。",
        "Implementation rules: issued on {date}, {title} ({doc_no}).",
    ),
    "ui.counties.rule_sentence.not_issued": (
        "实施细则：截至统计时点尚未印发。",
        "Implementation rules: not issued by the date.",
    ),
    "ui.counties.rule_sentence.no_record": (
        "实施细则：尚未报送印发情况。",
        "Implementation rules: nothing reported yet.",
    ),
    "ui.counties.reference_note": (
        "{whole}参照：计数和金额为{count}个{division}的平均值；"
        "每万人有效专利为{whole}有效专利总数 ÷ {whole}人口。排名 1 为最高。",
        "{Region} reference: for counts and amounts the mean "
        "of the {count} {divisions}; for valid patents per "
        "10,000 people all of {the_region}'s valid patents ÷ its population. Rank 1 is the highest.",
    ),
    "ui.counties.rank": ("第 {rank} / {total}", "{rank} of {total}"),
    "ui.counties.detail_yearly": ("{metric}（按年）", "{metric} by year"),
    "ui.counties.top_heading": ("持有有效专利最多的单位", "Institutions holding the most valid patents"),
    "ui.counties.top_none": (
        "该{division}没有持有有效专利的单位。",
        "No institution in this {division} holds a valid patent.",
    ),
    "ui.counties.top_note": (
        "有效专利为 {date} 持有数（共有专利每个权利人各计一次）；备案数和合同成交额为 {start} 以来。",
        "Valid patents held on {date} (a jointly held patent counts for each holder); filings and "
        "contract turnover since {start}.",
    ),
    "ui.counties.top_file": ("持有有效专利最多的单位", "top_institutions"),
    "ui.counties.kind.individual": ("个体工商户", "Sole proprietors"),
    "ui.counties.table_heading": ("各{division}指标对比", "All {divisions} compared"),
    "ui.counties.table_file": ("{division}指标对比", "county_comparison"),
    "ui.counties.col.county": ("{division}", "{Division}"),
    "ui.counties.col.population": ("常住人口", "Population"),
    "ui.counties.col.filings": ("备案数", "Filings"),
    "ui.counties.col.enterprises": ("备案企业数", "Filing enterprises"),
    "ui.counties.col.turnover": ("涉专利合同成交额", "Patent contract turnover"),
    "ui.counties.col.valid_patents": ("有效专利", "Valid patents"),
    "ui.counties.col.patents_per_10k": ("每万人有效专利", "Valid patents per 10k people"),
    "ui.counties.col.industrialization": ("专利转化运用事件", "Patent use events"),
    "ui.counties.col.briefings": ("政策宣讲会", "Briefings"),
    "ui.counties.col.matchings": ("转化对接活动", "Matching events"),
    "ui.counties.col.participants": ("活动参加人数", "Participants"),
    "ui.counties.col.rule": ("实施细则", "Implementation rules"),
    "ui.counties.col.rule_date": ("印发日期", "Issued on"),
    "ui.counties.col.rule_title": ("文件名称", "Title"),
    "ui.counties.col.doc_no": ("文号", "Document number"),
    "ui.counties.col.measure": ("指标", "Measure"),
    "ui.counties.col.this_county": ("本{division}", "This {division}"),
    "ui.counties.col.reference": ("{whole}参照", "{Region} reference"),
    "ui.counties.col.rank": ("排名", "Rank"),
    "ui.counties.col.institution": ("单位", "Institution"),
    "ui.counties.col.kind": ("单位类型", "Kind"),
    "ui.counties.trend_heading": ("各{division}逐年走势", "Each {division} year by year"),
    "ui.counties.trend_title": ("{metric}：各{division}逐年", "{metric} by year"),
    "ui.counties.trend.complete": ("年度值", "Year's value"),
    "ui.counties.trend_note.flow": (
        "每年为当年合计；当年未满一年，以空心点标出。各小图纵轴相同，可直接比较。",
        "Each year's total; the current year is incomplete and drawn as an open dot. All panels share "
        "one vertical scale.",
    ),
    "ui.counties.trend_note.stock": (
        "每年为年末有效专利存量 ÷ 人口；当年为统计时点，以空心点标出。各小图纵轴相同。",
        "Valid patents at each year end ÷ population; the current year is taken on the date and drawn "
        "as an open dot. All panels share one vertical scale.",
    ),
    "ui.counties.trend_rules": (
        "实施细则没有逐年数据：印发时间见上方图表和下方实施细则表。",
        "Implementation rules have no yearly figure: see when each was issued above and in the table below.",
    ),
    "ui.counties.rules_heading": ("各{division}实施细则", "Implementation rules by {division}"),
    "ui.counties.rules_summary": (
        "截至 {date}，{total} 个{division}中 {issued} 个已印发实施细则。",
        "By {date}, {issued} of {total} {divisions} had issued their implementation rules.",
    ),
    "ui.counties.rules_file": ("{division}实施细则", "county_rules"),
    "ui.counties.formulas": ("指标口径", "How each figure is computed"),
    # --- filings and contracts page (views/filings.py): keys ui.filings.* --------------------
    "ui.filings.title": ("专利产品备案与技术合同", "Patent-product filings and technology contracts"),
    "ui.filings.scope": (
        "范围：{county}｜统计时点：{as_of}｜{inst_kind}｜{patent_type}｜{data_as_of}",
        "Scope: {county} | As of {as_of} | {inst_kind} | {patent_type} | {data_as_of}",
    ),
    "ui.filings.note.inst_kind": (
        "单位类型：备案按备案企业的类型筛选，技术合同按卖方的类型筛选。",
        "Institution kind: filings are narrowed by the filing enterprise's kind, contracts by the seller's.",
    ),
    "ui.filings.note.patent_type": (
        "专利类型：只计关联至少一件{patent_type}专利的备案产品和技术合同；"
        "这些合同都涉及专利，涉专利占比因此为100%。",
        "Patent type: only filings and contracts linked to at least one {patent_type} patent count; "
        "all such contracts involve patents, so their patent share is 100%.",
    ),
    "ui.filings.note.county": (
        "{division}：备案按企业所在{division}、合同按卖方所在{division}计；{division}对比图仍显示全部{division}，{county}以深色突出。",
        "{Division}: a filing counts in its enterprise's "
        "{division}, a contract in its seller's; the {division} "
        "comparisons still show every {division}, with {county} highlighted.",
    ),
    "ui.filings.section.filings": ("专利产品备案", "Patent-product filings"),
    "ui.filings.section.contracts": ("技术合同", "Technology contracts"),
    "ui.filings.no_filings": ("所选范围内没有专利产品备案。", "No patent-product filings in this scope."),
    "ui.filings.no_contracts": ("所选范围内没有技术合同。", "No technology contracts in this scope."),
    "ui.filings.metric.filings": ("备案产品数", "Filed products"),
    "ui.filings.metric.enterprises": ("备案企业数", "Filing enterprises"),
    "ui.filings.metric.counts_help": (
        "截至统计时点累计（备案日期不晚于统计时点）。",
        "Cumulative to the date (filing date on or before it).",
    ),
    "ui.filings.metric.output": ("{year}年备案产品产值", "Output value of filed products, {year}"),
    "ui.filings.metric.output_none": ("备案产品产值", "Output value of filed products"),
    "ui.filings.metric.output_help": (
        "最近一个已结束且有产值数据的年度，所有已备案产品的年产值合计。",
        "Sum of the annual output value of all filed products in the latest complete year with data.",
    ),
    "ui.filings.metric.intensive": (
        "其中专利密集型产品 {value}（即K3口径）",
        "of which patent-intensive products: {value} (what K3 counts)",
    ),
    "ui.filings.cumulative": ("截至 {date} 累计", "cumulative to {date}"),
    "ui.filings.chart.source": ("来源：{source}｜{data_as_of}", "Source: {source} | {data_as_of}"),
    "ui.filings.output_year": ("产值为{year}年度", "output value of {year}"),
    "ui.filings.no_output_year": ("尚无完整年度的产值", "no complete year of output yet"),
    "ui.filings.chart.per_year": ("每年新增备案产品", "New filings per year"),
    "ui.filings.chart.new_filings": ("新增备案产品", "New filings"),
    "ui.filings.chart.by_industry": ("各产业备案产品与产值", "Filings and output value by industry"),
    "ui.filings.chart.by_county": (
        "各{division}备案产品（按企业所在{division}）",
        "Filings by {division} (the enterprise's)",
    ),
    "ui.filings.chart.filings_axis": ("备案产品（件）", "Filings (items)"),
    "ui.filings.chart.output_axis": ("产值（万元）", "Output (10k yuan)"),
    "ui.filings.chart.click_industry": (
        "点击某一产业的柱子，查看该产业的备案产品。",
        "Click an industry's bar to list its filed products.",
    ),
    "ui.filings.industry_unknown": ("（未填写产业）", "(industry not given)"),
    "ui.filings.table.enterprises": ("备案企业排行", "Filing enterprises, ranked"),
    "ui.filings.detail.industry": ("{industry}：备案产品 {count}", "{industry}: {count} filed products"),
    "ui.filings.back": ("返回", "Back"),
    "ui.filings.col.filing_no": ("备案编号", "Filing no."),
    "ui.filings.col.product": ("产品名称", "Product"),
    "ui.filings.col.enterprise": ("企业名称", "Enterprise"),
    "ui.filings.col.credit_code": ("统一社会信用代码", "Credit code"),
    "ui.filings.col.county": ("所在{division}", "{Division}"),
    "ui.filings.col.filing_date": ("备案日期", "Filing date"),
    "ui.filings.col.intensive": ("专利密集型产品", "Patent-intensive"),
    "ui.filings.col.patents": ("关联专利（件）", "Linked patents (items)"),
    "ui.filings.col.filings": ("备案产品（件）", "Filings (items)"),
    "ui.filings.col.output": ("{year}年产值（万元）", "Output {year} (10k yuan)"),
    "ui.filings.col.contract_no": ("合同登记号", "Contract no."),
    "ui.filings.col.title": ("合同名称", "Title"),
    "ui.filings.col.seller": ("卖方", "Seller"),
    "ui.filings.col.seller_kind": ("卖方类型", "Seller kind"),
    "ui.filings.col.seller_county": ("卖方所在{division}", "Seller's {division}"),
    "ui.filings.col.buyer": ("买方", "Buyer"),
    "ui.filings.col.buyer_local": ("买方在{place_short}", "Buyer in {place}"),
    "ui.filings.col.registered_date": ("登记日期", "Registered"),
    "ui.filings.col.turnover": ("合同成交额（万元）", "Turnover (10k yuan)"),
    "ui.filings.col.tech_amount": ("技术交易额（万元）", "Tech transaction amount (10k yuan)"),
    "ui.filings.yes": ("是", "yes"),
    "ui.filings.no": ("否", "no"),
    "ui.filings.metric.contracts": ("技术合同数", "Technology contracts"),
    "ui.filings.metric.turnover": ("合同成交额", "Contract turnover"),
    "ui.filings.metric.tech_amount": ("技术交易额", "Tech transaction amount"),
    "ui.filings.metric.patent_share": ("涉专利合同成交额占比", "Share of turnover involving patents"),
    "ui.filings.metric.patent_share_help": (
        "关联至少一件专利的合同成交额 ÷ 全部合同成交额；没有成交额时显示“—”。",
        "Turnover of contracts linked to at least one patent ÷ all turnover; “—” when there is no turnover.",
    ),
    "ui.filings.metric.contract_period": (
        "登记日期 {start} 至 {end} 累计",
        "Registered {start} to {end}, cumulative",
    ),
    "ui.filings.chart.turnover_by_type": (
        "技术合同成交额（按年、按类型）",
        "Contract turnover by year and type",
    ),
    "ui.filings.chart.click_type": (
        "点击某一合同类型的柱段，查看该类型的合同。",
        "Click a contract type's bar segment to list its contracts.",
    ),
    "ui.filings.chart.partial_note": (
        "{year}年截至 {date}，未满一年（{mark}）",
        "{year} runs to {date}, not a full year ({mark})",
    ),
    "ui.filings.chart.mark.hatched": ("斜线", "hatched"),
    "ui.filings.chart.mark.hollow": ("空心点", "hollow marker"),
    "ui.filings.chart.patent_share": (
        "涉专利合同成交额占比（按年）",
        "Share of turnover involving patents, by year",
    ),
    "ui.filings.chart.share": ("涉专利占比", "Share involving patents"),
    "ui.filings.chart.no_share_years": (
        "{years}年无合同成交额，不计占比",
        "No turnover in {years}: no share",
    ),
    "ui.filings.chart.by_seller_kind": ("按卖方类型", "By seller kind"),
    "ui.filings.chart.by_buyer": ("买方在{place}内外", "Buyers inside and outside {place}"),
    "ui.filings.chart.contract_by_county": (
        "各{division}技术合同成交额（按卖方所在{division}）",
        "Contract turnover by {division} (the seller's)",
    ),
    "ui.filings.chart.contracts_axis": ("合同（件）", "Contracts (items)"),
    "ui.filings.chart.turnover_axis": ("成交额（万元）", "Turnover (10k yuan)"),
    "ui.filings.chart.patent_turnover": ("其中涉专利", "of which involving patents"),
    "ui.filings.chart.other_turnover": ("不涉专利", "not involving patents"),
    "ui.filings.buyer.local": ("{place}内", "Inside"),
    "ui.filings.buyer.outside": ("{place}外", "Outside"),
    "ui.filings.detail.type": ("{type}合同 {count}", "{type} contracts: {count}"),
    "ui.filings.type.development": ("技术开发", "Development"),
    "ui.filings.type.transfer": ("技术转让", "Transfer"),
    "ui.filings.type.license": ("技术许可", "Licensing"),
    "ui.filings.type.consulting": ("技术咨询", "Consulting"),
    "ui.filings.type.service": ("技术服务", "Services"),
    "ui.filings.kind.university": ("高校", "University"),
    "ui.filings.kind.research_institute": ("科研院所", "Institute"),
    "ui.filings.kind.city_soe": ("市属国有企业", "City SOE"),
    "ui.filings.kind.enterprise": ("企业", "Enterprise"),
    "ui.filings.kind.individual": ("个体工商户", "Individual"),
    # --- method page (views/method.py): keys ui.method.* -------------------------------------
    "ui.method.title": ("指标说明", "How each figure is defined"),
    "ui.method.intro": (
        "本页说明看板上每个指标和比率的含义、数据来源和使用时应注意的问题。",
        "What each indicator and rate on the dashboard means, where its data comes from, and its caveats.",
    ),
    "ui.method.section.targets": ("专项行动目标指标（总览）", "The plan's target indicators (overview)"),
    "ui.method.section.analysis": ("分析页面中的比率和分类", "Rates and breakdowns on the analysis pages"),
    "ui.method.section.general": ("通用说明", "General notes"),
    "ui.method.source": ("数据来源：{source}", "Source: {source}"),
    "ui.method.caveat": ("注意：{caveat}", "Caveat: {caveat}"),
    "ui.method.source.K1": ("专利产品备案（上传的“专利产品备案”数据）", "patent-product filings (uploaded)"),
    "ui.method.source.K2": ("专利产品备案", "patent-product filings"),
    "ui.method.source.K3": (
        "专利产品备案中填报的专利密集型产品年产值",
        "annual output reported with the filings of patent-intensive products",
    ),
    "ui.method.source.K4": (
        "专利、专利权人、专利运用事件（实施、转让、许可）和单位名录",
        "patents, their holders, patent events (implementation, transfer, licence) and institutions",
    ),
    "ui.method.source.K5": (
        "技术合同认定登记及其涉及的专利",
        "registered technology contracts and their patents",
    ),
    "ui.method.caveat.K3": (
        "产值由企业填报，未经统计部门核实；当年未满一年时只显示，不参与考核。",
        "output is reported by enterprises, not verified by the statistics bureau; a year not yet "
        "complete is shown but not judged.",
    ),
    "ui.method.caveat.K4": (
        "这是用本地行政数据算出的代理指标，不等同于国家知识产权局专利调查发布的产业化率"
        "（后者是抽样调查的估计值）；只计入已登记的实施、转让和许可。",
        "a proxy from local administrative data, not the industrialization rate published by "
        "CNIPA's patent survey (a sample estimate); only registered implementation, transfer and "
        "licensing count.",
    ),
    "ui.method.caveat.K5": (
        "只计入涉及专利的合同：列出至少一件专利申请号，或知识产权类型为专利；合同的{division}按卖方所在{division}。",
        "only contracts involving patents: at least one patent number listed, or the IP type is "
        "patent; a contract's {division} is its seller's.",
    ),
    "ui.method.name.inst_rate": ("单位专利产业化率", "Industrialization rate of an institution"),
    "ui.method.def.inst_rate": (
        "某单位在统计时点持有的有效专利中（已授权、未失效），已由权利人实施、已转让或已许可并投产的件数 ÷ "
        "有效专利件数。一件专利经多种方式运用只计一次。有效专利为 0 的单位不计算比率（显示“—”）。",
        "Of an institution's valid patents on the date (granted, not lapsed), those implemented by a "
        "holder, transferred, or licensed and put into production ÷ valid patents. A patent used in "
        "several ways counts once. An institution with no valid patents has no rate (shown as —).",
    ),
    "ui.method.source.inst_rate": ("同 K4", "as for K4"),
    "ui.method.name.per_10k": ("每万人有效专利", "Valid patents per 10,000 residents"),
    "ui.method.def.per_10k": (
        "{division}的有效专利件数 ÷ 常住人口（万人）。",
        "A {division}'s valid patents ÷ its resident population in 10,000s.",
    ),
    "ui.method.source.per_10k": (
        "专利（按专利所在{division}）；人口为第七次全国人口普查常住人口",
        "patents (by the patent's {division}); population from the 2020 census",
    ),
    "ui.method.caveat.per_10k": (
        "人口为 2020 年数据，不随年份更新。",
        "population is the 2020 figure and does not change by year.",
    ),
    "ui.method.name.patent_share": ("涉专利合同占比", "Share of contracts involving patents"),
    "ui.method.def.patent_share": (
        "关联至少一件专利的技术合同成交额 ÷ 全部技术合同成交额。没有合同时不计算（显示“—”）。",
        "Turnover of technology contracts linked to at least one patent ÷ turnover of all technology "
        "contracts. Not computed when there are no contracts (shown as —).",
    ),
    "ui.method.source.patent_share": ("技术合同认定登记", "registered technology contracts"),
    "ui.method.name.buyer_local": ("本地买方占比", "Share bought inside {place}"),
    "ui.method.def.buyer_local": (
        "买方在{place_short}的技术合同成交额 ÷ 全部技术合同成交额。",
        "Turnover of contracts whose buyer is in {place} ÷ all contract turnover.",
    ),
    "ui.method.source.buyer_local": (
        "技术合同认定登记中的“买方是否在{place_short}”",
        "the contracts' buyer-is-local flag",
    ),
    "ui.method.name.measure_status": ("措施进展状态", "Status of a measure"),
    "ui.method.def.measure_status": (
        "各责任单位按季度报送指标。截止日前：达到目标值为“已达标”，达到当季计划进度（阶段目标，"
        "或从基线到目标值的直线进度）为“进度正常”，低于为“滞后”；截止日起：达到为“已达标”或“逾期达标”，"
        "否则为“未达标”。未填目标为“无目标”，该季度没有报送为“暂无数据”。一条措施的状态取其各指标中最差的一项。",
        "Departments report indicators each quarter. Before the deadline: reaching the target is met, "
        "reaching the quarter's point on the plan's path (its milestone, or the straight line from the "
        "baseline to the target) is on track, short of it is behind; from the deadline on: met or met "
        "after deadline, otherwise missed. No target given is no target, nothing reported is no data. "
        "A measure takes the worst status of its indicators.",
    ),
    "ui.method.source.measure_status": (
        "各责任单位报送的措施指标",
        "measure indicators reported by departments",
    ),
    "ui.method.caveat.measure_status": (
        "报送值未经核实；能用专利、备案和合同数据计算的措施，页面同时显示计算值以便对照。",
        "reported values are not verified; where the patent, filing and contract data can speak for a "
        "measure, the page shows the computed figure beside them.",
    ),
    "ui.method.general.data_as_of": (
        "“数据截至”是已导入的各类记录中最晚的日期（专利申请、运用事件、备案、合同、活动、细则印发）。",
        "“Data as of” is the latest date any imported record carries (filing, event, contract, "
        "activity, rule issued).",
    ),
    "ui.method.general.proxy": (
        "看板中的比率用本地行政数据计算，用于跟踪进展；对外发布的统计数据以统计和知识产权部门公布的为准。",
        "Rates here come from local administrative data, to follow progress; published statistics "
        "are those released by the statistics and IP authorities.",
    ),
    "ui.method.general.counties": (
        "功能区（经开区、高新区等）不是行政区，数据按其管委会所在{division}计入：{zones}。",
        "Functional zones (development zones and others) are not {divisions}; their data counts in the "
        "{division} that hosts their administrative committee: {zones}.",
    ),
    "ui.method.general.zone": ("{zones}计入{county}", "{zones} in {county}"),
    "ui.method.general.units": (
        "金额一律以万元为单位，数额再大也不换算为亿元，并带千分位分隔；以元填报的文件在导入时换算为万元。",
        "Amounts are always in 10k yuan (units of 10,000 yuan), however large, with thousands "
        "separators; files in yuan are converted on import.",
    ),
    "ui.method.general.map": (
        "{division}页的默认地图是示意图（方块位置大致对应各{division}的相对位置），不是地理地图；需要正式地图时，"
        "可配置经审核（有审图号）的{division}边界 GeoJSON。",
        "The {divisions} page's default map is schematic (tiles roughly in the {divisions}' relative "
        "positions), not a geographic map; an office can configure an approved boundary GeoJSON.",
    ),
    "ui.method.general.period": (
        "统计时点为年末或季度末：累计指标计到该日，年度指标按完整年度计，未满一年的当年单独标出。",
        "The period is a year end or quarter end: cumulative figures count up to that date, yearly "
        "figures use complete years, and a year not yet complete is marked.",
    ),
}


NUMBERS_ZH = "零一二三四五六七八九十"
NUMBERS_EN = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]


def _count(n: int, lang: str) -> str:
    """A small count in words (九个区县, the nine counties); digits past the table."""
    if lang == "en":
        return NUMBERS_EN[n] if n < len(NUMBERS_EN) else str(n)
    if n <= 10:
        return NUMBERS_ZH[n]
    tens, ones = divmod(n, 10)
    return (NUMBERS_ZH[tens] if tens > 1 else "") + "十" + (NUMBERS_ZH[ones] if ones else "")


@functools.lru_cache(maxsize=16)
def place_words(region: regions.Region, lang: str) -> dict[str, str]:
    """The words every text may use for the place, in ``lang``."""
    w, count = region.words, _count(len(region.divisions), lang)
    if lang == "en":
        level = region.words.region_en
        return {
            "place": region.name_en,
            "place_short": region.name_en,
            "based": "",
            "local": f"the {level}",
            "the_region": f"the {level}",
            "region": level,
            "Region": level.capitalize(),
            "whole": f"whole {level}",
            "Whole": f"Whole {level}",
            "division": w.division_en,
            "divisions": w.divisions_en,
            "Division": w.division_en.capitalize(),
            "Divisions": w.divisions_en.capitalize(),
            "count": count,
            "app_title": w.app_title_en,
            "tab": w.tab_en,
        }
    words = {
        "place": region.name_zh,
        "place_short": region.short_zh,
        "based": w.based_zh,
        "local": w.local_zh,
        "whole": w.whole_zh,
        "division": w.division_zh,
        "count": count,
        "app_title": w.app_title_zh,
        "tab": w.tab_zh,
    }
    words.update(the_region=w.local_zh, region=w.whole_zh, Region=w.whole_zh, Whole=w.whole_zh)
    words.update(divisions=w.division_zh, Division=w.division_zh, Divisions=w.division_zh)
    return words


class _Values(dict):
    """Format values that leave a placeholder nobody filled as written, as ``t`` always did."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def t(key: str, lang: str = "zh", **values: object) -> str:
    """Translate ``key`` into ``lang`` (zh or en), formatting ``values`` and the place's words into it."""
    zh, en = TEXT[key]
    text = en if lang == "en" else zh
    if "{" not in text:
        return text
    return text.format_map(_Values({**place_words(regions.current(), lang), **values}))


def reason(code: str, lang: str = "zh", value: object = None) -> str:
    """Sentence for an import problem's reason code (an unknown code gets a generic one)."""
    key = f"reason.{code}" if f"reason.{code}" in TEXT else "reason.unknown"
    return t(key, lang, value=value)
