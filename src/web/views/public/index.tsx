import { Card, Col, Empty, List, Row, Skeleton, Table, Typography } from "antd";
import type { UseQueryResult } from "@tanstack/react-query";
import { useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useSearchParams } from "react-router";
import { className, formatNumber } from "../../../presentation/i18n.ts";
import type { Lang } from "../../../presentation/i18n/lang.ts";
import { useLang, withLang } from "../../app/Frame.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { DemoNotice } from "../login/index.tsx";
import { FigureStatistic } from "../../components/FigureCard.tsx";
import { LayerMap } from "../../components/LayerMap.tsx";
import { SeriesChartCard } from "../../components/SeriesChartCard.tsx";
import { FeedbackForm } from "./FeedbackForm.tsx";
import { dateText, FeedbackList } from "./FeedbackList.tsx";
import { PortalHeader } from "./mine-summary.tsx";
import {
  usePublicAnnualReports,
  usePublicArea,
  usePublicAreas,
  usePublicFeedback,
  usePublicMines,
  type PublicArea,
  type PublicMineListItem,
} from "./public-api.ts";

/** Emissions and intensity of a year, or a dash when its figures could not be read. */
const emissionsText = (lang: Lang, v: number | null | undefined) =>
  v == null ? "—" : formatNumber(lang, v, 0);
const intensityText = (lang: Lang, v: number | null | undefined) =>
  v == null ? "—" : formatNumber(lang, v, 4);

/** The public mines, each a card linking to its summary: enterprise, region, latest published year. */
function PublicMines({ mines }: { mines: UseQueryResult<PublicMineListItem[]> }): ReactNode {
  const { t } = useTranslation(["portal"]);
  const [lang] = useLang();
  const { search } = useLocation();
  if (mines.isPending) return <Skeleton active />;
  if (mines.error) return <QueryError error={mines.error} />;
  return (
    <List
      id="public-mines"
      grid={{ gutter: 12, xs: 1, sm: 1, md: 2, lg: 2, xl: 4 }}
      locale={{ emptyText: t("portal:mines.none") }}
      dataSource={mines.data}
      renderItem={(m) => (
        <List.Item>
          <Card
            size="small"
            className="public-mine"
            data-mine={m.id}
            title={
              <Link className="public-mine-link" to={withLang(`/public/mines/${m.id}`, search)}>
                {className(lang, m)}
              </Link>
            }
          >
            <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
              {className(lang, m.enterprise)} · {className(lang, m.region)}
            </Typography.Paragraph>
            {m.latest ? (
              <Typography.Text>
                {t("portal:mines.latest", {
                  year: m.latest.year,
                  emissions: emissionsText(lang, m.latest.emissionsTCO2ePerYr),
                  intensity: intensityText(lang, m.latest.intensityTCO2ePerT),
                })}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">{t("portal:mines.noReport")}</Typography.Text>
            )}
          </Card>
        </List.Item>
      )}
    />
  );
}

/** The published annual reports: year, mine (linked to its summary), emissions, intensity, when. */
function PublishedReports(): ReactNode {
  const { t } = useTranslation(["portal"]);
  const [lang] = useLang();
  const { search } = useLocation();
  const reports = usePublicAnnualReports();
  return (
    <>
      <Typography.Title level={3} className="portal-section">
        {t("portal:reports.title")}
      </Typography.Title>
      {reports.isPending ? (
        <Skeleton active />
      ) : reports.error ? (
        <QueryError error={reports.error} />
      ) : (
        <Table
          id="public-reports"
          size="small"
          rowKey="id"
          scroll={{ x: "max-content" }}
          pagination={reports.data.length > 10 ? { pageSize: 10 } : false}
          dataSource={reports.data}
          locale={{ emptyText: <Empty description={t("portal:reports.none")} /> }}
          columns={[
            { key: "year", title: t("portal:col.year"), dataIndex: "year" },
            {
              key: "mine",
              title: t("portal:col.mine"),
              render: (_, r) => (
                <Link to={withLang(`/public/mines/${r.mine.id}`, search)}>{className(lang, r.mine)}</Link>
              ),
            },
            {
              key: "emissions",
              title: t("portal:col.emissions"),
              align: "right",
              render: (_, r) => emissionsText(lang, r.figures?.emissionsTCO2ePerYr),
            },
            {
              key: "intensity",
              title: t("portal:col.intensity"),
              align: "right",
              render: (_, r) =>
                intensityText(
                  lang,
                  r.figures && r.figures.coalOutputT > 0
                    ? r.figures.emissionsTCO2ePerYr / r.figures.coalOutputT
                    : null,
                ),
            },
            {
              key: "published",
              title: t("portal:col.published"),
              render: (_, r) => dateText(r.publishedAt, lang),
            },
          ]}
        />
      )}
    </>
  );
}

