import { Alert, Button, Card, Form, Input } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { useChangePassword, useMe } from "../../api/queries.ts";
import { useLang, withLang } from "../../app/Frame.tsx";
import { ApiError } from "../../api/client.ts";
import { domainText } from "../../../presentation/i18n/domain-text.ts";
import { apiErrorText } from "./api-error-text.ts";

interface PasswordFields {
  currentPassword: string;
  newPassword: string;
  again: string;
}

/**
 * `/account/password`: a new password typed twice, with the current one. Forced when an
 * administrator set the password (Me's `mustChangePassword`): the app shows nothing else until it
 * is changed. The server's rules (length, not the username…) come back as its problems.
 */
export default function ChangePasswordPage(): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  const [lang] = useLang();
  const me = useMe();
  const change = useChangePassword();
  const navigate = useNavigate();
  const { search } = useLocation();
  const forced = me.data?.user?.mustChangePassword ?? false;
  const all = change.error instanceof ApiError ? change.error.details : [];
  // The current password refused: said at its field, in the language. The new one's problems follow the title.
  const currentWrong = all.some((d) => d.path === "current");
  const details = all.filter((d) => d.path !== "current");
  return (
    <Card className="password-card" title={<h2 className="login-title">{t("web:auth.changePassword")}</h2>}>
      {forced && (
        <Alert id="must-change" type="info" showIcon title={t("web:auth.mustChange")} className="form-note" />
      )}
      {change.isSuccess && (
        <Alert
          id="password-changed"
          type="success"
          showIcon
          title={t("web:auth.passwordChanged")}
          className="form-note"
        />
      )}
      {change.error && (
        <Alert
          id="password-error"
          type="error"
          showIcon
          role="alert"
          className="form-note"
          title={apiErrorText(t, lang, change.error)}
          description={
            details.length
              ? details.map((d, i) => <div key={i}>{domainText(lang, d.message)}</div>)
              : undefined
          }
        />
      )}
      <Form<PasswordFields>
        layout="vertical"
        requiredMark={false}
        name="password"
        onFinish={(v) =>
          change.mutate(
            { current: v.currentPassword, new: v.newPassword },
            { onSuccess: () => void navigate(withLang("/", search), { replace: true }) },
          )
        }
      >
        <Form.Item
          label={t("web:auth.currentPassword")}
          name="currentPassword"
          rules={[{ required: true, message: t("web:required") }]}
          {...(currentWrong ? { validateStatus: "error" as const, help: t("web:auth.currentWrong") } : {})}
        >
          <Input.Password id="current-password" autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t("web:auth.newPassword")}
          name="newPassword"
          rules={[{ required: true, message: t("web:required") }]}
        >
          <Input.Password id="new-password" autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t("web:auth.passwordAgain")}
          name="again"
          dependencies={["newPassword"]}
          rules={[
            { required: true, message: t("web:required") },
            ({ getFieldValue }) => ({
              validator: (_r, v: string) =>
                !v || getFieldValue("newPassword") === v
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("web:auth.passwordsDiffer"))),
            }),
          ]}
        >
          <Input.Password id="new-password-again" autoComplete="new-password" />
        </Form.Item>
        <Button id="password-submit" type="primary" htmlType="submit" loading={change.isPending}>
          {t("web:auth.changePassword")}
        </Button>
      </Form>
    </Card>
  );
}
