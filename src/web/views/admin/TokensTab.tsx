import {
  Alert,
  App as AntApp,
  Button,
  Checkbox,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ACTION_IDS, type ActionId } from "../../../domain/access/actions.ts";
import { type RoleId } from "../../../domain/access/roles.ts";
import { type Lang } from "../../../presentation/i18n/lang.ts";
import { type Me } from "../../api/queries.ts";
import { may } from "../../app/access.ts";
import { QueryError } from "../../components/QueryError.tsx";
import { useCreateToken, useRevokeToken, useTokens, type TokenRow } from "./admin-api.ts";
import { NS } from "./ns.ts";
import { when } from "./when.ts";
import { RoleTags } from "./RoleTags.tsx";
import { WriteError } from "./WriteError.tsx";

interface TokenFields {
  name: string;
  roles: RoleId[];
  actions: ActionId[];
}

/** The organisation's API tokens: listed, created (the secret shown once) and revoked. */
export function TokensTab({ lang, me }: { lang: Lang; me: Me }): ReactNode {
  const { t } = useTranslation(NS);
  const { message } = AntApp.useApp();
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<string | undefined>();
  const [form] = Form.useForm<TokenFields>();
  /** A token never reaches further than its creator: some of their roles, some of their actions. */
  const roles = me.roles.filter((r) => r !== "public");
  const actions = me.actions.filter(
    (a) => a !== "token.manage" && a !== "user.manage" && a !== "organisation.manage",
  );
  if (tokens.error) return <QueryError error={tokens.error} />;
  return (
    <>
      {may(me, "token.manage") && (
        <Button id="token-add" type="primary" className="admin-action" onClick={() => setAdding(true)}>
          {t("webViews:admin.addToken")}
        </Button>
      )}
      {secret && (
        <Alert
          id="token-secret"
          type="success"
          showIcon
          className="form-note"
          title={t("webViews:admin.secretOnce")}
          description={
            <Space wrap>
              <Typography.Text
                code
                copyable={{ text: secret, tooltips: [t("webViews:admin.copy"), t("webViews:admin.copied")] }}
                className="secret"
              >
                {secret}
              </Typography.Text>
            </Space>
          }
          closable={{ onClose: () => setSecret(undefined) }}
        />
      )}
      <WriteError error={revoke.error} />
      <Table<TokenRow>
        id="admin-tokens"
        size="small"
        rowKey="id"
        loading={tokens.isPending}
        dataSource={tokens.data}
        scroll={{ x: "max-content" }}
        columns={[
          { key: "name", title: t("access:col.name"), dataIndex: "name" },
          { key: "roles", title: t("access:col.roles"), render: (_v, k) => <RoleTags roles={k.roles} /> },
          {
            key: "actions",
            title: t("webViews:admin.actions"),
            render: (_v, k) =>
              k.actions.map((a) => (
                <Tag key={a} title={a}>
                  {t(`terms:action.${a}`)}
                </Tag>
              )),
          },
          { key: "created", title: t("access:col.created"), render: (_v, k) => when(lang, k.createdAt) },
          { key: "used", title: t("webViews:admin.lastUsed"), render: (_v, k) => when(lang, k.lastUsedAt) },
          { key: "expires", title: t("webViews:admin.expires"), render: (_v, k) => when(lang, k.expiresAt) },
          {
            key: "revoke",
            title: "",
            render: (_v, k) =>
              k.revokedAt ? (
                <Tag>{t("webViews:admin.revoked")}</Tag>
              ) : may(me, "token.manage") ? (
                <Popconfirm title={t("webViews:admin.revokeConfirm")} onConfirm={() => revoke.mutate(k.id)}>
                  <Button size="small" danger>
                    {t("webViews:admin.revoke")}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
      <Modal
        open={adding}
        title={t("webViews:admin.addToken")}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        okButtonProps={{ id: "token-add-ok", loading: create.isPending }}
        destroyOnHidden
      >
        <WriteError error={create.error} />
        <Form<TokenFields>
          form={form}
          layout="vertical"
          name="token-add"
          requiredMark={false}
          onFinish={(v) =>
            create.mutate(
              { name: v.name, roles: v.roles, actions: v.actions, expiresAt: null },
              {
                onSuccess: (r) => {
                  setAdding(false);
                  setSecret(r.secret);
                  void message.success(t("webViews:admin.tokenCreated"));
                },
              },
            )
          }
        >
          <Form.Item
            label={t("access:col.name")}
            name="name"
            rules={[{ required: true, message: t("web:required") }]}
          >
            <Input id="token-name" />
          </Form.Item>
          <Form.Item
            label={t("access:col.roles")}
            name="roles"
            initialValue={roles}
            rules={[{ required: true, message: t("web:required") }]}
          >
            <Checkbox.Group options={roles.map((r) => ({ value: r, label: t(`access:role.${r}`) }))} />
          </Form.Item>
          <Form.Item
            label={t("webViews:admin.actions")}
            name="actions"
            rules={[{ required: true, message: t("web:required") }]}
          >
            <Select
              id="token-actions"
              mode="multiple"
              optionFilterProp="label"
              options={actions
                .filter((a) => ACTION_IDS.includes(a))
                .map((a) => ({ value: a, label: t(`terms:action.${a}`) }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
