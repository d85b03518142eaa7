import { defineMessages } from "./define-messages.ts";

/** Texts the API answers in the asked language (`?lang=`): warnings, labels of generated files. */
export const api = defineMessages({});
