import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentActor, safeReturnPath } from "@/lib/auth/session";
import { SignInForm } from "./signin-form";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Auth.js sends people back here with `?error=` when a link failed. */
const LINK_ERRORS: Record<string, string> = {
  Verification: "That sign-in link has expired or was already used. Ask for a new one below.",
  EmailSignin: "We could not send the email. Please try again in a minute.",
  Configuration: "Sign-in is not working on our side right now. Please try again later.",
  AccessDenied: "You cannot sign in with that address.",
};

export default async function SignInPage({ searchParams }: Props) {
  const sp = await searchParams;
  const next = safeReturnPath(
    typeof sp.next === "string" ? sp.next : typeof sp.callbackUrl === "string" ? sp.callbackUrl : null,
  );
  if (await currentActor()) redirect(next);
  const error = typeof sp.error === "string" ? (LINK_ERRORS[sp.error] ?? LINK_ERRORS.Configuration) : null;
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-3xl">Sign in</h1>
      <p>
        Signing in is for patients reporting on the aftercare they got, for clinics that keep their listing up
        to date, and for our editors. You do not need an account to search or compare clinics.
      </p>
      {error && (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
          {error}
        </p>
      )}
      <SignInForm next={next} />
    </div>
  );
}
