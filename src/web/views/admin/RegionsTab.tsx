import { Table } from "antd";
import { type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { type Lang } from "../../../presentation/i18n/lang.ts";
import { nameIn } from "../../app/Shell.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { useRegions } from "./admin-api.ts";
import { NS } from "./ns.ts";

/** The regions (GB/T 2260): code and name. */
export function RegionsTab({ lang }: { lang: Lang }): ReactNode {
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
