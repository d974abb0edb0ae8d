import type { Clinic } from "@/db/schema";
import { usd, usdRange } from "@/lib/format";

/**
 * The course-cost estimate: what a typical first course costs at one clinic, as a low–high range
 * in integer US cents, with every assumption spelled out.
 *
 *   consult + induction series + integration sessions (when not included) + boosters
 *
 * Rules (each also explained to the reader through the item notes and `assumptions`):
 *
 * - Prices are the clinic's listed cash prices. A min/max pair with one end missing is read as a
 *   single price; a pair entered the wrong way round is sorted. Negative prices count as $0.
 * - Consult: the consult fee. Unknown → counted as $0 and listed in `missing`.
 * - Ketamine sessions (n = `ketamineSessions`, S = the clinic's series size):
 *   - with a series price and n ≥ S: the series price, plus n − S extra sessions at the per-session
 *     price;
 *   - with a series price and n < S: n × the per-session price, but never more than the whole series
 *     (a patient who would pay more for n single sessions than for the series would buy the series;
 *     this also keeps the estimate from dropping when n reaches S);
 *   - without a series price: n × the per-session price.
 *   The per-session price is the listed session price, else the series price ÷ S (prorated).
 *   A series price without a series size cannot be used and is listed in `missing`.
 *   No session price and no usable series price → the whole estimate is unknown (low = high = null).
 * - Integration sessions (m = `integrationSessions`): $0 when integration is included in the price;
 *   m × the clinic's integration session fee when it is an add-on; with an outside therapist at a
 *   typical $150–$300 a session when the clinic only refers out, does not offer it, or lists an
 *   add-on without a fee.
 * - Boosters (b = `boosters`, over the first `BOOSTER_PERIOD_MONTHS` months): b × the booster price,
 *   else the per-session price.
 * - Each item is rounded to whole cents; the total is the sum of the items, so low ≤ high always,
 *   and the estimate never goes down when a price or a count goes up.
 */

/** The clinic fields the estimate reads (and nothing else). */
export type CostInput = Pick<
  Clinic,
  | "consultFee"
  | "sessionMin"
  | "sessionMax"
  | "seriesSessions"
  | "seriesMin"
  | "seriesMax"
  | "boosterMin"
  | "boosterMax"
  | "integrationTherapy"
  | "integrationSessionFee"
>;

export type CourseAssumptions = { ketamineSessions: number; integrationSessions: number; boosters: number };
export type AssumptionKey = keyof CourseAssumptions;

/** The period the booster count covers, in months after the first course. */
export const BOOSTER_PERIOD_MONTHS = 6;

export const DEFAULT_ASSUMPTIONS: Readonly<CourseAssumptions> = Object.freeze({
  ketamineSessions: 6,
  integrationSessions: 3,
  boosters: 2,
});

export const ASSUMPTION_LIMITS: {
  readonly [K in AssumptionKey]: { readonly min: number; readonly max: number };
} = {
  ketamineSessions: { min: 1, max: 12 },
  integrationSessions: { min: 0, max: 12 },
  boosters: { min: 0, max: 12 },
};

/** What each count means, for form labels and notices. */
export const ASSUMPTION_LABELS: { readonly [K in AssumptionKey]: string } = {
  ketamineSessions: "ketamine sessions",
  integrationSessions: "integration therapy sessions",
  boosters: `booster sessions in the first ${BOOSTER_PERIOD_MONTHS} months`,
};

const ASSUMPTION_KEYS = Object.keys(ASSUMPTION_LIMITS) as AssumptionKey[];

/** What an outside integration therapist typically charges per session, in cents. */
export const OUTSIDE_INTEGRATION_FEE: Readonly<CentsRange> = Object.freeze({ low: 15_000, high: 30_000 });

/** A low–high amount in cents. */
export type CentsRange = { low: number; high: number };

