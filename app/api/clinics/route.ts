import type { NextRequest } from "next/server";
import { apiError, invalidParameter } from "@/lib/search/api";
import { parseSearchQuery } from "@/lib/search/query";
import { appSearchDeps, PageOutOfRangeError, searchClinics } from "@/lib/search/search";

/**
 * GET /api/clinics — the public search API (docs/api.md). The same parser as /clinics in strict
 * mode: a bad value answers 400 naming the parameter; unknown parameters are ignored.
 */
export async function GET(request: NextRequest) {
  const parsed = parseSearchQuery(request.nextUrl.searchParams, "strict");
  if (!parsed.ok) return invalidParameter(parsed.error);
  try {
    const r = await searchClinics(parsed.query, appSearchDeps(), "strict");
    return Response.json(
      {
        hits: r.hits,
        total: r.total,
        page: r.page,
        perPage: r.perPage,
        totalPages: r.totalPages,
        facets: r.facets,
        degraded: r.degraded,
      },
      {
        // Short public caching; a reduced answer is not worth keeping.
        headers: {
          "Cache-Control": r.degraded ? "no-store" : "public, max-age=30, stale-while-revalidate=30",
        },
      },
    );
  } catch (err) {
    if (err instanceof PageOutOfRangeError) return invalidParameter(err);
    console.error("[api/clinics] search failed:", err);
    return apiError(503, {
      code: "search_unavailable",
      message: "Search is unavailable right now. Try again soon.",
    });
  }
}
