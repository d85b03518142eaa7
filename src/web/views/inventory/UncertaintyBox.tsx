import { Alert, Card, Table, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { MineInventoryRecord } from "../../../contract/mine-inventory.ts";
import { formatNumber } from "../../../presentation/i18n.ts";
import { domainText } from "../../../presentation/i18n/domain-text.ts";
import type { Lang } from "../../../presentation/i18n/lang.ts";
import type { ViewT } from "../../components/view-texts.ts";
import { uncertaintyVerdict } from "./uncertainty-verdict.ts";

/** The uncertainty of an inventory's result, or an honest sentence saying why there is none. */
export function UncertaintyBox({
  lang,
  result,
  tv,
}: {
  lang: Lang;
  result: MineInventoryRecord;
  tv: ViewT;
}): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  const u = result.uncertainty;
  const n = (v: number, d = 1) => formatNumber(lang, v, d);
  const verdict = uncertaintyVerdict(u);
  const body =
    !u || verdict === "not-asked" ? (
      <Alert type="info" showIcon id="uncertainty-none" title={tv("inv.uncertaintyNotAsked")} />
    ) : verdict === "no-range" ? (
      <Alert
        type="warning"
        showIcon
        id="uncertainty-none"
        title={tv("inv.noUncertainty")}
        description={
          u.takenAsExact.length
            ? tv("inv.exactInputs", {
                inputs: u.takenAsExact.map((x) => domainText(lang, x.label)).join(", "),
              })
            : undefined
        }
      />
    ) : (
      <>
        <Typography.Paragraph type="secondary">{t("uncertaintyMethod")}</Typography.Paragraph>
        <Table
          id="uncertainty-table"
          size="small"
          rowKey="key"
          pagination={false}
          scroll={{ x: "max-content" }}
          dataSource={u.rows}
          columns={[
            { title: t("figure"), key: "l", render: (_, r) => domainText(lang, r.label) },
            { title: t("value"), key: "v", align: "right", render: (_, r) => `${n(r.value)} ${r.unit}` },
            {
              title: t("approach1Pct"),
              key: "a1",
              align: "right",
              render: (_, r) => (r.approach1.pct === null ? "—" : `± ${n(r.approach1.pct)} %`),
            },
            {
              title: t("approach2Range"),
              key: "a2",
              align: "right",
              render: (_, r) => (r.approach2 ? `${n(r.approach2.low)} – ${n(r.approach2.high)}` : "—"),
            },
          ]}
        />
        {u.takenAsExact.length > 0 && (
          <Typography.Paragraph type="secondary">
            {tv("inv.exactInputs", {
              inputs: u.takenAsExact.map((x) => domainText(lang, x.label)).join(", "),
            })}
          </Typography.Paragraph>
        )}
      </>
    );
  return (
    <Card size="small" title={tv("inv.uncertainty")} id="uncertainty-panel">
      {body}
    </Card>
  );
}
