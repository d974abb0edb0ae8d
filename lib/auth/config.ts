import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth from "next-auth";
import Nodemailer from "next-auth/providers/nodemailer";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { serverEnv } from "@/lib/env";
import { signInMail } from "@/lib/mail/messages";
import { appMailer } from "@/lib/mail/app";
import { onSignedIn } from "./sign-in-events";

/** How long a sign-in link works. */
export const LINK_MINUTES = 30;

/**
 * Auth.js: email magic links over SMTP (nodemailer), database sessions in PostgreSQL through the
 * Drizzle adapter. Lazy, so nothing reads the environment or opens a connection at build time.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const env = serverEnv();
  const db = getDb();
  return {
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    session: { strategy: "database", maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    trustHost: true,
    providers: [
      Nodemailer({
        // Our own sender below does the sending; Auth.js only requires a server to be named.
        server: env.EMAIL_SERVER ?? "smtp://127.0.0.1:25",
        from: env.EMAIL_FROM,
        maxAge: LINK_MINUTES * 60,
        async sendVerificationRequest({ identifier, url }) {
          await appMailer().send(
            signInMail({ to: identifier, url, host: new URL(url).host, minutes: LINK_MINUTES }),
          );
        },
      }),
    ],
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
    callbacks: {
      // Only the id and email reach the session; the role is worked out on each request (session.ts).
      session({ session, user }) {
        return { ...session, user: { id: user.id, email: user.email, name: user.name ?? null } };
      },
    },
    events: {
      async signIn({ user }) {
        if (user.id && user.email) await onSignedIn(db, { id: user.id, email: user.email });
      },
    },
  };
});
