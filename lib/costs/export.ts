import { INTEGRATION_THERAPY, type Route } from "@/db/enums";
import { SCORE_BANDS } from "./bands";
import { FEATURES } from "./features";
import type { PriceMovement } from "./movement";
import type { Figures } from "./queries";
import { FEW_CLINICS, isFew } from "./sample";

/**
 * The open-data downloads of a cost page (`/costs.csv`, `/costs/tx.json`, `/costs/tx/austin.csv`):
 * the page's figures as one flat list of records, the same records in CSV and JSON (docs/api.md).
 * Money in US dollars (two decimals), shares as fractions; every record carries the number of
 * clinics it rests on and whether that is few (fewer than `FEW_CLINICS`).
 */
type ExportRecord = {
  section: string;
  /** A route, or "all" (all routes together). */
  route: Route | "all";
  /** What the figure is about within its section: a feature, an integration model, a band… */
  group: string;
  measure: string;
  value: number;
  unit: "usd" | "fraction" | "clinics";
  clinics: number;
  fewClinics: boolean;
};

export type CostsExport = {
  place: { kind: "nation" | "state" | "city"; name: string; page: string };
  asOf: string;
  sample: true;
  fewClinicsThreshold: number;
  records: ExportRecord[];
};

const usd = (cents: number) => Math.round(cents) / 100;

/** A page's figures, with the price movement where the page has it (the nation and the states). */
export function exportFigures(
  figures: Figures & { movement?: PriceMovement },
  place: CostsExport["place"],
): CostsExport {
  const records: ExportRecord[] = [];
  const push = (r: Omit<ExportRecord, "fewClinics">) => records.push({ ...r, fewClinics: isFew(r.clinics) });
  push({
    section: "summary",
    route: "all",
    group: "",
    measure: "clinics",
    value: figures.clinics,
    unit: "clinics",
    clinics: figures.clinics,
  });
  push({
    section: "summary",
    route: "all",
    group: "",
    measure: "priced",
    value: figures.priced,
    unit: "clinics",
    clinics: figures.clinics,
  });
  for (const r of figures.routes)
    for (const m of ["p25", "median", "p75"] as const)
      push({
        section: "price_per_session",
        route: r.route ?? "all",
        group: "",
        measure: m,
        value: usd(r[m]),
        unit: "usd",
        clinics: r.count,
      });
  for (const end of ["low", "high"] as const) {
    const q = figures.course[end];
    if (q)
      for (const m of ["p25", "median", "p75"] as const)
        push({
          section: "course_estimate",
          route: "all",
          group: end,
          measure: m,
          value: usd(q[m]),
          unit: "usd",
          clinics: figures.course.count,
        });
  }
  for (const f of FEATURES) {
    const share = figures.features.find((x) => x.key === f.key);
    if (share)
      push({
        section: "aftercare_share",
        route: "all",
        group: f.key,
        measure: "share",
        value: share.share,
        unit: "fraction",
        clinics: figures.clinics,
      });
  }
  for (const key of ["inNetwork", "superbill", "spravatoOnly", "anyInsurance", "hsaFsa"] as const)
    push({
      section: "payment_share",
      route: "all",
      group: key,
      measure: "share",
      value: figures.clinics > 0 ? figures.payment[key] / figures.clinics : 0,
      unit: "fraction",
      clinics: figures.clinics,
    });
  const models = (m: string) => INTEGRATION_THERAPY.indexOf(m as (typeof INTEGRATION_THERAPY)[number]);
  for (const x of [...figures.aftercareAdds.byModel].sort(
    (a, b) => a.route.localeCompare(b.route) || models(a.model) - models(b.model),
  ))
    push({
      section: "course_by_integration",
      route: x.route,
      group: x.model,
      measure: "median",
      value: usd(x.median),
      unit: "usd",
      clinics: x.count,
    });
  const bands = (b: string) => SCORE_BANDS.findIndex((s) => s.key === b);
  for (const x of [...figures.aftercareAdds.byBand].sort(
    (a, b) => a.route.localeCompare(b.route) || bands(a.band) - bands(b.band),
  ))
    push({
      section: "course_by_score_band",
      route: x.route,
      group: x.band,
      measure: "median",
      value: usd(x.median),
      unit: "usd",
      clinics: x.count,
    });
  for (const series of figures.movement?.series ?? [])
    for (const p of series.points)
      if (p.median !== null)
        push({
          section: "price_movement",
          route: series.route,
          group: p.month,
          measure: "median",
          value: usd(p.median),
          unit: "usd",
          clinics: p.clinics,
        });
  return { place, asOf: figures.computedAt, sample: true, fewClinicsThreshold: FEW_CLINICS, records };
}

const CSV_COLUMNS = [
  "place",
  "as_of",
  "section",
  "route",
  "group",
  "measure",
  "value",
  "unit",
  "clinics",
  "few_clinics",
] as const;

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
function field(v: string | number | boolean): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(data: CostsExport): string {
  return [CSV_COLUMNS.join(","), ...csvLines(data)].join("\r\n") + "\r\n";
}

function csvLines(data: CostsExport): string[] {
  const lines: string[] = [];
  for (const r of data.records)
    lines.push(
      [
        data.place.name,
        data.asOf,
        r.section,
        r.route,
        r.group,
        r.measure,
        r.value,
        r.unit,
        r.clinics,
        r.fewClinics,
      ]
        .map(field)
        .join(","),
    );
  return lines;
}

/**
 * The download of a state comparison (`/costs/compare.csv?states=tx,ca`): each state's records of
 * the sections the comparison shows, state by state in the order asked, with each state's as-of time
 * and sample sizes. `asOf` is the oldest of the states' times.
 */
export type CompareExport = {
  page: string;
  asOf: string;
  sample: true;
  fewClinicsThreshold: number;
  places: CostsExport[];
};

const COMPARE_SECTIONS = [
  "summary",
  "price_per_session",
  "course_estimate",
  "aftercare_share",
  "payment_share",
] as const;

export function exportComparison(
  states: { figures: Figures; place: CostsExport["place"] }[],
  page: string,
): CompareExport {
  const places = states.map(({ figures, place }) => {
    const all = exportFigures(figures, place);
    const sections: readonly string[] = COMPARE_SECTIONS;
    return { ...all, records: all.records.filter((r) => sections.includes(r.section)) };
  });
  const asOf = places.map((p) => p.asOf).sort()[0] ?? new Date().toISOString();
  return { page, asOf, sample: true, fewClinicsThreshold: FEW_CLINICS, places };
}

export function comparisonToCsv(data: CompareExport): string {
  return [CSV_COLUMNS.join(","), ...data.places.flatMap(csvLines)].join("\r\n") + "\r\n";
}
