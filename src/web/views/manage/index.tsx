import {
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import { Link, useLocation } from "react-router";
import { withLang } from "../../app/Frame.tsx";
import { RegionName } from "../admin/RegionName.tsx";
import type { ReactNode } from "react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MINE_STATUSES, type MineStatus } from "../../../domain/manage/mine-status.ts";
import type { ReportState } from "../../../domain/manage/report-workflow.ts";
import type { FlagKind } from "../../../domain/manage/supervision.ts";
import { className, formatNumber } from "../../../presentation/i18n.ts";
import { LOCALE, parseLang, type Lang } from "../../../presentation/i18n/lang.ts";
import { QueryError } from "../../components/QueryError.tsx";
import { MinesMap } from "./MinesMap.tsx";
import { STATUS_COLOUR } from "./status-colours.ts";
import {
  useManagementOverview,
  useRanking,
  type ManagementOverview,
  type MineOverview,
} from "./use-manage.ts";

const mineName = (lang: Lang, m: { name: string | null; nameZh: string | null }) =>
  className(lang, { name: m.name ?? "—", nameZh: m.nameZh });

/** A mine's name, a link to its page. */
function MineLink({
  id,
  name,
  lang,
}: {
  id: string;
  name: { name: string | null; nameZh: string | null };
  lang: Lang;
}): ReactNode {
  const location = useLocation();
  return (
    <Link
      className="mine-link"
      data-mine={id}
      to={withLang(`/manage/mines/${encodeURIComponent(id)}`, location.search)}
    >
      {mineName(lang, name)}
    </Link>
  );
}

function StatusTag({ status }: { status: MineStatus }): ReactNode {
  const { t } = useTranslation(["manage"]);
  return (
    <Tag color={STATUS_COLOUR[status]} className="mine-status" data-status={status}>
      {t(`manage:mineStatus.${status}`)}
    </Tag>
  );
}

/** The key figures: mines, by status, reports by state, flags, notices, overdue, feedback. */
function Figures({ o, lang }: { o: ManagementOverview; lang: Lang }): ReactNode {
  const { t } = useTranslation(["manage"]);
  const f = o.figures;
  const location = useLocation();
  const one = (id: string, title: string, value: number, action?: ReactNode) => (
    <Col xs={12} sm={8} lg={4} key={id}>
      <Card size="small" className="figure-card" data-figure={id}>
        <Statistic title={title} value={formatNumber(lang, value, 0)} />
        {action}
      </Card>
    </Col>
  );
  return (
    <>
      <Row gutter={[12, 12]} id="manage-figures">
        {one("mines", t("manage:web.figure.mines"), f.mines)}
        {one("openFlags", t("manage:web.figure.openFlags"), f.openFlags)}
        {one("openNotices", t("manage:web.figure.openNotices"), f.openNotices)}
        {one(
          "rectificationOverdue",
          t("manage:web.figure.rectificationOverdue"),
          f.rectificationOverdueMines,
        )}
        {f.feedbackAwaiting !== null &&
          one(
            "feedbackAwaiting",
            t("manage:web.figure.feedbackAwaiting"),
            f.feedbackAwaiting,
            <Link id="manage-feedback-link" to={withLang("/manage/feedback", location.search)}>
              {t("manage:web.answerFeedback")}
            </Link>,
          )}
      </Row>
      <Row gutter={[12, 12]} className="manage-breakdown" style={{ marginTop: 12 }}>
        <Col xs={24} md={12}>
          <Card size="small" title={t("manage:web.byStatus")} id="manage-by-status">
            <Space wrap>
              {MINE_STATUSES.map((s) => (
                <span key={s} data-status={s} className="status-count">
                  <StatusTag status={s} /> {formatNumber(lang, f.byStatus[s] ?? 0, 0)}
                </span>
              ))}
            </Space>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t("manage:web.reportsByState")} id="manage-by-state">
            <Space wrap>
              {Object.entries(f.reportsByState).map(([state, n]) => (
                <span key={state} data-state={state}>
                  <Tag>
                    {state === "none" ? t("manage:web.noReport") : t(`manage:state.${state as ReportState}`)}
                  </Tag>
                  {formatNumber(lang, n, 0)}
                </span>
              ))}
            </Space>
          </Card>
        </Col>
      </Row>
    </>
  );
}

