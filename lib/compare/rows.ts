import type { Clinic } from "@/db/schema";
import {
  aftercareScore,
  courseEstimate,
  effectiveSessionPrice,
  type CourseAssumptions,
  type ScoreKey,
  type ScoreResult,
} from "@/lib/aftercare";
import { dateShort, relativeDays, score as fmtScore, usdRange } from "@/lib/format";
import {
  CLINIC_TYPE_LABELS,
  CONDITION_LABELS,
  DIGITAL_TOOL_LABELS,
  INSURANCE_LABELS,
  INTEGRATION_BY_LABELS,
  INTEGRATION_THERAPY_LABELS,
  LIFESTYLE_LABELS,
  MEDICAL_LEAD_LABELS,
  PRICE_SOURCE_LABELS,
  ROUTE_LABELS,
  SUPPORT_GROUPS_LABELS,
  type GlossaryKey,
} from "@/lib/labels";
import {
  aftercareLengthText,
  feeText,
  integrationDetail,
  isOnlineOnly,
  listText,
  newPatientText,
  onCallText,
  packagePriceText,
  placeText,
  prepText,
  statesServedShort,
  yesNo,
} from "@/lib/listings/describe";
import type { SectionKey } from "@/lib/listings/fields";
import { priceAge } from "@/lib/listings/freshness";
import { compareCell, shownFacts } from "@/lib/listings/shown";
import { countsPublished, supportConfirmed, type ReportTally } from "@/lib/patient-reports/rules";

/**
 * The side-by-side comparison as data: groups of rows, one cell per clinic, each row knowing which
 * way is better, which cells hold the best value and whether the clinics differ at all. Pure, so
 * the page only lays it out and the rules are unit-tested.
 */

/** Which end of a row is the better one; null when the row is a fact, not a ranking. */
export type Better = "higher" | "lower" | null;

export type CompareCell = {
  text: string;
  /** A second, smaller line (what a price covers, who leads a service…). */
  note?: string;
  /** The number the row is ranked by; null when unknown or not comparable. */
  rank: number | null;
};

export type CompareRow = {
  key: string;
  label: string;
  /** A term to explain next to the label. */
  term?: GlossaryKey;
  better: Better;
  /** The words that mark a best cell: "Best", "Lowest", "Most recent". */
  bestLabel: string;
  cells: CompareCell[];
  /** Per cell: holds the best value of the row. */
  best: boolean[];
  /** Whether the clinics' values differ. */
  differs: boolean;
};

export type CompareGroupKey = "glance" | "aftercare" | "cost" | "care" | "logistics";
export type CompareGroup = { key: CompareGroupKey; label: string; rows: CompareRow[] };

/**
 * Which cells hold the best value of a row. Nothing is marked when the row is not ranked, when fewer
 * than two clinics have a known value (nothing to weigh), or when every known value is the same.
 * Ties for best are all marked.
 */
export function bestInRow(ranks: readonly (number | null)[], better: Better): boolean[] {
  const none = ranks.map(() => false);
  if (better === null) return none;
  const known = ranks.filter((r): r is number => r !== null && Number.isFinite(r));
  if (known.length < 2) return none;
  const top = better === "higher" ? Math.max(...known) : Math.min(...known);
  if (known.every((r) => r === top)) return none;
  return ranks.map((r) => r === top);
}

/** Whether the cells would read differently to a person. */
export function cellsDiffer(cells: readonly CompareCell[]): boolean {
  const key = (c: CompareCell) => `${c.text}\u0000${c.note ?? ""}`;
  return cells.some((c) => key(c) !== key(cells[0] ?? c));
}

type Ctx = {
  clinic: Clinic;
  score: ScoreResult;
  estimate: ReturnType<typeof courseEstimate>;
  now: Date;
  /** The prices are over a year old (or undated): shown, but never marked lowest. */
  stalePrices: boolean;
  /** The published patient reports' counts (lib/patient-reports), when the caller read them. */
  patients?: ReportTally;
};

/** "Confirmed by patients": the stored flag, with each claimed support's count under it. */
function patientCell(x: Ctx): CompareCell {
  const t = x.patients;
  if (!t || t.reports === 0) return { text: "No patient reports yet", rank: null };
  if (!countsPublished(t.reports))
    return { text: `${t.reports} report${t.reports === 1 ? "" : "s"} so far (counts from 3)`, rank: null };
  return {
    text: x.clinic.patientConfirmed ? "Confirmed by patients" : "Not confirmed",
    note: t.supports
      .map(
        (s) => `${s.support.label}: ${s.yes} of ${s.asked}${supportConfirmed(s) ? "" : " (not confirmed)"}`,
      )
      .join(" · "),
    rank: x.clinic.patientConfirmed ? 1 : 0,
  };
}

