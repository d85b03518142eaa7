import { MenuOutlined } from "@ant-design/icons";
import { Badge, Button, Dropdown, Grid, Layout, Menu, Select, Space, Spin, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, Outlet, useLocation, useNavigate, useParams } from "react-router";
import { className } from "../../presentation/i18n.ts";
import { useAreas, useLogout, useMe, type Me } from "../api/queries.ts";
import { QueryError } from "../components/QueryError.tsx";
import { useUnreadCount } from "../views/inbox/inbox-api.ts";
import { may, mayAdmin, mayAudit, mayView } from "./access.ts";
import { Frame, LangToggle, useLang, withLang } from "./Frame.tsx";
import { VIEWS, viewPath, type View } from "./views.ts";

export { useLang } from "./Frame.tsx";

/** The label of each view (the shared catalogue's words where they exist). */
const VIEW_LABEL = {
  overview: "overview",
  map: "map",
  charts: "charts",
  plan: "plan",
  data: "data",
  inventory: "web:view.inventory",
} as const satisfies Record<View, string>;

/** The view shown, from the path (`/areas/:areaId/<view>`). */
function currentView(pathname: string): View | undefined {
  const seg = pathname.split("/")[3];
  return VIEWS.find((v) => v === seg);
}

/** A name stored in both languages, in the page's (the shared `className`, which the portal and the reports use). */
export const nameIn = className;

/** The signed-in user's menu: name, organisation, roles in the language, and signing out. */
function UserMenu({ me }: { me: Me }): ReactNode {
  const { t } = useTranslation(["common", "web", "access"]);
  const [lang] = useLang();
  const navigate = useNavigate();
  const { search } = useLocation();
  const logout = useLogout();
  const who = me.user ? (me.user.displayName ?? me.user.username) : t("web:auth.apiToken");
  const signOut = () =>
    logout.mutate(undefined, {
      onSettled: () => void navigate(withLang("/login", search), { replace: true }),
    });
  return (
    <Dropdown
      trigger={["click"]}
      // Under the button's right edge: the button sits at the header's right, the menu stays on the screen.
      placement="bottomRight"
      menu={{
        items: [
          {
            key: "who",
            disabled: true,
            label: (
              <div className="user-card" id="user-card">
                <div className="user-org">{nameIn(lang, me.organisation)}</div>
                <div className="user-region">{nameIn(lang, me.organisation.region)}</div>
                <div className="user-roles">
                  {me.roles.map((r) => (
                    <Tag key={r} data-role={r}>
                      {t(`access:role.${r}`)}
                    </Tag>
                  ))}
                </div>
              </div>
            ),
          },
          { type: "divider" },
          ...(me.user
            ? [
                {
                  key: "password",
                  label: (
                    <Link to={withLang("/account/password", search)}>{t("web:auth.changePassword")}</Link>
                  ),
                },
              ]
            : []),
          { key: "sign-out", label: <span id="sign-out">{t("web:auth.signOut")}</span>, onClick: signOut },
        ],
      }}
    >
      <Button id="user-menu" className="user-menu" loading={logout.isPending} title={who}>
        <span className="user-menu-name">{who}</span>
      </Button>
    </Dropdown>
  );
}

/** The signed-in app's frame: header (name, area, views, administration, language, user) around the view. */
export function Shell(): ReactNode {
  return (
    <Frame>
      <SignedIn />
    </Frame>
  );
}

function SignedIn(): ReactNode {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Spin className="page-spin" />;
  if (me.error) return <QueryError error={me.error} />;
  if (me.data.user?.mustChangePassword) {
    if (location.pathname !== "/account/password")
      return <Navigate replace to={withLang("/account/password", location.search)} />;
    return <ForcedLayout me={me.data} />;
  }
  return <ShellLayout me={me.data} key={me.data.user?.id ?? me.data.token?.id} />;
}

/**
 * While the password an administrator set is not changed, the server answers nothing else (403):
 * the frame shows only the change page, the language and the user menu (to sign out).
 */
