import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Card, Col, InputNumber, Radio, Row, Skeleton, Space, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { OptimizationResultRecord } from "../../../contract/pathway-result.ts";
import type { AreaStructureProblem } from "../../../contract/structure-problem.ts";
import { className, formatNumber } from "../../../presentation/i18n.ts";
import { apiFetch } from "../../api/client.ts";
import { useAnalyses } from "../../api/queries.ts";
import { useArea, useMay } from "../../app/access.ts";
import { QueryError } from "../../components/QueryError.tsx";
import { useViewTexts } from "../../components/view-texts.ts";
import { OptimizationResults, type ClassLabel } from "./OptimizationResults.tsx";
import { structureProblemUrl, useStructureProblem } from "./use-structure-problem.ts";

type Source = "area" | "example";

/** The problem the optimization runs: the area's own (with the coal output asked) or the shipped example. */
async function optimize(areaId: string, source: Source, coalOutputT: number | null) {
  const problem =
    source === "area"
      ? (await apiFetch<AreaStructureProblem>(structureProblemUrl(areaId, coalOutputT))).problem
      : await apiFetch<unknown>("/api/examples/pingshuo-structure");
  return {
    source,
    result: await apiFetch<OptimizationResultRecord>("/api/optimize", { method: "POST", json: problem }),
  };
}

/**
 * The land-use structure optimization of the area's own land: the problem the API builds from its
 * latest finished land-use analysis (class areas by role, coefficients, the coal-land floor of the
 * coal output, the example's floors and caps scaled as planning assumptions). The shipped Pingshuo
 * example is reachable only when chosen, and said as such.
 */
export function StructureOptimization({ areaId }: { areaId: string }): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  const { tv, lang } = useViewTexts();
  const analyses = useAnalyses(areaId);
  const mayRun = useMay("analysis.run", useArea(areaId));
  const finished = (analyses.data ?? []).some((a) => a.kind === "landuse" && a.status === "done");
  const own = useStructureProblem(areaId, finished);
  const [chosen, setChosen] = useState<Source | undefined>(undefined);
  // The example only when chosen: an area with no analysis says what it needs.
  const source: Source = chosen ?? "area";
  const [coal, setCoal] = useState<number | null | undefined>(undefined);
  const coalOutputT = coal === undefined ? (own.data?.coalOutput?.tPerYr ?? null) : coal;
  const run = useMutation({ mutationFn: () => optimize(areaId, source, coalOutputT) });
  const answer = run.data?.source === source ? run.data : undefined;
  const p = own.data;
  const labels: ClassLabel[] =
    answer?.source === "area" && p
      ? p.classNames.map((c) => ({ key: c.key, label: className(lang, c) }))
      : [];
  const areaHa = p ? p.problem.classes.reduce((s, c) => s + c.currentHa, 0) : 0;
  return (
    <Card size="small" title={t("optimize")} id="optimize-panel">
      {analyses.isPending ? (
        <Skeleton active />
      ) : (
        <Space direction="vertical" style={{ width: "100%" }}>
          <Radio.Group
            id="optimize-source"
            value={source}
            onChange={(e) => {
              setChosen(e.target.value as Source);
              run.reset();
            }}
            options={[
              { value: "area", label: tv("plan.optimizeOwn") },
              { value: "example", label: tv("plan.optimizeExample") },
            ]}
          />
          {source === "example" ? (
            <Alert type="info" showIcon title={tv("plan.optimizeDemo")} id="optimize-demo-note" />
          ) : !finished ? (
            <Alert
              type="info"
              showIcon
              id="optimize-needs-analysis"
              title={tv(mayRun ? "plan.optimizeNeedsAnalysis" : "plan.optimizeNeedsAnalysisWait")}
            />
          ) : own.error ? (
            <QueryError error={own.error} />
          ) : !p ? (
            <Skeleton active />
          ) : (
            <>
              <Typography.Paragraph id="optimize-basis" style={{ marginBottom: 0 }}>
                {tv("plan.optimizeBasis", {
                  year: p.year,
                  classes: p.problem.classes.length,
                  area: formatNumber(lang, areaHa, 0),
                  set: p.coefficientSet,
                })}
              </Typography.Paragraph>
              {p.stale && <Alert type="warning" showIcon title={tv("plan.optimizeStale")} />}
              {p.held.length > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  id="optimize-held"
                  title={tv("plan.optimizeHeld")}
                  description={
                    <ul>
                      {p.held.map((h) => (
                        <li key={h.code}>
                          {tv("plan.heldClass", {
                            name: className(lang, h),
                            area: formatNumber(lang, h.areaHa, 0),
                          })}
                        </li>
                      ))}
                    </ul>
                  }
                />
              )}
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <label htmlFor="optimize-coal">{tv("plan.coalOutput")}</label>
                  <InputNumber
                    id="optimize-coal"
                    min={0}
                    max={1e11}
                    style={{ width: "100%" }}
                    value={coalOutputT}
                    onChange={(v) => {
                      setCoal(typeof v === "number" ? v : null);
                      run.reset();
                    }}
                  />
                  <Typography.Text type="secondary">{tv("plan.coalOutputHint")}</Typography.Text>
                </Col>
              </Row>
            </>
          )}
          {!finished && source === "area" ? null : (
            <Button
              type="primary"
              id="run-optimize"
              loading={run.isPending}
              disabled={source === "area" && !p}
              onClick={() => run.mutate()}
            >
              {tv(source === "area" ? "plan.runOptimize" : "plan.runOptimizeExample")}
            </Button>
          )}
          {run.error && <QueryError error={run.error} />}
          {answer && <OptimizationResults result={answer.result} labels={labels} />}
        </Space>
      )}
    </Card>
  );
}
