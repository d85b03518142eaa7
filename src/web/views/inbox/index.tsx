import { Badge, Button, Card, Empty, List, Segmented, Space, Spin, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { inboxText } from "../../../presentation/i18n/index.ts";
import { LOCALE } from "../../../presentation/i18n/lang.ts";
import { useLang, withLang } from "../../app/Frame.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { useInboxPages, useMarkRead, type InboxMessage } from "./inbox-api.ts";

/** Where a message leads: the report, the flag's or notice's mine page, the feedback to answer. */
function subjectPath(m: InboxMessage): string | undefined {
  const id = encodeURIComponent(m.subject.id);
  switch (m.subject.kind) {
    case "annual-report":
      return `/reports/${id}`;
    case "notice":
      return `/manage/notices/${id}`;
    case "flag":
      return `/manage/flags/${id}`;
    case "feedback":
      return "/manage/feedback";
    default:
      return undefined;
  }
}

/**
 * `/inbox`: the signed-in user's messages — state changes of reports, deadlines coming up, new
 * flags, notices and replies — newest first, in the reader's language; opening one marks it read.
 */
export default function InboxView(): ReactNode {
  const { t } = useTranslation(["manage"]);
  const [lang] = useLang();
  const location = useLocation();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const pages = useInboxPages(unreadOnly);
  const mark = useMarkRead();
  if (pages.error) return <QueryError error={pages.error} />;
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = pages.data?.pages[0]?.unread ?? 0;
  return (
    <div id="inbox-view" data-unread={unread}>
      <Space wrap align="center" className="manage-head">
        <Typography.Title level={2}>
          {t("manage:web.inbox.title")} <Badge count={unread} id="inbox-unread" />
        </Typography.Title>
        <Segmented
          id="inbox-filter"
          value={unreadOnly ? "unread" : "all"}
          onChange={(v) => setUnreadOnly(v === "unread")}
          options={[
            { value: "all", label: t("manage:web.inbox.all") },
            { value: "unread", label: t("manage:web.inbox.unread") },
          ]}
        />
        <Button
          id="inbox-mark-all"
          disabled={unread === 0}
          loading={mark.isPending}
          onClick={() => mark.mutate(undefined)}
        >
          {t("manage:web.inbox.markAll")}
        </Button>
      </Space>
      <Card size="small">
        {pages.isPending ? (
          <Spin />
        ) : (
          <List
            id="inbox-list"
            dataSource={items}
            locale={{
              emptyText: (
                <Empty
                  description={t(unreadOnly ? "manage:web.inbox.noneUnread" : "manage:web.inbox.none")}
                />
              ),
            }}
            renderItem={(m) => {
              const path = subjectPath(m);
              const text = inboxText(lang, m.text);
              return (
                <List.Item
                  className={m.readAt ? "inbox-item read" : "inbox-item unread"}
                  data-kind={m.kind}
                  actions={
                    m.readAt
                      ? []
                      : [
                          <Button
                            key="read"
                            size="small"
                            type="link"
                            className="inbox-mark"
                            onClick={() => mark.mutate([m.id])}
                          >
                            {t("manage:web.inbox.markRead")}
                          </Button>,
                        ]
                  }
                >
                  <List.Item.Meta
                    title={
                      path ? (
                        <Link
                          to={withLang(path, location.search)}
                          onClick={() => !m.readAt && mark.mutate([m.id])}
                          style={{ fontWeight: m.readAt ? "normal" : 600 }}
                        >
                          {text}
                        </Link>
                      ) : (
                        <span style={{ fontWeight: m.readAt ? "normal" : 600 }}>{text}</span>
                      )
                    }
                    description={`${t(`manage:web.inbox.kind.${m.kind}`)} · ${new Date(m.createdAt).toLocaleString(LOCALE[lang], { dateStyle: "short", timeStyle: "short" })}`}
                  />
                </List.Item>
              );
            }}
          />
        )}
        {pages.hasNextPage && (
          <Button
            id="inbox-more"
            loading={pages.isFetchingNextPage}
            onClick={() => void pages.fetchNextPage()}
          >
            {t("manage:web.inbox.more")}
          </Button>
        )}
      </Card>
    </div>
  );
}