type RowSpec = {
  key: string;
  label: string;
  term?: GlossaryKey;
  better: Better;
  bestLabel?: string;
  cell: (x: Ctx) => CompareCell;
};

/** A yes/no fact where yes is better. */
const yes = (b: boolean): CompareCell => ({ text: yesNo(b), rank: b ? 1 : 0 });

/** The points a clinic earned for one rubric item, so rows rank exactly as the score does. */
const points = (x: Ctx, key: ScoreKey) => x.score.items.find((i) => i.key === key)?.points ?? 0;

/** A price range ranked by its low end (the high end when only that is known). */
const priceCell = (min: number | null, max: number | null, note?: string): CompareCell => ({
  text: usdRange(min, max),
  ...(note ? { note } : {}),
  rank: min ?? max,
});

/** "Prices from Mar 2026", and a warning when they are over a year old. */
function priceAgeNote(x: Ctx): string {
  const age = priceAge(x.clinic.priceUpdatedAt, x.now);
  return x.clinic.priceUpdatedAt && age.stale ? `${age.text}, over a year old` : age.text;
}

/**
 * A row for each fact lib/listings/fields.ts declares `shown` in these sections (see
 * lib/listings/shown.ts), after a group's own rows.
 */
const declaredRows = (...sections: SectionKey[]): RowSpec[] =>
  shownFacts(...sections).map((s) => ({
    key: s.field,
    label: s.title,
    ...(s.term ? { term: s.term } : {}),
    better: s.better,
    cell: (x) => compareCell(s, x.clinic),
  }));

const AFTERCARE: RowSpec[] = [
  {
    key: "score",
    label: "Aftercare score",
    term: "aftercare",
    better: "higher",
    cell: (x) => ({ text: fmtScore(x.score.total), rank: x.score.total }),
  },
  {
    key: "integration",
    label: "Integration therapy",
    term: "integration",
    better: "higher",
    cell: (x) => {
      const detail = integrationDetail(x.clinic);
      return {
        text: INTEGRATION_THERAPY_LABELS[x.clinic.integrationTherapy],
        ...(detail ? { note: detail } : {}),
        rank: points(x, "integration"),
      };
    },
  },
  {
    key: "integrationBy",
    label: "Integration led by",
    better: "higher",
    cell: (x) =>
      x.clinic.integrationTherapy === "none"
        ? { text: "No integration therapy", rank: 0 }
        : {
            text:
              x.clinic.integrationBy === "none"
                ? "Not stated"
                : INTEGRATION_BY_LABELS[x.clinic.integrationBy],
            rank: points(x, "integrationLicensed"),
          },
  },
  {
    key: "followUp",
    label: "Check-in within 24 hours",
    better: "higher",
    cell: (x) => ({ ...yes(x.clinic.followUp24h), rank: points(x, "followUp") }),
  },
  {
    key: "onCall",
    label: "Help between visits",
    term: "onCall",
    better: "higher",
    cell: (x) => ({ text: onCallText(x.clinic), rank: points(x, "onCall") }),
  },
  {
    key: "supportGroups",
    label: "Support groups",
    better: "higher",
    cell: (x) => ({ text: SUPPORT_GROUPS_LABELS[x.clinic.supportGroups], rank: points(x, "supportGroups") }),
  },
  {
    key: "prep",
    label: "Preparation sessions",
    better: "higher",
    cell: (x) => ({ text: prepText(x.clinic.prepSessions), rank: x.clinic.prepSessions }),
  },
  {
    key: "measurement",
    label: "Tracks your progress",
    term: "measurementBasedCare",
    better: "higher",
    cell: (x) => yes(x.clinic.measurementBasedCare),
  },
  {
    key: "digitalTools",
    label: "Tools between sessions",
    better: "higher",
    cell: (x) => ({
      text: listText(x.clinic.digitalTools, DIGITAL_TOOL_LABELS),
      rank: x.clinic.digitalTools.length,
    }),
  },
  {
    key: "lifestyle",
    label: "Healthy-habit programs",
    better: "higher",
    cell: (x) => ({ text: listText(x.clinic.lifestyle, LIFESTYLE_LABELS), rank: x.clinic.lifestyle.length }),
  },
  {
    key: "recoveryRoom",
    label: "Recovery room",
    term: "recoveryRoom",
    better: "higher",
    cell: (x) => yes(x.clinic.recoveryRoom),
  },
  {
    key: "aftercareWeeks",
    label: "How long aftercare lasts",
    better: "higher",
    cell: (x) => ({ text: aftercareLengthText(x.clinic.aftercareWeeks), rank: x.clinic.aftercareWeeks }),
  },
  ...declaredRows("aftercare"),
  {
    key: "patientConfirmed",
    label: "Aftercare confirmed by patients",
    better: "higher",
    bestLabel: "Confirmed",
    cell: patientCell,
  },
];

