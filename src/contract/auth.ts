import { z } from "zod";
import { ACTION_IDS } from "../domain/access/actions.ts";
import { ORGANISATION_KINDS } from "../domain/access/organisation.ts";
import { ROLE_IDS } from "../domain/access/roles.ts";

/**
 * `POST /api/auth/login`. The password is not bounded here: a refusal would echo it in its details
 * ("got …"); the password check refuses an over-long one like a wrong one.
 */
export const loginInput = z
  .object({
    username: z.string().min(1).max(64).meta({ description: "the account's name (case does not matter)" }),
    password: z.string().meta({ description: "the account's password" }),
  })
  .strict()
  .meta({ id: "LoginInput" });

/** Who is signed in, for the web app's user menu and navigation. Version 1. */
export const meSchema = z
  .object({
    /** A user signed in with a session, or a machine client with an API token. */
    actor: z.enum(["user", "token"]),
    user: z
      .object({
        id: z.string(),
        username: z.string(),
        displayName: z.string().nullable(),
        mustChangePassword: z
          .boolean()
          .meta({ description: "an administrator set the password: the user must choose a new one" }),
      })
      .nullable()
      .meta({ description: "the signed-in user; null for an API token" }),
    token: z.object({ id: z.string() }).nullable().meta({ description: "the API token; null for a user" }),
    organisation: z.object({
      id: z.string(),
      kind: z.enum(ORGANISATION_KINDS),
      name: z.string(),
      nameZh: z.string().nullable(),
      region: z.object({
        code: z.string().meta({ description: "GB/T 2260 code; 100000 for the whole country" }),
        name: z.string(),
        nameZh: z.string().nullable(),
      }),
    }),
    roles: z.array(z.enum(ROLE_IDS)),
    actions: z
      .array(z.enum(ACTION_IDS))
      .meta({ description: "the actions the actor may do on some resource (what the navigation shows)" }),
  })
  .meta({ id: "Me" });

export type Me = z.infer<typeof meSchema>;
