import PDFDocument from "pdfkit";
import { formatNumber } from "../presentation/i18n.ts";
import { chartPng, cjkFontPath } from "./chart-svg.ts";
import { reportBlocks, type ReportBlock } from "./report-blocks.ts";
import type { ReportModel } from "./report-model.ts";

const MARGIN = 50;
const FONT_SIZES = { 1: 18, 2: 14, 3: 11.5 } as const;

/**
 * A PDF report (A4) with the same content as the HTML one. Text is set in Noto Sans SC, embedded
 * as a subset, so Chinese renders on any reader; charts are rendered to PNG at twice their size.
 */
export async function reportPdf(m: ReportModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    info: { Title: m.title, Creator: "MineCarbon" },
    bufferPages: true,
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((r) => doc.on("end", () => r()));
  doc.registerFont("body", cjkFontPath());
  doc.font("body");
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;
  const ensure = (h: number) => {
    if (doc.y + h > bottom()) doc.addPage();
  };
  for (const b of reportBlocks(m)) await drawBlock(doc, b, width, ensure, m.lang);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Below the bottom margin pdfkit would start a new page: lift the margin for the footer.
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8)
      .fillColor("#666")
      .text(`MineCarbon · ${m.title} · ${i + 1}/${range.count}`, MARGIN, doc.page.height - MARGIN + 15, {
        width,
        align: "center",
        lineBreak: false,
      });
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

async function drawBlock(
  doc: PDFKit.PDFDocument,
  b: ReportBlock,
  width: number,
  ensure: (h: number) => void,
  lang: "en" | "zh",
): Promise<void> {
  doc.fillColor("#111");
  switch (b.type) {
    case "heading":
      ensure(60);
      doc
        .moveDown(b.level === 1 ? 0 : 0.8)
        .fontSize(FONT_SIZES[b.level])
        .text(b.text, { width });
      doc.moveDown(0.3);
      return;
    case "paragraph":
      doc.fontSize(9.5).text(b.text, { width });
      doc.moveDown(0.4);
      return;
    case "list":
      doc.fontSize(9).list(b.items, { width, bulletRadius: 1.5 });
      doc.moveDown(0.4);
      return;
    case "chart": {
      const png = await chartPng(b.option, b.width, b.height);
      // The chart grows to fit its legend: its height is the PNG's (IHDR, bytes 16–23).
      const h = (width * png.readUInt32BE(20)) / png.readUInt32BE(16);
      ensure(h + 20);
      doc.image(png, doc.x, doc.y, { width });
      doc.y += h;
      doc.fontSize(8.5).fillColor("#444").text(b.caption, { width });
      doc.moveDown(0.5);
      return;
    }
    case "map": {
      // PNG size from its IHDR chunk (bytes 16–23).
      const img = { width: b.map.png.readUInt32BE(16), height: b.map.png.readUInt32BE(20) };
      const h = Math.min(360, (width * img.height) / img.width);
      const w = (h * img.width) / img.height;
      ensure(h + 50);
      doc.image(b.map.png, doc.x, doc.y, { width: w, height: h });
      doc.y += h + 4;
      doc.fontSize(9).text(b.map.title, { width });
      const l = b.map.legend;
      doc.fontSize(7.5);
      if (l.kind === "ramp") {
        // The ramp as the HTML shows it: its low end, a gradient bar through 0, its high end and unit.
        const left = doc.page.margins.left;
        const y = doc.y;
        const low = formatNumber(lang, l.min, 1);
        const barX = left + doc.widthOfString(low) + 4;
        const barW = 120;
        const gradient = doc.linearGradient(barX, 0, barX + barW, 0);
        l.colours.forEach((c, i) => gradient.stop(i / (l.colours.length - 1), c));
        doc.text(low, left, y, { lineBreak: false });
        doc.rect(barX, y + 1, barW, 8).fill(gradient);
        doc
          .rect(barX, y + 1, barW, 8)
          .lineWidth(0.3)
          .stroke("#888");
        doc.fillColor("#111").text(`${formatNumber(lang, l.max, 1)} ${l.unit}`, barX + barW + 4, y, {
          lineBreak: false,
        });
        doc.x = left;
        doc.y = y + 14;
      } else {
        let x = doc.x;
        const y0 = doc.y;
        let y = y0;
        for (const item of l.items) {
          const w2 = doc.widthOfString(item.name) + 18;
          if (x + w2 > doc.page.margins.left + width) {
            x = doc.page.margins.left;
            y += 11;
          }
          doc
            .rect(x, y + 1, 8, 8)
            .fill(item.colour)
            .fillColor("#111");
          doc.text(item.name, x + 11, y, { lineBreak: false });
          x += w2;
        }
        doc.x = doc.page.margins.left;
        doc.y = y + 14;
      }
      doc.moveDown(0.5);
      return;
    }
    case "table":
      drawTable(doc, b, width, ensure);
      return;
  }
}

