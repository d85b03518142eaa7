import { defaults as defaultControls, ScaleLine } from "ol/control.js";
import GeoJSON from "ol/format/GeoJSON.js";
import Graticule from "ol/layer/Graticule.js";
import ImageLayer from "ol/layer/Image.js";
import VectorLayer from "ol/layer/Vector.js";
import OlMap from "ol/Map.js";
import { get as getProjection, transformExtent, type ProjectionLike } from "ol/proj.js";
import { register } from "ol/proj/proj4.js";
import Static from "ol/source/ImageStatic.js";
import VectorSource from "ol/source/Vector.js";
import { Stroke, Style } from "ol/style.js";
import View from "ol/View.js";
import proj4 from "proj4";
import { useEffect, useRef, useState, type ReactNode } from "react";

export type Extent = [number, number, number, number];

/** An image layer in the map's CRS (a rendered raster). */
export interface MapImage {
  readonly id: string;
  readonly url: string;
  readonly extent: Extent;
}

/** The map's CRS: an EPSG code the browser knows, or a proj4 definition. */
export interface MapProjection {
  readonly epsg?: number;
  readonly proj4?: string;
}

export interface MapViewProps {
  readonly projection: MapProjection;
  /** The extent shown first (map CRS units). */
  readonly extent: Extent;
  /** Image layers that can be shown, one at a time. */
  readonly images: readonly MapImage[];
  /** The id of the image layer shown (none: only the boundary). */
  readonly visible?: string | undefined;
  /** The area's boundary, GeoJSON in EPSG:4326. */
  readonly boundary?: unknown;
  /** A click on the map, in map CRS units. */
  readonly onClick?: (x: number, y: number) => void;
  readonly height?: number | string;
  readonly id?: string;
  readonly ariaLabel: string;
}

function projectionOf(p: MapProjection, around: Extent): ProjectionLike {
  const code = p.epsg ? `EPSG:${p.epsg}` : "MINECARBON:MAP";
  if (p.proj4 && !getProjection(code)) {
    proj4.defs(code, p.proj4);
    register(proj4);
  }
  const projection = getProjection(code) ?? getProjection("EPSG:4326")!;
  // A CRS defined through proj4 has no extent; the graticule needs one (and its lon/lat bounds).
  if (!projection.getExtent()) {
    projection.setExtent(around);
    projection.setWorldExtent(transformExtent(around, projection, "EPSG:4326"));
  }
  return projection;
}

/**
 * An OpenLayers map in the maps' own CRS: image layers over a plain background with a graticule,
 * the area's boundary and a scale line (no online base map). The map is created in an effect and
 * disposed on unmount (`setTarget(undefined)`, `dispose()`); the visible layer changes without
 * re-creating it. The element says whether what it shows is drawn: `data-rendered="true"` once
 * OpenLayers reports `rendercomplete` (every visible image loaded) for the current map and layer,
 * "false" from any change until then — for whoever waits for a finished map (a screenshot, a test).
 */
export function MapView(props: MapViewProps): ReactNode {
  const { projection, extent, images, visible, boundary, onClick, height = 480, id, ariaLabel } = props;
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<OlMap | undefined>(undefined);
  const click = useRef(onClick);
  click.current = onClick;
  const visibleNow = useRef(visible);
  visibleNow.current = visible;
  const imagesKey = images.map((i) => `${i.id}|${i.url}|${i.extent.join(",")}`).join(";");
  const mapKey = [projection.epsg, projection.proj4, extent.join(","), imagesKey].join("#");
  /** What the map shows now (its build and the visible layer), as set on the OpenLayers map. */
  const shown = useRef<string | undefined>(undefined);
  /** What the map had shown when it last finished drawing. */
  const [drawn, setDrawn] = useState<string | undefined>(undefined);

  useEffect(() => {
    const [w, h] = [extent[2] - extent[0], extent[3] - extent[1]];
    const around: Extent = [extent[0] - w, extent[1] - h, extent[2] + w, extent[3] + h];
    const proj = projectionOf(projection, around);
    const imageLayers = images.map(
      (i) =>
        new ImageLayer({
          source: new Static({ url: i.url, imageExtent: i.extent, projection: proj, interpolate: false }),
          visible: i.id === visibleNow.current,
          properties: { id: i.id },
        }),
    );
    const boundaryLayer = new VectorLayer({
      source: new VectorSource({
        features: boundary
          ? new GeoJSON().readFeatures(boundary, { dataProjection: "EPSG:4326", featureProjection: proj })
          : [],
      }),
      style: new Style({ stroke: new Stroke({ color: "#1b3d2f", width: 2 }) }),
    });
    const m = new OlMap({
      target: el.current!,
      layers: [
        ...imageLayers,
        boundaryLayer,
        new Graticule({
          strokeStyle: new Stroke({ color: "rgba(0,0,0,0.25)", width: 1, lineDash: [2, 4] }),
          showLabels: true,
          wrapX: false,
        }),
      ],
      controls: defaultControls().extend([new ScaleLine()]),
      view: new View({ projection: proj, extent: around }),
    });
    m.getView().fit(extent, { padding: [20, 20, 20, 20] });
    m.on("singleclick", (e) => {
      const [x, y] = e.coordinate as [number, number];
      click.current?.(x, y);
    });
    shown.current = `${mapKey}@${visibleNow.current ?? ""}`;
    setDrawn(undefined);
    // A frame is drawn synchronously, so what `shown` says at its end is what was just drawn.
    m.on("rendercomplete", () => setDrawn(shown.current));
    map.current = m;
    return () => {
      map.current = undefined;
      shown.current = undefined;
      m.setTarget(undefined);
      m.dispose();
    };
    // The map is rebuilt when its CRS, extent, boundary or set of layers change; not for `visible`.
  }, [mapKey, boundary]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    for (const l of m.getLayers().getArray())
      if (l instanceof ImageLayer) l.setVisible(l.get("id") === visible);
    shown.current = `${mapKey}@${visible ?? ""}`;
  }, [visible, mapKey]);

  return (
    <div
      ref={el}
      id={id}
      className="map"
      role="img"
      aria-label={ariaLabel}
      data-rendered={drawn !== undefined && drawn === `${mapKey}@${visible ?? ""}` ? "true" : "false"}
      style={{ height, width: "100%" }}
    />
  );
}
