import { Tag } from "antd";
import { type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { type RoleId } from "../../../domain/access/roles.ts";
import { NS } from "./ns.ts";

/** Roles as tags, in the language. */
export function RoleTags({ roles }: { roles: readonly RoleId[] }): ReactNode {
  const { t } = useTranslation(NS);
  return roles.map((r) => <Tag key={r}>{t(`access:role.${r}`)}</Tag>);
}