function ForcedLayout({ me }: { me: Me }): ReactNode {
  return (
    <Layout className="shell">
      <Layout.Header className="shell-header">
        <Typography.Title level={1} className="brand">
          MineCarbon
        </Typography.Title>
        <Space className="tools" size="middle" wrap>
          <LangToggle />
          <UserMenu me={me} />
        </Space>
      </Layout.Header>
      <Layout.Content className="view" id="view">
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}

/**
 * The header's links: administration and the audit trail (for who may), the public portal and the
 * API documentation. In a row on a wide screen; in a menu behind one button on a phone, so that the
 * header keeps to two rows (name and area; menu, language and user).
 */
function NavLinks({ me, narrow }: { me: Me; narrow: boolean }): ReactNode {
  const { t } = useTranslation(["common", "web", "manage"]);
  const location = useLocation();
  const top = location.pathname.split("/")[1];
  const unread = useUnreadCount(may(me, "inbox.read"));
  const linkClass = (on: boolean) => (on ? "nav-link active" : "nav-link");
  const links = [
    may(me, "mine.read") && (
      <Link id="nav-manage" className={linkClass(top === "manage")} to={withLang("/manage", location.search)}>
        {t("manage:web.title")}
      </Link>
    ),
    may(me, "annual-report.read") && (
      <Link
        id="nav-reports"
        className={linkClass(top === "reports")}
        to={withLang("/reports", location.search)}
      >
        {t("manage:web.nav.reports")}
      </Link>
    ),
    may(me, "inbox.read") && (
      <Link
        id="nav-inbox"
        className={linkClass(top === "inbox")}
        style={{ marginRight: 12 }}
        to={withLang("/inbox", location.search)}
      >
        {/* The count beside the word, not over it. */}
        <Badge count={unread.data ?? 0} size="small" offset={[14, 0]} id="nav-inbox-count">
          <span style={{ color: "inherit", paddingRight: 4 }}>{t("manage:web.inbox.title")}</span>
        </Badge>
      </Link>
    ),
    mayAdmin(me) && (
      <Link id="nav-admin" className={linkClass(top === "admin")} to={withLang("/admin", location.search)}>
        {t("web:nav.admin")}
      </Link>
    ),
    mayAudit(me) && (
      <Link id="nav-audit" className={linkClass(top === "audit")} to={withLang("/audit", location.search)}>
        {t("web:nav.audit")}
      </Link>
    ),
    <Link id="nav-public" className="nav-link" to={withLang("/public", location.search)}>
      {t("web:nav.public")}
    </Link>,
    <a href="/docs" target="_blank" rel="noreferrer" className="docs-link">
      {t("apiDocs")}
    </a>,
  ].filter((l) => l !== false);
  if (!narrow)
    return (
      <Space size="small" wrap>
        {links}
      </Space>
    );
  return (
    <Dropdown
      trigger={["click"]}
      placement="bottomLeft"
      classNames={{ root: "nav-menu-popup" }}
      menu={{ items: links.map((label, i) => ({ key: String(i), label })) }}
    >
      <Button id="nav-menu" className="nav-menu" icon={<MenuOutlined />} aria-label={t("web:nav.menu")}>
        {t("web:nav.menu")}
      </Button>
    </Dropdown>
  );
}

function ShellLayout({ me }: { me: Me }): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  const label = t("areas");
  const [lang] = useLang();
  const { areaId } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const areas = useAreas();
  const view = currentView(location.pathname);
  const views = VIEWS.filter((v) => mayView(me, v));
  // A phone (under antd's md, 768 px): the header's links go into a menu.
  const narrow = Grid.useBreakpoint().md === false;
  return (
    <Layout className="shell">
      <Layout.Header className="shell-header">
        <Typography.Title level={1} className="brand">
          <Link to={areaId ? viewPath(areaId, "overview", location.search) : withLang("/", location.search)}>
            MineCarbon
          </Link>
        </Typography.Title>
        <label className="area-pick">
          <span className="area-pick-label">{label}</span>
          <Select
            id="area-select"
            className="area-select"
            aria-label={label}
            // An id not among the areas read (mistyped, or not open to the actor) is not shown bare.
            value={areas.data?.some((a) => a.id === areaId) ? areaId : undefined}
            loading={areas.isLoading}
            placeholder={label}
            popupMatchSelectWidth={false}
            options={(areas.data ?? []).map((a) => ({ value: a.id, label: className(lang, a) }))}
            onChange={(id: string) =>
              void navigate(viewPath(id, view && views.includes(view) ? view : "overview", location.search))
            }
          />
        </label>
        <Space className={narrow ? "tools narrow" : "tools"} size="small" wrap>
          <NavLinks me={me} narrow={narrow} />
          <LangToggle />
          <UserMenu me={me} />
        </Space>
      </Layout.Header>
      {areaId && (
        <Menu
          className="view-menu"
          mode="horizontal"
          // Every view stays in sight (the tabs wrap on a phone): the current one is never folded
          // away under "…".
          disabledOverflow
          selectedKeys={view ? [view] : []}
          items={views.map((v) => ({
            key: v,
            label: (
              <Link id={`tab-${v}`} to={viewPath(areaId, v, location.search)}>
                {t(VIEW_LABEL[v])}
              </Link>
            ),
          }))}
        />
      )}
      <Layout.Content className="view" id="view">
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
