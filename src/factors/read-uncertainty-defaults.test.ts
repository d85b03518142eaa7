import { describe, expect, it } from "vitest";
import { ACTIVITY_KINDS } from "../domain/factor/uncertainty/uncertainty-default.ts";
import { factorUncertainty } from "../domain/factor/uncertainty/uncertain-input.ts";
import { InputError } from "../domain/validation/input-issue.ts";
import { factorTable, loadFactorLibrary } from "./load-factor-library.ts";
import { parseUncertaintyDefaults } from "./read-uncertainty-defaults.ts";

const HEADER = "id,applies_to,match,exact,low_pct,high_pct,source,table,status,note\n";

describe("the default-uncertainty registry (uncertainty-defaults.csv)", () => {
  const defaults = loadFactorLibrary().uncertaintyDefaults;

  it("ships with the library: every row sourced, every activity kind but three covered", () => {
    expect(defaults.length).toBeGreaterThan(15);
    for (const d of defaults) expect(d.source.length).toBeGreaterThan(10);
    const covered = new Set(defaults.filter((d) => d.appliesTo === "activity").map((d) => d.match));
    // No sourced default for metered heat, stand volumes or CO2 stored: taken as exact and named.
    expect(ACTIVITY_KINDS.filter((k) => !covered.has(k))).toEqual(["heat", "stand-volume", "ccs-stored"]);
  });

  it("tags a default primary only where the source gives it for this use; a tier applied by analogy is an assumption", () => {
    const statusOf = (id: string) => defaults.find((d) => d.id === id)!.status;
    // EU 601/2012 Annex II Table 1 gives tiers for the amount of fuel burned at an installation: primary
    // for fuel and coal burned; applied to coal output, vehicles' fuel, explosives, farm inputs or a
    // mine's drainage and ventilation gas (a tier said of flare gas), it is an analogy (assumption).
    expect(statusOf("ad.fuel")).toBe("primary");
    expect(statusOf("ad.coal")).toBe("primary");
    for (const id of [
      "ad.coal-output",
      "ad.transport-fuel",
      "ad.explosives",
      "ad.agricultural-input",
      "ad.gas-measured",
      "f.production-methane-mass",
      "f.production-methane-volume",
    ])
      expect(statusOf(id), id).toBe("assumption");
    for (const d of defaults.filter((x) => /by analogy|applied (here )?to/.test(x.source)))
      expect(d.status, d.id).toBe("assumption");
  });

  it("gives a factor its own range first, else the default for its kind, else none", () => {
    const t = factorTable();
    // IPCC Tier 1 underground factor 18 (10–25): its own range, as a 95 % interval.
    expect(factorUncertainty(t, "ipcc06.coal.ug.mining.ch4")).toMatchObject({
      basis: "range",
      lowPct: (8 / 18) * 100,
      highPct: (7 / 18) * 100,
    });
    expect(factorUncertainty(t, "ipcc06.comb.offroad.diesel.n2o")).toMatchObject({
      basis: "default",
      defaultId: "f.combustion-n2o",
      lowPct: 67,
      highPct: 200,
    });
    expect(factorUncertainty(t, "gwp.ar5.ch4")).toMatchObject({ basis: "convention", lowPct: 0 });
    expect(factorUncertainty(t, "const.c_to_co2")).toMatchObject({ basis: "definition" });
    expect(factorUncertainty(t, "cn.grid.nbs.2022.prov.shanxi")).toMatchObject({ basis: "none", lowPct: 0 });
  });

  it("refuses a bad row, naming line and column", () => {
    const bad = (row: string) => {
      try {
        parseUncertaintyDefaults(HEADER + row, "u.csv");
        return undefined;
      } catch (e) {
        return (e as InputError).issues;
      }
    };
    expect(bad("ad.x,activity,wood,,5,5,src text,-,primary,\n")![0]).toMatchObject({
      path: "line 2, column match",
      message: expect.stringMatching(/^must be an activity kind/),
    });
    expect(bad("f.x,factor,unit:furlongs,,5,5,src text,-,primary,\n")![0]!.message).toMatch(/factor unit/);
    expect(bad("f.x,factor,id:([,,5,5,src text,-,primary,\n")![0]!.message).toMatch(/regular expression/);
    expect(bad("f.x,factor,id:^a,,150,5,src text,-,primary,\n")![0]!.path).toBe("line 2, column low_pct");
    expect(bad("f.x,factor,id:^a,,5,5,src text,-,sure,\n")![0]!.path).toBe("line 2, column status");
    expect(bad("f.x,factor,id:^a,,5,5,src text,-,primary,\n")).toBeUndefined();
  });
});
