import { defaults as defaultControls, ScaleLine } from "ol/control.js";
import Feature from "ol/Feature.js";
import { boundingExtent, buffer, getCenter, getHeight, getWidth } from "ol/extent.js";
import { fromExtent } from "ol/geom/Polygon.js";
import Graticule from "ol/layer/Graticule.js";
import VectorLayer from "ol/layer/Vector.js";
import OlMap from "ol/Map.js";
import Overlay from "ol/Overlay.js";
import VectorSource from "ol/source/Vector.js";
import { Fill, Stroke, Style } from "ol/style.js";
import View from "ol/View.js";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { STATUS_COLOUR } from "./status-colours.ts";
import type { MineOverview } from "./use-manage.ts";

/**
 * The mines on a plain map in longitude/latitude (no online base map): each mine's mining-right
 * extent as a rectangle and a marker at its centre, both in its status's colour; the marker is a
 * button that picks the mine. `data-rendered="true"` once OpenLayers reports `rendercomplete` for
 * the current mines (as MapView does), "false" from any change until then.
 */
export function MinesMap({
  mines,
  label,
  nameOf,
  onPick,
}: {
  mines: readonly MineOverview[];
  label: string;
  nameOf: (m: MineOverview) => string;
  onPick: (id: string) => void;
}): ReactNode {
  const el = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const placed = mines.filter((m) => m.bbox !== null);
  const key = placed.map((m) => `${m.id}:${m.status}:${m.bbox!.join(",")}:${nameOf(m)}`).join(";");
  const [drawn, setDrawn] = useState<string | undefined>(undefined);

  useEffect(() => {
    if (!el.current || placed.length === 0) return;
    const features = placed.map((m) => {
      const f = new Feature(fromExtent(m.bbox!));
      const colour = STATUS_COLOUR[m.status];
      f.setStyle(
        new Style({
          fill: new Fill({ color: `${colour}55` }),
          stroke: new Stroke({ color: colour, width: 2 }),
        }),
      );
      return f;
    });
    const all = boundingExtent(placed.flatMap((m) => [m.bbox!.slice(0, 2), m.bbox!.slice(2)]) as number[][]);
    const margin = Math.max(getWidth(all), getHeight(all), 0.05) * 0.15;
    const map = new OlMap({
      target: el.current,
      controls: defaultControls({ rotate: false }).extend([new ScaleLine()]),
      layers: [
        new Graticule({
          strokeStyle: new Stroke({ color: "rgba(0,0,0,0.15)", width: 1 }),
          showLabels: false,
        }),
        new VectorLayer({ source: new VectorSource({ features }) }),
      ],
      view: new View({ projection: "EPSG:4326", center: getCenter(all) }),
    });
    for (const m of placed) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "mine-marker";
      button.dataset.mine = m.id;
      button.dataset.status = m.status;
      button.title = nameOf(m);
      button.setAttribute("aria-label", nameOf(m));
      Object.assign(button.style, {
        background: STATUS_COLOUR[m.status],
        width: "18px",
        height: "18px",
        borderRadius: "50%",
        border: "2px solid #fff",
        boxShadow: "0 0 0 1px rgba(0,0,0,0.45)",
        cursor: "pointer",
        padding: "0",
      });
      button.addEventListener("click", () => pick.current(m.id));
      map.addOverlay(
        new Overlay({
          element: button,
          position: getCenter(m.bbox!),
          positioning: "center-center",
          stopEvent: true,
        }),
      );
    }
    map.getView().fit(buffer(all, margin), { padding: [16, 16, 16, 16] });
    map.once("rendercomplete", () => setDrawn(key));
    return () => {
      setDrawn(undefined);
      map.setTarget(undefined);
      map.dispose();
    };
    // `key` stands for the mines drawn.
  }, [key]);

  return (
    <div
      ref={el}
      id="manage-map"
      className="map manage-map"
      role="img"
      aria-label={label}
      data-rendered={drawn === key ? "true" : "false"}
      style={{ height: 360, width: "100%" }}
    />
  );
}
