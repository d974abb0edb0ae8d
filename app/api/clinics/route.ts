import type { NextRequest } from "next/server";
import { apiError, invalidParameter } from "@/lib/search/api";
import { parseSearchQuery, searchHref } from "@/lib/search/query";
import { appSearchDeps, PageOutOfRangeError, searchClinics } from "@/lib/search/search";

/**
 * GET /api/clinics — the public search API (docs/api.md). The same parser as /clinics in strict
 * mode: a bad value answers 400 naming the parameter; unknown parameters are ignored.
 */
export async function GET(request: NextRequest) {
  const parsed = parseSearchQuery(request.nextUrl.searchParams, "strict");
  if (!parsed.ok) return invalidParameter(parsed.error);
  try {
    const { query, placeChoices = [], placeGuess, askPlace = false } = parsed;
    const r = await searchClinics(query, appSearchDeps(), "strict");
    // Ways out and place choices link to this API; each `total` is what following its `href` finds.
    const href = (change: object) => searchHref(query, change, "/api/clinics");
    return Response.json(
      {
        hits: r.hits,
        total: r.total,
        page: r.page,
        perPage: r.perPage,
        totalPages: r.totalPages,
        facets: r.facets,
        degraded: r.degraded,
        // How the words were read (docs/api.md, "Place words").
        words: query.q,
        location: query.zip && {
          zip: query.zip.code,
          city: query.zip.city,
          state: query.zip.state,
          radiusMiles: query.radius,
        },
        placeChoices: placeChoices.map((c) => ({ label: c.label, href: href(c.change) })),
        didYouMean: placeGuess
          ? { label: placeGuess.label, words: placeGuess.words, href: href(placeGuess.change) }
          : null,
        askPlace,
        suggestions: r.suggestions.map((s) => ({
          label: s.label,
          href: href(s.change),
          total: s.total,
          ...(s.unpriced !== undefined ? { unpriced: s.unpriced } : {}),
        })),
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
