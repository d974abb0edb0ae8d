// npm start / npm run dev — one command that runs the whole site on real PostgreSQL and Meilisearch.
import { type ChildProcess } from "node:child_process";
import path from "node:path";
import { clearRuntime, startEmbeddedStack, writeRuntime, type Endpoints } from "@/scripts/lib/services/stack";
import { portInUse, waitFor } from "@/scripts/lib/services/ports";
import { loadOrCreateSecrets } from "@/scripts/lib/services/secrets";
import { NoMeilisearchBinaryError } from "@/scripts/lib/services/meilisearch-server";
import { killOnExit } from "@/scripts/lib/services/process";
import { DEFAULT_EMAIL_FROM } from "@/lib/auth/config-schemas";
import { startMailSink, type MailSink } from "@/lib/mail/sink";
import { ConfigError, internalOrigin, readConfig, siteUrlOf } from "./lib/config";
import { prepareData } from "./lib/prepare";
import { ensureBuild, ROOT as root } from "./lib/build";
import { spawnWebServer } from "./lib/web-server";

const dev = process.argv.includes("--dev");
const say = (m: string) => console.log(`[atlas] ${m}`);
const t0 = Date.now();
const since = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

function fail(message: string, code = 1): never {
  console.error(`\n[atlas] ${message}\n`);
  process.exit(code);
}

let cfg: ReturnType<typeof readConfig>;
try {
  cfg = readConfig();
} catch (err) {
  if (err instanceof ConfigError) fail(err.message, 2);
  throw err;
}

const self = internalOrigin(cfg.listenHost, cfg.PORT);
if (await portInUse(cfg.PORT, new URL(self).hostname.replace(/^\[|\]$/g, ""))) {
  fail(`Port ${cfg.PORT} is already in use. Stop whatever listens there, or start with PORT=<another port>.`);
}

/** Child processes (a build, the web server) end with the launcher, however it stops. */
const track = (child: ChildProcess) => void killOnExit(child);

const baseEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

// 1. The production build, when the source changed since the last one (runs while services start).
const build: Promise<unknown> = dev
  ? Promise.resolve()
  : ensureBuild({
      say,
      onSpawn: track,
    }).then((built) => built && say(`Build finished (${since()}).`));
// Awaited after the services start; until then, keep an early failure from counting as unhandled.
build.catch(() => undefined);

// 2. Services: external when configured, otherwise embedded under DATA_DIR.
const secrets = loadOrCreateSecrets(cfg.dataDir);
let stack: Awaited<ReturnType<typeof startEmbeddedStack>> | undefined;
let mailSink: MailSink | undefined;
const web: { proc?: ChildProcess } = {};
let shuttingDown = false;

async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  say("Stopping…");
  const proc = web.proc;
  if (proc && proc.exitCode === null) {
    const exited = new Promise((r) => proc.once("exit", r));
    proc.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (proc.exitCode === null) proc.kill("SIGKILL");
  }
  await stack?.stop();
  await mailSink?.stop();
  clearRuntime(cfg.dataDir);
  say("Stopped.");
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

let endpoints: Endpoints;
try {
  const needPg = !cfg.DATABASE_URL;
  const needMeili = !cfg.MEILI_HOST;
  if (needPg || needMeili) {
    say(
      `Starting ${[needPg && "PostgreSQL", needMeili && "Meilisearch"].filter(Boolean).join(" and ")} (data in ${path.relative(root, cfg.dataDir) || "."})…`,
    );
    stack = await startEmbeddedStack({
      dataDir: cfg.dataDir,
      postgres: needPg,
      meilisearch: needMeili,
      supervised: true,
      say,
    });
  }
  endpoints = {
    databaseUrl: cfg.DATABASE_URL ?? stack!.endpoints.databaseUrl!,
    meiliHost: cfg.MEILI_HOST ?? stack!.endpoints.meiliHost!,
    meiliKey: cfg.MEILI_MASTER_KEY ?? stack!.endpoints.meiliKey!,
  };
  if (!cfg.EMAIL_SERVER) {
    // No mail server configured: emails stop in a local sink; sign-in links are logged here and on /dev/mail.
    mailSink = await startMailSink({
      dir: path.join(cfg.dataDir, "mail"),
      onMail: (m) =>
        say(
          `Mail to ${m.to.join(", ")}: "${m.subject}"${m.links.length ? `\n         ${m.links.join("\n         ")}` : ""}`,
        ),
    });
    say(`No EMAIL_SERVER set: emails go to a local sink (${mailSink.url}); see /dev/mail or this log.`);
  }
  say(`Services ready (${since()}).`);
  await prepareData(endpoints, { seedCount: cfg.SEED_COUNT, say });
  await build;
} catch (err) {
  await stack?.stop();
  if (err instanceof NoMeilisearchBinaryError) fail(err.message);
  fail(`Start-up failed: ${err instanceof Error ? err.message : String(err)}`);
}

// 3. The web server: this machine only (127.0.0.1) unless HOST says otherwise.
writeRuntime(cfg.dataDir, endpoints);
const exposed = cfg.listenHost !== "127.0.0.1" && cfg.listenHost !== "::1" && cfg.listenHost !== "localhost";
const url = exposed
  ? (cfg.SITE_URL ?? self.replace("127.0.0.1", cfg.listenHost))
  : `http://localhost:${cfg.PORT}`;
const siteUrl = siteUrlOf(cfg);
if (exposed && !cfg.SITE_URL) {
  say(
    `HOST=${cfg.listenHost} but no SITE_URL: links in emails point at ${siteUrl}, which only this machine can open. Set SITE_URL to the address people use.`,
  );
}
const next = spawnWebServer(
  {
    host: cfg.listenHost,
    port: cfg.PORT,
    dev,
    env: {
      ...baseEnv,
      NODE_ENV: dev ? "development" : "production",
      DATABASE_URL: endpoints.databaseUrl,
      MEILI_HOST: endpoints.meiliHost,
      MEILI_MASTER_KEY: endpoints.meiliKey,
      AUTH_SECRET: cfg.AUTH_SECRET ?? secrets.authSecret,
      // Every link the site emails (sign-in links included) is built on SITE_URL, never on request headers.
      SITE_URL: siteUrl,
      // Where the server can ask itself for a page to keep in the page cache (lib/page-cache.ts).
      ...(dev || cfg.PAGE_CACHE === "off" ? {} : { ATLAS_INTERNAL_ORIGIN: self }),
      EMAIL_SERVER: cfg.EMAIL_SERVER ?? mailSink?.url,
      EMAIL_FROM: cfg.EMAIL_FROM ?? DEFAULT_EMAIL_FROM,
      ...(mailSink ? { MAIL_SINK_DIR: mailSink.dir } : {}),
    },
  },
  { stdio: ["ignore", "inherit", "inherit"] },
);
web.proc = next;
track(next);
next.on("exit", (code, signal) => {
  if (shuttingDown) return;
  say(`The web server exited (${signal ?? `code ${code}`}).`);
  void shutdown(code === 0 ? 0 : 1);
});
try {
  await waitFor("The web server", async () => Boolean(await fetch(`${self}/api/health`)), {
    timeoutMs: 120_000,
    intervalMs: 250,
  });
} catch (err) {
  await shutdown(1);
  throw err;
}
say(`Aftercare Atlas is running at ${url}  (ready in ${since()}; Ctrl-C stops everything)`);
