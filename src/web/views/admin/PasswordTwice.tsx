import { Form, Input } from "antd";
import { type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { NS } from "./ns.ts";

/** A password typed twice (the second must match). */
export function PasswordTwice({ prefix }: { prefix: string }): ReactNode {
  const { t } = useTranslation(NS);
  return (
    <>
      <Form.Item
        label={t("web:auth.newPassword")}
        name="password"
        rules={[{ required: true, message: t("web:required") }]}
      >
        <Input.Password id={`${prefix}-password`} autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label={t("web:auth.passwordAgain")}
        name="again"
        dependencies={["password"]}
        rules={[
          { required: true, message: t("web:required") },
          ({ getFieldValue }) => ({
            validator: (_r, v: string) =>
              !v || getFieldValue("password") === v
                ? Promise.resolve()
                : Promise.reject(new Error(t("web:auth.passwordsDiffer"))),
          }),
        ]}
      >
        <Input.Password id={`${prefix}-again`} autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
