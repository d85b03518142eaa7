import Feature from "ol/Feature.js";
import { boundingExtent, getCenter } from "ol/extent.js";
import { fromExtent } from "ol/geom/Polygon.js";
import VectorLayer from "ol/layer/Vector.js";
import Overlay from "ol/Overlay.js";
import VectorSource from "ol/source/Vector.js";
import { Fill, Stroke, Style } from "ol/style.js";
import { useRef, type ReactNode } from "react";
import { PlainMap } from "./plain-map.tsx";
import { STATUS_COLOUR } from "./status-colours.ts";
import type { MineOverview } from "./use-manage.ts";

/**
 * The mines on a plain map in longitude/latitude: each mine's mining-right extent as a rectangle
 * and a marker at its centre, both in its status's colour; the marker is a button that picks the
 * mine.
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
  const pick = useRef(onPick);
  pick.current = onPick;
  const placed = mines.filter((m) => m.bbox !== null);
  return (
    <PlainMap
      id="manage-map"
      label={label}
      height={360}
      minSpan={0.05}
      drawKey={placed.map((m) => `${m.id}:${m.status}:${m.bbox!.join(",")}:${nameOf(m)}`).join(";")}
      draw={(map) => {
        if (placed.length === 0) return undefined;
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
        map.addLayer(new VectorLayer({ source: new VectorSource({ features }) }));
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
        return boundingExtent(placed.flatMap((m) => [m.bbox!.slice(0, 2), m.bbox!.slice(2)]));
      }}
    />
  );
}
