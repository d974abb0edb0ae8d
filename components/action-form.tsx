"use client";

import { useActionState } from "react";

/** What a small server action answers: a sentence to show, and whether it worked. */
export type ActionState = { ok: boolean; message: string } | null;

/**
 * A form around one server action (approve, remove, hide…) that shows the action's answer next to
 * its button. Works without JavaScript too (the page then reloads with the result).
 */
export function ActionForm({
  action,
  hidden,
  submitLabel,
  children,
  variant = "primary",
  className = "",
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  hidden: Record<string, string | number>;
  submitLabel: string;
  children?: React.ReactNode;
  variant?: "primary" | "secondary";
  className?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className={`space-y-2 ${className}`}>
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={String(v)} />
      ))}
      {children}
      <button type="submit" disabled={pending} className={variant === "primary" ? "btn" : "btn-secondary"}>
        {pending ? "Working…" : submitLabel}
      </button>
      {state && (
        <p
          role={state.ok ? "status" : "alert"}
          className={
            state.ok
              ? "text-sm text-accent-800"
              : "rounded border border-red-700 bg-red-50 p-2 text-sm text-red-900"
          }
        >
          {state.message}
        </p>
      )}
    </form>
  );
}
