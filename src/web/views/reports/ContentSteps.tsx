import { DeleteOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Input,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Typography,
  Upload,
} from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import {
  MEASURE_STATUSES,
  REPORT_MEASURE_KINDS,
  type AnnualReportDraft,
} from "../../../contract/annual-report.ts";
import { className, formatNumber } from "../../../presentation/i18n.ts";
import { LOCALE, type Lang } from "../../../presentation/i18n/lang.ts";
import { ApiError } from "../../api/client.ts";
import { QueryError } from "../../components/QueryError.tsx";
import { REPORT_NS, type ReportT } from "./content-fields.ts";
import { Field, Remarks } from "./Remarks.tsx";
import {
  evidenceUrl,
  useAreaAnalyses,
  useAreaMaps,
  useMineAreas,
  usePlots,
  useRemoveEvidence,
  useUploadEvidence,
  type AnnualReportRecord,
  type ReportChecks,
} from "./reports-api.ts";

type Reclamation = NonNullable<AnnualReportDraft["reclamation"]>[number];
type Measure = NonNullable<AnnualReportDraft["measures"]>[number];

/** Props of a step that edits one part of the draft. */
interface PartProps<T> {
  value: T;
  onChange: (v: T) => void;
  readOnly: boolean;
}

const num = (v: number | string | null | undefined) => (typeof v === "number" ? v : undefined);

/** The land-use data the report rests on: an analysis area holding the mine and one of its analyses. */
export function LandUseStep({
  mineId,
  value,
  onChange,
  readOnly,
  lang,
}: PartProps<AnnualReportDraft["landUse"]> & { mineId: string; lang: Lang }): ReactNode {
  const { t } = useTranslation(REPORT_NS);
  const areas = useMineAreas(mineId);
  const analyses = useAreaAnalyses(value?.areaId);
  const maps = useAreaMaps(value?.areaId);
  if (areas.isPending) return <Skeleton active />;
  if (areas.error) return <QueryError error={areas.error} />;
  if (areas.data.length === 0)
    return (
      <div id="report-landuse">
        <Empty description={t("reportsWeb:landUse.none")} />
      </div>
    );
  const done = (analyses.data ?? []).filter((a) => a.status === "done" && a.kind === "landuse");
  return (
    <div id="report-landuse">
      <Typography.Paragraph type="secondary">{t("reportsWeb:landUse.intro")}</Typography.Paragraph>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Field path="landUse.areaId" label={t("reportsWeb:landUse.area")}>
            <Select
              id="landuse-area"
              allowClear
              value={value?.areaId}
              // Another area: its maps and analysis are chosen anew.
              onChange={(areaId?: string) => onChange(areaId ? { areaId } : undefined)}
              options={areas.data.map((a) => ({ value: a.id, label: className(lang, a) }))}
              placeholder={t("reportsWeb:landUse.pickArea")}
            />
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field path="landUse.mapIds" label={t("reportsWeb:landUse.maps")}>
            <Select
              id="landuse-maps"
              mode="multiple"
              allowClear
              disabled={readOnly || !value?.areaId}
              value={value?.mapIds ?? []}
              onChange={(mapIds: string[]) =>
                onChange({ ...value, mapIds: mapIds.length ? mapIds : undefined })
              }
              options={(maps.data ?? []).map((m) => ({
                value: m.id,
                label: t("reportsWeb:landUse.mapOf", { year: m.year }),
              }))}
              placeholder={t("reportsWeb:landUse.pickMaps")}
            />
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field path="landUse.analysisId" label={t("reportsWeb:landUse.analysis")}>
            <Select
              id="landuse-analysis"
              allowClear
              disabled={readOnly || !value?.areaId}
              value={value?.analysisId}
              onChange={(analysisId?: string) =>
                onChange({ ...value, ...(analysisId ? { analysisId } : { analysisId: undefined }) })
              }
              options={done.map((a) => ({
                value: a.id,
                label: t("reportsWeb:landUse.analysisOf", {
                  date: new Date(a.finishedAt ?? a.createdAt).toLocaleString(LOCALE[lang]),
                }),
              }))}
              placeholder={t("reportsWeb:landUse.pickAnalysis")}
            />
          </Field>
        </Col>
      </Row>
    </div>
  );
}

