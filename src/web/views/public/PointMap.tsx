import { defaults as defaultControls, ScaleLine } from "ol/control.js";
import Feature from "ol/Feature.js";
import GeoJSON from "ol/format/GeoJSON.js";
import { buffer, createEmpty, extend, getHeight, getWidth, isEmpty, type Extent } from "ol/extent.js";
import Point from "ol/geom/Point.js";
import Graticule from "ol/layer/Graticule.js";
import VectorLayer from "ol/layer/Vector.js";
import OlMap from "ol/Map.js";
import VectorSource from "ol/source/Vector.js";
import { Circle, Fill, Stroke, Style } from "ol/style.js";
import View from "ol/View.js";
import { useEffect, useRef, useState, type ReactNode } from "react";

/** A point in EPSG:4326, degrees. */
export interface LonLat {
  readonly lon: number;
  readonly lat: number;
}

/** Where the map looks when it has nothing to show: the demo province (Shanxi), lon/lat. */
const NOTHING_EXTENT: Extent = [110.2, 34.5, 114.6, 40.8];

const dot = (colour: string, radius: number) =>
  new Style({
    image: new Circle({
      radius,
      fill: new Fill({ color: colour }),
      stroke: new Stroke({ color: "#fff", width: 2 }),
    }),
  });
const FEEDBACK_STYLE = dot("#1f6feb", 6);
const PICKED_STYLE = dot("#d4380d", 8);

/**
 * A plain map in longitude/latitude (no online base map, as every map of the app): a mine's
 * mining-right boundary (polygon GeoJSON, EPSG:4326), the points of public feedback, and — when
 * `onPick` is given — a point the visitor picks with a click (shown in another colour; `picked`
 * null: none). `data-rendered="true"` once OpenLayers reports `rendercomplete` for what is shown
 * now, "false" from any change until then (as MapView does), for whoever waits for a drawn map.
 */
export function PointMap({
  id,
  label,
  boundary,
  points = [],
  picked = null,
  onPick,
  height = 320,
}: {
  id: string;
  label: string;
  boundary?: unknown;
  points?: readonly LonLat[];
  picked?: LonLat | null;
  onPick?: (p: LonLat) => void;
  height?: number;
}): ReactNode {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<OlMap | undefined>(undefined);
  const pickedSource = useRef<VectorSource | undefined>(undefined);
  const pick = useRef(onPick);
  pick.current = onPick;
  const baseKey = JSON.stringify([boundary ?? null, points]);
  const key = `${baseKey}|${picked ? `${picked.lon},${picked.lat}` : ""}`;
  const shown = useRef<string | undefined>(undefined);
  const [drawn, setDrawn] = useState<string | undefined>(undefined);

  useEffect(() => {
    if (!el.current) return;
    const features = boundary
      ? new GeoJSON().readFeatures(boundary, { dataProjection: "EPSG:4326", featureProjection: "EPSG:4326" })
      : [];
    const pointFeatures = points.map((p) => {
      const f = new Feature(new Point([p.lon, p.lat]));
      f.setStyle(FEEDBACK_STYLE);
      return f;
    });
    const all = createEmpty();
    for (const f of [...features, ...pointFeatures]) {
      const g = f.getGeometry();
      if (g) extend(all, g.getExtent());
    }
    const around = isEmpty(all)
      ? NOTHING_EXTENT
      : buffer(all, Math.max(getWidth(all), getHeight(all), 0.02) * 0.2);
    const picks = new VectorSource();
    pickedSource.current = picks;
    const m = new OlMap({
      target: el.current,
      controls: defaultControls({ rotate: false }).extend([new ScaleLine()]),
      layers: [
        new Graticule({
          strokeStyle: new Stroke({ color: "rgba(0,0,0,0.2)", width: 1, lineDash: [2, 4] }),
          showLabels: true,
          wrapX: false,
        }),
        new VectorLayer({
          source: new VectorSource({ features }),
          style: new Style({
            stroke: new Stroke({ color: "#1b3d2f", width: 2 }),
            fill: new Fill({ color: "rgba(27,61,47,0.08)" }),
          }),
        }),
        new VectorLayer({ source: new VectorSource({ features: pointFeatures }) }),
        new VectorLayer({ source: picks, style: PICKED_STYLE }),
      ],
      view: new View({ projection: "EPSG:4326" }),
    });
    m.getView().fit(around, { padding: [12, 12, 12, 12] });
    m.on("singleclick", (e) => {
      const [lon, lat] = e.coordinate as [number, number];
      pick.current?.({ lon: Math.round(lon * 1e6) / 1e6, lat: Math.round(lat * 1e6) / 1e6 });
    });
    m.on("rendercomplete", () => setDrawn(shown.current));
    map.current = m;
    return () => {
      map.current = undefined;
      pickedSource.current = undefined;
      shown.current = undefined;
      setDrawn(undefined);
      m.setTarget(undefined);
      m.dispose();
    };
    // `baseKey` stands for the boundary and points drawn.
  }, [baseKey]);

  useEffect(() => {
    const source = pickedSource.current;
    if (!source) return;
    source.clear();
    if (picked) source.addFeature(new Feature(new Point([picked.lon, picked.lat])));
    shown.current = key;
    map.current?.render();
  }, [key, picked]);

  return (
    <div
      ref={el}
      id={id}
      className={onPick ? "map point-map pickable" : "map point-map"}
      role="img"
      aria-label={label}
      data-rendered={drawn !== undefined && drawn === key ? "true" : "false"}
      style={{ height, width: "100%", cursor: onPick ? "crosshair" : undefined }}
    />
  );
}
