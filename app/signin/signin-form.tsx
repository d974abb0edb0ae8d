"use client";

import { useActionState } from "react";
import { requestSignInLink, type SignInState } from "./actions";

/** The email form. Works without JavaScript (a plain form post); with it, shows a pending state. */
export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(requestSignInLink, {
    status: "idle",
  });
  const problem = state.status === "idle" ? null : state;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <div className="space-y-1">
        <label htmlFor="email" className="block font-medium">
          Your email address
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={problem?.email ?? ""}
          aria-invalid={problem?.status === "invalid" || undefined}
          aria-describedby={problem ? "signin-problem" : "email-help"}
          className="block min-h-11 w-full max-w-md rounded-md border border-muted px-3 py-2"
        />
        <p id="email-help" className="text-sm text-muted">
          We email you a link. Open it on this device to sign in. No password needed.
        </p>
      </div>
      {problem && (
        <p
          id="signin-problem"
          role="alert"
          data-state={problem.status}
          className="max-w-md rounded-md border border-red-700 bg-red-50 p-3 text-red-900"
        >
          {problem.status === "rate_limited" && <strong className="block">Please wait a little</strong>}
          {problem.message}
        </p>
      )}
      <button type="submit" className="btn" disabled={pending}>
        {pending ? "Sending…" : "Email me a sign-in link"}
      </button>
    </form>
  );
}
