import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Select, Skeleton, Space, Typography } from "antd";
import { useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useParams } from "react-router";
import type { ScenarioDefaults } from "../../../contract/scenario-defaults.ts";
import { apiFetch } from "../../api/client.ts";
import { keys, useOverview } from "../../api/queries.ts";
import { useMay } from "../../app/access.ts";
import { viewPath } from "../../app/views.ts";
import { NothingYet } from "../../components/NothingYet.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { useViewTexts } from "../../components/view-texts.ts";
import { PathwayPlanner } from "./PathwayPlanner.tsx";
import type { ScenarioStart } from "./scenario-start.ts";
import { StructureOptimization } from "./StructureOptimization.tsx";

/** Where each mine's pathway starts, and the prices a planner starts from (the server's defaults). */
function useScenarioDefaults(areaId: string) {
  return useQuery({
    queryKey: keys.scenarioDefaults(areaId),
    queryFn: () => apiFetch<ScenarioDefaults>(`/api/areas/${encodeURIComponent(areaId)}/scenario-defaults`),
  });
}

/**
 * Planning: the scenario builder of the chosen mine (from its own stored inventory and coal output;
 * the measures its sources allow, each with start, ramp and level labelled from the scenario spec),
 * the pathway to 2060 with the 95 % band and the neutrality line, the abatement-cost curve with the
 * carbon price, and the land-use structure optimization of the area's own land.
 */
export default function PlanView(): ReactNode {
  const { areaId = "" } = useParams();
  const { t } = useTranslation(["common", "web"]);
  const { tv, lang } = useViewTexts();
  const overview = useOverview(areaId, lang);
  const defaults = useScenarioDefaults(areaId);
  const o = overview.data;
  const { search } = useLocation();
  const mayEnter = useMay("inventory.write", o?.area ?? null);
  // The latest inventory of each mine.
  const latest = useMemo(() => {
    const byMine = new Map<string, { id: string; mine: string; year: number }>();
    for (const i of o?.inventories ?? []) {
      const seen = byMine.get(i.mine);
      if (!seen || seen.year < i.year) byMine.set(i.mine, i);
    }
    return [...byMine.values()];
  }, [o]);
  const starts: readonly ScenarioStart[] = defaults.data?.mines ?? [];
  const economics = defaults.data?.economics;
  const endYear = defaults.data?.endYear;
  const [mine, setMine] = useState<string | undefined>(undefined);
  const start = starts.find((s) => s.mine === mine) ?? starts[0];
  if (overview.isPending || defaults.isPending) return <Skeleton active />;
  if (overview.error) return <QueryError error={overview.error} />;
  if (defaults.error) return <QueryError error={defaults.error} />;
  return (
    <Space direction="vertical" size="middle" className="plan-view" style={{ width: "100%" }}>
      <Typography.Title level={2}>{t("plan")}</Typography.Title>
      {latest.length === 0 ? (
        <Card size="small" title={t("pathway")}>
          <NothingYet
            id="plan-no-inventory"
            mayAct={mayEnter}
            act={tv("plan.needsInventory")}
            wait={tv("empty.inventoryWait")}
            to={viewPath(areaId, "inventory", search)}
            linkText={tv("empty.goInventory")}
          />
        </Card>
      ) : !start || !economics || endYear === undefined ? (
        <Alert type="warning" showIcon title={tv(mayEnter ? "plan.noResult" : "plan.noResultWait")} />
      ) : (
        <>
          {starts.length > 1 && (
            <label className="mine-pick">
              {tv("plan.mine")}{" "}
              <Select
                id="mine-select"
                value={start.mine}
                onChange={setMine}
                options={starts.map((s) => ({ value: s.mine, label: `${s.mine} (${s.baseYear})` }))}
                style={{ minWidth: 200 }}
              />
            </label>
          )}
          <PathwayPlanner
            key={`${start.inventoryId}`}
            start={start}
            economics={economics}
            endYear={endYear}
            tv={tv}
            lang={lang}
          />
        </>
      )}
      <StructureOptimization areaId={areaId} />
    </Space>
  );
}
