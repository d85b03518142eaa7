import { Button, Checkbox, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ROLE_IDS, ROLE_ORGANISATION_KIND, type RoleId } from "../../../domain/access/roles.ts";
import { type Lang } from "../../../presentation/i18n/lang.ts";
import { nameIn } from "../../app/Shell.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import {
  useCreateUser,
  useOrganisations,
  useResetPassword,
  useSetUserDisabled,
  useUsers,
  type UserRow,
} from "./admin-api.ts";
import { NS } from "./ns.ts";
import { PasswordTwice } from "./PasswordTwice.tsx";
import { ResetPassword } from "./ResetPassword.tsx";
import { RoleTags } from "./RoleTags.tsx";
import { WriteError } from "./WriteError.tsx";

const ASSIGNABLE = ROLE_IDS.filter((r): r is Exclude<RoleId, "public"> => r !== "public");

interface UserFields {
  username: string;
  displayName?: string;
  organisationId: string;
  roles: RoleId[];
  password: string;
}

/** The users: listed, added, disabled or enabled, their password reset. */
export function UsersTab({ lang }: { lang: Lang }): ReactNode {
  const { t } = useTranslation(NS);
  const users = useUsers();
  const orgs = useOrganisations();
  const create = useCreateUser();
  const disable = useSetUserDisabled();
  const reset = useResetPassword();
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<UserRow | undefined>();
  const [form] = Form.useForm<UserFields>();
  const orgId = Form.useWatch("organisationId", form);
  const org = orgs.data?.find((o) => o.id === orgId);
  const roles = ASSIGNABLE.filter(
    (r) => !org || (ROLE_ORGANISATION_KIND[r] as readonly string[]).includes(org.kind),
  );
  const orgName = (id: string) => {
    const o = orgs.data?.find((x) => x.id === id);
    return o ? nameIn(lang, o) : id;
  };
  if (users.error) return <QueryError error={users.error} />;
  return (
    <>
      <Button id="user-add" type="primary" className="admin-action" onClick={() => setAdding(true)}>
        {t("webViews:admin.addUser")}
      </Button>
      <WriteError error={disable.error} />
      <Table<UserRow>
        id="admin-users"
        size="small"
        rowKey="id"
        loading={users.isPending}
        dataSource={users.data}
        scroll={{ x: "max-content" }}
        columns={[
          { key: "username", title: t("access:col.username"), dataIndex: "username" },
          { key: "name", title: t("webViews:admin.displayName"), render: (_v, u) => u.displayName ?? "—" },
          { key: "org", title: t("access:col.organisation"), render: (_v, u) => orgName(u.organisationId) },
          { key: "roles", title: t("access:col.roles"), render: (_v, u) => <RoleTags roles={u.roles} /> },
          {
            key: "status",
            title: t("access:col.status"),
            render: (_v, u) =>
              u.disabled ? (
                <Tag color="red">{t("access:status.disabled")}</Tag>
              ) : u.mustChangePassword ? (
                <Tag color="gold">{t("access:status.mustChangePassword")}</Tag>
              ) : (
                t("access:status.active")
              ),
          },
          {
            key: "actions",
            title: "",
            render: (_v, u) => (
              <Space>
                <Popconfirm
                  title={u.disabled ? t("webViews:admin.enable") : t("webViews:admin.disableConfirm")}
                  onConfirm={() => disable.mutate({ id: u.id, disabled: !u.disabled })}
                >
                  <Button size="small" danger={!u.disabled}>
                    {u.disabled ? t("webViews:admin.enable") : t("webViews:admin.disable")}
                  </Button>
                </Popconfirm>
                <Button size="small" onClick={() => setResetting(u)}>
                  {t("webViews:admin.resetPassword")}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={adding}
        title={t("webViews:admin.addUser")}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        okButtonProps={{ id: "user-add-ok", loading: create.isPending }}
        destroyOnHidden
      >
        <WriteError error={create.error} />
        <Form<UserFields>
          form={form}
          layout="vertical"
          name="user-add"
          requiredMark={false}
          onFinish={({ username, displayName, organisationId, roles: r, password }) =>
            create.mutate(
              { username, organisationId, roles: r, password, ...(displayName ? { displayName } : {}) },
              { onSuccess: () => (setAdding(false), form.resetFields()) },
            )
          }
        >
          <Form.Item
            label={t("access:col.username")}
            name="username"
            rules={[{ required: true, message: t("web:required") }]}
          >
            <Input id="user-username" autoComplete="off" />
          </Form.Item>
          <Form.Item label={t("webViews:admin.displayName")} name="displayName">
            <Input id="user-display-name" />
          </Form.Item>
          <Form.Item
            label={t("access:col.organisation")}
            name="organisationId"
            rules={[{ required: true, message: t("web:required") }]}
          >
            <Select
              id="user-organisation"
              showSearch
              optionFilterProp="label"
              options={(orgs.data ?? []).map((o) => ({ value: o.id, label: nameIn(lang, o) }))}
            />
          </Form.Item>
          <Form.Item
            label={t("access:col.roles")}
            name="roles"
            rules={[{ required: true, message: t("web:required") }]}
          >
            <Checkbox.Group options={roles.map((r) => ({ value: r, label: t(`access:role.${r}`) }))} />
          </Form.Item>
          <PasswordTwice prefix="user" />
        </Form>
      </Modal>
      <ResetPassword user={resetting} onClose={() => setResetting(undefined)} reset={reset} />
    </>
  );
}
