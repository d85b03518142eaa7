import { Alert } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { domainText } from "../../../presentation/i18n/domain-text.ts";
import { useLang } from "../../app/Frame.tsx";
import { apiErrorText } from "../login/api-error-text.ts";
import { labelOf, REPORT_NS, type ContentField } from "./content-fields.ts";

/**
 * A refused write or event said in the language (its error code's title), each of the server's
 * problems after the label of the field it names (or its path), in the server's words unless the
 * catalogue knows them.
 */
export function EventError({
  error,
  fields,
  id = "report-error",
}: {
  error: Error | null;
  fields: readonly ContentField[];
  id?: string;
}): ReactNode {
  const { t } = useTranslation(REPORT_NS);
  const [lang] = useLang();
  if (!error) return null;
  const details = "details" in error ? (error.details as { path: string; message: string }[]) : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      id={id}
      className="form-error"
      title={apiErrorText(t as never, lang, error)}
      description={
        details.length > 0 ? (
          <ul className="error-details">
            {details.map((d) => (
              <li key={`${d.path}:${d.message}`} data-path={d.path}>
                {d.path ? <strong>{labelOf(fields, d.path)}</strong> : null} {domainText(lang, d.message)}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
