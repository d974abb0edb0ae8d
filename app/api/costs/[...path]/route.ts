import type { NextRequest } from "next/server";
import { z } from "zod";
import { COMPARE_PATH, parseCompareStates } from "@/lib/costs/compare";
import {
  comparisonToCsv,
  exportComparison,
  exportFigures,
  toCsv,
  type CostsExport,
} from "@/lib/costs/export";
import { costsHref, stateFromParam } from "@/lib/costs/links";
import { getCityCosts, getNationCosts, getStateCosts, MIN_CITY_CLINICS } from "@/lib/costs/queries";
import { apiError } from "@/lib/search/api";
import { STATE_NAMES } from "@/lib/labels";

/**
 * The cost pages' figures as open data (docs/api.md). Public addresses, rewritten here by
 * next.config.mjs: `/costs.csv` → `/api/costs/csv`, `/costs/tx.json` → `/api/costs/tx/json`,
 * `/costs/tx/austin.csv` → `/api/costs/tx/austin/csv`, `/costs/compare.csv?states=tx,ca` →
 * `/api/costs/compare/csv?states=tx,ca`. Read-only public aggregates: no one to check.
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

const headersFor = (file: string, fmt: "csv" | "json") => ({
  "Cache-Control": "public, max-age=60",
  "Content-Disposition": `attachment; filename="${file}.${fmt}"`,
});

/** A comparison's download: the states as the page takes them, 404/400 with its message otherwise. */
async function comparison(request: NextRequest, fmt: "csv" | "json") {
  const parsed = parseCompareStates(request.nextUrl.searchParams.getAll("states"));
  if (!parsed.ok)
    return apiError(parsed.status, {
      code: parsed.status === 404 ? "not_found" : "bad_request",
      message: parsed.message,
    });
  const states = await Promise.all(
    parsed.states.map(async (state) => ({
      figures: await getStateCosts(state),
      place: { kind: "state" as const, name: STATE_NAMES[state], page: costsHref(state) },
    })),
  );
  const data = exportComparison(states, parsed.canonical);
  const headers = headersFor(`costs-compare-${parsed.states.join("-").toLowerCase()}`, fmt);
  return fmt === "csv"
    ? new Response(comparisonToCsv(data), {
        headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" },
      })
    : Response.json(data, { headers });
}

export async function GET(request: NextRequest, ctx: { params: Promise<{ path: string[] }> }) {
  const path = (await ctx.params).path;
  const fmt = format.safeParse(path.at(-1));
  if (fmt.success && path.length === 2 && `/costs/${path[0]}` === COMPARE_PATH)
    return comparison(request, fmt.data);
  const data = fmt.success ? await load(path.slice(0, -1)) : null;
  if (!fmt.success || !data) {
    return apiError(404, {
      code: "not_found",
      message:
        "No cost figures here. Use /costs.csv, /costs/{state}.csv, /costs/{state}/{city}.csv or /costs/compare.csv?states={a},{b} (or .json).",
    });
  }
  const file = data.place.page.replace(/^\//, "").replace(/\//g, "-");
  const headers = headersFor(file, fmt.data);
  return fmt.data === "csv"
    ? new Response(toCsv(data), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } })
    : Response.json(data, { headers });
}
