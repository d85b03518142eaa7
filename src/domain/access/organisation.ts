import type { RegionCode, RegionLevel } from "./region-code.ts";

/**
 * The subjects of seed 000's management system: government departments (natural resources; ecology
 * and environment; at national, provincial, city and county level), the mine enterprises they
 * manage, and the third-party bodies that verify enterprises' reports.
 */
export const ORGANISATION_KINDS = ["department", "enterprise", "verification-body"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** What a department is responsible for. */
export const DEPARTMENT_KINDS = ["natural-resources", "ecology-environment", "other"] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

/**
 * An organisation as the policy sees it. A department's jurisdiction is its region and everything
 * below it; an enterprise and a verification body are located in a region but have no jurisdiction.
 */
export interface Organisation {
  readonly id: string;
  readonly kind: OrganisationKind;
  readonly name: string;
  readonly nameZh: string | null;
  readonly regionCode: RegionCode;
  /** Departments only: what they are responsible for and at which level. */
  readonly departmentKind: DepartmentKind | null;
  readonly level: RegionLevel | null;
  /** The organisation above (a county department's city department), or null. */
  readonly parentId: string | null;
  /** Enterprises only: the 18-character unified social credit code (统一社会信用代码). */
  readonly creditCode: string | null;
  readonly disabled: boolean;
}

/** GB 32100-2015: 18 characters from 0-9 and A-Z without I, O, S, V, Z; the last is a check character. */
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** True when `s` is a unified social credit code with a correct check character (GB 32100-2015). */
export function isCreditCode(s: string): boolean {
  if (!CREDIT_CODE.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_ALPHABET.indexOf(s[i]!) * CREDIT_WEIGHTS[i]!;
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_ALPHABET[check] === s[17];
}
