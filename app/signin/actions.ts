"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import { signIn } from "@/lib/auth/config";
import { clientAddress } from "@/lib/auth/client-address";
import { linkWasSent, signInRateLimit, waitText } from "@/lib/auth/rate-limit";
import { safeReturnPath } from "@/lib/auth/session";
import { emailInputSchema } from "@/lib/claims/schema";
import { serverEnv } from "@/lib/env";
import { databaseAvailable } from "@/lib/db-status";
import { isDatabaseUnavailable } from "@/lib/errors";

/** A sign-in during a database outage: the form says so in place and keeps the address. */
const SIGN_IN_UNAVAILABLE_MESSAGE =
  "We can't send sign-in links right now: our database is not answering. Nothing was sent. Please try again in a minute.";

export type SignInState =
  | { status: "idle" }
  | { status: "invalid"; message: string; email: string }
  | { status: "rate_limited"; message: string; email: string }
  | { status: "error"; message: string; email: string };

/** Sends a sign-in link (rate limited: lib/auth/rate-limit.ts), then shows "check your email". */
export async function requestSignInLink(_prev: SignInState, form: FormData): Promise<SignInState> {
  const raw = typeof form.get("email") === "string" ? String(form.get("email")) : "";
  const next = safeReturnPath(typeof form.get("next") === "string" ? String(form.get("next")) : null);
  const email = emailInputSchema.safeParse(raw);
  if (!email.success) {
    return {
      status: "invalid",
      message: email.error.issues[0]?.message ?? "Enter an email address.",
      email: raw,
    };
  }
  const ip = clientAddress(await headers(), serverEnv().TRUST_PROXY_HOPS);
  // The limits and Auth.js's token live in PostgreSQL: during an outage, say so and send nothing
  // (asking the pool to run the limit's transaction against a stopped server is not safe either).
  const unavailable = () => {
    console.warn("[signin] the database is not answering: no sign-in link sent");
    return { status: "error", email: email.data, message: SIGN_IN_UNAVAILABLE_MESSAGE } as const;
  };
  if (!(await databaseAvailable())) return unavailable();
  let limit: Awaited<ReturnType<typeof signInRateLimit>>;
  try {
    limit = await signInRateLimit(getDb(), { email: email.data, ip });
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    return unavailable();
  }
  if (!limit.ok) {
    return {
      status: "rate_limited",
      email: email.data,
      message: `Too many sign-in requests for this email or network. Please wait ${waitText(limit.retryAfterSeconds)} and try again. Links you already got still work.`,
    };
  }
  try {
    const to: unknown = await signIn("nodemailer", { email: email.data, redirectTo: next, redirect: false });
    // Auth.js answers some failures with a redirect to its error page instead of throwing.
    if (typeof to !== "string" || !linkWasSent(to)) {
      throw new Error(`Auth.js could not send the link: ${String(to)}`);
    }
  } catch (err) {
    await limit.release?.(); // no mail went out: it counts against neither the email nor the site
    console.error("[signin] could not send a sign-in link:", err);
    const message =
      err instanceof AuthError
        ? "We could not send the email just now. Check the address and try again in a minute."
        : "Something went wrong on our side. Please try again in a minute.";
    return { status: "error", message, email: email.data };
  }
  redirect(`/signin/check-email?email=${encodeURIComponent(email.data)}`);
}
