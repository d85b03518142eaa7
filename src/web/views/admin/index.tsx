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
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ACTION_IDS, type ActionId } from "../../../domain/access/actions.ts";
import { ROLE_IDS, ROLE_ORGANISATION_KIND, type RoleId } from "../../../domain/access/roles.ts";
import { LOCALE, type Lang } from "../../../presentation/i18n/lang.ts";
import { useAreas, useMe, type Area, type Me } from "../../api/queries.ts";
import { may } from "../../app/access.ts";
import { useLang } from "../../app/Frame.tsx";
import { nameIn } from "../../app/Shell.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { apiErrorText } from "../login/api-error-text.ts";
import {
  useAssignVerifier,
  usePublish,
  useCreateToken,
  useCreateUser,
  useOrganisations,
  useRegions,
  useResetPassword,
  useRevokeSession,
  useRevokeToken,
  useSessions,
  useSetUserDisabled,
  useTokens,
  useUsers,
  type OrganisationRow,
  type TokenRow,
  type UserRow,
} from "./admin-api.ts";

const NS = ["common", "web", "webViews", "access", "terms"] as const;
const ASSIGNABLE = ROLE_IDS.filter((r): r is Exclude<RoleId, "public"> => r !== "public");
const when = (lang: Lang, iso: string | null) =>
  iso ? new Date(iso).toLocaleString(LOCALE[lang], { dateStyle: "short", timeStyle: "short" }) : "—";

function RoleTags({ roles }: { roles: readonly RoleId[] }): ReactNode {
  const { t } = useTranslation(NS);
  return roles.map((r) => <Tag key={r}>{t(`access:role.${r}`)}</Tag>);
}

/** A write's failure said in the language, with the server's details (a password rule, a taken name). */
function WriteError({ error }: { error: Error | null }): ReactNode {
  const { t } = useTranslation(NS);
  const [lang] = useLang();
  if (!error) return null;
  const details = "details" in error ? (error.details as { path: string; message: string }[]) : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      className="form-note"
      title={apiErrorText(t, lang, error)}
      description={details.length ? details.map((d) => `${d.path} ${d.message}`).join("; ") : undefined}
    />
  );
}

/** A password typed twice (the second must match). */
function PasswordTwice({ prefix }: { prefix: string }): ReactNode {
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

function OrganisationsTab({ lang }: { lang: Lang }): ReactNode {
  const { t } = useTranslation(NS);
  const orgs = useOrganisations();
  if (orgs.error) return <QueryError error={orgs.error} />;
  return (
    <Table<OrganisationRow>
      id="admin-organisations"
      size="small"
      rowKey="id"
      loading={orgs.isPending}
      dataSource={orgs.data}
      scroll={{ x: "max-content" }}
      columns={[
        { key: "name", title: t("access:col.name"), render: (_v, o) => nameIn(lang, o) },
        { key: "kind", title: t("access:col.kind"), render: (_v, o) => t(`access:kind.${o.kind}`) },
        { key: "region", title: t("access:col.region"), dataIndex: "regionCode" },
        { key: "credit", title: t("access:col.creditCode"), render: (_v, o) => o.creditCode ?? "—" },
        {
          key: "status",
          title: t("access:col.status"),
          render: (_v, o) =>
            o.disabled ? <Tag color="red">{t("access:status.disabled")}</Tag> : t("access:status.active"),
        },
      ]}
    />
  );
}

interface UserFields {
  username: string;
  displayName?: string;
  organisationId: string;
  roles: RoleId[];
  password: string;
}

function UsersTab({ lang }: { lang: Lang }): ReactNode {
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

function ResetPassword({
  user,
  onClose,
  reset,
}: {
  user: UserRow | undefined;
  onClose: () => void;
  reset: ReturnType<typeof useResetPassword>;
}): ReactNode {
  const { t } = useTranslation(NS);
  const [form] = Form.useForm<{ password: string }>();
  return (
    <Modal
      open={user !== undefined}
      title={user ? `${t("webViews:admin.resetPassword")}: ${user.username}` : ""}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ id: "reset-ok", loading: reset.isPending }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("webViews:admin.resetNote")}</Typography.Paragraph>
      <WriteError error={reset.error} />
      <Form
        form={form}
        layout="vertical"
        name="reset-password"
        requiredMark={false}
        onFinish={(v) => user && reset.mutate({ id: user.id, password: v.password }, { onSuccess: onClose })}
      >
        <PasswordTwice prefix="reset" />
      </Form>
    </Modal>
  );
}

