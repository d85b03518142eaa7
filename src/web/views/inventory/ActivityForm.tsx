import { UploadOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Col, Form, Row, Space, Typography, Upload } from "antd";
import { useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { InventoryRecord } from "../../../contract/inventory-record.ts";
import { formatNumber } from "../../../presentation/i18n.ts";
import { ApiError, apiFetch } from "../../api/client.ts";
import { keys } from "../../api/queries.ts";
import { useViewTexts, type ViewT } from "../../components/view-texts.ts";
import { emptyDoc, getAt, importedValues, setAt, slots, typed, type Doc } from "./activity-doc.ts";
import { problemsAtFields } from "./problems-at-fields.ts";
import { readActivityRows } from "./read-activity-rows.ts";
import { SlotInput } from "./SlotInput.tsx";

/** What the form holds: one text per slot. */
type Values = Record<string, string>;

/** The activity data of a year: the chosen inventory's (or an empty one), edited or imported, sent and computed. */
export function ActivityForm({
  areaId,
  base,
  tv,
  onSaved,
  readOnly = false,
}: {
  areaId: string;
  base: InventoryRecord | undefined;
  tv: ViewT;
  onSaved: (id: string) => void;
  /** Shown only (the actor may not write the area's inventories): no import, no compute and store. */
  readOnly?: boolean;
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
      return apiFetch<InventoryRecord[]>(`/api/areas/${encodeURIComponent(areaId)}/inventories`, {
        method: "POST",
        json: next,
      });
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
      const { at, unclaimed } = problemsAtFields(e.details, fields);
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
      rows = await readActivityRows(file);
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
        disabled={readOnly}
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
        {!readOnly && (
          <>
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
          </>
        )}
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
