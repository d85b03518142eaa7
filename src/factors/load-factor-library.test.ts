import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { factorTable, loadFactorLibrary } from "./load-factor-library.ts";
import { readFactorFile } from "./read-factor-file.ts";
import { InputError } from "../domain/validation/input-issue.ts";

const lib = loadFactorLibrary();
const byId = new Map(lib.factors.map((f) => [f.id, f]));
const tmp = mkdtempSync(join(tmpdir(), "minecarbon-factors-"));

describe("loadFactorLibrary()", () => {
  it("loads every shipped file with a versioned content hash", () => {
    expect(lib.version).toMatch(/^\d{4}\.\d+\.\d+\+[0-9a-f]{12}$/);
    expect(lib.factors.length).toBeGreaterThan(250);
  });

  it("gives every factor a source, a table or page, a status and a unit", () => {
    for (const f of lib.factors) {
      expect(f.source.length, f.id).toBeGreaterThan(3);
      expect(f.table.length, f.id).toBeGreaterThan(0);
      expect(["primary", "secondary", "unverified", "assumption"]).toContain(f.status);
    }
  });

  it("holds every row of seed 000 Table 1 with its study and range", () => {
    const rows = lib.factors.filter((f) => f.id.startsWith("seed000.t1."));
    // 14 Zhao et al. 2013 coefficients + Fang 2018, Yu 2013, Piao 2009, Zhang 2016, Sun 2010, Xie 2010
    expect(rows).toHaveLength(20);
    const cult = byId.get("seed000.t1.zhao2013.cultivated.absorption")!;
    expect([cult.low, cult.value, cult.high]).toEqual([4.55, 4.67, 4.79]);
    const mining = byId.get("seed000.t1.zhao2013.urban_industrial_mining.emission")!;
    expect([mining.low, mining.high]).toEqual([342.15, 399.84]);
    expect(byId.get("seed000.t1.piao2009.pasture.absorption")).toMatchObject({
      low: 0.029,
      high: 0.05,
      validFrom: 1980,
      validTo: 1990,
    });
    for (const study of ["zhao2013", "fang2018", "yu2013", "piao2009", "zhang2016", "sun2010", "xie2010"]) {
      expect(
        rows.some((r) => r.id.includes(study)),
        study,
      ).toBe(true);
    }
  });

  it("holds the GWP sets SAR, AR4, AR5 and AR6 with fossil and non-fossil CH4", () => {
    expect(byId.get("gwp.sar.ch4")!.value).toBe(21);
    expect(byId.get("gwp.ar4.ch4")!.value).toBe(25);
    expect(byId.get("gwp.ar5.ch4")!.value).toBe(28);
    expect(byId.get("gwp.ar6.ch4_fossil")!.value).toBe(29.8);
    expect(byId.get("gwp.ar6.ch4_nonfossil")!.value).toBe(27);
  });

  it("keeps the carbon-market and national-average grid factor series apart", () => {
    expect(byId.get("cn.grid.market.2022")!.series).toBe("MEE-carbon-market");
    expect(byId.get("cn.grid.nbs.2022.national")!.series).toBe("MEE-NBS-consumption");
    expect(byId.get("cn.grid.market.2022")!.value).not.toBe(byId.get("cn.grid.nbs.2022.national")!.value);
  });

  it("holds IPCC 2006 Tier 1 coal-mining methane factors with ranges and the flare efficiency", () => {
    expect(byId.get("ipcc06.coal.ug.mining.ch4")).toMatchObject({
      value: 18,
      low: 10,
      high: 25,
      unit: "m3 CH4/t",
    });
    expect(byId.get("ipcc06.coal.sf.mining.ch4")).toMatchObject({ value: 1.2, low: 0.3, high: 2.0 });
    expect(byId.get("ipcc06.coal.flare.efficiency")!.value).toBe(0.98);
  });

  it("holds coke-oven gas NCV as the midpoint of GB/T 2589's 16,726–17,981 kJ/m³ (it read 173.854)", () => {
    const f = byId.get("cn.fuel.cokeovengas.ncv")!;
    // (16,726 + 17,981) / 2 kJ/m³ = 17,353.5 kJ/m³ = 173.535 GJ/10⁴ m³
    expect(f).toMatchObject({ value: 173.54, low: 167.26, high: 179.81, unit: "GJ/10^4 Nm3" });
    expect(f.value).toBeCloseTo((16_726 + 17_981) / 2 / 100, 1);
  });

  it("tags statuses by one rule: compilations and press quotes secondary, uncited values assumption", () => {
    const statusOf = (id: string) => byId.get(id)!.status;
    // seed 002's own figures are primary; the tables it compiles from cited studies are secondary
    expect(statusOf("seed002.t1.coal.tce")).toBe("primary");
    for (const id of [
      "seed002.t3.spruce.a",
      "seed002.t4.poplar.b",
      "seed002.farmland.total",
      "seed002.forest_soil",
    ])
      expect(statusOf(id), id).toBe("secondary");
    // a compilation table of others' parameters is secondary
    for (const id of ["cn.bv.fang.quercus.a", "cn.bv.zhang.populus.b"])
      expect(statusOf(id), id).toBe("secondary");
    // grid factors are quoted by the press, not read in the announcements' annexes
    for (const f of lib.factors.filter((x) => x.id.startsWith("cn.grid.")))
      expect(["secondary", "unverified"], f.id).toContain(f.status);
    // a value with no citation is an assumption
    expect(statusOf("expl.anfo.co2.calc")).toBe("assumption");
    expect(statusOf("cn.landuse.cultivated")).toBe("assumption");
    // every factor citing a compilation or a press report says so and is not primary
    for (const f of lib.factors.filter((x) =>
      /as quoted in press|as tabulated in|via Li Yin|via Zhang C\.H\./.test(x.source),
    ))
      expect(f.status, f.id).not.toBe("primary");
    // a source's text read in someone else's quotation ("as quoted by", "via") is secondary
    expect(statusOf("ipcc06.afolu.cropland_annual.biomass_change")).toBe("secondary");
    for (const f of lib.factors.filter((x) => /as quoted by|\bvia\b|citing/.test(x.source)))
      expect(f.status, f.id).not.toBe("primary");
  });

  it("holds the CH4 and N2O of fuel combustion: stationary (IPCC Tables 2.2, 2.5), off-road (3.3.1), road (3.2.2)", () => {
    expect(byId.get("ipcc06.comb.offroad.diesel.n2o")).toMatchObject({ value: 28.6, unit: "kg N2O/TJ" });
    expect(byId.get("ipcc06.comb.offroad.diesel.ch4")).toMatchObject({ value: 4.15, unit: "kg CH4/TJ" });
    expect(byId.get("ipcc06.comb.residential.coal.ch4")).toMatchObject({ value: 300, table: "Table 2.5" });
    expect(byId.get("ipcc06.comb.energy.oil.n2o")!.value).toBe(0.6);
    expect(byId.get("ipcc06.comb.road.diesel.ch4")!.status).toBe("unverified");
    expect(byId.get("const.gj_per_tce")).toMatchObject({ value: 29.3076, unit: "GJ/tce" });
  });

  it("marks values not found in a source text as unverified", () => {
    expect(byId.get("cn.ndrc2015.coal.ch4_density_stp")!.status).toBe("unverified");
    expect(byId.get("cn.landuse.forest")!.status).toBe("unverified");
  });
});

