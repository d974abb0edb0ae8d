import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";
import { createDb } from "@/db/connect";
import { runMigrations } from "@/lib/listings/derived";

/**
 * A fresh, migrated database on the shared test server, so each test file starts from nothing, or
 * with `seeded`, from its own copy of the sample data the global setup seeded once (`SEEDED` in
 * test/support/global-setup.ts: 1,500 clinics, seed 3). Returns the connection and its URL;
 * `drop()` removes it.
 */
export async function freshDatabase(opts: { migrate?: boolean; seeded?: boolean } = {}) {
  const base = inject("endpoints").databaseUrl;
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = postgres(base.replace(/\/[^/]+$/, "/postgres"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}${opts.seeded ? ` template ${inject("seededTemplate")}` : ""}`);
  await admin.end();
  const url = base.replace(/\/[^/]+$/, `/${name}`);
  if (opts.migrate !== false && !opts.seeded) await runMigrations(url);
  const conn = createDb(url, { max: 5 });
  return {
    url,
    ...conn,
    async drop() {
      await conn.end();
      const a = postgres(base.replace(/\/[^/]+$/, "/postgres"), { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