/** What the map says of the mine picked on it. */
function PickedMine({ m, lang }: { m: MineOverview | undefined; lang: Lang }): ReactNode {
  const { t } = useTranslation(["manage"]);
  if (!m) return <Typography.Text type="secondary">{t("manage:web.pickMine")}</Typography.Text>;
  return (
    <Descriptions
      size="small"
      column={1}
      id="picked-mine"
      data-mine={m.id}
      title={<MineLink id={m.id} name={m} lang={lang} />}
    >
      <Descriptions.Item label={t("manage:web.col.enterprise")}>
        {mineName(lang, m.organisation)}
      </Descriptions.Item>
      <Descriptions.Item label={t("manage:web.col.status")}>
        <StatusTag status={m.status} />
      </Descriptions.Item>
      <Descriptions.Item label={t("manage:web.col.report")}>
        {m.report ? t(`manage:state.${m.report.state}`) : t("manage:web.noReport")}
      </Descriptions.Item>
      <Descriptions.Item label={t("manage:web.col.flags")}>
        <Space wrap>
          {m.flagKinds.map((k) => (
            <Tag key={k} data-flag={k}>
              {t(`manage:flag.${k as FlagKind}`)}
            </Tag>
          ))}
        </Space>
      </Descriptions.Item>
    </Descriptions>
  );
}

function MapCard({ o, lang }: { o: ManagementOverview; lang: Lang }): ReactNode {
  const { t } = useTranslation(["manage"]);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  return (
    <Card size="small" title={t("manage:web.map")} id="manage-map-card">
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={16}>
          <MinesMap
            mines={o.mines}
            label={t("manage:web.mapLabel")}
            nameOf={(m) => mineName(lang, m)}
            onPick={setPicked}
          />
          <Space wrap className="manage-legend" id="manage-legend" aria-label={t("manage:web.legend")}>
            {MINE_STATUSES.map((s) => (
              <StatusTag key={s} status={s} />
            ))}
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <PickedMine m={o.mines.find((m) => m.id === picked)} lang={lang} />
        </Col>
      </Row>
    </Card>
  );
}

