import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { runMigrations } from "@/db/migrate";
import { startMailSink } from "@/lib/mail/sink";
import { startEmbeddedStack, type Endpoints } from "@/lib/services/stack";

declare module "vitest" {
  export interface ProvidedContext {
    endpoints: Endpoints;
    tmpRoot: string;
    /** The local SMTP sink: `smtp://127.0.0.1:port` and the folder it stores messages in. */
    mail: { url: string; dir: string };
  }
}

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
  project.provide("tmpRoot", tmpRoot);
  const sink = await startMailSink({ dir: path.join(tmpRoot, "mail") });
  project.provide("mail", { url: sink.url, dir: sink.dir });
  return async () => {
    await sink.stop();
    await stack.stop();
    rmSync(tmpRoot, { recursive: true, force: true });
  };
}
