import { Empty, List, Space, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { className } from "../../../presentation/i18n.ts";
import { LOCALE } from "../../../presentation/i18n/lang.ts";
import { useLang, withLang } from "../../app/Frame.tsx";
import type { PublicFeedback } from "./public-api.ts";

/** The colour of a message's status tag: received, in progress, handled. */
export const FEEDBACK_STATUS_COLOUR = {
  received: "default",
  "in-progress": "processing",
  handled: "success",
} as const;

/** A date (ISO) as the language writes it. */
export const dateText = (iso: string, lang: "en" | "zh") =>
  new Date(iso).toLocaleDateString(LOCALE[lang], { year: "numeric", month: "short", day: "numeric" });

/**
 * Public feedback with its status and the regulator's reply (newest first): the portal's and a
 * mine's page. `mines` names the mine a message is about (linked to its public summary).
 */
export function FeedbackList({
  items,
  mines,
  id,
}: {
  items: readonly PublicFeedback[];
  mines?: ReadonlyMap<string, { name: string; nameZh: string | null }>;
  id: string;
}): ReactNode {
  const { t } = useTranslation(["portal", "manage"]);
  const [lang] = useLang();
  const { search } = useLocation();
  return (
    <List
      id={id}
      className="public-feedback"
      itemLayout="vertical"
      locale={{ emptyText: <Empty description={t("portal:feedback.none")} /> }}
      dataSource={[...items]}
      renderItem={(f) => {
        const mine = f.mineId ? mines?.get(f.mineId) : undefined;
        return (
          <List.Item key={f.id} className="public-feedback-item" data-feedback={f.id} data-status={f.status}>
            <Space wrap size={[6, 4]}>
              <Tag color={FEEDBACK_STATUS_COLOUR[f.status]} className="feedback-status">
                {t(`manage:feedbackStatus.${f.status}`)}
              </Tag>
              <Tag>{t(`manage:feedback.${f.category}`)}</Tag>
              {mine && f.mineId && (
                <Link to={withLang(`/public/mines/${f.mineId}`, search)}>{className(lang, mine)}</Link>
              )}
              <Typography.Text type="secondary">{dateText(f.createdAt, lang)}</Typography.Text>
              {f.point && (
                <Typography.Text type="secondary">
                  {t("portal:feedback.point", { lon: f.point.lon.toFixed(4), lat: f.point.lat.toFixed(4) })}
                </Typography.Text>
              )}
            </Space>
            <Typography.Paragraph className="feedback-message">{f.message}</Typography.Paragraph>
            {f.reply && (
              <div className="feedback-reply">
                <Typography.Text strong>
                  {f.repliedAt
                    ? t("portal:feedback.replyOn", { date: dateText(f.repliedAt, lang) })
                    : t("portal:feedback.reply")}
                </Typography.Text>
                <Typography.Paragraph className="feedback-reply-text">{f.reply}</Typography.Paragraph>
              </div>
            )}
          </List.Item>
        );
      }}
    />
  );
}
