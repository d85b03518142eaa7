import { ArrowLeftOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Grid, Skeleton, Space, Steps, Tag, Typography } from "antd";
import { useContext, useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import type { AnnualReportDraft } from "../../../contract/annual-report.ts";
import type { RegionCode } from "../../../domain/access/region-code.ts";
import { decide } from "../../../domain/access/policy.ts";
import { className } from "../../../presentation/i18n.ts";
import type { Lang } from "../../../presentation/i18n/lang.ts";
import { ApiError, type ApiErrorDetail } from "../../api/client.ts";
import { useMe } from "../../api/queries.ts";
import { actorOf } from "../../app/access.ts";
import { useLang } from "../../app/Frame.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import type { Doc } from "../inventory/activity-doc.ts";
import {
  contentFields,
  labelOf,
  remarksByPath,
  REPORT_NS,
  stepOfPath,
  type ContentField,
} from "./content-fields.ts";
import {
  ChecksStep,
  DeclarationStep,
  EvidenceStep,
  LandUseStep,
  MeasuresStep,
  ReclamationStep,
} from "./ContentSteps.tsx";
import { EventError } from "./EventError.tsx";
import { EventHistory, Adjustment, Versions } from "./History.tsx";
import { InventoryStep, startDoc } from "./InventoryStep.tsx";
import { RemarksContext } from "./Remarks.tsx";
import {
  useChecks,
  useFireEvent,
  useReport,
  useReportList,
  useSaveDraft,
  useVersion,
  type AnnualReportRecord,
} from "./reports-api.ts";
import { RegulatorActions, VerifierConclusion } from "./ReviewActions.tsx";
import { STATE_COLOUR } from "./state-colours.ts";

const STEPS = ["data", "landUse", "reclamation", "measures", "evidence", "check", "submit"] as const;
const CHECK_STEP = STEPS.indexOf("check");

/** The report as the access policy reads it (annualReportResource's shape). */
const resourceOf = (r: AnnualReportRecord) => ({
  kind: "annual-report" as const,
  organisationId: r.organisationId,
  regionCode: r.regionCode as RegionCode,
  published: r.state === "published",
  verifierOrganisationIds: r.verifierOrganisationId === null ? [] : [r.verifierOrganisationId],
});

/** The inventory problems of a refusal, at the document's own paths (without `inventory.`). */
const inventoryDetails = (e: Error | null): ApiErrorDetail[] =>
  e instanceof ApiError
    ? e.details
        .filter((d) => d.path.startsWith("inventory."))
        .map((d) => ({ ...d, path: d.path.slice("inventory.".length) }))
    : [];

/**
 * The report's content in steps (antd Steps): data (the inventory through the Inventory view's
 * form), land use, reclamation, measures, evidence, checks, declaration. Editable for the
 * enterprise while the report is a draft or returned — moving between steps or "Save" puts the
 * draft — read-only otherwise (then `content` is the last submitted version).
 */
function ContentWizard({
  report,
  content,
  editable,
  fields,
  lang,
}: {
  report: AnnualReportRecord;
  content: AnnualReportDraft;
  editable: boolean;
  fields: readonly ContentField[];
  lang: Lang;
}): ReactNode {
  const { t } = useTranslation(REPORT_NS);
  const [draft, setDraft] = useState<AnnualReportDraft>(content);
  const [dirty, setDirty] = useState(false);
  const [step, setStep] = useState(0);
  const [invKey, setInvKey] = useState(0);
  const save = useSaveDraft(report.id);
  const fire = useFireEvent(report.id);
  const checks = useChecks(report.id, step === CHECK_STEP && !dirty);
  const [saved, setSaved] = useState(false);
  const narrow = !Grid.useBreakpoint().md;
  // Last year's report of the mine, whose inventory (all sources and sinks) a new draft may start from.
  const before = useReportList({ mineId: report.mine.id, year: report.year - 1 });
  const prev = before.data?.find((r) => r.latestVersion !== null);
  const prevVersion = useVersion(prev?.id ?? "", editable ? (prev?.latestVersion ?? undefined) : undefined);

  const update = (patch: Partial<AnnualReportDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setDirty(true);
    setSaved(false);
  };
  const persist = (then?: () => void) => {
    if (!editable || !dirty) return then?.();
    save.mutate(draft, {
      onSuccess: () => {
        setDirty(false);
        setSaved(true);
        then?.();
      },
    });
  };
  const go = (n: number) => persist(() => setStep(n));
  const submitType = report.nextEvents.includes("resubmit")
    ? "resubmit"
    : report.nextEvents.includes("submit")
      ? "submit"
      : undefined;
  const doc = (draft.inventory as Doc | undefined) ?? startDoc(report.year, report.mine.name);
  const readOnly = !editable;
  const problems = [
    ...inventoryDetails(fire.error),
    ...(step === 0 && checks.data ? checks.data.inventoryProblems : []),
  ];
  const startFromPrevious = () => {
    const inv = (prevVersion.data?.content as AnnualReportDraft | undefined)?.inventory;
    if (!inv) return;
    const next = structuredClone(inv) as { years?: { year?: number }[] };
    next.years = (next.years ?? []).slice(0, 1).map((y) => ({ ...y, year: report.year }));
    update({ inventory: next as Doc });
    setInvKey((k) => k + 1);
  };
  const body = [
    <div key="data">
      {editable && prevVersion.data && content.inventory === undefined && (
        <Alert
          type="info"
          showIcon
          id="start-from-previous"
          style={{ marginBottom: 12 }}
          title={t("reportsWeb:data.previous", { year: report.year - 1 })}
          action={
            <Button size="small" onClick={startFromPrevious} id="use-previous">
              {t("reportsWeb:data.usePrevious")}
            </Button>
          }
        />
      )}
      <InventoryStep
        key={invKey}
        doc={doc}
        onChange={(inventory) => update({ inventory })}
        readOnly={readOnly}
        problems={problems}
        fileName={t("reportsWeb:data.templateFile", { year: report.year })}
      />
    </div>,
    <Form key="landUse" layout="vertical" disabled={readOnly} component="div">
      <LandUseStep
        mineId={report.mine.id}
        value={draft.landUse}
        onChange={(landUse) => update({ landUse })}
        readOnly={readOnly}
        lang={lang}
      />
    </Form>,
    <Form key="reclamation" layout="vertical" disabled={readOnly} component="div">
      <ReclamationStep
        mineId={report.mine.id}
        value={draft.reclamation ?? []}
        onChange={(reclamation) => update({ reclamation })}
        readOnly={readOnly}
        lang={lang}
      />
    </Form>,
    <Form key="measures" layout="vertical" disabled={readOnly} component="div">
      <MeasuresStep
        value={draft.measures ?? []}
        onChange={(measures) => update({ measures })}
        readOnly={readOnly}
      />
    </Form>,
    <EvidenceStep
      key="evidence"
      report={report}
      chosen={draft.evidence ?? []}
      onAttach={(id) => {
        const evidence = [...(draft.evidence ?? []), id];
        const next = { ...draft, evidence };
        setDraft(next);
        // The file is the report's now: the draft lists it at once.
        save.mutate(next, { onSuccess: () => setDirty(false) });
      }}
      onDetach={(id) => {
        // The file is gone: the draft must not list it (a submission would refuse the dangling id).
        const next = { ...draft, evidence: (draft.evidence ?? []).filter((x) => x !== id) };
        setDraft(next);
        save.mutate(next, { onSuccess: () => setDirty(false) });
      }}
      readOnly={readOnly}
      lang={lang}
    />,
    <ChecksStep key="check" checks={checks} lang={lang} />,
    <Form key="submit" layout="vertical" disabled={readOnly} component="div">
      <DeclarationStep
        value={draft.declaration}
        onChange={(declaration) => update({ declaration })}
        notes={draft.notes}
        onNotes={(notes) => update({ notes })}
        readOnly={readOnly}
      />
    </Form>,
  ];
  const remarked = [...useContext(RemarksContext).keys()];
  const failedSteps = new Set(
    fire.error instanceof ApiError ? fire.error.details.map((d) => stepOfPath(d.path)) : [],
  );
  return (
    <Card size="small" id="report-wizard" data-editable={String(editable)}>
      {editable && remarked.length > 0 && (
        <div id="remarked-fields" style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t("reportsWeb:report.remarkedFields")}</Typography.Text>{" "}
          {remarked.map((path) => (
            <Button
              key={path}
              size="small"
              type="link"
              className="remarked-field"
              data-path={path}
              onClick={() => go(stepOfPath(path))}
            >
              {labelOf(fields, path)}
            </Button>
          ))}
        </div>
      )}
      <Steps
        size="small"
        current={step}
        onChange={go}
        className="report-steps"
        {...(narrow ? { type: "inline" as const, responsive: false } : {})}
        items={STEPS.map((s, i) => ({
          // A step with a problem of the refused submission, or with a remark to answer, is marked.
          // On a phone the steps are dots (the current one's title is the heading below).
          title: narrow ? undefined : t(`reportsWeb:step.${s}`),
          status: failedSteps.has(i) || remarked.some((p) => stepOfPath(p) === i) ? "error" : undefined,
        }))}
        style={{ marginBottom: 16 }}
      />
      {narrow && (
        <Typography.Title level={4} className="report-step-title">
          {t("reportsWeb:stepOf", {
            n: step + 1,
            of: STEPS.length,
            title: t(`reportsWeb:step.${STEPS[step]!}`),
          })}
        </Typography.Title>
      )}
      <div className="report-step" data-step={STEPS[step]}>
        {body[step]}
      </div>
      {editable && (
        <Space wrap style={{ marginTop: 16 }}>
          {step > 0 && (
            <Button onClick={() => go(step - 1)} id="step-back">
              {t("reportsWeb:back")}
            </Button>
          )}
          <Button onClick={() => persist()} loading={save.isPending} disabled={!dirty} id="step-save">
            {t("reportsWeb:save")}
          </Button>
          {step < STEPS.length - 1 && (
            <Button type="primary" onClick={() => go(step + 1)} loading={save.isPending} id="step-next">
              {t("reportsWeb:saveNext")}
            </Button>
          )}
          {step === STEPS.length - 1 && submitType && (
            <Button
              type="primary"
              id="report-submit"
              loading={fire.isPending || save.isPending}
              onClick={() => persist(() => fire.mutate({ type: submitType }))}
            >
              {t(`manage:event.${submitType}`)}
            </Button>
          )}
          {saved && !dirty && (
            <Typography.Text type="success" id="draft-saved" role="status">
              {t("reportsWeb:saved")}
            </Typography.Text>
          )}
        </Space>
      )}
      {editable && step === STEPS.length - 1 && !submitType && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t("reportsWeb:submitNotYours")}
        </Typography.Paragraph>
      )}
      <div style={{ marginTop: 12 }}>
        <EventError error={save.error} fields={fields} id="save-error" />
        <EventError error={fire.error} fields={fields} id="submit-error" />
      </div>
    </Card>
  );
}

