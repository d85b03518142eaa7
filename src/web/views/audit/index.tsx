import {
  Button,
  Card,
  DatePicker,
  Drawer,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Result,
  Spin,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.ts";
import { useMe } from "../../api/queries.ts";
import { mayAudit } from "../../app/access.ts";
import { ACTION_IDS } from "../../../domain/access/actions.ts";
import {
  AUDIT_RECORD_KINDS,
  AUTH_ACTIONS,
  type AuditAction,
  type AuditRecordKind,
} from "../../../domain/access/audit-event.ts";
import { useLang } from "../../app/Frame.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { useAuditPage, type AuditEventRow, type AuditFilter } from "./audit-api.ts";
import { OUTCOME_COLOUR, RecordTimeline, timeText } from "./RecordTimeline.tsx";

const RESOURCE_KINDS = AUDIT_RECORD_KINDS;

interface FilterFields {
  range?: [Dayjs | null, Dayjs | null] | null;
  username?: string;
  action?: string;
  resourceKind?: AuditRecordKind;
  resourceId?: string;
}

/**
 * `/audit`: the audit trail the actor may read (administrators all of it, a regulator its
 * jurisdiction's), newest first, filtered by time, user, action and resource, paged by key (older
 * pages follow the last event's number); a row opens the timeline of its record.
 */
export default function AuditView(): ReactNode {
  const me = useMe();
  if (me.isPending) return <Spin />;
  // Opened by its URL by who may not read the trail: said in the language, nothing asked of the API.
  if (!mayAudit(me.data)) return <AuditRefused />;
  return <AuditTrail />;
}

/** The audit trail is not for this actor (its role does not read it, or the server refused). */
function AuditRefused(): ReactNode {
  const { t } = useTranslation(["common", "web", "webViews"]);
  return (
    <div id="audit-refused">
      <Result
        status="warning"
        title={t("webViews:audit.refused")}
        subTitle={t("webViews:audit.refusedWho")}
      />
    </div>
  );
}

function AuditTrail(): ReactNode {
  const { t } = useTranslation(["common", "web", "webViews", "access", "terms"]);
  const [lang] = useLang();
  const [filter, setFilter] = useState<AuditFilter>({});
  /** The cursors of the pages seen, to go back; the last is the page shown. */
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const page = useAuditPage(filter, cursor);
  const [record, setRecord] = useState<{ kind: string; id: string } | undefined>();
  const apply = (v: FilterFields) => {
    setFilter({
      since: v.range?.[0]?.toISOString(),
      until: v.range?.[1]?.toISOString(),
      username: v.username?.trim() || undefined,
      action: v.action,
      resourceKind: v.resourceKind,
      resourceId: v.resourceId?.trim() || undefined,
    });
    setCursors([undefined]);
  };
  return (
    <div className="audit-view">
      <Typography.Title level={2}>{t("web:nav.audit")}</Typography.Title>
      <Card size="small" className="audit-filter">
        <Form<FilterFields>
          layout="inline"
          name="audit-filter"
          onFinish={apply}
          className="audit-filter-form"
        >
          <Form.Item name="range" label={t("webViews:audit.time")}>
            <DatePicker.RangePicker id="audit-range" showTime allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item name="username" label={t("webViews:audit.user")}>
            <Input id="audit-user" allowClear />
          </Form.Item>
          <Form.Item name="action" label={t("webViews:audit.action")}>
            <Select
              id="audit-action"
              allowClear
              showSearch
              popupMatchSelectWidth={false}
              className="audit-select"
              optionFilterProp="label"
              options={[...ACTION_IDS, ...AUTH_ACTIONS].map((a) => ({
                value: a,
                label: t(`terms:action.${a}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="resourceKind" label={t("webViews:audit.resource")}>
            <Select
              id="audit-resource-kind"
              allowClear
              showSearch
              optionFilterProp="label"
              className="audit-select"
              options={RESOURCE_KINDS.map((k) => ({ value: k, label: t(`webViews:audit.kind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="resourceId" label={t("webViews:audit.resourceId")}>
            <Input id="audit-resource-id" allowClear />
          </Form.Item>
          <Button id="audit-apply" type="primary" htmlType="submit">
            {t("webViews:audit.apply")}
          </Button>
        </Form>
      </Card>
      {page.error instanceof ApiError && page.error.code === "forbidden" ? (
        <AuditRefused />
      ) : page.error ? (
        <QueryError error={page.error} />
      ) : (
        <Table<AuditEventRow>
          id="audit-table"
          className="audit-table"
          size="small"
          rowKey="seq"
          loading={page.isFetching}
          dataSource={page.data?.events as AuditEventRow[] | undefined}
          pagination={false}
          scroll={{ x: "max-content" }}
          onRow={(e) => ({
            onClick: () => e.resource.id && setRecord({ kind: e.resource.kind, id: e.resource.id }),
            className: e.resource.id ? "audit-row clickable" : "audit-row",
          })}
          columns={[
            { key: "seq", title: "#", dataIndex: "seq" },
            { key: "at", title: t("webViews:audit.time"), render: (_v, e) => timeText(lang, e.at) },
            {
              key: "who",
              title: t("webViews:audit.user"),
              render: (_v, e) => e.who.username ?? e.who.tokenId ?? t("access:role.public"),
            },
            {
              key: "roles",
              title: t("webViews:audit.roles"),
              render: (_v, e) => e.who.roles.map((r) => <Tag key={r}>{t(`access:role.${r}`)}</Tag>),
            },
            {
              key: "action",
              title: t("webViews:audit.action"),
              render: (_v, e) => (
                <span className="audit-action" title={e.action}>
                  {t(`terms:action.${e.action as AuditAction}`)}
                </span>
              ),
            },
            {
              key: "resource",
              title: t("webViews:audit.resource"),
              render: (_v, e) => `${t(`webViews:audit.kind.${e.resource.kind}`)} ${e.resource.id ?? ""}`,
            },
            {
              key: "outcome",
              title: t("webViews:audit.outcome"),
              render: (_v, e) => (
                <Tag color={OUTCOME_COLOUR[e.outcome]}>{t(`webViews:audit.outcome.${e.outcome}`)}</Tag>
              ),
            },
            { key: "address", title: t("webViews:audit.address"), render: (_v, e) => e.address ?? "—" },
          ]}
        />
      )}
      <Space className="audit-paging">
        <Button
          id="audit-newer"
          disabled={cursors.length < 2}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          {t("webViews:audit.newer")}
        </Button>
        <Button
          id="audit-older"
          disabled={page.data?.next == null}
          onClick={() => setCursors((c) => [...c, page.data!.next!])}
        >
          {t("webViews:audit.older")}
        </Button>
      </Space>
      <Drawer
        open={record !== undefined}
        onClose={() => setRecord(undefined)}
        title={record ? `${t(`webViews:audit.kind.${record.kind as AuditRecordKind}`)} ${record.id}` : ""}
        size="large"
      >
        {record && <RecordTimeline kind={record.kind} id={record.id} lang={lang} />}
      </Drawer>
    </div>
  );
}
