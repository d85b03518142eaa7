/**
 * Moved to src/web/components/view-texts.ts (shared by the Charts, Plan and Inventory views). Kept
 * only until the Plan view's files import it from there; then this file goes.
 */
export { useViewTexts, type ViewT, type ViewTextKey } from "../../components/view-texts.ts";
