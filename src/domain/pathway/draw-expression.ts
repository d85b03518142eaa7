/**
 * Plain numeric expressions of Monte Carlo draws, evaluated over typed arrays: what a scenario is
 * compiled into once so that each draw is arithmetic, not a recomputed inventory.
 *
 * An expression is a sum of entries c × M × N: c a number, M a monomial (a product of drawn ratios,
 * each to the power 1 or −1; the empty product is 1) and N optionally a node, max(0, e) of an earlier
 * expression e — the one non-linear step a pathway takes (methane left for oxidisers, CO2 left for
 * CCS). Everything is exact: a product of two drawn factors is a monomial of both, never a linearisation.
 */

/** One entry of an expression: `coef` × monomial `mono` × node `node` (−1: none). */
interface Entry {
  readonly coef: number;
  readonly mono: number;
  readonly node: number;
}

/** A sum of entries; build it with the methods of DrawExpressions. */
export class DrawExpression {
  /** Entries by (monomial, node): like terms are added together. */
  readonly entries = new Map<string, Entry>();

  add(coef: number, mono: number, node = -1): this {
    if (coef === 0) return this;
    const k = `${mono}|${node}`;
    const had = this.entries.get(k);
    this.entries.set(k, { coef: (had?.coef ?? 0) + coef, mono, node });
    return this;
  }

  /** Adds `scale` × `other`. */
  plus(other: DrawExpression, scale = 1): this {
    if (scale === 0) return this;
    for (const e of other.entries.values()) this.add(e.coef * scale, e.mono, e.node);
    return this;
  }
}

/** Compiled expression: parallel arrays, read in one pass per draw batch. */
interface Packed {
  readonly coef: Float64Array;
  readonly mono: Int32Array;
  readonly node: Int32Array;
}

const pack = (e: DrawExpression): Packed => {
  const list = [...e.entries.values()].filter((x) => x.coef !== 0);
  return {
    coef: Float64Array.from(list, (x) => x.coef),
    mono: Int32Array.from(list, (x) => x.mono),
    node: Int32Array.from(list, (x) => x.node),
  };
};

/**
 * The monomials and nodes of one compiled model over `inputs` drawn ratios (their order is the
 * order of the ratio arrays given to `evaluate`).
 */
export class DrawExpressions {
  readonly inputs: number;
  /** Each monomial as (input, power) pairs sorted by input; monomial 0 is the constant 1. */
  readonly #monos: (readonly (readonly [number, number])[])[] = [[]];
  readonly #monoIds = new Map<string, number>([["", 0]]);
  readonly #nodes: Packed[] = [];

  constructor(inputs: number) {
    this.inputs = inputs;
  }

  /** The monomial of the drawn ratios `factors` (input index and power; repeats multiply). */
  mono(factors: readonly (readonly [number, number])[]): number {
    const powers = new Map<number, number>();
    for (const [i, p] of factors) {
      if (!(i >= 0 && i < this.inputs)) throw new Error(`internal: drawn input ${i} out of range`);
      powers.set(i, (powers.get(i) ?? 0) + p);
    }
    const list = [...powers].filter(([, p]) => p !== 0).sort((a, b) => a[0] - b[0]);
    const key = list.map(([i, p]) => `${i}^${p}`).join(",");
    let id = this.#monoIds.get(key);
    if (id === undefined) {
      id = this.#monos.length;
      this.#monos.push(list);
      this.#monoIds.set(key, id);
    }
    return id;
  }

  /** The product of two monomials. */
  times(a: number, b: number): number {
    return this.mono([...this.#monos[a]!, ...this.#monos[b]!]);
  }

  /** A constant expression. */
  constant(v: number): DrawExpression {
    return new DrawExpression().add(v, 0);
  }

  /** `e` with every entry multiplied by monomial `mono`. */
  timesMono(e: DrawExpression, mono: number, scale = 1): DrawExpression {
    const out = new DrawExpression();
    for (const x of e.entries.values()) out.add(x.coef * scale, this.times(x.mono, mono), x.node);
    return out;
  }

  /** max(0, e) as a new node (evaluated after every node it uses), as an expression. */
  max0(e: DrawExpression): DrawExpression {
    this.#nodes.push(pack(e));
    return new DrawExpression().add(1, 0, this.#nodes.length - 1);
  }

  get monomialCount(): number {
    return this.#monos.length;
  }

  get nodeCount(): number {
    return this.#nodes.length;
  }

  /** Entries summed to evaluate every node once. */
  get nodeEntries(): number {
    return this.#nodes.reduce((a, p) => a + p.coef.length, 0);
  }

  /**
   * An evaluator of `outputs` for batches of draws: `ratios[i][d]` is input i's ratio to its central
   * value in draw d (of `count`); returns one array per output (views of buffers reused by the next call).
   */
  evaluator(
    outputs: readonly DrawExpression[],
  ): (ratios: readonly Float64Array[], count: number) => Float64Array[] {
    const monos = this.#monos.map((m) => m.slice());
    const nodes = [...this.#nodes];
    const packed = outputs.map(pack);
    let size = 0;
    let monoVals: Float64Array[] = [];
    let nodeVals: Float64Array[] = [];
    let outVals: Float64Array[] = [];
    const sum = (out: Float64Array, p: Packed, n: number) => {
      out.fill(0, 0, n);
      for (let k = 0; k < p.coef.length; k++) {
        const c = p.coef[k]!;
        const m = p.mono[k]!;
        const j = p.node[k]!;
        if (m === 0 && j < 0) {
          for (let d = 0; d < n; d++) out[d]! += c;
        } else if (j < 0) {
          const M = monoVals[m]!;
          for (let d = 0; d < n; d++) out[d]! += c * M[d]!;
        } else if (m === 0) {
          const N = nodeVals[j]!;
          for (let d = 0; d < n; d++) out[d]! += c * N[d]!;
        } else {
          const M = monoVals[m]!;
          const N = nodeVals[j]!;
          for (let d = 0; d < n; d++) out[d]! += c * M[d]! * N[d]!;
        }
      }
    };
    return (ratios, count) => {
      if (ratios.length !== this.inputs)
        throw new Error(`internal: ${ratios.length} ratio arrays for ${this.inputs} drawn inputs`);
      if (count > size) {
        size = count;
        monoVals = monos.map(() => new Float64Array(size));
        nodeVals = nodes.map(() => new Float64Array(size));
        outVals = packed.map(() => new Float64Array(size));
      }
      monos.forEach((list, m) => {
        if (m === 0) return;
        const out = monoVals[m]!;
        out.fill(1, 0, count);
        for (const [i, p] of list) {
          const r = ratios[i]!;
          if (p === 1) for (let d = 0; d < count; d++) out[d]! *= r[d]!;
          else for (let d = 0; d < count; d++) out[d]! *= r[d]! ** p;
        }
      });
      nodes.forEach((p, j) => {
        const out = nodeVals[j]!;
        sum(out, p, count);
        for (let d = 0; d < count; d++) if (out[d]! < 0) out[d] = 0;
      });
      packed.forEach((p, o) => sum(outVals[o]!, p, count));
      return outVals.map((v) => v.subarray(0, count));
    };
  }
}
