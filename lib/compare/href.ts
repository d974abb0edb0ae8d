import type { CourseAssumptions } from "@/lib/aftercare/cost";

/**
 * The compare page's URL contract, in a module light enough for client islands (no zod, no
 * aftercare code): `/compare?c=a,b&sessions=6&integration=3&boosters=2&diff=1`.
 */

/** How many clinics fit side by side. */
export const COMPARE_MAX = 4;
/** Fewer than this and there is nothing to compare (one clinic is still shown). */
export const COMPARE_MIN = 2;

/** The URL names of the course assumptions. */
export const ASSUMPTION_PARAMS = {
  ketamineSessions: "sessions",
  integrationSessions: "integration",
  boosters: "boosters",
} as const satisfies Record<keyof CourseAssumptions, string>;

/** The compare URL for these clinics and assumptions (assumptions left out when not given). */
export function compareHref(
  slugs: readonly string[],
  opts: { assumptions?: CourseAssumptions; onlyDifferences?: boolean } = {},
): string {
  const q = new URLSearchParams();
  q.set("c", slugs.join(","));
  if (opts.assumptions) {
    for (const [key, name] of Object.entries(ASSUMPTION_PARAMS) as [keyof CourseAssumptions, string][]) {
      q.set(name, String(opts.assumptions[key]));
    }
  }
  if (opts.onlyDifferences) q.set("diff", "1");
  // Commas are safe in a query string and keep shared links readable.
  return `/compare?${q.toString().replace(/%2C/g, ",")}`;
}
