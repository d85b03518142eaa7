import { Button, Popconfirm, Table } from "antd";
import { type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { type Lang } from "../../../presentation/i18n/lang.ts";
import { QueryError } from "../../components/QueryError.tsx";
import { useRevokeSession, useSessions } from "./admin-api.ts";
import { NS } from "./ns.ts";
import { when } from "./when.ts";
import { WriteError } from "./WriteError.tsx";

/** The open sessions, each revocable (confirmed). */
export function SessionsTab({ lang }: { lang: Lang }): ReactNode {
  const { t } = useTranslation(NS);
  const sessions = useSessions();
  const revoke = useRevokeSession();
  if (sessions.error) return <QueryError error={sessions.error} />;
  return (
    <>
      <WriteError error={revoke.error} />
      <Table
        id="admin-sessions"
        size="small"
        rowKey="id"
        loading={sessions.isPending}
        dataSource={sessions.data?.filter((s) => !s.revokedAt)}
        scroll={{ x: "max-content" }}
        columns={[
          { key: "user", title: t("access:col.username"), dataIndex: "username" },
          { key: "created", title: t("access:col.created"), render: (_v, s) => when(lang, s.createdAt) },
          { key: "seen", title: t("webViews:admin.lastSeen"), render: (_v, s) => when(lang, s.lastSeenAt) },
          { key: "expires", title: t("webViews:admin.expires"), render: (_v, s) => when(lang, s.expiresAt) },
          { key: "address", title: t("webViews:audit.address"), render: (_v, s) => s.address ?? "—" },
          {
            key: "revoke",
            title: "",
            render: (_v, s) => (
              <Popconfirm title={t("webViews:admin.revokeConfirm")} onConfirm={() => revoke.mutate(s.id)}>
                <Button size="small" danger>
                  {t("webViews:admin.revoke")}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </>
  );
}
