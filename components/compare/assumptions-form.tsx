import Form from "next/form";
import { ASSUMPTION_LIMITS, BOOSTER_PERIOD_MONTHS, type CourseAssumptions } from "@/lib/aftercare";
import { ASSUMPTION_PARAMS } from "@/lib/compare/href";

const FIELDS: { key: keyof CourseAssumptions; label: string }[] = [
  { key: "ketamineSessions", label: "Ketamine sessions" },
  { key: "integrationSessions", label: "Integration sessions" },
  { key: "boosters", label: `Boosters (first ${BOOSTER_PERIOD_MONTHS} months)` },
];

/**
 * The course-cost assumptions as a GET form: works without JavaScript, and the result is a link
 * anyone can share. Keyed by its values so a clamped value replaces what was typed.
 */
export function AssumptionsForm({
  slugs,
  assumptions,
  onlyDifferences,
}: {
  slugs: readonly string[];
  assumptions: CourseAssumptions;
  onlyDifferences: boolean;
}) {
  return (
    <Form
      key={`${Object.values(assumptions).join("-")}-${onlyDifferences}`}
      action="/compare"
      // Not prefetched: it rendered an empty /compare on the server whenever the form came into
      // view, and a script's request answered with no-store keeps the page out of the browser's
      // back/forward cache (Lighthouse's bf-cache audit failed on /compare alone).
      prefetch={false}
      className="card no-print space-y-3"
      aria-labelledby="assumptions-title"
    >
      <h2 id="assumptions-title" className="text-lg">
        Work out the course cost your way
      </h2>
      <p className="text-sm text-muted">
        Change the numbers to match what you expect, and we recount the cost at every clinic. Integration
        sessions count only where the clinic does not include them in its price.
      </p>
      <input type="hidden" name="c" value={slugs.join(",")} />
      <div className="grid grid-cols-3 gap-2 sm:gap-4">
        {FIELDS.map((f) => {
          const { min, max } = ASSUMPTION_LIMITS[f.key];
          const id = `assume-${f.key}`;
          return (
            <div key={f.key} className="flex flex-col gap-1">
              <label htmlFor={id} className="text-sm font-medium sm:text-base">
                {f.label}
              </label>
              <input
                id={id}
                name={ASSUMPTION_PARAMS[f.key]}
                type="number"
                inputMode="numeric"
                min={min}
                max={max}
                step={1}
                required
                defaultValue={assumptions[f.key]}
                aria-describedby={`${id}-hint`}
                className="num min-h-11 w-full rounded-md border border-muted bg-white px-3"
              />
              <span id={`${id}-hint`} className="text-sm text-muted">
                {min} to {max}
              </span>
            </div>
          );
        })}
      </div>
      {/* "Show only differences" is the toggle above the table; the form keeps its choice. */}
      {onlyDifferences && <input type="hidden" name="diff" value="1" />}
      <button type="submit" className="btn">
        Update the comparison
      </button>
    </Form>
  );
}
