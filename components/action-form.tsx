"use client";

import { unstable_rethrow } from "next/navigation";
import { createContext, startTransition, useActionState, useContext, useEffect, useRef } from "react";

/** What a small server action answers: a sentence to show, and whether it worked. */
export type ActionState = { ok: boolean; message: string } | null;

/** Shown when a server action's request fails outright (no network, no readable answer). */
export const UNREACHABLE_MESSAGE =
  "We could not reach the site, so nothing was saved. Your changes are still here: try again in a minute.";

/**
 * `action`, answering a failure instead of throwing when the request itself fails: a thrown error
 * would replace the page with the error screen and lose what was typed.
 */
export function keepingTheForm<S, A extends unknown[]>(
  action: (...args: A) => Promise<S>,
  failed: S,
): (...args: A) => Promise<S> {
  return async (...args) => {
    try {
      return await action(...args);
    } catch (err) {
      unstable_rethrow(err); // redirects and the like are Next.js's, not failures
      return failed;
    }
  };
}

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** The action state of the forms inside an `ActionHost`. */
const Host = createContext<{ formAction: (form: FormData) => void; pending: boolean } | null>(null);

function useAction(action: Action) {
  return useActionState(keepingTheForm(action, { ok: false, message: UNREACHABLE_MESSAGE }), null);
}

/**
 * Shares one server action among the `ActionForm`s inside it and shows its answer above them, with
 * the focus on it. For lists whose item leaves the page once handled (a removed person, a decided
 * claim, a resolved report): an answer shown next to the item's button would leave with it.
 */
export function ActionHost({ action, children }: { action: Action; children: React.ReactNode }) {
  const [state, formAction, pending] = useAction(action);
  const answer = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state) answer.current?.focus();
  }, [state]);
  return (
    <Host value={{ formAction, pending }}>
      {state && <ActionAnswer state={state} ref={answer} tabIndex={-1} />}
      {children}
    </Host>
  );
}

type FormProps = {
  action: Action;
  hidden: Record<string, string | number>;
  submitLabel: string;
  children?: React.ReactNode;
  variant?: "primary" | "secondary";
  className?: string;
};

/**
 * A form around one server action (approve, remove, hide…) that shows the action's answer next to
 * its button, or in its `ActionHost` (whose action it then uses). Works without JavaScript too (the
 * page then reloads with the result).
 */
export function ActionForm(props: FormProps) {
  const host = useContext(Host);
  return host ? <Form {...props} {...host} state={null} /> : <OwnForm {...props} />;
}

function OwnForm(props: FormProps) {
  const [state, formAction, pending] = useAction(props.action);
  return <Form {...props} formAction={formAction} pending={pending} state={state} />;
}

/**
 * Sends the form to its action without React's reset of a form action's fields: a refused answer
 * (a reply that makes a banned claim, a failed request) keeps what was typed. The form is emptied only
 * when its own answer says it worked. Without JavaScript the form posts as usual.
 */
function useKeptFields(formAction: (form: FormData) => void, state: ActionState) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) ref.current?.reset();
  }, [state]);
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(data));
  };
  return { ref, onSubmit };
}

function Form({
  hidden,
  submitLabel,
  children,
  variant = "primary",
  className = "",
  formAction,
  pending,
  state,
}: FormProps & { formAction: (form: FormData) => void; pending: boolean; state: ActionState }) {
  const { ref, onSubmit } = useKeptFields(formAction, state);
  return (
    <form ref={ref} action={formAction} onSubmit={onSubmit} className={`space-y-2 ${className}`}>
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={String(v)} />
      ))}
      {children}
      <button type="submit" disabled={pending} className={variant === "primary" ? "btn" : "btn-secondary"}>
        {pending ? "Working…" : submitLabel}
      </button>
      {state && <ActionAnswer state={state} />}
    </form>
  );
}

/** A server action's answer: a status when it worked, an alert when it did not. */
function ActionAnswer({
  state,
  ref,
  tabIndex,
}: {
  state: NonNullable<ActionState>;
  ref?: React.Ref<HTMLParagraphElement>;
  tabIndex?: number;
}) {
  return (
    <p
      ref={ref}
      tabIndex={tabIndex}
      role={state.ok ? "status" : "alert"}
      className={
        state.ok
          ? "text-sm text-accent-800"
          : "rounded border border-red-700 bg-red-50 p-2 text-sm text-red-900"
      }
    >
      {state.message}
    </p>
  );
}
