import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";
import { configFields as f, describeIssues, withoutEmpty, type Env } from "@/lib/config-fields";

/**
 * What the launcher and the command-line scripts read from the environment: every variable the site
 * reads (README, "Configuration"), with the schemas the server uses (`lib/config-fields.ts`).
 * Validated at start-up; a bad value stops the command with a message naming the variable, before
 * anything starts.
 */
const schema = z
  .object({
    PORT: f.PORT,
    HOST: f.HOST,
    /** Read when HOST is not set (as `next start` does). */
    HOSTNAME: f.HOST,
    TRUST_PROXY_HOPS: f.TRUST_PROXY_HOPS,
    DATA_DIR: f.DATA_DIR,
    DATABASE_URL: f.DATABASE_URL.optional(),
    MEILI_HOST: f.MEILI_HOST.optional(),
    MEILI_MASTER_KEY: f.MEILI_MASTER_KEY.optional(),
    MEILI_INDEX: f.MEILI_INDEX,
    MEILI_TIMEOUT_MS: f.MEILI_TIMEOUT_MS,
    MEILI_BINARY: f.MEILI_BINARY.optional(),
    SEARCH_SYNC: f.SEARCH_SYNC,
    PRICE_REMINDERS: f.PRICE_REMINDERS,
    AUTH_SECRET: f.AUTH_SECRET.optional(),
    SITE_URL: f.SITE_URL.optional(),
    SEED_COUNT: f.SEED_COUNT,
    PAGE_CACHE: f.PAGE_CACHE,
    EMAIL_SERVER: f.EMAIL_SERVER.optional(),
    EMAIL_FROM: f.EMAIL_FROM.optional(),
    ADMIN_EMAILS: f.ADMIN_EMAILS,
  })
  .superRefine((v, ctx) => {
    if (v.MEILI_HOST && !v.MEILI_MASTER_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["MEILI_MASTER_KEY"],
        message: "is required when MEILI_HOST is set",
      });
    }
    if (v.MEILI_MASTER_KEY && !v.MEILI_HOST) {
      ctx.addIssue({
        code: "custom",
        path: ["MEILI_HOST"],
        message: "is required when MEILI_MASTER_KEY is set",
      });
    }
  });

/** The address the web server listens on unless HOST (or HOSTNAME) says otherwise: this machine only. */
export const DEFAULT_LISTEN_HOST = "127.0.0.1";

export type LauncherConfig = z.infer<typeof schema> & { dataDir: string; listenHost: string };

export class ConfigError extends Error {}

export function readConfig(env: Env = process.env): LauncherConfig {
  const parsed = schema.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    throw new ConfigError(`Invalid configuration:\n${describeIssues(parsed.error, env)}`);
  }
  const v = parsed.data;
  return {
    ...v,
    dataDir: path.resolve(v.DATA_DIR),
    listenHost: v.HOST ?? v.HOSTNAME ?? DEFAULT_LISTEN_HOST,
  };
}

/** The address links in emails point at: SITE_URL, else this machine's server on PORT. */
export const siteUrlOf = (cfg: Pick<LauncherConfig, "SITE_URL" | "PORT">) =>
  cfg.SITE_URL ?? `http://localhost:${cfg.PORT}`;

/** Where the server can reach itself: loopback when it listens there or on every interface. */
export function internalOrigin(listenHost: string, port: number): string {
  const host = ["0.0.0.0", "::", "localhost"].includes(listenHost) ? "127.0.0.1" : listenHost;
  return `http://${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
}
