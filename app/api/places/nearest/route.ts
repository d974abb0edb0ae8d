import type { NextRequest } from "next/server";
import { z } from "zod";
import { nearestZip } from "@/db/geo";
import { apiError } from "@/lib/search/api";

const degrees = (limit: number) =>
  z
    .string()
    .regex(/^-?\d{1,3}(?:\.\d{1,10})?$/)
    .transform(Number)
    .pipe(z.number().min(-limit).max(limit));
const coordinates = z.object({ lat: degrees(90), lng: degrees(180) });

/**
 * GET /api/places/nearest?lat=…&lng=… — the US ZIP code nearest a point (docs/api.md). The search
 * page's "Use my location" asks the browser for the point and searches near this ZIP code; the point
 * is not stored or logged.
 */
export function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const parsed = coordinates.safeParse({ lat: params.get("lat") ?? "", lng: params.get("lng") ?? "" });
  if (!parsed.success) {
    const parameter = String(parsed.error.issues[0]?.path[0] ?? "lat");
    return apiError(400, {
      code: "invalid_parameter",
      parameter,
      message: `${parameter} must be a number of degrees (lat −90 to 90, lng −180 to 180)`,
    });
  }
  const point = nearestZip(parsed.data.lat, parsed.data.lng);
  if (!point) {
    return apiError(404, {
      code: "not_found",
      message: "No US ZIP code lies within 60 miles of that point.",
    });
  }
  return Response.json(
    { zip: point.zip, city: point.city, state: point.state },
    { headers: { "Cache-Control": "no-store" } },
  );
}
