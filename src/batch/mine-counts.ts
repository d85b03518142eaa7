import type { MineWindow } from "./mine-window.ts";

/** Class codes of a mine's window for one year: row-major, (row1 − row0) × (col1 − col0). */
export type WindowCodes = Uint8Array | Uint16Array;

/**
 * Counts of one mine over a series of years, by class code: pixels and hectares per year and code,
 * and per consecutive pair of years and code pair. Nodata pixels (in either year of a pair) are
 * counted apart, never as a class.
 */
export interface MineCounts {
  /** [year index, code, pixels, area ha], by year then code. */
  readonly classes: [number, number, number, number][];
  /** [pair index (years i → i + 1), from code, to code, pixels, area ha], by pair, from, to. */
  readonly transitions: [number, number, number, number, number][];
  /** Nodata pixels inside the mine, per year. */
  readonly nodataPixels: number[];
}

/** Distinct codes a counter keeps apart within one mine; a land-cover legend has a few dozen. */
export const MAX_CODES_PER_MINE = 256;

/**
 * Counts a mine year by year: give each year's window codes in order (`addYear`), then `result()`.
 * Memory: the tables of up to 256 distinct codes (about 1 MB), reused across mines with `reset`.
 */
export class MineCounter {
  private readonly slotOf = new Int32Array(65536).fill(-1);
  private codes: number[] = [];
  private readonly pairPx = new Float64Array(MAX_CODES_PER_MINE * MAX_CODES_PER_MINE);
  private readonly pairHa = new Float64Array(MAX_CODES_PER_MINE * MAX_CODES_PER_MINE);
  private readonly classPx = new Float64Array(MAX_CODES_PER_MINE);
  private readonly classHa = new Float64Array(MAX_CODES_PER_MINE);
  private touched: number[] = [];
  private previous: WindowCodes | undefined;
  private previousNodata: number | null = null;
  private year = 0;
  private classes: [number, number, number, number][] = [];
  private transitions: [number, number, number, number, number][] = [];
  private nodataPixels: number[] = [];

  /**
   * @param window the mine's pixels on the grid
   * @param rowAreaHa pixel area of every row of the grid, ha
   * @param label how errors name the mine
   */
  constructor(
    private window: MineWindow,
    private rowAreaHa: Float64Array,
    private label: string,
  ) {}

  /** Starts another mine with the same tables. */
  reset(window: MineWindow, label: string): void {
    for (const c of this.codes) this.slotOf[c] = -1;
    this.codes = [];
    this.previous = undefined;
    this.year = 0;
    this.classes = [];
    this.transitions = [];
    this.nodataPixels = [];
    this.window = window;
    this.label = label;
  }

  private slot(code: number): number {
    const s = this.codes.length;
    if (s >= MAX_CODES_PER_MINE)
      throw new RangeError(
        `${this.label}: more than ${MAX_CODES_PER_MINE} distinct codes inside one mine; these are not land-cover classes (check the maps)`,
      );
    this.codes.push(code);
    this.slotOf[code] = s;
    return s;
  }

  /** Counts the next year's codes of the window (`nodata` marks no data, null when the map has none). */
  addYear(codes: WindowCodes, nodata: number | null): void {
    const w = this.window;
    const width = w.col1 - w.col0;
    const prev = this.previous;
    const prevNodata = this.previousNodata;
    const { slotOf, classPx, classHa, pairPx, pairHa, touched } = this;
    classPx.fill(0);
    classHa.fill(0);
    const nd = nodata ?? -1;
    const pnd = prevNodata ?? -1;
    let nodataPx = 0;
    for (let i = 0; i < w.spans.length; i++) {
      const spans = w.spans[i]!;
      const a = this.rowAreaHa[w.row0 + i]!;
      const base = i * width - w.col0;
      for (let k = 0; k < spans.length; k += 2) {
        const end = base + spans[k + 1]!;
        for (let p = base + spans[k]!; p < end; p++) {
          const code = codes[p]!;
          if (code === nd) {
            nodataPx++;
            continue;
          }
          let s = slotOf[code]!;
          if (s < 0) s = this.slot(code);
          classPx[s]!++;
          classHa[s]! += a;
          if (prev) {
            const from = prev[p]!;
            if (from === pnd) continue;
            const key = slotOf[from]! * MAX_CODES_PER_MINE + s;
            if (pairPx[key]!++ === 0) touched.push(key);
            pairHa[key]! += a;
          }
        }
      }
    }
    const byCode = this.codes.map((c, s) => [c, s] as const).sort((x, y) => x[0] - y[0]);
    for (const [code, s] of byCode)
      if (classPx[s]! > 0) this.classes.push([this.year, code, classPx[s]!, classHa[s]!]);
    if (prev) {
      const rows = touched.map((key) => {
        const from = this.codes[Math.floor(key / MAX_CODES_PER_MINE)]!;
        const to = this.codes[key % MAX_CODES_PER_MINE]!;
        return [this.year - 1, from, to, pairPx[key]!, pairHa[key]!] as [
          number,
          number,
          number,
          number,
          number,
        ];
      });
      rows.sort((x, y) => x[1] - y[1] || x[2] - y[2]);
      this.transitions.push(...rows);
      for (const key of touched) {
        pairPx[key] = 0;
        pairHa[key] = 0;
      }
      touched.length = 0;
    }
    this.nodataPixels.push(nodataPx);
    this.previous = codes;
    this.previousNodata = nodata;
    this.year++;
  }

  /** The counts so far. */
  result(): MineCounts {
    return { classes: this.classes, transitions: this.transitions, nodataPixels: this.nodataPixels };
  }
}