/** What was reclaimed on each plot of the mine this year, with its investment. */
export function ReclamationStep({
  mineId,
  value,
  onChange,
  readOnly,
  lang,
}: PartProps<Reclamation[]> & { mineId: string; lang: Lang }): ReactNode {
  const { t } = useTranslation(REPORT_NS);
  const plots = usePlots(mineId);
  const set = (i: number, patch: Partial<Reclamation>) =>
    onChange(value.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <div id="report-reclamation">
      <Typography.Paragraph type="secondary">{t("reportsWeb:reclamation.intro")}</Typography.Paragraph>
      {plots.error && <QueryError error={plots.error} />}
      {value.length === 0 && <Empty description={t("reportsWeb:reclamation.empty")} />}
      {value.map((l, i) => (
        <Card
          key={i}
          size="small"
          className="report-line reclamation-line"
          title={t("reportsWeb:reclamation.line", { n: i + 1 })}
          style={{ marginBottom: 12 }}
          extra={
            !readOnly && (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t("reportsWeb:remove")}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
              />
            )
          }
        >
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Field path={`reclamation[${i}].plotId`} label={t("reportsWeb:reclamation.plotId")}>
                <Select
                  value={l.plotId}
                  onChange={(plotId: string) => {
                    const p = plots.data?.find((x) => x.id === plotId);
                    set(i, {
                      plotId,
                      ...(!l.targetRole && p?.declaredRole ? { targetRole: p.declaredRole } : {}),
                    });
                  }}
                  options={(plots.data ?? []).map((p) => ({
                    value: p.id,
                    label: `${p.name} (${formatNumber(lang, p.areaHa, 1)} ha)`,
                  }))}
                />
              </Field>
            </Col>
            <Col xs={12} md={8}>
              <Field
                path={`reclamation[${i}].areaReclaimedHa`}
                label={t("reportsWeb:reclamation.areaReclaimedHa")}
              >
                <InputNumber
                  min={0}
                  style={{ width: "100%" }}
                  value={l.areaReclaimedHa}
                  onChange={(v) => set(i, { areaReclaimedHa: num(v) })}
                />
              </Field>
            </Col>
            <Col xs={12} md={8}>
              <Field
                path={`reclamation[${i}].investmentCny`}
                label={t("reportsWeb:reclamation.investmentCny")}
              >
                <InputNumber
                  min={0}
                  style={{ width: "100%" }}
                  value={l.investmentCny}
                  onChange={(v) => set(i, { investmentCny: num(v) })}
                />
              </Field>
            </Col>
            <Col xs={12} md={8}>
              <Field path={`reclamation[${i}].targetRole`} label={t("reportsWeb:reclamation.targetRole")}>
                <Input value={l.targetRole} onChange={(e) => set(i, { targetRole: e.target.value })} />
              </Field>
            </Col>
            <Col xs={12} md={8}>
              <Field path={`reclamation[${i}].species`} label={t("reportsWeb:reclamation.species")}>
                <Input value={l.species} onChange={(e) => set(i, { species: e.target.value || undefined })} />
              </Field>
            </Col>
          </Row>
        </Card>
      ))}
      {!readOnly && (
        <Button
          icon={<PlusOutlined />}
          id="reclamation-add"
          onClick={() => onChange([...value, { areaReclaimedHa: 0, investmentCny: 0 }])}
        >
          {t("reportsWeb:reclamation.add")}
        </Button>
      )}
    </div>
  );
}

