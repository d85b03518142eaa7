import type { FastifyInstance } from "fastify";
import { inventoryYears } from "../../app/area-inventory.ts";
import { InputError } from "../../domain/validation/input-issue.ts";
import { NonFiniteQuantityError } from "../../units/quantity.ts";
import { InventoryRepository, type StoredInventory } from "../../storage/inventory-repository.ts";
import { ApiError } from "../api-error.ts";
import type { AppContext } from "../context.ts";

const inventoryJson = (i: StoredInventory, full: boolean) => ({
  id: i.id,
  areaId: i.areaId,
  mine: i.mine,
  year: i.year,
  updatedAt: i.updatedAt.toISOString(),
  totals: (i.result as { years?: { totals: unknown }[] } | null)?.years?.[0]?.totals ?? null,
  ...(full ? { input: i.input, result: i.result } : {}),
});

/** Checks and computes a document, turning its problems into a 400 with the document's field paths. */
function compute(doc: unknown, source: string) {
  try {
    return inventoryYears(doc, source);
  } catch (e) {
    if (e instanceof InputError)
      throw new ApiError(400, "bad-input", "the inventory has problems; see details", e.issues);
    if (e instanceof NonFiniteQuantityError)
      throw new ApiError(400, "bad-input", "the inventory has problems; see details", [
        { path: "", message: e.message },
      ]);
    throw e;
  }
}

/**
 * Inventories per mine and year: the body is a `mine-inventory` document (the YAML file format as
 * JSON); each of its years is checked, computed (seed 002 Eq. 1–12) and stored as one row.
 */
export function inventoryRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { id: string } }>("/api/areas/:id/inventories", async (req) => {
    const area = await ctx.area(req.params.id);
    return (await ctx.inventories.forArea(area.id)).map((i) => inventoryJson(i, false));
  });

  app.post<{ Params: { id: string } }>("/api/areas/:id/inventories", async (req, reply) => {
    const area = await ctx.area(req.params.id);
    const years = compute(req.body, "body");
    // All years or none: one transaction.
    const saved = await ctx.store.db.transaction().execute(async (trx) => {
      const repo = new InventoryRepository(trx);
      const out = [];
      for (const y of years)
        out.push(
          await repo.save({ areaId: area.id, mine: y.mine, year: y.year, input: y.input, result: y.result }),
        );
      return out;
    });
    return reply.status(201).send(saved.map((i) => inventoryJson(i, true)));
  });

  app.get<{ Params: { id: string } }>("/api/inventories/:id", async (req) =>
    inventoryJson(await ctx.inventory(req.params.id), true),
  );

  app.put<{ Params: { id: string } }>("/api/inventories/:id", async (req) => {
    const old = await ctx.inventory(req.params.id);
    const years = compute(req.body, "body");
    if (years.length !== 1 || years[0]!.mine !== old.mine || years[0]!.year !== old.year)
      throw new ApiError(422, "wrong-inventory", `inventory ${old.id} is ${old.mine} ${old.year}`, [
        {
          path: "years",
          message: `must hold exactly the year ${old.year} of mine "${old.mine}"; post other mines or years to /api/areas/${old.areaId}/inventories`,
        },
      ]);
    const y = years[0]!;
    return inventoryJson(
      await ctx.inventories.save({
        areaId: old.areaId,
        mine: y.mine,
        year: y.year,
        input: y.input,
        result: y.result,
      }),
      true,
    );
  });

  app.post<{ Params: { id: string } }>("/api/inventories/:id/compute", async (req) => {
    const old = await ctx.inventory(req.params.id);
    const y = compute(old.input, `inventory ${old.id}`)[0]!;
    await ctx.inventories.setResult(old.id, y.result);
    return inventoryJson((await ctx.inventories.get(old.id))!, true);
  });

  app.delete<{ Params: { id: string } }>("/api/inventories/:id", async (req, reply) => {
    await ctx.inventory(req.params.id);
    await ctx.inventories.delete(req.params.id);
    return reply.status(204).send();
  });
}
