import { z } from "zod";
import { ACTION_IDS } from "../domain/access/actions.ts";
import { DEPARTMENT_KINDS, ORGANISATION_KINDS } from "../domain/access/organisation.ts";
import { REGION_LEVELS } from "../domain/access/region-code.ts";
import { ROLE_IDS } from "../domain/access/roles.ts";
import { userText } from "../domain/validation/user-text.ts";
import { TEXT_BOUNDS } from "../domain/common/input-bounds.ts";

const name = userText(TEXT_BOUNDS.name).min(1);
const id = z.string().min(1).max(20).meta({ description: "a stored id (a positive whole number)" });
const regionCode = z
  .string()
  .regex(/^[1-9]\d{5}$/, "must be a six-digit region code of GB/T 2260")
  .meta({ description: "GB/T 2260 region code (100000: the whole country)" });
/** Roles a user or token can be given (everyone has `public`). */
const assignableRole = z.enum(ROLE_IDS.filter((r) => r !== "public") as [string, ...string[]]);
/**
 * A password in a request. Not bounded here: a refusal's details would echo the text ("got …"); its
 * rules and bound (passwordProblems, PASSWORD_MAX_CHARS) are checked by the handler, which never repeats it.
 */
const password = z.string().meta({ description: "a password (12+ characters, as passwordProblems asks)" });

/** A region of GB/T 2260. */
export const regionSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    nameZh: z.string().nullable(),
    level: z.enum(REGION_LEVELS),
    parentCode: z.string().nullable(),
  })
  .meta({ id: "Region" });

export const regionInput = z
  .object({ code: regionCode, name, nameZh: name.nullable().optional() })
  .strict()
  .meta({ id: "NewRegion" });

/** An organisation: a department, an enterprise or a verification body. */
export const organisationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(ORGANISATION_KINDS),
    name: z.string(),
    nameZh: z.string().nullable(),
    regionCode: z.string(),
    departmentKind: z.enum(DEPARTMENT_KINDS).nullable(),
    level: z.enum(REGION_LEVELS).nullable(),
    parentId: z.string().nullable(),
    creditCode: z.string().nullable().meta({ description: "an enterprise's unified social credit code" }),
    disabled: z.boolean(),
  })
  .meta({ id: "Organisation" });

export const organisationInput = z
  .object({
    kind: z.enum(ORGANISATION_KINDS),
    name,
    nameZh: name.nullable().optional(),
    regionCode,
    departmentKind: z.enum(DEPARTMENT_KINDS).nullable().optional(),
    level: z.enum(REGION_LEVELS).nullable().optional(),
    creditCode: z.string().max(18).nullable().optional(),
    parentId: id.nullable().optional(),
  })
  .strict()
  .meta({ id: "NewOrganisation" });

/** `PATCH /api/organisations/{id}`: disable (its users cannot sign in; sessions and tokens stop) or enable. */
export const organisationPatch = z
  .object({ disabled: z.boolean() })
  .strict()
  .meta({ id: "OrganisationPatch" });

/** A user account (never its password hash). */
export const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string().nullable(),
    organisationId: z.string(),
    roles: z.array(z.enum(ROLE_IDS)),
    mustChangePassword: z.boolean(),
    disabled: z.boolean(),
    passwordChangedAt: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "User" });

export const userInput = z
  .object({
    username: z.string().min(3).max(64),
    displayName: name.nullable().optional(),
    organisationId: id,
    roles: z.array(assignableRole).min(1).max(5),
    password,
    mustChangePassword: z.literal(true).optional().meta({
      description:
        "always true: a password someone else chose must be changed at the first sign-in (false is refused)",
    }),
  })
  .strict()
  .meta({ id: "NewUser" });

/** `PATCH /api/users/{id}`: new roles, disable (ends its sessions) or enable. */
export const userPatch = z
  .object({
    roles: z.array(assignableRole).min(1).max(5).optional(),
    disabled: z.boolean().optional(),
  })
  .strict()
  .meta({ id: "UserPatch" });

/** `POST /api/users/{id}/reset-password`: the administrator sets a password the user must change. */
export const resetPasswordInput = z.object({ password }).strict().meta({ id: "ResetPasswordInput" });

/** `POST /api/me/password`: the signed-in user's own change, with the current password. */
export const passwordChangeInput = z
  .object({ current: password, new: password })
  .strict()
  .meta({ id: "PasswordChangeInput" });

/** An API token as listed (never its secret nor its digest). */
export const tokenSchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    name: z.string(),
    roles: z.array(z.enum(ROLE_IDS)),
    actions: z.array(z.enum(ACTION_IDS)),
    createdBy: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: "ApiToken" });

export const tokenInput = z
  .object({
    organisationId: id
      .optional()
      .meta({ description: "the organisation it acts for; the creator's when omitted" }),
    name,
    roles: z.array(assignableRole).min(1).max(5),
    actions: z.array(z.enum(ACTION_IDS)).min(1).max(ACTION_IDS.length),
    expiresAt: z.iso
      .datetime({ offset: true })
      .nullable()
      .optional()
      .meta({ description: "ISO 8601; null or omitted: no expiry" }),
  })
  .strict()
  .meta({ id: "NewApiToken" });

/** The answer of creating a token: the only time its secret is shown. */
export const tokenCreatedSchema = z
  .object({
    token: tokenSchema,
    secret: z.string().meta({ description: "the token's secret (mct_…): shown once, store it now" }),
  })
  .meta({ id: "ApiTokenCreated" });

/** A session as the administration view lists it; `id` names it for revocation (not a credential). */
export const sessionSchema = z
  .object({
    id: z.string().meta({ description: "SHA-256 of the cookie's secret, as stored: not a credential" }),
    userId: z.string(),
    username: z.string(),
    organisationId: z.string(),
    current: z.boolean().meta({ description: "the session this request came with" }),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    revokedReason: z.string().nullable(),
    address: z.string().nullable(),
    userAgent: z.string().nullable(),
  })
  .meta({ id: "Session" });

/** `POST /api/areas/{id}/publish`. */
export const publishInput = z.object({ published: z.boolean() }).strict().meta({ id: "PublishInput" });

/** `POST /api/areas/{id}/transfer`: a new owner and region (administrator only). */
export const transferInput = z
  .object({ organisationId: id, regionCode })
  .strict()
  .meta({ id: "TransferInput" });

/** `POST /api/areas/{id}/verifiers`: assign a verification body. */
export const verifierInput = z.object({ organisationId: id }).strict().meta({ id: "VerifierInput" });

/** An area's owner fields, as the routes that change them answer. */
export const areaOwnerAnswer = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    regionCode: z.string(),
    published: z.boolean(),
    verifierOrganisationIds: z.array(z.string()),
  })
  .meta({ id: "AreaOwner" });

/**
 * A verification body as the web app offers it for assignment: accredited bodies are public
 * knowledge, so their names are told to whoever may assign them.
 */
export const verificationBodySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    nameZh: z.string().nullable(),
    regionCode: z.string(),
  })
  .meta({ id: "VerificationBody" });
