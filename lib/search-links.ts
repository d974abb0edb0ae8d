import type { Condition, Route } from "@/db/enums";

/**
 * Links into a filtered clinic search (`/clinics?…`), for guides and explanations. The parameter
 * names and values are the search page's URL contract; the type allows only those, so a link
 * cannot ask for a filter the search page does not know. Money is in whole dollars.
 */
export type ClinicSearchFilters = {
  integration?: "included" | "add_on" | "referral_only";
  followUp24h?: true;
  groups?: "in_person" | "virtual" | "both";
  onCall?: "nurse" | "clinician" | "coach";
  onCallHours?: "always";
  maxSessionPrice?: number;
  maxCourse?: number;
  hsaFsa?: true;
  accepting?: true;
  route?: Route;
  condition?: Condition;
};

/** The search page's parameter order, so the same filters always make the same link. */
const ORDER: readonly (keyof ClinicSearchFilters)[] = [
  "integration",
  "followUp24h",
  "groups",
  "onCall",
  "onCallHours",
  "maxSessionPrice",
  "maxCourse",
  "hsaFsa",
  "accepting",
  "route",
  "condition",
];

export function clinicSearchHref(filters: ClinicSearchFilters): string {
  const q = new URLSearchParams();
  for (const key of ORDER) {
    const value = filters[key];
    if (value === undefined) continue;
    if (typeof value === "number" && !(Number.isInteger(value) && value > 0)) {
      throw new RangeError(`${key} must be a whole number of dollars above 0, not ${value}`);
    }
    q.set(key, String(value));
  }
  const query = q.toString();
  return query ? `/clinics?${query}` : "/clinics";
}
