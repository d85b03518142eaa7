import { Empty, Result, Spin } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import {
  createBrowserRouter,
  Navigate,
  Outlet,
  useLocation,
  useParams,
  type RouteObject,
} from "react-router";
import { onSignInNeeded } from "../api/client.ts";
import { useAreas, useMe } from "../api/queries.ts";
import { mayView } from "./access.ts";
import { Frame } from "./Frame.tsx";
import { Shell } from "./Shell.tsx";
import { VIEWS, viewPath, type View } from "./views.ts";

/** A view loaded with its route only (map and chart code come with the views that use them). */
const lazyView = (load: () => Promise<{ default: () => ReactNode }>): Pick<RouteObject, "lazy"> => ({
  lazy: async () => ({ Component: (await load()).default }),
});

const VIEW_ROUTES: Record<View, Pick<RouteObject, "lazy">> = {
  overview: lazyView(() => import("../views/overview/index.tsx")),
  map: lazyView(() => import("../views/map/index.tsx")),
  charts: lazyView(() => import("../views/charts/index.tsx")),
  plan: lazyView(() => import("../views/plan/index.tsx")),
  data: lazyView(() => import("../views/data/index.tsx")),
  inventory: lazyView(() => import("../views/inventory/index.tsx")),
};

/** `/`: the first area's overview; with none, the data view to create one (for who may), else a note. */
function Home(): ReactNode {
  const areas = useAreas();
  const me = useMe();
  const { search } = useLocation();
  const { t } = useTranslation(["common", "web"]);
  if (areas.isPending) return <Spin />;
  const first = areas.data?.[0];
  if (first) return <Navigate replace to={viewPath(first.id, "overview", search)} />;
  if (mayView(me.data, "data")) return <Navigate replace to={`/data${search}`} />;
  return (
    <div id="no-areas">
      <Empty description={t("web:auth.noAreas")} />
    </div>
  );
}

/**
 * The views of one area; an unknown area id says so. Keyed by the area: choosing another area
 * mounts its views afresh, so no state (a form, a chosen mine, an answer) of the previous area
 * can show under the new one's URL.
 */
function AreaRoute(): ReactNode {
  const { areaId } = useParams();
  const areas = useAreas();
  const me = useMe();
  const { pathname } = useLocation();
  const { t } = useTranslation(["common", "web"]);
  if (areas.isPending) return <Spin />;
  // Not among the areas the actor reads: it does not exist, or it is not open to this actor (the
  // server answers both alike). A verifier is told how an area comes to be open to its body.
  if (areas.data && !areas.data.some((a) => a.id === areaId))
    return (
      <div id="area-not-open">
        <Result
          status="warning"
          title={t("web:areaNotOpen")}
          subTitle={t(me.data?.roles.includes("verifier") ? "web:areaNotOpenVerifier" : "web:areaNotOpenWho")}
        />
      </div>
    );
  // A view the role does not use (a link kept from another account): said, not drawn half-refused.
  const view = VIEWS.find((v) => v === pathname.split("/")[3]);
  if (view && me.data && !mayView(me.data, view))
    return <Result className="view-not-for-role" status="warning" title={t("web:auth.viewNotForRole")} />;
  return <Outlet key={areaId} />;
}

function NotFound(): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  return <Result status="warning" title={t("web:pageNotFound")} />;
}

/** A page open to everyone (the login page, the public portal): the frame without the signed-in header. */
const open = (load: () => Promise<{ default: () => ReactNode }>): RouteObject => ({
  element: (
    <Frame>
      <Outlet />
    </Frame>
  ),
  hydrateFallbackElement: <Spin />,
  children: [{ index: true, ...lazyView(load) }],
});

/** The routes: a URL per view and per selection (area, and for the map: year and layer). */
export const ROUTES: RouteObject[] = [
  { path: "/login", ...open(() => import("../views/login/index.tsx")) },
  { path: "/public", ...open(() => import("../views/public/index.tsx")) },
  { path: "/public/mines/:mineId", ...open(() => import("../views/public/mine-summary.tsx")) },
  {
    path: "/",
    element: <Shell />,
    hydrateFallbackElement: <Spin />,
    children: [
      { index: true, element: <Home /> },
      { path: "data", ...VIEW_ROUTES.data },
      { path: "admin", ...lazyView(() => import("../views/admin/index.tsx")) },
      { path: "audit", ...lazyView(() => import("../views/audit/index.tsx")) },
      { path: "manage", ...lazyView(() => import("../views/manage/index.tsx")) },
      { path: "manage/feedback", ...lazyView(() => import("../views/feedback/FeedbackModeration.tsx")) },
      { path: "manage/mines/:mineId", ...lazyView(() => import("../views/manage/mine.tsx")) },
      { path: "manage/notices/:recordId", ...lazyView(() => import("../views/manage/record-redirect.tsx")) },
      { path: "manage/flags/:recordId", ...lazyView(() => import("../views/manage/record-redirect.tsx")) },
      { path: "reports", ...lazyView(() => import("../views/reports/index.tsx")) },
      { path: "reports/:reportId", ...lazyView(() => import("../views/reports/report.tsx")) },
      { path: "inbox", ...lazyView(() => import("../views/inbox/index.tsx")) },
      { path: "account/password", ...lazyView(() => import("../views/login/change-password.tsx")) },
      {
        path: "areas/:areaId",
        element: <AreaRoute />,
        children: [
          { index: true, element: <Navigate replace to="overview" /> },
          ...Object.entries(VIEW_ROUTES).map(([path, r]) => ({ path, ...r })),
        ],
      },
      { path: "*", element: <NotFound /> },
    ],
  },
];

/** Where a 401 sends: the start page of an anonymous visitor is the public portal; any other page asks to sign in and comes back. */
export function signInPath(pathname: string, search: string): string | undefined {
  if (pathname === "/login" || pathname === "/public") return undefined;
  const lang = new URLSearchParams(search).get("lang");
  const suffix = lang ? `lang=${encodeURIComponent(lang)}` : "";
  if (pathname === "/") return `/public${suffix ? `?${suffix}` : ""}`;
  return `/login?next=${encodeURIComponent(pathname + search)}${suffix ? `&${suffix}` : ""}`;
}

/** The router, under `basename` (`/`); a 401 from the API navigates to the login page. */
export function createRouter(basename: string) {
  const router = createBrowserRouter(ROUTES, { basename });
  onSignInNeeded(() => {
    const { pathname, search } = router.state.location;
    const to = signInPath(pathname, search);
    if (to) void router.navigate(to, { replace: true });
  });
  return router;
}
