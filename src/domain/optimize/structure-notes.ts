import type { StructureProblem } from "./structure-problem.ts";

const fmt = (v: number, d = 0) => v.toLocaleString("en-US", { maximumFractionDigits: d });

/**
 * What the result counts and holds fixed, in words for the output: the coal land floors and the
 * factor they come from, the energy use held at fixed coal output, the soil change on conversion
 * (or that none is counted), then the reader's own notes.
 */
export function structureNotes(p: StructureProblem): string[] {
  const notes: string[] = [];
  const cl = p.coalLand;
  if (cl) {
    notes.push(
      `coal output ${fmt(cl.coalOutputTPerYr)} t/yr with land open ${fmt(cl.years, 2)} yr before reclamation: ${cl.floors
        .map(
          (f) => `${f.keys.join(" + ")} ≥ ${fmt(f.rhsHa, 2)} ha (${f.factorId}, ${f.haPer10kt} ha per 10⁴ t)`,
        )
        .join("; ")} — floors the model always has, so the land the output needs cannot be shrunk below them`,
    );
    const held = p.classes.filter((c) => (c.heldEnergyTCPerHaYr ?? 0) !== 0);
    if (held.length) {
      const total = held.reduce((s, c) => s + c.currentHa * c.heldEnergyTCPerHaYr!, 0);
      notes.push(
        `energy use of ${held.map((c) => c.name).join(", ")} held at its current ${fmt(total)} t C/yr: the emission coefficient stands for energy used on construction land (seed 000 Table 1, Zhao et al. 2013), and at a fixed coal output that energy does not shrink with the land; only their other coefficients move with their areas`,
      );
    }
  }
  if (p.soil)
    notes.push(
      `soil organic carbon changes on conversion by IPCC 2006 Vol. 4 Ch. 2 Eq. 2.25 (SOC = SOC_REF × F_LU × F_MG × F_I per class), spread over D = ${fmt(p.soil.transitionYears, 2)} yr (${p.soil.source}): the net sink at the optimum holds for the D years after the change, losses (e.g. grassland → cropland) and gains alike`,
    );
  else
    notes.push(
      "no soil carbon change on conversion is counted (no soil: block): converting grassland or forest to cropland loses soil carbon that this optimum does not see",
    );
  return [...notes, ...(p.notes ?? [])];
}
