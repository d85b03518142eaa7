import { defineMessages } from "./define-messages.ts";

/** Names of the domain's things in both languages: zones, carbon pools, measures, class roles. */
export const terms = defineMessages({
  "zone.invariant": ["invariant", "不变区"],
  "zone.enhancement": ["enhancement", "碳汇增强区"],
  "zone.low-carbon-optimization": ["low-carbon optimization", "低碳优化区"],
  "zone.emission-control": ["emission control", "排放控制区"],
  "zone.unclassified": ["unclassified", "未分类"],
});