type CostItemKey = "consult" | "ketamine" | "integration" | "boosters";
type CostItem = { key: CostItemKey; label: string; low: number; high: number; note: string };
export type CourseEstimate = {
  /** Total in cents; null when no ketamine price is known. */
  low: number | null;
  high: number | null;
  /** The parts that could be priced, in a fixed order. */
  items: CostItem[];
  /** What the estimate assumes, as sentences. */
  assumptions: string[];
  /** What the clinic has not listed that the estimate needed (e.g. "Consultation fee"). */
  missing: string[];
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const fmt = (r: CentsRange) => usdRange(r.low, r.high);
/** "$450–$600 each", or just "$450–$600" for a single session. */
const each = (r: CentsRange, count: number) => fmt(r) + (count === 1 ? "" : " each");

function price(x: number | null): number | null {
  return x != null && Number.isFinite(x) ? Math.max(0, x) : null;
}

/** A listed min/max pair as a range: one missing end means a single price; null when both are missing. */
function priceRange(min: number | null, max: number | null): CentsRange | null {
  const a = price(min) ?? price(max);
  const b = price(max) ?? price(min);
  return a === null || b === null ? null : { low: Math.min(a, b), high: Math.max(a, b) };
}

/** Apply `f` to both ends of a range. */
function ends(f: (end: keyof CentsRange) => number): CentsRange {
  return { low: f("low"), high: f("high") };
}

/** Apply `f` to both ends of a range, rounding to whole cents (for item totals only). */
function both(f: (end: keyof CentsRange) => number): CentsRange {
  return ends((e) => Math.round(f(e)));
}

type Prices = {
  session: CentsRange | null;
  /** The series, when both its price and its size are known. */
  series: { size: number; price: CentsRange } | null;
  /** The listed session price, else the series prorated (unrounded); null when neither is known. */
  perSession: CentsRange | null;
  perSessionProrated: boolean;
};

function prices(c: CostInput): Prices {
  const session = priceRange(c.sessionMin, c.sessionMax);
  const seriesPrice = priceRange(c.seriesMin, c.seriesMax);
  const size =
    c.seriesSessions != null && Number.isInteger(c.seriesSessions) && c.seriesSessions >= 1
      ? c.seriesSessions
      : null;
  const series = seriesPrice && size ? { size, price: seriesPrice } : null;
  const perSession = session ?? (series ? ends((e) => series.price[e] / series.size) : null);
  return { session, series, perSession, perSessionProrated: !session && !!series };
}

/** The lowest price one session costs, and where it comes from (see `effectiveSessionPrice`). */
export type EffectiveSessionPrice = {
  /** Whole cents. */
  cents: number;
  /** The package's number of sessions when the price is a package's price ÷ its sessions; else null. */
  packageSessions: number | null;
};

/**
 * The one comparable per-session price: the lowest of the single-session price (the low end of its
 * range) and each package price (the low end of the series price) divided by its sessions, rounded
 * to whole cents. A tie goes to the single-session price. Null when the clinic lists neither.
 */
export function effectiveSessionPrice(c: CostInput): EffectiveSessionPrice | null {
  const { session, series } = prices(c);
  const single = session && { cents: session.low, packageSessions: null };
  const pkg = series && { cents: Math.round(series.price.low / series.size), packageSessions: series.size };
  if (single && pkg) return pkg.cents < single.cents ? pkg : single;
  return single ?? pkg;
}

// ---- The arithmetic of each part, without the words: `courseEstimate` explains these amounts and
// `courseTotal` only adds them up, so the two cannot disagree.

const ZERO: Readonly<CentsRange> = Object.freeze({ low: 0, high: 0 });

function consultAmount(c: CostInput): CentsRange {
  const fee = price(c.consultFee);
  return both(() => fee ?? 0);
}

/** Null when no ketamine price is known (the whole estimate is then unknown). */
function ketamineAmount(p: Prices, n: number): CentsRange | null {
  const { series, perSession } = p;
  if (!perSession) return null;
  if (!series) return both((e) => n * perSession[e]);
  if (n >= series.size) return both((e) => series.price[e] + (n - series.size) * perSession[e]);
  // Never more than the whole series: see the rules at the top.
  return both((e) => Math.min(n * perSession[e], series.price[e]));
}

/** The integration fee the clinic lists, when it is an add-on with a fee; else null. */
const addOnFee = (c: CostInput) =>
  c.integrationTherapy === "add_on" ? price(c.integrationSessionFee) : null;

function integrationAmount(c: CostInput, m: number): CentsRange {
  if (c.integrationTherapy === "included" || m === 0) return ZERO;
  const fee = addOnFee(c);
  return fee !== null ? both(() => m * fee) : both((e) => m * OUTSIDE_INTEGRATION_FEE[e]);
}

/** The price of one booster: the listed booster price, else the per-session price. */
const boosterUnit = (c: CostInput, p: Prices) => priceRange(c.boosterMin, c.boosterMax) ?? p.perSession;

function boosterAmount(unit: CentsRange | null, b: number): CentsRange | null {
  if (b === 0) return ZERO;
  return unit && both((e) => b * unit[e]);
}

/**
 * Only the low–high total of `courseEstimate` (null when unknown), without building its words:
 * for figures over many clinics at once (e.g. the /costs pages).
 */
export function courseTotal(
  clinic: CostInput,
  a: CourseAssumptions = DEFAULT_ASSUMPTIONS,
): CentsRange | null {
  const p = prices(clinic);
  const ketamine = ketamineAmount(p, a.ketamineSessions);
  const boosters = boosterAmount(boosterUnit(clinic, p), a.boosters);
  if (!ketamine || !boosters) return null;
  const consult = consultAmount(clinic);
  const integration = integrationAmount(clinic, a.integrationSessions);
  return {
    low: consult.low + ketamine.low + integration.low + boosters.low,
    high: consult.high + ketamine.high + integration.high + boosters.high,
  };
}

function consultItem(c: CostInput, missing: string[]): CostItem {
  const fee = price(c.consultFee);
  if (fee === null) missing.push("Consultation fee");
  return {
    key: "consult",
    label: "Consultation",
    ...consultAmount(c),
    note: fee === null ? "Fee not listed, counted as $0" : "First visit to see if treatment is right for you",
  };
}

type Part = { item: CostItem; assumption: string };

function ketamineItem(p: Prices, n: number): Part | null {
  const { series, perSession } = p;
  const amount = ketamineAmount(p, n);
  if (!perSession || !amount) return null;
  const base = { key: "ketamine", label: "Ketamine sessions", ...amount } as const;
  const singles = (count: number) =>
    `${plural(count, "session")} at ${each(perSession, count)}` +
    (p.perSessionProrated ? " (the series price split per session)" : "");

  if (!series) {
    return { item: { ...base, note: singles(n) }, assumption: plural(n, "ketamine session") };
  }
  const ofSeries = `the clinic's series of ${series.size}`;
  const seriesFor = `the series of ${series.size} for ${fmt(series.price)}`;
  if (n >= series.size) {
    const extra = n - series.size;
    return {
      item: { ...base, note: capitalize(seriesFor) + (extra > 0 ? ` plus ${singles(extra)}` : "") },
      assumption: `${plural(n, "ketamine session")} (${ofSeries}${extra > 0 ? ` plus ${extra} more` : ""})`,
    };
  }
  return {
    item: {
      ...base,
      note: p.perSessionProrated ? singles(n) : `${singles(n)}, or ${seriesFor} if that costs less`,
    },
    assumption: `${plural(n, "ketamine session")} (fewer than ${ofSeries})`,
  };
}

const INTEGRATION_ELSEWHERE: Record<Exclude<CostInput["integrationTherapy"], "included">, string> = {
  add_on: "the clinic offers it as an add-on but lists no fee",
  referral_only: "the clinic refers you to one",
  none: "the clinic does not offer it",
};

function integrationItem(c: CostInput, m: number, missing: string[]): Part {
  const base = { key: "integration", label: "Integration therapy", ...integrationAmount(c, m) } as const;
  if (c.integrationTherapy === "included") {
    return {
      item: { ...base, note: "Included in the clinic's price" },
      assumption: `${plural(m, "integration therapy session")}, included in the clinic's price`,
    };
  }
  if (m === 0) {
    return {
      item: { ...base, note: "No sessions counted" },
      assumption: "No integration therapy sessions",
    };
  }
  const sessions = plural(m, "integration therapy session");
  const fee = addOnFee(c);
  if (fee !== null) {
    return {
      item: { ...base, note: `${plural(m, "session")} at ${usd(fee)}${m === 1 ? "" : " each"} (an add-on)` },
      assumption: `${sessions} at the clinic, as an add-on`,
    };
  }
  if (c.integrationTherapy === "add_on") missing.push("Integration session fee");
  const typical = `a typical ${each(OUTSIDE_INTEGRATION_FEE, m)}`;
  return {
    item: {
      ...base,
      note: `${plural(m, "session")} with an outside therapist at ${typical} (${INTEGRATION_ELSEWHERE[c.integrationTherapy]})`,
    },
    assumption: `${sessions} with an outside therapist, at ${typical}`,
  };
}

function boosterItem(c: CostInput, p: Prices, b: number): Part | null {
  const unit = boosterUnit(c, p);
  const amount = boosterAmount(unit, b);
  if (!amount) return null;
  const base = { key: "boosters", label: "Boosters", ...amount } as const;
  if (b === 0 || !unit) {
    return { item: { ...base, note: "No boosters counted" }, assumption: "No booster sessions" };
  }
  const listed = priceRange(c.boosterMin, c.boosterMax) !== null;
  return {
    item: {
      ...base,
      note:
        `${plural(b, "booster")} at ${each(unit, b)}` +
        (listed ? "" : " (no booster price listed, so the session price)"),
    },
    assumption: `${plural(b, "booster session")} over the first ${BOOSTER_PERIOD_MONTHS} months after the first course`,
  };
}

/** The estimated cost of a first course at this clinic, with its parts, assumptions and gaps. */
export function courseEstimate(
  clinic: CostInput,
  a: CourseAssumptions = DEFAULT_ASSUMPTIONS,
): CourseEstimate {
  const missing: string[] = [];
  const p = prices(clinic);
  if (!p.perSession) missing.push("Ketamine session or series price");
  if (!p.series && priceRange(clinic.seriesMin, clinic.seriesMax))
    missing.push("Number of sessions in the series");

  const consult = consultItem(clinic, missing);
  const ketamine = ketamineItem(p, a.ketamineSessions);
  const integration = integrationItem(clinic, a.integrationSessions, missing);
  const boosters = boosterItem(clinic, p, a.boosters);

  const parts = [ketamine, integration, boosters].filter((x) => x !== null);
  const items = [consult, ...parts.map((x) => x.item)];
  const assumptions = [
    "One consultation visit before treatment",
    ...parts.map((x) => x.assumption),
    "The clinic's listed cash prices, before any insurance",
  ];
  if (!ketamine) return { low: null, high: null, items, assumptions, missing };
  return {
    low: items.reduce((s, i) => s + i.low, 0),
    high: items.reduce((s, i) => s + i.high, 0),
    items,
    assumptions,
    missing,
  };
}

/** Read a count from a number or a numeric string (e.g. a search param); anything else is null. */
function readCount(x: unknown): number | null {
  if (typeof x === "number") return Number.isFinite(x) ? x : null;
  if (typeof x === "string" && /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/.test(x)) return Number(x);
  return null;
}

/**
 * Turn untrusted input (search params, form fields) into assumptions within `ASSUMPTION_LIMITS`.
 * A missing field takes its default quietly; an unreadable one takes its default with a notice; a
 * fraction is rounded and an out-of-range count clamped, each with a notice.
 */
export function clampAssumptions(raw: Partial<Record<AssumptionKey, unknown>>): {
  value: CourseAssumptions;
  notices: string[];
} {
  const value = { ...DEFAULT_ASSUMPTIONS };
  const notices: string[] = [];
  for (const key of ASSUMPTION_KEYS) {
    const input = raw[key];
    if (input === undefined || input === null || input === "") continue;
    const label = ASSUMPTION_LABELS[key];
    const { min, max } = ASSUMPTION_LIMITS[key];
    const n = readCount(input);
    if (n === null) {
      notices.push(`We couldn't read the number of ${label}, so we used ${DEFAULT_ASSUMPTIONS[key]}.`);
      continue;
    }
    const rounded = Math.round(n);
    const clamped = Math.min(max, Math.max(min, rounded));
    value[key] = clamped;
    if (clamped !== rounded) {
      notices.push(`${capitalize(label)} can be ${min} to ${max}, so we used ${clamped}.`);
    } else if (rounded !== n) {
      notices.push(`We rounded ${n} ${label} to ${rounded}.`);
    }
  }
  return { value, notices };
}
