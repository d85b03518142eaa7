import { createWriteStream, existsSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import {
  annualReportDraftSchema,
  annualReportListItemSchema,
  annualReportRecordSchema,
  evidenceFileSchema,
  publicAnnualReportListItemSchema,
  publicAnnualReportSchema,
  reportAdjustmentSchema,
  reportChecksSchema,
  reportEventInput,
  reportStateSchema,
  reportVersionSchema,
  versionChangesSchema,
  type AnnualReportContent,
  type AnnualReportRecord,
  type EvidenceFileRecord,
  type PublicAnnualReport,
} from "../../../contract/annual-report.ts";
import { storedId } from "../../../contract/stored-id.ts";
import {
  computeInventory,
  figuresOf,
  previousApprovedFigures,
  reportChecks,
} from "../../../app/manage/annual-report-content.ts";
import {
  cleanFileName,
  contentDisposition,
  EVIDENCE_MAX_BYTES,
  EVIDENCE_TYPES,
  fileHead,
  removeEvidenceFile,
  sha256OfFile,
  sniffEvidenceType,
  storeEvidence,
} from "../../../app/manage/annual-report-evidence.ts";
import { fireReportEvent, reportRecipients } from "../../../app/manage/annual-report-workflow.ts";
import type { ActionId } from "../../../domain/access/actions.ts";
import { ANONYMOUS, type Actor } from "../../../domain/access/actor.ts";
import { decide, queryScope } from "../../../domain/access/policy.ts";
import {
  nextReportEvents,
  REPORT_EVENTS,
  type ReportEventType,
  type ReportState,
} from "../../../domain/manage/report-workflow.ts";
import { versionChanges } from "../../../domain/manage/version-changes.ts";
import type { ReportFigures } from "../../../domain/manage/plausibility.ts";
import type { InputIssue } from "../../../domain/validation/input-issue.ts";
import {
  annualReportResource,
  type StoredAnnualReport,
  type StoredEvidenceFile,
} from "../../../storage/annual-report-repository.ts";
import { mineResource } from "../../../storage/mine-repository.ts";
import { planReview } from "./pathway-routes.ts";
import { asSystem } from "../../../storage/row-scope.ts";
import { findFor } from "../../access/find-for.ts";
import type { ApiApp } from "../../api-app.ts";
import { ApiError, notFound } from "../../api-error.ts";
import { authorise } from "../../auth/authorise.ts";
import { authError } from "../../auth/auth-errors.ts";
import type { AppContext } from "../../context.ts";
import { sendFile } from "../area-routes.ts";
import { documentedOnly, empty, errors, file, idParam, idParams } from "../../route-schema.ts";

/** The refusal of a change the record's state does not allow now (409). Every 409 of these routes goes through here. */
const conflict = (message: string, details: InputIssue[] = []) => new ApiError("conflict", message, details);

const mineOf = (r: StoredAnnualReport) => ({ id: r.mineId, name: r.mineName, nameZh: r.mineNameZh });

const evidenceJson = (f: StoredEvidenceFile, inVersion: boolean): EvidenceFileRecord => ({
  id: f.id,
  name: f.name,
  mediaType: f.mediaType,
  bytes: f.bytes,
  sha256: f.sha256,
  uploadedBy: f.uploadedBy,
  createdAt: f.createdAt.toISOString(),
  inVersion,
});

/** The evidence ids any version of the report refers to (such files are kept for good). */
const referencedEvidence = (versions: readonly { content: unknown }[]) =>
  new Set(
    versions.flatMap((v) => ((v.content as Partial<AnnualReportContent> | null)?.evidence ?? []).map(String)),
  );

/**
 * The events `actor` may fire now: those the state allows (nextReportEvents) whose action the
 * policy grants on the report — none for an API token: a workflow event is a person's act (the
 * submission's declaration, the verifier's conclusion, the regulator's decision), so it is made
 * signed in, and the event names that person.
 */
const eventsFor = (actor: Actor, r: StoredAnnualReport): ReportEventType[] =>
  actor.kind !== "user"
    ? []
    : nextReportEvents(r.state).filter(
        (t) => decide(actor, REPORT_EVENTS[t].action, annualReportResource(r)).allowed,
      );

const EDITABLE: readonly ReportState[] = ["draft", "returned"];

/**
 * Annual reports (issue 13): an enterprise reports a mine's year (inventory, land use, reclamation,
 * measures, evidence, declaration); the workflow (report-workflow.ts) takes it through verification
 * and review to publication, keeping every submitted version and event. Reports are found through
 * the policy (404 when the actor may not read one, 403 when it may read but not act); every change
 * is one audited transaction.
 */
export function annualReportRoutes(app: ApiApp, ctx: AppContext): void {
  const reportFor = (req: FastifyRequest, id: string, action: ActionId) =>
    findFor(req.actor, action, {
      read: "annual-report.read",
      what: "annual report",
      id,
      load: (scope) => ctx.annualReports.getScoped(id, scope),
      resource: annualReportResource,
    });

  const recordJson = async (actor: Actor, r: StoredAnnualReport): Promise<AnnualReportRecord> => {
    const [versions, events, evidence] = await Promise.all([
      ctx.annualReports.versions(r.id),
      ctx.annualReports.events(r.id),
      ctx.annualReports.evidence(r.id),
    ]);
    const kept = referencedEvidence(versions);
    return {
      id: r.id,
      mine: mineOf(r),
      year: r.year,
      organisationId: r.organisationId,
      regionCode: r.regionCode,
      state: r.state,
      verifierOrganisationId: r.verifierOrganisationId,
      draft: r.draft,
      versions: versions.map((v) => ({
        number: v.number,
        submittedAt: v.submittedAt.toISOString(),
        submittedBy: v.submittedBy,
      })),
      events,
      evidence: evidence.map((f) => evidenceJson(f, kept.has(f.id))),
      nextEvents: eventsFor(actor, r),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  };

  const auditOf = (r: StoredAnnualReport) => ({
    id: r.id,
    mineId: r.mineId,
    year: r.year,
    state: r.state,
    verifierOrganisationId: r.verifierOrganisationId,
  });

  app.get(
    "/api/annual-reports",
    {
      config: { access: { action: "annual-report.read" } },
      schema: {
        summary:
          "the annual reports the actor may see (its own, its jurisdiction's, those sent to it for verification)",
        querystring: z.object({
          mineId: storedId.optional(),
          year: z.coerce.number().int().min(1990).max(2100).optional(),
          state: reportStateSchema.optional(),
        }),
        response: { 200: z.array(annualReportListItemSchema), ...errors("bad-input") },
      },
    },
    async (req) =>
      (await ctx.annualReports.list(queryScope(req.actor, "annual-report.read"), req.query)).map((r) => ({
        id: r.id,
        mine: mineOf(r),
        year: r.year,
        state: r.state,
        updatedAt: r.updatedAt.toISOString(),
        latestVersion: r.latestVersion,
        verifierOrganisationId: r.verifierOrganisationId,
      })),
  );

  app.post(
    "/api/mines/:id/annual-reports",
    {
      config: { access: { action: "annual-report.write" } },
      schema: {
        summary:
          "open the year's annual report of a mine as a draft (its enterprise; the report takes the mine's owner and region)",
        params: idParams,
        body: z
          .object({ year: z.number().int().min(1990).max(2100).meta({ description: "the reporting year" }) })
          .strict(),
        response: { 201: annualReportRecordSchema, ...errors("bad-input", "not-found", "conflict") },
      },
    },
    async (req, reply) => {
      const mine = await findFor(req.actor, "mine.read", {
        read: "mine.read",
        what: "mine",
        id: req.params.id,
        load: (scope) => ctx.mines.getScoped(req.params.id, scope),
        resource: mineResource,
      });
      const owner = {
        organisationId: mine.organisationId,
        regionCode: mine.regionCode,
        state: "draft" as const,
      };
      authorise(
        req.actor,
        "annual-report.write",
        annualReportResource({ ...owner, verifierOrganisationId: null }),
      );
      // Whether the year exists is asked as the system: a report the actor cannot see still takes the year.
      const existing = await asSystem(() => ctx.annualReports.ofMineYear(mine.id, req.body.year));
      if (existing)
        throw conflict(`mine ${mine.id} has a ${req.body.year} report (${existing.id}); open it instead`, [
          { path: "year", message: `a report of ${req.body.year} exists for this mine` },
        ]);
      const created = await ctx.change(req, async (tx) => {
        const r = await tx.annualReports.create({
          mineId: mine.id,
          year: req.body.year,
          organisationId: mine.organisationId,
          regionCode: mine.regionCode,
        });
        return {
          value: r,
          audit: {
            action: "annual-report.write",
            resource: annualReportResource(r),
            kind: "annual-report",
            id: r.id,
            after: auditOf(r),
          },
        };
      });
      return reply.status(201).send(await recordJson(req.actor, created));
    },
  );

  app.get(
    "/api/annual-reports/:id",
    {
      config: { access: { action: "annual-report.read" } },
      schema: {
        summary:
          "an annual report: its state, draft, versions, events, evidence and the events the asker may fire now",
        params: idParams,
        response: { 200: annualReportRecordSchema, ...errors("not-found") },
      },
    },
    async (req) => recordJson(req.actor, await reportFor(req, req.params.id, "annual-report.read")),
  );

  app.put(
    "/api/annual-reports/:id/draft",
    {
      config: { access: { action: "annual-report.write" } },
      schema: {
        summary: "save the draft (a draft or returned report; it may be incomplete until it is submitted)",
        params: idParams,
        body: annualReportDraftSchema,
        response: { 200: annualReportRecordSchema, ...errors("bad-input", "not-found", "conflict") },
      },
    },
    async (req) => {
      const before = await reportFor(req, req.params.id, "annual-report.write");
      if (!EDITABLE.includes(before.state))
        throw conflict(
          `annual report ${before.id} is ${before.state}: only a draft or a returned report is edited`,
          [{ path: "state", message: `is ${before.state}` }],
        );
      const after = await ctx.change(req, async (tx) => {
        const locked = await tx.annualReports.lock(before.id);
        if (!locked || !EDITABLE.includes(locked.state))
          throw conflict(`annual report ${before.id} changed meanwhile; read it again`);
        await tx.annualReports.setDraft(before.id, req.body);
        const r = (await tx.annualReports.get(before.id))!;
        return {
          value: r,
          audit: {
            action: "annual-report.write",
            resource: annualReportResource(r),
            kind: "annual-report",
            id: r.id,
            before: { ...auditOf(before), draft: before.draft },
            after: { ...auditOf(r), draft: r.draft },
          },
        };
      });
      return recordJson(req.actor, after);
    },
  );

  app.delete(
    "/api/annual-reports/:id",
    {
      config: { access: { action: "annual-report.write" } },
      schema: {
        summary: "delete a draft that was never submitted (after a submission nothing is deleted)",
        params: idParams,
        response: { 204: empty("deleted"), ...errors("not-found", "conflict") },
      },
    },
    async (req, reply) => {
      const r = await reportFor(req, req.params.id, "annual-report.write");
      const files = await ctx.annualReports.evidence(r.id);
      await ctx.change(req, async (tx) => {
        const locked = await tx.annualReports.lock(r.id);
        if (!locked || locked.state !== "draft" || !(await tx.annualReports.deleteDraft(r.id)))
          throw conflict(
            `annual report ${r.id} is ${locked?.state ?? r.state} or was submitted: it is kept`,
            [{ path: "state", message: "only a draft never submitted is deleted" }],
          );
        return {
          value: undefined,
          audit: {
            action: "annual-report.write",
            resource: annualReportResource(r),
            kind: "annual-report",
            id: r.id,
            before: auditOf(r),
          },
        };
      });
      await removeUnusedFiles(files);
      return reply.status(204).send(null);
    },
  );

  /** Removes stored files of deleted evidence rows that no other row (of any report) refers to. */
  const removeUnusedFiles = async (files: readonly StoredEvidenceFile[]) => {
    for (const f of files)
      if ((await asSystem(() => ctx.annualReports.filesWithHash(f.sha256))) === 0)
        removeEvidenceFile(ctx.folder, f.path);
  };

  app.post(
    "/api/annual-reports/:id/events",
    {
      config: { access: { action: "annual-report.read" } },
      schema: {
        summary:
          "fire a workflow event (submit, resubmit, send-to-verification, conclude-verification, return, approve, reject, publish); the action checked is the event's (REPORT_EVENTS), by a signed-in person (API tokens may not)",
        params: idParams,
        body: reportEventInput,
        response: {
          200: annualReportRecordSchema,
          ...errors("bad-input", "forbidden", "not-found", "conflict"),
        },
      },
    },
    async (req) => {
      const type = req.body.type;
      const action = REPORT_EVENTS[type].action;
      const r = await reportFor(req, req.params.id, action);
      const actor = req.actor;
      if (actor.kind !== "user")
        throw authError(
          "forbidden",
          `a workflow event is a person's act (a submission's declaration, a verifier's conclusion, a regulator's decision): sign in to ${type}; API tokens may prepare drafts and evidence only`,
          [{ path: "type", message: `${type} by an API token is refused` }],
        );
      if (req.body.type === "send-to-verification") {
        const body = await ctx.organisations.get(req.body.verifierOrganisationId);
        if (!body || body.kind !== "verification-body")
          throw new ApiError("bad-input", "the report can be sent only to a verification body", [
            {
              path: "verifierOrganisationId",
              message: `no verification body ${req.body.verifierOrganisationId}`,
            },
          ]);
      }
      const to = await asSystem(() => reportRecipients(ctx.store.db, r));
      const by = { userId: actor.userId, organisationId: actor.organisationId };
      const after = await ctx.change(req, async (tx) => {
        const result = await fireReportEvent(tx, r.id, req.body, by, to);
        if (!result.ok) {
          if ("gone" in result) throw notFound("annual report", r.id);
          const { kind, problems } = result.refusal;
          if (kind === "not-now") throw conflict(problems.map((p) => p.message).join("; "), [...problems]);
          throw new ApiError(
            "bad-input",
            `the ${type} is refused: ${problems.length} problem${problems.length === 1 ? "" : "s"}; see details`,
            [...problems],
          );
        }
        return {
          value: result.after,
          audit: {
            action,
            resource: annualReportResource(result.before),
            kind: "annual-report",
            id: r.id,
            before: auditOf(result.before),
            after: {
              ...auditOf(result.after),
              event: type,
              ...(result.version ? { version: result.version } : {}),
            },
          },
        };
      });
      return recordJson(actor, after);
    },
  );

  const versionNumber = z.coerce.number().int().min(1).max(10_000);

  app.get(
    "/api/annual-reports/:id/versions/:number",
    {
      config: { access: { action: "annual-report.read" } },
      schema: {
        summary: "a submitted version, frozen",
        params: z.object({ id: idParam, number: versionNumber }),
        response: { 200: reportVersionSchema, ...errors("bad-input", "not-found") },
      },
    },
    async (req) => {
      const r = await reportFor(req, req.params.id, "annual-report.read");
      const v = await ctx.annualReports.version(r.id, req.params.number);
      if (!v)
        throw new ApiError("not-found", `annual report ${r.id} has no version ${req.params.number}`, [
          { path: "number", message: `has versions 1 to ${(await ctx.annualReports.versions(r.id)).length}` },
        ]);
      return {
        number: v.number,
        submittedAt: v.submittedAt.toISOString(),
        submittedBy: v.submittedBy,
        content: v.content,
      };
    },
  );

  app.get(
    "/api/annual-reports/:id/changes",
    {
      config: { access: { action: "annual-report.read" } },
      schema: {
        summary: "what changed between two versions, field by field",
        params: idParams,
        querystring: z.object({ from: versionNumber, to: versionNumber }),
        response: { 200: versionChangesSchema, ...errors("bad-input", "not-found") },
      },
    },
    async (req) => {
      const r = await reportFor(req, req.params.id, "annual-report.read");
      const versions = await ctx.annualReports.versions(r.id);
      const pick = (n: number, path: string) => {
        const v = versions.find((x) => x.number === n);
        if (!v)
          throw new ApiError("not-found", `annual report ${r.id} has no version ${n}`, [
            { path, message: `has versions 1 to ${versions.length}` },
          ]);
        return v;
      };
      const from = pick(req.query.from, "from");
      const to = pick(req.query.to, "to");
      return { from: from.number, to: to.number, changes: versionChanges(from.content, to.content) };
    },
  );

  app.post(
    "/api/annual-reports/:id/evidence",
    {
      config: { access: { action: "annual-report.write" } },
      schema: {
        summary: `attach an evidence file (multipart, one \`file\`: ${EVIDENCE_TYPES.map((t) => t.what).join(", ")}, recognised by its bytes; at most ${EVIDENCE_MAX_BYTES / 1024 / 1024} MiB), stored under its SHA-256`,
        params: idParams,
        body: documentedOnly(z.object({ file: z.string().meta({ format: "binary" }) })),
        consumes: ["multipart/form-data"],
        response: {
          201: evidenceFileSchema,
          ...errors("bad-input", "not-found", "conflict", "too-large"),
        },
      },
    },
    async (req, reply) => {
      const r = await reportFor(req, req.params.id, "annual-report.write");
      if (!EDITABLE.includes(r.state))
        throw conflict(
          `annual report ${r.id} is ${r.state}: evidence is attached to a draft or a returned report`,
          [{ path: "state", message: `is ${r.state}` }],
        );
      if (!req.isMultipart())
        throw new ApiError("bad-input", "send multipart/form-data with one `file`", [
          { path: "body", message: "must be multipart/form-data" },
        ]);
      let temp: string | undefined;
      let name = "evidence";
      try {
        for await (const part of req.parts({
          limits: { fileSize: Math.min(EVIDENCE_MAX_BYTES, ctx.maxUploadBytes), files: 1 },
        })) {
          if (part.type !== "file") continue;
          if (part.fieldname !== "file" || temp) {
            part.file.resume();
            continue;
          }
          temp = ctx.folder.temp(".evidence");
          name = cleanFileName(part.filename ?? "", "evidence");
          await pipeline(part.file, createWriteStream(temp));
        }
      } catch (e) {
        if (temp) rmSync(temp, { force: true });
        throw e;
      }
      if (!temp || !existsSync(temp) || statSync(temp).size === 0) {
        if (temp) rmSync(temp, { force: true });
        throw new ApiError("bad-input", "the upload has no file", [
          { path: "file", message: "must be given: a PDF, PNG, JPEG, XLSX or CSV file, not empty" },
        ]);
      }
      const mediaType = sniffEvidenceType(fileHead(temp));
      if (!mediaType) {
        rmSync(temp, { force: true });
        throw new ApiError("bad-input", `"${name}" is not a file evidence may be`, [
          {
            path: "file",
            message: `must be ${EVIDENCE_TYPES.map((t) => t.what).join(", ")} (recognised by the file's bytes, not its name); "${name}" is none of them`,
          },
        ]);
      }
      const bytes = statSync(temp).size;
      const sha256 = await sha256OfFile(temp);
      const path = storeEvidence(ctx.folder, temp, sha256);
      const actor = req.actor;
      const uploadedBy = actor.kind === "user" ? actor.userId : actor.kind === "token" ? actor.createdBy : "";
      const stored = await ctx.change(req, async (tx) => {
        const f = await tx.annualReports.addEvidence({
          reportId: r.id,
          name,
          mediaType,
          bytes,
          sha256,
          path,
          uploadedBy,
        });
        return {
          value: f,
          audit: {
            action: "annual-report.write",
            resource: annualReportResource(r),
            kind: "evidence",
            id: f.id,
            after: evidenceJson(f, false),
          },
        };
      });
      return reply.status(201).send(evidenceJson(stored, false));
    },
  );

  const evidenceOf = async (r: StoredAnnualReport, fileId: string) => {
    const f = (await ctx.annualReports.evidence(r.id)).find((x) => x.id === fileId);
    if (!f) throw notFound(`evidence file of annual report ${r.id}`, fileId);
    return f;
  };

  app.get(
    "/api/annual-reports/:id/evidence/:fileId",
    {
      config: { access: { action: "annual-report.read" } },
      schema: {
        summary: "download an evidence file (signed in: evidence is not public)",
        params: z.object({ id: idParam, fileId: idParam }),
        response: {
          200: file("application/octet-stream", "the file, with its media type"),
          ...errors("not-found"),
        },
      },
    },
    async (req, reply) => {
      const r = await reportFor(req, req.params.id, "annual-report.read");
      // The public reads published reports, but not their evidence (invoices, meter readings, names).
      if (!decide(req.actor, "annual-report.read", { ...annualReportResource(r), published: false }).allowed)
        throw notFound(`evidence file of annual report ${r.id}`, req.params.fileId);
      const f = await evidenceOf(r, req.params.fileId);
      const path = join(ctx.folder.root, f.path);
      reply.header("content-disposition", contentDisposition(f.name));
      reply.header("x-content-sha256", f.sha256);
      return sendFile(reply, path, f.mediaType);
    },
  );

  app.delete(
    "/api/annual-reports/:id/evidence/:fileId",
    {
      config: { access: { action: "annual-report.write" } },
      schema: {
        summary:
          "remove an evidence file (while the report is a draft or returned, and no submitted version refers to it)",
        params: z.object({ id: idParam, fileId: idParam }),
        response: { 204: empty("removed"), ...errors("not-found", "conflict") },
      },
    },
    async (req, reply) => {
      const r = await reportFor(req, req.params.id, "annual-report.write");
      const f = await evidenceOf(r, req.params.fileId);
      await ctx.change(req, async (tx) => {
        const locked = await tx.annualReports.lock(r.id);
        if (!locked || !EDITABLE.includes(locked.state))
          throw conflict(`annual report ${r.id} is ${locked?.state ?? r.state}: its evidence is kept`, [
            { path: "state", message: "evidence is removed only from a draft or a returned report" },
          ]);
        if (referencedEvidence(await tx.annualReports.versions(r.id)).has(f.id))
          throw conflict(`evidence file ${f.id} belongs to a submitted version and is kept`, [
            { path: "fileId", message: "a submitted version refers to it" },
          ]);
        await tx.annualReports.deleteEvidence(r.id, f.id);
        return {
          value: undefined,
          audit: {
            action: "annual-report.write",
            resource: annualReportResource(r),
            kind: "evidence",
            id: f.id,
            before: evidenceJson(f, false),
          },
        };
      });
      await removeUnusedFiles([f]);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/annual-reports/:id/checks",
    {
      config: { access: { action: "annual-report.read" } },
      schema: {
        summary:
          "plausibility warnings of the draft against the mine's approved report of the year before: jumps, units off by 10⁴, intensity and energy per tonne out of range",
        params: idParams,
        response: { 200: reportChecksSchema, ...errors("not-found") },
      },
    },
    async (req) => {
      const r = await reportFor(req, req.params.id, "annual-report.read");
      return reportChecks(ctx, r);
    },
  );

  app.get(
    "/api/annual-reports/:id/adjustment",
    {
      config: { access: { action: "annual-report.read" } },
      schema: {
        summary:
          "after approval: the year's actual against the mine's plan (seed 002's evaluate-and-adjust), and what the comparison lacks",
        params: idParams,
        response: { 200: reportAdjustmentSchema, ...errors("not-found", "conflict") },
      },
    },
    async (req) => {
      const r = await reportFor(req, req.params.id, "annual-report.read");
      if (r.state !== "approved" && r.state !== "published")
        throw conflict(`annual report ${r.id} is ${r.state}: the year is evaluated once it is approved`, [
          { path: "state", message: `is ${r.state}; needs approved or published` },
        ]);
      const last = (await ctx.annualReports.versions(r.id)).at(-1)!;
      const inv = computeInventory((last.content as { inventory?: unknown }).inventory, r.year);
      if (!inv.ok) throw new ApiError("bad-input", `version ${last.number} no longer computes`, inv.problems);
      const y = inv.year;
      return {
        year: r.year,
        version: last.number,
        actual: {
          ...figuresOf(y),
          balanceTCO2ePerYr: y.totals.balanceTCO2ePerYr,
          sinkTCO2ePerYr: y.totals.sinkTCO2ePerYr,
          intensityTCO2ePerT: y.intensity.grossTCO2ePerTCoal,
        },
        previous: await previousApprovedFigures(ctx, r),
        ...(await planReview(ctx, r.mineId, (last.content as { inventory?: unknown }).inventory, r.year)),
      };
    },
  );

  // The public portal's reading of published reports.
  const PUBLIC = queryScope(ANONYMOUS, "annual-report.read");

  const publicJson = async (
    r: StoredAnnualReport,
    publishedAt: Date | undefined,
    figures: ReportFigures | undefined,
  ): Promise<PublicAnnualReport> => {
    const last = (await ctx.annualReports.versions(r.id)).at(-1);
    const content = (last?.content ?? {}) as Partial<AnnualReportContent>;
    const events = await ctx.annualReports.events(r.id);
    const conclusion = events.findLast((e) => e.type === "conclude-verification")?.body.conclusion as
      { conforms: boolean; statement: string } | undefined;
    const files = await ctx.annualReports.evidence(r.id);
    const referenced = new Set((content.evidence ?? []).map(String));
    return {
      id: r.id,
      mine: mineOf(r),
      year: r.year,
      regionCode: r.regionCode,
      publishedAt: (publishedAt ?? r.updatedAt).toISOString(),
      version: last?.number ?? 0,
      figures: figures ?? null,
      reclamation: content.reclamation ?? [],
      measures: content.measures ?? [],
      notes: content.notes ?? null,
      evidence: files
        .filter((f) => referenced.has(f.id))
        .map((f) => ({ mediaType: f.mediaType, bytes: f.bytes, sha256: f.sha256 })),
      verification: conclusion ? { conforms: conclusion.conforms, statement: conclusion.statement } : null,
    };
  };

  app.get(
    "/api/public/annual-reports",
    {
      config: { access: "public" },
      schema: {
        summary: "published annual reports (anyone), newest year first",
        querystring: z.object({
          mineId: storedId.optional(),
          year: z.coerce.number().int().min(1990).max(2100).optional(),
        }),
        response: { 200: z.array(publicAnnualReportListItemSchema), ...errors("bad-input") },
      },
    },
    async (req) => {
      const rows = await ctx.annualReports.list(PUBLIC, { ...req.query, state: "published" });
      const ids = rows.map((r) => r.id);
      const [at, figures] = await Promise.all([
        ctx.annualReports.publishedAt(ids),
        ctx.annualReports.submittedFigures(ids),
      ]);
      return rows.map((r) => ({
        id: r.id,
        mine: mineOf(r),
        year: r.year,
        regionCode: r.regionCode,
        publishedAt: (at.get(r.id) ?? r.updatedAt).toISOString(),
        figures: figures.get(r.id) ?? null,
      }));
    },
  );

  app.get(
    "/api/public/annual-reports/:id",
    {
      config: { access: "public" },
      schema: {
        summary:
          "a published annual report as the public sees it: figures, reclamation, measures, notes, the verifier's conclusion and the evidence files' fingerprints; no person's name, no contact, no file",
        params: idParams,
        response: { 200: publicAnnualReportSchema, ...errors("not-found") },
      },
    },
    async (req) => {
      const r = await ctx.annualReports.getScoped(req.params.id, PUBLIC);
      if (!r || r.state !== "published") throw notFound("published annual report", req.params.id);
      const [at, figures] = await Promise.all([
        ctx.annualReports.publishedAt([r.id]),
        ctx.annualReports.submittedFigures([r.id]),
      ]);
      return publicJson(r, at.get(r.id), figures.get(r.id));
    },
  );
}
