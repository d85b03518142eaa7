import type { TFunction } from "i18next";
import { unitName } from "../../../domain/common/field-meta.ts";
import type { Lang } from "../../../presentation/i18n/lang.ts";
import { asFormLabel, fieldLabelText } from "../../components/FieldLabel.tsx";
import { slots, type Doc, type Slot } from "../inventory/activity-doc.ts";
import type { AnnualReportDraft, ReportEventRecord } from "./reports-api.ts";

export type ReportT = TFunction<["reportsWeb", "manage", "terms", "web"]>;

/** The namespaces the report pages read. */
export const REPORT_NS = ["reportsWeb", "manage", "terms", "web", "common"] as const;

/** The fields of a measure and of a reclamation line, in the order the forms show them. */
export const MEASURE_FIELDS = [
  "name",
  "kind",
  "investmentCny",
  "expectedAbatementTCO2ePerYr",
  "status",
] as const;
export const RECLAMATION_FIELDS = [
  "plotId",
  "areaReclaimedHa",
  "targetRole",
  "species",
  "investmentCny",
] as const;

/** An inventory slot's label as the Inventory view's form shows it: the fuel or gas, the field, the unit. */
export function slotLabel(t: ReportT, lang: Lang, s: Slot): string {
  const unit = s.carrier ? ` (${unitName(s.carrier.unit, lang)})` : "";
  const base = s.carrier ? (s.field.label?.[lang] ?? s.name) : fieldLabelText(s.field, lang);
  const text = s.term ? t("web:inventory.slotLabel", { term: t(`terms:${s.term}`), label: base }) : base;
  return asFormLabel(text + unit);
}

/** The inventory's form slots of a document (on a copy: the document is not changed). */
export const slotsOf = (doc: Doc): Slot[] => slots(structuredClone(doc));

/** A field of the report's content: its path as the API names it and its label in the language. */
export interface ContentField {
  readonly path: string;
  readonly label: string;
}

/** The fields of a report's content a comment or finding can sit on, with their labels. */
export function contentFields(t: ReportT, lang: Lang, c: AnnualReportDraft | undefined): ContentField[] {
  const inv = (c?.inventory ?? { kind: "mine-inventory", years: [{}] }) as Doc;
  const out: ContentField[] = slotsOf(inv).map((s) => ({
    path: `inventory.${s.apiPath}`,
    label: `${t("reportsWeb:step.data")} · ${slotLabel(t, lang, s)}`,
  }));
  out.push(
    { path: "landUse.areaId", label: `${t("reportsWeb:step.landUse")} · ${t("reportsWeb:landUse.area")}` },
    { path: "landUse.mapIds", label: `${t("reportsWeb:step.landUse")} · ${t("reportsWeb:landUse.maps")}` },
    {
      path: "landUse.analysisId",
      label: `${t("reportsWeb:step.landUse")} · ${t("reportsWeb:landUse.analysis")}`,
    },
  );
  (c?.reclamation ?? []).forEach((_, i) =>
    RECLAMATION_FIELDS.forEach((f) =>
      out.push({
        path: `reclamation[${i}].${f}`,
        label: `${t("reportsWeb:reclamation.line", { n: i + 1 })} · ${t(`reportsWeb:reclamation.${f}`)}`,
      }),
    ),
  );
  (c?.measures ?? []).forEach((_, i) =>
    MEASURE_FIELDS.forEach((f) =>
      out.push({
        path: `measures[${i}].${f}`,
        label: `${t("reportsWeb:measures.line", { n: i + 1 })} · ${t(`reportsWeb:measures.${f}`)}`,
      }),
    ),
  );
  out.push(
    { path: "evidence", label: t("reportsWeb:step.evidence") },
    { path: "inventory", label: t("reportsWeb:step.data") },
    { path: "reclamation", label: t("reportsWeb:step.reclamation") },
    { path: "measures", label: t("reportsWeb:step.measures") },
    { path: "declaration", label: `${t("reportsWeb:step.submit")} · ${t("reportsWeb:declaration.title")}` },
    {
      path: "declaration.accepted",
      label: `${t("reportsWeb:step.submit")} · ${t("reportsWeb:declaration.title")}`,
    },
    {
      path: "declaration.name",
      label: `${t("reportsWeb:step.submit")} · ${t("reportsWeb:declaration.name")}`,
    },
    {
      path: "declaration.position",
      label: `${t("reportsWeb:step.submit")} · ${t("reportsWeb:declaration.position")}`,
    },
    { path: "notes", label: t("reportsWeb:declaration.notes") },
  );
  return out;
}

/** A path's label among the content's fields, or the path itself. */
export const labelOf = (fields: readonly ContentField[], path: string): string =>
  fields.find((f) => f.path === path)?.label ?? path;

/** The wizard step a content path belongs to (0 data … 6 submit). */
export function stepOfPath(path: string): number {
  if (path.startsWith("inventory")) return 0;
  if (path.startsWith("landUse")) return 1;
  if (path.startsWith("reclamation")) return 2;
  if (path.startsWith("measures")) return 3;
  if (path.startsWith("evidence")) return 4;
  return 6;
}

/** A remark at a field: a reviewer's comment on a return, or a verifier's finding. */
export interface FieldRemark {
  readonly by: "reviewer" | "verifier";
  readonly text: string;
}

/**
 * The remarks at each field path: the last return's field comments (while the report is returned
 * or after) and the last verification's findings, as their events carried them.
 */
export function remarksByPath(events: readonly ReportEventRecord[]): Map<string, FieldRemark[]> {
  const at = new Map<string, FieldRemark[]>();
  const add = (path: unknown, text: unknown, by: FieldRemark["by"]) => {
    if (typeof path !== "string" || typeof text !== "string") return;
    at.set(path, [...(at.get(path) ?? []), { by, text }]);
  };
  const lastReturn = events.findLast((e) => e.type === "return");
  const lastConclusion = events.findLast((e) => e.type === "conclude-verification");
  for (const c of asComments(lastConclusion?.body.conclusion, "findings")) add(c.path, c.comment, "verifier");
  for (const c of asComments(lastReturn?.body, "fieldComments")) add(c.path, c.comment, "reviewer");
  return at;
}

/** The comments a body carries under `key` (a return's fieldComments, a conclusion's findings). */
export function asComments(body: unknown, key: string): { path: string; comment: string }[] {
  if (typeof body !== "object" || body === null) return [];
  const list = (body as Record<string, unknown>)[key];
  return Array.isArray(list)
    ? list.filter(
        (c): c is { path: string; comment: string } =>
          typeof c === "object" &&
          c !== null &&
          typeof (c as { path?: unknown }).path === "string" &&
          typeof (c as { comment?: unknown }).comment === "string",
      )
    : [];
}
