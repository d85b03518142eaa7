import type { ThemeConfig } from "antd";

/**
 * The app's look: a dark green of reclaimed land, and a font stack that ends in the bundled Noto
 * Sans SC so that Chinese renders on machines without a CJK system font.
 */
export const FONT_FAMILY =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans SC", "DejaVu Sans", sans-serif';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: "#2e7d4f",
    colorLink: "#2e7d4f",
    fontFamily: FONT_FAMILY,
    borderRadius: 4,
  },
  components: {
    Layout: { headerBg: "#1b3d2f", headerPadding: "0 16px", headerHeight: "auto" },
  },
};
