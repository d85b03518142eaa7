import { staleReasonLabel } from "../../components/stale-reason.ts";
import { Alert, Card, Skeleton, Space, Table, Typography, type TableColumnsType } from "antd";
import { useMemo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useParams } from "react-router";
import type { LanduseResult } from "../../../contract/landuse-result.ts";
import {
  chordOption,
  classAreasOption,
  componentsOption,
  inventorySteps,
  periodLabel,
  sankeyOption,
  waterfallOption,
  zoneSharesOption,
} from "../../../presentation/chart-options.ts";
import { changeCountName, className, formatNumber } from "../../../presentation/i18n.ts";
import { termName } from "../../../presentation/i18n/domain-text.ts";
import { factorName, factorSourceText } from "../../../presentation/i18n/factor-source.ts";
import type { Lang } from "../../../presentation/i18n/lang.ts";
import { rgbHex, zoneColours } from "../../../presentation/zone-colours.ts";
import { useOverview } from "../../api/queries.ts";
import { useMay } from "../../app/access.ts";
import { viewPath } from "../../app/views.ts";
import { NothingYet } from "../../components/NothingYet.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import type { InventoryListItem } from "../../../contract/inventory-record.ts";
import { useAnalysis, useAreaInventoryResults } from "./queries.ts";
import { ChartCard } from "../../components/ChartCard.tsx";
import { labelLargeArcsOnly } from "../../components/fit-narrow.ts";
import { useViewTexts } from "../../components/view-texts.ts";

type Classes = LanduseResult["legend"]["classes"];

/** The one-step transition matrix (first → last year) as a sortable table that scrolls in its own box. */
function MatrixTable({
  lang,
  classes,
  rows,
}: {
  lang: Lang;
  classes: Classes;
  rows: LanduseResult["transitionsOnestep"];
}): ReactNode {
  const { tv } = useViewTexts();
  const codes = classes
    .map((c) => c.code)
    .filter((c) => rows.some((r) => (r.from_code === c || r.to_code === c) && r.area_ha > 0));
  const name = (code: number) =>
    className(lang, classes.find((k) => k.code === code) ?? { name: String(code) });
  const area = (f: number, to: number) =>
    rows.find((r) => r.from_code === f && r.to_code === to)?.area_ha ?? 0;
  interface Row {
    readonly key: number;
    readonly name: string;
    readonly cells: Readonly<Record<number, number>>;
    readonly total: number;
  }
  const data: Row[] = codes.map((f) => {
    const cells = Object.fromEntries(codes.map((to) => [to, area(f, to)]));
    return { key: f, name: name(f), cells, total: codes.reduce((s, to) => s + area(f, to), 0) };
  });
  const num = (v: number, from: number, to: number | "total") => (
    <span className="num" data-from={from} data-to={to}>
      {formatNumber(lang, v, 2)}
    </span>
  );
  const columns: TableColumnsType<Row> = [
    {
      title: tv("charts.fromTo"),
      dataIndex: "name",
      key: "name",
      fixed: "left",
      sorter: (a, b) => a.name.localeCompare(b.name),
      render: (v: string) => <span className="class-name">{v}</span>,
    },
    ...codes.map((to) => ({
      title: name(to),
      key: String(to),
      align: "right" as const,
      sorter: (a: Row, b: Row) => (a.cells[to] ?? 0) - (b.cells[to] ?? 0),
      render: (_: unknown, r: Row) => num(r.cells[to] ?? 0, r.key, to),
    })),
    {
      title: tv("charts.total"),
      key: "total",
      align: "right" as const,
      sorter: (a: Row, b: Row) => a.total - b.total,
      render: (_: unknown, r: Row) => num(r.total, r.key, "total"),
    },
  ];
  const first = rows[0];
  return (
    <Card
      size="small"
      id="matrix-panel"
      title={tv("charts.matrix", { from: first?.from_year ?? "", to: first?.to_year ?? "" })}
    >
      <Table<Row>
        id="matrix-table"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={data}
        scroll={{ x: "max-content" }}
      />
    </Card>
  );
}

/** Factors used by the analysis and the inventories, with their sources. */
interface FactorRow {
  readonly id: string;
  readonly quantity: string;
  readonly value: number;
  readonly unit: string;
  readonly source: string;
  readonly table: string;
  readonly status: string;
}

