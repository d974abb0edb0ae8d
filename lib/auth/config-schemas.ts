import { z } from "zod";

/**
 * The zod schemas of the sign-in settings, shared by the launcher (`scripts/lib/config.ts`) and the
 * server (`lib/env.ts`) so both read them the same way. Pure: safe anywhere.
 */

/** `smtp://user:pass@host:587` or `smtps://…:465` (nodemailer's connection URL). */
export const emailServerSchema = z.url({
  protocol: /^smtps?$/,
  error: "must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example:587",
});

/** `Name <address>` or a bare address. */
export const emailFromSchema = z
  .string()
  .trim()
  .refine((v) => {
    const m = /^(?:[^<>]*<([^<>]+)>|([^<>\s]+))$/.exec(v);
    const address = m?.[1] ?? m?.[2];
    return address !== undefined && z.email().safeParse(address.trim()).success;
  }, "must be an email address, optionally with a name: Aftercare Atlas <no-reply@example.org>");

export const DEFAULT_EMAIL_FROM = "Aftercare Atlas <no-reply@aftercare-atlas.localhost>";

/** Comma-separated email addresses; lower-cased. Empty → no admins. */
export const adminEmailsSchema = z
  .string()
  .default("")
  .transform((v, ctx) => {
    const list = v
      .split(",")
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    for (const email of list) {
      if (!z.email().safeParse(email).success) {
        ctx.addIssue({
          code: "custom",
          message: `"${email}" is not an email address (use commas between addresses)`,
        });
        return z.NEVER;
      }
    }
    return list;
  });

/** Users whose email is in `adminEmails` are admins; everyone else is a member. */
export function roleForEmail(email: string, adminEmails: readonly string[]): "admin" | "member" {
  return adminEmails.includes(email.trim().toLowerCase()) ? "admin" : "member";
}
