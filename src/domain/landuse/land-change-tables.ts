import { changeComponents } from "./change-components.ts";
import { comprehensiveDynamicDegree, singleDynamicDegree } from "./dynamic-degree.ts";
import {
  categoryIntensity,
  gainTransitionIntensity,
  intervalIntensity,
  lossTransitionIntensity,
  stationarity,
  type ZeroChangeRule,
} from "./intensity-analysis.ts";
import type { LegendClass } from "./legend.ts";
import { columnTotals, matrixTotal, rowTotals, type TransferMatrix } from "./transfer-matrix.ts";

/**
 * The tables of a land-change analysis, as rows ready for CSV and JSON: class areas per date,
 * transitions (multistep and one-step), intensity analysis at three levels with stationarity,
 * change components (per class, and overall per interval) and dynamic degrees. Every number is in pixels, ha, % or % per year, as named.
 */
export function landChangeTables(
  classes: readonly LegendClass[],
  multistep: readonly TransferMatrix[],
  onestep: TransferMatrix,
  rule: ZeroChangeRule,
) {
  const byCode = new Map(classes.map((c) => [c.code, c]));
  const nameOf = (code: number) => byCode.get(code)?.name ?? String(code);
  const years = [multistep[0]!.fromYear, ...multistep.map((m) => m.toYear)];
  const classRows = years.flatMap((year, d) => {
    const m = d < multistep.length ? multistep[d]! : multistep[d - 1]!;
    const side = d < multistep.length ? "row" : "col";
    const px = side === "row" ? rowTotals(m, "pixels") : columnTotals(m, "pixels");
    const ha = side === "row" ? rowTotals(m, "areaHa") : columnTotals(m, "areaHa");
    const total = ha.reduce((s, x) => s + x, 0);
    return m.codes.map((code, i) => ({
      year,
      code,
      class: nameOf(code),
      pixels: px[i]!,
      area_ha: ha[i]!,
      percent: total > 0 ? (ha[i]! / total) * 100 : 0,
    }));
  });
  const transitions = (m: TransferMatrix) => {
    const k = m.codes.length;
    const total = matrixTotal(m, "areaHa");
    const out = [];
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++) {
        const px = m.pixels[i * k + j]!;
        if (px === 0) continue;
        out.push({
          from_year: m.fromYear,
          to_year: m.toYear,
          from_code: m.codes[i]!,
          to_code: m.codes[j]!,
          from_class: nameOf(m.codes[i]!),
          to_class: nameOf(m.codes[j]!),
          pixels: px,
          area_ha: m.areaHa[i * k + j]!,
          percent: total > 0 ? (m.areaHa[i * k + j]! / total) * 100 : 0,
        });
      }
    return out;
  };
  const interval = intervalIntensity(multistep, "areaHa").map((r) => ({
    from_year: r.fromYear,
    to_year: r.toYear,
    percent_change: r.percentChange,
    St_percent_per_year: r.St,
    U_percent_per_year: r.U,
    pace: r.pace,
  }));
  const categoryPerInterval = multistep.map((m) => categoryIntensity(m, "areaHa"));
  const category = categoryPerInterval.flat().map((r) => ({
    from_year: r.fromYear,
    to_year: r.toYear,
    code: r.code,
    class: nameOf(r.code),
    gain_ha: r.gain,
    loss_ha: r.loss,
    G_percent_per_year: r.G,
    L_percent_per_year: r.L,
    St_percent_per_year: r.St,
    gain_state: r.gainState,
    loss_state: r.lossState,
  }));
  const codes = onestep.codes;
  const transition = multistep.flatMap((m) =>
    codes.flatMap((target) => [
      ...gainTransitionIntensity(m, target, "areaHa").map((r) => ({ level: "gain" as const, r, target })),
      ...lossTransitionIntensity(m, target, "areaHa").map((r) => ({ level: "loss" as const, r, target })),
    ]),
  );
  const transitionRows = transition.map(({ level, r, target }) => ({
    from_year: r.fromYear,
    to_year: r.toYear,
    level,
    category_code: target,
    category: nameOf(target),
    other_code: r.code,
    other: nameOf(r.code),
    size_ha: r.size,
    rate_percent_per_year: r.rate,
    uniform_percent_per_year: r.uniform,
    state: r.state,
  }));
  const stat = {
    gain: stationarity(
      categoryPerInterval.map((rows) =>
        rows.map((r) => ({ code: r.code, size: r.gain, state: r.gainState })),
      ),
      "active",
      "dormant",
      rule,
    ),
    loss: stationarity(
      categoryPerInterval.map((rows) =>
        rows.map((r) => ({ code: r.code, size: r.loss, state: r.lossState })),
      ),
      "active",
      "dormant",
      rule,
    ),
    transitionGain: codes.map((n) => ({
      category_code: n,
      rows: stationarity(
        multistep.map((m) =>
          gainTransitionIntensity(m, n, "areaHa").map((r) => ({
            code: r.code,
            size: r.size,
            state: r.state,
          })),
        ),
        "targeted",
        "avoided",
        rule,
      ),
    })),
  };
  const componentsOf = (m: TransferMatrix, kind: "multistep" | "onestep") => {
    const { classes: cc, overall } = changeComponents(m, "areaHa");
    const single = singleDynamicDegree(m);
    return [
      ...cc.map((c, i) => ({
        kind,
        from_year: m.fromYear,
        to_year: m.toYear,
        code: c.code as number | "all",
        class: nameOf(c.code),
        start_ha: c.start,
        end_ha: c.end,
        gain_ha: c.gain,
        loss_ha: c.loss,
        net_change_ha: c.netChange,
        persistence_ha: c.persistence,
        swap_ha: c.swap,
        quantity_ha: c.quantity,
        exchange_ha: c.exchange,
        shift_ha: c.shift,
        allocation_ha: c.exchange + c.shift,
        dynamic_degree_percent_per_year: single[i]!.percentPerYear,
      })),
      {
        kind,
        from_year: m.fromYear,
        to_year: m.toYear,
        code: "all" as const,
        class: "all classes",
        start_ha: overall.total,
        end_ha: overall.total,
        gain_ha: overall.totalChange,
        loss_ha: overall.totalChange,
        net_change_ha: 0,
        persistence_ha: overall.persistence,
        swap_ha: overall.exchange + overall.shift,
        quantity_ha: overall.quantity,
        exchange_ha: overall.exchange,
        shift_ha: overall.shift,
        allocation_ha: overall.allocation,
        dynamic_degree_percent_per_year: comprehensiveDynamicDegree(m),
      },
    ];
  };
  const components = [
    ...multistep.flatMap((m) => componentsOf(m, "multistep")),
    ...(multistep.length > 1 ? componentsOf(onestep, "onestep") : []),
  ];
  // The overall components of each interval as a table of their own (diffeR's overallComponentsPlot,
  // Pontius & Santacruz 2014): total change D = quantity Q + exchange E + shift S, in ha and in % of
  // the area analysed.
  const overallOf = (m: TransferMatrix, kind: "multistep" | "onestep") => {
    const { overall: o } = changeComponents(m, "areaHa");
    const pct = (v: number) => (o.total > 0 ? (v / o.total) * 100 : 0);
    return {
      kind,
      from_year: m.fromYear,
      to_year: m.toYear,
      years: m.toYear - m.fromYear,
      area_ha: o.total,
      total_change_ha: o.totalChange,
      quantity_ha: o.quantity,
      exchange_ha: o.exchange,
      shift_ha: o.shift,
      allocation_ha: o.allocation,
      persistence_ha: o.persistence,
      total_change_percent: pct(o.totalChange),
      quantity_percent: pct(o.quantity),
      exchange_percent: pct(o.exchange),
      shift_percent: pct(o.shift),
    };
  };
  const componentsOverall = [
    ...multistep.map((m) => overallOf(m, "multistep")),
    ...(multistep.length > 1 ? [overallOf(onestep, "onestep")] : []),
  ];
  return {
    classes: classRows,
    transitionsMultistep: multistep.flatMap(transitions),
    transitionsOnestep: transitions(onestep),
    intensityInterval: interval,
    intensityCategory: category,
    intensityTransition: transitionRows,
    stationarity: stat,
    components,
    componentsOverall,
  };
}