function FactorsTable({ lang, factors }: { lang: Lang; factors: readonly FactorRow[] }): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  const { tv } = useViewTexts();
  return (
    <Card size="small" title={t("factors")} id="factors-panel">
      <Table<FactorRow>
        id="factors-table"
        size="small"
        rowKey="id"
        pagination={factors.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: t("noData") }}
        dataSource={[...factors].sort((a, b) => a.id.localeCompare(b.id))}
        columns={[
          {
            // The factor's name in the language; its library id (English, for looking it up) beneath.
            title: t("name"),
            key: "name",
            sorter: (a, b) =>
              factorName(lang, a.id, a.quantity).localeCompare(factorName(lang, b.id, b.quantity)),
            render: (_, f) => (
              <div className="factor-name" style={{ minWidth: 200, maxWidth: 360, whiteSpace: "normal" }}>
                <div>{factorName(lang, f.id, f.quantity)}</div>
                <Typography.Text type="secondary" className="factor-id" title={t("factorId")}>
                  {f.id}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: t("value"),
            dataIndex: "value",
            key: "value",
            align: "right",
            render: (v: number) => <span className="num">{formatNumber(lang, v, 6)}</span>,
          },
          { title: t("unit"), dataIndex: "unit", key: "unit" },
          {
            title: t("source"),
            key: "source",
            // Wraps within its own width, so that the table fits a desktop page.
            render: (_, f) => (
              <span
                className="factor-source"
                style={{ display: "inline-block", minWidth: 220, maxWidth: 420, whiteSpace: "normal" }}
              >
                {tv("charts.sourceStatus", {
                  source: factorSourceText(lang, f),
                  status: termName(lang, "status", f.status),
                })}
              </span>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** The classes' colours, said in words: under the Sankey and the chord on a phone, where their labels are off. */
function ClassKey({
  lang,
  classes,
  codes,
  years,
}: {
  lang: Lang;
  classes: LanduseResult["legend"]["classes"];
  codes: ReadonlySet<number>;
  /** The years of the columns, left to right (the Sankey's node labels named them). */
  years?: readonly number[];
}): ReactNode {
  return (
    <>
      {years && <div className="class-key-years">{years.join(" → ")}</div>}
      <ul className="legend-items class-key">
        {classes
          .filter((c) => codes.has(c.code))
          .map((c) => (
            <li key={c.code}>
              <span className="swatch" style={{ background: c.colour ?? "#999999" }} />
              {className(lang, c)}
            </li>
          ))}
      </ul>
    </>
  );
}

/** The charts and tables of a finished land-use analysis. */
function AnalysisCharts({ lang, r }: { lang: Lang; r: LanduseResult }): ReactNode {
  const { t } = useTranslation(["common", "web", "report"]);
  const { tv } = useViewTexts();
  const classes = r.legend.classes;
  const options = useMemo(() => {
    const zones = r.zoning?.zones ?? [];
    const rgb = zoneColours(zones);
    const colours = Object.fromEntries(zones.map((z, i) => [z, rgbHex(rgb[i]!)]));
    return {
      sankey: sankeyOption(lang, classes, r.transitionsMultistep),
      sankeyCodes: new Set(
        r.transitionsMultistep.filter((t) => t.area_ha > 0).flatMap((t) => [t.from_code, t.to_code]),
      ),
      sankeyYears: [...new Set(r.transitionsMultistep.flatMap((t) => [t.from_year, t.to_year]))].sort(
        (a, b) => a - b,
      ),
      chordCodes: new Set(
        r.transitionsOnestep.filter((t) => t.area_ha > 0).flatMap((t) => [t.from_code, t.to_code]),
      ),
      chord: labelLargeArcsOnly(chordOption(lang, classes, r.transitionsOnestep)),
      zones: r.zonesByPeriod.length ? zoneSharesOption(lang, r.zonesByPeriod, colours) : undefined,
      areas: classAreasOption(lang, classes, r.classes),
      components: r.componentsOverall.length ? componentsOption(lang, r.componentsOverall) : undefined,
    };
  }, [lang, r, classes]);
  const n = (v: number, d = 1) => formatNumber(lang, v, d);
  const v = r.valuation;
  return (
    <>
      <ChartCard
        id="sankey"
        title={t("sankey")}
        option={options.sankey}
        height={460}
        fitsNarrow
        narrowHeight={420}
        narrowKey={
          <ClassKey lang={lang} classes={classes} codes={options.sankeyCodes} years={options.sankeyYears} />
        }
      />
      <ChartCard
        id="chord"
        title={t("chord")}
        option={options.chord}
        height={460}
        fitsNarrow
        narrowHeight={360}
        narrowKey={<ClassKey lang={lang} classes={classes} codes={options.chordCodes} />}
      />
      <ChartCard id="class-areas" title={t("classAreas")} option={options.areas} />
      {options.zones ? (
        <ChartCard id="zone-shares" title={t("zoneShares")} option={options.zones} />
      ) : (
        <Alert type="info" showIcon title={tv("charts.noZoning")} />
      )}
      {options.components && (
        <ChartCard id="components" title={t("componentsOverall")} option={options.components} />
      )}
      <MatrixTable lang={lang} classes={classes} rows={r.transitionsOnestep} />
      {r.accumulatedChanges.length > 0 && (
        <Card size="small" title={t("accumulatedChanges")} id="accumulated-panel">
          <Table
            id="accumulated-table"
            size="small"
            rowKey="changes"
            pagination={false}
            scroll={{ x: "max-content" }}
            dataSource={r.accumulatedChanges}
            columns={[
              { title: t("report:changes"), key: "c", render: (_, a) => changeCountName(lang, a.changes) },
              { title: t("area"), key: "a", align: "right", render: (_, a) => n(a.area_ha, 2) },
              { title: `${t("share")} (%)`, key: "p", align: "right", render: (_, a) => n(a.percent, 1) },
            ]}
          />
        </Card>
      )}
      <Card size="small" title={`${t("carbonChange")} (${t("report:storedLost")})`} id="carbon-change-panel">
        {r.carbonChange.length ? (
          <Table
            id="carbon-change-table"
            size="small"
            rowKey={(c) => `${c.kind}-${c.from_year}-${c.to_year}-${c.pool}`}
            pagination={false}
            scroll={{ x: "max-content" }}
            dataSource={r.carbonChange}
            columns={[
              { title: t("period"), key: "p", render: (_, c) => periodLabel(lang, c) },
              { title: t("report:pool"), key: "pool", render: (_, c) => termName(lang, "pool", c.pool) },
              { title: "t C", key: "tc", align: "right", render: (_, c) => n(c.change_tC) },
              { title: "t CO2e", key: "co2", align: "right", render: (_, c) => n(c.change_tCO2e) },
              { title: "t C/yr", key: "yr", align: "right", render: (_, c) => n(c.change_tC_per_yr) },
            ]}
          />
        ) : (
          <Typography.Paragraph>{tv("charts.noCarbon")}</Typography.Paragraph>
        )}
      </Card>
      <Card size="small" title={t("carbonValue")} id="carbon-value-panel">
        {v && r.carbonValue.length ? (
          <>
            <Typography.Paragraph>
              {t("report:valuation", {
                title: t("carbonValue"),
                price: n(v.carbonPriceCNYPerTCO2e, 2),
                priceYear: v.priceYear,
                source: v.priceSource,
                change: n(v.priceChangePerYear * 100, 2),
                rate: n(v.discountRatePerYear * 100, 2),
                presentYear: v.presentValueYear,
              })}
            </Typography.Paragraph>
            <Table
              id="carbon-value-table"
              size="small"
              rowKey={(x) => `${x.kind}-${x.from_year}-${x.to_year}`}
              pagination={false}
              scroll={{ x: "max-content" }}
              dataSource={r.carbonValue}
              columns={[
                { title: t("period"), key: "p", render: (_, x) => periodLabel(lang, x) },
                { title: "t CO2e", key: "t", align: "right", render: (_, x) => n(x.change_tCO2e) },
                {
                  title: t("report:priceAtStart"),
                  key: "price",
                  align: "right",
                  render: (_, x) => n(x.price_at_start_CNY_per_tCO2e, 2),
                },
                {
                  title: t("report:npvFirstYear"),
                  key: "npv0",
                  align: "right",
                  render: (_, x) => n(x.npv_at_interval_start_CNY, 0),
                },
                {
                  title: t("report:npvIn", { year: v.presentValueYear }),
                  key: "npv",
                  align: "right",
                  render: (_, x) => n(x.npv_CNY, 0),
                },
              ]}
            />
          </>
        ) : (
          <Typography.Paragraph>{tv("charts.noValuation")}</Typography.Paragraph>
        )}
      </Card>
    </>
  );
}

/** The inventory waterfall of a stored inventory (its first year). */
function InventoryWaterfall({ lang, inv }: { lang: Lang; inv: InventoryListItem }): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  const { tv } = useViewTexts();
  const year = inv.result?.years[0];
  const option = useMemo(
    () => (year ? waterfallOption(lang, inventorySteps(lang, year)) : undefined),
    [lang, year],
  );
  const title = `${t("waterfall")} — ${tv("charts.inventoryOf", { mine: inv.mine, year: inv.year })}`;
  if (!option)
    return (
      <Card size="small" title={title}>
        <Alert
          type="warning"
          showIcon
          title={tv("charts.resultProblem", { problem: inv.resultProblem ?? "—" })}
        />
      </Card>
    );
  return <ChartCard id={`waterfall-${inv.id}`} title={title} option={option} height={420} minWidth={720} />;
}

/**
 * The charts of an area: the Sankey of transfers, the chord diagram, class areas over time, zone
 * shares per period, change components, the transition matrix, accumulated changes, the change in
 * carbon storage and its value, the inventory waterfalls and every factor used with its source.
 */
export default function ChartsView(): ReactNode {
  const { areaId = "" } = useParams();
  const { t } = useTranslation(["common", "web"]);
  const { tv, lang } = useViewTexts();
  const { search } = useLocation();
  const overview = useOverview(areaId, lang);
  const o = overview.data;
  const mayRun = useMay("analysis.run", o?.area ?? null);
  const mayEnter = useMay("inventory.write", o?.area ?? null);
  const analysis = useAnalysis(o?.latestAnalysis?.id);
  const inventories = useAreaInventoryResults(areaId);
  const result = analysis.data?.result ?? undefined;
  const invs = inventories.data;
  const factors = useMemo(() => {
    const all = new Map<string, FactorRow>();
    for (const f of [
      ...(result?.stockLostToMining?.factorsUsed ?? []),
      ...(result?.valuation?.factorsUsed ?? []),
    ])
      all.set(f.id, f);
    for (const inv of invs ?? []) for (const f of inv.result?.factors.used ?? []) all.set(f.id, f);
    return [...all.values()];
  }, [result, invs]);
  if (overview.isPending) return <Skeleton active />;
  if (overview.error) return <QueryError error={overview.error} />;
  if (!o) return null;
  return (
    <Space direction="vertical" size="middle" className="charts-view" style={{ width: "100%" }}>
      <Typography.Title level={2}>{t("charts")}</Typography.Title>
      {o.latestAnalysis?.stale && (
        <Alert
          type="warning"
          showIcon
          className="stale-alert"
          title={t("web:staleAnalysis")}
          description={staleReasonLabel(t, o.latestAnalysis.staleReason, o.latestAnalysis.staleReasonCode)}
        />
      )}
      {!o.latestAnalysis ? (
        <NothingYet
          id="charts-no-analysis"
          mayAct={mayRun}
          act={tv("charts.noAnalysis")}
          wait={tv("empty.analysisWait")}
          to={viewPath(areaId, "data", search)}
          linkText={tv("empty.goData")}
        />
      ) : analysis.isPending ? (
        <Skeleton active />
      ) : analysis.error ? (
        <QueryError error={analysis.error} />
      ) : result ? (
        <AnalysisCharts lang={lang} r={result} />
      ) : (
        <Alert type="info" showIcon title={tv("charts.running", { status: t(analysis.data.status) })} />
      )}
      {inventories.error ? (
        <QueryError error={inventories.error} />
      ) : !invs ? (
        <Skeleton active />
      ) : invs.length === 0 ? (
        <NothingYet
          id="charts-no-inventory"
          mayAct={mayEnter}
          act={tv("charts.noInventory")}
          wait={tv("empty.inventoryWait")}
          to={viewPath(areaId, "inventory", search)}
          linkText={tv("empty.goInventory")}
        />
      ) : (
        invs.map((inv) => <InventoryWaterfall key={inv.id} lang={lang} inv={inv} />)
      )}
      <FactorsTable lang={lang} factors={factors} />
    </Space>
  );
}
