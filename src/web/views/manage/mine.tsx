import {
  Breadcrumb,
  Card,
  Descriptions,
  Empty,
  Grid,
  Select,
  Result,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Typography,
} from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams, useSearchParams } from "react-router";
import { className, formatNumber } from "../../../presentation/i18n.ts";
import { termName } from "../../../presentation/i18n/domain-text.ts";
import type { Lang } from "../../../presentation/i18n/lang.ts";
import { ApiError } from "../../api/client.ts";
import { useMe } from "../../api/queries.ts";
import { mayAudit } from "../../app/access.ts";
import { useLang, withLang } from "../../app/Frame.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { RecordTimeline } from "../audit/RecordTimeline.tsx";
import { RegionName } from "../admin/RegionName.tsx";
import { FlagsAndNotices } from "./FlagsAndNotices.tsx";
import {
  useMine,
  useMineEvaluation,
  useMinePlots,
  useMineReports,
  useMineTargets,
  type MineEvaluation,
  type PlotRecord,
  type TargetRecord,
} from "./mine-api.ts";
import { PlotsMap } from "./PlotsMap.tsx";
import { STATUS_COLOUR } from "./status-colours.ts";
import { targetText } from "./target-text.ts";
import { useManagementOverview } from "./use-manage.ts";

const pct = (lang: Lang, x: number | null) => (x === null ? "—" : `${formatNumber(lang, x * 100, 0)} %`);

/** The mine's targets, with the year's degree of achievement of each (from the evaluation). */
function TargetsCard({
  targets,
  evaluation,
  lang,
}: {
  targets: readonly TargetRecord[];
  evaluation: MineEvaluation | undefined;
  lang: Lang;
}): ReactNode {
  const { t } = useTranslation(["manage"]);
  const achieved = new Map(evaluation?.evaluation.achievements.map((a) => [a.targetId, a]));
  return (
    <Card
      size="small"
      id="mine-targets"
      title={t("manage:web.mine.targets")}
      extra={
        evaluation && (
          <Typography.Text type="secondary" id="mine-score">
            {t("manage:web.mine.score", {
              year: evaluation.evaluation.year,
              score:
                evaluation.evaluation.score === null
                  ? t("manage:web.noScore")
                  : formatNumber(lang, evaluation.evaluation.score, 1),
            })}
          </Typography.Text>
        )
      }
    >
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: "max-content" }}
        dataSource={targets.filter((x) => !x.withdrawn)}
        locale={{ emptyText: <Empty description={t("manage:web.mine.noTargets")} /> }}
        columns={[
          {
            key: "kind",
            title: t("manage:web.mine.col.target"),
            render: (_, r) => (
              <span data-kind={r.target.kind}>
                <strong>{t(`manage:target.${r.target.kind}`)}</strong>
                <br />
                {targetText(t, lang, r.target)}
              </span>
            ),
          },
          {
            key: "by",
            title: t("manage:web.mine.col.setBy"),
            render: (_, r) => t(`manage:web.mine.setBy.${r.setBy}`),
          },
          {
            key: "degree",
            title: t("manage:web.mine.col.achievement"),
            render: (_, r) => {
              const a = achieved.get(r.id);
              if (!a || a.degree === null) return <Tag>{t("manage:web.mine.notJudged")}</Tag>;
              return (
                <Tag
                  color={a.degree >= 1 ? "green" : a.degree >= 0.5 ? "orange" : "red"}
                  data-degree={a.degree}
                >
                  {pct(lang, a.degree)}
                </Tag>
              );
            },
          },
        ]}
      />
    </Card>
  );
}

