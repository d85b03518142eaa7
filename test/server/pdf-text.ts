import { inflateSync } from "node:zlib";

/*
 * Just enough of a PDF reader to check what pdfkit wrote: its streams (inflated), the pages, and the
 * text of the content streams decoded through the fonts' ToUnicode maps (pdfkit writes text in an
 * embedded font as hex glyph codes of 2 bytes). Not a general PDF parser.
 */

function streams(pdf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let at = 0;
  for (;;) {
    const start = pdf.indexOf("stream\n", at);
    if (start < 0) return out;
    const end = pdf.indexOf("\nendstream", start);
    const dictFrom = pdf.lastIndexOf(" obj", start);
    const dict = pdf.subarray(dictFrom, start).toString("latin1");
    const data = pdf.subarray(start + "stream\n".length, end);
    out.push(dict.includes("/FlateDecode") ? inflateSync(data) : data);
    at = end + "\nendstream".length;
  }
}

/** Glyph code (hex) → text, from every ToUnicode CMap in the file. */
function unicodeMap(all: readonly Buffer[]): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => Buffer.from(hex.replace(/\s+/g, ""), "hex").swap16().toString("utf16le");
  for (const s of all) {
    const text = s.toString("latin1");
    if (!text.includes("begincmap")) continue;
    for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
      for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
        map.set(parseInt(m[1]!, 16), utf16(m[2]!));
    for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
      for (const m of block[1]!.matchAll(
        /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g,
      )) {
        const lo = parseInt(m[1]!, 16);
        const hi = parseInt(m[2]!, 16);
        const dst = m[3]!;
        if (dst.startsWith("[")) {
          const items = [...dst.matchAll(/<([0-9a-fA-F\s]+)>/g)].map((x) => utf16(x[1]!));
          items.forEach((v, i) => map.set(lo + i, v));
        } else {
          const first = parseInt(dst.slice(1, -1), 16);
          for (let c = lo; c <= hi; c++) map.set(c, String.fromCodePoint(first + c - lo));
        }
      }
  }
  return map;
}

/** The number of pages and the text of the PDF, each text operation on its own line. */
export function pdfText(pdf: Buffer): { pages: number; text: string } {
  const all = streams(pdf);
  const map = unicodeMap(all);
  const lines: string[] = [];
  for (const s of all) {
    const content = s.toString("latin1");
    if (!/\bBT\b/.test(content)) continue;
    for (const op of content.matchAll(/(\[[^\]]*\]|<[0-9a-fA-F]*>)\s*T[Jj]/g)) {
      const hex = [...op[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => x[1]!).join("");
      let line = "";
      for (let i = 0; i + 4 <= hex.length; i += 4)
        line += map.get(parseInt(hex.slice(i, i + 4), 16)) ?? "\uFFFD";
      lines.push(line);
    }
  }
  const pages = (pdf.toString("latin1").match(/\/Type \/Page\b(?!s)/g) ?? []).length;
  return { pages, text: lines.join("\n") };
}
