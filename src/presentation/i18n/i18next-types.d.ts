import type { CATALOGUE } from "./index.ts";

// Keys passed to `t` are checked against the catalogue at compile time.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: (typeof CATALOGUE)["en"];
  }
}
