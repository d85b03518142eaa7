import { Alert, Button, Card, Col, Empty, Form, Input, List, Row, Skeleton, Space, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useSearchParams } from "react-router";
import { className } from "../../../presentation/i18n.ts";
import type { Lang } from "../../../presentation/i18n/lang.ts";
import { LangToggle, useLang, withLang } from "../../app/Frame.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { DemoNotice } from "../login/index.tsx";
import { apiErrorText } from "../login/api-error-text.ts";
import { FigureStatistic } from "../../components/FigureCard.tsx";
import { LayerMap } from "../../components/LayerMap.tsx";
import { SeriesChartCard } from "../../components/SeriesChartCard.tsx";
import { usePublicArea, usePublicAreas, useSendFeedback, type PublicArea } from "./public-api.ts";

/** One published area: its figures, its latest map and the stock/emissions chart. */
function AreaDetail({ detail, lang }: { detail: PublicArea; lang: Lang }): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  const layer = detail.map?.layer;
  const crs = detail.map?.crs;
  return (
    <Row gutter={[12, 12]} className="public-detail">
      <Col xs={24} lg={12}>
        <Card
          size="small"
          title={
            layer
              ? t("web:public.latestMap", {
                  title: className(lang, { name: layer.title, nameZh: layer.titleZh }),
                })
              : t("maps")
          }
        >
          {layer && crs ? (
            <LayerMap id="public-map" projection={crs} layer={layer} height={320} />
          ) : (
            <Empty description={t("noData")} />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <SeriesChartCard id="public-chart" series={detail.series} lang={lang} height={320} />
      </Col>
    </Row>
  );
}

interface FeedbackFields {
  name?: string;
  contact?: string;
  message: string;
}

/** Feedback on a published area: anyone may send it (public participation and supervision). */
function FeedbackForm({ areaId }: { areaId: string }): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  const [lang] = useLang();
  const send = useSendFeedback();
  const [form] = Form.useForm<FeedbackFields>();
  return (
    <Card size="small" title={t("web:public.feedback")} className="feedback-card">
      {send.isSuccess && (
        <Alert
          id="feedback-sent"
          type="success"
          showIcon
          title={t("web:public.feedbackSent")}
          className="form-note"
        />
      )}
      {send.error && (
        <Alert
          id="feedback-error"
          type="error"
          showIcon
          role="alert"
          title={apiErrorText(t, lang, send.error)}
          className="form-note"
        />
      )}
      <Form<FeedbackFields>
        form={form}
        layout="vertical"
        requiredMark={false}
        name="feedback"
        onFinish={(v) =>
          send.mutate(
            {
              areaId,
              message: v.message,
              ...(v.name ? { name: v.name } : {}),
              ...(v.contact ? { contact: v.contact } : {}),
            },
            { onSuccess: () => form.resetFields() },
          )
        }
      >
        <Form.Item label={t("web:public.feedbackName")} name="name" rules={[{ max: 100 }]}>
          <Input id="feedback-name" maxLength={100} />
        </Form.Item>
        <Form.Item label={t("web:public.feedbackContact")} name="contact" rules={[{ max: 200 }]}>
          <Input id="feedback-contact" maxLength={200} />
        </Form.Item>
        <Form.Item
          label={t("web:public.feedbackMessage")}
          name="message"
          rules={[{ required: true, message: t("web:required") }, { max: 4000 }]}
        >
          <Input.TextArea id="feedback-message" rows={4} maxLength={4000} showCount />
        </Form.Item>
        <Button id="feedback-submit" type="primary" htmlType="submit" loading={send.isPending}>
          {t("web:public.send")}
        </Button>
      </Form>
    </Card>
  );
}

/**
 * `/public`: the published areas with their key figures, one area's map and chart, and feedback —
 * for everyone, no sign-in (the start page of an anonymous visitor).
 */
export default function PublicPortal(): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  const [lang] = useLang();
  const { search } = useLocation();
  const [params, setParams] = useSearchParams();
  const areas = usePublicAreas(lang);
  const [picked, setPicked] = useState<string | undefined>(params.get("area") ?? undefined);
  const areaId = picked ?? areas.data?.[0]?.id;
  const detail = usePublicArea(areaId, lang);
  const pick = (id: string) => {
    setPicked(id);
    setParams(
      (p) => {
        p.set("area", id);
        return p;
      },
      { replace: true },
    );
  };
  return (
    <div className="public-page">
      <header className="login-header">
        <Typography.Title level={1} className="brand">
          MineCarbon
        </Typography.Title>
        <Space wrap>
          <Link id="to-login" to={withLang("/login", search)}>
            {t("web:auth.signIn")}
          </Link>
          <LangToggle />
        </Space>
      </header>
      <main className="view public-main">
        <Typography.Title level={2}>{t("web:public.title")}</Typography.Title>
        <Typography.Paragraph type="secondary">{t("web:public.intro")}</Typography.Paragraph>
        <DemoNotice />
        {areas.isPending ? (
          <Skeleton active />
        ) : areas.error ? (
          <QueryError error={areas.error} />
        ) : (
          <List
            id="public-areas"
            className="public-areas"
            grid={{ gutter: 12, xs: 1, sm: 1, md: 2, lg: 2, xl: 3 }}
            locale={{ emptyText: t("web:public.none") }}
            dataSource={areas.data}
            renderItem={(a) => (
              <List.Item>
                <Card
                  size="small"
                  hoverable
                  className={a.id === areaId ? "public-area picked" : "public-area"}
                  data-area={a.id}
                  title={className(lang, a)}
                  onClick={() => pick(a.id)}
                >
                  <div className="public-area-where">
                    {className(lang, a.region)}
                    {a.mines.length > 0 &&
                      ` · ${a.mines.map((m) => className(lang, m)).join(t("web:public.listSeparator"))}`}
                  </div>
                  {a.figures.slice(0, 3).map((f) => (
                    <FigureStatistic key={f.id} className="public-figure" figure={f} lang={lang} />
                  ))}
                </Card>
              </List.Item>
            )}
          />
        )}
        {areaId && (
          <>
            {detail.isPending ? (
              <Skeleton active />
            ) : detail.error ? (
              <QueryError error={detail.error} />
            ) : (
              <>
                <Typography.Title level={3} className="public-area-title">
                  {className(lang, detail.data)}
                </Typography.Title>
                <AreaDetail detail={detail.data} lang={lang} />
              </>
            )}
            <FeedbackForm areaId={areaId} key={areaId} />
          </>
        )}
      </main>
    </div>
  );
}
