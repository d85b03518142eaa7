import { defineMessages } from "./define-messages.ts";

/** Texts of the public portal: published annual reports, each mine's public summary, feedback and replies. */
export const portal = defineMessages({
  title: ["Mines' land and carbon, in public", "矿山土地与碳排放信息公开"],
  intro: [
    "The annual reports the regulator has published, each mine's summary — its map, the trend of its emissions, its targets and whether they were met — and the public's feedback with the regulator's replies. Anyone may send feedback; no sign-in is needed.",
    "主管部门已公开的年度报告，各矿山概况（地图、排放趋势、目标及完成情况），以及公众意见和主管部门的答复。任何人均可提交意见，无需登录。",
  ],

  // The mines.
  "mines.title": ["Mines", "矿山"],
  "mines.none": ["No mine has published information yet.", "目前尚无公开信息的矿山。"],
  "mines.latest": [
    "{{year}}: {{emissions}} t CO2e, {{intensity}} t CO2e per t of coal",
    "{{year}} 年：{{emissions}} t CO2e，每吨煤 {{intensity}} t CO2e",
  ],
  "mines.noReport": ["No published annual report yet.", "尚无已公开的年度报告。"],

  // The published annual reports.
  "reports.title": ["Published annual reports", "已公开的年度报告"],
  "reports.none": ["No annual report has been published yet.", "目前尚无已公开的年度报告。"],
  "col.year": ["Year", "年度"],
  "col.mine": ["Mine", "矿山"],
  "col.emissions": ["Emissions (t CO2e)", "排放量（t CO2e）"],
  "col.intensity": ["Intensity (t CO2e/t)", "排放强度（t CO2e/t）"],
  "col.published": ["Published", "公开日期"],
  "col.expected": ["Due by then", "应达到"],
  "col.actual": ["Achieved", "实际"],
  "col.met": ["Met?", "是否达标"],

  // A mine's page.
  "mine.where": ["{{enterprise}} · {{region}}", "{{enterprise}} · {{region}}"],
  "mine.map": ["Mining-right boundary and feedback", "采矿权范围与公众意见位置"],
  "mine.mapLabel": [
    "Map of the mine's mining-right boundary with the points of public feedback",
    "矿山采矿权范围及公众意见位置地图",
  ],
  "mine.noBoundary": ["The mine's boundary has not been given.", "尚未提供该矿山的范围。"],
  "mine.noReports": ["No published annual report yet.", "尚无已公开的年度报告。"],
  "mine.targets": ["Targets and whether they were met", "目标及完成情况"],
  "mine.noTargets": ["No target has been set for this mine.", "尚未为该矿山设定目标。"],
  "mine.reports": ["Published annual reports", "已公开的年度报告"],
  "mine.back": ["← All published information", "← 返回全部公开信息"],

  // The trend chart.
  "trend.title": ["Emissions and intensity by published year", "各公开年度的排放量与排放强度"],
  "trend.emissions": ["Emissions", "排放量"],
  "trend.intensity": ["Intensity", "排放强度"],
  "trend.emissionsAxis": ["10⁴ t CO2e", "万 t CO2e"],
  "trend.intensityAxis": ["t CO2e/t", "t CO2e/t"],

  // Targets (src/domain/manage/target.ts), in a sentence.
  "target.intensity-reduction": [
    "Carbon intensity down by {{v}} from {{base}} by {{year}}",
    "至 {{year}} 年碳排放强度较 {{base}} 年下降 {{v}}",
  ],
  "target.emission-cap": [
    "Emissions at most {{v}} a year, {{base}}–{{year}}",
    "{{base}}–{{year}} 年每年排放不超过 {{v}}",
  ],
  "target.reclamation-area": [
    "{{v}} reclaimed from {{base}} to {{year}}",
    "{{base}} 年至 {{year}} 年复垦 {{v}}",
  ],
  "target.reclamation-rate": [
    "Reclamation rate of {{v}} by {{year}} (from {{base}})",
    "至 {{year}} 年土地复垦率达到 {{v}}（自 {{base}} 年起）",
  ],
  "target.land-use-cap": [
    "{{role}} at most {{v}}, {{base}}–{{year}}",
    "{{base}}–{{year}} 年{{role}}不超过 {{v}}",
  ],
  "target.methane-utilisation": [
    "Methane utilisation of {{v}} by {{year}} (from {{base}})",
    "至 {{year}} 年瓦斯利用率达到 {{v}}（自 {{base}} 年起）",
  ],
  "target.met": ["met", "已达标"],
  "target.notMet": ["not met", "未达标"],
  "target.notJudged": ["not judged", "无法评价"],
  "target.noYears": ["No published year to judge it on yet.", "尚无可供评价的公开年度。"],
  "unit.percent": ["{{v}} %", "{{v}}%"],
  "unit.tco2e": ["{{v}} t CO2e", "{{v}} t CO2e"],
  "unit.ha": ["{{v}} ha", "{{v}} ha"],

  // Public feedback with replies.
  "feedback.title": ["Feedback from the public and replies", "公众意见与答复"],
  "feedback.none": ["No feedback has been made public yet.", "目前尚无公开的意见。"],
  "feedback.reply": ["Reply from the regulator", "主管部门答复"],
  "feedback.replyOn": ["Reply from the regulator ({{date}})", "主管部门答复（{{date}}）"],
  "feedback.point": ["at {{lon}}, {{lat}}", "位置：{{lon}}，{{lat}}"],

  // The feedback form.
  "form.title": ["Send feedback", "提交意见"],
  "form.titleMine": ["Feedback on {{mine}}", "对{{mine}}的意见"],
  "form.category": ["What it is about", "意见类别"],
  "form.mine": ["Mine (optional)", "矿山（选填）"],
  "form.mineHint": [
    "Leave it empty to write about the area shown above or the portal.",
    "不选择则视为针对上方所示矿区或本平台的意见。",
  ],
  "form.minePlaceholder": ["Choose a mine", "选择矿山"],
  "form.message": ["Your feedback", "意见内容"],
  "form.messageRequired": ["Write your feedback.", "请填写意见内容。"],
  "form.point": ["Where (optional)", "位置（选填）"],
  "form.pointHint": [
    "Click on the map to mark the place your feedback is about.",
    "在地图上点击以标出意见所涉及的位置。",
  ],
  "form.mapLabel": ["Map to mark the place of your feedback", "用于标出意见位置的地图"],
  "form.pointAt": ["Marked at longitude {{lon}}°, latitude {{lat}}°", "已标记：经度 {{lon}}°，纬度 {{lat}}°"],
  "form.noPoint": ["No place marked.", "未标记位置。"],
  "form.clearPoint": ["Clear the mark", "清除标记"],
  "form.name": ["Your name (optional)", "您的姓名（选填）"],
  "form.contact": ["How to reach you (optional)", "联系方式（选填）"],
  "form.contactHint": [
    "Only the regulator sees your name and contact; they are never published.",
    "您的姓名和联系方式仅主管部门可见，不会公开。",
  ],
  "form.send": ["Send", "提交"],
  "form.sent": [
    "Thank you: your feedback was sent. The regulator's reply will appear here once it is made public.",
    "感谢您的意见，已提交。主管部门的答复公开后将在此显示。",
  ],

  // The server's refusals of feedback, by error code.
  "error.rate-limited": [
    "Too many messages from your connection in a short time. Please wait a while and send it again.",
    "您的网络短时间内提交的意见过多，请稍后再提交。",
  ],
  "error.bad-input": [
    "The server refused some of the fields: see the marked fields.",
    "服务器拒绝了部分内容，请查看标出的栏目。",
  ],
  "error.not-found": [
    "That mine or area is no longer public: choose another, or leave it empty.",
    "该矿山或矿区已不再公开，请另选或留空。",
  ],
  "error.field": ["This field was refused: check it.", "此栏被拒绝，请检查。"],
  "error.network": ["The server could not be reached. Try again.", "无法连接服务器，请重试。"],
  "error.other": ["The server could not take it (status {{status}}).", "服务器未能接收（状态 {{status}}）。"],

  // The regulator's moderation (src/web/views/feedback).
  "moderation.title": ["Public feedback", "公众意见"],
  "moderation.intro": [
    "Feedback from the public about the mines and areas of your jurisdiction. Reply, move it on (received → in progress → handled), and choose whether the message and your reply are public.",
    "公众对您辖区内矿山和矿区的意见。可答复、推进处理状态（已受理 → 处理中 → 已办结），并决定意见及答复是否公开。",
  ],
  "moderation.status": ["Status", "状态"],
  "moderation.allStatuses": ["All statuses", "全部状态"],
  "moderation.none": ["No feedback.", "暂无意见。"],
  "moderation.from": ["From", "来自"],
  "moderation.anonymous": ["no name given", "未留姓名"],
  "moderation.noContact": ["no contact", "未留联系方式"],
  "moderation.about": ["About", "涉及"],
  "moderation.portal": ["the portal", "本平台"],
  "moderation.mine": ["mine {{id}}", "矿山 {{id}}"],
  "moderation.area": ["area {{id}}", "矿区 {{id}}"],
  "moderation.public": ["Public", "公开"],
  "moderation.hidden": ["Not public", "未公开"],
  "moderation.reply": ["Reply", "答复"],
  "moderation.replyLabel": ["Your reply", "答复内容"],
  "moderation.replyRequired": ["Write a reply.", "请填写答复。"],
  "moderation.makePublic": ["Show the message and the reply on the portal", "在公开平台上显示该意见及答复"],
  "moderation.save": ["Save the reply", "保存答复"],
  "moderation.saved": ["Saved.", "已保存。"],
  "moderation.cancel": ["Cancel", "取消"],
  "moderation.more": ["More", "加载更多"],
  "moderation.statusBack": [
    "The status only moves forward: received → in progress → handled.",
    "状态只能向前推进：已受理 → 处理中 → 已办结。",
  ],
});
