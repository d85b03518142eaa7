import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Empty, Select, Skeleton, Space, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { inventoryQuery, useOverview } from "../../api/queries.ts";
import { QueryError } from "../../components/QueryError.tsx";
import { ReportButtons } from "../../components/ReportButtons.tsx";
import { useMay } from "../../app/access.ts";
import { useViewTexts } from "../../components/view-texts.ts";
import { ActivityForm } from "./ActivityForm.tsx";
import { InventoryResult } from "./InventoryResult.tsx";

/**
 * Inventory and reports: a year's activity data of a mine (the chosen stored inventory's, or a new
 * one), typed in or imported from CSV/XLSX and computed by the server, every problem shown at its
 * field; the result's waterfall and uncertainty; the HTML/PDF reports of the inventory and of the
 * latest land-use analysis, in the page's language.
 */
export default function InventoryView(): ReactNode {
  const { areaId = "" } = useParams();
  const { t } = useTranslation(["common", "web"]);
  const { tv, lang } = useViewTexts();
  const overview = useOverview(areaId, lang);
  const o = overview.data;
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const list = o?.inventories ?? [];
  const id = chosen && list.some((i) => i.id === chosen) ? chosen : list.at(-1)?.id;
  const inv = useQuery({ ...inventoryQuery(id ?? ""), enabled: !!id });
  const mayReport = useMay("report.create", o?.area ?? null);
  const mayWrite = useMay("inventory.write", o?.area ?? null);
  if (overview.isPending) return <Skeleton active />;
  if (overview.error) return <QueryError error={overview.error} />;
  if (!o) return null;
  return (
    <Space direction="vertical" size="middle" className="inventory-view" style={{ width: "100%" }}>
      <Typography.Title level={2}>{t("web:view.inventory")}</Typography.Title>
      {!mayWrite && (
        <Alert type="info" showIcon className="read-only-note" title={t("web:auth.readOnlyArea")} />
      )}
      {list.length > 0 && (
        <label className="inventory-pick">
          {tv("inv.choose")}{" "}
          <Select
            id="inventory-select"
            value={id}
            onChange={setChosen}
            style={{ minWidth: 220, maxWidth: "100%" }}
            options={list.map((i) => ({
              value: i.id,
              label: tv("charts.inventoryOf", { mine: i.mine, year: i.year }),
            }))}
          />
        </label>
      )}
      {id && inv.isPending ? (
        <Skeleton active />
      ) : inv.error ? (
        <QueryError error={inv.error} />
      ) : (
        (id || mayWrite) && (
          <ActivityForm
            key={inv.data?.id ?? "new"}
            areaId={areaId}
            base={inv.data}
            tv={tv}
            onSaved={setChosen}
            readOnly={!mayWrite}
          />
        )
      )}
      {inv.data ? (
        <InventoryResult inv={inv.data} lang={lang} tv={tv} />
      ) : (
        !id && (
          <div id="inventory-none">
            <Empty description={tv(mayWrite ? "inv.enterAbove" : "empty.inventoryWait")} />
          </div>
        )
      )}
      {o.latestAnalysis && mayReport && (
        <Card size="small" title={`${t("report")} — ${t("analysis")}`} id="analysis-reports">
          <ReportButtons
            endpoint={`/api/analyses/${encodeURIComponent(o.latestAnalysis.id)}/reports`}
            area={o.area}
          />
        </Card>
      )}
    </Space>
  );
}
