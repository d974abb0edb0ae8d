import { usStateSchema, type UsState } from "@/db/enums";

/** `/costs/compare?states=tx,ca`: two to four states side by side. */
export const COMPARE_PATH = "/costs/compare";
const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;

export type CompareStates =
  { ok: true; states: UsState[]; canonical: string } | { ok: false; status: 400 | 404; message: string };

export const compareHref = (states: readonly UsState[]) =>
  `${COMPARE_PATH}?states=${states.map((s) => s.toLowerCase()).join(",")}`;

/**
 * The states of a comparison from its `states` parameters: a comma-separated list
 * (`states=tx,ca`) or the parameter repeated (what the pickers' forms send), codes in any case,
 * repeats dropped. Unknown codes are a 404 (there is no such page), a count outside 2–4 a 400.
 */
export function parseCompareStates(values: readonly string[]): CompareStates {
  const codes = values
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
  const unknown = codes.filter((c) => !usStateSchema.safeParse(c.toUpperCase()).success);
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 3).map((c) => `“${c.slice(0, 20)}”`);
    return {
      ok: false,
      status: 404,
      message: `We don't know the state${unknown.length === 1 ? "" : "s"} ${shown.join(", ")}. Use two-letter postal codes, like tx for Texas.`,
    };
  }
  const states = [...new Set(codes.map((c) => c.toUpperCase() as UsState))];
  if (states.length < COMPARE_MIN || states.length > COMPARE_MAX) {
    return {
      ok: false,
      status: 400,
      message:
        states.length < COMPARE_MIN
          ? `Pick at least ${COMPARE_MIN} different states to compare (you gave ${states.length}).`
          : `Compare at most ${COMPARE_MAX} states at a time (you gave ${states.length}).`,
    };
  }
  return { ok: true, states, canonical: compareHref(states) };
}