interface TokenFields {
  name: string;
  roles: RoleId[];
  actions: ActionId[];
}

function TokensTab({ lang, me }: { lang: Lang; me: Me }): ReactNode {
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

function SessionsTab({ lang }: { lang: Lang }): ReactNode {
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

function RegionsTab({ lang }: { lang: Lang }): ReactNode {
  const { t } = useTranslation(NS);
  const regions = useRegions();
  if (regions.error) return <QueryError error={regions.error} />;
  return (
    <Table
      id="admin-regions"
      size="small"
      rowKey="code"
      loading={regions.isPending}
      dataSource={regions.data}
      columns={[
        { key: "code", title: t("access:col.code"), dataIndex: "code" },
        { key: "name", title: t("access:col.name"), render: (_v, r) => nameIn(lang, r) },
      ]}
    />
  );
}

/**
 * The areas the actor may change: shown on the public portal or not, and the verification body
 * assigned to check them (chosen among the bodies the actor sees, else by its id).
 */
function AreasTab({ lang, me }: { lang: Lang; me: Me }): ReactNode {
  const { t } = useTranslation(NS);
  const areas = useAreas();
  const orgs = useOrganisations();
  const publish = usePublish();
  const assign = useAssignVerifier();
  const { message } = AntApp.useApp();
  const [bodyOf, setBodyOf] = useState<Record<string, string>>({});
  const bodies = (orgs.data ?? []).filter((o) => o.kind === "verification-body");
  if (areas.error) return <QueryError error={areas.error} />;
  const assignTo = (a: Area) => {
    const organisationId = bodyOf[a.id];
    if (organisationId)
      assign.mutate(
        { id: a.id, organisationId },
        { onSuccess: () => void message.success(t("webViews:admin.verifierAssigned")) },
      );
  };
  return (
    <>
      <WriteError error={publish.error ?? assign.error} />
      <Table<Area>
        id="admin-areas"
        size="small"
        rowKey="id"
        loading={areas.isPending}
        // The actor's organisation's own areas: a regulator reads its jurisdiction's but changes its own.
        dataSource={areas.data?.filter((a) => a.organisationId === me.organisation.id)}
        scroll={{ x: "max-content" }}
        columns={[
          { key: "name", title: t("access:col.name"), render: (_v, a) => nameIn(lang, a) },
          { key: "region", title: t("access:col.region"), dataIndex: "regionCode" },
          {
            key: "published",
            title: t("webViews:admin.published"),
            render: (_v, a) => (
              <Switch
                className="publish-switch"
                data-area={a.id}
                checked={a.published}
                loading={publish.isPending && publish.variables?.id === a.id}
                aria-label={t("webViews:admin.published")}
                onChange={(published) => publish.mutate({ id: a.id, published })}
              />
            ),
          },
          {
            key: "verifier",
            title: t("webViews:admin.assignVerifier"),
            render: (_v, a) => (
              <Space.Compact>
                {bodies.length > 0 ? (
                  <Select
                    className="verifier-select"
                    placeholder={t("access:kind.verification-body")}
                    popupMatchSelectWidth={false}
                    value={bodyOf[a.id]}
                    onChange={(v: string) => setBodyOf((b) => ({ ...b, [a.id]: v }))}
                    options={bodies.map((o) => ({ value: o.id, label: nameIn(lang, o) }))}
                  />
                ) : (
                  <Input
                    className="verifier-id"
                    placeholder={t("webViews:admin.verifierId")}
                    value={bodyOf[a.id] ?? ""}
                    onChange={(e) => setBodyOf((b) => ({ ...b, [a.id]: e.target.value.trim() }))}
                  />
                )}
                <Button disabled={!bodyOf[a.id]} loading={assign.isPending} onClick={() => assignTo(a)}>
                  {t("webViews:admin.assign")}
                </Button>
              </Space.Compact>
            ),
          },
        ]}
      />
    </>
  );
}

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