describe("factorTable(userFiles)", () => {
  it("reports a user's row with a library id as an override and adds new ids", () => {
    const file = join(tmp, "mine.csv");
    writeFileSync(
      file,
      "id,quantity,value,unit,source,status\n" +
        "cn.grid.nbs.2022.prov.shanxi,Measured supplier factor,0.65,kg CO2/kWh,supplier contract 2024,primary\n" +
        "user.fert.n,Nitrogen fertiliser emission factor,4.77,t CO2/t,our measurement,secondary\n",
    );
    const table = factorTable([file]);
    expect(table.value("cn.grid.nbs.2022.prov.shanxi", "kg CO2/kWh").value).toBe(0.65);
    expect(table.usedOverrides()).toEqual([
      expect.objectContaining({ id: "cn.grid.nbs.2022.prov.shanxi", libraryValue: 0.7096, value: 0.65 }),
    ]);
    expect(table.used()[0]).toMatchObject({ overridden: true });
    expect(table.has("user.fert.n")).toBe(true);
  });

  it("readFactorFile() refuses unknown keys in a YAML factor file instead of ignoring them", () => {
    const file = join(tmp, "typo.yaml");
    writeFileSync(
      file,
      "- { id: u.x, quantity: x, value: 1, unit: t C/ha, source: s, status: primary, sauce: oops }\n",
    );
    expect(() => readFactorFile(file)).toThrow(/unknown key sauce/);
  });

  it("readFactorFile() reports every bad row with its line and column", () => {
    const file = join(tmp, "bad.csv");
    writeFileSync(
      file,
      "id,quantity,value,unit,source,status\n" +
        "a.one,A,abc,t C/ha,src,primary\n" +
        "a.two,B,1,furlongs,src,primary\n" +
        "a.three,C,1,t C/ha,src,maybe\n",
    );
    try {
      readFactorFile(file);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const paths = (e as InputError).issues.map((i) => i.path);
      expect(paths).toEqual(["line 2, column value", "line 3, column unit", "line 4, column status"]);
      expect((e as InputError).issues[1]!.message).toMatch(/known factor units .*; got "furlongs"/);
    }
  });
});
