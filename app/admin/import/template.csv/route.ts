import { currentActor } from "@/lib/auth/session";
import { importTemplateCsv } from "@/lib/listings/import";

/** GET /admin/import/template.csv — the import's header row and one example row (admins only). */
export async function GET(): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return new Response("Please sign in first.", { status: 401 });
  if (actor.role !== "admin") return new Response("Only site editors (admins) can do this.", { status: 403 });
  return new Response(importTemplateCsv(), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="listings-template.csv"',
      "Cache-Control": "no-store",
    },
  });
}
