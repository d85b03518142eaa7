import { Tabs, Typography } from "antd";
import { type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../api/queries.ts";
import { may } from "../../app/access.ts";
import { useLang } from "../../app/Frame.tsx";
import { NS } from "./ns.ts";
import { AreasTab } from "./AreasTab.tsx";
import { OrganisationsTab } from "./OrganisationsTab.tsx";
import { RegionsTab } from "./RegionsTab.tsx";
import { SessionsTab } from "./SessionsTab.tsx";
import { TokensTab } from "./TokensTab.tsx";
import { UsersTab } from "./UsersTab.tsx";

/**
 * `/admin`: organisations, users, API tokens, sessions and regions — each tab for who may manage
 * it (an administrator all; an enterprise editor its organisation's API tokens). Only the open
 * tab asks the API.
 */
export default function AdminView(): ReactNode {
  const { t } = useTranslation(NS);
  const [lang] = useLang();
  const me = useMe();
  if (!me.data) return null;
  const m = me.data;
  const tabs = [
    may(m, "organisation.manage") && {
      key: "organisations",
      label: t("webViews:admin.organisations"),
      children: <OrganisationsTab lang={lang} />,
    },
    may(m, "user.manage") && {
      key: "users",
      label: t("webViews:admin.users"),
      children: <UsersTab lang={lang} />,
    },
    may(m, "token.manage") && {
      key: "tokens",
      label: t("webViews:admin.tokens"),
      children: <TokensTab lang={lang} me={m} />,
    },
    may(m, "user.manage") && {
      key: "sessions",
      label: t("webViews:admin.sessions"),
      children: <SessionsTab lang={lang} />,
    },
    may(m, "area.update") && {
      key: "areas",
      label: t("webViews:admin.areas"),
      children: <AreasTab lang={lang} me={m} />,
    },
    may(m, "organisation.manage") && {
      key: "regions",
      label: t("webViews:admin.regions"),
      children: <RegionsTab lang={lang} />,
    },
  ].filter((x) => x !== false);
  return (
    <div className="admin-view">
      <Typography.Title level={2}>{t("web:nav.admin")}</Typography.Title>
      <Tabs id="admin-tabs" items={tabs} destroyOnHidden />
    </div>
  );
}
