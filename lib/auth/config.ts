import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth from "next-auth";
import Nodemailer from "next-auth/providers/nodemailer";
import { getDb } from "@/lib/db";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { serverEnv } from "@/lib/env";
import { signInMail } from "@/lib/mail/messages";
import { appMailer } from "@/lib/mail/app";
import { roleForEmail } from "./config-schemas";
import { onSignedIn } from "./sign-in-events";

/** How long a sign-in link works. */
const LINK_MINUTES = 30;

/**
 * Auth.js: email magic links over SMTP (nodemailer), database sessions in PostgreSQL through the
 * Drizzle adapter. Lazy, so nothing reads the environment or opens a connection at build time.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const env = serverEnv();
  const db = getDb();
  // Auth.js builds sign-in links (and its own redirects) on AUTH_URL when it is set, and on the
  // request's Host / X-Forwarded-Host otherwise, which anyone can write. Next.js reads it from
  // process.env at each call, after this function ran.
  const authUrl = authUrlFor(env.SITE_URL);
  process.env.AUTH_URL = authUrl;
  return {
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    session: { strategy: "database", maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    // Only AUTH_URL (above) decides this site's address; the request's own host is never used.
    trustHost: true,
    providers: [
      Nodemailer({
        // Our own sender below does the sending; Auth.js only requires a server to be named.
        server: env.EMAIL_SERVER ?? "smtp://127.0.0.1:25",
        from: env.EMAIL_FROM,
        maxAge: LINK_MINUTES * 60,
        async sendVerificationRequest({ identifier, url }) {
          // A link anywhere but on SITE_URL would hand its token to whoever runs that host.
          if (new URL(url).origin !== new URL(authUrl).origin) {
            throw new Error(`Refused to send a sign-in link that is not on SITE_URL: ${new URL(url).origin}`);
          }
          await appMailer().send(
            signInMail({ to: identifier, url, host: new URL(url).host, minutes: LINK_MINUTES }),
          );
        },
      }),
    ],
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
    callbacks: {
      // What `GET /api/auth/session` (and `auth()`) answers: only what pages show. No session token
      // and no user id; `currentActor` (session.ts) finds the user by email and works the role out
      // afresh on each request.
      session({ session, user }) {
        return publicSession(user, session.expires, env.ADMIN_EMAILS) as unknown as typeof session;
      },
    },
    events: {
      async signIn({ user }) {
        if (user.id && user.email) await onSignedIn(db, { id: user.id, email: user.email });
      },
    },
  };
});

/** Auth.js's own URL: its routes under SITE_URL. */
function authUrlFor(siteUrl: string): string {
  return new URL("/api/auth", siteUrl).toString();
}

/** The session as page scripts may see it. */
export type PublicSession = {
  user: { name: string | null; email: string; role: "admin" | "member" };
  expires: string;
};

function publicSession(
  user: { email: string; name?: string | null },
  expires: Date | string,
  adminEmails: readonly string[],
): PublicSession {
  return {
    user: { name: user.name ?? null, email: user.email, role: roleForEmail(user.email, adminEmails) },
    expires: new Date(expires).toISOString(),
  };
}