const COST: RowSpec[] = [
  {
    key: "course",
    label: "Estimated course cost",
    better: "lower",
    cell: (x) => {
      const { low, high, missing } = x.estimate;
      if (low === null || high === null)
        return { text: "Can't estimate", note: "No ketamine price listed", rank: null };
      return {
        text: usdRange(low, high),
        ...(missing.length > 0 ? { note: `Not listed: ${missing.join(", ").toLowerCase()}` } : {}),
        rank: low + high,
      };
    },
  },
  {
    key: "session",
    label: "Price per session",
    better: "lower",
    // The listed single-session range, ranked by the one comparable price (the search's price
    // filter and sort): a package that costs less a session is named beside it, or instead of it.
    cell: (x) => {
      const c = x.clinic;
      const viaPackage = packagePriceText(c);
      const listed = c.sessionMin !== null || c.sessionMax !== null;
      return {
        text: listed || !viaPackage ? usdRange(c.sessionMin, c.sessionMax) : viaPackage,
        note: [listed && viaPackage, priceAgeNote(x)].filter(Boolean).join(" · "),
        rank: effectiveSessionPrice(c)?.cents ?? null,
      };
    },
  },
  {
    key: "series",
    label: "Induction series",
    term: "inductionSeries",
    better: "lower",
    cell: (x) => {
      const { seriesMin, seriesMax, seriesSessions: n } = x.clinic;
      const cell = priceCell(seriesMin, seriesMax, n ? `${n} sessions` : undefined);
      // Series of different sizes compare by their price per session.
      return { ...cell, rank: cell.rank !== null && n ? cell.rank / n : null };
    },
  },
  {
    key: "consult",
    label: "Consultation",
    better: "lower",
    cell: (x) => ({ text: feeText(x.clinic.consultFee), rank: x.clinic.consultFee }),
  },
  {
    key: "booster",
    label: "Booster session",
    term: "booster",
    better: "lower",
    cell: (x) => priceCell(x.clinic.boosterMin, x.clinic.boosterMax),
  },
  {
    key: "integrationFee",
    label: "Integration session fee",
    better: "lower",
    cell: (x) => {
      const c = x.clinic;
      if (c.integrationTherapy === "included") return { text: "Included", rank: 0 };
      if (c.integrationTherapy === "add_on")
        return { text: feeText(c.integrationSessionFee), rank: c.integrationSessionFee };
      return { text: "Not offered at the clinic", rank: null };
    },
  },
  {
    key: "groupFee",
    label: "Support group fee",
    better: "lower",
    cell: (x) =>
      x.clinic.supportGroups === "none"
        ? { text: "No groups", rank: null }
        : { text: feeText(x.clinic.groupSessionFee), rank: x.clinic.groupSessionFee },
  },
  {
    key: "insurance",
    label: "Insurance",
    better: null,
    cell: (x) => ({ text: INSURANCE_LABELS[x.clinic.insurance], rank: null }),
  },
  {
    key: "hsaFsa",
    label: "HSA / FSA accepted",
    term: "hsaFsa",
    better: "higher",
    cell: (x) => yes(x.clinic.hsaFsa),
  },
  {
    key: "financing",
    label: "Payment plans",
    term: "financing",
    better: "higher",
    cell: (x) => yes(x.clinic.financing),
  },
  {
    key: "slidingScale",
    label: "Sliding scale",
    term: "slidingScale",
    better: "higher",
    cell: (x) => yes(x.clinic.slidingScale),
  },
  {
    key: "priceSource",
    label: "Where prices come from",
    better: null,
    cell: (x) => ({
      text: PRICE_SOURCE_LABELS[x.clinic.priceSource],
      ...(x.clinic.priceUpdatedAt ? { note: `Updated ${dateShort(x.clinic.priceUpdatedAt)}` } : {}),
      rank: null,
    }),
  },
  ...declaredRows("prices"),
];

const NEW_PATIENT_RANK = { accepting: 2, waitlist: 1, not_accepting: 0 } as const;

const CARE: RowSpec[] = [
  {
    key: "clinicType",
    label: "Kind of clinic",
    better: null,
    cell: (x) => ({ text: CLINIC_TYPE_LABELS[x.clinic.clinicType], rank: null }),
  },
  {
    key: "routes",
    label: "Treatments",
    better: null,
    cell: (x) => ({ text: listText(x.clinic.routes, ROUTE_LABELS), rank: null }),
  },
  {
    key: "conditions",
    label: "Conditions treated",
    better: null,
    cell: (x) => ({ text: listText(x.clinic.conditions, CONDITION_LABELS), rank: null }),
  },
  {
    key: "medicalLead",
    label: "Medical lead",
    term: "medicalLead",
    better: null,
    cell: (x) => ({
      text: x.clinic.medicalLead ? MEDICAL_LEAD_LABELS[x.clinic.medicalLead] : "Not stated",
      rank: null,
    }),
  },
  {
    key: "rems",
    label: "Certified to give Spravato",
    term: "rems",
    better: null,
    cell: (x) => ({ text: yesNo(x.clinic.remsCertified), rank: null }),
  },
  {
    key: "newPatients",
    label: "New patients",
    better: "higher",
    cell: (x) => ({ text: newPatientText(x.clinic), rank: NEW_PATIENT_RANK[x.clinic.newPatientStatus] }),
  },
  ...declaredRows("care"),
];

