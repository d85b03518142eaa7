import { defineMessages } from "./define-messages.ts";

/** Texts of the web app only. */
export const web = defineMessages({});
