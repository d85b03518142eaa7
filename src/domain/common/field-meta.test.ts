import { z } from "zod";
import { describe, expect, it } from "vitest";
import { coefficientBudgetSchema, stockChangeSchema } from "../budget/budget-spec.ts";
import { uncertaintySpec } from "../factor/uncertainty/uncertainty-spec.ts";
import { inventorySchema } from "../mine/inventory-spec.ts";
import { structureProblemSchema } from "../optimize/structure-problem.ts";
import { scenarioSchema } from "../pathway/scenario-spec.ts";
import { field, fieldMeta, fieldsWithoutMeta, specFields } from "./field-meta.ts";

/** Every model spec whose fields are input (issue 11 item 3). */
const MODEL_SPECS = {
  inventory: inventorySchema,
  scenario: scenarioSchema,
  "land-use budget": coefficientBudgetSchema,
  "stock change": stockChangeSchema,
  "structure problem": structureProblemSchema,
  uncertainty: uncertaintySpec,
};

describe("specFields(schema)", () => {
  const doc = z.strictObject({
    a: field(z.number().min(1).max(5), "ha", ["area", "面积"]).default(2),
    b: z
      .array(z.strictObject({ c: field(z.enum(["x", "y"]), "", ["choice", "选项"]).optional() }))
      .meta(fieldMeta({ unit: "", label: ["rows", "行"] })),
    r: field(z.record(z.string(), field(z.number().int().positive(), "t", ["mass", "质量"])), "", [
      "by key",
      "按键",
    ]),
    u: z
      .discriminatedUnion("kind", [
        z.strictObject({
          kind: field(z.literal("p"), "", ["P", "甲"]),
          p: field(z.string(), "", ["p", "乙"]),
        }),
      ])
      .meta(fieldMeta({ unit: "", label: ["variant", "变体"] })),
  });

  it("reads paths, units, labels, ranges, enums and defaults through wrappers", () => {
    const f = Object.fromEntries(specFields(doc).map((x) => [`${x.path}${x.when ? `|${x.when}` : ""}`, x]));
    expect(Object.keys(f)).toEqual(["a", "b", "b[].c", "r", "r.*", "u", "u.kind|kind = p", "u.p|kind = p"]);
    expect(f.a).toMatchObject({
      type: "number",
      unit: "ha",
      label: { en: "area", zh: "面积" },
      min: 1,
      max: 5,
    });
    expect(f.a).toMatchObject({ default: 2, optional: true, container: false });
    expect(f["b[].c"]).toMatchObject({ type: "enum", values: ["x", "y"], optional: true });
    expect(f.b).toMatchObject({ type: "object[]", container: true });
    expect(f["r.*"]).toMatchObject({ type: "integer", unit: "t", min: 0, minExclusive: true });
    expect(f["u.kind|kind = p"]).toMatchObject({ type: "literal", values: ["p"] });
  });

  it("puts the metadata into zod's JSON Schema (title, description, x-unit, x-label)", () => {
    const json = z.toJSONSchema(doc, { io: "input" }) as {
      properties: Record<string, Record<string, unknown>>;
    };
    expect(json.properties.a).toMatchObject({ title: "area", "x-unit": "ha", "x-label": { zh: "面积" } });
  });

  it("lists a field without label or unit", () => {
    const bare = z.strictObject({ n: z.number(), m: field(z.number(), "t", ["m", "米"]) });
    expect(fieldsWithoutMeta(bare)).toEqual(["n: label en+zh, unit"]);
  });
});

describe("every model spec carries metadata on every input field", () => {
  for (const [model, schema] of Object.entries(MODEL_SPECS))
    it(`${model}: every field has a label in en and zh, every leaf a unit`, () => {
      expect(fieldsWithoutMeta(schema)).toEqual([]);
      expect(specFields(schema).length).toBeGreaterThan(3);
    });

  it("labels in Chinese are Chinese", () => {
    for (const schema of Object.values(MODEL_SPECS))
      for (const f of specFields(schema)) expect(f.label!.zh, f.path).toMatch(/[\u4e00-\u9fff]/);
  });
});
