import { Alert, Card } from "antd";
import { useMemo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { InventoryRecord } from "../../../contract/inventory-record.ts";
import { inventorySteps, waterfallOption } from "../../../presentation/chart-options.ts";
import type { Lang } from "../../../presentation/i18n/lang.ts";
import { ReportButtons } from "../../components/ReportButtons.tsx";
import { useArea, useMay } from "../../app/access.ts";
import { ChartCard } from "../../components/ChartCard.tsx";
import type { ViewT } from "../../components/view-texts.ts";
import { UncertaintyBox } from "./UncertaintyBox.tsx";

/** A stored inventory's result: waterfall, uncertainty and report downloads. */
export function InventoryResult({
  inv,
  lang,
  tv,
}: {
  inv: InventoryRecord;
  lang: Lang;
  tv: ViewT;
}): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  const area = useArea(inv.areaId);
  const mayReport = useMay("report.create", area);
  const year = inv.result?.years[0];
  const option = useMemo(
    () => (year ? waterfallOption(lang, inventorySteps(lang, year)) : undefined),
    [lang, year],
  );
  if (!inv.result || !option)
    return (
      <Alert
        type="warning"
        showIcon
        title={tv("charts.resultProblem", { problem: inv.resultProblem ?? "—" })}
      />
    );
  return (
    <>
      <ChartCard
        id="inventory-waterfall"
        title={`${t("waterfall")} — ${tv("charts.inventoryOf", { mine: inv.mine, year: inv.year })}`}
        option={option}
        height={400}
        minWidth={720}
      />
      <UncertaintyBox lang={lang} result={inv.result} tv={tv} />
      {mayReport && (
        <Card size="small" title={tv("inv.reports")} id="inventory-reports">
          <ReportButtons endpoint={`/api/inventories/${encodeURIComponent(inv.id)}/reports`} area={area} />
        </Card>
      )}
    </>
  );
}
