import { Result, Spin } from "antd";
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
import { useAreas } from "../api/queries.ts";
import { Shell } from "./Shell.tsx";
import { viewPath, type View } from "./views.ts";

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

/** `/`: the first area's overview, or the data view to create one when there is none. */
function Home(): ReactNode {
  const areas = useAreas();
  const { search } = useLocation();
  if (areas.isPending) return <Spin />;
  const first = areas.data?.[0];
  return <Navigate replace to={first ? viewPath(first.id, "overview", search) : `/data${search}`} />;
}

/**
 * The views of one area; an unknown area id says so. Keyed by the area: choosing another area
 * mounts its views afresh, so no state (a form, a chosen mine, an answer) of the previous area
 * can show under the new one's URL.
 */
function AreaRoute(): ReactNode {
  const { areaId } = useParams();
  const areas = useAreas();
  const { t } = useTranslation(["common", "web"]);
  if (areas.isPending) return <Spin />;
  if (areas.data && !areas.data.some((a) => a.id === areaId))
    return <Result status="404" title={t("web:areaNotFound")} />;
  return <Outlet key={areaId} />;
}

function NotFound(): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  return <Result status="404" title={t("web:pageNotFound")} />;
}

/** The routes: a URL per view and per selection (area, and for the map: year and layer). */
export const ROUTES: RouteObject[] = [
  {
    path: "/",
    element: <Shell />,
    hydrateFallbackElement: <Spin />,
    children: [
      { index: true, element: <Home /> },
      { path: "data", ...VIEW_ROUTES.data },
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

/** The router, under `basename` (`/`). */
export function createRouter(basename: string) {
  return createBrowserRouter(ROUTES, { basename });
}
