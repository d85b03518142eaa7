import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Typography,
  Upload,
} from "antd";
import { UploadOutlined } from "@ant-design/icons";
import { useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { InventoryRecord } from "../../../contract/inventory-record.ts";
import type { MineInventoryRecord } from "../../../contract/mine-inventory.ts";
import { inventorySteps, waterfallOption } from "../../../presentation/chart-options.ts";
import { formatNumber } from "../../../presentation/i18n.ts";
import { domainText } from "../../../presentation/i18n/domain-text.ts";
import type { Lang } from "../../../presentation/i18n/lang.ts";
import { unitName } from "../../../domain/common/field-meta.ts";
import { ApiError, apiFetch, type ApiErrorDetail } from "../../api/client.ts";
import { keys, useOverview } from "../../api/queries.ts";
import { Chart } from "../../components/Chart.tsx";
import { FieldLabel, type LabelledField } from "../../components/FieldLabel.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { ReportButtons } from "../../components/ReportButtons.tsx";
import { inventoryQuery } from "../charts/queries.ts";
import { useViewTexts, type ViewT } from "../charts/view-texts.ts";
import { uncertaintyVerdict } from "./uncertainty-verdict.ts";
import {
  emptyDoc,
  getAt,
  importedValues,
  parseCsv,
  setAt,
  slots,
  typed,
  type Doc,
  type Slot,
} from "./activity-doc.ts";

/** The label of a slot: its spec field's, with the fuel or gas it is about and the carrier's unit. */
function useSlotLabel(slot: Slot): LabelledField {
  const { t } = useTranslation(["terms"]);
  const { label } = slot.field;
  if (!slot.term || !label) return slot.field;
  const term = { en: t(`terms:${slot.term}`, { lng: "en" }), zh: t(`terms:${slot.term}`, { lng: "zh" }) };
  const unit = slot.carrier?.unit;
  const text = (l: "en" | "zh") => `${term[l]}: ${label[l]}${unit ? ` (${unitName(unit, l)})` : ""}`;
  return { ...slot.field, label: { en: text("en"), zh: text("zh") }, ...(unit ? { unit: undefined } : {}) };
}

function SlotInput({ slot }: { slot: Slot }): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  const field = useSlotLabel(slot);
  const { min, max } = slot.field;
  return (
    <Form.Item
      name={slot.name}
      label={<FieldLabel field={field} />}
      rules={[
        {
          required: slot.kind !== "number" || !slot.field.optional,
          whitespace: true,
          message: t("web:required"),
        },
        ...(slot.kind === "number"
          ? [
              {
                validator: async (_: unknown, v: unknown) => {
                  const n = Number(v);
                  if (typeof v !== "string" || v.trim() === "" || !Number.isFinite(n)) return;
                  if ((min !== undefined && n < min) || (max !== undefined && n > max))
                    throw new Error(`${min ?? "…"} – ${max ?? "…"}`);
                },
              },
            ]
          : []),
      ]}
    >
      {slot.kind === "choice" ? (
        <Select
          className="field-input"
          options={(slot.field.values ?? []).map((v) => ({ value: String(v), label: String(v) }))}
        />
      ) : (
        <Input className="field-input" inputMode={slot.kind === "number" ? "decimal" : "text"} />
      )}
    </Form.Item>
  );
}

