import { Alert, Button, Card, Form, Input, Select, Space, Typography } from "antd";
import { useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FEEDBACK_CATEGORIES, FEEDBACK_MESSAGE_MAX_CHARS } from "../../../contract/public.ts";
import { className, formatNumber } from "../../../presentation/i18n.ts";
import { ApiError } from "../../api/client.ts";
import { useLang } from "../../app/Frame.tsx";
import { PointMap, type LonLat } from "./PointMap.tsx";
import { usePublicMine, useSendFeedback, type PublicMineListItem } from "./public-api.ts";

interface FeedbackFields {
  category?: (typeof FEEDBACK_CATEGORIES)[number];
  mineId?: string;
  name?: string;
  contact?: string;
  message: string;
}

const NO_MINES: readonly PublicMineListItem[] = [];

/** The form's fields the API's details can name (a detail's path is the body's field). */
const FIELDS = ["category", "mineId", "name", "contact", "message"] as const;

/** The public mines' extents as rectangles (GeoJSON, EPSG:4326), for a map before a mine is chosen. */
function extents(mines: readonly PublicMineListItem[]): unknown {
  const placed = mines.flatMap((m) => (m.bbox ? [m.bbox] : []));
  if (placed.length === 0) return undefined;
  return {
    type: "FeatureCollection",
    features: placed.map(([w, s, e, n]) => ({
      type: "Feature",
      properties: {},
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [w, s],
            [e, s],
            [e, n],
            [w, n],
            [w, s],
          ],
        ],
      },
    })),
  };
}

/**
 * The map on which the visitor picks a point: the chosen mine's boundary, or before one is chosen
 * the extents of the public mines.
 */
function PickMap({
  mineId,
  mines,
  picked,
  onPick,
}: {
  mineId: string | undefined;
  mines: readonly PublicMineListItem[];
  picked: LonLat | null;
  onPick: (p: LonLat) => void;
}): ReactNode {
  const { t } = useTranslation(["portal"]);
  const mine = usePublicMine(mineId);
  const all = useMemo(() => extents(mines), [mines]);
  return (
    <PointMap
      id="feedback-map"
      label={t("portal:form.mapLabel")}
      boundary={mineId ? mine.data?.boundary : all}
      picked={picked}
      onPick={onPick}
      height={260}
    />
  );
}

/**
 * Feedback from anyone (issue 13, public participation): a category, the message, an optional
 * name and contact (never shown to the public), an optional mine and an optional point picked on
 * the map (a click puts the marker, its coordinates are shown, it can be cleared). The server's
 * refusals are said in the page's language by their code: too many messages from this address
 * (rate-limited), a field it refused (bad-input, shown at the field), a mine that is not public.
 * `mineId` fixed: the form of a mine's page; else the visitor may choose one of `mines`, and
 * without one the message is about `areaId` (the area shown) or the portal.
 */
