import { z } from "zod";

/**
 * A stored record's id as the API and the repositories take it: the tables' bigint identities, a
 * positive whole number of at most 18 digits without leading zeros (so that every one fits a signed
 * 64-bit integer). Declared once: schemas use the pattern, code asks `isStoredId`.
 */
export const STORED_ID = /^[1-9]\d{0,17}$/;

/** True when `id` has the form of a stored record's id (STORED_ID). */
export const isStoredId = (id: string): boolean => STORED_ID.test(id);

/** A stored id in a schema (a path parameter, a field of an answer). */
export const storedId = z.string().regex(STORED_ID, "must be a stored id (a positive whole number)");
