import { Alert, Card, Col, Row, Skeleton } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { parseLang } from "../../../presentation/i18n/lang.ts";
import { useOverview } from "../../api/queries.ts";
import { QueryError } from "../../components/QueryError.tsx";
import { useMay } from "../../app/access.ts";
import { AnalysesTable } from "./AnalysesTable.tsx";
import { CreateArea } from "./CreateArea.tsx";
import { LegendEditor } from "./LegendEditor.tsx";
import { RunAnalysis } from "./RunAnalysis.tsx";
import { UploadMap } from "./UploadMap.tsx";

/**
 * The data view: create an area; for the chosen area, upload its land-use maps, run the land-use
 * analysis, list its analyses, and edit its legend. Each form owns its state (a language switch
 * keeps what was typed); the area's forms are keyed by the area, so another area starts afresh.
 * Only the forms the actor may use on the area (its owner's) are shown; a reader sees its analyses.
 */
export default function DataView(): ReactNode {
  const { areaId } = useParams();
  const { t } = useTranslation(["common", "web"]);
  const mayCreate = useMay("area.create");
  return (
    <Row gutter={[12, 12]} className="data-view">
      {areaId && <AreaData key={areaId} areaId={areaId} />}
      {mayCreate && (
        <Col xs={24} lg={12}>
          <Card size="small" title={t("newArea")} id="create-area-card">
            <CreateArea />
          </Card>
        </Col>
      )}
    </Row>
  );
}

function AreaData({ areaId }: { areaId: string }): ReactNode {
  const { t, i18n } = useTranslation(["common", "web"]);
  const overview = useOverview(areaId, parseLang(i18n.language) ?? "en");
  const area = overview.data?.area ?? null;
  const mayUpload = useMay("map.upload", area);
  const mayRun = useMay("analysis.run", area);
  const mayLegend = useMay("area.update", area);
  if (overview.isPending) return <Skeleton active />;
  if (overview.error) return <QueryError error={overview.error} />;
  const years = overview.data.maps.map((m) => m.year).sort((a, b) => a - b);
  return (
    <>
      {!mayUpload && !mayRun && !mayLegend && (
        <Col xs={24}>
          <Alert type="info" showIcon className="read-only-note" title={t("web:auth.readOnlyArea")} />
        </Col>
      )}
      {mayUpload && (
        <Col xs={24} lg={12}>
          <Card size="small" title={t("uploadMap")} id="upload-card">
            <UploadMap areaId={areaId} years={years} />
          </Card>
        </Col>
      )}
      {mayRun && (
        <Col xs={24} lg={12}>
          <Card size="small" title={t("runAnalysis")} id="run-card">
            <RunAnalysis areaId={areaId} years={years} />
          </Card>
        </Col>
      )}
      <Col xs={24}>
        <Card size="small" title={t("web:analyses")} id="analyses-card">
          <AnalysesTable areaId={areaId} />
        </Card>
      </Col>
      {mayLegend && (
        <Col xs={24}>
          <Card size="small" title={t("legend")} id="legend-card">
            <LegendEditor areaId={areaId} />
          </Card>
        </Col>
      )}
    </>
  );
}