export function FeedbackForm({
  mines,
  mineId: fixedMine,
  areaId,
  title,
}: {
  mines?: readonly PublicMineListItem[];
  mineId?: string;
  areaId?: string;
  title?: string;
}): ReactNode {
  const { t } = useTranslation(["portal", "manage", "web"]);
  const [lang] = useLang();
  const send = useSendFeedback();
  const [form] = Form.useForm<FeedbackFields>();
  const [point, setPoint] = useState<LonLat | null>(null);
  const chosen = Form.useWatch("mineId", form);
  const mineId = fixedMine ?? chosen;

  const errorText = (e: Error): string => {
    if (!(e instanceof ApiError)) return t("portal:error.network");
    if (e.code === "rate-limited") return t("portal:error.rate-limited");
    if (e.code === "bad-input") return t("portal:error.bad-input");
    if (e.code === "not-found") return t("portal:error.not-found");
    return t("portal:error.other", { status: e.status });
  };

  const submit = (v: FeedbackFields) => {
    const about = mineId ? { mineId } : areaId ? { areaId } : {};
    send.mutate(
      {
        ...about,
        category: v.category ?? "other",
        message: v.message,
        ...(point ? { point } : {}),
        ...(v.name?.trim() ? { name: v.name.trim() } : {}),
        ...(v.contact?.trim() ? { contact: v.contact.trim() } : {}),
      },
      {
        onSuccess: () => {
          form.resetFields();
          setPoint(null);
        },
        onError: (e) => {
          if (!(e instanceof ApiError) || e.code !== "bad-input") return;
          form.setFields(
            e.details.flatMap((d) => {
              const field = FIELDS.find((f) => d.path === f || d.path.startsWith(`${f}.`));
              return field ? [{ name: field, errors: [t("portal:error.field")] }] : [];
            }),
          );
        },
      },
    );
  };

  return (
    <Card size="small" title={title ?? t("portal:form.title")} className="feedback-card" id="feedback-card">
      {send.isSuccess && (
        <Alert
          id="feedback-sent"
          type="success"
          showIcon
          title={t("portal:form.sent")}
          className="form-note"
        />
      )}
      {send.error && (
        <Alert
          id="feedback-error"
          data-code={send.error instanceof ApiError ? send.error.code : "network"}
          type="error"
          showIcon
          role="alert"
          title={errorText(send.error)}
          className="form-note"
        />
      )}
      <Form<FeedbackFields>
        form={form}
        layout="vertical"
        requiredMark={false}
        name="feedback"
        initialValues={{ category: "other" }}
        onFinish={submit}
      >
        <Form.Item label={t("portal:form.category")} name="category">
          <Select
            id="feedback-category"
            options={FEEDBACK_CATEGORIES.map((c) => ({ value: c, label: t(`manage:feedback.${c}`) }))}
          />
        </Form.Item>
        {fixedMine === undefined && mines && mines.length > 0 && (
          <Form.Item label={t("portal:form.mine")} name="mineId" extra={t("portal:form.mineHint")}>
            <Select
              id="feedback-mine"
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              placeholder={t("portal:form.minePlaceholder")}
              options={mines.map((m) => ({ value: m.id, label: className(lang, m) }))}
            />
          </Form.Item>
        )}
        <Form.Item
          label={t("portal:form.message")}
          name="message"
          rules={[
            { required: true, whitespace: true, message: t("portal:form.messageRequired") },
            { max: FEEDBACK_MESSAGE_MAX_CHARS },
          ]}
        >
          <Input.TextArea id="feedback-message" rows={4} maxLength={FEEDBACK_MESSAGE_MAX_CHARS} showCount />
        </Form.Item>
        <div className="feedback-point">
          <Typography.Text strong>{t("portal:form.point")}</Typography.Text>
          <Typography.Paragraph type="secondary" className="form-note">
            {t("portal:form.pointHint")}
          </Typography.Paragraph>
          <PickMap mineId={mineId} mines={mines ?? NO_MINES} picked={point} onPick={setPoint} />
          <Space wrap className="feedback-point-line" style={{ margin: "8px 0 16px" }}>
            <span id="feedback-point">
              {point
                ? t("portal:form.pointAt", {
                    lon: formatNumber(lang, point.lon, 5),
                    lat: formatNumber(lang, point.lat, 5),
                  })
                : t("portal:form.noPoint")}
            </span>
            {point && (
              <Button id="feedback-point-clear" size="small" onClick={() => setPoint(null)}>
                {t("portal:form.clearPoint")}
              </Button>
            )}
          </Space>
        </div>
        <Form.Item label={t("portal:form.name")} name="name" rules={[{ max: 100 }]}>
          <Input id="feedback-name" maxLength={100} />
        </Form.Item>
        <Form.Item
          label={t("portal:form.contact")}
          name="contact"
          extra={t("portal:form.contactHint")}
          rules={[{ max: 200 }]}
        >
          <Input id="feedback-contact" maxLength={200} />
        </Form.Item>
        <Button id="feedback-submit" type="primary" htmlType="submit" loading={send.isPending}>
          {t("portal:form.send")}
        </Button>
      </Form>
    </Card>
  );
}
