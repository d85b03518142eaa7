import {
  FIELD_UNITS,
  specFields,
  specTitle,
  type BilingualText,
  type SpecField,
} from "../../domain/common/field-meta.ts";
import { formatBound } from "../../domain/common/input-bounds.ts";
import { defineMessages } from "../../presentation/i18n/catalogue/define-messages.ts";
import type { Lang } from "../../presentation/i18n/lang.ts";
import type { ModelSpec } from "../commands/spec-docs-command.ts";

/** The CLI's texts around the specs' own (labels, units and descriptions come from the specs). */
const TEXT = defineMessages({
  pageTitle: ["Model specs", "模型输入规范"],
  pageIntro: [
    "Every input field of every model, generated from the specs' own metadata (src/domain/common/field-meta.ts) by `minecarbon specs --lang en`; do not edit by hand. `minecarbon specs <model> --lang zh` prints one model in Chinese; `minecarbon <command> --help` lists the main fields.",
    "各模型全部输入字段，由 `minecarbon specs --lang zh` 根据模型规范自身的元数据（src/domain/common/field-meta.ts）生成；请勿手工编辑。",
  ],
  readBy: [
    "Read by `minecarbon {{command}}`; see {{doc}}.",
    "由 `minecarbon {{command}}` 读取；参见 {{doc}}。",
  ],
  field: ["field", "字段"],
  label: ["label", "名称"],
  labelZh: ["标签 (zh)", "标签"],
  type: ["type", "类型"],
  unit: ["unit", "单位"],
  range: ["range", "取值范围"],
  default: ["default", "默认值"],
  description: ["description", "说明"],
  required: ["required", "必填"],
  yes: ["yes", "是"],
  no: ["no", "否"],
  oneOf: ["one of {{values}}", "取值之一：{{values}}"],
  sameAs: ["fields as in `{{path}}`", "字段同 `{{path}}`"],
  when: ["when {{when}}", "当 {{when}} 时"],
  helpFields: [
    "Fields of the file ({{kind}}); every field with its type, range and default: minecarbon specs {{model}}{{langFlag}}",
    "文件字段（{{kind}}）；全部字段及其类型、取值范围和默认值：minecarbon specs {{model}}{{langFlag}}",
  ],
  variants: ["kinds: {{values}}", "类型：{{values}}"],
  sentence: ["{{text}}.", "{{text}}。"],
});

type Key = keyof (typeof TEXT)["en"];
/** A CLI text in `lang`, with `{{name}}` replaced. */
export function cliText(lang: Lang, key: Key, vars: Record<string, string> = {}): string {
  return TEXT[lang][key].replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? "");
}

const inLang = (t: BilingualText | undefined, lang: Lang) => (t ? t[lang] : "");
const unitText = (f: SpecField, lang: Lang) => (f.unit ? FIELD_UNITS[f.unit][lang] : "");

/** "0 – 960,000,000", "> 0 – 10", "≥ 1", "one of a, b". */
function rangeText(f: SpecField, lang: Lang): string {
  if (f.values && f.type !== "literal") return cliText(lang, "oneOf", { values: f.values.join(", ") });
  if (f.type === "literal") return String(f.values?.[0] ?? "");
  // Calendar years are written as years (2060), other numbers with grouped digits.
  const num = (n: number) => (f.unit === "year" ? String(n) : formatBound(n));
  const lo = f.min === undefined ? undefined : `${f.minExclusive ? "> " : ""}${num(f.min)}`;
  const hi = f.max === undefined ? undefined : num(f.max);
  if (lo !== undefined && hi !== undefined) return `${lo} – ${hi}`;
  if (lo !== undefined) return f.minExclusive ? lo : `≥ ${lo}`;
  if (hi !== undefined) return `≤ ${hi}`;
  return "";
}

/**
 * The fields to show: a block used again (`ref`) is shown once in full, then as one row pointing to
 * where it was first shown.
 */
function shownFields(fields: readonly SpecField[]): { field: SpecField; sameAs?: string }[] {
  const first = new Map<string, string>();
  const out: { field: SpecField; sameAs?: string }[] = [];
  let skipUnder: string | undefined;
  for (const f of fields) {
    if (skipUnder && (f.path.startsWith(`${skipUnder}.`) || f.path.startsWith(`${skipUnder}[]`))) continue;
    skipUnder = undefined;
    const seen = f.ref ? first.get(f.ref) : undefined;
    if (f.ref && !seen) first.set(f.ref, f.path);
    if (seen) skipUnder = f.path;
    out.push({ field: f, ...(seen ? { sameAs: seen } : {}) });
  }
  return out;
}