/** The uncertainty of an inventory's result, or an honest sentence saying why there is none. */
function UncertaintyBox({
  lang,
  result,
  tv,
}: {
  lang: Lang;
  result: MineInventoryRecord;
  tv: ViewT;
}): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  const u = result.uncertainty;
  const n = (v: number, d = 1) => formatNumber(lang, v, d);
  const verdict = uncertaintyVerdict(u);
  const body =
    !u || verdict === "not-asked" ? (
      <Alert type="info" showIcon id="uncertainty-none" title={tv("inv.uncertaintyNotAsked")} />
    ) : verdict === "no-range" ? (
      <Alert
        type="warning"
        showIcon
        id="uncertainty-none"
        title={tv("inv.noUncertainty")}
        description={
          u.takenAsExact.length
            ? tv("inv.exactInputs", {
                inputs: u.takenAsExact.map((x) => domainText(lang, x.label)).join(", "),
              })
            : undefined
        }
      />
    ) : (
      <>
        <Typography.Paragraph type="secondary">{t("uncertaintyMethod")}</Typography.Paragraph>
        <Table
          id="uncertainty-table"
          size="small"
          rowKey="key"
          pagination={false}
          scroll={{ x: "max-content" }}
          dataSource={u.rows}
          columns={[
            { title: t("figure"), key: "l", render: (_, r) => domainText(lang, r.label) },
            { title: t("value"), key: "v", align: "right", render: (_, r) => `${n(r.value)} ${r.unit}` },
            {
              title: t("approach1Pct"),
              key: "a1",
              align: "right",
              render: (_, r) => (r.approach1.pct === null ? "—" : `± ${n(r.approach1.pct)} %`),
            },
            {
              title: t("approach2Range"),
              key: "a2",
              align: "right",
              render: (_, r) => (r.approach2 ? `${n(r.approach2.low)} – ${n(r.approach2.high)}` : "—"),
            },
          ]}
        />
        {u.takenAsExact.length > 0 && (
          <Typography.Paragraph type="secondary">
            {tv("inv.exactInputs", {
              inputs: u.takenAsExact.map((x) => domainText(lang, x.label)).join(", "),
            })}
          </Typography.Paragraph>
        )}
      </>
    );
  return (
    <Card size="small" title={tv("inv.uncertainty")} id="uncertainty-panel">
      {body}
    </Card>
  );
}

/** A stored inventory's result: waterfall, uncertainty and report downloads. */
function InventoryResult({ inv, lang, tv }: { inv: InventoryRecord; lang: Lang; tv: ViewT }): ReactNode {
  const { t } = useTranslation(["common", "web"]);
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
      <Card
        size="small"
        title={`${t("waterfall")} — ${tv("charts.inventoryOf", { mine: inv.mine, year: inv.year })}`}
      >
        <Chart id="inventory-waterfall" option={option} height={400} ariaLabel={t("waterfall")} />
      </Card>
      <UncertaintyBox lang={lang} result={inv.result} tv={tv} />
      <Card size="small" title={tv("inv.reports")} id="inventory-reports">
        <ReportButtons endpoint={`/api/inventories/${encodeURIComponent(inv.id)}/reports`} />
      </Card>
    </>
  );
}

/** What the form holds: one text per slot. */
type Values = Record<string, string>;

