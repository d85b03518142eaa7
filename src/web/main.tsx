// First: configures zod before any schema of the contract is built or used.
import "./app/zod-config.ts";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App, createQueryClient } from "./app/App.tsx";
import "ol/ol.css";
import "./app/app.css";
import { createI18n } from "./app/i18n.ts";
import { initialLang } from "./app/lang.ts";
import { createRouter } from "./app/router.tsx";

/** Where the app is served. */
const BASENAME = "/";

const i18n = createI18n(initialLang(location.search));
createRoot(document.getElementById("app")!).render(
  <StrictMode>
    <App router={createRouter(BASENAME)} i18n={i18n} queryClient={createQueryClient()} />
  </StrictMode>,
);
