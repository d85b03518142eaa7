import { Tag, Timeline, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { AuditAction, AuditRecordKind } from "../../../domain/access/audit-event.ts";
import { LOCALE, type Lang } from "../../../presentation/i18n/lang.ts";
import { QueryError } from "../../components/QueryError.tsx";
import { useAuditOfResource } from "./audit-api.ts";

export const OUTCOME_COLOUR = { done: "green", refused: "red", failed: "orange" } as const;

export const timeText = (lang: Lang, iso: string) =>
  new Date(iso).toLocaleString(LOCALE[lang], { dateStyle: "short", timeStyle: "medium" });

/**
 * The timeline of one record: every event about it, oldest first. `withRecords`: the timeline
 * gathers the events of the records it holds too (an area's maps and analyses, a mine's plots,
 * reports and notices), so each step names its record.
 */
export function RecordTimeline({
  kind,
  id,
  lang,
  withRecords = false,
}: {
  kind: string;
  id: string;
  lang: Lang;
  withRecords?: boolean;
}): ReactNode {
  const { t } = useTranslation(["common", "web", "webViews", "access", "terms"]);
  const events = useAuditOfResource(kind, id);
  if (events.isPending) return <Typography.Text>…</Typography.Text>;
  if (events.error) return <QueryError error={events.error} />;
  return (
    <div id="audit-timeline">
      <Timeline
        items={events.data.events.map((e) => ({
          key: e.seq,
          color: OUTCOME_COLOUR[e.outcome],
          content: (
            <div className="audit-step" data-kind={e.resource.kind}>
              <div>
                <span className="audit-action" title={e.action}>
                  {t(`terms:action.${e.action as AuditAction}`)}
                </span>{" "}
                <Tag color={OUTCOME_COLOUR[e.outcome]}>{t(`webViews:audit.outcome.${e.outcome}`)}</Tag>
                {withRecords && (
                  <Typography.Text type="secondary" className="audit-record">
                    {t(`webViews:audit.kind.${e.resource.kind as AuditRecordKind}`)} {e.resource.id ?? ""}
                  </Typography.Text>
                )}
              </div>
              <div className="audit-step-meta">
                {timeText(lang, e.at)} · {e.who.username ?? e.who.tokenId ?? t("access:role.public")}
              </div>
            </div>
          ),
        }))}
      />
    </div>
  );
}