/** The measures carried out or under way, with their investment and expected abatement. */
export function MeasuresStep({ value, onChange, readOnly }: PartProps<Measure[]>): ReactNode {
  const { t } = useTranslation(REPORT_NS);
  const set = (i: number, patch: Partial<Measure>) =>
    onChange(value.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  return (
    <div id="report-measures">
      <Typography.Paragraph type="secondary">{t("reportsWeb:measures.intro")}</Typography.Paragraph>
      {value.length === 0 && <Empty description={t("reportsWeb:measures.empty")} />}
      {value.map((m, i) => (
        <Card
          key={i}
          size="small"
          className="report-line measure-line"
          title={t("reportsWeb:measures.line", { n: i + 1 })}
          style={{ marginBottom: 12 }}
          extra={
            !readOnly && (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t("reportsWeb:remove")}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
              />
            )
          }
        >
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Field path={`measures[${i}].name`} label={t("reportsWeb:measures.name")}>
                <Input value={m.name} onChange={(e) => set(i, { name: e.target.value })} />
              </Field>
            </Col>
            <Col xs={24} md={12}>
              <Field path={`measures[${i}].kind`} label={t("reportsWeb:measures.kind")}>
                <Select
                  value={m.kind}
                  onChange={(kind: Measure["kind"]) => set(i, { kind })}
                  options={REPORT_MEASURE_KINDS.map((k) => ({
                    value: k,
                    label: k === "other" ? t("manage:measureKind.other") : t(`terms:measure.${k}`),
                  }))}
                />
              </Field>
            </Col>
            <Col xs={12} md={8}>
              <Field path={`measures[${i}].investmentCny`} label={t("reportsWeb:measures.investmentCny")}>
                <InputNumber
                  min={0}
                  style={{ width: "100%" }}
                  value={m.investmentCny}
                  onChange={(v) => set(i, { investmentCny: num(v) })}
                />
              </Field>
            </Col>
            <Col xs={12} md={8}>
              <Field
                path={`measures[${i}].expectedAbatementTCO2ePerYr`}
                label={t("reportsWeb:measures.expectedAbatementTCO2ePerYr")}
              >
                <InputNumber
                  min={0}
                  style={{ width: "100%" }}
                  value={m.expectedAbatementTCO2ePerYr}
                  onChange={(v) => set(i, { expectedAbatementTCO2ePerYr: num(v) })}
                />
              </Field>
            </Col>
            <Col xs={24} md={8}>
              <Field path={`measures[${i}].status`} label={t("reportsWeb:measures.status")}>
                <Select
                  value={m.status}
                  onChange={(status: Measure["status"]) => set(i, { status })}
                  options={MEASURE_STATUSES.map((s) => ({ value: s, label: t(`manage:measureStatus.${s}`) }))}
                />
              </Field>
            </Col>
          </Row>
        </Card>
      ))}
      {!readOnly && (
        <Button
          icon={<PlusOutlined />}
          id="measure-add"
          onClick={() =>
            onChange([...value, { status: "planned", investmentCny: 0, expectedAbatementTCO2ePerYr: 0 }])
          }
        >
          {t("reportsWeb:measures.add")}
        </Button>
      )}
    </div>
  );
}

/** A size in bytes as KiB or MiB, in the language. */
const sizeText = (lang: Lang, bytes: number) =>
  bytes >= 1024 * 1024
    ? `${formatNumber(lang, bytes / 1024 / 1024, 1)} MiB`
    : `${formatNumber(lang, bytes / 1024, 1)} KiB`;

/** An evidence upload's refusal in the language, by its error code. */
function uploadErrorText(t: ReportT, e: Error, file: string): string {
  if (e instanceof ApiError) {
    if (e.code === "too-large") return t("reportsWeb:evidence.tooLarge", { file });
    if (e.code === "bad-input") return t("reportsWeb:evidence.badType", { file });
    if (e.code === "conflict") return t("reportsWeb:evidence.notNow");
  }
  return t("reportsWeb:evidence.failed", { file, message: e.message });
}

/**
 * The report's evidence files: upload (PDF, images, spreadsheets; the server recognises the type by
 * the bytes and refuses others), list with size and SHA-256, download, remove while not in a version.
 * A new file is listed in the draft's evidence at once (`onAttach`).
 */
