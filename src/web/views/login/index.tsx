import { Alert, Button, Card, Form, Input, Space, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { useLogin, useServerInfo } from "../../api/queries.ts";
import { LangToggle, useLang, withLang } from "../../app/Frame.tsx";
import { apiErrorText } from "./api-error-text.ts";
import { nextPath } from "./next-path.ts";

interface LoginFields {
  username: string;
  password: string;
}

/** The DEMO notice: the server runs demo data; the demo accounts by name (their password is never shown). */
export function DemoNotice(): ReactNode {
  const { t } = useTranslation(["web"]);
  const info = useServerInfo();
  const demo = info.data?.demo;
  if (!demo) return null;
  return (
    <Alert
      id="demo-notice"
      type="warning"
      showIcon
      title={t("web:demo.title")}
      description={
        demo.accounts.length > 0 ? (
          <>
            {t("web:demo.accounts")}{" "}
            <span className="demo-accounts">
              {demo.accounts.map((a) => (
                <code key={a}>{a}</code>
              ))}
            </span>
          </>
        ) : undefined
      }
    />
  );
}

/** `/login`: username and password; back to the page asked for once signed in. */
export default function LoginPage(): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  const [lang] = useLang();
  const { search } = useLocation();
  const navigate = useNavigate();
  const login = useLogin();
  const submit = (v: LoginFields) =>
    login.mutate(v, {
      onSuccess: (me) =>
        void navigate(
          me.user?.mustChangePassword
            ? withLang("/account/password", search)
            : withLang(nextPath(search), search),
          { replace: true },
        ),
    });
  return (
    <div className="login-page">
      <header className="login-header">
        <Typography.Title level={1} className="brand">
          MineCarbon
        </Typography.Title>
        <Space>
          <Link id="to-public" to={withLang("/public", search)}>
            {t("web:nav.public")}
          </Link>
          <LangToggle />
        </Space>
      </header>
      <Card className="login-card" title={<h2 className="login-title">{t("web:auth.title")}</h2>}>
        <Space orientation="vertical" size="middle" className="login-stack">
          <DemoNotice />
          {login.error && (
            <Alert
              id="login-error"
              type="error"
              showIcon
              role="alert"
              title={apiErrorText(t, lang, login.error)}
            />
          )}
          <Form<LoginFields> layout="vertical" onFinish={submit} requiredMark={false} name="login">
            <Form.Item
              label={t("web:auth.username")}
              name="username"
              rules={[{ required: true, message: t("web:required") }]}
            >
              <Input id="login-username" autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              label={t("web:auth.password")}
              name="password"
              rules={[{ required: true, message: t("web:required") }]}
            >
              <Input.Password id="login-password" autoComplete="current-password" />
            </Form.Item>
            <Button id="login-submit" type="primary" htmlType="submit" block loading={login.isPending}>
              {t("web:auth.signIn")}
            </Button>
          </Form>
        </Space>
      </Card>
    </div>
  );
}
