import { defineMessages } from "./define-messages.ts";

/** Texts the API answers in the asked language (`?lang=`): warnings, labels of generated files. */
export const api = defineMessages({
  analysisReportTitle: ["{{name}}: carbon budget report", "{{name}}：碳收支报告"],
  analysisReportSubject: ["analysis #{{id}}", "分析 #{{id}}"],
  inventoryReportTitle: ["{{mine}} {{year}}: inventory report", "{{mine}} {{year}}年：碳排放清单报告"],
  inventoryReportSubject: ["inventory #{{id}}", "清单 #{{id}}"],
  staleMapReplaced: [
    "the {{year}} map was replaced on {{date}} ({{from}} → {{to}}); run the analysis again",
    "{{year}}年的地图已于 {{date}} 替换（{{from}} → {{to}}）；请重新运行分析",
  ],
  staleLegendChanged: [
    "the legend was changed on {{date}}; run the analysis again",
    "图例已于 {{date}} 修改；请重新运行分析",
  ],
  mapReadWarning: ["{{detail}}", "读取地图时的提示：{{detail}}"],
  mapAllNodata: [
    "{{name}} has no pixel with a class (all nodata); check its nodata value",
    "{{name}} 没有任何带类别的像元（全部为无数据）；请检查其无数据值",
  ],
  mapFewClassesUsed: [
    "{{name}} uses only {{used}} of the legend's {{total}} classes; check that it is coded in this legend",
    "{{name}} 只用到图例 {{total}} 个类别中的 {{used}} 个；请检查它是否按此图例编码",
  ],
  mapAbsentClasses: [
    "legend classes with no pixel in {{name}}: {{classes}}",
    "{{name}} 中没有像元的图例类别：{{classes}}",
  ],
  mapOneClass: [
    "{{share}} % of {{name}}'s pixels are of one class, {{code}} ({{className}}); check that it is coded in this legend and its nodata value is set",
    "{{name}} 的像元有 {{share}}% 属于同一类别 {{code}}（{{className}}）；请检查它是否按此图例编码、无数据值是否已设置",
  ],
  legendRoleUnknown: [
    'class {{code}} "{{name}}" has the role "{{role}}", which no zoning rule or density set knows: it is left out of seed 001\'s zoning and takes no density; roles they know: {{known}}',
    "类别 {{code}}「{{name}}」的角色为「{{role}}」，没有任何分区规则或密度集认识它：它不参与种子 001 的分区，也不取密度；已知角色：{{known}}",
  ],
  legendRoleTwice: [
    'classes {{first}} and {{second}} both have the role "{{role}}"; zoning and densities read them alike',
    "类别 {{first}} 和 {{second}} 的角色都是「{{role}}」；分区和密度对它们一视同仁",
  ],
  staleBoundaryChanged: [
    "the boundary was changed on {{date}}; run the analysis again",
    "边界已于 {{date}} 修改；请重新运行分析",
  ],
});