const LOGISTICS: RowSpec[] = [
  {
    key: "place",
    label: "Where",
    better: null,
    cell: (x) => ({
      text: placeText(x.clinic),
      ...(isOnlineOnly(x.clinic)
        ? { note: `Treats people in ${statesServedShort(x.clinic.statesServed)}` }
        : {}),
      rank: null,
    }),
  },
  { key: "evenings", label: "Evening hours", better: "higher", cell: (x) => yes(x.clinic.eveningHours) },
  { key: "weekends", label: "Weekend hours", better: "higher", cell: (x) => yes(x.clinic.weekendHours) },
  {
    key: "languages",
    label: "Languages",
    better: null,
    cell: (x) => ({ text: x.clinic.languages.join(", ") || "Not listed", rank: null }),
  },
  {
    key: "verified",
    label: "Last checked",
    better: "higher",
    bestLabel: "Most recent",
    cell: (x) =>
      x.clinic.lastVerifiedAt
        ? {
            text: dateShort(x.clinic.lastVerifiedAt),
            note: relativeDays(x.clinic.lastVerifiedAt, x.now),
            // By calendar day: two checks on the same day read the same, so neither is "more recent".
            rank: Math.floor(x.clinic.lastVerifiedAt.getTime() / 86_400_000),
          }
        : { text: "Never checked", rank: null },
  },
  ...declaredRows("logistics", "contact"),
];

/** The rows a person decides on first, in this order, shown at the top and not again in their group. */
const GLANCE_ROWS = ["course", "newPatients", "session", "integration"] as const;

const glance = (specs: readonly RowSpec[]) =>
  specs.filter((s) => !(GLANCE_ROWS as readonly string[]).includes(s.key));

const ALL_SPECS = [...AFTERCARE, ...COST, ...CARE, ...LOGISTICS];

const GROUPS: { key: CompareGroupKey; label: string; rows: RowSpec[] }[] = [
  {
    key: "glance",
    label: "At a glance",
    rows: GLANCE_ROWS.map((k) => ALL_SPECS.find((s) => s.key === k)).filter((s) => s !== undefined),
  },
  { key: "aftercare", label: "Aftercare", rows: glance(AFTERCARE) },
  { key: "cost", label: "Cost", rows: glance(COST) },
  { key: "care", label: "Care", rows: glance(CARE) },
  { key: "logistics", label: "Place and hours", rows: glance(LOGISTICS) },
];

/** The price rows: ranked lowest-first from the clinic's listed prices, so stale prices lose their rank. */
const PRICE_SPECS: ReadonlySet<RowSpec> = new Set(COST.filter((s) => s.better === "lower"));

/** Builds the comparison of `clinics` (in order), with course costs from `assumptions`. */
export function compareTable(
  clinics: readonly Clinic[],
  assumptions: CourseAssumptions,
  now: Date,
  /** The published patient reports' counts by listing id (`publicTallies`). */
  patients?: ReadonlyMap<string, ReportTally>,
): CompareGroup[] {
  const ctx: Ctx[] = clinics.map((clinic) => ({
    clinic,
    patients: patients?.get(clinic.id),
    score: aftercareScore(clinic),
    estimate: courseEstimate(clinic, assumptions),
    now,
    stalePrices: priceAge(clinic.priceUpdatedAt, now).stale,
  }));
  return GROUPS.map((g) => ({
    key: g.key,
    label: g.label,
    rows: g.rows.map((spec) => {
      const cells = ctx.map((x) => {
        const cell = spec.cell(x);
        // A price over a year old may no longer be true: it is shown, but never "★ Lowest".
        return PRICE_SPECS.has(spec) && x.stalePrices ? { ...cell, rank: null } : cell;
      });
      const differs = cellsDiffer(cells);
      return {
        key: spec.key,
        label: spec.label,
        ...(spec.term ? { term: spec.term } : {}),
        better: spec.better,
        bestLabel: spec.bestLabel ?? (spec.better === "lower" ? "Lowest" : "Best"),
        cells,
        // A row that reads the same for every clinic has no best, whatever its ranks.
        best: differs
          ? bestInRow(
              cells.map((c) => c.rank),
              spec.better,
            )
          : cells.map(() => false),
        differs,
      };
    }),
  }));
}
