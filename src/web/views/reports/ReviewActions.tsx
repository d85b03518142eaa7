import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Input, Popconfirm, Radio, Row, Select, Space, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ReportEventType } from "../../../domain/manage/report-workflow.ts";
import { className } from "../../../presentation/i18n.ts";
import type { Lang } from "../../../presentation/i18n/lang.ts";
import { REPORT_NS, type ContentField } from "./content-fields.ts";
import { EventError } from "./EventError.tsx";
import { useFireEvent, useVerificationBodies, type AnnualReportRecord } from "./reports-api.ts";

type Comment = { path: string; comment: string };

/** Comments on single fields: the field (by its label, searchable) and the text. */
function CommentsEditor({
  id,
  fields,
  value,
  onChange,
}: {
  id: string;
  fields: readonly ContentField[];
  value: Comment[];
  onChange: (v: Comment[]) => void;
}): ReactNode {
  const { t } = useTranslation(REPORT_NS);
  const set = (i: number, patch: Partial<Comment>) =>
    onChange(value.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <div id={id} className="comments-editor">
      {value.map((c, i) => (
        <Row gutter={8} key={i} className="comment-row" style={{ marginBottom: 8 }}>
          <Col xs={24} md={10}>
            <Select
              showSearch={{ optionFilterProp: "label" }}
              className="comment-field"
              style={{ width: "100%" }}
              placeholder={t("reportsWeb:review.pickField")}
              value={c.path || undefined}
              onChange={(path: string) => set(i, { path })}
              options={fields.map((f) => ({ value: f.path, label: f.label }))}
              aria-label={t("reportsWeb:review.field")}
            />
          </Col>
          <Col xs={20} md={12}>
            <Input.TextArea
              className="comment-text"
              rows={1}
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={4000}
              value={c.comment}
              placeholder={t("reportsWeb:review.comment")}
              onChange={(e) => set(i, { comment: e.target.value })}
              aria-label={t("reportsWeb:review.comment")}
            />
          </Col>
          <Col xs={4} md={2}>
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t("reportsWeb:remove")}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
            />
          </Col>
        </Row>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        className="comment-add"
        onClick={() => onChange([...value, { path: "", comment: "" }])}
      >
        {t("reportsWeb:review.addComment")}
      </Button>
    </div>
  );
}

const filled = (cs: Comment[]) => cs.filter((c) => c.path !== "" && c.comment.trim() !== "");

/** What the regulator may do with a report now: send to verification, return, approve, reject, publish. */
export function RegulatorActions({
  report,
  fields,
  lang,
}: {
  report: AnnualReportRecord;
  fields: readonly ContentField[];
  lang: Lang;
}): ReactNode {
  const { t } = useTranslation(REPORT_NS);
  const fire = useFireEvent(report.id);
  const may = (e: ReportEventType) => report.nextEvents.includes(e);
  const bodies = useVerificationBodies(may("send-to-verification"));
  const [body, setBody] = useState<string | undefined>();
  const [reason, setReason] = useState("");
  const [comments, setComments] = useState<Comment[]>([]);
  const [rejectReason, setRejectReason] = useState("");
  const [tried, setTried] = useState<"return" | "reject" | undefined>();
  if (
    !["send-to-verification", "return", "approve", "reject", "publish"].some((e) => may(e as ReportEventType))
  )
    return null;
  return (
    <Card size="small" title={t("reportsWeb:review.title")} id="review-actions">
      <Space direction="vertical" style={{ width: "100%" }} size="middle">
        {may("send-to-verification") && (
          <div id="send-to-verification">
            <Typography.Paragraph>{t("reportsWeb:review.sendIntro")}</Typography.Paragraph>
            <Space wrap>
              <Select
                id="verifier-body"
                style={{ minWidth: 240, maxWidth: "100%" }}
                placeholder={t("reportsWeb:review.pickBody")}
                loading={bodies.isPending}
                value={body}
                onChange={setBody}
                options={(bodies.data ?? []).map((b) => ({ value: b.id, label: className(lang, b) }))}
              />
              <Button
                type="primary"
                id="event-send-to-verification"
                disabled={!body}
                loading={fire.isPending}
                onClick={() =>
                  body && fire.mutate({ type: "send-to-verification", verifierOrganisationId: body })
                }
              >
                {t("manage:event.send-to-verification")}
              </Button>
            </Space>
          </div>
        )}
        {may("return") && (
          <div id="return-form">
            <Typography.Title level={5}>{t("reportsWeb:review.returnTitle")}</Typography.Title>
            <Input.TextArea
              id="return-reason"
              rows={2}
              maxLength={4000}
              value={reason}
              status={tried === "return" && reason.trim() === "" ? "error" : undefined}
              placeholder={t("reportsWeb:review.reason")}
              aria-label={t("reportsWeb:review.reason")}
              onChange={(e) => setReason(e.target.value)}
            />
            {tried === "return" && reason.trim() === "" && (
              <Typography.Text type="danger" id="return-reason-required">
                {t("reportsWeb:review.reasonRequired")}
              </Typography.Text>
            )}
            <Typography.Paragraph type="secondary" style={{ margin: "8px 0" }}>
              {t("reportsWeb:review.commentsIntro")}
            </Typography.Paragraph>
            <CommentsEditor id="return-comments" fields={fields} value={comments} onChange={setComments} />
            <div style={{ marginTop: 8 }}>
              <Button
                id="event-return"
                loading={fire.isPending}
                onClick={() => {
                  setTried("return");
                  if (reason.trim() === "") return;
                  fire.mutate({ type: "return", reason: reason.trim(), fieldComments: filled(comments) });
                }}
              >
                {t("manage:event.return")}
              </Button>
            </div>
          </div>
        )}
        {may("approve") && (
          <Popconfirm
            title={t("reportsWeb:review.approveConfirm")}
            onConfirm={() => fire.mutate({ type: "approve" })}
          >
            <Button type="primary" id="event-approve" loading={fire.isPending}>
              {t("manage:event.approve")}
            </Button>
          </Popconfirm>
        )}
        {may("reject") && (
          <div id="reject-form">
            <Typography.Title level={5}>{t("reportsWeb:review.rejectTitle")}</Typography.Title>
            <Space.Compact style={{ width: "100%" }}>
              <Input
                id="reject-reason"
                maxLength={4000}
                value={rejectReason}
                status={tried === "reject" && rejectReason.trim() === "" ? "error" : undefined}
                placeholder={t("reportsWeb:review.reason")}
                aria-label={t("reportsWeb:review.reason")}
                onChange={(e) => setRejectReason(e.target.value)}
              />
              <Button
                danger
                id="event-reject"
                loading={fire.isPending}
                onClick={() => {
                  setTried("reject");
                  if (rejectReason.trim() !== "")
                    fire.mutate({ type: "reject", reason: rejectReason.trim() });
                }}
              >
                {t("manage:event.reject")}
              </Button>
            </Space.Compact>
            {tried === "reject" && rejectReason.trim() === "" && (
              <Typography.Text type="danger">{t("reportsWeb:review.reasonRequired")}</Typography.Text>
            )}
          </div>
        )}
        {may("publish") && (
          <div id="publish">
            <Typography.Paragraph>{t("reportsWeb:review.publishIntro")}</Typography.Paragraph>
            <Popconfirm
              title={t("reportsWeb:review.publishConfirm")}
              onConfirm={() => fire.mutate({ type: "publish" })}
            >
              <Button type="primary" id="event-publish" loading={fire.isPending}>
                {t("manage:event.publish")}
              </Button>
            </Popconfirm>
          </div>
        )}
        <EventError error={fire.error} fields={fields} />
      </Space>
    </Card>
  );
}

/** The verifier's conclusion: whether the report conforms, its statement and findings on fields. */
export function VerifierConclusion({
  report,
  fields,
}: {
  report: AnnualReportRecord;
  fields: readonly ContentField[];
}): ReactNode {
  const { t } = useTranslation(REPORT_NS);
  const fire = useFireEvent(report.id);
  const [conforms, setConforms] = useState<boolean | undefined>();
  const [statement, setStatement] = useState("");
  const [findings, setFindings] = useState<Comment[]>([]);
  const [tried, setTried] = useState(false);
  if (!report.nextEvents.includes("conclude-verification")) return null;
  const missing = conforms === undefined || statement.trim() === "";
  return (
    <Card size="small" title={t("reportsWeb:verify.title")} id="verifier-conclusion">
      <Space direction="vertical" style={{ width: "100%" }}>
        <Typography.Paragraph type="secondary">{t("reportsWeb:verify.intro")}</Typography.Paragraph>
        <Typography.Title level={5}>{t("reportsWeb:verify.findings")}</Typography.Title>
        <CommentsEditor id="verifier-findings" fields={fields} value={findings} onChange={setFindings} />
        <Typography.Title level={5}>{t("reportsWeb:verify.conclusion")}</Typography.Title>
        <Radio.Group
          id="verifier-conforms"
          value={conforms}
          onChange={(e) => setConforms(e.target.value as boolean)}
          options={[
            { value: true, label: t("reportsWeb:verify.conforms") },
            { value: false, label: t("reportsWeb:verify.nonConformity") },
          ]}
        />
        <Input.TextArea
          id="verifier-statement"
          rows={2}
          maxLength={4000}
          value={statement}
          status={tried && statement.trim() === "" ? "error" : undefined}
          placeholder={t("reportsWeb:verify.statement")}
          aria-label={t("reportsWeb:verify.statement")}
          onChange={(e) => setStatement(e.target.value)}
        />
        {tried && missing && (
          <Typography.Text type="danger">{t("reportsWeb:verify.required")}</Typography.Text>
        )}
        <Button
          type="primary"
          id="event-conclude-verification"
          loading={fire.isPending}
          onClick={() => {
            setTried(true);
            if (missing) return;
            fire.mutate({
              type: "conclude-verification",
              conclusion: { conforms, statement: statement.trim(), findings: filled(findings) },
            });
          }}
        >
          {t("manage:event.conclude-verification")}
        </Button>
        <EventError error={fire.error} fields={fields} />
      </Space>
    </Card>
  );
}

/** A short note for who may do nothing with the report now. */
export function NothingToDo({ text }: { text: string }): ReactNode {
  return <Alert type="info" showIcon id="report-nothing-to-do" title={text} />;
}
