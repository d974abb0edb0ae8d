import { z } from "zod";
import { getPublishedClinic } from "@/lib/listings/queries";
import { toPublicClinic } from "@/lib/listings/public";
import { apiError } from "@/lib/search/api";

const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(200);

/** GET /api/clinics/[slug] — one published listing (docs/api.md); 404 for unknown or unpublished ones. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const slug = slugSchema.safeParse((await params).slug);
  const clinic = slug.success ? await getPublishedClinic(slug.data) : undefined;
  if (!clinic) return apiError(404, { code: "not_found", message: "No published clinic has this address." });
  return Response.json(toPublicClinic(clinic), {
    headers: { "Cache-Control": "public, max-age=60, stale-while-revalidate=60" },
  });
}
