import { defineMessages } from "./define-messages.ts";

/** Texts of the web app only. */
export const web = defineMessages({
  "view.inventory": ["Inventory & reports", "清单与报告"],
  comingSoon: ["This view is being rebuilt.", "此视图正在重建。"],
  areaNotFound: ["There is no mining area with this id.", "没有此编号的矿区。"],
  pageNotFound: ["There is no such page.", "没有此页面。"],
  loadFailed: ["Could not load: {{message}}", "无法加载：{{message}}"],
  retry: ["Retry", "重试"],
});