/** The plots on a map and in a table: area, declared and observed land use, stage, rule. */
function PlotsCard({ plots, lang }: { plots: readonly PlotRecord[]; lang: Lang }): ReactNode {
  const { t } = useTranslation(["manage"]);
  const role = (r: string | null) => (r === null ? "—" : termName(lang, "classRole", r));
  return (
    <Card size="small" id="mine-plots" title={t("manage:web.mine.plots")}>
      {plots.length === 0 ? (
        <Empty description={t("manage:web.mine.noPlots")} />
      ) : (
        <Space direction="vertical" style={{ width: "100%" }}>
          <PlotsMap plots={plots} label={t("manage:web.mine.plotsMap")} />
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ x: "max-content" }}
            dataSource={[...plots]}
            columns={[
              { key: "name", title: t("manage:web.mine.col.plot"), dataIndex: "name" },
              {
                key: "area",
                title: t("manage:web.mine.col.areaHa"),
                align: "right",
                render: (_, p) => formatNumber(lang, p.areaHa, 2),
              },
              {
                key: "declared",
                title: t("manage:web.mine.col.declared"),
                render: (_, p) => role(p.declaredRole),
              },
              {
                key: "observed",
                title: t("manage:web.mine.col.observed"),
                render: (_, p) =>
                  p.observed ? (
                    <span className="plot-observed">
                      {t("manage:web.mine.observedIn", { year: p.observed.toYear })}{" "}
                      {Object.entries(p.observed.roleAreaHa)
                        .filter(([, a]) => a > 0)
                        .sort((a, b) => b[1] - a[1])
                        .map(([r, a]) => `${role(r)} ${formatNumber(lang, a, 2)}`)
                        .join(t("manage:web.mine.listSep"))}
                    </span>
                  ) : (
                    <Typography.Text type="secondary">{t("manage:web.mine.notObserved")}</Typography.Text>
                  ),
              },
              {
                key: "stage",
                title: t("manage:web.mine.col.stage"),
                render: (_, p) => t(`manage:stage.${p.stage}`),
              },
              {
                key: "rule",
                title: t("manage:web.mine.col.rule"),
                render: (_, p) => (p.ruleId ? <Tag data-rule={p.ruleId}>#{p.ruleId}</Tag> : "—"),
              },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}

/** The mine's annual reports, newest first, each a link to its page. */
function ReportsCard({ mineId }: { mineId: string }): ReactNode {
  const { t } = useTranslation(["manage"]);
  const reports = useMineReports(mineId);
  const location = useLocation();
  if (reports.error) return <QueryError error={reports.error} />;
  return (
    <Card size="small" id="mine-reports" title={t("manage:web.mine.reports")}>
      <Table
        size="small"
        rowKey="id"
        loading={reports.isPending}
        pagination={false}
        dataSource={[...(reports.data ?? [])].sort((a, b) => b.year - a.year)}
        locale={{ emptyText: <Empty description={t("manage:web.noReport")} /> }}
        columns={[
          {
            key: "year",
            title: t("manage:web.col.year"),
            render: (_, r) => <Link to={withLang(`/reports/${r.id}`, location.search)}>{r.year}</Link>,
          },
          {
            key: "state",
            title: t("manage:web.col.state"),
            render: (_, r) => <Tag data-state={r.state}>{t(`manage:state.${r.state}`)}</Tag>,
          },
          {
            key: "version",
            title: t("manage:web.mine.col.version"),
            render: (_, r) => r.latestVersion ?? "—",
          },
        ]}
      />
    </Card>
  );
}

/**
 * `/manage/mines/:mineId`: one mine for the regulator and its enterprise — targets and how far
 * each is achieved, plots with their rules on a map, annual reports, flags and rectification
 * notices (issued, answered, closed here), and the audit timeline of all of it.
 */
export default function MinePage(): ReactNode {
  const { mineId = "" } = useParams();
  const { t } = useTranslation(["manage", "web"]);
  const [lang] = useLang();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  // A phone (under antd's md): the sections in a select, so that none folds away under "…".
  const narrow = Grid.useBreakpoint().md === false;
  const me = useMe();
  const mine = useMine(mineId);
  const targets = useMineTargets(mineId);
  const plots = useMinePlots(mineId);
  const overview = useManagementOverview(undefined);
  const evaluation = useMineEvaluation(mineId, overview.data?.year);
  if (mine.error)
    return mine.error instanceof ApiError && mine.error.status === 404 ? (
      <div id="mine-not-open">
        <Result status="warning" title={t("manage:web.mine.notOpen")} />
      </div>
    ) : (
      <QueryError error={mine.error} />
    );
  if (!mine.data) return <Spin />;
  const m = mine.data;
  const status = overview.data?.mines.find((x) => x.id === m.id);
  const tabs = [
    {
      key: "targets",
      label: t("manage:web.mine.targets"),
      children: targets.error ? (
        <QueryError error={targets.error} />
      ) : (
        <TargetsCard targets={targets.data ?? []} evaluation={evaluation.data} lang={lang} />
      ),
    },
    {
      key: "plots",
      label: t("manage:web.mine.plots"),
      children: plots.error ? (
        <QueryError error={plots.error} />
      ) : (
        <PlotsCard plots={plots.data ?? []} lang={lang} />
      ),
    },
    { key: "reports", label: t("manage:web.mine.reports"), children: <ReportsCard mineId={m.id} /> },
    {
      key: "flags",
      label: t("manage:web.mine.flags"),
      children: <FlagsAndNotices mineId={m.id} lang={lang} />,
    },
    ...(mayAudit(me.data)
      ? [
          {
            key: "timeline",
            label: t("manage:web.mine.timeline"),
            children: (
              <Card size="small" id="mine-timeline">
                <RecordTimeline kind="mine" id={m.id} lang={lang} withRecords />
              </Card>
            ),
          },
        ]
      : []),
  ];
  // The section is in the URL (?tab=), so that a link (the inbox's) opens it and a reload keeps it.
  const asked = params.get("tab");
  const active = tabs.some((x) => x.key === asked) ? asked! : "targets";
  const show = (key: string) =>
    setParams(
      (p) => {
        p.set("tab", key);
        return p;
      },
      { replace: true },
    );
  return (
    <div id="mine-page" data-mine={m.id}>
      <Breadcrumb
        items={[
          { title: <Link to={withLang("/manage", location.search)}>{t("manage:web.title")}</Link> },
          { title: className(lang, m) },
        ]}
      />
      <Typography.Title level={2}>{className(lang, m)}</Typography.Title>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} id="mine-facts">
        <Descriptions.Item label={t("manage:web.col.region")}>
          <RegionName lang={lang} code={m.regionCode} />
        </Descriptions.Item>
        <Descriptions.Item label={t("manage:web.mine.lifeStage")}>
          {t(`manage:web.lifeStage.${m.stage}`)}
        </Descriptions.Item>
        {status && (
          <Descriptions.Item label={t("manage:web.col.enterprise")}>
            {className(lang, { name: status.organisation.name ?? "—", nameZh: status.organisation.nameZh })}
          </Descriptions.Item>
        )}
        {status && (
          <Descriptions.Item label={t("manage:web.col.status")}>
            <Tag className="mine-status" color={STATUS_COLOUR[status.status]} data-status={status.status}>
              {t(`manage:mineStatus.${status.status}`)}
            </Tag>
          </Descriptions.Item>
        )}
      </Descriptions>
      {narrow && (
        <Select
          id="mine-section"
          aria-label={t("manage:web.mine.section")}
          value={active}
          onChange={show}
          options={tabs.map((x) => ({ value: x.key, label: x.label }))}
          style={{ width: "100%", marginBottom: 12 }}
        />
      )}
      <Tabs
        id="mine-tabs"
        activeKey={active}
        onChange={show}
        items={tabs}
        {...(narrow ? { renderTabBar: () => <></> } : {})}
      />
    </div>
  );
}
