import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Empty,
  Form,
  Input,
  List,
  Select,
  Space,
  Tag,
  Typography,
} from "antd";
import { useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { mineRecordSchema } from "../../../contract/mine.ts";
import {
  FEEDBACK_REPLY_MAX_CHARS,
  FEEDBACK_STATUSES,
  type feedbackPageSchema,
  type feedbackReplyInput,
  type feedbackSchema,
} from "../../../contract/public.ts";
import { className } from "../../../presentation/i18n.ts";
import { apiFetch } from "../../api/client.ts";
import { useLang } from "../../app/Frame.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { apiErrorText } from "../login/api-error-text.ts";
import { dateText, FEEDBACK_STATUS_COLOUR } from "../public/FeedbackList.tsx";

type Feedback = z.infer<typeof feedbackSchema>;
type FeedbackPage = z.infer<typeof feedbackPageSchema>;
type ReplyInput = z.input<typeof feedbackReplyInput>;
type Status = (typeof FEEDBACK_STATUSES)[number];
type MineRecord = z.infer<typeof mineRecordSchema>;

/** Query keys of the moderation: under "feedback", so that a reply refreshes every list. */
const moderationKeys = {
  list: (status: Status | "all") => ["feedback", "moderation", status] as const,
  mines: ["feedback", "mines"] as const,
};

const PAGE = 50;

/** The feedback in the actor's jurisdiction, newest first, a page at a time (GET /api/feedback). */
function useFeedbackPages(status: Status | "all") {
  return useInfiniteQuery({
    queryKey: moderationKeys.list(status),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams({ limit: String(PAGE) });
      if (status !== "all") q.set("status", status);
      if (pageParam) q.set("before", pageParam);
      return apiFetch<FeedbackPage>(`/api/feedback?${q}`);
    },
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

/** One message's reply form: the reply, the status (forward only), public or not. */
function ReplyForm({ f, onDone }: { f: Feedback; onDone: () => void }): ReactNode {
  const { t } = useTranslation(["portal", "manage"]);
  const { t: tWeb } = useTranslation(["common", "web"]);
  const [lang] = useLang();
  const client = useQueryClient();
  const [form] = Form.useForm<ReplyInput>();
  const reply = useMutation({
    mutationFn: (body: ReplyInput) =>
      apiFetch<Feedback>(`/api/feedback/${encodeURIComponent(f.id)}/reply`, { method: "POST", json: body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["feedback"] });
      await client.invalidateQueries({ queryKey: ["public"] });
      onDone();
    },
  });
  const from = FEEDBACK_STATUSES.indexOf(f.status);
  return (
    <Form<ReplyInput>
      form={form}
      layout="vertical"
      requiredMark={false}
      className="moderation-reply"
      initialValues={{
        reply: f.reply ?? "",
        status: f.status === "received" ? "in-progress" : f.status,
        public: f.public || f.reply === null,
      }}
      onFinish={(v) => reply.mutate({ reply: v.reply, status: v.status, public: v.public })}
    >
      {reply.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="form-note moderation-error"
          title={apiErrorText(tWeb, lang, reply.error)}
        />
      )}
      <Form.Item
        label={t("portal:moderation.replyLabel")}
        name="reply"
        rules={[
          { required: true, whitespace: true, message: t("portal:moderation.replyRequired") },
          { max: FEEDBACK_REPLY_MAX_CHARS },
        ]}
      >
        <Input.TextArea
          id={`moderation-reply-${f.id}`}
          className="moderation-reply-text"
          rows={3}
          maxLength={FEEDBACK_REPLY_MAX_CHARS}
        />
      </Form.Item>
      <Form.Item
        label={t("portal:moderation.status")}
        name="status"
        extra={t("portal:moderation.statusBack")}
      >
        <Select
          id={`moderation-status-${f.id}`}
          className="moderation-status"
          options={FEEDBACK_STATUSES.slice(from).map((s) => ({
            value: s,
            label: t(`manage:feedbackStatus.${s}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="public" valuePropName="checked">
        <Checkbox id={`moderation-public-${f.id}`} className="moderation-public">
          {t("portal:moderation.makePublic")}
        </Checkbox>
      </Form.Item>
      <Space wrap>
        <Button type="primary" htmlType="submit" className="moderation-save" loading={reply.isPending}>
          {t("portal:moderation.save")}
        </Button>
        <Button onClick={onDone}>{t("portal:moderation.cancel")}</Button>
      </Space>
    </Form>
  );
}

/** One message as the regulator reads it: who sent it (name and contact), about what, its reply. */
function Item({
  f,
  mines,
}: {
  f: Feedback;
  mines: ReadonlyMap<string, { name: string; nameZh: string | null }>;
}): ReactNode {
  const { t } = useTranslation(["portal", "manage"]);
  const [lang] = useLang();
  const [open, setOpen] = useState(false);
  const mine = f.mineId ? mines.get(f.mineId) : undefined;
  const about = f.mineId
    ? mine
      ? className(lang, mine)
      : t("portal:moderation.mine", { id: f.mineId })
    : f.areaId
      ? t("portal:moderation.area", { id: f.areaId })
      : t("portal:moderation.portal");
  return (
    <List.Item
      className="moderation-item"
      data-feedback={f.id}
      data-status={f.status}
      data-public={String(f.public)}
    >
      <Space wrap size={[6, 4]}>
        <Tag color={FEEDBACK_STATUS_COLOUR[f.status]} className="feedback-status">
          {t(`manage:feedbackStatus.${f.status}`)}
        </Tag>
        <Tag>{t(`manage:feedback.${f.category}`)}</Tag>
        <Tag color={f.public ? "blue" : undefined}>
          {t(f.public ? "portal:moderation.public" : "portal:moderation.hidden")}
        </Tag>
        <Typography.Text type="secondary">{dateText(f.createdAt, lang)}</Typography.Text>
      </Space>
      <Typography.Paragraph style={{ margin: "6px 0" }} className="feedback-message">
        {f.message}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 6 }}>
        {t("portal:moderation.about")}: {about}
        {f.point &&
          ` · ${t("portal:feedback.point", { lon: f.point.lon.toFixed(4), lat: f.point.lat.toFixed(4) })}`}
        {" · "}
        {t("portal:moderation.from")}: {f.name ?? t("portal:moderation.anonymous")} ·{" "}
        {f.contact ?? t("portal:moderation.noContact")}
      </Typography.Paragraph>
      {f.reply && !open && (
        <div className="feedback-reply">
          <Typography.Text strong>
            {f.repliedAt
              ? t("portal:feedback.replyOn", { date: dateText(f.repliedAt, lang) })
              : t("portal:feedback.reply")}
          </Typography.Text>
          <Typography.Paragraph className="feedback-reply-text">{f.reply}</Typography.Paragraph>
        </div>
      )}
      {open ? (
        <ReplyForm f={f} onDone={() => setOpen(false)} />
      ) : (
        <Button size="small" className="moderation-open" onClick={() => setOpen(true)}>
          {t("portal:moderation.reply")}
        </Button>
      )}
    </List.Item>
  );
}

/**
 * The regulator's moderation of public feedback (issue 13, public participation): the messages
 * about its jurisdiction's mines and areas (GET /api/feedback, scoped by `feedback.read`), filtered
 * by status; for each, the sender's name and contact (never public), a reply, the status moved on
 * (received → in progress → handled, never back) and whether the message and the reply are public
 * (POST /api/feedback/{id}/reply, `feedback.reply`).
 */
export function FeedbackModeration(): ReactNode {
  const { t } = useTranslation(["portal", "manage"]);
  const [status, setStatus] = useState<Status | "all">("all");
  const pages = useFeedbackPages(status);
  const mines = useQuery({
    queryKey: moderationKeys.mines,
    queryFn: () => apiFetch<MineRecord[]>("/api/mines"),
  });
  const names = useMemo(() => new Map((mines.data ?? []).map((m) => [m.id, m])), [mines.data]);
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card
      size="small"
      id="feedback-moderation"
      title={t("portal:moderation.title")}
      extra={
        <Select
          id="moderation-filter"
          aria-label={t("portal:moderation.status")}
          value={status}
          style={{ minWidth: 140 }}
          onChange={setStatus}
          options={[
            { value: "all", label: t("portal:moderation.allStatuses") },
            ...FEEDBACK_STATUSES.map((s) => ({ value: s, label: t(`manage:feedbackStatus.${s}`) })),
          ]}
        />
      }
    >
      <Typography.Paragraph type="secondary">{t("portal:moderation.intro")}</Typography.Paragraph>
      {pages.error ? (
        <QueryError error={pages.error} />
      ) : (
        <List
          id="moderation-list"
          loading={pages.isPending}
          itemLayout="vertical"
          dataSource={items}
          locale={{ emptyText: <Empty description={t("portal:moderation.none")} /> }}
          renderItem={(f) => <Item key={f.id} f={f} mines={names} />}
        />
      )}
      {pages.hasNextPage && (
        <Button
          id="moderation-more"
          onClick={() => void pages.fetchNextPage()}
          loading={pages.isFetchingNextPage}
        >
          {t("portal:moderation.more")}
        </Button>
      )}
    </Card>
  );
}

/** `/manage/feedback`: the moderation as a page of the signed-in app. */
export default function FeedbackModerationPage(): ReactNode {
  return (
    <div className="view">
      <FeedbackModeration />
    </div>
  );
}
