import { Spin } from "antd";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Navigate, useLocation, useParams } from "react-router";
import { apiFetch } from "../../api/client.ts";
import { withLang } from "../../app/Frame.tsx";
import { QueryError } from "../../components/QueryError.tsx";

/**
 * `/manage/notices/:recordId` and `/manage/flags/:recordId` (the inbox's links): the record's mine
 * page, on its flags and notices. The record is read first — it names its mine, and a record the
 * reader may not see answers 404 here as anywhere.
 */
export default function RecordRedirect(): ReactNode {
  const { recordId = "" } = useParams();
  const location = useLocation();
  const kind = location.pathname.includes("/manage/flags/") ? "flags" : "notices";
  const record = useQuery({
    queryKey: ["management", kind, recordId],
    queryFn: () => apiFetch<{ mineId: string }>(`/api/${kind}/${encodeURIComponent(recordId)}`),
  });
  if (record.error) return <QueryError error={record.error} />;
  if (!record.data) return <Spin />;
  return (
    <Navigate
      replace
      to={withLang(`/manage/mines/${encodeURIComponent(record.data.mineId)}?tab=flags`, location.search)}
    />
  );
}
