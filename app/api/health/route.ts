import { getDb } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

/** GET /api/health — 200 when PostgreSQL and Meilisearch both answer, 503 with detail otherwise. */
export async function GET() {
  const health = await checkHealth({ db: getDb(), meiliHost: serverEnv().MEILI_HOST });
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
