import { DownloadOutlined } from "@ant-design/icons";
import { Button, Space, Typography } from "antd";
import { useMutation } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ReportRecord } from "../../contract/report-record.ts";
import { parseLang } from "../../presentation/i18n/lang.ts";
import { apiFetch } from "../api/client.ts";
import { useMay, type AreaRef } from "../app/access.ts";

/** Starts the browser's download of a file at `url`. */
function download(url: string): void {
  const a = document.createElement("a");
  a.href = url;
  a.download = "";
  document.body.append(a);
  a.click();
  a.remove();
}

/**
 * Buttons that make a report (HTML or PDF, in the page's language) at `endpoint` and download it;
 * `extra` is sent with the request (a scenario, for instance). Shown only to who may make reports
 * of `area` (`report.create`: its owner); nothing while the area is not known.
 */
export function ReportButtons(props: {
  endpoint: string;
  area: AreaRef | null;
  extra?: Record<string, unknown>;
}): ReactNode {
  if (!useMay("report.create", props.area)) return null;
  return <MakeReport endpoint={props.endpoint} extra={props.extra} />;
}

function MakeReport({ endpoint, extra }: { endpoint: string; extra?: Record<string, unknown> }): ReactNode {
  const { t, i18n } = useTranslation();
  const lang = parseLang(i18n.language) ?? "en";
  const make = useMutation({
    mutationFn: (format: "html" | "pdf") =>
      apiFetch<Pick<ReportRecord, "url">>(endpoint, { method: "POST", json: { format, lang, ...extra } }),
    onSuccess: (r) => download(r.url),
  });
  return (
    <Space wrap className="reports">
      <Button
        size="small"
        className="report-html"
        icon={<DownloadOutlined />}
        loading={make.isPending && make.variables === "html"}
        onClick={() => make.mutate("html")}
      >
        {t("downloadHtml")}
      </Button>
      <Button
        size="small"
        className="report-pdf"
        icon={<DownloadOutlined />}
        loading={make.isPending && make.variables === "pdf"}
        onClick={() => make.mutate("pdf")}
      >
        {t("downloadPdf")}
      </Button>
      {make.data && (
        <a href={make.data.url} download className="report-link">
          {make.variables?.toUpperCase()} ⬇
        </a>
      )}
      {make.error && (
        <Typography.Text type="danger" role="status">
          {make.error.message}
        </Typography.Text>
      )}
    </Space>
  );
}