export function EvidenceStep({
  report,
  chosen,
  onAttach,
  onDetach,
  readOnly,
  lang,
}: {
  report: AnnualReportRecord;
  chosen: readonly string[];
  onAttach: (id: string) => void;
  onDetach: (id: string) => void;
  readOnly: boolean;
  lang: Lang;
}): ReactNode {
  const { t } = useTranslation(REPORT_NS);
  const upload = useUploadEvidence(report.id);
  const remove = useRemoveEvidence(report.id);
  const [note, setNote] = useState<{ type: "success" | "error"; text: string } | undefined>();
  // Read-only: the files the content lists; editing: every file of the report (an upload is listed at once).
  const files = readOnly ? report.evidence.filter((f) => chosen.includes(f.id)) : report.evidence;
  return (
    <div id="report-evidence">
      <Typography.Paragraph type="secondary">{t("reportsWeb:evidence.intro")}</Typography.Paragraph>
      <Remarks path="evidence" />
      {!readOnly && (
        <Upload
          accept=".pdf,.png,.jpg,.jpeg,.xlsx,.csv"
          showUploadList={false}
          beforeUpload={(file) => {
            setNote(undefined);
            upload.mutate(file, {
              onSuccess: (f) => {
                onAttach(f.id);
                setNote({ type: "success", text: t("reportsWeb:evidence.added", { file: f.name }) });
              },
              onError: (e) => setNote({ type: "error", text: uploadErrorText(t, e, file.name) }),
            });
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending} id="evidence-upload">
            {t("reportsWeb:evidence.upload")}
          </Button>
        </Upload>
      )}
      {note && (
        <Alert
          style={{ marginTop: 12 }}
          type={note.type}
          showIcon
          role={note.type === "error" ? "alert" : "status"}
          id="evidence-note"
          title={note.text}
        />
      )}
      <div className="table-scroll" style={{ marginTop: 12 }}>
        <Table
          id="evidence-table"
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={files}
          locale={{ emptyText: t("reportsWeb:evidence.none") }}
          scroll={{ x: "max-content" }}
          columns={[
            {
              title: t("reportsWeb:evidence.name"),
              dataIndex: "name",
              render: (name: string, f) => (
                <a href={evidenceUrl(report.id, f.id)} download={name}>
                  {name}
                </a>
              ),
            },
            { title: t("reportsWeb:evidence.type"), dataIndex: "mediaType" },
            {
              title: t("reportsWeb:evidence.size"),
              dataIndex: "bytes",
              render: (b: number) => sizeText(lang, b),
            },
            {
              title: "SHA-256",
              dataIndex: "sha256",
              render: (h: string) => (
                <Typography.Text code copyable={{ text: h }} className="sha256" title={h}>
                  {h.slice(0, 16)}…
                </Typography.Text>
              ),
            },
            ...(readOnly
              ? []
              : [
                  {
                    title: "",
                    key: "remove",
                    render: (_: unknown, f: { id: string; inVersion: boolean }) =>
                      f.inVersion ? (
                        <Typography.Text type="secondary">{t("reportsWeb:evidence.kept")}</Typography.Text>
                      ) : (
                        <Button
                          size="small"
                          danger
                          loading={remove.isPending && remove.variables === f.id}
                          onClick={() => remove.mutate(f.id, { onSuccess: () => onDetach(f.id) })}
                        >
                          {t("reportsWeb:remove")}
                        </Button>
                      ),
                  },
                ]),
          ]}
        />
      </div>
    </div>
  );
}

/** The figures the checks compare, in the order shown. */
const FIGURES = ["emissionsTCO2ePerYr", "coalOutputT", "energyTce"] as const;

/** The assumed range a warning is measured against, in words. */
function rangeText(t: ReportT, lang: Lang, c: ReportChecks, w: ReportChecks["warnings"][number]): string {
  const r = c.ranges;
  if (w.kind === "jump")
    return t("reportsWeb:checks.rangeJump", { pct: formatNumber(lang, r.yearOnYearShare * 100, 0) });
  if (w.kind === "unit") return t("reportsWeb:checks.rangeUnit");
  const [lo, hi] = w.path === "intensity" ? r.intensityTCO2ePerT : r.energyTcePerT;
  return t(w.path === "intensity" ? "reportsWeb:checks.rangeIntensity" : "reportsWeb:checks.rangeEnergy", {
    lo: formatNumber(lang, lo ?? 0, 3),
    hi: formatNumber(lang, hi ?? 0, 3),
  });
}

/** What a warning is about: a figure, the intensity or the energy per tonne. */
const warningField = (t: ReportT, path: string) =>
  path === "intensity" || path === "energyPerTonne" || (FIGURES as readonly string[]).includes(path)
    ? t(`reportsWeb:checks.field.${path as (typeof FIGURES)[number] | "intensity" | "energyPerTonne"}`)
    : path;

/** The plausibility checks of the saved draft: figures, the year before, warnings with their assumed ranges. */
export function ChecksStep({
  checks,
  lang,
}: {
  checks: { data?: ReportChecks; error: Error | null; isPending: boolean };
  lang: Lang;
}): ReactNode {
  const { t } = useTranslation(REPORT_NS);
  if (checks.isPending) return <Skeleton active />;
  if (checks.error) return <QueryError error={checks.error} />;
  const c = checks.data!;
  const rows = FIGURES.map((f) => ({
    key: f,
    what: t(`reportsWeb:checks.field.${f}`),
    now: c.figures ? formatNumber(lang, c.figures[f], 1) : "—",
    before: c.comparedWith ? formatNumber(lang, c.comparedWith[f], 1) : "—",
  }));
  return (
    <div id="report-checks">
      <Typography.Paragraph type="secondary">{t("reportsWeb:checks.intro")}</Typography.Paragraph>
      {c.inventoryProblems.length > 0 && (
        <Alert
          type="error"
          showIcon
          id="checks-problems"
          title={t("reportsWeb:checks.problems")}
          description={
            <ul>
              {c.inventoryProblems.map((p) => (
                <li key={`${p.path}:${p.message}`}>
                  <code>{p.path}</code> {p.message}
                </li>
              ))}
            </ul>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      <div className="table-scroll">
        <Table
          id="checks-figures"
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: t("reportsWeb:checks.figure"), dataIndex: "what" },
            { title: t("reportsWeb:checks.thisYear"), dataIndex: "now", align: "right" },
            {
              title: c.comparedWith
                ? t("reportsWeb:checks.yearBefore", { year: c.comparedWith.year })
                : t("reportsWeb:checks.noYearBefore"),
              dataIndex: "before",
              align: "right",
            },
          ]}
        />
      </div>
      <div id="checks-warnings" style={{ marginTop: 12 }}>
        {c.figures && c.warnings.length === 0 && (
          <Alert type="success" showIcon title={t("reportsWeb:checks.noWarnings")} />
        )}
        {c.warnings.map((w) => (
          <Alert
            key={`${w.path}:${w.kind}`}
            type="warning"
            showIcon
            className="check-warning"
            data-kind={w.kind}
            style={{ marginBottom: 8 }}
            title={t("reportsWeb:checks.warning", {
              kind: t(`manage:check.${w.kind}`),
              what: warningField(t, w.path),
            })}
            description={rangeText(t, lang, c, w)}
          />
        ))}
      </div>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t("reportsWeb:checks.assumed")}
      </Typography.Paragraph>
    </div>
  );
}

