import { Card, Col, Empty, Row, Skeleton, Space, Table, Tag, Typography } from "antd";
import { useMemo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { className, formatNumber } from "../../../presentation/i18n.ts";
import { LangToggle, useLang, withLang } from "../../app/Frame.tsx";
import { ChartCard } from "../../components/ChartCard.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { FeedbackForm } from "./FeedbackForm.tsx";
import { FeedbackList } from "./FeedbackList.tsx";
import { PointMap } from "./PointMap.tsx";
import { usePublicMine, type PublicMine } from "./public-api.ts";
import { targetMeasure, targetValue } from "./targets.ts";
import { trendOption } from "./trend-option.ts";

/** The header of the portal's pages: the brand, sign in, the language. */
export function PortalHeader(): ReactNode {
  const { t } = useTranslation(["web"]);
  const { search } = useLocation();
  return (
    <header className="login-header">
      <Typography.Title level={1} className="brand">
        MineCarbon
      </Typography.Title>
      <Space wrap>
        <Link id="to-login" to={withLang("/login", search)}>
          {t("web:auth.signIn")}
        </Link>
        <LangToggle />
      </Space>
    </header>
  );
}

/** Whether a target was met in a year: met, not met, not judged (with why in a tooltip). */
function MetTag({ met, note }: { met: boolean | null; note: string | null }): ReactNode {
  const { t } = useTranslation(["portal"]);
  if (met === null)
    return (
      <Tag className="target-met" data-met="unknown" title={note ?? undefined}>
        {t("portal:target.notJudged")}
      </Tag>
    );
  return (
    <Tag className="target-met" data-met={String(met)} color={met ? "success" : "error"}>
      {t(met ? "portal:target.met" : "portal:target.notMet")}
    </Tag>
  );
}

function Targets({ mine }: { mine: PublicMine }): ReactNode {
  const { t } = useTranslation(["portal", "manage"]);
  const [lang] = useLang();
  if (mine.targets.length === 0) return <Empty description={t("portal:mine.noTargets")} />;
  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }} id="public-targets">
      {mine.targets.map((x) => (
        <div key={x.id} className="public-target" data-target={x.id} data-kind={x.target.kind}>
          <Space wrap size={[6, 2]}>
            <Typography.Text strong>{t(`manage:target.${x.target.kind}`)}</Typography.Text>
            <Tag>{t(`manage:setBy.${x.setBy}`)}</Tag>
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {targetMeasure(x.target, lang, t)}
          </Typography.Paragraph>
          {x.years.length === 0 ? (
            <Typography.Text type="secondary">{t("portal:target.noYears")}</Typography.Text>
          ) : (
            <Table
              size="small"
              rowKey="year"
              pagination={false}
              scroll={{ x: "max-content" }}
              dataSource={x.years}
              columns={[
                { key: "year", title: t("portal:col.year"), dataIndex: "year" },
                {
                  key: "expected",
                  title: t("portal:col.expected"),
                  render: (_, y) => targetValue(x.target.kind, y.expected, lang, t),
                },
                {
                  key: "actual",
                  title: t("portal:col.actual"),
                  render: (_, y) => targetValue(x.target.kind, y.actual, lang, t),
                },
                {
                  key: "met",
                  title: t("portal:col.met"),
                  render: (_, y) => <MetTag met={y.met} note={y.note} />,
                },
              ]}
            />
          )}
        </div>
      ))}
    </Space>
  );
}

function Summary({ mine }: { mine: PublicMine }): ReactNode {
  const { t } = useTranslation(["portal"]);
  const [lang] = useLang();
  const { search } = useLocation();
  const option = useMemo(() => trendOption(mine.trend, t, lang), [mine.trend, t, lang]);
  const points = useMemo(() => mine.feedback.flatMap((f) => (f.point ? [f.point] : [])), [mine.feedback]);
  return (
    <>
      <Typography.Title level={2} id="public-mine-title">
        {className(lang, mine)}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t("portal:mine.where", {
          enterprise: className(lang, mine.enterprise),
          region: className(lang, mine.region),
        })}
      </Typography.Paragraph>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t("portal:mine.map")}>
            {mine.boundary ? (
              <PointMap
                id="public-mine-map"
                label={t("portal:mine.mapLabel")}
                boundary={mine.boundary}
                points={points}
              />
            ) : (
              <Empty description={t("portal:mine.noBoundary")} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          {mine.trend.length ? (
            <ChartCard id="public-trend" title={t("portal:trend.title")} option={option} height={320} />
          ) : (
            <Card size="small" title={t("portal:trend.title")}>
              <Empty description={t("portal:mine.noReports")} />
            </Card>
          )}
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t("portal:mine.targets")}>
            <Targets mine={mine} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t("portal:mine.reports")}>
            <Table
              id="public-mine-reports"
              size="small"
              rowKey="reportId"
              pagination={false}
              scroll={{ x: "max-content" }}
              dataSource={[...mine.trend].reverse()}
              locale={{ emptyText: <Empty description={t("portal:mine.noReports")} /> }}
              columns={[
                { key: "year", title: t("portal:col.year"), dataIndex: "year" },
                {
                  key: "emissions",
                  title: t("portal:col.emissions"),
                  align: "right",
                  render: (_, y) =>
                    y.emissionsTCO2ePerYr === null ? "—" : formatNumber(lang, y.emissionsTCO2ePerYr, 0),
                },
                {
                  key: "intensity",
                  title: t("portal:col.intensity"),
                  align: "right",
                  render: (_, y) =>
                    y.intensityTCO2ePerT === null ? "—" : formatNumber(lang, y.intensityTCO2ePerT, 4),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t("portal:feedback.title")}>
            <FeedbackList id="public-mine-feedback" items={mine.feedback} />
          </Card>
        </Col>
        <Col xs={24}>
          <FeedbackForm
            mineId={mine.id}
            title={t("portal:form.titleMine", { mine: className(lang, mine) })}
          />
        </Col>
      </Row>
      <Typography.Paragraph style={{ marginTop: 16 }}>
        <Link id="to-portal" to={withLang("/public", search)}>
          {t("portal:mine.back")}
        </Link>
      </Typography.Paragraph>
    </>
  );
}

/**
 * `/public/mines/:mineId`: a public mine's summary for anyone (issue 13, public participation) —
 * its boundary on the map with the points of public feedback, the trend of its published years'
 * emissions and intensity, its targets and whether each was met in those years, its published
 * reports, the public feedback with replies, and the feedback form.
 */
export default function PublicMineSummary(): ReactNode {
  const { mineId = "" } = useParams();
  const mine = usePublicMine(mineId);
  return (
    <div className="public-page">
      <PortalHeader />
      <main className="view public-main">
        {mine.isPending ? (
          <Skeleton active />
        ) : mine.error ? (
          <QueryError error={mine.error} />
        ) : (
          <Summary mine={mine.data} />
        )}
      </main>
    </div>
  );
}
