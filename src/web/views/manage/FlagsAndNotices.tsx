import {
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  Modal,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
  Upload,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { NoticeState } from "../../../contract/notice.ts";
import { domainText } from "../../../presentation/i18n/domain-text.ts";
import { LOCALE, type Lang } from "../../../presentation/i18n/lang.ts";
import { useMe } from "../../api/queries.ts";
import { may } from "../../app/access.ts";
import { QueryError } from "../../components/QueryError.tsx";
import { apiErrorText } from "../login/api-error-text.ts";
import {
  evidenceOf,
  useDismissFlag,
  useIssueNotice,
  useMineFlags,
  useMineNotices,
  useNotice,
  useNoticeStep,
  type EvidenceItem,
  type FlagJson,
  type NoticeJson,
} from "./mine-api.ts";

const day = (lang: Lang, iso: string) =>
  new Date(iso).toLocaleDateString(LOCALE[lang], { timeZone: "Asia/Shanghai" });
const FLAG_COLOUR = {
  open: "red",
  "notice-issued": "orange",
  resolved: "green",
  dismissed: "default",
} as const;
const NOTICE_COLOUR: Record<NoticeState, string> = {
  open: "red",
  responded: "blue",
  escalated: "volcano",
  closed: "green",
};

type Dialog =
  | { kind: "issue"; flag?: FlagJson }
  | { kind: "dismiss"; flag: FlagJson }
  | { kind: "respond" | "close" | "escalate"; notice: NoticeJson };

/** The form of each dialog: a text (required: a notice, a reason), a deadline or files where asked. */
function StepDialog({
  dialog,
  mineId,
  lang,
  onClose,
}: {
  dialog: Dialog;
  mineId: string;
  lang: Lang;
  onClose: () => void;
}): ReactNode {
  const { t } = useTranslation(["manage", "common", "web"]);
  const errorT = useTranslation(["common", "web"]).t;
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string; deadline?: Dayjs; files?: { originFileObj: File }[] }>();
  const issue = useIssueNotice(mineId);
  const step = useNoticeStep();
  const dismiss = useDismissFlag();
  const pending = issue.isPending || step.isPending || dismiss.isPending;
  const error = issue.error ?? step.error ?? dismiss.error;
  const submit = async () => {
    // A field the form refuses is shown at the field; nothing is sent.
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    try {
      if (dialog.kind === "issue")
        await issue.mutateAsync({
          text: v.text,
          deadline: v.deadline!.format("YYYY-MM-DD"),
          ...(dialog.flag ? { flagId: dialog.flag.id } : {}),
        });
      else if (dialog.kind === "dismiss")
        await dismiss.mutateAsync({ flagId: dialog.flag.id, reason: v.text });
      else {
        const evidence: EvidenceItem[] = await Promise.all(
          (v.files ?? []).map((f) => evidenceOf(f.originFileObj)),
        );
        await step.mutateAsync({ noticeId: dialog.notice.id, type: dialog.kind, text: v.text, evidence });
      }
      void message.success(t(`manage:web.notice.done.${dialog.kind}`));
      onClose();
    } catch {
      // Shown below the form (the mutation's error).
    }
  };
  return (
    <Modal
      open
      title={t(`manage:web.notice.title.${dialog.kind}`)}
      okText={t(`manage:web.notice.ok.${dialog.kind}`)}
      cancelText={t("web:cancel")}
      confirmLoading={pending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ id: "notice-dialog-ok" }}
    >
      <Form
        form={form}
        layout="vertical"
        id="notice-dialog"
        initialValues={{
          text:
            dialog.kind === "issue" && dialog.flag
              ? t("manage:web.notice.fromFlag", { evidence: domainText(lang, dialog.flag.evidence) })
              : "",
        }}
      >
        <Form.Item
          name="text"
          label={t(`manage:web.notice.text.${dialog.kind}`)}
          rules={[{ required: true, whitespace: true, message: t("manage:web.notice.textRequired") }]}
        >
          <Input.TextArea id="notice-text" rows={4} maxLength={4000} />
        </Form.Item>
        {dialog.kind === "issue" && (
          <Form.Item
            name="deadline"
            label={t("manage:web.notice.deadline")}
            rules={[{ required: true, message: t("manage:web.notice.deadlineRequired") }]}
          >
            <DatePicker id="notice-deadline" />
          </Form.Item>
        )}
        {dialog.kind === "respond" && (
          <Form.Item
            name="files"
            label={t("manage:web.notice.evidence")}
            extra={t("manage:web.notice.evidenceHelp")}
            valuePropName="fileList"
            getValueFromEvent={(e: { fileList: unknown[] }) => e.fileList}
          >
            <Upload beforeUpload={() => false} multiple>
              <Button id="notice-files">{t("manage:web.notice.addFiles")}</Button>
            </Upload>
          </Form.Item>
        )}
      </Form>
      {error && (
        <Typography.Text type="danger" id="notice-dialog-error">
          {apiErrorText(errorT, lang, error)}
        </Typography.Text>
      )}
    </Modal>
  );
}