/** The declaration (who declares it, that it is true and complete) and the notes. */
export function DeclarationStep({
  value,
  notes,
  onChange,
  onNotes,
  readOnly,
}: PartProps<AnnualReportDraft["declaration"]> & {
  notes: string | undefined;
  onNotes: (n: string | undefined) => void;
}): ReactNode {
  const { t } = useTranslation(REPORT_NS);
  const d = value ?? {};
  return (
    <div id="report-declaration">
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Field path="declaration.name" label={t("reportsWeb:declaration.name")}>
            <Input
              id="declaration-name"
              value={d.name}
              onChange={(e) => onChange({ ...d, name: e.target.value || undefined })}
            />
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field path="declaration.position" label={t("reportsWeb:declaration.position")}>
            <Input
              id="declaration-position"
              value={d.position}
              onChange={(e) => onChange({ ...d, position: e.target.value || undefined })}
            />
          </Field>
        </Col>
      </Row>
      <Field path="declaration.accepted" label={t("reportsWeb:declaration.title")}>
        <Checkbox
          id="declaration-accepted"
          checked={d.accepted === true}
          onChange={(e) => onChange({ ...d, accepted: e.target.checked })}
        >
          {t("manage:declaration.text")}
        </Checkbox>
      </Field>
      <Field path="notes" label={t("reportsWeb:declaration.notes")}>
        <Input.TextArea
          id="report-notes"
          rows={3}
          maxLength={2000}
          value={notes}
          disabled={readOnly}
          onChange={(e) => onNotes(e.target.value || undefined)}
        />
      </Field>
      <Space />
    </div>
  );
}
