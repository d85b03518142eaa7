import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Card, Checkbox, Col, Form, InputNumber, Row, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { PathwayResultRecord } from "../../../contract/pathway-result.ts";
import type { ScenarioDefaults } from "../../../contract/scenario-defaults.ts";
import { formatNumber } from "../../../presentation/i18n.ts";
import type { Lang } from "../../../presentation/i18n/lang.ts";
import { ApiError, apiFetch, type ApiErrorDetail } from "../../api/client.ts";
import { FieldLabel } from "../../components/FieldLabel.tsx";
import type { ViewT } from "../../components/view-texts.ts";
import { MeasureCard } from "./MeasureCard.tsx";
import { AbatementCostCurve, PathwayResult } from "./PathwayResults.tsx";
import { measureOf, type PlanForm } from "./plan-form.ts";
import { coalOutputField, MEASURE_KINDS, type MeasureKind, type ScenarioStart } from "./scenario-start.ts";

/** The scenario builder, the pathway to 2060 and the abatement-cost curve of one mine. */
export function PathwayPlanner({
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
        <PathwayResult answer={answer} failed={failed} inventoryId={start.inventoryId} />
      </Card>
      <AbatementCostCurve answer={answer} />
    </>
  );
}
