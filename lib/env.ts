import "server-only";
import { z } from "zod";
import {
  adminEmailsSchema,
  DEFAULT_EMAIL_FROM,
  emailFromSchema,
  emailServerSchema,
} from "@/lib/auth/config-schemas";

/**
 * The server's configuration, validated once. `npm start` (scripts/start.ts) fills these in for the
 * embedded services; set them yourself to use external servers.
 */
const schema = z.object({
  DATABASE_URL: z
    .string({ error: "is required (a postgres:// URL)" })
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL"),
  MEILI_HOST: z.url({ error: "is required (e.g. http://127.0.0.1:7700)" }),
  MEILI_MASTER_KEY: z.string({ error: "is required" }).min(16, "must be at least 16 bytes"),
  MEILI_INDEX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]+$/, "may hold only letters, digits, - and _")
    .default("clinics"),
  MEILI_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(800),
  SEARCH_SYNC: z.enum(["on", "off"]).default("on"),
  SITE_URL: z.url().default("http://localhost:3000"),
  /** How many reverse proxies in front of the site to trust for X-Forwarded-* (0: none). */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** SMTP server for sign-in links and notices. `npm start` starts a local mail sink when unset. */
  EMAIL_SERVER: emailServerSchema.optional(),
  EMAIL_FROM: emailFromSchema.default(DEFAULT_EMAIL_FROM),
  ADMIN_EMAILS: adminEmailsSchema,
  /** Set by the launcher and the test harness when mail goes to the local sink (shown on /dev/mail). */
  MAIL_SINK_DIR: z.string().min(1).optional(),
});

export type ServerEnv = z.infer<typeof schema>;

export function formatEnvError(error: z.ZodError): string {
  return error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
}

let cached: ServerEnv | undefined;
export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid server configuration:\n${formatEnvError(parsed.error)}`);
  }
  cached = parsed.data;
  return cached;
}
