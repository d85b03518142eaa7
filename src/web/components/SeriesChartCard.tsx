import { Card, Empty } from "antd";
import { useMemo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Overview } from "../../contract/overview.ts";
import type { Lang } from "../../presentation/i18n/lang.ts";
import { Chart } from "./Chart.tsx";
import { overviewSeriesOption } from "./series-option.ts";

/**
 * The card of an area's carbon stock and emissions by year (or a note that there is no series yet,
 * saying what to do only to who may do it): the area's overview and the public portal show it.
 */
export function SeriesChartCard({
  id,
  series,
  lang,
  height,
  mayAct = false,
}: {
  id: string;
  series: Overview["series"];
  lang: Lang;
  height: number;
  /** Whether the viewer may run an analysis or enter an inventory (the empty card says so). */
  mayAct?: boolean;
}): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  const option = useMemo(
    () => (series.length ? overviewSeriesOption(series, t, lang) : undefined),
    [series, t, lang],
  );
  const title = t("web:overview.chartTitle");
  return (
    <Card size="small" title={title}>
      {option ? (
        <Chart id={id} option={option} height={height} ariaLabel={title} />
      ) : (
        <Empty description={t(mayAct ? "web:overview.noSeries" : "web:overview.noSeriesYet")} />
      )}
    </Card>
  );
}
