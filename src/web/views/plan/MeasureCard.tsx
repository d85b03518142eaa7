import { Card, Checkbox, Col, Form, Input, InputNumber, Row, Typography } from "antd";
import { useMemo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { specFields, type SpecField } from "../../../domain/common/field-meta.ts";
import { scenarioSchema } from "../../../domain/pathway/scenario-spec.ts";
import type { Lang } from "../../../presentation/i18n/lang.ts";
import { FieldLabel } from "../../components/FieldLabel.tsx";
import { useViewTexts, type ViewT } from "../../components/view-texts.ts";
import { measureFields, measureKey, type MeasureKind } from "./scenario-start.ts";

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
export function MeasureCard({
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
