import { Alert, Card, Select, Skeleton, Space, Table, Tag, Timeline, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../presentation/i18n.ts";
import { LOCALE, type Lang } from "../../../presentation/i18n/lang.ts";
import { QueryError } from "../../components/QueryError.tsx";
import { asComments, labelOf, REPORT_NS, type ContentField } from "./content-fields.ts";
import { useAdjustment, useChanges, type AnnualReportRecord, type ReportEventRecord } from "./reports-api.ts";
import type { YearReviewRecord } from "../../../contract/mine-pathway.ts";
import { MEASURE_KINDS } from "../../../domain/pathway/scenario-spec.ts";

const when = (lang: Lang, iso: string) =>
  new Date(iso).toLocaleString(LOCALE[lang], { dateStyle: "medium", timeStyle: "short" });

/** What an event carried, in the language: the version, the body sent to, the reason, the conclusion, the comments. */
function EventBody({ e, fields }: { e: ReportEventRecord; fields: readonly ContentField[] }): ReactNode {
  const { t } = useTranslation(REPORT_NS);
  const b = e.body;
  const conclusion = (b.conclusion ?? null) as { conforms?: boolean; statement?: string } | null;
  const comments = [...asComments(b, "fieldComments"), ...asComments(b.conclusion, "findings")];
  return (
    <div className="event-body">
      {typeof b.version === "number" && <div>{t("reportsWeb:history.version", { n: b.version })}</div>}
      {typeof b.reason === "string" && (
        <div className="event-reason">
          {t("reportsWeb:history.reason")} {b.reason}
        </div>
      )}
      {conclusion && (
        <div className="event-conclusion">
          <Tag color={conclusion.conforms ? "green" : "red"}>
            {t(conclusion.conforms ? "reportsWeb:verify.conforms" : "reportsWeb:verify.nonConformity")}
          </Tag>
          {conclusion.statement}
        </div>
      )}
      {comments.length > 0 && (
        <ul className="event-comments">
          {comments.map((c, i) => (
            <li key={i}>
              <strong>{labelOf(fields, c.path)}</strong>: {c.comment}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The report's history: every event, oldest first, with who's organisation and what it carried. */
export function EventHistory({
  report,
  fields,
  lang,
}: {
  report: AnnualReportRecord;
  fields: readonly ContentField[];
  lang: Lang;
}): ReactNode {
  const { t } = useTranslation(REPORT_NS);
  return (
    <Card size="small" title={t("reportsWeb:history.title")} id="report-history">
      {report.events.length === 0 ? (
        <Typography.Text type="secondary">{t("reportsWeb:history.none")}</Typography.Text>
      ) : (
        <Timeline
          items={report.events.map((e) => ({
            key: e.seq,
            content: (
              <div className="history-event" data-type={e.type}>
                <strong>{t(`manage:event.${e.type}`)}</strong>{" "}
                <Typography.Text type="secondary">{when(lang, e.at)}</Typography.Text>
                <EventBody e={e} fields={fields} />
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}

const show = (v: unknown): string =>
  v === undefined || v === null ? "—" : typeof v === "object" ? JSON.stringify(v) : String(v);

/** The submitted versions, and two of them compared field by field. */
export function Versions({
  report,
  fields,
  lang,
}: {
  report: AnnualReportRecord;
  fields: readonly ContentField[];
  lang: Lang;
}): ReactNode {
  const { t } = useTranslation(REPORT_NS);
  const n = report.versions.length;
  const [from, setFrom] = useState<number | undefined>(n >= 2 ? n - 1 : undefined);
  const [to, setTo] = useState<number | undefined>(n >= 2 ? n : undefined);
  const changes = useChanges(report.id, from, to);
  if (n === 0) return null;
  const options = report.versions.map((v) => ({
    value: v.number,
    label: t("reportsWeb:history.versionOf", { n: v.number, date: when(lang, v.submittedAt) }),
  }));
  return (
    <Card size="small" title={t("reportsWeb:versions.title")} id="report-versions">
      <ul className="version-list">
        {report.versions.map((v) => (
          <li key={v.number}>
            {t("reportsWeb:history.versionOf", { n: v.number, date: when(lang, v.submittedAt) })}
          </li>
        ))}
      </ul>
      {n < 2 ? (
        <Typography.Text type="secondary">{t("reportsWeb:versions.one")}</Typography.Text>
      ) : (
        <Space direction="vertical" style={{ width: "100%" }}>
          <Space wrap>
            <span>{t("reportsWeb:versions.compare")}</span>
            <Select
              id="compare-from"
              value={from}
              onChange={setFrom}
              options={options}
              style={{ minWidth: 200 }}
            />
            <span>→</span>
            <Select id="compare-to" value={to} onChange={setTo} options={options} style={{ minWidth: 200 }} />
          </Space>
          {from === to ? (
            <Typography.Text type="secondary">{t("reportsWeb:versions.same")}</Typography.Text>
          ) : changes.isPending ? (
            <Skeleton active />
          ) : changes.error ? (
            <QueryError error={changes.error} />
          ) : (
            <div className="table-scroll">
              <Table
                id="version-changes"
                size="small"
                pagination={false}
                rowKey="path"
                scroll={{ x: "max-content" }}
                locale={{ emptyText: t("reportsWeb:versions.noChange") }}
                dataSource={changes.data.changes}
                columns={[
                  {
                    title: t("reportsWeb:versions.field"),
                    dataIndex: "path",
                    render: (p: string) => (
                      <span title={p} data-path={p}>
                        {labelOf(fields, p)}
                      </span>
                    ),
                  },
                  {
                    title: t("reportsWeb:versions.before", { n: from }),
                    dataIndex: "before",
                    render: (v: unknown) => <span className="change-value">{show(v)}</span>,
                  },
                  {
                    title: t("reportsWeb:versions.after", { n: to }),
                    dataIndex: "after",
                    render: (v: unknown) => <span className="change-value">{show(v)}</span>,
                  },
                ]}
              />
            </div>
          )}
        </Space>
      )}
    </Card>
  );
}

/** After approval: the year's actual figures beside the year before's, and what a plan comparison lacks. */
export function Adjustment({ report, lang }: { report: AnnualReportRecord; lang: Lang }): ReactNode {
  const { t } = useTranslation(REPORT_NS);
  const a = useAdjustment(report.id, report.state === "approved" || report.state === "published");
  if (report.state !== "approved" && report.state !== "published") return null;
  if (a.isPending) return <Skeleton active />;
  if (a.error) return <QueryError error={a.error} />;
  const d = a.data;
  const f = (v: number | null | undefined, digits = 1) =>
    v === null || v === undefined ? "—" : formatNumber(lang, v, digits);
  const rows = [
    {
      key: "emissions",
      what: t("reportsWeb:checks.field.emissionsTCO2ePerYr"),
      now: f(d.actual.emissionsTCO2ePerYr),
      before: f(d.previous?.emissionsTCO2ePerYr),
    },
    { key: "sink", what: t("reportsWeb:adjust.sink"), now: f(d.actual.sinkTCO2ePerYr), before: "—" },
    { key: "balance", what: t("reportsWeb:adjust.balance"), now: f(d.actual.balanceTCO2ePerYr), before: "—" },
    {
      key: "coal",
      what: t("reportsWeb:checks.field.coalOutputT"),
      now: f(d.actual.coalOutputT, 0),
      before: f(d.previous?.coalOutputT, 0),
    },
    {
      key: "energy",
      what: t("reportsWeb:checks.field.energyTce"),
      now: f(d.actual.energyTce),
      before: f(d.previous?.energyTce),
    },
    {
      key: "intensity",
      what: t("reportsWeb:checks.field.intensity"),
      now: f(d.actual.intensityTCO2ePerT, 3),
      before:
        d.previous && d.previous.coalOutputT > 0
          ? f(d.previous.emissionsTCO2ePerYr / d.previous.coalOutputT, 3)
          : "—",
    },
  ];
  return (
    <Card size="small" title={t("reportsWeb:adjust.title", { year: d.year })} id="report-adjustment">
      <div className="table-scroll">
        <Table
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: t("reportsWeb:checks.figure"), dataIndex: "what" },
            { title: t("reportsWeb:adjust.actual", { n: d.version }), dataIndex: "now", align: "right" },
            {
              title: d.previous
                ? t("reportsWeb:checks.yearBefore", { year: d.previous.year })
                : t("reportsWeb:checks.noYearBefore"),
              dataIndex: "before",
              align: "right",
            },
          ]}
        />
      </div>
      {d.review !== null && <PlanReview review={d.review as YearReviewRecord} lang={lang} />}
      {d.review === null && (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          id="adjust-no-plan"
          title={t("reportsWeb:adjust.noPlan")}
        />
      )}
    </Card>
  );
}

/**
 * The year against the mine's stored pathway plan (seed 002's evaluate-and-adjust; review-year.ts):
 * net planned and actual, each part of the balance with what it is behind by and the plan's
 * measures acting on it, and what keeps the mine on track, t CO2e/yr.
 */
function PlanReview({ review: r, lang }: { review: YearReviewRecord; lang: Lang }): ReactNode {
  const { t } = useTranslation(REPORT_NS);
  const f = (v: number) => formatNumber(lang, v, 0);
  const onCourse = r.rebased.neutralYear !== null && r.rebased.neutralYear <= r.targetYear;
  const left = Math.max(0, r.rebased.netAtTargetTCO2e);
  const measure = (m: string) => {
    const [, kind, year] = /^(\S+) from (\d+)$/.exec(m) ?? [];
    const known = MEASURE_KINDS.find((k) => k === kind);
    return known && year
      ? t("reportsWeb:adjust.measureFrom", { what: t(`terms:measure.${known}`), year })
      : m;
  };
  return (
    <div id="adjust-review" style={{ marginTop: 12 }}>
      <Typography.Title level={5}>{t("reportsWeb:adjust.review.title", { year: r.year })}</Typography.Title>
      <Typography.Paragraph>
        {t("reportsWeb:adjust.review.net", {
          planned: f(r.plannedNetTCO2e),
          actual: f(r.actualNetTCO2e),
          gap: f(Math.abs(r.gapTCO2e)),
        })}{" "}
        <Tag color={r.gapTCO2e > 0 ? "red" : "green"}>
          {r.gapTCO2e > 0 ? t("reportsWeb:adjust.review.behind") : t("reportsWeb:adjust.review.ahead")}
        </Tag>
      </Typography.Paragraph>
      <div className="table-scroll">
        <Table
          size="small"
          pagination={false}
          rowKey="part"
          dataSource={[...r.parts]}
          columns={[
            {
              title: t("reportsWeb:adjust.review.part"),
              dataIndex: "part",
              onHeaderCell: () => ({ style: { whiteSpace: "nowrap" } }),
              onCell: () => ({ style: { whiteSpace: "nowrap" } }),
              render: (p: YearReviewRecord["parts"][number]["part"]) => t(`reportsWeb:adjust.part.${p}`),
            },
            {
              title: t("reportsWeb:adjust.review.planned"),
              dataIndex: "planned",
              align: "right",
              render: (v: number) => f(v),
            },
            {
              title: t("reportsWeb:adjust.review.actual"),
              dataIndex: "actual",
              align: "right",
              render: (v: number) => f(v),
            },
            {
              title: t("reportsWeb:adjust.review.behindBy"),
              dataIndex: "behindByTCO2e",
              align: "right",
              render: (v: number) => (
                <Typography.Text type={v > 0.5 ? "danger" : undefined}>{f(v)}</Typography.Text>
              ),
            },
            {
              title: t("reportsWeb:adjust.review.measures"),
              dataIndex: "measures",
              render: (ms: readonly string[]) =>
                ms.length ? ms.map((m) => <Tag key={m}>{measure(m)}</Tag>) : "—",
            },
          ]}
        />
      </div>
      <Alert
        style={{ marginTop: 12 }}
        type={onCourse ? "success" : "warning"}
        showIcon
        id="adjust-to-close"
        title={
          onCourse
            ? t("reportsWeb:adjust.review.onCourse", { year: r.year, neutral: r.rebased.neutralYear })
            : t("reportsWeb:adjust.review.toClose", {
                year: r.year,
                target: r.targetYear,
                left: f(left),
                perYear: f(left / Math.max(1, r.targetYear - r.year)),
                from: r.year + 1,
              })
        }
      />
    </div>
  );
}