/** The other language whose label a page in this language also shows. */
const ALSO_LABEL: Readonly<Record<Lang, Lang | undefined>> = { en: "zh", zh: undefined };

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** One model's section of the reference: title, what reads it, and its fields as a table. */
export function modelSpecMarkdown(model: ModelSpec, lang: Lang): string {
  const title = specTitle(model.schema);
  // The English page also gives the Chinese label (the terms a Chinese user will meet in the forms).
  const also = ALSO_LABEL[lang];
  const head = [
    "field",
    "label",
    ...(also ? ["labelZh"] : []),
    "type",
    "unit",
    "range",
    "default",
    "description",
  ];
  const rows = shownFields(specFields(model.schema)).map(({ field: f, sameAs }) => {
    const path = `\`${f.path}\`${f.when ? ` (${cliText(lang, "when", { when: f.when })})` : ""}${
      f.optional ? "" : ` **${cliText(lang, "required", {})}**`
    }`;
    const description = sameAs ? cliText(lang, "sameAs", { path: sameAs }) : inLang(f.description, lang);
    const cells = [
      path,
      inLang(f.label, lang),
      ...(also ? [inLang(f.label, also)] : []),
      f.type,
      unitText(f, lang),
      rangeText(f, lang),
      f.default === undefined ? "" : `\`${JSON.stringify(f.default)}\``,
      description,
    ];
    return `| ${cells.map(cell).join(" | ")} |`;
  });
  return [
    `<a id="${model.id}"></a>`,
    "",
    `## ${inLang(title.label, lang)}${also ? ` — ${inLang(title.label, also)}` : ""} (\`${model.id}\`)`,
    "",
    ...(title.description ? [cliText(lang, "sentence", { text: inLang(title.description, lang) }), ""] : []),
    ...(model.command ? [cliText(lang, "readBy", { command: model.command, doc: model.doc ?? "" }), ""] : []),
    `| ${head.map((k) => cliText(lang, k as Key)).join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...rows,
    "",
  ].join("\n");
}

/** The whole reference (docs/model-specs.md): every model's fields. */
export function modelSpecsMarkdown(models: readonly ModelSpec[], lang: Lang): string {
  return [
    `# ${cliText(lang, "pageTitle")}`,
    "",
    cliText(lang, "pageIntro"),
    "",
    ...models.map((m) => modelSpecMarkdown(m, lang)),
  ].join("\n");
}

/**
 * The fields shown in a command's --help: those at most two levels deep (a measure's or a curve's
 * variants are named, not listed), with label and unit in `lang`, and where to see them all.
 */
export function fieldsHelp(model: ModelSpec, lang: Lang, langFlag: boolean): string {
  const fields = shownFields(specFields(model.schema))
    .map((s) => s.field)
    .filter((f) => !f.when && f.path.split(".").length <= 2);
  const width = Math.min(40, Math.max(...fields.map((f) => f.path.length)));
  const all = specFields(model.schema);
  const lines = fields.map((f) => {
    const unit = unitText(f, lang);
    const kinds = [...new Set(all.filter((g) => g.when && g.path.startsWith(f.path)).map((g) => g.when!))];
    const variants = kinds.length
      ? ` (${cliText(lang, "variants", { values: kinds.map((w) => w.replace(/^\w+ = /, "")).join(", ") })})`
      : "";
    const value = f.type === "literal" ? `: ${String(f.values?.[0])}` : "";
    return `  ${f.path.padEnd(width)}  ${inLang(f.label, lang)}${value}${unit ? ` [${unit}]` : ""}${variants}`;
  });
  return [
    "",
    cliText(lang, "helpFields", {
      kind: model.id,
      model: model.id,
      langFlag: langFlag ? ` --lang ${lang}` : "",
    }),
    ...lines,
  ].join("\n");
}

/**
 * What CLI options that stand for a spec field add after the field's label or description (the
 * bound and the default of the option itself).
 */
export const OPTION_TEXT = defineMessages({
  overridingFile: [", overriding the file's", "，覆盖文件中的设置"],
  budgetDraws: [", 1 to {{max}} (default 10000)", "，1 至 {{max}}（默认 10000）"],
  budgetSeed: [", 0 to {{max}} (same seed, same percentiles)", "，0 至 {{max}}（相同种子，相同百分位数）"],
  inventoryGwp: [
    ", overriding the file's (seed 002 uses SAR: CH4 = 21)",
    "，覆盖文件中的设置（种子文献 002 用 SAR：CH4 = 21）",
  ],
  inventoryDraws: [
    ", 1 to {{max}} and draws × years at most as many (default 10000)",
    "，1 至 {{max}}，且次数 × 年数不超过此数（默认 10000）",
  ],
  inventorySeed: [", 0 to {{max}} (same seed, same intervals)", "，0 至 {{max}}（相同种子，相同区间）"],
  pathwayDraws: [
    " of the baseline's activity data and factors (the 95 % interval, P2.5/P50/P97.5), 1 to {{max}}, and fewer when the pathway is large (its rows × years × (measures + 3 + draws ÷ 250) at most {{rows}})",
    "，对基准活动数据和因子抽样（95% 区间，P2.5/P50/P97.5），1 至 {{max}}；路径较大时更少（行数 × 年数 × (措施数 + 3 + 次数 ÷ 250) 不超过 {{rows}}）",
  ],
  pathwaySeed: [", 0 to {{max}}", "，0 至 {{max}}"],
});

/** A key of {@link OPTION_TEXT}. */
export type OptionTextKey = keyof (typeof OPTION_TEXT)["en"];
