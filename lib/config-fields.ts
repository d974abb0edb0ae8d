import { existsSync, statSync } from "node:fs";
import { isIP } from "node:net";
import { z } from "zod";
import { adminEmailsSchema, emailFromSchema, emailServerSchema } from "@/lib/auth/config-schemas";

/**
 * The zod schema of every environment variable, one per variable, shared by the launcher
 * (`scripts/lib/config.ts`, which checks them all before anything starts) and the server
 * (`lib/env.ts`). Pure: safe anywhere. Empty strings count as unset (see `withoutEmpty`).
 */

/** An environment: `process.env`, or a plain object in tests. */
export type Env = Record<string, string | undefined>;

/** A switch that is on unless set to `off`. */
const onOff = () => z.enum(["on", "off"], { error: "must be on or off" }).default("on");

const wholeNumber = (min: number, max: number, unit = "") =>
  z.coerce
    .number({ error: `must be a whole number${unit} from ${min} to ${max}` })
    .int(`must be a whole number${unit} from ${min} to ${max}`)
    .min(min, `must be a whole number${unit} from ${min} to ${max}`)
    .max(max, `must be a whole number${unit} from ${min} to ${max}`);

const hostName =
  /^(?=.{1,253}$)[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

export const configFields = {
  PORT: wholeNumber(1, 65535).default(3000),
  /** Where the web server listens. Unset: 127.0.0.1, this machine only. */
  HOST: z
    .string()
    .refine(
      (v) => isIP(v) !== 0 || hostName.test(v),
      "must be an IP address or a host name to listen on, e.g. 0.0.0.0 (every interface) or 192.168.1.20",
    )
    .optional(),
  /** How many reverse proxies in front of the site to believe about the client's address. */
  TRUST_PROXY_HOPS: wholeNumber(0, 10).default(0),
  DATA_DIR: z
    .string()
    .refine((p) => !existsSync(p) || statSync(p).isDirectory(), "names a file: give a folder")
    .default(".data"),
  DATABASE_URL: z
    .string({ error: "is required (a postgres:// URL)" })
    .regex(/^postgres(ql)?:\/\/.+/, "must be a postgres:// or postgresql:// URL"),
  MEILI_HOST: z.url({ protocol: /^https?$/, error: "must be a URL such as http://127.0.0.1:7700" }),
  MEILI_MASTER_KEY: z.string({ error: "is required" }).min(16, "must be at least 16 bytes"),
  MEILI_INDEX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]+$/, "may hold only letters, digits, - and _")
    .default("clinics"),
  MEILI_TIMEOUT_MS: wholeNumber(50, 30_000, " of milliseconds").default(800),
  MEILI_BINARY: z
    .string()
    .refine((p) => existsSync(p), "names no file: give the path of a meilisearch binary"),
  SEARCH_SYNC: onOff(),
  /** `off`: this process sends no price reminders (`npm run prices:remind` still does). */
  PRICE_REMINDERS: onOff(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  /** The public origin: canonical links and every link the site emails. */
  SITE_URL: z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL, e.g. https://atlas.example" })
    .refine((v) => {
      const u = URL.parse(v);
      return !u || (u.pathname === "/" && !u.search && !u.hash);
    }, "must be an origin only (no path, query or #), e.g. https://atlas.example"),
  EMAIL_SERVER: emailServerSchema,
  EMAIL_FROM: emailFromSchema,
  ADMIN_EMAILS: adminEmailsSchema,
  SEED_COUNT: wholeNumber(0, 1_000_000).default(1500),
  PAGE_CACHE: onOff(),
} as const;

/** The environment with empty values removed: `VAR= cmd` means "unset", as in most shells. */
export function withoutEmpty(env: Env): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== "")) as Record<
    string,
    string
  >;
}

/** "  NAME="value": message" lines, one per problem, naming the variable. */
export function describeIssues(error: z.ZodError, env: Env): string {
  return error.issues
    .map((i) => {
      const name = i.path.join(".");
      return `  ${name}=${JSON.stringify(env[name] ?? "")}: ${i.message}`;
    })
    .join("\n");
}
