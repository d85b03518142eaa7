import { createHash } from "node:crypto";
import {
  createReadStream,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  closeSync,
  renameSync,
  rmSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";
import type { DataFolder } from "../data-folder.ts";

/**
 * Evidence files of annual reports (issue 13): PDF, PNG, JPEG, XLSX and CSV, recognised by their
 * first bytes (never by the name a client gives), at most EVIDENCE_MAX_BYTES each, stored once per
 * content in the data folder under their SHA-256 (`files/evidence/ab/abcdef…`).
 */

/**
 * Largest evidence file: 20 MiB. A scanned multi-page certificate or a year's metering spreadsheet
 * is 1–10 MB; larger scans should be split. The server's general upload limit still applies when
 * it is smaller.
 */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

export const EVIDENCE_TYPES = [
  { mediaType: "application/pdf", extension: "pdf", what: "PDF" },
  { mediaType: "image/png", extension: "png", what: "PNG image" },
  { mediaType: "image/jpeg", extension: "jpg", what: "JPEG image" },
  {
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extension: "xlsx",
    what: "XLSX spreadsheet",
  },
  { mediaType: "text/csv", extension: "csv", what: "CSV table" },
] as const;
export type EvidenceMediaType = (typeof EVIDENCE_TYPES)[number]["mediaType"];

const startsWith = (head: Buffer, bytes: readonly number[]) =>
  head.length >= bytes.length && bytes.every((b, i) => head[i] === b);

/**
 * The media type of a file from its first bytes: PDF (`%PDF-`), PNG (its 8-byte signature), JPEG
 * (FF D8 FF), XLSX (a ZIP whose first entry belongs to an Office Open XML package:
 * `[Content_Types].xml`, `_rels/` or `xl/`), CSV (text: valid UTF-8, no NUL or other control
 * bytes besides tab, CR and LF, and a separator on its first line). Undefined for anything else —
 * an executable renamed .pdf stays what it is.
 */
export function sniffEvidenceType(head: Buffer): EvidenceMediaType | undefined {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf";
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) && head.length > 30) {
    const nameLength = head.readUInt16LE(26);
    const name = head.subarray(30, 30 + nameLength).toString("latin1");
    if (
      name === "[Content_Types].xml" ||
      name.startsWith("_rels/") ||
      name.startsWith("xl/") ||
      name.startsWith("docProps/")
    )
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    return undefined;
  }
  if (head.length === 0) return undefined;
  // Text: cut at the last complete character so that a multi-byte one split by the sample passes.
  let end = head.length;
  while (end > 0 && end > head.length - 4 && (head[end - 1]! & 0xc0) === 0x80) end--;
  if (end > 0 && head[end - 1]! >= 0xc0) end--;
  const sample = head.subarray(0, end);
  for (const b of sample) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return undefined;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(sample);
    const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
    if (/[,;\t]/.test(firstLine)) return "text/csv";
  } catch {
    return undefined;
  }
  return undefined;
}

/** The first bytes of a file (enough for every signature above and a CSV's first lines). */
export function fileHead(path: string, bytes = 4096): Buffer {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Where a file of this hash lies, relative to the data folder. */
export const evidencePath = (sha256: string) => join("files", "evidence", sha256.slice(0, 2), sha256);

/**
 * Moves a checked temporary file into the data folder under its hash (kept when the same bytes
 * are there already) and answers the path relative to the folder.
 */
export function storeEvidence(folder: DataFolder, temp: string, sha256: string): string {
  const rel = evidencePath(sha256);
  const target = join(folder.root, rel);
  if (existsSync(target)) rmSync(temp, { force: true });
  else {
    mkdirSync(dirname(target), { recursive: true });
    renameSync(temp, target);
  }
  return relative(folder.root, target);
}

/** Removes a stored file no evidence row refers to any longer. */
export function removeEvidenceFile(folder: DataFolder, path: string): void {
  rmSync(join(folder.root, path), { force: true });
}

/** A file name safe for a content-disposition header and storage: no path, no control characters. */
export function cleanFileName(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? "";
  const cleaned = [...base]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c !== "\u007f" && c !== '"')
    .join("")
    .trim()
    .slice(0, 255);
  return cleaned === "" ? fallback : cleaned;
}

/** A content-disposition header naming the file (RFC 6266 with an RFC 5987 UTF-8 name). */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/[\\"]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
