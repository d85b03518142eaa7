import { Empty } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** The inventory view (being built). */
export default function InventoryView(): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  return <Empty description={t("web:comingSoon")} />;
}
