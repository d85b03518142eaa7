import { Card, Statistic, Tag } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { KeyFigure } from "../../contract/overview.ts";
import { unitName } from "../../domain/common/field-meta.ts";
import { formatNumber } from "../../presentation/i18n.ts";
import type { Lang } from "../../presentation/i18n/lang.ts";
import { staleReasonLabel } from "./stale-reason.ts";

/**
 * A key figure's name, value in the language's digits and unit; a missing one is shown as missing
 * (never as 0). The area's overview and the public portal show figures with it.
 */
export function FigureStatistic({
  figure,
  lang,
  className,
}: {
  figure: KeyFigure;
  lang: Lang;
  className?: string;
}): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  const ok = figure.value !== null && Number.isFinite(figure.value);
  return (
    <Statistic
      className={className}
      title={t(`figure.${figure.id}`)}
      value={ok ? formatNumber(lang, figure.value!, Math.abs(figure.value!) < 10 ? 4 : 1) : "—"}
      suffix={<span className="unit">{unitName(figure.unit, lang)}</span>}
      valueRender={(node) => (
        <span className={ok ? "value" : "value missing"} data-missing={ok ? undefined : "true"}>
          {node}
        </span>
      )}
    />
  );
}

/** A key figure in a card: its value, its source (or why it is missing), and a stale marker. */
export function FigureCard({ figure, lang }: { figure: KeyFigure; lang: Lang }): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  return (
    <Card size="small" className="figure-card" data-figure={figure.id}>
      <FigureStatistic figure={figure} lang={lang} />
      <div className="source">
        {t("source")}: {figure.source}
      </div>
      {figure.stale && (
        <Tag
          color="warning"
          className="stale"
          title={staleReasonLabel(t, figure.staleReason, figure.staleReasonCode)}
        >
          {t("web:stale")}
        </Tag>
      )}
    </Card>
  );
}
