import { z } from "zod";
import { clampAssumptions, type CourseAssumptions } from "@/lib/aftercare";
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from "@/lib/listings/slug";
import { ASSUMPTION_PARAMS, COMPARE_MAX } from "./href";

export { COMPARE_MAX, COMPARE_MIN, compareHref } from "./href";

const slugSchema = z.string().max(SLUG_MAX_LENGTH).regex(SLUG_PATTERN);

/** The longest text of a bad slug we repeat back to the reader. */
const ECHO_MAX = 60;

export type CompareProblem =
  | { kind: "invalid"; values: string[] }
  | { kind: "duplicates"; values: string[] }
  | { kind: "tooMany"; values: string[] };

export type CompareParams = {
  /** Unique, well-formed slugs in the order given, at most `COMPARE_MAX`. */
  slugs: string[];
  /** What was wrong with `c`, for the reader; unknown slugs are found later, against the database. */
  problems: CompareProblem[];
  assumptions: CourseAssumptions;
  /** One sentence per assumption that was out of range, fractional or unreadable. */
  assumptionNotices: string[];
  onlyDifferences: boolean;
};

const paramValue = z.union([z.string(), z.array(z.string())]).optional();
const searchParamsSchema = z.record(z.string(), paramValue);
type RawSearchParams = z.infer<typeof searchParamsSchema>;

const all = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const first = (v: string | string[] | undefined) => all(v)[0];
const echo = (s: string) => (s.length > ECHO_MAX ? `${s.slice(0, ECHO_MAX)}…` : s);

/**
 * Reads the compare page's search params. `c` holds slugs separated by commas (and may repeat:
 * `?c=a&c=b`). Nothing here throws: every problem becomes a `problems` entry or a notice, and what
 * can be used is kept.
 */
export function parseCompareParams(input: unknown): CompareParams {
  // Next.js hands pages a special object (zod's record check refuses it as "not a plain object"):
  // copy its own entries into a plain one first.
  const plain =
    typeof input === "object" && input !== null && !Array.isArray(input)
      ? Object.fromEntries(Object.entries(input))
      : input;
  const parsed = searchParamsSchema.safeParse(plain);
  const sp: RawSearchParams = parsed.success ? parsed.data : {};

  const given = all(sp.c)
    .flatMap((v) => v.split(","))
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const invalid: string[] = [];
  const duplicates: string[] = [];
  const unique: string[] = [];
  for (const raw of given) {
    const slug = raw.toLowerCase();
    if (!slugSchema.safeParse(slug).success) {
      if (!invalid.includes(echo(raw))) invalid.push(echo(raw));
    } else if (unique.includes(slug)) {
      if (!duplicates.includes(slug)) duplicates.push(slug);
    } else {
      unique.push(slug);
    }
  }
  const problems: CompareProblem[] = [];
  if (invalid.length > 0) problems.push({ kind: "invalid", values: invalid });
  if (duplicates.length > 0) problems.push({ kind: "duplicates", values: duplicates });
  if (unique.length > COMPARE_MAX) problems.push({ kind: "tooMany", values: unique.slice(COMPARE_MAX) });

  const { value, notices } = clampAssumptions({
    ketamineSessions: first(sp[ASSUMPTION_PARAMS.ketamineSessions]),
    integrationSessions: first(sp[ASSUMPTION_PARAMS.integrationSessions]),
    boosters: first(sp[ASSUMPTION_PARAMS.boosters]),
  });

  return {
    slugs: unique.slice(0, COMPARE_MAX),
    problems,
    assumptions: value,
    assumptionNotices: notices,
    onlyDifferences: first(sp.diff) === "1",
  };
}
