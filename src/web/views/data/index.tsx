import { Empty } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** The data view (being built). */
export default function DataView(): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  return <Empty description={t("web:comingSoon")} />;
}
