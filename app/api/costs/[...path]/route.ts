import type { NextRequest } from "next/server";
import { z } from "zod";
import { exportFigures, toCsv, type CostsExport } from "@/lib/costs/export";
import { costsHref, stateFromParam } from "@/lib/costs/links";
import { getCityCosts, getNationCosts, getStateCosts, MIN_CITY_CLINICS } from "@/lib/costs/queries";
import { apiError } from "@/lib/search/api";
import { STATE_NAMES } from "@/lib/labels";

/**
 * The cost pages' figures as open data (docs/api.md). Public addresses, rewritten here by
 * next.config.mjs: `/costs.csv` → `/api/costs/csv`, `/costs/tx.json` → `/api/costs/tx/json`,
 * `/costs/tx/austin.csv` → `/api/costs/tx/austin/csv`. Read-only public aggregates: no one to check.
 */
const format = z.enum(["csv", "json"]);

async function load(parts: string[]): Promise<CostsExport | null> {
  if (parts.length === 0) {
    return exportFigures(await getNationCosts(), { kind: "nation", name: "United States", page: "/costs" });
  }
  const state = stateFromParam(parts[0]!);
  if (!state) return null;
  if (parts.length === 1) {
    return exportFigures(await getStateCosts(state), {
      kind: "state",
      name: STATE_NAMES[state],
      page: costsHref(state),
    });
  }
  if (parts.length !== 2) return null;
  const city = (await getStateCosts(state)).cities.find((c) => c.slug === parts[1]);
  if (!city || city.clinics < MIN_CITY_CLINICS) return null;
  return exportFigures(await getCityCosts(state, city.city), {
    kind: "city",
    name: `${city.city}, ${state}`,
    page: costsHref(state, city.slug),
  });
}

export async function GET(_request: NextRequest, ctx: { params: Promise<{ path: string[] }> }) {
  const path = (await ctx.params).path;
  const fmt = format.safeParse(path.at(-1));
  const data = fmt.success ? await load(path.slice(0, -1)) : null;
  if (!fmt.success || !data) {
    return apiError(404, {
      code: "not_found",
      message:
        "No cost figures here. Use /costs.csv, /costs/{state}.csv or /costs/{state}/{city}.csv (or .json).",
    });
  }
  const file = data.place.page.replace(/^\//, "").replace(/\//g, "-");
  const headers = {
    "Cache-Control": "public, max-age=60",
    "Content-Disposition": `attachment; filename="${file}.${fmt.data}"`,
  };
  return fmt.data === "csv"
    ? new Response(toCsv(data), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } })
    : Response.json(data, { headers });
}
