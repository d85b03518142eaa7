import { Alert, Table, Typography } from "antd";
import { useMemo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { OptimizationResultRecord } from "../../../contract/pathway-result.ts";
import { formatNumber } from "../../../presentation/i18n.ts";
import { Chart, type EChartsOption } from "../../components/Chart.tsx";
import { useViewTexts } from "../../components/view-texts.ts";

/** A class of the problem as the screen names it (the area's own legend names in the language). */
export interface ClassLabel {
  key: string;
  label: string;
}

/**
 * An optimization's answer: the net sink now and at the optimum, the class areas now and at the
 * optimum (table and chart, named by `labels` when given, else by the problem's names), and the
 * binding constraints with their shadow prices.
 */
export function OptimizationResults({
  result: r,
  labels,
}: {
  result: OptimizationResultRecord;
  labels: readonly ClassLabel[];
}): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  const { tv, lang } = useViewTexts();
  const criterion = r.criteria?.[0];
  const binding = r.binding ?? [];
  const classes = useMemo(
    () =>
      (r.classes ?? []).map((c) => ({ ...c, label: labels.find((l) => l.key === c.key)?.label ?? c.name })),
    [r, labels],
  );
  const option = useMemo<EChartsOption | undefined>(
    () =>
      classes.length
        ? {
            animation: false,
            tooltip: { trigger: "axis" },
            legend: { top: 0 },
            grid: { left: 70, right: 20, top: 40, bottom: 90 },
            xAxis: {
              type: "category",
              data: classes.map((k) => k.label),
              axisLabel: { rotate: 30, fontSize: 10, interval: 0 },
            },
            yAxis: { type: "value", name: "ha" },
            series: [
              {
                type: "bar",
                name: t("current"),
                data: classes.map((k) => k.currentHa),
                itemStyle: { color: "#9e9e9e" },
              },
              {
                type: "bar",
                name: t("optimal"),
                data: classes.map((k) => k.optimalHa),
                itemStyle: { color: "#2e7d32" },
              },
            ],
          }
        : undefined,
    [classes, t],
  );
  const ha = (x: number) => formatNumber(lang, x, 0);
  return (
    <>
      {r.status !== "optimal" && <Alert type="error" showIcon title={r.status} />}
      {criterion && (
        <Typography.Paragraph id="optimize-change" style={{ marginTop: 12 }}>
          {`${formatNumber(lang, criterion.current, 0)} → ${formatNumber(lang, criterion.optimal, 0)} ${criterion.unit} (${criterion.change >= 0 ? "+" : ""}${formatNumber(lang, criterion.change, 0)})`}
        </Typography.Paragraph>
      )}
      {classes.length > 0 && (
        <Table
          size="small"
          id="optimize-classes"
          rowKey="key"
          pagination={false}
          scroll={{ x: "max-content" }}
          title={() => tv("plan.classesTable")}
          dataSource={classes}
          columns={[
            { title: tv("plan.class"), dataIndex: "label", key: "label", className: "class-name" },
            { title: tv("plan.currentHa"), key: "c", align: "right", render: (_, c) => ha(c.currentHa) },
            { title: tv("plan.optimalHa"), key: "o", align: "right", render: (_, c) => ha(c.optimalHa) },
            {
              title: tv("plan.changeHa"),
              key: "d",
              align: "right",
              render: (_, c) => `${c.changeHa > 0 ? "+" : ""}${ha(c.changeHa)}`,
            },
          ]}
        />
      )}
      {binding.length > 0 && (
        <Table
          size="small"
          id="binding-table"
          rowKey="name"
          pagination={false}
          scroll={{ x: "max-content" }}
          title={() => tv("plan.binding")}
          dataSource={binding}
          columns={[
            { title: tv("plan.constraint"), dataIndex: "name", key: "name" },
            {
              title: tv("plan.shadowPrice"),
              key: "p",
              align: "right",
              render: (_, b) => `${formatNumber(lang, b.shadowPrice, 3)} ${b.shadowPriceUnit}`,
            },
          ]}
        />
      )}
      {option && (
        <Chart id="optimize-chart" option={option} height={340} ariaLabel={tv("plan.classesChart")} />
      )}
    </>
  );
}