/**
 * Column widths from content: each column's natural width (a text column's capped at 160 pt), all
 * scaled up to the page when they fit. When they do not, a numeric column keeps the width of its
 * widest cell, so that numbers never wrap, and the text columns share what is left; when even that
 * leaves a text column narrower than its header's longest word, the font is made smaller (to 5 pt).
 */
export function columnWidths(
  doc: PDFKit.PDFDocument,
  b: Extract<ReportBlock, { type: "table" }>,
  width: number,
): { size: number; widths: number[] } {
  const PAD = 6;
  for (let size = b.columns.length > 8 ? 6.5 : 7.5; ; size -= 0.5) {
    doc.fontSize(size);
    const cells = (i: number) => b.rows.map((r) => doc.widthOfString(r[i] ?? ""));
    // A header may wrap at its words, but not inside its longest word.
    const word = (i: number) => Math.max(...b.columns[i]!.split(/\s+/).map((w) => doc.widthOfString(w)));
    const natural = b.columns.map(
      (c, i) =>
        Math.max(doc.widthOfString(c), ...cells(i).map((w) => (b.numeric[i] ? w : Math.min(w, 160)))) + PAD,
    );
    const total = natural.reduce((a, x) => a + x, 0);
    if (total <= width) return { size, widths: natural.map((w) => (w * width) / total) };
    const least = b.columns.map((_, i) => Math.max(word(i), ...(b.numeric[i] ? cells(i) : [])) + PAD);
    const fixed = least.reduce((a, x, i) => a + (b.numeric[i] ? x : 0), 0);
    const textTotal = natural.reduce((a, x, i) => a + (b.numeric[i] ? 0 : x), 0);
    const scale = textTotal > 0 ? (width - fixed) / textTotal : 0;
    const widths = natural.map((w, i) => (b.numeric[i] ? least[i]! : Math.max(10, w * scale)));
    if (widths.every((w, i) => w >= least[i]! - 0.01) || size <= 5) return { size, widths };
  }
}

function drawTable(
  doc: PDFKit.PDFDocument,
  b: Extract<ReportBlock, { type: "table" }>,
  width: number,
  ensure: (h: number) => void,
): void {
  const left = doc.page.margins.left;
  const { size, widths } = columnWidths(doc, b, width);
  ensure(40);
  doc.fontSize(8.5).text(b.caption, left, doc.y, { width });
  doc.fontSize(size);
  const row = (cells: string[], header: boolean) => {
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 4 }))) + 4;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      if (header) doc.rect(x, y, widths[i]!, h).fill("#e8f0e8").fillColor("#111");
      doc.rect(x, y, widths[i]!, h).lineWidth(0.3).stroke("#999");
      doc.text(c, x + 2, y + 2, { width: widths[i]! - 4, align: b.numeric[i] && !header ? "right" : "left" });
      x += widths[i]!;
    });
    doc.x = left;
    doc.y = y + h;
  };
  row(b.columns, true);
  for (const r of b.rows) row(r, false);
  doc.moveDown(0.6);
}
