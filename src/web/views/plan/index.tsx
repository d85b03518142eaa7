import { useMutation, useQuery } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Typography,
} from "antd";
import { useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { OptimizationResultRecord, PathwayResultRecord } from "../../../contract/pathway-result.ts";
import type { ScenarioDefaults } from "../../../contract/scenario-defaults.ts";
import { specFields, type SpecField } from "../../../domain/common/field-meta.ts";
import { scenarioSchema } from "../../../domain/pathway/scenario-spec.ts";
import { macOption, pathwayOption } from "../../../presentation/chart-options.ts";
import { formatNumber } from "../../../presentation/i18n.ts";
import type { Lang } from "../../../presentation/i18n/lang.ts";
import { ApiError, apiFetch, type ApiErrorDetail } from "../../api/client.ts";
import { useOverview, keys } from "../../api/queries.ts";
import { Chart, type EChartsOption } from "../../components/Chart.tsx";
import { FieldLabel } from "../../components/FieldLabel.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { ReportButtons } from "../../components/ReportButtons.tsx";
import { useViewTexts, type ViewT } from "../charts/view-texts.ts";
import {
  coalOutputField,
  MEASURE_KINDS,
  measureFields,
  measureKey,
  type MeasureKind,
  type ScenarioStart,
} from "./scenario-start.ts";

/** What the form holds: one entry per applicable measure, the coal output at the end, the band. */
interface PlanForm {
  measures: Record<string, unknown>[];
  coalEnd: number | null;
  uncertainty: boolean;
}

/** Where each mine's pathway starts, and the prices a planner starts from (the server's defaults). */
function useScenarioDefaults(areaId: string) {
  return useQuery({
    queryKey: keys.scenarioDefaults(areaId),
    queryFn: () => apiFetch<ScenarioDefaults>(`/api/areas/${encodeURIComponent(areaId)}/scenario-defaults`),
  });
}

/** One input of a measure, from its spec field: a number with its range, or a text. */
function MeasureInput({
  field,
  name,
  disabled,
}: {
  field: SpecField;
  name: (string | number)[];
  disabled: boolean;
}) {
  const { t } = useTranslation(["common", "web"]);
  const numeric = field.type === "number" || field.type === "integer";
  const required = !field.optional && field.default === undefined && !disabled;
  return (
    <Form.Item
      name={name}
      label={<FieldLabel field={field} />}
      data-path={name.join(".")}
      rules={[
        { required, message: t("web:required") },
        ...(numeric
          ? [
              {
                type: "number" as const,
                ...(field.min !== undefined ? { min: field.min } : {}),
                ...(field.max !== undefined ? { max: field.max } : {}),
                message: `${field.min ?? "…"} – ${field.max ?? "…"}`,
              },
            ]
          : []),
      ]}
    >
      {numeric ? (
        <InputNumber
          className="field-input"
          style={{ width: "100%" }}
          disabled={disabled}
          step={field.unit === "fraction" ? 0.05 : 1}
        />
      ) : (
        <Input className="field-input" disabled={disabled} />
      )}
    </Form.Item>
  );
}

/** A measure's card: include it or not, its start, ramp and level, and its cost (optional). */
function MeasureCard({
  index,
  kind,
  applies,
  tv,
}: {
  index: number;
  kind: MeasureKind;
  applies: boolean;
  tv: ViewT;
}) {
  const fields = useMemo(() => measureFields(kind), [kind]);
  const enabled = Form.useWatch(["measures", index, "enabled"]) === true;
  const main = fields.filter((f) => !f.path.startsWith("measures[].cost."));
  const cost = fields.filter((f) => f.path.startsWith("measures[].cost."));
  return (
    <Card
      size="small"
      className="measure"
      data-kind={kind}
      title={
        <Form.Item name={["measures", index, "enabled"]} valuePropName="checked" noStyle>
          <Checkbox className="enabled" disabled={!applies}>
            <MeasureName kind={kind} />
          </Checkbox>
        </Form.Item>
      }
    >
      {!applies && <Typography.Paragraph type="secondary">{tv("plan.notApplicable")}</Typography.Paragraph>}
      {enabled && (
        <>
          <Row gutter={12}>
            {main.map((f) => (
              <Col key={f.path} xs={24} sm={12} lg={8}>
                <MeasureInput
                  field={f}
                  name={["measures", index, ...measureKey(f).split(".")]}
                  disabled={!enabled}
                />
              </Col>
            ))}
          </Row>
          {cost.length > 0 && (
            <>
              <Typography.Text strong>{tv("plan.cost")}</Typography.Text>
              <Row gutter={12}>
                {cost.map((f) => (
                  <Col key={f.path} xs={24} sm={12} lg={8}>
                    <MeasureInput
                      field={{ ...f, optional: true, default: undefined }}
                      name={["measures", index, ...measureKey(f).split(".")]}
                      disabled={!enabled}
                    />
                  </Col>
                ))}
              </Row>
            </>
          )}
        </>
      )}
    </Card>
  );
}

/** A measure's name from the scenario spec's metadata (the `kind` literal's label). */
function MeasureName({ kind }: { kind: MeasureKind }): ReactNode {
  const { lang } = useViewTexts();
  const label = useMemo(() => kindLabel(kind, lang), [kind, lang]);
  return <span className="measure-name">{label}</span>;
}

function kindLabel(kind: MeasureKind, lang: Lang): string {
  const f = measureFieldsKind(kind);
  return f?.label?.[lang] ?? kind;
}
const measureFieldsKind = (kind: MeasureKind) =>
  measureFieldsAll().find((f) => f.when === `kind = ${kind}` && f.path === "measures[].kind");
let allFields: SpecField[] | undefined;
const measureFieldsAll = () => (allFields ??= specFields(scenarioSchema));

/** A measure as the scenario sends it: without the form's own `enabled`, empty costs left out. */
function measureOf(kind: MeasureKind, values: Record<string, unknown>): Record<string, unknown> {
  const { enabled: _enabled, cost, ...rest } = values;
  const m: Record<string, unknown> = { kind };
  for (const [k, v] of Object.entries(rest)) if (v !== null && v !== undefined && v !== "") m[k] = v;
  if (typeof cost === "object" && cost !== null) {
    const c = Object.fromEntries(
      Object.entries(cost).filter(([, v]) => v !== null && v !== undefined && v !== ""),
    );
    if (Object.keys(c).length) m.cost = c;
  }
  return m;
}

/** The scenario builder, the pathway to 2060 and the abatement-cost curve of one mine. */
function PathwayPlanner({
  start,
  economics,
  endYear,
  tv,
  lang,
}: {
  start: ScenarioStart;
  economics: ScenarioDefaults["economics"];
  /** The plan's end year, as the server's defaults answer it (their starting levels fit it). */
  endYear: number;
  tv: ViewT;
  lang: Lang;
}): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  const [form] = Form.useForm<PlanForm>();
  const [problems, setProblems] = useState<readonly ApiErrorDetail[]>([]);
  const kinds = MEASURE_KINDS;
  // Offsets bought act on the balance whatever the sources are.
  const applies = (k: MeasureKind) => k === "offsets" || start.measures.includes(k);
  const initialValues: PlanForm = {
    measures: kinds.map((k) => ({
      enabled: applies(k) && k !== "reclamation" && k !== "offsets",
      ...(start.startingMeasures.find((m) => m.kind === k) ?? {}),
    })),
    coalEnd: start.coalOutputT,
    uncertainty: false,
  };
  const coalField = coalOutputField();
  const scenarioOf = (v: PlanForm) => {
    const enabled = kinds.flatMap((k, i) => (v.measures[i]?.enabled ? [{ k, i }] : []));
    return {
      enabledIndex: enabled.map((e) => e.i),
      withMeasures: {
        kind: "pathway-scenario",
        name: `${start.mine} ${start.baseYear}+`,
        baseline: { inventoryId: start.inventoryId },
        endYear,
        coalOutput: [
          { year: start.baseYear, t: start.coalOutputT },
          { year: endYear, t: v.coalEnd },
        ],
        measures: enabled.map(({ k, i }) => measureOf(k, v.measures[i] ?? {})),
        economics,
        ...(v.uncertainty ? { uncertainty: { draws: 200, seed: 1 } } : {}),
      },
    };
  };
  const run = useMutation({
    mutationFn: async (v: PlanForm) => {
      const { withMeasures } = scenarioOf(v);
      const without = {
        ...withMeasures,
        name: tv("plan.withoutMeasures", { name: withMeasures.name }),
        measures: [],
      };
      const { uncertainty: _u, economics: _e, ...plain } = without;
      const [a] = await apiFetch<PathwayResultRecord[]>("/api/pathways", {
        method: "POST",
        json: { scenarios: [withMeasures, plain] },
      });
      return { result: a!, scenario: withMeasures };
    },
    onError: (e, v) => {
      if (!(e instanceof ApiError)) return;
      const { enabledIndex } = scenarioOf(v);
      const unclaimed: ApiErrorDetail[] = [];
      const fields: { name: (string | number)[]; errors: string[] }[] = [];
      for (const d of e.details) {
        const m = /^scenarios\[0\]\.measures\[(\d+)\]\.(.+)$/.exec(d.path);
        const i = m ? enabledIndex[Number(m[1])] : undefined;
        if (m && i !== undefined)
          fields.push({ name: ["measures", i, ...m[2]!.split(".")], errors: [d.message] });
        else if (d.path.startsWith("scenarios[0].coalOutput"))
          fields.push({ name: ["coalEnd"], errors: [d.message] });
        else unclaimed.push(d);
      }
      form.setFields(fields);
      setProblems(
        unclaimed.length || !fields.length
          ? [...unclaimed, ...(fields.length ? [] : [{ path: "", message: e.message }])]
          : [],
      );
    },
  });
  const failed = run.isError || problems.length > 0;
  const answer = failed ? undefined : run.data;
  const pathwayChart = useMemo<EChartsOption | undefined>(
    () =>
      answer
        ? pathwayOption(lang, answer.result.years, answer.result.neutralYear, answer.result.bands?.years)
        : undefined,
    [answer, lang],
  );
  const answerEconomics = answer?.result.economics ?? undefined;
  const macChart = useMemo<EChartsOption | undefined>(
    () =>
      answerEconomics && answerEconomics.mac.length
        ? macOption(lang, answerEconomics.mac, answerEconomics.prices.carbon.startCNYPerTCO2e)
        : undefined,
    [answerEconomics, lang],
  );
  const last = answer?.result.years.at(-1);
  return (
    <>
      <Card size="small" title={`${t("pathway")} — ${start.mine}`} id="pathway-panel">
        <Typography.Paragraph id="plan-start">
          {tv("plan.startsFrom", {
            mine: start.mine,
            year: start.baseYear,
            coal: formatNumber(lang, start.coalOutputT, 0),
            gross: formatNumber(lang, start.grossEmissionTCO2ePerYr, 0),
          })}
        </Typography.Paragraph>
        <Form<PlanForm>
          form={form}
          id="scenario-form"
          name="scenario"
          layout="vertical"
          initialValues={initialValues}
          onValuesChange={() => {
            // Results of inputs that are no longer the form's are cleared once the form is invalid.
            form.validateFields({ validateOnly: true }).then(
              () => setProblems([]),
              () => {
                run.reset();
              },
            );
          }}
          onFinish={(v) => {
            setProblems([]);
            run.mutate(v);
          }}
          onFinishFailed={() => run.reset()}
        >
          <Row gutter={[12, 12]} className="measures">
            {kinds.map((k, i) => (
              <Col key={k} xs={24} xl={12}>
                <MeasureCard index={i} kind={k} applies={applies(k)} tv={tv} />
              </Col>
            ))}
          </Row>
          <Row gutter={12} style={{ marginTop: 12 }}>
            <Col xs={24} sm={12}>
              <Form.Item
                name="coalEnd"
                data-path="coalEnd"
                label={
                  coalField ? (
                    <FieldLabel
                      field={{
                        ...coalField,
                        label: {
                          en: tv("plan.coalEnd", { year: endYear }),
                          zh: tv("plan.coalEnd", { year: endYear }),
                        },
                      }}
                    />
                  ) : (
                    tv("plan.coalEnd", { year: endYear })
                  )
                }
                rules={[
                  { required: true, message: t("web:required") },
                  { type: "number", min: coalField?.min ?? 0, max: coalField?.max },
                ]}
              >
                <InputNumber className="coal-end" style={{ width: "100%" }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="uncertainty" valuePropName="checked" label=" ">
                <Checkbox id="uncertainty">{tv("plan.uncertainty")}</Checkbox>
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={run.isPending} id="run-pathway">
            {t("runPathway")}
          </Button>
        </Form>
        {failed && (
          <Alert
            type="error"
            showIcon
            role="alert"
            className="form-error"
            style={{ marginTop: 12 }}
            title={tv("plan.invalid")}
            description={
              problems.length ? (
                <ul>
                  {problems.map((d) => (
                    <li key={`${d.path}:${d.message}`}>{d.path ? `${d.path}: ${d.message}` : d.message}</li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
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
                  endpoint={`/api/inventories/${start.inventoryId}/reports`}
                  extra={{ scenario: answer.scenario }}
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
      </Card>
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
    </>
  );
}

/** The land-use structure optimization (the shipped demo problem, said as such). */
function Optimization({ tv, lang }: { tv: ViewT; lang: Lang }): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  const run = useMutation({
    mutationFn: async () => {
      const problem = await apiFetch<unknown>("/api/examples/pingshuo-structure");
      return apiFetch<OptimizationResultRecord>("/api/optimize", { method: "POST", json: problem });
    },
  });
  const r = run.data;
  const criterion = r?.criteria?.[0];
  const binding = r?.binding ?? [];
  const classes = r?.classes ?? [];
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
              data: classes.map((k) => k.name),
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
  return (
    <Card size="small" title={t("optimize")} id="optimize-panel">
      <Alert
        type="info"
        showIcon
        title={tv("plan.optimizeDemo")}
        style={{ marginBottom: 12 }}
        id="optimize-demo-note"
      />
      <Button type="primary" id="run-optimize" loading={run.isPending} onClick={() => run.mutate()}>
        {t("runOptimize")}
      </Button>
      {run.error && <QueryError error={run.error} />}
      {r && r.status !== "optimal" && <Alert type="error" showIcon title={r.status} />}
      {criterion && (
        <Typography.Paragraph id="optimize-change" style={{ marginTop: 12 }}>
          {`${formatNumber(lang, criterion.current, 0)} → ${formatNumber(lang, criterion.optimal, 0)} ${criterion.unit} (${criterion.change >= 0 ? "+" : ""}${formatNumber(lang, criterion.change, 0)})`}
        </Typography.Paragraph>
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
    </Card>
  );
}

/**
 * Planning: the scenario builder of the chosen mine (from its own stored inventory and coal output;
 * the measures its sources allow, each with start, ramp and level labelled from the scenario spec),
 * the pathway to 2060 with the 95 % band and the neutrality line, the abatement-cost curve with the
 * carbon price, and the land-use structure optimization.
 */
export default function PlanView(): ReactNode {
  const { areaId = "" } = useParams();
  const { t } = useTranslation(["common", "web"]);
  const { tv, lang } = useViewTexts();
  const overview = useOverview(areaId, lang);
  const defaults = useScenarioDefaults(areaId);
  const o = overview.data;
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
          <Empty description={t("needsInventory")} />
        </Card>
      ) : !start || !economics || endYear === undefined ? (
        <Alert type="warning" showIcon title={tv("plan.noResult")} />
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
      <Optimization tv={tv} lang={lang} />
    </Space>
  );
}
