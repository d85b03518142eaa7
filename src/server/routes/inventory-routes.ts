import { z } from "zod";
import { areaResource } from "../../storage/mining-area-repository.ts";
import { inventoryYears } from "../../app/area-inventory.ts";
import { inventoryListItemSchema, inventoryRecordSchema } from "../../contract/inventory-record.ts";
import { inventorySchema } from "../../domain/mine/inventory-spec.ts";
import type { StoredInventory } from "../../storage/inventory-repository.ts";
import { ApiError } from "../api-error.ts";
import type { ApiApp } from "../api-app.ts";
import type { AppContext } from "../context.ts";
import { documentedOnly, empty, errors, idParams } from "../route-schema.ts";

const inventorySummaryJson = (i: StoredInventory) => ({
  id: i.id,
  areaId: i.areaId,
  mine: i.mine,
  year: i.year,
  updatedAt: i.updatedAt.toISOString(),
  totals: i.result?.years[0]?.totals ?? null,
});

const inventoryJson = (i: StoredInventory) => ({
  ...inventorySummaryJson(i),
  input: i.input,
  result: i.result,
  resultProblem: i.resultProblem,
});

/**
 * The `mine-inventory` document: its schema documents the body; the handler checks it with the
 * factor library (inventoryYears), which reports more than the schema alone, at the same paths.
 */
const inventoryBody = documentedOnly(inventorySchema);

/**
 * Inventories per mine and year: the body is a `mine-inventory` document (the YAML file format as
 * JSON); each of its years is checked, computed (seed 002 Eq. 1–12) and stored as one row. Its
 * problems (an InputError) are answered by the one error handler.
 */
export function inventoryRoutes(app: ApiApp, ctx: AppContext): void {
  app.get(
    "/api/areas/:id/inventories",
    {
      config: { access: { action: "area.read" } },
      schema: {
        summary:
          "the area's inventories per mine and year, with totals; with withResult=true each with its computed result",
        params: idParams,
        querystring: z.object({
          withResult: z
            .enum(["true", "false"])
            .optional()
            .describe("true to answer each inventory's computed result (and why it could not be read)"),
        }),
        response: { 200: z.array(inventoryListItemSchema), ...errors("bad-input", "not-found") },
      },
    },
    async (req) => {
      const area = await ctx.area(req.actor, req.params.id, "area.read");
      const withResult = req.query.withResult === "true";
      return (await ctx.inventories.forArea(area.id)).map((i) => ({
        ...inventorySummaryJson(i),
        ...(withResult ? { result: i.result, resultProblem: i.resultProblem } : {}),
      }));
    },
  );

  app.post(
    "/api/areas/:id/inventories",
    {
      config: { access: { action: "inventory.write" } },
      schema: {
        summary:
          "store a mine-inventory document (the YAML format as JSON, see examples/yongning.yaml): each year is checked, computed and stored",
        params: idParams,
        body: inventoryBody,
        response: {
          201: z.array(inventoryRecordSchema),
          ...errors("bad-input", "non-finite-quantity", "not-found"),
        },
      },
    },
    async (req, reply) => {
      const area = await ctx.area(req.actor, req.params.id, "inventory.write");
      const years = inventoryYears(req.body, "body");
      // All years or none: one transaction.
      const saved = await ctx.change(req, async (tx) => {
        const out = [];
        for (const y of years)
          out.push(
            await tx.inventories.save({
              areaId: area.id,
              mine: y.mine,
              year: y.year,
              input: y.input,
              result: y.result,
            }),
          );
        return {
          value: out,
          // One event per inventory written, each on its own record.
          audit: out.map((i) => ({
            action: "inventory.write" as const,
            resource: areaResource(area),
            kind: "inventory" as const,
            id: i.id,
            after: i,
          })),
        };
      });
      return reply.status(201).send(saved.map(inventoryJson));
    },
  );

  app.get(
    "/api/inventories/:id",
    {
      config: { access: { action: "area.read" } },
      schema: {
        summary: "an inventory with its input and result",
        params: idParams,
        response: { 200: inventoryRecordSchema, ...errors("not-found") },
      },
    },
    async (req) => inventoryJson(await ctx.inventory(req.actor, req.params.id, "area.read")),
  );

  app.put(
    "/api/inventories/:id",
    {
      config: { access: { action: "inventory.write" } },
      schema: {
        summary: "replace the year's activity data and recompute",
        params: idParams,
        body: inventoryBody,
        response: {
          200: inventoryRecordSchema,
          ...errors("bad-input", "non-finite-quantity", "not-found", "wrong-inventory"),
        },
      },
    },
    async (req) => {
      const old = await ctx.inventory(req.actor, req.params.id, "inventory.write");
      const years = inventoryYears(req.body, "body");
      if (years.length !== 1 || years[0]!.mine !== old.mine || years[0]!.year !== old.year)
        throw new ApiError("wrong-inventory", `inventory ${old.id} is ${old.mine} ${old.year}`, [
          {
            path: "years",
            message: `must hold exactly the year ${old.year} of mine "${old.mine}"; post other mines or years to /api/areas/${old.areaId}/inventories`,
          },
        ]);
      const y = years[0]!;
      const area = await ctx.area(req.actor, old.areaId, "inventory.write");
      return inventoryJson(
        await ctx.change(req, async (tx) => {
          const saved = await tx.inventories.save({
            areaId: old.areaId,
            mine: y.mine,
            year: y.year,
            input: y.input,
            result: y.result,
          });
          return {
            value: saved,
            audit: {
              action: "inventory.write",
              resource: areaResource(area),
              kind: "inventory",
              id: old.id,
              before: old,
              after: saved,
            },
          };
        }),
      );
    },
  );

  app.post(
    "/api/inventories/:id/compute",
    {
      config: { access: { action: "inventory.write" } },
      schema: {
        summary: "recompute with the current factor library",
        params: idParams,
        response: { 200: inventoryRecordSchema, ...errors("bad-input", "non-finite-quantity", "not-found") },
      },
    },
    async (req) => {
      const old = await ctx.inventory(req.actor, req.params.id, "inventory.write");
      const y = inventoryYears(old.input, `inventory ${old.id}`)[0]!;
      const area = await ctx.area(req.actor, old.areaId, "inventory.write");
      return inventoryJson(
        await ctx.change(req, async (tx) => {
          await tx.inventories.setResult(old.id, y.result);
          const after = (await tx.inventories.get(old.id))!;
          return {
            value: after,
            audit: {
              action: "inventory.write",
              resource: areaResource(area),
              kind: "inventory",
              id: old.id,
              before: old,
              after,
            },
          };
        }),
      );
    },
  );

  app.delete(
    "/api/inventories/:id",
    {
      config: { access: { action: "inventory.delete" } },
      schema: {
        summary: "delete an inventory",
        params: idParams,
        response: { 204: empty("deleted"), ...errors("not-found") },
      },
    },
    async (req, reply) => {
      const old = await ctx.inventory(req.actor, req.params.id, "inventory.delete");
      const area = await ctx.area(req.actor, old.areaId, "inventory.delete");
      await ctx.change(req, async (tx) => {
        await tx.inventories.delete(old.id);
        return {
          value: undefined,
          audit: {
            action: "inventory.delete",
            resource: areaResource(area),
            kind: "inventory",
            id: old.id,
            before: old,
          },
        };
      });
      return reply.status(204).send(null);
    },
  );
}
