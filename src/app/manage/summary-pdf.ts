import PDFDocument from "pdfkit";
import { formatNumber } from "../../presentation/i18n.ts";
import { cjkFontPath } from "../../report/chart-svg.ts";
import { columnWidths } from "../../report/report-pdf.ts";
import { columnsFor, SUMMARY_DIGITS, type SummaryDocument, type SummaryTable } from "./summary-tables.ts";

const MARGIN = 36;

/**
 * The annual summary as a PDF (A4 landscape), set in Noto Sans SC as the reports are (embedded as a
 * subset, so Chinese renders on any reader): the title, the time and the note, then each table as a
 * section, its header row repeated on each page it runs onto; the column widths as the reports
 * size them (report-pdf.ts columnWidths). The mines' table leaves out the columns only the XLSX has
 * (its open flags are one column of text here); an empty table says so.
 */
export async function summaryPdf(d: SummaryDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: MARGIN,
    info: { Title: d.title, Creator: "MineCarbon" },
    bufferPages: true,
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((r) => doc.on("end", () => r()));
  doc.registerFont("body", cjkFontPath());
  doc.font("body");
  const width = doc.page.width - 2 * MARGIN;
  doc.fillColor("#111").fontSize(16).text(d.title, { width });
  doc.moveDown(0.2).fontSize(9).fillColor("#444").text(d.generated, { width });
  doc.moveDown(0.2).text(d.note, { width });
  doc.moveDown(0.6);
  for (const t of d.tables) drawTable(doc, columnsFor(t, "pdf"), width, d);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Below the bottom margin pdfkit would start a new page: lift the margin for the footer.
    doc.page.margins.bottom = 0;
    doc
      .fontSize(7.5)
      .fillColor("#666")
      .text(`MineCarbon · ${d.title} · ${i + 1}/${range.count}`, MARGIN, doc.page.height - MARGIN + 12, {
        width,
        align: "center",
        lineBreak: false,
      });
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

function drawTable(doc: PDFKit.PDFDocument, t: SummaryTable, width: number, d: SummaryDocument): void {
  const left = doc.page.margins.left;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const text = t.rows.map((r) =>
    r.map((v, i) => {
      const kind = t.columns[i]!.kind;
      if (v === null) return "–";
      if (typeof v !== "number" || kind === "text" || kind === "year") return String(v);
      return formatNumber(d.lang, v, SUMMARY_DIGITS[kind]);
    }),
  );
  const block = {
    type: "table" as const,
    caption: t.name,
    columns: t.columns.map((c) => c.header),
    rows: text,
    numeric: t.columns.map((c) => c.kind !== "text"),
  };
  if (doc.y + 60 > bottom()) doc.addPage();
  doc.fillColor("#111").fontSize(12).text(t.name, left, doc.y, { width });
  doc.moveDown(0.3);
  if (text.length === 0) {
    doc.fontSize(9).text(d.none, { width });
    doc.moveDown(0.8);
    return;
  }
  const { size, widths } = columnWidths(doc, block, width);
  doc.fontSize(size);
  const height = (cells: readonly string[]) =>
    Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 4 }))) + 4;
  const row = (cells: readonly string[], header: boolean) => {
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      const h = height(cells);
      if (header) doc.rect(x, y, widths[i]!, h).fill("#e8f0e8").fillColor("#111");
      doc.rect(x, y, widths[i]!, h).lineWidth(0.3).stroke("#999");
      doc.fillColor("#111").text(c, x + 2, y + 2, {
        width: widths[i]! - 4,
        align: block.numeric[i] && !header ? "right" : "left",
      });
      x += widths[i]!;
    });
    doc.x = left;
    doc.y = y + height(cells);
  };
  row(block.columns, true);
  for (const r of text) {
    if (doc.y + height(r) > bottom()) {
      doc.addPage();
      doc.fontSize(size);
      row(block.columns, true);
    }
    row(r, false);
  }
  doc.moveDown(0.8);
}
