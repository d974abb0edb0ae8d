"use client";

import { useActionState, useEffect, useRef } from "react";
import {
  ActionAnswer,
  keepingTheForm,
  UNREACHABLE_MESSAGE,
  type ActionState,
} from "@/components/action-form";

/** One person on a listing's team: what the row says, and its remove button (none when it may not be removed). */
export type MemberRow = {
  key: string;
  text: string;
  remove?: { label: string; hidden: Record<string, string> };
};

/**
 * The people who can edit a listing, each with a remove (or withdraw) button. The answer is shown
 * under the list, not in the row: a removed person's row leaves the page when it is refreshed, and
 * the answer ("Removed …") must stay. The focus moves to it, as the button it came from is gone.
 * Works without JavaScript too (each button is a plain form; the page reloads with the answer).
 */
export function MemberList({
  rows,
  action,
}: {
  rows: MemberRow[];
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const [state, formAction, pending] = useActionState(
    keepingTheForm(action, { ok: false, message: UNREACHABLE_MESSAGE }),
    null,
  );
  const answer = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state) answer.current?.focus();
  }, [state]);
  return (
    <>
      <ul className="space-y-3">
        {rows.map((r) => (
          <li
            key={r.key}
            className="flex flex-wrap items-center justify-between gap-2 border-b border-line pb-3"
          >
            <span>{r.text}</span>
            {r.remove && (
              <form action={formAction}>
                {Object.entries(r.remove.hidden).map(([k, v]) => (
                  <input key={k} type="hidden" name={k} value={v} />
                ))}
                <button type="submit" disabled={pending} className="btn-secondary">
                  {pending ? "Working…" : r.remove.label}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {state && <ActionAnswer state={state} ref={answer} tabIndex={-1} />}
    </>
  );
}
