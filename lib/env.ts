import "server-only";
import { z } from "zod";
import { DEFAULT_EMAIL_FROM } from "@/lib/auth/config-schemas";
import { configFields as f, withoutEmpty } from "@/lib/config-fields";

/**
 * The server's configuration, validated once. `npm start` (scripts/start.ts) fills these in for the
 * embedded services and has already checked every value (the same schemas, `lib/config-fields.ts`);
 * set them yourself to use external servers.
 */
const schema = z.object({
  DATABASE_URL: f.DATABASE_URL,
  MEILI_HOST: f.MEILI_HOST,
  MEILI_MASTER_KEY: f.MEILI_MASTER_KEY,
  MEILI_INDEX: f.MEILI_INDEX,
  MEILI_TIMEOUT_MS: f.MEILI_TIMEOUT_MS,
  SEARCH_SYNC: f.SEARCH_SYNC,
  PRICE_REMINDERS: f.PRICE_REMINDERS,
  SITE_URL: f.SITE_URL.default("http://localhost:3000"),
  TRUST_PROXY_HOPS: f.TRUST_PROXY_HOPS,
  /** SMTP server for sign-in links and notices. `npm start` starts a local mail sink when unset. */
  EMAIL_SERVER: f.EMAIL_SERVER.optional(),
  EMAIL_FROM: f.EMAIL_FROM.default(DEFAULT_EMAIL_FROM),
  ADMIN_EMAILS: f.ADMIN_EMAILS,
  /** Set by the launcher and the test harness when mail goes to the local sink (shown on /dev/mail). */
  MAIL_SINK_DIR: z.string().min(1).optional(),
});

export type ServerEnv = z.infer<typeof schema>;

function formatEnvError(error: z.ZodError): string {
  return error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
}

let cached: ServerEnv | undefined;
export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = schema.safeParse(withoutEmpty(process.env));
  if (!parsed.success) {
    throw new Error(`Invalid server configuration:\n${formatEnvError(parsed.error)}`);
  }
  cached = parsed.data;
  return cached;
}
