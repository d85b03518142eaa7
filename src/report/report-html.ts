import { escapeHtml } from "../presentation/escape-html.ts";
import { formatNumber } from "../presentation/i18n.ts";
import type { LayerLegend } from "../app/map-layers.ts";
import { chartSvg, cjkFontPath } from "./chart-svg.ts";
import { subsetFont } from "./font-subset.ts";
import { LOCALE } from "../presentation/i18n/lang.ts";
import { reportBlocks, type ReportBlock } from "./report-blocks.ts";
import type { ReportModel } from "./report-model.ts";

const esc = escapeHtml;

function legendHtml(l: LayerLegend, lang: "en" | "zh"): string {
  if (l.kind === "ramp")
    return `<div class="ramp"><span>${formatNumber(lang, l.min, 1)}</span><i style="background:linear-gradient(90deg,${l.colours.join(",")})"></i><span>${formatNumber(lang, l.max, 1)} ${esc(l.unit)}</span></div>`;
  return `<ul class="legend">${l.items.map((i) => `<li><i style="background:${i.colour}"></i>${esc(i.name)}</li>`).join("")}</ul>`;
}

function blockHtml(b: ReportBlock, lang: "en" | "zh"): string {
  switch (b.type) {
    case "heading":
      return `<h${b.level}>${esc(b.text)}</h${b.level}>`;
    case "paragraph":
      return `<p>${esc(b.text)}</p>`;
    case "list":
      return `<ul>${b.items.map((i) => `<li>${esc(i)}</li>`).join("")}</ul>`;
    case "table": {
      // A column of short words (a status, a pace) keeps each on one line, as numbers do.
      const short = b.columns.map(
        (c, i) => !b.numeric[i] && [c, ...b.rows.map((r) => r[i] ?? "")].every((v) => v.length <= SHORT_CELL),
      );
      const cls = (i: number) => (b.numeric[i] ? ' class="num"' : short[i] ? ' class="short"' : "");
      return `<div class="table"><table><caption>${esc(b.caption)}</caption><thead><tr>${b.columns.map((c, i) => `<th${short[i] ? ' class="short"' : ""}>${esc(c)}</th>`).join("")}</tr></thead><tbody>${b.rows
        .map((r) => `<tr>${r.map((v, i) => `<td${cls(i)}>${esc(v)}</td>`).join("")}</tr>`)
        .join("")}</tbody></table></div>`;
    }
    case "chart":
      return `<figure class="chart">${chartSvg(b.option, b.width, b.height)}<figcaption>${esc(b.caption)}</figcaption></figure>`;
    case "map":
      return `<figure class="map"><img alt="${esc(b.map.title)}" src="data:image/png;base64,${b.map.png.toString("base64")}"><figcaption>${esc(b.map.title)}</figcaption>${legendHtml(b.map.legend, lang)}</figure>`;
  }
}

/** Characters up to which a table's text column counts as short words that should not wrap. */
const SHORT_CELL = 12;

const CSS = `body{font-family:"Noto Sans SC","Microsoft YaHei","PingFang SC","DejaVu Sans",sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#1a1a1a;line-height:1.5}
h1{font-size:1.6em}h2{border-bottom:2px solid #2e7d32;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;margin:1em 0;font-size:.85em;width:100%}caption{text-align:left;font-weight:600;margin-bottom:.3em}
th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}td:first-child{overflow-wrap:anywhere}.short{white-space:nowrap}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap;overflow-wrap:normal}
.table{overflow-x:auto}p,li{overflow-wrap:anywhere}figure.chart svg{max-width:100%;height:auto}
figure{margin:1em 0}figure.map img{max-width:100%;border:1px solid #ccc;image-rendering:pixelated}figcaption{font-size:.9em;color:#444}
ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3em 1em;font-size:.85em}ul.legend i,.ramp i{display:inline-block;width:1em;height:1em;margin-right:.3em;vertical-align:-.15em;border:1px solid #888}
.ramp{font-size:.85em}.ramp i{width:12em}`;

/**
 * The report's font as an @font-face of the characters the page uses (Noto Sans SC cut to them), so
 * that Chinese renders on a machine with no CJK font. The same family is the one the pages and the
 * charts' SVG text ask for.
 */
function fontFace(text: string): string {
  const font = Buffer.from(subsetFont(cjkFontPath(), text)).toString("base64");
  return `@font-face{font-family:"Noto Sans SC";src:url(data:font/ttf;base64,${font}) format("truetype");font-weight:400;font-style:normal;font-display:block}`;
}

/**
 * A self-contained HTML report: charts as inline SVG, maps as embedded PNG, its font embedded (the
 * characters it uses), no outside files.
 */
export function reportHtml(m: ReportModel): string {
  const body = reportBlocks(m)
    .map((b) => blockHtml(b, m.lang))
    .join("\n");
  return `<!doctype html>
<html lang="${LOCALE[m.lang]}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(m.title)}</title><style>${fontFace(m.title + body)}\n${CSS}</style></head>
<body>
${body}
</body></html>
`;
}
