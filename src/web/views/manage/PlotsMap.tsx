import GeoJSON from "ol/format/GeoJSON.js";
import VectorLayer from "ol/layer/Vector.js";
import VectorSource from "ol/source/Vector.js";
import { Fill, Stroke, Style, Text } from "ol/style.js";
import type { ReactNode } from "react";
import type { PlotRecord } from "./mine-api.ts";
import { PlainMap } from "./plain-map.tsx";

/** A plot's colour by its life-cycle stage: mined land brown, reclamation green, planned grey. */
const STAGE_COLOUR: Readonly<Record<PlotRecord["stage"], string>> = {
  planned: "#8c8c8c",
  mining: "#ad6800",
  disturbed: "#d4380d",
  reclaiming: "#7cb305",
  reclaimed: "#389e0d",
  accepted: "#135200",
};

/** The plots of a mine, each outlined in the colour of its stage and named. */
export function PlotsMap({ plots, label }: { plots: readonly PlotRecord[]; label: string }): ReactNode {
  return (
    <PlainMap
      id="plots-map"
      label={label}
      height={320}
      minSpan={0.002}
      drawKey={plots.map((p) => `${p.id}:${p.stage}:${p.updatedAt}`).join(";")}
      draw={(map) => {
        const format = new GeoJSON();
        const source = new VectorSource({
          features: plots.map((p) => {
            const read = format.readFeature({ type: "Feature", geometry: p.geometry, properties: {} });
            const f = Array.isArray(read) ? read[0]! : read;
            const colour = STAGE_COLOUR[p.stage];
            f.setStyle(
              new Style({
                fill: new Fill({ color: `${colour}44` }),
                stroke: new Stroke({ color: colour, width: 2 }),
                text: new Text({ text: p.name, font: "12px sans-serif", overflow: true }),
              }),
            );
            return f;
          }),
        });
        map.addLayer(new VectorLayer({ source }));
        return plots.length ? (source.getExtent() ?? undefined) : undefined;
      }}
    />
  );
}
