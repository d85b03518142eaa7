import { Card, Col, Empty, Radio, Row, Skeleton, Space, Tag, Timeline, Typography } from "antd";
import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { useMemo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import type { pixelHistorySchema } from "../../../contract/map-layer.ts";
import { className, formatNumber } from "../../../presentation/i18n.ts";
import { parseLang } from "../../../presentation/i18n/lang.ts";
import { apiFetch } from "../../api/client.ts";
import { useLayers, type LayerInfo } from "../../api/queries.ts";
import { LayerLegend } from "../../components/LayerLegend.tsx";
import { layerTitle } from "../../components/layer-title.ts";
import { MapView } from "../../components/MapView.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { staleReasonLabel } from "../../components/stale-reason.ts";

type PixelHistory = z.infer<typeof pixelHistorySchema>;
const KINDS = [
  "landuse",
  "zones",
  "carbon-change",
  "changes",
] as const satisfies readonly LayerInfo["kind"][];

/** The years a layer id spans ("zones-1986-2018" → [1986, 2018]; "landuse-2005" → [2005]). */
const yearsOf = (id: string): number[] => (id.match(/\d{4}/g) ?? []).map(Number);

/**
 * The layer to show: the one named in the URL (`layer`), else the land use of the URL's `year`,
 * else the zoning of the whole span when there is one, else the latest land use.
 */
export function chooseLayer(
  layers: readonly LayerInfo[],
  layer: string | null,
  year: string | null,
): LayerInfo | undefined {
  const named = layers.find((l) => l.id === layer);
  if (named) return named;
  const landuse = layers.filter((l) => l.kind === "landuse");
  const ofYear = landuse.find((l) => yearsOf(l.id)[0] === Number(year));
  if (ofYear) return ofYear;
  const span = (l: LayerInfo) => {
    const [a = 0, b = 0] = yearsOf(l.id);
    return b - a;
  };
  const zones = layers.filter((l) => l.kind === "zones").sort((a, b) => span(b) - span(a))[0];
  return zones ?? landuse[landuse.length - 1] ?? layers[0];
}

/** The map: layers grouped by kind, the chosen one's legend, a pixel's class history on click. */
export default function MapViewPage(): ReactNode {
  const { areaId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const { t, i18n } = useTranslation(["common", "web"]);
  const lang = parseLang(i18n.language) ?? "en";
  const layers = useLayers(areaId);
  const pixel = useMutation({
    mutationFn: ({ x, y }: { x: number; y: number }) =>
      apiFetch<PixelHistory>(`/api/areas/${encodeURIComponent(areaId)}/pixel?x=${x}&y=${y}`),
  });
  const data = layers.data;
  const current = useMemo(
    () => (data ? chooseLayer(data.layers, params.get("layer"), params.get("year")) : undefined),
    [data, params],
  );
  if (layers.isPending) return <Skeleton active />;
  if (layers.error) return <QueryError error={layers.error} />;
  if (!data?.crs || data.layers.length === 0 || !current) return <Empty description={t("noData")} />;
  const choose = (id: string) =>
    setParams(
      (p) => {
        p.set("layer", id);
        const y = yearsOf(id);
        if (y.length === 1) p.set("year", String(y[0]));
        else p.delete("year");
        return p;
      },
      { replace: false },
    );
  const extent = data.layers[0]!.extent;
  return (
    <Row gutter={[12, 12]} className="map-layout">
      <Col xs={24} lg={16}>
        <MapView
          id="map"
          ariaLabel={t("map")}
          projection={data.crs}
          extent={extent}
          images={data.layers}
          visible={current.id}
          boundary={data.boundary}
          height="min(70vh, 640px)"
          onClick={(x, y) => pixel.mutate({ x, y })}
        />
      </Col>
      <Col xs={24} lg={8} className="side">
        <Space orientation="vertical" size={12} style={{ width: "100%" }}>
          <Card size="small" title={t("layers")}>
            {data.stale && (
              <Tag
                color="warning"
                className="stale"
                title={staleReasonLabel(t, data.staleReason, data.staleReasonCode)}
              >
                {t("web:stale")}
              </Tag>
            )}
            <Radio.Group
              value={current.id}
              onChange={(e) => choose(e.target.value as string)}
              className="layer-list"
            >
              {KINDS.filter((k) => data.layers.some((l) => l.kind === k)).map((k) => (
                <div key={k} className="layer-group" role="group" aria-label={t(`web:layerKind.${k}`)}>
                  <div className="layer-group-title">{t(`web:layerKind.${k}`)}</div>
                  {data.layers
                    .filter((l) => l.kind === k)
                    .map((l) => (
                      <Radio key={l.id} value={l.id} className="layer-radio">
                        {layerTitle(l, lang)}
                      </Radio>
                    ))}
                </div>
              ))}
            </Radio.Group>
          </Card>
          <Card size="small">
            <LayerLegend layer={current} />
          </Card>
          <Card size="small" title={t("pixelHistory")} className="history-card">
            <div aria-live="polite">
              {pixel.isIdle && <Typography.Paragraph>{t("clickMap")}</Typography.Paragraph>}
              {pixel.isPending && <Skeleton active paragraph={{ rows: 2 }} />}
              {pixel.error && <QueryError error={pixel.error} />}
              {pixel.data && (
                <>
                  <Typography.Paragraph type="secondary" className="pixel-at">
                    x {formatNumber(lang, pixel.data.x, 0)}, y {formatNumber(lang, pixel.data.y, 0)} (
                    {data.crs.label})
                  </Typography.Paragraph>
                  <Timeline
                    className="history"
                    items={pixel.data.history.map((p) => ({
                      key: p.year,
                      color: p.colour ?? "gray",
                      content: (
                        <span className="history-item" data-year={p.year}>
                          <strong>{p.year}</strong>{" "}
                          {p.code === null
                            ? "—"
                            : `${className(lang, { name: p.class ?? "", nameZh: p.classZh })} (${p.code})`}
                        </span>
                      ),
                    }))}
                  />
                </>
              )}
            </div>
          </Card>
        </Space>
      </Col>
    </Row>
  );
}
