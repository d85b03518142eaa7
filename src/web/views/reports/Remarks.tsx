import { Form, Typography } from "antd";
import { createContext, useContext, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { FieldRemark } from "./content-fields.ts";
import { REPORT_NS } from "./content-fields.ts";

/** The reviewer's comments and the verifier's findings of the report, by field path. */
export const RemarksContext = createContext<ReadonlyMap<string, readonly FieldRemark[]>>(new Map());

/** The remarks on one field, shown under it (nothing when it has none). */
export function Remarks({ path }: { path: string }): ReactNode {
  const { t } = useTranslation(REPORT_NS);
  const remarks = useContext(RemarksContext).get(path) ?? [];
  if (remarks.length === 0) return null;
  return (
    <ul className="field-remarks" data-path={path}>
      {remarks.map((r, i) => (
        <li key={i} className={`field-remark by-${r.by}`}>
          <Typography.Text type="warning">
            <strong>
              {t(r.by === "reviewer" ? "reportsWeb:remark.reviewer" : "reportsWeb:remark.verifier")}
            </strong>{" "}
            {r.text}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}

/** A labelled field of the report's content with its remarks beneath it (marked when it has any). */
export function Field({
  path,
  label,
  children,
}: {
  path: string;
  label: ReactNode;
  children: ReactNode;
}): ReactNode {
  const has = (useContext(RemarksContext).get(path) ?? []).length > 0;
  return (
    <div className="report-field" data-path={path}>
      <Form.Item
        label={label}
        validateStatus={has ? "warning" : undefined}
        extra={has ? <Remarks path={path} /> : undefined}
      >
        {children}
      </Form.Item>
    </div>
  );
}
