import { annualReportsPart } from "./annual-reports.ts";
import { overviewPart } from "./overview.ts";
import { mineRecordsPart } from "./mine-records.ts";
import { supervisionPart } from "./supervision.ts";
import { publicMinesPart } from "./public-mines.ts";
import { summaryPart } from "./summary.ts";
import { minePathwayPart } from "./mine-pathway.ts";
import type { WalkPart } from "./walk-part.ts";

/**
 * The parts of the route walk beyond its own fixture, each in its own file (one per group of
 * routes). Add a part here when you add its routes.
 */
export const WALK_PARTS: readonly WalkPart[] = [
  mineRecordsPart,
  annualReportsPart,
  overviewPart,
  supervisionPart,
  publicMinesPart,
  summaryPart,
  minePathwayPart,
];
