/**
 * A namespace of the catalogue written as `key: [english, chinese]`, one line per message, so a
 * missing translation is visible where the message is written; returned as the per-language
 * objects i18next reads. Interpolation uses i18next's `{{name}}`.
 */
export function defineMessages<const M extends Record<string, readonly [string, string]>>(
  messages: M,
): { readonly en: { readonly [K in keyof M]: string }; readonly zh: { readonly [K in keyof M]: string } } {
  const en: Record<string, string> = {};
  const zh: Record<string, string> = {};
  for (const [key, [e, z]] of Object.entries(messages)) {
    en[key] = e;
    zh[key] = z;
  }
  return { en, zh } as { en: { [K in keyof M]: string }; zh: { [K in keyof M]: string } };
}
