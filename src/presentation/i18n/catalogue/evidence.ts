import { defineMessages } from "./define-messages.ts";

/**
 * The evidence of supervision's flags (src/domain/manage/supervision.ts, control-rule.ts) and the
 * plausibility checks of an annual report (plausibility.ts), which the domain writes in English:
 * recognised by their form in `evidence-text.ts` and said again here. Numbers are passed as the
 * domain wrote them.
 */
export const evidence = defineMessages({
  emissionCap: [
    "{{emissions}} t CO2e in {{year}}, above the cap of {{cap}} t CO2e/yr",
    "{{year}}年排放 {{emissions}} t CO2e，超过排放上限 {{cap}} t CO2e/年",
  ],
  intensityShort: [
    "carbon intensity {{reduced}} % lower in {{year}} than in {{base}}, short of the target's {{target}} % by {{targetYear}}",
    "{{year}}年碳排放强度较{{base}}年下降 {{reduced}}%，未达到至{{targetYear}}年下降 {{target}}% 的目标进度",
  ],
  intensityProjected: [
    "projected {{reduced}} % lower carbon intensity by {{targetYear}} ({{basis}}), short of the target's {{target}} %",
    "预计至{{targetYear}}年碳排放强度下降 {{reduced}}%（{{basis}}），低于目标 {{target}}%",
  ],
  "basis.plan": ["the mine's plan", "依据矿山规划"],
  "basis.trend": ["the trend of its reports", "依据历年报告趋势"],
  reportLate: [
    "the {{year}} report was due on {{due}} and is {{days}} days late",
    "{{year}}年度报告应于 {{due}} 前提交，已逾期 {{days}} 天",
  ],
  converted: [
    '{{area}} ha converted between the {{from}} and {{to}} maps ({{what}}), which "{{rule}}" forbids',
    "{{from}}年与{{to}}年两期地图之间转用 {{area}} 公顷（{{what}}），违反“{{rule}}”",
  ],
  conversion: ["{{from}} → {{to}} {{area}} ha", "{{from}} → {{to}} {{area}} 公顷"],
  reclaimOverdue: [
    "{{area}} ha is {{what}} in the {{year}} map, after the reclamation deadline {{deadline}} (to {{to}})",
    "{{year}}年地图中仍有 {{area}} 公顷为{{what}}，已超过 {{deadline}} 年的复垦期限（应复垦为{{to}}）",
  ],
  roleArea: ["{{role}} ({{area}} ha)", "{{role}}（{{area}} 公顷）"],
  overCap: [
    "{{area}} ha of {{role}} land in the {{year}} map, above the cap of {{cap}} ha",
    "{{year}}年地图中{{role}}用地 {{area}} 公顷，超过上限 {{cap}} 公顷",
  ],
  notAllowed: [
    "{{area}} ha of {{what}} in the {{year}} map, where only {{roles}} is allowed",
    "{{year}}年地图中有 {{area}} 公顷为{{what}}，该地块仅允许{{roles}}",
  ],
  or: [" or ", "或"],
  comma: [", ", "、"],
  unitJump: [
    "{{now}} {{unit}} is about {{power}} times {{prev}}'s {{before}}: is it in {{unit}}, not 10⁴ {{unit}}?",
    "{{now}} {{unit}} 约为{{prev}}年 {{before}} 的 {{power}} 倍：单位是否应为 {{unit}}，而非万{{unit}}？",
  ],
  "jump.up": [
    "{{now}} {{unit}} is up {{pct}} % from {{prev}}'s {{before}}: explain the change or correct it",
    "{{now}} {{unit}} 较{{prev}}年的 {{before}} 上升 {{pct}}%：请说明原因或更正",
  ],
  "jump.down": [
    "{{now}} {{unit}} is down {{pct}} % from {{prev}}'s {{before}}: explain the change or correct it",
    "{{now}} {{unit}} 较{{prev}}年的 {{before}} 下降 {{pct}}%：请说明原因或更正",
  ],
  outOfRange: [
    "{{value}} {{unit}} is outside the range of similar mines ({{lo}}–{{hi}} {{unit}}; {{source}})",
    "{{value}} {{unit}} 超出同类矿山的范围（{{lo}}–{{hi}} {{unit}}；{{source}}）",
  ],
  "unit.t CO2e per t of coal": ["t CO2e per t of coal", "t CO2e/t 原煤"],
  "unit.tce per t of coal": ["tce per t of coal", "tce/t 原煤"],
  defaultRanges: [
    "MineCarbon screening defaults (status: assumed; a regulator sets its own from its mines' approved reports)",
    "MineCarbon 筛查默认值（状态：假定；监管部门可依据辖区矿山已通过的报告自行设定）",
  ],
  "field.emissionsTCO2ePerYr": ["emissions", "排放量"],
  "field.coalOutputT": ["coal output", "原煤产量"],
  "field.energyTce": ["energy use", "能源消费量"],
  "field.intensity": ["carbon intensity", "碳排放强度"],
  "field.energyPerTonne": ["energy per tonne of coal", "吨煤能耗"],
  labelled: ["{{field}}: {{text}}", "{{field}}：{{text}}"],
});
