import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, Button, Col, Form, Row, Space, Tag, Typography, Upload } from "antd";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { getAt, importedValues, setAt, slots, typed, type Doc } from "../inventory/activity-doc.ts";
import { specFields, type SpecField } from "../../../domain/common/field-meta.ts";
import { inventorySchema } from "../../../domain/mine/inventory-spec.ts";
import { parseLang, type Lang } from "../../../presentation/i18n/lang.ts";
import type { ApiErrorDetail } from "../../api/client.ts";
import { asFormLabel } from "../../components/FieldLabel.tsx";
import { problemsAtFields } from "../inventory/problems-at-fields.ts";
import { readActivityRows } from "../inventory/read-activity-rows.ts";
import { SlotInput } from "../inventory/SlotInput.tsx";
import { REPORT_NS } from "./content-fields.ts";
import { Remarks } from "./Remarks.tsx";

type Values = Record<string, string>;

/** A new report's inventory: the year, the mine's name, nothing else chosen (the Inventory view's empty document). */
export function startDoc(year: number, mine: string): Doc {
  return { kind: "mine-inventory", mine, years: [{ year, boundaryAreaHa: 0, coalOutputT: 0, energy: [] }] };
}

/** The first year's parts the form does not edit (the keys of years[0] beyond its slots). */
const FORM_KEYS = new Set(["year", "coalOutputT", "boundaryAreaHa", "co2Fugitive"]);
let yearFields: SpecField[] | undefined;

/** The parts of the year's inventory the form leaves as they are, each with its spec label and size. */
function otherParts(doc: Doc, lang: Lang): { key: string; label: string; count?: number }[] {
  const year = getAt(doc, ["years", 0]);
  if (typeof year !== "object" || year === null) return [];
  const fields = (yearFields ??= specFields(inventorySchema).filter((f) =>
    /^years\[\]\.[A-Za-z]+$/.test(f.path),
  ));
  return Object.entries(year as Record<string, unknown>).flatMap(([key, v]) => {
    if (FORM_KEYS.has(key)) return [];
    // The form edits three energy carriers and the first underground methane line: the rest is kept.
    if (key === "energy" && (!Array.isArray(v) || v.length <= 3)) return [];
    if (key === "methane") {
      const m = v as Record<string, unknown> | null;
      const other = m && Object.keys(m).some((k) => k !== "underground");
      const more = m && Array.isArray(m.underground) && m.underground.length > 1;
      if (!other && !more) return [];
    }
    const f = fields.find((x) => x.path === `years[].${key}`);
    const label = asFormLabel(f?.label?.[lang] ?? key);
    return [{ key, label, ...(Array.isArray(v) ? { count: v.length } : {}) }];
  });
}

/** The import template of the form: one `field,value` row per field, with the values shown now. */
function templateCsv(names: readonly string[], values: Values): string {
  const cell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return ["field,value", ...names.map((n) => `${n},${cell(values[n] ?? "")}`)].join("\n") + "\n";
}

/**
 * The year's activity data through the Inventory view's form (its slots, labels, units and bounds,
 * and its CSV/XLSX import): every change goes into the report's inventory document, whose other
 * sources and sinks are kept as they are. `problems`: the checks' or the submission's problems at
 * the slots' API paths.
 */
