import "server-only";
import { serverEnv } from "@/lib/env";
import { smtpMailer, type Mailer } from "./send";

/** The app's mailer: EMAIL_SERVER (the local sink when the launcher started one). */
export function appMailer(): Mailer {
  const env = serverEnv();
  return smtpMailer(env.EMAIL_SERVER, env.EMAIL_FROM);
}

/** Absolute URL of a path on this site (for links in emails). */
export function siteUrl(path: string): string {
  return new URL(path, serverEnv().SITE_URL).toString();
}