function QueueCard({ o, lang }: { o: ManagementOverview; lang: Lang }): ReactNode {
  const { t } = useTranslation(["manage"]);
  return (
    <Card size="small" title={t("manage:web.queue")} id="manage-queue">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: "max-content" }}
        dataSource={[...o.queue].sort((a, b) => b.waitingDays - a.waitingDays)}
        locale={{ emptyText: <Empty description={t("manage:web.queueEmpty")} /> }}
        columns={[
          {
            key: "mine",
            title: t("manage:web.col.mine"),
            render: (_, r) => (
              <Link to={`/reports/${encodeURIComponent(r.id)}`} className="queue-report">
                {mineName(lang, { name: r.mineName, nameZh: r.mineNameZh })}
              </Link>
            ),
          },
          { key: "year", title: t("manage:web.col.year"), dataIndex: "year" },
          { key: "state", title: t("manage:web.col.state"), render: (_, r) => t(`manage:state.${r.state}`) },
          {
            key: "waiting",
            title: t("manage:web.col.waiting"),
            render: (_, r) => t("manage:web.days", { n: formatNumber(lang, r.waitingDays, 0) }),
          },
          {
            key: "events",
            title: t("manage:web.col.events"),
            render: (_, r) => (
              <Space wrap>
                {r.events.map((e) => (
                  <Tag key={e} data-event={e}>
                    {t(`manage:event.${e}`)}
                  </Tag>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

function MinesCard({ o, lang }: { o: ManagementOverview; lang: Lang }): ReactNode {
  const { t } = useTranslation(["manage"]);
  const worst = (s: MineStatus) => MINE_STATUSES.indexOf(s);
  return (
    <Card size="small" title={t("manage:web.mines")} id="manage-mines">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: "max-content" }}
        dataSource={o.mines}
        columns={[
          {
            key: "name",
            title: t("manage:web.col.mine"),
            render: (_, m) => <MineLink id={m.id} name={m} lang={lang} />,
          },
          {
            key: "org",
            title: t("manage:web.col.enterprise"),
            render: (_, m) => mineName(lang, m.organisation),
          },
          {
            key: "region",
            title: t("manage:web.col.region"),
            render: (_, m) => <RegionName lang={lang} code={m.regionCode} />,
          },
          {
            key: "status",
            title: t("manage:web.col.status"),
            render: (_, m) => <StatusTag status={m.status} />,
            sorter: (a, b) => worst(a.status) - worst(b.status),
            defaultSortOrder: "ascend",
          },
          {
            key: "report",
            title: t("manage:web.col.report"),
            render: (_, m) => (m.report ? t(`manage:state.${m.report.state}`) : t("manage:web.noReport")),
          },
          {
            key: "flags",
            title: t("manage:web.col.flags"),
            render: (_, m) => formatNumber(lang, m.openFlags, 0),
          },
        ]}
      />
    </Card>
  );
}

/** The ranking of the year, when the actor may read it (a refused call leaves the card out). */
function RankingCard({ o, lang }: { o: ManagementOverview; lang: Lang }): ReactNode {
  const { t } = useTranslation(["manage"]);
  const ranking = useRanking(o.year);
  if (!ranking.data) return null;
  const byId = new Map(o.mines.map((m) => [m.id, m]));
  return (
    <Card size="small" title={t("manage:web.ranking")} id="manage-ranking">
      <Table
        size="small"
        rowKey="mineId"
        pagination={false}
        dataSource={ranking.data.ranking}
        columns={[
          { key: "rank", title: t("manage:web.col.rank"), render: (_, r) => (r.rank > 0 ? r.rank : "—") },
          {
            key: "mine",
            title: t("manage:web.col.mine"),
            render: (_, r) => {
              const m = byId.get(r.mineId);
              return m ? <MineLink id={m.id} name={m} lang={lang} /> : r.name;
            },
          },
          {
            key: "score",
            title: t("manage:web.col.score"),
            render: (_, r) => (r.score === null ? t("manage:web.noScore") : formatNumber(lang, r.score, 1)),
          },
        ]}
      />
    </Card>
  );
}

/** `/manage`: the management system's start page — the year's figures, map, queue, mines and ranking. */
export default function ManageView(): ReactNode {
  const { t, i18n } = useTranslation(["manage"]);
  const lang = parseLang(i18n.language) ?? "en";
  const [year, setYear] = useState<number | undefined>(undefined);
  const overview = useManagementOverview(year);
  if (overview.error) return <QueryError error={overview.error} />;
  const o = overview.data;
  const shown = year ?? o?.year;
  const years = shown === undefined ? [] : Array.from({ length: 5 }, (_, i) => (o?.year ?? shown) - i);
  if (shown !== undefined && !years.includes(shown)) years.unshift(shown);
  return (
    <div id="manage-view" className="manage-view" data-year={o?.year}>
      <Space wrap align="center" className="manage-head">
        <Typography.Title level={2}>{t("manage:web.title")}</Typography.Title>
        <Select
          id="manage-year"
          aria-label={t("manage:web.year")}
          value={shown}
          loading={overview.isFetching}
          onChange={(y: number) => setYear(y)}
          options={years.map((y) => ({ value: y, label: String(y) }))}
          style={{ minWidth: 100 }}
        />
        {o && (
          <Space wrap id="manage-summary">
            {(["xlsx", "pdf"] as const).map((format) => (
              <Button
                key={format}
                size="small"
                icon={<DownloadOutlined />}
                href={`/api/management/summary?year=${o.year}&format=${format}&lang=${lang}`}
                data-format={format}
              >
                {t(`manage:web.summary.${format}`)}
              </Button>
            ))}
          </Space>
        )}
        {o && (
          <Typography.Text type="secondary">
            {t("manage:web.reportDue", {
              date: new Date(o.reportDue).toLocaleDateString(LOCALE[lang], { timeZone: "Asia/Shanghai" }),
            })}
          </Typography.Text>
        )}
      </Space>
      {!o ? (
        <Card loading />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: "100%" }}>
          <Figures o={o} lang={lang} />
          <MapCard o={o} lang={lang} />
          <QueueCard o={o} lang={lang} />
          <MinesCard o={o} lang={lang} />
          <RankingCard o={o} lang={lang} />
        </Space>
      )}
    </div>
  );
}
