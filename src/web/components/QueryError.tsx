import { Alert } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.ts";

/** A failed load shown where its content would be, with the server's message and details. */
export function QueryError({ error }: { error: Error }): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  const details = error instanceof ApiError ? error.details : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t("web:loadFailed", { message: error.message })}
      description={
        details.length > 0 ? (
          <ul className="error-details">
            {details.map((d) => (
              <li key={`${d.path}:${d.message}`}>
                {d.path ? <code>{d.path}</code> : null} {d.message}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
