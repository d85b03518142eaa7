import { Alert, Card, Col, Empty, List, Row, Skeleton, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import type { Overview } from "../../../contract/overview.ts";
import { className } from "../../../presentation/i18n.ts";
import { parseLang } from "../../../presentation/i18n/lang.ts";
import { useLayers, useOverview } from "../../api/queries.ts";
import { viewPath } from "../../app/views.ts";
import { QueryError } from "../../components/QueryError.tsx";
import { ReportButtons } from "../../components/ReportButtons.tsx";
import { useMay } from "../../app/access.ts";
import { FigureCard } from "../../components/FigureCard.tsx";
import { LayerMap } from "../../components/LayerMap.tsx";
import { SeriesChartCard } from "../../components/SeriesChartCard.tsx";
import { staleReasonLabel } from "../../components/stale-reason.ts";

/** The latest land-use (or zoning) map of the area with its legend. */
function OverviewMap({ areaId, layer }: { areaId: string; layer: NonNullable<Overview["map"]> }): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  const layers = useLayers(areaId);
  const info = layers.data?.layers.find((l) => l.id === layer.layerId);
  if (layers.isPending) return <Skeleton.Node active className="map-skeleton" />;
  if (layers.error) return <QueryError error={layers.error} />;
  if (!info || !layers.data?.crs) return <Empty description={t("noData")} />;
  return (
    <LayerMap
      id="overview-map"
      projection={layers.data.crs}
      layer={info}
      boundary={layers.data.boundary}
      height={340}
    />
  );
}

/** The overview: the area at a glance — key figures, the latest map and the stock/emissions chart. */
export default function OverviewView(): ReactNode {
  const { areaId = "" } = useParams();
  const { search } = useLocation();
  const { t, i18n } = useTranslation(["common", "web"]);
  const lang = parseLang(i18n.language) ?? "en";
  const overview = useOverview(areaId, lang);
  const o = overview.data;
  const mayRun = useMay("analysis.run", o?.area ?? null);
  const mayReport = useMay("report.create", o?.area ?? null);
  const mayUpload = useMay("map.upload", o?.area ?? null);
  const mayEnter = useMay("inventory.write", o?.area ?? null);
  if (overview.isPending) return <Skeleton active />;
  if (overview.error) return <QueryError error={overview.error} />;
  if (!o) return null;
  return (
    <div className="overview">
      <Typography.Title level={2} className="area-title">
        {className(lang, { name: o.area.name, nameZh: o.area.nameZh })}
      </Typography.Title>
      {o.latestAnalysis?.stale && (
        <Alert
          type="warning"
          showIcon
          className="stale-alert"
          title={t("web:staleAnalysis")}
          description={staleReasonLabel(t, o.latestAnalysis.staleReason, o.latestAnalysis.staleReasonCode)}
          action={mayRun && <Link to={viewPath(areaId, "data", search)}>{t("runAnalysis")}</Link>}
        />
      )}
      <Row gutter={[12, 12]} className="figures">
        {o.figures.map((f) => (
          <Col
            key={f.id}
            xs={24}
            sm={12}
            lg={8}
            xl={Math.floor(24 / Math.max(1, o.figures.length)) >= 4 ? Math.floor(24 / o.figures.length) : 8}
          >
            <FigureCard figure={f} lang={lang} />
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]} className="glance">
        <Col xs={24} lg={12}>
          <Card size="small" title={o.map ? t("web:overview.latestMap", { year: o.map.year }) : t("maps")}>
            {o.map ? (
              <OverviewMap areaId={areaId} layer={o.map} />
            ) : (
              <Empty description={t(mayUpload ? "web:overview.noMap" : "web:overview.noMapYet")} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <SeriesChartCard
            id="overview-chart"
            series={o.series}
            lang={lang}
            height={340}
            mayAct={mayRun || mayEnter}
          />
        </Col>
      </Row>
      <Row gutter={[12, 12]} className="lists">
        <Col xs={24} lg={12}>
          <Card size="small" title={t("maps")}>
            <List
              size="small"
              locale={{ emptyText: t("noData") }}
              dataSource={o.maps}
              renderItem={(m) => (
                <List.Item
                  actions={[
                    <Link
                      key="map"
                      to={`${viewPath(areaId, "map", search)}${search.includes("?") || search ? "&" : "?"}year=${m.year}`}
                    >
                      {t("map")}
                    </Link>,
                  ]}
                >
                  <a href={`/api/areas/${encodeURIComponent(areaId)}/maps/${m.year}`}>{m.year} (GeoTIFF)</a>
                </List.Item>
              )}
            />
            {o.latestAnalysis && !o.latestAnalysis.stale && mayReport && (
              <div className="analysis-report">
                <Typography.Text type="secondary">{t("analysis")}: </Typography.Text>
                <ReportButtons endpoint={`/api/analyses/${o.latestAnalysis.id}/reports`} area={o.area} />
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t("inventoryTitle")}>
            <List
              size="small"
              locale={{ emptyText: t("noData") }}
              dataSource={o.inventories}
              renderItem={(i) => (
                <List.Item>
                  <div className="inventory-row">
                    <span>
                      {i.mine} {i.year}
                    </span>
                    <ReportButtons endpoint={`/api/inventories/${i.id}/reports`} area={o.area} />
                  </div>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
