import { defineMessages } from "./define-messages.ts";

/** Names, notes and sources of the key figures (the overview, the reports). */
export const figures = defineMessages({});