/** The state of a report as a coloured tag, in the language. */
export function StateTag({ state }: { state: AnnualReportRecord["state"] }): ReactNode {
  const { t } = useTranslation(REPORT_NS);
  return (
    <Tag color={STATE_COLOUR[state]} className="report-state" data-state={state}>
      {t(`manage:state.${state}`)}
    </Tag>
  );
}

function ReportView({ report, lang }: { report: AnnualReportRecord; lang: Lang }): ReactNode {
  const { t } = useTranslation(REPORT_NS);
  const me = useMe().data;
  const location = useLocation();
  const editable =
    (report.state === "draft" || report.state === "returned") &&
    !!me &&
    decide(actorOf(me), "annual-report.write", resourceOf(report)).allowed;
  const latest = report.versions.at(-1)?.number;
  const version = useVersion(report.id, editable ? undefined : latest);
  // The last return's comments and the last verification's findings, while the report is still being
  // worked on (returned, resubmitted, in verification or review); not on an approved or final one.
  const settled = ["approved", "published", "rejected"].includes(report.state);
  const remarks = useMemo(
    () => (settled ? new Map() : remarksByPath(report.events)),
    [settled, report.events],
  );
  const content = (editable || latest === undefined ? report.draft : version.data?.content) as
    AnnualReportDraft | undefined;
  const fields = useMemo(() => contentFields(t, lang, content), [t, lang, content]);
  const lastReturn = report.events.findLast((e) => e.type === "return");
  const lastReject = report.events.findLast((e) => e.type === "reject");
  return (
    <RemarksContext.Provider value={remarks}>
      <Space direction="vertical" size="middle" style={{ width: "100%" }} className="report-view">
        <Link to={`/reports${location.search}`} id="back-to-reports">
          <ArrowLeftOutlined /> {t("reportsWeb:list.title")}
        </Link>
        <Space wrap align="center">
          <Typography.Title level={2} style={{ margin: 0 }} id="report-title">
            {t("reportsWeb:report.title", { mine: className(lang, report.mine), year: report.year })}
          </Typography.Title>
          <StateTag state={report.state} />
        </Space>
        {report.state === "returned" && lastReturn && (
          <Alert
            type="warning"
            showIcon
            id="return-note"
            title={t("reportsWeb:report.returned")}
            description={
              <>
                <div id="return-reason-text">{String(lastReturn.body.reason ?? "")}</div>
                {remarks.size > 0 && <div>{t("reportsWeb:report.commentsAtFields")}</div>}
              </>
            }
          />
        )}
        {report.state === "rejected" && lastReject && (
          <Alert
            type="error"
            showIcon
            id="reject-note"
            title={t("reportsWeb:report.rejected")}
            description={String(lastReject.body.reason ?? "")}
          />
        )}
        {!editable && report.state !== "draft" && report.state !== "returned" && (
          <Typography.Text type="secondary" id="read-only-note">
            {latest !== undefined
              ? t("reportsWeb:report.readOnlyVersion", { n: latest })
              : t("reportsWeb:report.readOnly")}
          </Typography.Text>
        )}
        <VerifierConclusion report={report} fields={fields} />
        <RegulatorActions report={report} fields={fields} lang={lang} />
        {!editable && latest !== undefined && version.isPending ? (
          <Skeleton active />
        ) : !editable && version.error ? (
          <QueryError error={version.error} />
        ) : (
          <ContentWizard
            key={`${editable}:${latest ?? 0}`}
            report={report}
            content={content ?? {}}
            editable={editable}
            fields={fields}
            lang={lang}
          />
        )}
        <Adjustment report={report} lang={lang} />
        <EventHistory report={report} fields={fields} lang={lang} />
        <Versions report={report} fields={fields} lang={lang} />
      </Space>
    </RemarksContext.Provider>
  );
}

/**
 * One annual report (`/reports/:reportId`): the enterprise's wizard while it may edit it (draft or
 * returned, the reviewer's comments at their fields); read-only otherwise, with the verifier's
 * conclusion or the regulator's review actions as the report's `nextEvents` allow; after approval
 * the evaluate-and-adjust figures; the history of events and the versions compared field by field.
 */
export default function ReportPage(): ReactNode {
  const { reportId = "" } = useParams();
  const [lang] = useLang();
  const report = useReport(reportId);
  if (report.isPending) return <Skeleton active />;
  if (report.error) return <QueryError error={report.error} />;
  return <ReportView report={report.data} lang={lang} />;
}
