/**
 * Text made safe for HTML content and for attributes in double or single quotes: the one escape
 * for user-supplied text (names, labels, titles) wherever it becomes HTML — chart tooltips, the
 * /docs page, reports.
 */
export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