/** A notice's events, oldest first, with the files each response offered (name, size, SHA-256). */
function NoticeEvents({
  mineId,
  notice,
  lang,
}: {
  mineId: string;
  notice: NoticeJson;
  lang: Lang;
}): ReactNode {
  const { t } = useTranslation(["manage"]);
  const full = useNotice(mineId, notice.id, true);
  if (full.error) return <QueryError error={full.error} />;
  if (!full.data) return <Typography.Text>…</Typography.Text>;
  return (
    <Timeline
      className="notice-events"
      items={full.data.events.map((e) => ({
        key: e.seq,
        content: (
          <div data-event={e.type}>
            <strong>{t(`manage:web.notice.event.${e.type}`)}</strong> · {day(lang, e.at)}
            <div className="notice-event-text">{e.text}</div>
            {e.evidence.map((f) => (
              <div key={f.sha256} className="notice-evidence">
                <Typography.Text type="secondary">
                  {f.name} · {t("manage:web.notice.bytes", { n: f.bytes })} · SHA-256 {f.sha256.slice(0, 12)}…
                </Typography.Text>
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}

/**
 * A mine's flags (with their evidence in the language) and its rectification notices: the regulator
 * issues a notice from a flag or dismisses it with a reason; the enterprise answers a notice with
 * what it did and files as evidence; the regulator closes or escalates it. Buttons show only for
 * who may press them (the server still decides).
 */
export function FlagsAndNotices({ mineId, lang }: { mineId: string; lang: Lang }): ReactNode {
  const { t } = useTranslation(["manage"]);
  const me = useMe();
  const flags = useMineFlags(mineId);
  const notices = useMineNotices(mineId);
  const [dialog, setDialog] = useState<Dialog | undefined>(undefined);
  const mayIssue = may(me.data, "notice.issue");
  const mayRespond = may(me.data, "notice.respond");
  const mayDismiss = may(me.data, "supervision.run");
  if (flags.error) return <QueryError error={flags.error} />;
  if (notices.error) return <QueryError error={notices.error} />;
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Card
        size="small"
        id="mine-flags"
        title={t("manage:web.mine.flags")}
        extra={
          mayIssue && (
            <Button size="small" id="issue-notice" onClick={() => setDialog({ kind: "issue" })}>
              {t("manage:web.notice.title.issue")}
            </Button>
          )
        }
      >
        <Table
          size="small"
          rowKey="id"
          loading={flags.isPending}
          pagination={false}
          scroll={{ x: "max-content" }}
          dataSource={flags.data ?? []}
          locale={{ emptyText: <Empty description={t("manage:web.mine.noFlags")} /> }}
          rowClassName={(f) => `flag-row flag-${f.status}`}
          columns={[
            {
              key: "kind",
              title: t("manage:web.mine.col.flag"),
              render: (_, f) => (
                <span data-flag={f.kind}>
                  <strong>{t(`manage:flag.${f.kind}`)}</strong> ({f.year})
                  <br />
                  <span className="flag-evidence">{domainText(lang, f.evidence)}</span>
                </span>
              ),
            },
            {
              key: "status",
              title: t("manage:web.col.status"),
              render: (_, f) => (
                <Tag color={FLAG_COLOUR[f.status]} data-status={f.status}>
                  {t(`manage:web.flagStatus.${f.status}`)}
                </Tag>
              ),
            },
            {
              key: "raised",
              title: t("manage:web.mine.col.raised"),
              render: (_, f) => day(lang, f.raisedAt),
            },
            {
              key: "act",
              title: "",
              render: (_, f) =>
                f.status === "open" && (
                  <Space wrap>
                    {mayIssue && (
                      <Button
                        size="small"
                        className="flag-issue"
                        onClick={() => setDialog({ kind: "issue", flag: f })}
                      >
                        {t("manage:web.notice.ok.issue")}
                      </Button>
                    )}
                    {mayDismiss && (
                      <Button
                        size="small"
                        className="flag-dismiss"
                        onClick={() => setDialog({ kind: "dismiss", flag: f })}
                      >
                        {t("manage:web.notice.ok.dismiss")}
                      </Button>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <Card size="small" id="mine-notices" title={t("manage:web.mine.notices")}>
        <Table
          size="small"
          rowKey="id"
          loading={notices.isPending}
          pagination={false}
          scroll={{ x: "max-content" }}
          dataSource={notices.data ?? []}
          locale={{ emptyText: <Empty description={t("manage:web.mine.noNotices")} /> }}
          rowClassName={(n) => `notice-row notice-${n.state}`}
          expandable={{ expandedRowRender: (n) => <NoticeEvents mineId={mineId} notice={n} lang={lang} /> }}
          columns={[
            {
              key: "text",
              title: t("manage:web.mine.col.notice"),
              // Wrapped, so that the deadline, state and buttons stay in sight on a laptop.
              onCell: () => ({ style: { minWidth: 200, maxWidth: 520, whiteSpace: "normal" } }),
              render: (_, n) => n.text,
            },
            {
              key: "deadline",
              title: t("manage:web.notice.deadline"),
              render: (_, n) => <span className="notice-deadline">{n.deadline}</span>,
            },
            {
              key: "state",
              title: t("manage:web.col.state"),
              render: (_, n) => (
                <Tag color={NOTICE_COLOUR[n.state]} data-state={n.state}>
                  {t(`manage:notice.${n.state}`)}
                </Tag>
              ),
            },
            {
              key: "act",
              title: "",
              render: (_, n) =>
                n.state !== "closed" && (
                  <Space wrap>
                    {mayRespond && (
                      <Button
                        size="small"
                        className="notice-respond"
                        onClick={() => setDialog({ kind: "respond", notice: n })}
                      >
                        {t("manage:web.notice.ok.respond")}
                      </Button>
                    )}
                    {mayIssue && (
                      <Button
                        size="small"
                        className="notice-close"
                        onClick={() => setDialog({ kind: "close", notice: n })}
                      >
                        {t("manage:web.notice.ok.close")}
                      </Button>
                    )}
                    {mayIssue && n.state !== "escalated" && (
                      <Button
                        size="small"
                        className="notice-escalate"
                        onClick={() => setDialog({ kind: "escalate", notice: n })}
                      >
                        {t("manage:web.notice.ok.escalate")}
                      </Button>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      {dialog && (
        <StepDialog dialog={dialog} mineId={mineId} lang={lang} onClose={() => setDialog(undefined)} />
      )}
    </Space>
  );
}
