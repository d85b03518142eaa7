import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { LayerInfo } from "../api/queries.ts";
import { LayerLegend } from "./LayerLegend.tsx";
import { MapView, type MapViewProps } from "./MapView.tsx";

/**
 * One land-use layer on its map, with its legend below (the area's overview and the public
 * portal's latest map).
 */
export function LayerMap({
  id,
  projection,
  layer,
  boundary,
  height,
}: {
  id: string;
  projection: MapViewProps["projection"];
  layer: LayerInfo;
  boundary?: unknown;
  height: number;
}): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  return (
    <>
      <MapView
        id={id}
        ariaLabel={t("web:overview.mapOf", { title: layer.title })}
        projection={projection}
        extent={layer.extent}
        images={[layer]}
        visible={layer.id}
        boundary={boundary}
        height={height}
      />
      <LayerLegend layer={layer} />
    </>
  );
}