/** The activity data of a year: the chosen inventory's (or an empty one), edited or imported, sent and computed. */
function ActivityForm({
  areaId,
  base,
  tv,
  onSaved,
}: {
  areaId: string;
  base: InventoryRecord | undefined;
  tv: ViewT;
  onSaved: (id: string) => void;
}): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  const { lang } = useViewTexts();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const doc = useMemo<Doc>(
    () => structuredClone(base?.input ?? emptyDoc(new Date().getFullYear() - 1)),
    [base],
  );
  const fields = useMemo(() => slots(doc), [doc]);
  const initial = useMemo(
    () => Object.fromEntries(fields.map((s) => [s.name, String(getAt(doc, s.path) ?? "")])),
    [fields, doc],
  );
  const [note, setNote] = useState<
    { type: "success" | "error" | "info"; text: string; list?: string[] } | undefined
  >();
  const names = fields.map((s) => s.name);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const next = structuredClone(doc);
      for (const s of fields) setAt(next, s.path, typed(s, v[s.name] ?? ""));
      return apiFetch<
        { id: string; totals: { grossEmissionTCO2ePerYr: number; balanceTCO2ePerYr: number } | null }[]
      >(`/api/areas/${encodeURIComponent(areaId)}/inventories`, { method: "POST", json: next });
    },
    onSuccess: (saved) => {
      const s = saved[0];
      void qc.invalidateQueries({ queryKey: keys.area(areaId) });
      void qc.invalidateQueries({ queryKey: keys.inventories });
      if (!s) return;
      setNote({
        type: "success",
        text: tv("inv.saved", {
          gross: formatNumber(lang, s.totals?.grossEmissionTCO2ePerYr ?? Number.NaN, 1),
          balance: formatNumber(lang, s.totals?.balanceTCO2ePerYr ?? Number.NaN, 1),
        }),
      });
      onSaved(s.id);
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) {
        setNote({ type: "error", text: e.message });
        return;
      }
      const unclaimed: ApiErrorDetail[] = [];
      const at = new Map<string, string[]>();
      for (const d of e.details) {
        const s = fields.find(
          (f) =>
            d.path === f.apiPath ||
            d.path.startsWith(`${f.apiPath}.`) ||
            d.path.startsWith(`${f.apiPath}[`) ||
            (d.path.includes(".") && f.apiPath.startsWith(`${d.path}.`)),
        );
        if (s) at.set(s.name, [...(at.get(s.name) ?? []), d.message]);
        else unclaimed.push(d);
      }
      form.setFields([...at].map(([name, errors]) => ({ name, errors })));
      setNote({
        type: "error",
        text: at.size ? tv("inv.problems") : e.message,
        list: unclaimed.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)),
      });
    },
  });
  const importFile = async (file: File) => {
    let rows: string[][];
    try {
      if (file.name.toLowerCase().endsWith(".xlsx")) {
        const { readSheet } = await import("read-excel-file/browser");
        const sheet: unknown[][] = await readSheet(file);
        rows = sheet.map((r) => r.map((c) => (c === null || c === undefined ? "" : String(c))));
      } else rows = parseCsv(await file.text());
    } catch (e) {
      setNote({
        type: "error",
        text: tv("inv.importFailed", {
          file: file.name,
          message: e instanceof Error ? e.message : String(e),
        }),
      });
      return;
    }
    const { values, unknown } = importedValues(rows, names);
    form.setFieldsValue(Object.fromEntries(values));
    if (unknown.length)
      setNote({
        type: "error",
        text: tv("inv.importUnknown", {
          file: file.name,
          unknown: unknown.join(", "),
          known: names.join(", "),
        }),
      });
    else setNote({ type: "info", text: tv("inv.importRead", { file: file.name, count: values.size }) });
  };
  return (
    <Card size="small" title={t("inventory")} id="inventory-panel">
      {!base && <Alert type="info" showIcon title={tv("inv.template")} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        name="inventory"
        id="inventory-form"
        layout="vertical"
        initialValues={initial}
        onValuesChange={() => save.isError && setNote(undefined)}
        onFinish={(v) => {
          setNote(undefined);
          save.mutate(v);
        }}
      >
        <Row gutter={12}>
          {fields.map((s) => (
            <Col key={s.name} xs={24} sm={12} lg={8}>
              <SlotInput slot={s} />
            </Col>
          ))}
        </Row>
        <Space wrap style={{ marginBottom: 12 }}>
          <Upload
            accept=".csv,.xlsx,text/csv"
            showUploadList={false}
            beforeUpload={(file) => {
              void importFile(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} id="inventory-import">
              {t("importCsv")}
            </Button>
          </Upload>
          <Typography.Text type="secondary" className="import-help">
            {tv("inv.importHelp", { names: names.join(", ") })}
          </Typography.Text>
        </Space>
        <div>
          <Button type="primary" htmlType="submit" loading={save.isPending} id="inventory-compute">
            {t("compute")}
          </Button>
        </div>
      </Form>
      {note && (
        <Alert
          style={{ marginTop: 12 }}
          type={note.type}
          showIcon
          role={note.type === "error" ? "alert" : "status"}
          id="inventory-result"
          className={note.type === "error" ? "form-error" : "ok"}
          title={note.text}
          description={
            note.list?.length ? (
              <ul>
                {note.list.map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
    </Card>
  );
}

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
  if (overview.isPending) return <Skeleton active />;
  if (overview.error) return <QueryError error={overview.error} />;
  if (!o) return null;
  return (
    <Space direction="vertical" size="middle" className="inventory-view" style={{ width: "100%" }}>
      <Typography.Title level={2}>{t("web:view.inventory")}</Typography.Title>
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
        <ActivityForm
          key={inv.data?.id ?? "new"}
          areaId={areaId}
          base={inv.data}
          tv={tv}
          onSaved={setChosen}
        />
      )}
      {inv.data ? (
        <InventoryResult inv={inv.data} lang={lang} tv={tv} />
      ) : (
        !id && <Empty description={tv("charts.noInventory")} />
      )}
      {o.latestAnalysis && (
        <Card size="small" title={`${t("report")} — ${t("analysis")}`} id="analysis-reports">
          <ReportButtons endpoint={`/api/analyses/${encodeURIComponent(o.latestAnalysis.id)}/reports`} />
        </Card>
      )}
    </Space>
  );
}
