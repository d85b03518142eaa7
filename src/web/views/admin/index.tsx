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
import { may, mayOn } from "../../app/access.ts";
import { useLang } from "../../app/Frame.tsx";
import { nameIn } from "../../app/Shell.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { domainText } from "../../../presentation/i18n/domain-text.ts";
import { apiErrorText } from "../login/api-error-text.ts";
import {
  useAreaVerifiers,
  useAssignVerifier,
  usePublish,
  useUnassignVerifier,
  useVerificationBodies,
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

/**
 * One of the server's problems with a write: a known one (a password rule) in the language, which
 * names its field itself; any other after its field's path, as the server wrote it.
 */
function detailText(lang: Lang, d: { path: string; message: string }): string {
  const said = domainText(lang, d.message);
  return said !== d.message ? said : `${d.path} ${d.message}`;
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
      description={details.length ? details.map((d) => detailText(lang, d)).join("; ") : undefined}
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
 * An area's verification bodies: those assigned, each with its removal (confirmed), and a choice
 * of the enabled bodies, searchable by name, to assign another.
 */
function AreaVerifiers({ area, lang }: { area: Area; lang: Lang }): ReactNode {
  const { t } = useTranslation(NS);
  const { message } = AntApp.useApp();
  const bodies = useVerificationBodies();
  const assigned = useAreaVerifiers(area.id);
  const assign = useAssignVerifier();
  const unassign = useUnassignVerifier();
  const [chosen, setChosen] = useState<string | undefined>();
  const taken = new Set((assigned.data ?? []).map((b) => b.id));
  const error = bodies.error ?? assigned.error;
  return (
    <div className="area-verifiers" data-area={area.id}>
      {error && <QueryError error={error} />}
      <WriteError error={assign.error ?? unassign.error} />
      <ul className="verifier-list">
        {assigned.data?.length === 0 && (
          <li className="no-verifier">
            <Typography.Text type="secondary">{t("webViews:admin.noVerifier")}</Typography.Text>
          </li>
        )}
        {assigned.data?.map((b) => (
          <li key={b.id} className="verifier" data-body={b.id}>
            <span className="verifier-name">{nameIn(lang, b)}</span>
            <Popconfirm
              title={t("webViews:admin.unassignConfirm", { name: nameIn(lang, b) })}
              okButtonProps={{ className: "verifier-remove-ok" }}
              onConfirm={() =>
                unassign.mutateAsync(
                  { id: area.id, organisationId: b.id },
                  { onSuccess: () => void message.success(t("webViews:admin.verifierUnassigned")) },
                )
              }
            >
              <Button
                size="small"
                type="link"
                danger
                className="verifier-remove"
                loading={unassign.isPending && unassign.variables?.organisationId === b.id}
              >
                {t("webViews:admin.unassign")}
              </Button>
            </Popconfirm>
          </li>
        ))}
      </ul>
      <Space.Compact>
        <Select
          className="verifier-select"
          style={{ minWidth: 180 }}
          showSearch={{ optionFilterProp: "label" }}
          placeholder={t("webViews:admin.chooseBody")}
          aria-label={t("webViews:admin.chooseBody")}
          popupMatchSelectWidth={false}
          loading={bodies.isPending}
          value={chosen}
          onChange={(v: string) => setChosen(v)}
          options={(bodies.data ?? [])
            .filter((b) => !taken.has(b.id))
            .map((b) => ({ value: b.id, label: nameIn(lang, b) }))}
        />
        <Button
          className="verifier-assign"
          disabled={!chosen}
          loading={assign.isPending}
          onClick={() =>
            chosen &&
            assign.mutate(
              { id: area.id, organisationId: chosen },
              {
                onSuccess: () => {
                  setChosen(undefined);
                  void message.success(t("webViews:admin.verifierAssigned"));
                },
              },
            )
          }
        >
          {t("webViews:admin.assign")}
        </Button>
      </Space.Compact>
    </div>
  );
}

/**
 * The areas the actor may change: shown on the public portal or not, and the verification bodies
 * assigned to check them.
 */
function AreasTab({ lang, me }: { lang: Lang; me: Me }): ReactNode {
  const { t } = useTranslation(NS);
  const areas = useAreas();
  const publish = usePublish();
  if (areas.error) return <QueryError error={areas.error} />;
  return (
    <>
      <WriteError error={publish.error} />
      <Table<Area>
        id="admin-areas"
        size="small"
        rowKey="id"
        loading={areas.isPending}
        // The areas the actor may change (its organisation's own): a regulator reads its
        // jurisdiction's but changes only its own department's.
        dataSource={areas.data?.filter((a) => mayOn(me, "area.update", a))}
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
            title: t("webViews:admin.verifiers"),
            render: (_v, a) => <AreaVerifiers area={a} lang={lang} />,
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
