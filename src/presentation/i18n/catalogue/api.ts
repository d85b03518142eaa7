import { defineMessages } from "./define-messages.ts";

/** Texts the API answers in the asked language (`?lang=`): warnings, labels of generated files. */
export const api = defineMessages({
  analysisReportTitle: ["{{name}}: carbon budget report", "{{name}}：碳收支报告"],
  analysisReportSubject: ["analysis #{{id}}", "分析 #{{id}}"],
  inventoryReportTitle: ["{{mine}} {{year}}: inventory report", "{{mine}} {{year}}年：碳排放清单报告"],
  inventoryReportSubject: ["inventory #{{id}}", "清单 #{{id}}"],
});
