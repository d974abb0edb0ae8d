import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createDb } from "@/db/connect";
import { runMigrations } from "@/lib/listings/derived";
import { seedDatabase } from "@/lib/listings/seed";
import { startMailSink } from "@/lib/mail/sink";
import { startEmbeddedStack, type Endpoints } from "@/scripts/lib/services/stack";

declare module "vitest" {
  export interface ProvidedContext {
    endpoints: Endpoints;
    tmpRoot: string;
    /** The local SMTP sink: `smtp://127.0.0.1:port` and the folder it stores messages in. */
    mail: { url: string; dir: string };
    /** A migrated database seeded once per run (`SEEDED`), which `freshDatabase` can copy. */
    seededTemplate: string;
  }
}

/** The sample data of the shared seeded database: 1,500 clinics from seed 3. */
export const SEEDED = { count: 1500, seed: 3 } as const;

/**
 * Integration tests run against a real PostgreSQL and a real Meilisearch, started here on free ports
 * in a temporary folder and stopped (and the folder removed) afterwards.
 */
export default async function setup(project: TestProject) {
  const tmpRoot = mkdtempSync(path.join(os.tmpdir(), "atlas-int-"));
  const stack = await startEmbeddedStack({ dataDir: tmpRoot });
  const e = stack.endpoints as Endpoints;
  await runMigrations(e.databaseUrl);
  project.provide("endpoints", e);
  // Seeded once here; a test file gets its own copy in a fraction of a second
  // (`freshDatabase({ seeded: true })`, PostgreSQL's CREATE DATABASE … TEMPLATE).
  const seededTemplate = "seeded_template";
  const admin = createDb(e.databaseUrl.replace(/\/[^/]+$/, "/postgres"), { max: 1 });
  await admin.sql.unsafe(`create database ${seededTemplate}`);
  await admin.end();
  const templateUrl = e.databaseUrl.replace(/\/[^/]+$/, `/${seededTemplate}`);
  await runMigrations(templateUrl);
  const template = createDb(templateUrl, { max: 2 });
  await seedDatabase(template.db, SEEDED);
  await template.end();
  project.provide("seededTemplate", seededTemplate);
  project.provide("tmpRoot", tmpRoot);
  const sink = await startMailSink({ dir: path.join(tmpRoot, "mail") });
  project.provide("mail", { url: sink.url, dir: sink.dir });
  return async () => {
    await sink.stop();
    await stack.stop();
    rmSync(tmpRoot, { recursive: true, force: true });
  };
}
