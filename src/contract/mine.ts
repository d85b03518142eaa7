import { z } from "zod";
import { LIFE_CYCLE_STAGES } from "../domain/common/life-cycle-stage.ts";
import { userText } from "../domain/validation/user-text.ts";
import { TEXT_BOUNDS } from "../domain/common/input-bounds.ts";

const name = userText(TEXT_BOUNDS.name).min(1);
const regionCode = z
  .string()
  .regex(/^[1-9]\d{5}$/, "must be a six-digit region code of GB/T 2260")
  .meta({ description: "GB/T 2260 region code where the mine lies" });
const polygon = z.unknown().meta({
  description:
    "polygon GeoJSON (WGS 84): a Polygon, MultiPolygon, Feature or FeatureCollection of them; null for none",
});

/** A mine as the API answers it. Version 1. */
export const mineRecordSchema = z
  .object({
    id: z.string(),
    organisationId: z.string().meta({ description: "the enterprise that owns it" }),
    regionCode: z.string(),
    name: z.string(),
    nameZh: z.string().nullable(),
    stage: z.enum(LIFE_CYCLE_STAGES).meta({ description: "life-cycle stage" }),
    miningRightBoundary: polygon.meta({
      description: "the mining-right boundary (采矿权范围), polygon GeoJSON or null",
    }),
    productionArea: polygon,
    livingArea: polygon,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Mine" });
export type MineRecord = z.infer<typeof mineRecordSchema>;

/** `POST /api/mines`: a regulator registers a mine in its jurisdiction, owned by an enterprise there. */
export const mineInput = z
  .object({
    organisationId: z.string().min(1).max(20).meta({ description: "the owning enterprise's id" }),
    regionCode,
    name,
    nameZh: name.nullable().optional(),
    stage: z.enum(LIFE_CYCLE_STAGES),
    miningRightBoundary: polygon.optional(),
    productionArea: polygon.optional(),
    livingArea: polygon.optional(),
  })
  .strict()
  .meta({ id: "NewMine" });

/** `PATCH /api/mines/{id}`: stage, names and boundaries (the owner and region are not changed here). */
export const minePatch = z
  .object({
    name: name.optional(),
    nameZh: name.nullable().optional(),
    stage: z.enum(LIFE_CYCLE_STAGES).optional(),
    miningRightBoundary: polygon.optional(),
    productionArea: polygon.optional(),
    livingArea: polygon.optional(),
  })
  .strict()
  .meta({ id: "MinePatch" });

/** An area holding a mine, as `GET /api/mines/{id}/areas` lists it. */
export const mineAreaSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameZh: z.string().nullable(),
  organisationId: z.string(),
  regionCode: z.string(),
  published: z.boolean(),
});
