import { Alert } from "antd";
import { type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { type Lang } from "../../../presentation/i18n/lang.ts";
import { useLang } from "../../app/Frame.tsx";
import { domainText } from "../../../presentation/i18n/domain-text.ts";
import { apiErrorText } from "../login/api-error-text.ts";
import { NS } from "./ns.ts";

/**
 * One of the server's problems with a write: a known one (a password rule) in the language, which
 * names its field itself; any other after its field's path, as the server wrote it.
 */
function detailText(lang: Lang, d: { path: string; message: string }): string {
  const said = domainText(lang, d.message);
  return said !== d.message ? said : `${d.path} ${d.message}`;
}

/** A write's failure said in the language, with the server's details (a password rule, a taken name). */
export function WriteError({ error }: { error: Error | null }): ReactNode {
  const { t } = useTranslation(NS);
  const [lang] = useLang();
  if (!error) return null;
  const details = "details" in error ? (error.details as { path: string; message: string }[]) : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      className="form-note"
      title={apiErrorText(t, lang, error)}
      description={details.length ? details.map((d) => detailText(lang, d)).join("; ") : undefined}
    />
  );
}
