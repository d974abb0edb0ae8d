import type { UsState } from "@/db/enums";
import { costsHref } from "@/lib/costs/links";
import { count } from "@/lib/format";
import { STATE_NAMES, STATES_BY_NAME } from "@/lib/labels";

/**
 * Links to the states' cost pages in a grid, by name, each a 44 px tall target, with the number of
 * clinics when given: the list on /costs, under each state page and on the cost pages' 404.
 */
export function StateLinks({
  except,
  clinics,
}: {
  /** A state to leave out (the page's own). */
  except?: UsState;
  clinics?: (state: UsState) => number;
}) {
  return (
    <ul className="grid grid-cols-2 gap-x-4 sm:grid-cols-3 lg:grid-cols-4">
      {STATES_BY_NAME.filter((s) => s !== except).map((state) => (
        <li key={state}>
          <a href={costsHref(state)} className="tap">
            {STATE_NAMES[state]}
          </a>
          {clinics && (
            <>
              {" "}
              <span className="num text-sm text-muted">({count(clinics(state))})</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
