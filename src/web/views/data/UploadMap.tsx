import { keys } from "../../api/queries.ts";
import { UploadOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Form, InputNumber, Typography, Upload, type UploadFile } from "antd";
import type { z } from "zod";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { mapUploadAnswerSchema } from "../../../contract/landuse-map.ts";
import { ApiError, apiFetch } from "../../api/client.ts";
import { apiWarningText } from "../../components/stale-reason.ts";
import { fieldErrors } from "./field-errors.ts";

type UploadAnswer = z.infer<typeof mapUploadAnswerSchema>;

interface Values {
  year?: number;
}

/**
 * Uploads a land-use map of a year. Replacing a year's map is asked first, in a modal that says the
 * analyses using it will be marked stale; the server refuses a replacement not asked for
 * (`replace=true`). The answer's warnings (a map whose codes cover the legend badly) are shown.
 * Any earlier answer is cleared as soon as the form is submitted again.
 */
export function UploadMap({ areaId, years }: { areaId: string; years: readonly number[] }): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  const { modal } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<UploadFile | undefined>();
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<UploadAnswer | undefined>();
  const [error, setError] = useState<string | undefined>();

  const send = async (year: number, raw: File, replace: boolean) => {
    const body = new FormData();
    body.set("year", String(year));
    body.set("file", raw);
    setBusy(true);
    try {
      const r = await apiFetch<UploadAnswer>(
        `/api/areas/${encodeURIComponent(areaId)}/maps?year=${year}${replace ? "&replace=true" : ""}`,
        { method: "POST", body },
      );
      setAnswer(r);
      setFile(undefined);
      await qc.invalidateQueries({ queryKey: keys.area(areaId) });
    } catch (e) {
      if (e instanceof ApiError && e.code === "map-exists" && !replace) return confirmReplace(year, raw);
      if (e instanceof ApiError) {
        const { fields, rest } = fieldErrors(e.details, ["year", "file"] as const);
        form.setFields(
          fields.flatMap((f) => (f.name === "year" ? [{ name: "year" as const, errors: f.errors }] : [])),
        );
        const fileErrors = fields.find((f) => f.name === "file")?.errors ?? [];
        setError([e.message, ...fileErrors, ...rest].join("; "));
      } else setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const confirmReplace = (year: number, raw: File) =>
    modal.confirm({
      title: t("web:upload.replaceTitle", { year }),
      content: t("web:upload.replaceText", { year }),
      okText: t("web:upload.replace"),
      okButtonProps: { danger: true, id: "confirm-replace" },
      cancelText: t("web:cancel"),
      onOk: () => send(year, raw, true),
    });

  return (
    <Form<Values>
      id="upload-map"
      form={form}
      layout="vertical"
      // A refused form clears the previous answer: no old success under new errors.
      onFinishFailed={() => {
        setAnswer(undefined);
        setError(undefined);
      }}
      onFinish={(v) => {
        setAnswer(undefined);
        setError(undefined);
        const raw = file?.originFileObj ?? (file as unknown as File | undefined);
        if (!raw) {
          setError(t("web:upload.needFile"));
          return;
        }
        const year = v.year!;
        if (years.includes(year)) confirmReplace(year, raw);
        else void send(year, raw, false);
      }}
    >
      <Typography.Paragraph type="secondary" className="map-years">
        {t("maps")}: {years.length ? years.join(", ") : t("noData")}
      </Typography.Paragraph>
      <Form.Item
        name="year"
        label={t("year")}
        rules={[{ required: true, type: "integer", min: 1900, max: 2200, message: t("web:upload.badYear") }]}
      >
        <InputNumber precision={0} style={{ width: "100%" }} id="upload-year" />
      </Form.Item>
      <Form.Item label={t("file")} required>
        <Upload
          accept=".tif,.tiff,image/tiff"
          maxCount={1}
          fileList={file ? [file] : []}
          beforeUpload={(f) => {
            setFile({ uid: f.uid, name: f.name, originFileObj: f } as UploadFile);
            setAnswer(undefined);
            return false;
          }}
          onRemove={() => setFile(undefined)}
        >
          <Button icon={<UploadOutlined />}>{t("web:upload.choose")}</Button>
        </Upload>
      </Form.Item>
      {error && <Alert className="form-error" type="error" showIcon role="alert" title={error} />}
      {answer && (
        <Alert
          className="upload-ok"
          type={answer.warnings?.length ? "warning" : "success"}
          showIcon
          role="status"
          title={t(answer.replaced ? "web:upload.replaced" : "web:upload.stored", {
            year: answer.year,
            width: answer.grid.width,
            height: answer.grid.height,
            crs: answer.grid.crs,
          })}
          description={
            answer.warnings?.length || answer.staleAnalyses?.length ? (
              <ul className="upload-warnings">
                {(answer.warnings ?? []).map((w) => (
                  <li key={w.message}>{apiWarningText(t, w)}</li>
                ))}
                {answer.staleAnalyses?.length ? (
                  <li>{t("web:upload.staleAnalyses", { count: answer.staleAnalyses.length })}</li>
                ) : null}
              </ul>
            ) : undefined
          }
        />
      )}
      <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 8 }}>
        {t("upload")}
      </Button>
    </Form>
  );
}
