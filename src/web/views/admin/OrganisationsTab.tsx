import { Table, Tag } from "antd";
import { type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { type Lang } from "../../../presentation/i18n/lang.ts";
import { nameIn } from "../../app/Shell.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { useOrganisations, type OrganisationRow } from "./admin-api.ts";
import { NS } from "./ns.ts";
import { RegionName } from "./RegionName.tsx";

/** The organisations: name, kind, region, credit code and whether disabled. */
export function OrganisationsTab({ lang }: { lang: Lang }): ReactNode {
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
        {
          key: "region",
          title: t("access:col.region"),
          render: (_v, o) => <RegionName lang={lang} code={o.regionCode} />,
        },
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
