import { defineMessages } from "./define-messages.ts";

/**
 * Texts of the web app's annual reports: the enterprise's wizard, the verifier's findings, the
 * regulator's review. Report states, events, measure statuses, check kinds and the declaration's
 * text are the `manage` namespace's (shared with the API and the inbox).
 */
export const reportsWeb = defineMessages({
  // The list (/reports).
  "list.title": ["Annual reports", "年度报告"],
  "list.intro": [
    "Each year an enterprise reports each of its mines: activity data, land use, reclamation, measures and evidence. The report goes to verification, review and publication.",
    "企业每年为所属每座矿山填报年度报告：活动数据、土地利用、复垦、减排措施及证明材料；报告依次经核查、审核后公开。",
  ],
  "list.start": ["Start a report", "新建年度报告"],
  "list.pickMine": ["Choose one of your mines", "选择本企业矿山"],
  "list.create": ["Start the report", "新建报告"],
  "list.mine": ["Mine", "矿山"],
  "list.year": ["Year", "年度"],
  "list.state": ["State", "状态"],
  "list.version": ["Submitted version", "已提交版本"],
  "list.versionN": ["version {{n}}", "第 {{n}} 版"],
  "list.updated": ["Last change", "最近更新"],
  "list.next": ["You may", "可执行操作"],
  "list.edit": ["edit", "编辑"],
  "list.none": ["No report you may read yet.", "暂无可查阅的年度报告。"],
  "list.noneFiltered": [
    "No report matches these filters; clear one to see more.",
    "没有符合筛选条件的报告，可清除筛选条件查看更多。",
  ],
  "list.noneEditor": [
    "No report yet: start one above for one of your mines and a year.",
    "暂无报告：请在上方选择矿山和年度新建报告。",
  ],
  "list.noneVerifier": [
    "No report has been sent to your body for verification yet; the regulator sends them.",
    "暂无送交本机构核查的报告，报告由监管部门送交。",
  ],
  "list.noneRegulator": [
    "No report from the enterprises of your jurisdiction yet; they appear here once started.",
    "辖区内企业尚未填报年度报告，企业新建报告后将在此显示。",
  ],
  // One report (/reports/:reportId).
  "report.title": ["{{mine}}: {{year}} report", "{{mine}} {{year}} 年度报告"],
  "report.returned": ["Returned by the reviewer", "审核退回"],
  "report.commentsAtFields": [
    "The reviewer's comments are shown at their fields below; correct them and resubmit.",
    "审核意见已标注在下方相应字段处，请修改后重新提交。",
  ],
  "report.remarkedFields": ["Remarks on:", "有意见的字段："],
  "report.rejected": ["Rejected", "已驳回"],
  "report.readOnly": ["This report is shown read-only.", "本报告仅供查阅。"],
  "report.readOnlyVersion": [
    "Submitted: read-only, as version {{n}} stands.",
    "已提交：仅供查阅，显示第 {{n}} 版内容。",
  ],
  "step.data": ["Activity data", "活动数据"],
  "step.landUse": ["Land use", "土地利用"],
  "step.reclamation": ["Reclamation", "土地复垦"],
  "step.measures": ["Measures", "减排措施"],
  "step.evidence": ["Evidence", "证明材料"],
  "step.check": ["Checks", "合理性检查"],
  "step.submit": ["Declaration", "声明与提交"],
  stepOf: ["Step {{n}} of {{of}}: {{title}}", "第 {{n}} 步（共 {{of}} 步）：{{title}}"],
  back: ["Back", "上一步"],
  save: ["Save", "保存"],
  saveNext: ["Save and continue", "保存并继续"],
  saved: ["Draft saved.", "草稿已保存。"],
  remove: ["Remove", "删除"],
  submitNotYours: [
    "Submitting takes an enterprise submitter signed in; you may prepare the draft.",
    "提交需由企业报送人员登录办理；您可编辑草稿。",
  ],
  "remark.reviewer": ["Reviewer:", "审核意见："],
  "remark.verifier": ["Verifier:", "核查发现："],
  // Step 1: activity data (the Inventory view's form).
  "data.intro": [
    "The year's activity data, as in the Inventory view; the inventory's other sources and sinks are kept as they are. Import a CSV or XLSX file laid out as the template.",
    "本年度活动数据，与“清单”页面的表单一致；清单中其他排放源和碳汇保持不变。可按模板格式导入 CSV 或 XLSX 文件。",
  ],
  "data.import": ["Import CSV/XLSX", "导入 CSV/XLSX"],
  "data.template": ["Download the template", "下载模板"],
  "data.templateFile": ["annual-report-{{year}}-activity-data.csv", "年度报告-{{year}}-活动数据.csv"],
  "data.importHelp": [
    "Rows of field,value (or a header row of field names): {{names}}",
    "每行“字段,数值”（或首行为字段名）：{{names}}",
  ],
  "data.importRead": [
    "{{count}} values read from {{file}}; save to keep them.",
    "已从 {{file}} 读入 {{count}} 个数值，保存后生效。",
  ],
  "data.importUnknown": [
    "{{file}}: unknown fields {{unknown}}; the known ones were read.",
    "{{file}}：无法识别的字段 {{unknown}}，其余字段已读入。",
  ],
  "data.importFailed": ["{{file}} could not be read: {{message}}", "无法读取 {{file}}：{{message}}"],
  "data.otherProblems": ["Other problems of the inventory", "清单的其他问题"],
  "data.previous": [
    "The {{year}} report of this mine was submitted: start from its inventory (all sources and sinks).",
    "本矿山 {{year}} 年度报告已提交，可在其清单（全部排放源和碳汇）基础上填报。",
  ],
  "data.usePrevious": ["Start from it", "以此为基础"],
  // Step 2: land use.
  "landUse.intro": [
    "The land-use maps and analysis the report rests on: an analysis area holding the mine and one of its finished land-use analyses.",
    "报告所依据的土地利用图及分析：包含本矿山的分析区域及其一次已完成的土地利用分析。",
  ],
  "landUse.none": [
    "No analysis area holds this mine yet. An area with the mine's land-use maps is created in Data, and its analysis run there; then pick it here.",
    "尚无包含本矿山的分析区域。请先在“数据”页面创建区域、上传土地利用图并运行分析，再在此选择。",
  ],
  "landUse.area": ["Analysis area", "分析区域"],
  "landUse.analysis": ["Land-use analysis", "土地利用分析"],
  "landUse.maps": ["Land-use maps", "土地利用图"],
  "landUse.pickMaps": ["Choose the maps", "选择土地利用图"],
  "landUse.mapOf": ["map of {{year}}", "{{year}} 年土地利用图"],
  "landUse.pickArea": ["Choose an area", "选择区域"],
  "landUse.pickAnalysis": ["Choose an analysis", "选择分析"],
  "landUse.analysisOf": ["analysis of {{date}}", "{{date}} 的分析"],
  // Step 3: reclamation.
  "reclamation.intro": [
    "What was reclaimed this year on each plot of the mine, with its investment.",
    "本年度在矿山各地块完成的复垦及投资。",
  ],
  "reclamation.empty": ["No reclamation entered.", "尚未填写复垦情况。"],
  "reclamation.add": ["Add a plot", "添加地块"],
  "reclamation.line": ["Plot {{n}}", "地块 {{n}}"],
  "reclamation.plotId": ["Plot", "地块"],
  "reclamation.areaReclaimedHa": ["Area reclaimed (ha)", "复垦面积 (ha)"],
  "reclamation.targetRole": ["Reclaimed to (land use)", "复垦方向（土地用途）"],
  "reclamation.species": ["Species planted", "种植树种"],
  "reclamation.investmentCny": ["Investment (CNY)", "投资 (CNY)"],
  // Step 4: measures.
  "measures.intro": [
    "Low-carbon measures carried out or under way this year, with their investment and expected abatement.",
    "本年度实施或在建的低碳措施及其投资和预期减排量。",
  ],
  "measures.empty": ["No measure entered.", "尚未填写减排措施。"],
  "measures.add": ["Add a measure", "添加措施"],
  "measures.line": ["Measure {{n}}", "措施 {{n}}"],
  "measures.name": ["Name", "名称"],
  "measures.kind": ["Kind", "类型"],
  "measures.investmentCny": ["Investment (CNY)", "投资 (CNY)"],
  "measures.expectedAbatementTCO2ePerYr": ["Expected abatement (t CO2e/yr)", "预期减排量 (t CO2e/yr)"],
  "measures.status": ["Status", "进展"],
  // Step 5: evidence.
  "evidence.intro": [
    "Meter readings, invoices, photographs: PDF, PNG or JPEG images, XLSX or CSV, at most 20 MiB each. The type is recognised from the file's content; each file is kept with its SHA-256.",
    "计量读数、发票、照片等：PDF、图片、XLSX 或 CSV，每个不超过 20 兆字节。文件类型按内容识别，每个文件均记录其安全哈希校验值。",
  ],
  "evidence.upload": ["Upload a file", "上传文件"],
  "evidence.added": ["{{file}} added to the report.", "已将 {{file}} 加入报告。"],
  "evidence.badType": [
    "{{file}} was refused: it is not a PDF, image, XLSX or CSV file (the type is read from its content, not its name).",
    "{{file}} 被拒收：不是 PDF、图片、XLSX 或 CSV 文件（类型按文件内容识别，而非文件名）。",
  ],
  "evidence.tooLarge": [
    "{{file}} was refused: it is larger than the limit (20 MiB).",
    "{{file}} 被拒收：超过大小上限（20 兆字节）。",
  ],
  "evidence.notNow": [
    "Evidence is added only to a draft or a returned report.",
    "仅可向草稿或被退回的报告添加证明材料。",
  ],
  "evidence.failed": ["{{file}} could not be uploaded: {{message}}", "{{file}} 上传失败：{{message}}"],
  "evidence.none": ["No evidence file yet.", "尚无证明材料。"],
  "evidence.name": ["File", "文件"],
  "evidence.type": ["Type", "类型"],
  "evidence.size": ["Size", "大小"],
  "evidence.kept": ["in a submitted version", "已随版本提交"],
  // Step 6: checks.
  "checks.intro": [
    "The saved draft's figures computed with the inventory model and compared with the mine's approved report of the year before. Warnings are to explain or correct; they never stop a submission.",
    "按清单模型计算已保存草稿的数据，并与本矿山上一年度已通过的报告比较。提示项需说明或更正，但不妨碍提交。",
  ],
  "checks.problems": [
    "The inventory does not compute yet: correct these in Activity data.",
    "清单尚无法计算，请在“活动数据”中更正以下问题。",
  ],
  "checks.warning": ["{{kind}}: {{what}}", "{{kind}}：{{what}}"],
  "checks.figure": ["Figure", "指标"],
  "checks.thisYear": ["This report", "本报告"],
  "checks.yearBefore": ["{{year}} (approved)", "{{year}} 年（已通过）"],
  "checks.noYearBefore": ["Year before: none approved", "上一年度：无已通过报告"],
  "checks.noWarnings": [
    "No warning: the figures are within the assumed ranges.",
    "无提示：各项数据均在假定范围内。",
  ],
  "checks.field.emissionsTCO2ePerYr": ["Gross emissions (t CO2e/yr)", "总排放量 (t CO2e/yr)"],
  "checks.field.coalOutputT": ["Raw coal output (t)", "原煤产量 (t)"],
  "checks.field.energyTce": ["Energy use (tce)", "能源消费量 (tce)"],
  "checks.field.intensity": ["Emission intensity (t CO2e/t)", "排放强度 (t CO2e/t)"],
  "checks.field.energyPerTonne": ["Energy per tonne of coal (tce/t)", "吨煤能耗 (tce/t)"],
  "checks.rangeJump": [
    "Assumed range: within ±{{pct}} % of the year before.",
    "假定范围：与上一年度相比变化不超过 ±{{pct}} %。",
  ],
  "checks.rangeUnit": [
    "About 10⁴ times (or 10⁻⁴ of) the year before: t entered as 10⁴ t, or the reverse?",
    "约为上一年度的 10⁴ 倍（或 10⁻⁴）：是否将 t 与 10⁴ t 混淆？",
  ],
  "checks.rangeIntensity": ["Assumed range: {{lo}}–{{hi}} t CO2e/t.", "假定范围：{{lo}}–{{hi}} t CO2e/t。"],
  "checks.rangeEnergy": ["Assumed range: {{lo}}–{{hi}} tce/t.", "假定范围：{{lo}}–{{hi}} tce/t。"],
  "checks.assumed": [
    "The ranges are wide screening defaults (status: assumed), not limits; a regulator may set its own.",
    "上述范围为宽松的筛查默认值（状态：假定），并非限值；监管部门可自行设定。",
  ],
  // Step 7: declaration.
  "declaration.title": ["Declaration", "声明"],
  "declaration.name": ["Declared by (name)", "声明人姓名"],
  "declaration.position": ["Position", "职务"],
  "declaration.notes": ["Notes", "备注"],
  // The regulator's review.
  "review.title": ["Review", "审核"],
  "review.sendIntro": [
    "Send the report to a verification body; its verifiers then read it and record their findings.",
    "将报告送交核查机构，由其核查人员查阅并记录核查发现。",
  ],
  "review.pickBody": ["Choose a verification body", "选择核查机构"],
  "review.returnTitle": ["Return to the enterprise", "退回企业修改"],
  "review.reason": ["Reason (required)", "理由（必填）"],
  "review.reasonRequired": ["A reason is required.", "必须填写理由。"],
  "review.commentsIntro": [
    "Comments on single fields are shown to the enterprise at those fields.",
    "针对具体字段的意见将显示在企业填报页面的相应字段处。",
  ],
  "review.addComment": ["Add a comment on a field", "添加字段意见"],
  "review.pickField": ["Choose the field", "选择字段"],
  "review.field": ["Field", "字段"],
  "review.comment": ["Comment", "意见"],
  "review.approveConfirm": ["Approve this report?", "确认通过本报告？"],
  "review.rejectTitle": ["Reject (final)", "驳回（不可撤销）"],
  "review.publishIntro": [
    "Publishing shows the report on the public portal (without the evidence files and the declarer's name).",
    "公开后报告将显示在公众门户（不含证明材料及声明人姓名）。",
  ],
  "review.publishConfirm": ["Publish this report?", "确认公开本报告？"],
  // The verifier's conclusion.
  "verify.title": ["Verification", "核查"],
  "verify.intro": [
    "Record findings on single fields (non-conformities and remarks), then conclude: whether the report conforms, with a statement.",
    "记录针对具体字段的核查发现（不符合项及说明），然后给出核查结论及核查意见。",
  ],
  "verify.findings": ["Findings", "核查发现"],
  "verify.conclusion": ["Conclusion", "核查结论"],
  "verify.conforms": ["conforms", "符合"],
  "verify.nonConformity": ["does not conform", "不符合"],
  "verify.statement": ["Statement (required)", "核查意见（必填）"],
  "verify.required": ["Choose a conclusion and write the statement.", "请选择核查结论并填写核查意见。"],
  // History and versions.
  "history.title": ["History", "办理记录"],
  "history.none": ["Nothing has happened to this report yet.", "本报告尚无办理记录。"],
  "history.version": ["version {{n}}", "第 {{n}} 版"],
  "history.versionOf": ["version {{n}} of {{date}}", "第 {{n}} 版（{{date}}）"],
  "history.reason": ["Reason:", "理由："],
  "versions.title": ["Versions", "版本"],
  "versions.one": ["One version so far: a comparison needs two.", "目前仅有一个版本，比较需要两个版本。"],
  "versions.compare": ["Compare", "比较"],
  "versions.same": ["Choose two different versions.", "请选择两个不同的版本。"],
  "versions.field": ["Field", "字段"],
  "versions.before": ["Version {{n}}", "第 {{n}} 版"],
  "versions.after": ["Version {{n}}", "第 {{n}} 版"],
  "versions.noChange": ["No field changed.", "各字段均无变化。"],
  // Evaluate and adjust.
  "adjust.title": ["Evaluate and adjust: {{year}}", "评估与调整：{{year}} 年"],
  "adjust.actual": ["Actual (version {{n}})", "实际（第 {{n}} 版）"],
  "adjust.sink": ["Sinks (t CO2e/yr)", "碳汇量 (t CO2e/yr)"],
  "adjust.balance": ["Net balance (t CO2e/yr)", "净排放量 (t CO2e/yr)"],
  "adjust.noPlan": [
    "No pathway plan is stored for this mine yet, so the year is compared with the year before only, not with a plan part by part.",
    "本矿山尚未存储减排路径方案，因此仅与上一年度比较，未按方案逐项对照。",
  ],
});
