import { COMPARE_MAX, COMPARE_PATH } from "@/lib/costs/compare";
import type { UsState } from "@/db/enums";
import { STATE_NAMES, STATES_BY_NAME } from "@/lib/labels";

/**
 * Pick up to `COMPARE_MAX` states and compare them: a plain GET form to `/costs/compare`, so it
 * works without JavaScript (the page turns `states=tx&states=ca` into `states=tx,ca`).
 */
export function ComparePicker({
  states,
  heading = "Pick the states to compare",
}: {
  states: readonly UsState[];
  heading?: string;
}) {
  const slots = Array.from({ length: COMPARE_MAX }, (_, i) => states[i] ?? "");
  return (
    <form method="get" action={COMPARE_PATH} className="card space-y-3" aria-labelledby="compare-picker">
      <h2 id="compare-picker" className="text-lg font-semibold">
        {heading}
      </h2>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {slots.map((s, i) => (
          <div key={i} className="flex flex-col">
            <label htmlFor={`compare-state-${i}`} className="text-sm font-medium">
              State {i + 1}
              {i >= 2 ? " (optional)" : ""}
            </label>
            <select
              id={`compare-state-${i}`}
              name="states"
              defaultValue={s.toLowerCase()}
              className="min-h-11 rounded-md border border-muted bg-white px-3"
            >
              <option value="">{i >= 2 ? "None" : "Choose a state"}</option>
              {STATES_BY_NAME.map((code) => (
                <option key={code} value={code.toLowerCase()}>
                  {STATE_NAMES[code]}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <button type="submit" className="btn">
        Compare
      </button>
    </form>
  );
}
