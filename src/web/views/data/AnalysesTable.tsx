import { Progress, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table/index.js";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ANALYSIS_KINDS, ANALYSIS_STATUSES } from "../../../contract/analysis-record.ts";
import { parseLang, LOCALE } from "../../../presentation/i18n/lang.ts";
import { useAnalyses, type AnalysisRecord } from "../../api/queries.ts";
import { QueryError } from "../../components/QueryError.tsx";
import { staleReasonLabel } from "../../components/stale-reason.ts";
import { ReportButtons } from "../../components/ReportButtons.tsx";
import { useArea, useMay } from "../../app/access.ts";

const STATUS_COLOUR = { queued: "default", running: "processing", done: "success", failed: "error" } as const;

/** The area's analyses: sortable by date, filtered by kind, status and staleness, a page at a time. */
export function AnalysesTable({ areaId }: { areaId: string }): ReactNode {
  const { t, i18n } = useTranslation(["common", "web"]);
  const lang = parseLang(i18n.language) ?? "en";
  const analyses = useAnalyses(areaId, { poll: true });
  const area = useArea(areaId);
  // Reports are made by who may (the area's owner); others see no column of buttons they may not use.
  const mayReport = useMay("report.create", area);
  if (analyses.error) return <QueryError error={analyses.error} />;
  const date = new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: "medium", timeStyle: "short" });
  const columns: ColumnsType<AnalysisRecord> = [
    { title: "#", dataIndex: "id", key: "id", render: (id: string) => <code>{id.slice(0, 8)}</code> },
    {
      title: t("web:analysis.kind"),
      dataIndex: "kind",
      key: "kind",
      filters: ANALYSIS_KINDS.map((k) => ({ text: t(`web:analysisKind.${k}`), value: k })),
      onFilter: (v, r) => r.kind === v,
      render: (k: AnalysisRecord["kind"]) => t(`web:analysisKind.${k}`),
    },
    {
      title: t("web:analysis.status"),
      dataIndex: "status",
      key: "status",
      // The statuses, and "stale" for results computed from a map replaced since.
      filters: [
        ...ANALYSIS_STATUSES.map((s) => ({ text: t(s), value: s })),
        { text: t("web:stale"), value: "stale" },
      ],
      onFilter: (v, r) => (v === "stale" ? !!r.stale : r.status === v),
      render: (_s, r) => (
        <span className="status">
          <Tag color={STATUS_COLOUR[r.status]}>{t(r.status)}</Tag>
          {r.stale && (
            <Tag
              color="warning"
              className="stale"
              title={staleReasonLabel(t, r.staleReason, r.staleReasonCode)}
            >
              {t("web:stale")}
            </Tag>
          )}
        </span>
      ),
    },
    {
      title: t("progress"),
      key: "percent",
      render: (_v, r) =>
        r.status === "running" || r.status === "queued" ? (
          <Progress percent={Math.round(r.percent)} size="small" aria-label={t("progress")} />
        ) : r.status === "failed" ? (
          <Typography.Text type="danger">{r.error?.message}</Typography.Text>
        ) : (
          "100%"
        ),
    },
    {
      title: t("web:analysis.created"),
      dataIndex: "createdAt",
      key: "createdAt",
      defaultSortOrder: "descend",
      sorter: (a, b) => a.createdAt.localeCompare(b.createdAt),
      render: (d: string) => date.format(new Date(d)),
    },
  ];
  if (mayReport)
    columns.push({
      title: t("reports"),
      key: "reports",
      render: (_v, r) =>
        r.status === "done" && r.kind === "landuse" ? (
          <ReportButtons endpoint={`/api/analyses/${r.id}/reports`} area={area} />
        ) : null,
    });
  return (
    <Table<AnalysisRecord>
      id="analyses-table"
      size="small"
      rowKey="id"
      loading={analyses.isPending}
      columns={columns}
      dataSource={analyses.data ?? []}
      pagination={{ pageSize: 5, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: "max-content" }}
      locale={{ emptyText: t("noData") }}
    />
  );
}
