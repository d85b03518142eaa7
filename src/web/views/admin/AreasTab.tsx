import { Switch, Table } from "antd";
import { type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { type Lang } from "../../../presentation/i18n/lang.ts";
import { useAreas, type Area, type Me } from "../../api/queries.ts";
import { mayOn } from "../../app/access.ts";
import { nameIn } from "../../app/Shell.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { usePublish } from "./admin-api.ts";
import { NS } from "./ns.ts";
import { RegionName } from "./RegionName.tsx";
import { AreaVerifiers } from "./AreaVerifiers.tsx";
import { WriteError } from "./WriteError.tsx";

/**
 * The areas the actor may change: shown on the public portal or not, and the verification bodies
 * assigned to check them.
 */
export function AreasTab({ lang, me }: { lang: Lang; me: Me }): ReactNode {
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
          {
            key: "region",
            title: t("access:col.region"),
            render: (_v, a) => <RegionName lang={lang} code={a.regionCode} />,
          },
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
