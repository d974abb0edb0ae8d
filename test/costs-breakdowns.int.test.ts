import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTES, type IntegrationTherapy, type Route, type UsState } from "@/db/enums";
import { clinics, type Clinic, type ClinicSource } from "@/db/schema";
import { aftercareScore, courseTotal } from "@/lib/aftercare";
import { exportFigures, toCsv } from "@/lib/costs/export";
import { cityCosts, nationCosts, stateCosts, type Figures } from "@/lib/costs/queries";
import { freshDatabase } from "./support/db";
import { insertFixtures } from "./support/rows";

/**
 * The cost figures added for issue 14 (per-route splits, sample sizes and the few-clinics rule,
 * what aftercare adds, payment shares, the map's per-route state medians, the downloads), each
 * computed again here from the stored rows, in TypeScript, and compared with what the SQL gives.
 */

// A small deterministic generator (not the sample generator: the test must not share its code).
let seed = 7;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const $ = (d: number) => d * 100;

function row(i: number, state: UsState, city: string, extra: Partial<ClinicSource> = {}): ClinicSource {
  const integration = pick(["included", "add_on", "referral_only", "none"] as const);
  const routes = [...new Set([pick(ROUTES), ...(rand() < 0.4 ? [pick(ROUTES)] : [])])];
  const priced = rand() < 0.9;
  const min = $(150 + Math.floor(rand() * 30) * 25);
  return {
    slug: `b-${i}`,
    name: `Breakdown ${i}`,
    clinicType: "infusion_clinic",
    dataSource: "sample",
    status: rand() < 0.1 ? "draft" : "published",
    city,
    state,
    statesServed: [state],
    routes,
    consultFee: rand() < 0.7 ? $(200) : null,
    sessionMin: priced ? min : null,
    sessionMax: priced && rand() < 0.5 ? min + $(100) : null,
    seriesSessions: rand() < 0.3 ? 6 : null,
    seriesMin: null,
    seriesMax: null,
    boosterMin: rand() < 0.4 ? $(300) : null,
    integrationTherapy: integration,
    integrationBy: integration === "none" ? "none" : pick(["licensed_therapist", "coach", "peer"] as const),
    integrationSessionFee:
      integration === "add_on" && rand() < 0.8 ? $(150 + Math.floor(rand() * 5) * 20) : null,
    followUp24h: rand() < 0.5,
    onCall: pick(["none", "nurse", "clinician", "coach"] as const),
    onCallHours: pick(["business", "extended", "always", null] as const),
    supportGroups: pick(["none", "in_person", "virtual", "both"] as const),
    prepSessions: rand() < 0.5 ? 1 : 0,
    measurementBasedCare: rand() < 0.5,
    digitalTools: rand() < 0.5 ? ["app"] : [],
    lifestyle: rand() < 0.5 ? ["sleep"] : [],
    recoveryRoom: rand() < 0.5,
    aftercareWeeks: pick([0, 4, 8, 12]),
    insurance: pick(["none", "none", "superbill", "in_network", "spravato_only"] as const),
    hsaFsa: rand() < 0.6,
    ...extra,
  };
}

const FIXTURE: ClinicSource[] = [
  ...Array.from({ length: 70 }, (_, i) => row(i, "TX", i % 2 ? "Austin" : "Houston")),
  ...Array.from({ length: 30 }, (_, i) => row(100 + i, "CA", "Fresno")),
  ...Array.from({ length: 6 }, (_, i) => row(200 + i, "NV", "Reno")),
  // telehealth based in NV serving TX and CA
  ...Array.from({ length: 5 }, (_, i) =>
    row(300 + i, "NV", "Reno", { clinicType: "telehealth", statesServed: ["TX", "CA"], routes: ["at_home"] }),
  ),
];

// ------------------------------------------------------------ independent computations

