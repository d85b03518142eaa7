import { defaults as defaultControls, ScaleLine } from "ol/control.js";
import { buffer, getHeight, getWidth } from "ol/extent.js";
import GeoJSON from "ol/format/GeoJSON.js";
import Graticule from "ol/layer/Graticule.js";
import VectorLayer from "ol/layer/Vector.js";
import OlMap from "ol/Map.js";
import VectorSource from "ol/source/Vector.js";
import { Fill, Stroke, Style, Text } from "ol/style.js";
import View from "ol/View.js";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { PlotRecord } from "./mine-api.ts";

/** A plot's colour by its life-cycle stage: mined land brown, reclamation green, planned grey. */
const STAGE_COLOUR: Readonly<Record<PlotRecord["stage"], string>> = {
  planned: "#8c8c8c",
  mining: "#ad6800",
  disturbed: "#d4380d",
  reclaiming: "#7cb305",
  reclaimed: "#389e0d",
  accepted: "#135200",
};

/**
 * The plots of a mine on a plain longitude/latitude map (no online base map), each outlined in the
 * colour of its stage and named. `data-rendered="true"` once OpenLayers has drawn the current plots.
 */
export function PlotsMap({ plots, label }: { plots: readonly PlotRecord[]; label: string }): ReactNode {
  const el = useRef<HTMLDivElement>(null);
  const key = plots.map((p) => `${p.id}:${p.stage}:${p.updatedAt}`).join(";");
  const [drawn, setDrawn] = useState<string | undefined>(undefined);

  useEffect(() => {
    if (!el.current || plots.length === 0) return;
    const format = new GeoJSON();
    const features = plots.map((p) => {
      const f = format.readFeature({ type: "Feature", geometry: p.geometry, properties: {} });
      const one = Array.isArray(f) ? f[0]! : f;
      const colour = STAGE_COLOUR[p.stage];
      one.setStyle(
        new Style({
          fill: new Fill({ color: `${colour}44` }),
          stroke: new Stroke({ color: colour, width: 2 }),
          text: new Text({ text: p.name, font: "12px sans-serif", overflow: true }),
        }),
      );
      return one;
    });
    const source = new VectorSource({ features });
    const all = source.getExtent() ?? [0, 0, 0, 0];
    const map = new OlMap({
      target: el.current,
      controls: defaultControls({ rotate: false }).extend([new ScaleLine()]),
      layers: [
        new Graticule({
          strokeStyle: new Stroke({ color: "rgba(0,0,0,0.15)", width: 1 }),
          showLabels: false,
        }),
        new VectorLayer({ source }),
      ],
      view: new View({ projection: "EPSG:4326" }),
    });
    map.getView().fit(buffer(all, Math.max(getWidth(all), getHeight(all), 0.002) * 0.15), {
      padding: [12, 12, 12, 12],
    });
    map.once("rendercomplete", () => setDrawn(key));
    return () => {
      setDrawn(undefined);
      map.setTarget(undefined);
      map.dispose();
    };
    // `key` stands for the plots drawn.
  }, [key]);

  return (
    <div
      ref={el}
      id="plots-map"
      className="map plots-map"
      role="img"
      aria-label={label}
      data-rendered={drawn === key ? "true" : "false"}
      style={{ height: 320, width: "100%" }}
    />
  );
}
