import { Button, Card, Empty, InputNumber, Select, Space, Table, Tag, Typography } from "antd";
import { useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import type { Me } from "../../../contract/auth.ts";
import type { RegionCode } from "../../../domain/access/region-code.ts";
import { decide } from "../../../domain/access/policy.ts";
import {
  nextReportEvents,
  REPORT_EVENTS,
  REPORT_STATES,
  type ReportEventType,
  type ReportState,
} from "../../../domain/manage/report-workflow.ts";
import { className } from "../../../presentation/i18n.ts";
import { LOCALE, type Lang } from "../../../presentation/i18n/lang.ts";
import { useMe } from "../../api/queries.ts";
import { actorOf, may } from "../../app/access.ts";
import { useLang } from "../../app/Frame.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { REPORT_NS } from "./content-fields.ts";
import { EventError } from "./EventError.tsx";
import { StateTag } from "./report.tsx";
import {
  useCreateReport,
  useMines,
  useReportList,
  type AnnualReportListItem,
  type ReportFilter,
} from "./reports-api.ts";

/**
 * What the signed-in actor may do next with a listed report: edit it (a draft or returned report of
 * its enterprise), or fire the events its roles allow in the report's state — the verifier only on
 * what was sent to its body; an API token fires none. The list's reports are those the actor may
 * read; another organisation's appear only once published, when nothing is left to do. The report's
 * page asks the server (`nextEvents`); this is the list's summary.
 */
function nextSteps(me: Me | undefined, r: AnnualReportListItem): ("edit" | ReportEventType)[] {
  if (!me) return [];
  const edit =
    (r.state === "draft" || r.state === "returned") && may(me, "annual-report.write")
      ? (["edit"] as const)
      : [];
  if (me.actor === "token") return [...edit];
  const events = nextReportEvents(r.state).filter(
    (e) =>
      may(me, REPORT_EVENTS[e].action) &&
      (e !== "conclude-verification" || r.verifierOrganisationId === me.organisation.id),
  );
  return [...edit, ...events];
}

/** Starting a mine's report of a year (an enterprise editor, for its own mines). */
function StartReport({ me, lang }: { me: Me; lang: Lang }): ReactNode {
  const { t } = useTranslation(REPORT_NS);
  const mines = useMines();
  const create = useCreateReport();
  const navigate = useNavigate();
  const location = useLocation();
  const own = (mines.data ?? []).filter(
    (m) =>
      decide(actorOf(me), "annual-report.write", {
        kind: "annual-report",
        organisationId: m.organisationId,
        regionCode: m.regionCode as RegionCode,
        published: false,
        verifierOrganisationIds: [],
      }).allowed,
  );
  const [mineId, setMineId] = useState<string | undefined>();
  const [year, setYear] = useState<number>(new Date().getFullYear() - 1);
  if (mines.error) return <QueryError error={mines.error} />;
  return (
    <Card size="small" title={t("reportsWeb:list.start")} id="start-report">
      <Space wrap>
        <Select
          id="start-mine"
          style={{ minWidth: 220, maxWidth: "100%" }}
          placeholder={t("reportsWeb:list.pickMine")}
          loading={mines.isPending}
          value={mineId}
          onChange={setMineId}
          options={own.map((m) => ({ value: m.id, label: className(lang, m) }))}
        />
        <InputNumber
          id="start-year"
          min={1990}
          max={2100}
          value={year}
          onChange={(v) => typeof v === "number" && setYear(v)}
          aria-label={t("reportsWeb:list.year")}
        />
        <Button
          type="primary"
          id="start-create"
          disabled={!mineId}
          loading={create.isPending}
          onClick={() =>
            mineId &&
            create.mutate(
              { mineId, year },
              { onSuccess: (r) => void navigate(`/reports/${encodeURIComponent(r.id)}${location.search}`) },
            )
          }
        >
          {t("reportsWeb:list.create")}
        </Button>
      </Space>
      <div style={{ marginTop: 8 }}>
        <EventError error={create.error} fields={[{ path: "year", label: t("reportsWeb:list.year") }]} />
      </div>
    </Card>
  );
}

/**
 * The annual reports the signed-in user may read (`/reports`), filtered by year, mine and state, each
 * with its state, last change and what the user may do next; an enterprise editor starts a mine's
 * report of a year here.
 */
export default function ReportsPage(): ReactNode {
  const { t } = useTranslation(REPORT_NS);
  const [lang] = useLang();
  const location = useLocation();
  const me = useMe().data;
  const [filter, setFilter] = useState<ReportFilter>({});
  const list = useReportList(filter);
  const mines = useMines();
  const mayStart = !!me && me.actor === "user" && may(me, "annual-report.write");
  const mayStartToken = !!me && me.actor === "token" && may(me, "annual-report.write");
  const years = useMemo(() => {
    const now = new Date().getFullYear();
    return Array.from({ length: 8 }, (_, i) => now - i);
  }, []);
  const when = (iso: string) => new Date(iso).toLocaleDateString(LOCALE[lang]);
  const rows = list.data ?? [];
  const filtered = filter.mineId !== undefined || filter.year !== undefined || filter.state !== undefined;
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }} className="reports-view">
      <Typography.Title level={2}>{t("reportsWeb:list.title")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("reportsWeb:list.intro")}</Typography.Paragraph>
      {me && (mayStart || mayStartToken) && <StartReport me={me} lang={lang} />}
      <Space wrap id="report-filters">
        <Select
          id="filter-year"
          allowClear
          placeholder={t("reportsWeb:list.year")}
          style={{ minWidth: 120 }}
          value={filter.year}
          onChange={(year?: number) => setFilter((f) => ({ ...f, year }))}
          options={years.map((y) => ({ value: y, label: String(y) }))}
        />
        <Select
          id="filter-mine"
          allowClear
          placeholder={t("reportsWeb:list.mine")}
          style={{ minWidth: 200, maxWidth: "100%" }}
          value={filter.mineId}
          onChange={(mineId?: string) => setFilter((f) => ({ ...f, mineId }))}
          options={(mines.data ?? []).map((m) => ({ value: m.id, label: className(lang, m) }))}
        />
        <Select
          id="filter-state"
          allowClear
          placeholder={t("reportsWeb:list.state")}
          style={{ minWidth: 150 }}
          value={filter.state}
          onChange={(state?: ReportState) => setFilter((f) => ({ ...f, state }))}
          options={REPORT_STATES.map((s) => ({ value: s, label: t(`manage:state.${s}`) }))}
        />
      </Space>
      {list.error ? (
        <QueryError error={list.error} />
      ) : (
        <div className="table-scroll">
          <Table
            id="report-list"
            size="small"
            rowKey="id"
            loading={list.isPending}
            dataSource={rows}
            pagination={rows.length > 20 ? { pageSize: 20 } : false}
            scroll={{ x: "max-content" }}
            locale={{
              emptyText: (
                <Empty
                  className="reports-empty"
                  description={
                    filtered
                      ? t("reportsWeb:list.noneFiltered")
                      : mayStart || mayStartToken
                        ? t("reportsWeb:list.noneEditor")
                        : may(me, "annual-report.verify")
                          ? t("reportsWeb:list.noneVerifier")
                          : may(me, "annual-report.review")
                            ? t("reportsWeb:list.noneRegulator")
                            : t("reportsWeb:list.none")
                  }
                />
              ),
            }}
            columns={[
              {
                title: t("reportsWeb:list.mine"),
                key: "mine",
                render: (_: unknown, r: AnnualReportListItem) => (
                  <Link
                    to={`/reports/${encodeURIComponent(r.id)}${location.search}`}
                    className="report-link"
                    data-report={r.id}
                  >
                    {className(lang, r.mine)}
                  </Link>
                ),
              },
              { title: t("reportsWeb:list.year"), dataIndex: "year" },
              {
                title: t("reportsWeb:list.state"),
                dataIndex: "state",
                render: (s: ReportState) => <StateTag state={s} />,
              },
              {
                title: t("reportsWeb:list.version"),
                dataIndex: "latestVersion",
                render: (v: number | null) => (v === null ? "—" : t("reportsWeb:list.versionN", { n: v })),
              },
              { title: t("reportsWeb:list.updated"), dataIndex: "updatedAt", render: when },
              {
                title: t("reportsWeb:list.next"),
                key: "next",
                render: (_: unknown, r: AnnualReportListItem) => {
                  const steps = nextSteps(me, r);
                  return steps.length === 0 ? (
                    <Typography.Text type="secondary">—</Typography.Text>
                  ) : (
                    <Space wrap size={4} className="next-steps">
                      {steps.map((s) => (
                        <Tag key={s} data-next={s}>
                          {s === "edit" ? t("reportsWeb:list.edit") : t(`manage:event.${s}`)}
                        </Tag>
                      ))}
                    </Space>
                  );
                },
              },
            ]}
          />
        </div>
      )}
    </Space>
  );
}
