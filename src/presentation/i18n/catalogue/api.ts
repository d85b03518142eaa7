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
  staleBoundaryChanged: [
    "the boundary was changed on {{date}}; run the analysis again",
    "边界已于 {{date}} 修改；请重新运行分析",
  ],
});
