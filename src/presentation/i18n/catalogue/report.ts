import { defineMessages } from "./define-messages.ts";

/** Texts of the reports only (HTML and PDF). */
export const report = defineMessages({});
