import { defineMessages } from "./define-messages.ts";

/**
 * The management system (issue 13): the states and events of annual reports, target kinds,
 * control rules, plot stages, supervision flags, notices, spot checks, public feedback and the
 * inbox's messages — for the API's texts, the web app and the regulator's summaries. Sections are
 * marked; each group of routes adds its keys in its own section.
 */
export const manage = defineMessages({
  // Annual reports: states and events (report-workflow.ts).
  "state.draft": ["draft", "草稿"],
  "state.submitted": ["submitted", "已提交"],
  "state.verification": ["in verification", "核查中"],
  "state.in-review": ["in review", "审核中"],
  "state.returned": ["returned", "已退回"],
  "state.approved": ["approved", "已通过"],
  "state.published": ["published", "已公开"],
  "state.rejected": ["rejected", "已驳回"],
  "event.submit": ["submit", "提交"],
  "event.resubmit": ["resubmit", "重新提交"],
  "event.send-to-verification": ["send to verification", "送交核查"],
  "event.conclude-verification": ["conclude verification", "完成核查"],
  "event.return": ["return", "退回"],
  "event.approve": ["approve", "通过"],
  "event.reject": ["reject", "驳回"],
  "event.publish": ["publish", "公开"],
  // Targets (target.ts).
  "target.intensity-reduction": ["carbon-intensity reduction", "碳排放强度下降"],
  "target.emission-cap": ["emission standard (cap)", "排放标准（上限）"],
  "target.reclamation-area": ["land reclaimed", "土地复垦面积"],
  "target.reclamation-rate": ["reclamation rate", "土地复垦率"],
  "target.land-use-cap": ["land-use cap", "用地规模上限"],
  "target.methane-utilisation": ["methane utilisation rate", "瓦斯利用率"],
  "setBy.regulator": ["set by the regulator", "监管部门下达"],
  "setBy.enterprise": ["the enterprise's own sub-target", "企业自定子目标"],
  // Control rules (control-rule.ts) and plots.
  "rule.no-conversion": ["no conversion", "禁止转用"],
  "rule.reclaim-by": ["reclaim by a deadline", "限期复垦"],
  "rule.cap": ["area cap", "面积上限"],
  "rule.allowed-uses": ["allowed uses", "允许用途"],
  "stage.planned": ["planned", "规划"],
  "stage.mining": ["being mined", "开采中"],
  "stage.disturbed": ["disturbed", "已损毁"],
  "stage.reclaiming": ["being reclaimed", "复垦中"],
  "stage.reclaimed": ["reclaimed", "已复垦"],
  "stage.accepted": ["reclamation accepted", "已验收"],
  // Supervision (supervision.ts), notices and spot checks.
  "flag.emission-standard-exceeded": ["emission standard exceeded", "超过排放标准"],
  "flag.intensity-off-track": ["intensity target off track", "强度目标进度滞后"],
  "flag.reclamation-overdue": ["reclamation overdue", "复垦逾期"],
  "flag.control-rule-broken": ["land-use control rule broken", "违反用途管制规则"],
  "flag.report-overdue": ["report overdue", "报告逾期"],
  "flag.implausible-data": ["implausible data", "数据异常"],
  "flagStatus.open": ["open", "待处理"],
  "flagStatus.notice-issued": ["notice issued", "已下发整改通知"],
  "flagStatus.resolved": ["resolved", "已解决"],
  "flagStatus.dismissed": ["dismissed", "已排除"],
  "notice.open": ["open", "待整改"],
  "notice.responded": ["responded", "已回复"],
  "notice.closed": ["closed", "已销号"],
  "notice.escalated": ["escalated", "已升级处理"],
  "spot.conforms": ["conforms", "符合"],
  "spot.minor-issues": ["minor issues", "存在一般问题"],
  "spot.nonconforming": ["nonconforming", "不符合"],
  // Public feedback.
  "feedback.land-use": ["land use", "土地利用"],
  "feedback.reclamation": ["reclamation", "土地复垦"],
  "feedback.emissions": ["emissions", "碳排放"],
  "feedback.pollution": ["pollution", "污染"],
  "feedback.report": ["a published report", "已公开报告"],
  "feedback.other": ["other", "其他"],
  "feedbackStatus.received": ["received", "已受理"],
  "feedbackStatus.in-progress": ["in progress", "处理中"],
  "feedbackStatus.handled": ["handled", "已办结"],
  // The inbox's messages (contract/inbox.ts).
  "inbox.report-state": [
    "The {{year}} report of {{mine}} is now {{state}}.",
    "{{mine}} {{year}} 年度报告状态变为：{{state}}。",
  ],
  "inbox.report-returned": [
    "The {{year}} report of {{mine}} was returned: {{reason}}",
    "{{mine}} {{year}} 年度报告被退回：{{reason}}",
  ],
  "inbox.report-due": [
    "The {{year}} report of {{mine}} is due on {{date}}.",
    "{{mine}} {{year}} 年度报告应于 {{date}} 前提交。",
  ],
  "inbox.flag-raised": ["New flag on {{mine}}: {{kind}}.", "{{mine}} 新增监管提示：{{kind}}。"],
  "inbox.notice-issued": [
    "Rectification notice for {{mine}}, due {{date}}.",
    "{{mine}} 收到整改通知，整改期限 {{date}}。",
  ],
  "inbox.notice-due": [
    "The rectification notice for {{mine}} is due on {{date}}.",
    "{{mine}} 的整改通知将于 {{date}} 到期。",
  ],
  "inbox.notice-state": [
    "The rectification notice for {{mine}} is now {{state}}.",
    "{{mine}} 的整改通知状态变为：{{state}}。",
  ],
  "inbox.feedback-received": ["New public feedback about {{about}}.", "收到关于 {{about}} 的公众反馈。"],
  // Annual reports (brief R): the content's terms and the checks' kinds.
  "measureStatus.planned": ["planned", "计划中"],
  "measureStatus.in-progress": ["in progress", "实施中"],
  "measureStatus.done": ["done", "已完成"],
  "measureKind.other": ["other measure", "其他措施"],
  "check.jump": ["year-on-year jump", "同比变化过大"],
  "check.out-of-range": ["outside the range of similar mines", "超出同类矿山范围"],
  "check.unit": ["unit looks off by 10⁴", "单位疑似相差 10⁴ 倍"],
  "declaration.text": [
    "I declare that this report is true, accurate and complete.",
    "本人声明本报告内容真实、准确、完整。",
  ],
  // Supervision (brief S): terms the inbox's messages name.
  "supervision.portal": ["the portal", "门户网站"],
});
