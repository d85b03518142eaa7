import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Form, Progress, Select, Steps } from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import type { JobRecord } from "../../../contract/analysis-record.ts";
import { DENSITY_SETS } from "../../../domain/budget/density-sets.ts";
import { ApiError, apiFetch } from "../../api/client.ts";
import { keys } from "../../api/queries.ts";
import { viewPath } from "../../app/views.ts";
import { densitySetText } from "./density-set-text.ts";

interface Values {
  densitySet: string;
}

const STEP = { queued: 0, running: 1, done: 2, failed: 2 } as const;

/** Follows a job until it ends (polling), then refreshes what its result changes. */
function useJob(id: string | undefined, areaId: string) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: keys.job(id ?? ""),
    queryFn: async () => {
      const j = await apiFetch<JobRecord>(`/api/jobs/${encodeURIComponent(id!)}`);
      if (j.state === "done" || j.state === "failed")
        await qc.invalidateQueries({ queryKey: keys.area(areaId) });
      return j;
    },
    enabled: !!id,
    refetchInterval: (q) =>
      q.state.data?.state === "done" || q.state.data?.state === "failed" ? false : 400,
  });
}

/**
 * Runs the land-use analysis of the area's maps with a density set, and shows its progress as
 * steps (queued → running → done) and a bar. A new run, or a refused one, clears the previous
 * run's progress.
 */
export function RunAnalysis({ areaId, years }: { areaId: string; years: readonly number[] }): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  const { search } = useLocation();
  const [jobId, setJobId] = useState<string | undefined>();
  const job = useJob(jobId, areaId);
  const run = useMutation({
    mutationFn: (v: Values) =>
      apiFetch<JobRecord>(`/api/areas/${encodeURIComponent(areaId)}/analyses`, {
        method: "POST",
        json: { densitySet: v.densitySet || null },
      }),
    onMutate: () => setJobId(undefined),
    onSuccess: (j) => setJobId(j.id),
  });
  const j = job.data;
  const error = run.error;
  return (
    <Form<Values>
      id="run-analysis"
      layout="vertical"
      initialValues={{ densitySet: Object.keys(DENSITY_SETS)[0] }}
      onFinish={(v) => run.mutate(v)}
    >
      <Form.Item name="densitySet" label={t("densitySet")}>
        <Select
          options={[
            ...Object.values(DENSITY_SETS).map((s) => ({
              value: s.id,
              label: densitySetText(t, "densitySet", s.id),
              title: densitySetText(t, "densitySetNote", s.id),
            })),
            { value: "", label: t("none") },
          ]}
        />
      </Form.Item>
      {years.length < 2 && (
        <Alert type="info" showIcon title={t("web:run.needTwoMaps")} style={{ marginBottom: 8 }} />
      )}
      {error && (
        <Alert
          className="form-error"
          type="error"
          showIcon
          role="alert"
          title={error.message}
          description={
            error instanceof ApiError && error.details.length ? (
              <ul>
                {error.details.map((d) => (
                  <li key={d.path + d.message}>{d.message}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      <Button type="primary" htmlType="submit" loading={run.isPending} style={{ margin: "8px 0" }}>
        {t("runAnalysis")}
      </Button>
      {j && (
        <div id="analysis-status" role="status" className={`job job-${j.state}`}>
          <Steps
            size="small"
            current={STEP[j.state]}
            status={j.state === "failed" ? "error" : j.state === "done" ? "finish" : "process"}
            items={[
              { title: t("queued") },
              { title: t("running") },
              { title: j.state === "failed" ? t("failed") : t("done") },
            ]}
          />
          <Progress
            className="analysis-progress"
            percent={Math.round(j.percent)}
            format={(p) => `${p ?? 0}%`}
            status={j.state === "failed" ? "exception" : j.state === "done" ? "success" : "active"}
            aria-label={t("progress")}
          />
          {j.state === "failed" && <Alert type="error" showIcon title={j.error?.message ?? t("failed")} />}
          {j.state === "done" && <Link to={viewPath(areaId, "map", search)}>{t("web:run.showMap")}</Link>}
        </div>
      )}
    </Form>
  );
}
