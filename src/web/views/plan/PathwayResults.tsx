import { Alert, Card, Empty, Typography } from "antd";
import { useMemo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { PathwayResultRecord } from "../../../contract/pathway-result.ts";
import { macOption, pathwayOption } from "../../../presentation/chart-options.ts";
import { formatNumber } from "../../../presentation/i18n.ts";
import { Chart, type EChartsOption } from "../../components/Chart.tsx";
import { ReportButtons } from "../../components/ReportButtons.tsx";
import { useParams } from "react-router";
import { useArea } from "../../app/access.ts";
import { useViewTexts } from "../../components/view-texts.ts";

/** A projected pathway with the scenario it was projected from (for its report). */
export interface PathwayAnswer {
  result: PathwayResultRecord;
  scenario: Record<string, unknown>;
}

/** The pathway's milestones, its report and its chart (or what to do to see them). */
export function PathwayResult({
  answer,
  failed,
  inventoryId,
}: {
  answer: PathwayAnswer | undefined;
  failed: boolean;
  inventoryId: string;
}): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  const { tv, lang } = useViewTexts();
  const area = useArea(useParams().areaId);
  const pathwayChart = useMemo<EChartsOption | undefined>(
    () =>
      answer
        ? pathwayOption(lang, answer.result.years, answer.result.neutralYear, answer.result.bands?.years)
        : undefined,
    [answer, lang],
  );
  const last = answer?.result.years.at(-1);
  return (
    <>
      <div id="pathway-result" aria-live="polite" style={{ marginTop: 12 }}>
        {answer && last && (
          <>
            <Typography.Paragraph className="milestones">
              {tv("plan.peak", { year: answer.result.peakYear })} ·{" "}
              {answer.result.neutralYear === null ? (
                <span id="not-neutral">
                  {tv("plan.notNeutral", {
                    year: last.year,
                    gap: formatNumber(lang, answer.result.gapAtEndTCO2e ?? 0, 0),
                  })}
                </span>
              ) : (
                <b id="neutral-year">{tv("plan.neutral", { year: answer.result.neutralYear })}</b>
              )}
            </Typography.Paragraph>
            <div className="scenario-report">
              <ReportButtons
                endpoint={`/api/inventories/${inventoryId}/reports`}
                extra={{ scenario: answer.scenario }}
                area={area}
              />
            </div>
          </>
        )}
      </div>
      {pathwayChart ? (
        <Chart id="pathway-chart" option={pathwayChart} height={380} ariaLabel={t("pathway")} />
      ) : (
        !failed && <Empty description={tv("plan.runFirst")} />
      )}
    </>
  );
}

/** The marginal-abatement-cost curve of the pathway's measures against the carbon price. */
export function AbatementCostCurve({ answer }: { answer: PathwayAnswer | undefined }): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  const { tv, lang } = useViewTexts();
  const economics = answer?.result.economics ?? undefined;
  const macChart = useMemo<EChartsOption | undefined>(
    () =>
      economics && economics.mac.length
        ? macOption(lang, economics.mac, economics.prices.carbon.startCNYPerTCO2e)
        : undefined,
    [economics, lang],
  );
  return (
    <Card size="small" title={t("mac")} id="mac-panel">
      <Typography.Paragraph type="secondary">{tv("plan.carbonPrice")}</Typography.Paragraph>
      {macChart ? (
        <Chart id="mac-chart" option={macChart} height={340} ariaLabel={t("mac")} />
      ) : answer ? (
        <Alert type="info" showIcon title={tv("plan.macNeedsCosts")} />
      ) : (
        <Empty description={tv("plan.runFirst")} />
      )}
    </Card>
  );
}
