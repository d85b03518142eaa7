import { defaults as defaultControls, ScaleLine } from "ol/control.js";
import { buffer, getHeight, getWidth, type Extent } from "ol/extent.js";
import Graticule from "ol/layer/Graticule.js";
import OlMap from "ol/Map.js";
import { Stroke } from "ol/style.js";
import View from "ol/View.js";
import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A plain longitude/latitude map (no online base map: a graticule, a scale bar) of what `draw` puts
 * on it, fitted to the extent `draw` returns with a margin of `margin` of its larger side (at least
 * `minSpan` degrees). Redrawn when `drawKey` changes; `data-rendered="true"` once OpenLayers reports
 * `rendercomplete` for the current key (as MapView does), "false" from any change until then.
 */
export function PlainMap({
  id,
  label,
  height,
  drawKey,
  minSpan,
  margin = 0.15,
  draw,
}: {
  id: string;
  label: string;
  height: number;
  drawKey: string;
  minSpan: number;
  margin?: number;
  draw: (map: OlMap) => Extent | undefined;
}): ReactNode {
  const el = useRef<HTMLDivElement>(null);
  const drawNow = useRef(draw);
  drawNow.current = draw;
  const [drawn, setDrawn] = useState<string | undefined>(undefined);

  useEffect(() => {
    if (!el.current) return;
    const map = new OlMap({
      target: el.current,
      controls: defaultControls({ rotate: false }).extend([new ScaleLine()]),
      layers: [
        new Graticule({
          strokeStyle: new Stroke({ color: "rgba(0,0,0,0.15)", width: 1 }),
          showLabels: false,
        }),
      ],
      view: new View({ projection: "EPSG:4326", center: [0, 0], zoom: 2 }),
    });
    const extent = drawNow.current(map);
    if (extent)
      map.getView().fit(buffer(extent, Math.max(getWidth(extent), getHeight(extent), minSpan) * margin), {
        padding: [12, 12, 12, 12],
      });
    map.once("rendercomplete", () => setDrawn(drawKey));
    return () => {
      setDrawn(undefined);
      map.setTarget(undefined);
      map.dispose();
    };
  }, [drawKey, minSpan, margin]);

  return (
    <div
      ref={el}
      id={id}
      className={`map ${id}`}
      role="img"
      aria-label={label}
      data-rendered={drawn === drawKey ? "true" : "false"}
      style={{ height, width: "100%" }}
    />
  );
}
