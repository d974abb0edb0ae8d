import "server-only";
import { serverEnv } from "@/lib/env";

/**
 * /dev/mail shows the local mail sink, which holds sign-in links: anyone who can read it can sign in
 * as anyone. So it exists only when the sink is in use AND the site runs in development or on a
 * local address (SITE_URL on localhost). Everywhere else it is a 404.
 */
export function devMailDir(): string | null {
  const env = serverEnv();
  if (!env.MAIL_SINK_DIR) return null;
  const host = new URL(env.SITE_URL).hostname;
  const local = host === "localhost" || host === "127.0.0.1" || host === "[::1]";
  return process.env.NODE_ENV !== "production" || local ? env.MAIL_SINK_DIR : null;
}
