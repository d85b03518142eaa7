import type { z } from "zod";
import { specFields, type SpecField } from "../../domain/common/field-meta.ts";
import { coefficientBudgetSchema, stockChangeSchema } from "../../domain/budget/budget-spec.ts";
import { uncertaintySpec } from "../../domain/factor/uncertainty/uncertainty-spec.ts";
import { inventorySchema } from "../../domain/mine/inventory-spec.ts";
import { structureProblemSchema } from "../../domain/optimize/structure-problem.ts";
import { scenarioSchema } from "../../domain/pathway/scenario-spec.ts";
import type { Lang } from "../../presentation/i18n/lang.ts";
import { describeValue, InputError } from "../../domain/validation/input-issue.ts";
import {
  fieldsHelp,
  modelSpecMarkdown,
  modelSpecsMarkdown,
  OPTION_TEXT,
  type OptionTextKey,
} from "../format/spec-text.ts";

/** A model spec the CLI reads: its id (the document's `kind`), the command and doc, and its schema. */
export interface ModelSpec {
  readonly id: string;
  readonly command?: string;
  readonly doc?: string;
  readonly schema: z.core.$ZodType;
}

/** Every model spec, in the order of the reference (docs/model-specs.md). */
export const MODEL_SPECS: readonly ModelSpec[] = [
  { id: "mine-inventory", command: "inventory", doc: "docs/mine-inventory.md", schema: inventorySchema },
  { id: "pathway-scenario", command: "pathway", doc: "docs/pathways.md", schema: scenarioSchema },
  {
    id: "land-use-budget",
    command: "budget",
    doc: "docs/land-use-budget.md",
    schema: coefficientBudgetSchema,
  },
  { id: "stock-change", command: "budget", doc: "docs/stock-change.md", schema: stockChangeSchema },
  {
    id: "landuse-structure",
    command: "optimize",
    doc: "docs/structure-optimization.md",
    schema: structureProblemSchema,
  },
  { id: "uncertainty", schema: uncertaintySpec },
];

/** The models a command reads (budget reads two kinds). */
export const modelsOf = (command: string) => MODEL_SPECS.filter((m) => m.command === command);

function modelById(id: string): ModelSpec {
  const m = MODEL_SPECS.find((s) => s.id === id || s.command === id);
  if (!m)
    throw new InputError("minecarbon specs", [
      {
        path: "<model>",
        message: `must be one of ${MODEL_SPECS.map((s) => s.id).join(", ")} (or a command: inventory, pathway, budget, optimize); got ${describeValue(id)}`,
      },
    ]);
  return m;
}

/**
 * `minecarbon specs [model]`: the reference of every model's input fields (or one model's) as
 * Markdown, from the specs' own metadata; `json` gives specFields(...) instead.
 */
export function runSpecs(model: string | undefined, o: { lang: Lang; json?: boolean }): string {
  const models = model ? [modelById(model)] : MODEL_SPECS;
  if (o.json)
    return `${JSON.stringify(
      Object.fromEntries(models.map((m) => [m.id, specFields(m.schema)])),
      null,
      2,
    )}\n`;
  return model ? modelSpecMarkdown(models[0]!, o.lang) : modelSpecsMarkdown(models, o.lang);
}

/** The fields part of a command's --help: the main fields of each model it reads. */
export function commandFieldsHelp(command: string, lang: Lang, langFlag: boolean): string {
  return modelsOf(command)
    .map((m) => fieldsHelp(m, lang, langFlag))
    .join("\n");
}

/** One field of a model by path (for option descriptions that are spec fields). */
export function specField(modelId: string, path: string): SpecField {
  const f = specFields(modelById(modelId).schema).find((x) => x.path === path);
  if (!f) throw new Error(`no field ${path} in ${modelId}`);
  return f;
}

/**
 * The --help text of an option that stands for a spec field: the field's label (or description) in
 * `lang`, then what the option adds (its bound and default).
 */
export function specOptionText(
  ref: { model: string; path: string; use: "label" | "description"; rest: OptionTextKey },
  lang: Lang,
  vars: Record<string, string> = {},
): string {
  const f = specField(ref.model, ref.path);
  const head = (ref.use === "label" ? f.label : f.description)?.[lang] ?? ref.path;
  return head + OPTION_TEXT[lang][ref.rest].replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? "");
}