/** The feedback regulators made public, with their replies and status. */
function PublicFeedbackSection(): ReactNode {
  const feedback = usePublicFeedback();
  const mines = usePublicMines();
  const names = useMemo(() => new Map((mines.data ?? []).map((m) => [m.id, m])), [mines.data]);
  if (feedback.isPending) return <Skeleton active />;
  if (feedback.error) return <QueryError error={feedback.error} />;
  return <FeedbackList id="public-feedback" items={feedback.data} mines={names} />;
}

/** One published area: its figures, its latest map and the stock/emissions chart. */
function AreaDetail({ detail, lang }: { detail: PublicArea; lang: Lang }): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  const layer = detail.map?.layer;
  const crs = detail.map?.crs;
  return (
    <Row gutter={[12, 12]} className="public-detail">
      <Col xs={24} lg={12}>
        <Card
          size="small"
          title={
            layer
              ? t("web:public.latestMap", {
                  title: className(lang, { name: layer.title, nameZh: layer.titleZh }),
                })
              : t("maps")
          }
        >
          {layer && crs ? (
            <LayerMap id="public-map" projection={crs} layer={layer} height={320} />
          ) : (
            <Empty description={t("noData")} />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <SeriesChartCard id="public-chart" series={detail.series} lang={lang} height={320} />
      </Col>
    </Row>
  );
}

/**
 * `/public`: the published areas with their key figures, one area's map and chart, and feedback —
 * for everyone, no sign-in (the start page of an anonymous visitor).
 */
export default function PublicPortal(): ReactNode {
  const { t } = useTranslation(["common", "web", "portal"]);
  const [lang] = useLang();
  const [params, setParams] = useSearchParams();
  const mines = usePublicMines();
  const areas = usePublicAreas(lang);
  const [picked, setPicked] = useState<string | undefined>(params.get("area") ?? undefined);
  const areaId = picked ?? areas.data?.[0]?.id;
  const detail = usePublicArea(areaId, lang);
  const pick = (id: string) => {
    setPicked(id);
    setParams(
      (p) => {
        p.set("area", id);
        return p;
      },
      { replace: true },
    );
  };
  return (
    <div className="public-page">
      <PortalHeader />
      <main className="view public-main">
        <Typography.Title level={2}>{t("portal:title")}</Typography.Title>
        <Typography.Paragraph type="secondary">{t("portal:intro")}</Typography.Paragraph>
        <DemoNotice />
        <Typography.Title level={3} className="portal-section">
          {t("portal:mines.title")}
        </Typography.Title>
        <PublicMines mines={mines} />
        <Typography.Title level={3} className="portal-section">
          {t("web:public.title")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t("web:public.intro")}</Typography.Paragraph>
        {areas.isPending ? (
          <Skeleton active />
        ) : areas.error ? (
          <QueryError error={areas.error} />
        ) : (
          <List
            id="public-areas"
            className="public-areas"
            grid={{ gutter: 12, xs: 1, sm: 1, md: 2, lg: 2, xl: 3 }}
            locale={{ emptyText: t("web:public.none") }}
            dataSource={areas.data}
            renderItem={(a) => (
              <List.Item>
                <Card
                  size="small"
                  hoverable
                  className={a.id === areaId ? "public-area picked" : "public-area"}
                  data-area={a.id}
                  title={className(lang, a)}
                  onClick={() => pick(a.id)}
                >
                  <div className="public-area-where">
                    {className(lang, a.region)}
                    {a.mines.length > 0 &&
                      ` · ${a.mines.map((m) => className(lang, m)).join(t("web:public.listSeparator"))}`}
                  </div>
                  {a.figures.slice(0, 3).map((f) => (
                    <FigureStatistic key={f.id} className="public-figure" figure={f} lang={lang} />
                  ))}
                </Card>
              </List.Item>
            )}
          />
        )}
        {areaId && (
          <>
            {detail.isPending ? (
              <Skeleton active />
            ) : detail.error ? (
              <QueryError error={detail.error} />
            ) : (
              <>
                <Typography.Title level={3} className="public-area-title">
                  {className(lang, detail.data)}
                </Typography.Title>
                <AreaDetail detail={detail.data} lang={lang} />
              </>
            )}
          </>
        )}
        <PublishedReports />
        <Typography.Title level={3} className="portal-section">
          {t("portal:feedback.title")}
        </Typography.Title>
        <PublicFeedbackSection />
        <FeedbackForm mines={mines.data ?? []} {...(areaId ? { areaId } : {})} />
      </main>
    </div>
  );
}
