import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { outboxLag, type OutboxLag } from "@/lib/search/sync";
import { meiliHealthy } from "@/lib/services/meili-health";

type Check = { ok: boolean; latencyMs: number; error?: string };

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms),
    ),
  ]);
}

async function timed(fn: () => Promise<unknown>): Promise<Check> {
  const t0 = performance.now();
  try {
    await fn();
    return { ok: true, latencyMs: Math.round(performance.now() - t0) };
  } catch (err) {
    return { ok: false, latencyMs: Math.round(performance.now() - t0), error: (err as Error).message };
  }
}

export type Health = {
  status: "ok" | "degraded" | "down";
  database: Check;
  search: Check & { outbox?: OutboxLag };
  checkedAt: string;
};

/**
 * The state of the two services the site stands on. "degraded": the database answers but search
 * does not (search falls back to PostgreSQL); "down": the database does not answer.
 */
export async function checkHealth({ db, meiliHost }: { db: Db; meiliHost: string }): Promise<Health> {
  const [database, search] = await Promise.all([
    timed(() => withTimeout(db.execute(sql`select 1`), 2000, "PostgreSQL")),
    timed(async () => {
      if (!(await withTimeout(meiliHealthy(meiliHost), 1500, "Meilisearch"))) {
        throw new Error("Meilisearch reports it is unavailable");
      }
    }),
  ]);
  let outbox: OutboxLag | undefined;
  if (database.ok) {
    outbox = await withTimeout(outboxLag(db), 2000, "PostgreSQL").catch((err: unknown) => {
      database.error = `outbox lag unavailable: ${(err as Error).message}`;
      return undefined;
    });
  }
  return {
    status: !database.ok ? "down" : search.ok ? "ok" : "degraded",
    database,
    search: { ...search, ...(outbox ? { outbox } : {}) },
    checkedAt: new Date().toISOString(),
  };
}