/** percentile_cont over a list, written out again. */
function percentileCont(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const pos = p * (s.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

type Scope = { state?: UsState; city?: string };
function inScope(c: Clinic, scope: Scope): boolean {
  if (c.status !== "published") return false;
  if (!scope.state) return true;
  if (scope.city) return c.clinicType !== "telehealth" && c.state === scope.state && c.city === scope.city;
  return c.clinicType === "telehealth" ? c.statesServed.includes(scope.state) : c.state === scope.state;
}

const price = (c: Clinic) =>
  c.sessionMin === null && c.sessionMax === null
    ? null
    : Math.min(...[c.sessionMin, c.sessionMax].filter((x) => x !== null));
const band = (score: number) => (score >= 70 ? "high" : score >= 40 ? "mid" : "low");

function expectedAdds(rows: Clinic[]) {
  const byModel = new Map<string, number[]>();
  const byBand = new Map<string, number[]>();
  for (const c of rows) {
    const low = courseTotal(c)?.low;
    if (low == null) continue;
    const b = band(aftercareScore(c).total);
    for (const r of c.routes) {
      byModel.set(`${r}|${c.integrationTherapy}`, [
        ...(byModel.get(`${r}|${c.integrationTherapy}`) ?? []),
        low,
      ]);
      byBand.set(`${r}|${b}`, [...(byBand.get(`${r}|${b}`) ?? []), low]);
    }
  }
  const out = (m: Map<string, number[]>) =>
    Object.fromEntries(
      [...m].map(([k, v]) => [k, { count: v.length, median: Math.round(percentileCont(v, 0.5)) }]),
    );
  return { byModel: out(byModel), byBand: out(byBand) };
}

function actualAdds(f: Figures) {
  return {
    byModel: Object.fromEntries(
      f.aftercareAdds.byModel.map((x) => [`${x.route}|${x.model}`, { count: x.count, median: x.median }]),
    ),
    byBand: Object.fromEntries(
      f.aftercareAdds.byBand.map((x) => [`${x.route}|${x.band}`, { count: x.count, median: x.median }]),
    ),
  };
}

function expectedRoutes(rows: Clinic[]) {
  const out: Record<string, { count: number; median: number }> = {};
  for (const r of ROUTES) {
    const prices = rows
      .filter((c) => c.routes.includes(r))
      .map(price)
      .filter((p) => p !== null);
    if (prices.length > 0) out[r] = { count: prices.length, median: Math.round(percentileCont(prices, 0.5)) };
  }
  return out;
}

describe("cost breakdowns (issue 14)", () => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let rows: Clinic[];
  beforeAll(async () => {
    fresh = await freshDatabase();
    await insertFixtures(fresh.db, FIXTURE);
    rows = await fresh.db.select().from(clinics);
  });
  afterAll(() => fresh.drop());

  const scopes: [string, Scope, (f: typeof fresh) => Promise<Figures>][] = [
    ["the nation", {}, (f) => nationCosts(f.db)],
    ["Texas", { state: "TX" }, (f) => stateCosts(f.db, "TX")],
    ["Nevada (few clinics)", { state: "NV" }, (f) => stateCosts(f.db, "NV")],
    ["Austin", { state: "TX", city: "Austin" }, (f) => cityCosts(f.db, "TX", "Austin")],
  ];

  it.each(scopes)("per-route session medians with their sample sizes: %s", async (_, scope, load) => {
    const f = await load(fresh);
    const expected = expectedRoutes(rows.filter((c) => inScope(c, scope)));
    const actual = Object.fromEntries(
      f.routes.filter((r) => r.route !== null).map((r) => [r.route, { count: r.count, median: r.median }]),
    );
    expect(actual).toEqual(expected);
  });

  it.each(scopes)(
    "what aftercare adds, by integration model and score band, per route: %s",
    async (_, scope, load) => {
      const f = await load(fresh);
      const inScopeRows = rows.filter((c) => inScope(c, scope));
      expect(actualAdds(f)).toEqual(expectedAdds(inScopeRows));
      // the fixture has something to compare in the big scopes
      if (!scope.city && scope.state !== "NV") expect(f.aftercareAdds.byModel.length).toBeGreaterThan(8);
    },
  );

  it.each(scopes)("insurance and HSA/FSA counts: %s", async (_, scope, load) => {
    const f = await load(fresh);
    const s = rows.filter((c) => inScope(c, scope));
    expect(f.payment).toEqual({
      inNetwork: s.filter((c) => c.insurance === "in_network").length,
      superbill: s.filter((c) => c.insurance === "superbill").length,
      spravatoOnly: s.filter((c) => c.insurance === "spravato_only").length,
      anyInsurance: s.filter((c) => c.insurance !== "none").length,
      hsaFsa: s.filter((c) => c.hsaFsa).length,
    });
  });

  it("the map's per-state, per-route medians and their sample sizes", async () => {
    const f = await nationCosts(fresh.db);
    for (const state of ["TX", "CA", "NV"] as const) {
      const row = f.states.find((s) => s.state === state)!;
      expect(row.routes, state).toEqual(expectedRoutes(rows.filter((c) => inScope(c, { state }))));
      const priced = rows.filter((c) => inScope(c, { state }) && price(c) !== null).length;
      expect(row.priced, state).toBe(priced);
    }
  });

  it("downloads carry every figure with its sample size, and the few-clinics mark below 10", async () => {
    const f = await stateCosts(fresh.db, "TX");
    const data = exportFigures(f, { kind: "state", name: "Texas", page: "/costs/tx" });
    expect(data.asOf).toBe(f.computedAt);
    expect(data.fewClinicsThreshold).toBe(10);
    for (const r of f.routes) {
      const rec = data.records.find(
        (x) => x.section === "price_per_session" && x.route === (r.route ?? "all") && x.measure === "median",
      )!;
      expect(rec.value).toBe(r.median / 100);
      expect(rec.clinics).toBe(r.count);
      expect(rec.fewClinics).toBe(r.count < 10);
    }
    // the threshold itself: the fixture has per-route figures on both sides of it
    const sizes = data.records.filter((x) => x.route !== "all").map((x) => x.clinics);
    expect(sizes.some((n) => n < 10)).toBe(true);
    expect(sizes.some((n) => n >= 10)).toBe(true);
    for (const x of data.records) expect(x.fewClinics).toBe(x.clinics < 10);

    const model = (m: IntegrationTherapy, route: Route) =>
      data.records.find((x) => x.section === "course_by_integration" && x.route === route && x.group === m);
    const adds = expectedAdds(rows.filter((c) => inScope(c, { state: "TX" })));
    for (const [key, v] of Object.entries(adds.byModel)) {
      const [route, m] = key.split("|") as [Route, IntegrationTherapy];
      expect(model(m, route)).toMatchObject({ value: v.median / 100, clinics: v.count });
    }

    const csv = toCsv(data).trim().split("\r\n");
    expect(csv[0]).toBe("place,as_of,section,route,group,measure,value,unit,clinics,few_clinics");
    expect(csv).toHaveLength(data.records.length + 1);
  });
});