export function InventoryStep({
  doc,
  onChange,
  readOnly,
  problems,
  fileName,
}: {
  doc: Doc;
  onChange: (doc: Doc) => void;
  readOnly: boolean;
  /** Problems of the inventory document at its own paths (`years[0].coalOutputT`). */
  problems: readonly ApiErrorDetail[];
  fileName: string;
}): ReactNode {
  const { t, i18n } = useTranslation(REPORT_NS);
  const lang = parseLang(i18n.language) ?? "en";
  const [form] = Form.useForm<Values>();
  // Read once: the parent gives the step a new key when it replaces the document (last year's data).
  const [{ base, fields, initial }] = useState(() => {
    const d = structuredClone(doc);
    const f = slots(d);
    return {
      base: d,
      fields: f,
      initial: Object.fromEntries(f.map((s) => [s.name, String(getAt(d, s.path) ?? "")])) as Values,
    };
  });
  const names = fields.map((s) => s.name);
  const others = useMemo(() => otherParts(base, lang), [base, lang]);
  const [note, setNote] = useState<{ type: "info" | "error"; text: string } | undefined>();
  const { at, unclaimed } = useMemo(() => problemsAtFields(problems, fields), [problems, fields]);
  useEffect(() => {
    form.setFields(fields.map((s) => ({ name: s.name, errors: at.get(s.name) ?? [] })));
  }, [form, fields, at]);

  const changed = (all: Values) => {
    const next = structuredClone(base);
    for (const s of fields) setAt(next, s.path, typed(s, all[s.name] ?? ""));
    onChange(next);
  };
  const importFile = async (file: File) => {
    let rows: string[][];
    try {
      rows = await readActivityRows(file);
    } catch (e) {
      setNote({
        type: "error",
        text: t("reportsWeb:data.importFailed", {
          file: file.name,
          message: e instanceof Error ? e.message : String(e),
        }),
      });
      return;
    }
    const { values, unknown } = importedValues(rows, names);
    form.setFieldsValue(Object.fromEntries(values));
    changed(form.getFieldsValue(true) as Values);
    setNote(
      unknown.length
        ? {
            type: "error",
            text: t("reportsWeb:data.importUnknown", { file: file.name, unknown: unknown.join(", ") }),
          }
        : { type: "info", text: t("reportsWeb:data.importRead", { file: file.name, count: values.size }) },
    );
  };
  const download = () => {
    const blob = new Blob([templateCsv(names, form.getFieldsValue(true) as Values)], { type: "text/csv" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 0);
  };
  return (
    <div id="report-inventory">
      <Typography.Paragraph type="secondary">{t("reportsWeb:data.intro")}</Typography.Paragraph>
      <Form<Values>
        form={form}
        name="inventory"
        layout="vertical"
        disabled={readOnly}
        initialValues={initial}
        onValuesChange={(_, all) => changed(all)}
      >
        <Row gutter={12}>
          {fields.map((s) => (
            <Col key={s.name} xs={24} sm={12} lg={8}>
              <SlotInput slot={s} />
              <Remarks path={`inventory.${s.apiPath}`} />
            </Col>
          ))}
        </Row>
      </Form>
      {unclaimed.length > 0 && (
        <Alert
          type="error"
          showIcon
          id="inventory-unclaimed"
          style={{ marginBottom: 12 }}
          title={t("reportsWeb:data.otherProblems")}
          description={
            <ul>
              {unclaimed.map((d) => (
                <li key={`${d.path}:${d.message}`}>
                  <code>{d.path}</code> {d.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {others.length > 0 && (
        <div id="inventory-other-parts" style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t("reportsWeb:data.otherParts")}</Typography.Text>{" "}
          {others.map((o) => (
            <Tag key={o.key} data-key={o.key}>
              {o.count === undefined
                ? o.label
                : t("reportsWeb:data.partCount", { part: o.label, count: o.count })}
            </Tag>
          ))}
        </div>
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        {!readOnly && (
          <Upload
            accept=".csv,.xlsx,text/csv"
            showUploadList={false}
            beforeUpload={(file) => {
              void importFile(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} id="report-import">
              {t("reportsWeb:data.import")}
            </Button>
          </Upload>
        )}
        <Button icon={<DownloadOutlined />} id="report-template" onClick={download}>
          {t("reportsWeb:data.template")}
        </Button>
        <Typography.Text type="secondary" className="import-help">
          {t("reportsWeb:data.importHelp", { names: names.join(", ") })}
        </Typography.Text>
      </Space>
      {note && (
        <Alert
          type={note.type}
          showIcon
          role={note.type === "error" ? "alert" : "status"}
          id="report-import-note"
          title={note.text}
        />
      )}
    </div>
  );
}
