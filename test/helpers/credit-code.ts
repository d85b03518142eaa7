/**
 * A valid unified social credit code (GB 32100-2015) for tests: "91" (enterprise, industrial and
 * commercial), the region 140602, a serial of nine digits and its check character.
 */
export function creditCodeFor(serial: number, region = "140602"): string {
  const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const body = `91${region}${String(serial).padStart(9, "0")}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += alphabet.indexOf(body[i]!) * weights[i]!;
  return body + alphabet[(31 - (sum % 31)) % 31];
}
