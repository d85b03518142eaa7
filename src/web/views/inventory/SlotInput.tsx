import { Form, Input, Select } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { unitName } from "../../../domain/common/field-meta.ts";
import { FieldLabel, type LabelledField } from "../../components/FieldLabel.tsx";
import type { Slot } from "./activity-doc.ts";

/** The label of a slot: its spec field's, with the fuel or gas it is about and the carrier's unit. */
function useSlotLabel(slot: Slot): LabelledField {
  const { t } = useTranslation(["terms", "web"]);
  const { label } = slot.field;
  const { term } = slot;
  if (!term || !label) return slot.field;
  const unit = slot.carrier?.unit;
  const text = (l: "en" | "zh") =>
    `${t("web:inventory.slotLabel", { lng: l, term: t(`terms:${term}`, { lng: l }), label: label[l] })}${unit ? ` (${unitName(unit, l)})` : ""}`;
  return { ...slot.field, label: { en: text("en"), zh: text("zh") }, ...(unit ? { unit: undefined } : {}) };
}

/** One field of the activity form: its label and unit from the spec, its bounds checked as typed. */
export function SlotInput({ slot }: { slot: Slot }): ReactNode {
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
