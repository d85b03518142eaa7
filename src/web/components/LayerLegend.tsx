import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { LayerInfo } from "../api/queries.ts";
import { className, formatNumber } from "../../presentation/i18n.ts";
import { parseLang } from "../../presentation/i18n/lang.ts";
import { layerTitle } from "./layer-title.ts";

/** A layer's legend: a list of class colours with their names, or a colour ramp with its range. */
export function LayerLegend({ layer }: { layer: LayerInfo }): ReactNode {
  const { t, i18n } = useTranslation(["common", "web", "terms"]);
  const lang = parseLang(i18n.language) ?? "en";
  const legend = layer.legend;
  return (
    <div className="legend-box" data-layer={layer.id}>
      <h3 className="legend-title">{layerTitle(layer, lang)}</h3>
      {legend.kind === "ramp" ? (
        <div>
          <div
            className="ramp"
            style={{ background: `linear-gradient(90deg, ${legend.colours.join(", ")})` }}
          />
          <div className="ramp-range">
            {formatNumber(lang, legend.min, 1)} … {formatNumber(lang, legend.max, 1)} {legend.unit}
          </div>
        </div>
      ) : (
        <ul className="legend-items">
          {legend.items.map((i) => (
            <li key={i.value}>
              <span className="swatch" style={{ background: i.colour }} />
              {layer.kind === "zones"
                ? t(`terms:zone.${i.name}` as "terms:zone.invariant", { defaultValue: i.name })
                : className(lang, i)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
