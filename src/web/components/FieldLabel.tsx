import { QuestionCircleOutlined } from "@ant-design/icons";
import { Tooltip } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FIELD_UNITS, type SpecField } from "../../domain/common/field-meta.ts";
import { parseLang, type Lang } from "../../presentation/i18n/lang.ts";

/** What a label needs from a spec field's metadata. */
export type LabelledField = Pick<SpecField, "path" | "label" | "unit" | "description" | "min" | "max">;

/** The unit of a field in the language ("" for a unitless field). */
export function fieldUnit(field: LabelledField, lang: Lang): string {
  return field.unit ? FIELD_UNITS[field.unit][lang] : "";
}

/** A field's label text in the language, with its unit: "boundary area (ha)"; its path when it has no label. */
export function fieldLabelText(field: LabelledField, lang: Lang): string {
  const name = field.label?.[lang] ?? field.path;
  const unit = fieldUnit(field, lang);
  return unit ? `${name} (${unit})` : name;
}

/**
 * A label as a form shows it: starting with a capital ("Raw coal output (t)"). The spec's labels are
 * lower case because sentences and the CLI's help use them inside a line; Chinese has no case.
 */
export const asFormLabel = (text: string): string => text.charAt(0).toLocaleUpperCase("en") + text.slice(1);

/**
 * The label of a form field read from its spec's metadata (src/domain/common/field-meta.ts): the
 * name and unit in the page's language, and the description and range as a hint.
 */
export function FieldLabel({ field }: { field: LabelledField }): ReactNode {
  const { i18n } = useTranslation();
  const lang = parseLang(i18n.language) ?? "en";
  const hint = [
    field.description?.[lang],
    field.min !== undefined || field.max !== undefined
      ? `${field.min ?? "…"} – ${field.max ?? "…"} ${fieldUnit(field, lang)}`.trim()
      : undefined,
  ].filter(Boolean);
  return (
    <span className="field-label" data-field={field.path}>
      {asFormLabel(fieldLabelText(field, lang))}
      {hint.length > 0 && (
        <Tooltip title={hint.join(" · ")}>
          <QuestionCircleOutlined
            className="field-hint"
            aria-label={hint.join(" · ")}
            style={{ marginInlineStart: 4 }}
          />
        </Tooltip>
      )}
    </span>
  );
}
