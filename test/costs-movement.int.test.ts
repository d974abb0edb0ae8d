import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Route } from "@/db/enums";
import { clinics, listingRevisions, type Clinic } from "@/db/schema";
import { generateClinics } from "@/db/seed/generate";
import { SAMPLE_HISTORY_NOTE } from "@/db/seed/history";
import { withDerived } from "@/lib/aftercare/derived";
import { exportFigures } from "@/lib/costs/export";
import { priceMovement, type PriceMovement } from "@/lib/costs/movement";
import { nationCosts, stateCosts } from "@/lib/costs/queries";
import { FEW_CLINICS } from "@/lib/costs/sample";
import { freshDatabase } from "./support/db";

/**
 * Price movement (issue 14 item 5): the median per-session price per route at the end of each of
 * the last 12 months, recomputed here from the listing and revision rows, in TypeScript, by
 * rolling each listing's price back from today through its revisions (newest first), and compared
 * with what PostgreSQL gives. Runs on the seeded sample data (with its sample price history) plus
 * hand-made listings whose history has the awkward cases.
 */

const NOW = new Date("2026-11-20T12:00:00Z");
const MONTHS = [
  "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05",
  "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11",
]; // prettier-ignore
/** The instant each month's price is read at: the start of the next month, the last one now. */
const instant = (month: string) => {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const end = new Date(Date.UTC(y, m, 1));
  return end < NOW ? end : NOW;
};

type Rev = { clinicId: string; id: number; createdAt: Date; changes: Record<string, { before: unknown }> };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = (s.length - 1) / 2;
  return (s[Math.floor(mid)]! + s[Math.ceil(mid)]!) / 2;
}

function inState(c: Clinic, state: string | null) {
  if (c.status !== "published") return false;
  if (state === null) return true;
  return c.clinicType === "telehealth" ? c.statesServed.includes(state) : c.state === state;
}

/** The listing's session price at instant `at`: today's values, with every later revision undone. */
function priceAt(c: Clinic, revs: Rev[], at: Date): number | null {
  let min: number | null = c.sessionMin;
  let max: number | null = c.sessionMax;
  const later = revs
    .filter((r) => r.createdAt > at)
    .sort((a, b) => +b.createdAt - +a.createdAt || b.id - a.id);
  for (const r of later) {
    if ("sessionMin" in r.changes) min = r.changes.sessionMin!.before as number | null;
    if ("sessionMax" in r.changes) max = r.changes.sessionMax!.before as number | null;
  }
  if (min === null) return max;
  if (max === null) return min;
  return Math.min(min, max);
}

function expected(rows: Clinic[], revs: Map<string, Rev[]>, state: string | null) {
  const out: Record<string, Record<string, { clinics: number; median: number }>> = {};
  for (const month of MONTHS) {
    const at = instant(month);
    const byRoute = new Map<Route, number[]>();
    for (const c of rows) {
      if (!inState(c, state) || c.createdAt > at) continue;
      const p = priceAt(c, revs.get(c.id) ?? [], at);
      if (p === null) continue;
      for (const r of c.routes) byRoute.set(r, [...(byRoute.get(r) ?? []), p]);
    }
    for (const [route, prices] of byRoute)
      (out[route] ??= {})[month] = { clinics: prices.length, median: Math.round(median(prices)) };
  }
  return out;
}

function actual(m: PriceMovement) {
  const out: Record<string, Record<string, { clinics: number; median: number }>> = {};
  for (const s of m.series)
    for (const p of s.points)
      if (p.median !== null) (out[s.route] ??= {})[p.month] = { clinics: p.clinics, median: p.median };
  return out;
}

describe("price movement (issue 14 item 5)", () => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let rows: Clinic[];
  let revs: Map<string, Rev[]>;

  beforeAll(async () => {
    fresh = await freshDatabase({ seeded: true });
    const db = fresh.db;
    const base = {
      dataSource: "sample" as const,
      clinicType: "infusion_clinic" as const,
      status: "published" as const,
      state: "VT",
      city: "Burlington",
      routes: ["iv_infusion" as const, "im_injection" as const],
    };
    // Every other column from one generated sample row (its own id dropped), the derived facts computed.
    const { id: _id, ...template } = generateClinics(1, 5)[0]!;
    const [a, b, c, d] = await db
      .insert(clinics)
      .values(
        [
          // Only the top of its range changed, below the bottom: the price follows the top back then.
          {
            ...base,
            slug: "m-a",
            name: "M A",
            sessionMin: 50_000,
            sessionMax: 60_000,
            createdAt: new Date("2024-01-01"),
          },
          // Created in May 2026: counts from May on.
          {
            ...base,
            slug: "m-b",
            name: "M B",
            sessionMin: 45_000,
            sessionMax: 45_000,
            createdAt: new Date("2026-05-10"),
          },
          // Price unknown until it was first given in August; two changes in the same instant.
          {
            ...base,
            slug: "m-c",
            name: "M C",
            sessionMin: 70_000,
            sessionMax: null,
            createdAt: new Date("2024-06-01"),
          },
          // A draft never counts, whatever its history.
          {
            ...base,
            slug: "m-d",
            name: "M D",
            status: "draft" as const,
            sessionMin: 10_000,
            sessionMax: 10_000,
            createdAt: new Date("2024-01-01"),
          },
        ].map((v) => withDerived({ ...template, ...v })),
      ) // prettier-ignore
      .returning();
    await db.insert(listingRevisions).values([
      { clinicId: a!.id, changes: { sessionMax: { before: 40_000, after: 60_000 } }, createdAt: new Date("2026-03-15") },
      { clinicId: c!.id, changes: { sessionMin: { before: null, after: 65_000 } }, createdAt: new Date("2026-08-02T10:00:00Z") },
      { clinicId: c!.id, changes: { sessionMin: { before: 65_000, after: 70_000 } }, createdAt: new Date("2026-08-02T10:00:00Z") },
      { clinicId: c!.id, changes: { name: { before: "Old", after: "M C" } }, createdAt: new Date("2026-10-01") },
      { clinicId: d!.id, changes: { sessionMin: { before: 99_000, after: 10_000 } }, createdAt: new Date("2026-04-01") },
      // A revision at exactly a month's instant (July 1, 00:00) is in effect at the end of June.
      { clinicId: b!.id, changes: { sessionMin: { before: 40_000, after: 45_000 } }, createdAt: new Date("2026-07-01T00:00:00Z") },
    ]); // prettier-ignore
    rows = await db.select().from(clinics);
    const all = await db.select().from(listingRevisions);
    revs = new Map();
    for (const r of all) {
      const list = revs.get(r.clinicId) ?? [];
      list.push({ ...r, changes: r.changes as Rev["changes"] });
      revs.set(r.clinicId, list);
    }
  });
  afterAll(() => fresh.drop());

  it("the sample data has a price history, labelled sample", async () => {
    const [row] = await fresh.db.execute<{ n: number; clinics: number; other: number }>(sql`
      select count(*)::int as n, count(distinct clinic_id)::int as clinics,
             count(*) filter (where note is distinct from ${SAMPLE_HISTORY_NOTE})::int as other
      from listing_revisions r join clinics c on c.id = r.clinic_id where c.data_source = 'sample'
        and c.slug not like 'm-%'`);
    expect(row!.clinics).toBeGreaterThan(300); // of 1,500 sample listings
    expect(row!.other).toBe(0);
  });

  it.each([
    ["the nation", null],
    ["Texas", "TX"],
    ["Vermont (few clinics, with the hand-made histories)", "VT"],
  ] as const)("monthly medians per route match the rows: %s", async (_, state) => {
    const m = await priceMovement(
      fresh.db,
      state === null ? { kind: "nation" } : { kind: "state", state },
      NOW,
    );
    expect(m.months).toEqual(MONTHS);
    expect(actual(m)).toEqual(expected(rows, revs, state));
    // "enough": every month rests on at least FEW_CLINICS clinics.
    for (const s of m.series) expect(s.enough).toBe(s.points.every((p) => p.clinics >= FEW_CLINICS));
  });

  it("the sample history moves the national medians", async () => {
    const m = await priceMovement(fresh.db, { kind: "nation" }, NOW);
    const iv = m.series.find((s) => s.route === "iv_infusion")!;
    expect(iv.enough).toBe(true);
    expect(new Set(iv.points.map((p) => p.median)).size).toBeGreaterThan(1);
  });

  it("the hand-made cases read back as they should", async () => {
    const m = await priceMovement(fresh.db, { kind: "state", state: "VT" }, NOW);
    const vt = rows.filter((c) => inState(c, "VT"));
    const at = (slug: string, month: string) =>
      priceAt(
        vt.find((c) => c.slug === slug)!,
        revs.get(vt.find((c) => c.slug === slug)!.id) ?? [],
        instant(month),
      );
    expect(at("m-a", "2026-02")).toBe(40_000);
    expect(at("m-a", "2026-03")).toBe(50_000);
    expect(at("m-c", "2026-07")).toBe(null);
    expect(at("m-c", "2026-08")).toBe(70_000);
    expect(at("m-b", "2026-05")).toBe(40_000);
    expect(at("m-b", "2026-06")).toBe(45_000);
    const im = m.series.find((s) => s.route === "im_injection")!;
    // Vermont's sample clinics plus the hand-made ones: m-b joins in May.
    const april = im.points.find((p) => p.month === "2026-04")!.clinics;
    const may = im.points.find((p) => p.month === "2026-05")!.clinics;
    expect(may - april).toBeGreaterThanOrEqual(1);
  });

  it("pages and downloads carry the series", async () => {
    const [nation, tx] = await Promise.all([nationCosts(fresh.db), stateCosts(fresh.db, "TX")]);
    expect(nation.movement.series.length).toBeGreaterThan(0);
    const data = exportFigures(tx, { kind: "state", name: "Texas", page: "/costs/tx" });
    const records = data.records.filter((r) => r.section === "price_movement");
    const points = tx.movement.series.flatMap((s) => s.points.filter((p) => p.median !== null));
    expect(records).toHaveLength(points.length);
    for (const s of tx.movement.series)
      for (const p of s.points) {
        if (p.median === null) continue;
        const r = records.find((x) => x.route === s.route && x.group === p.month)!;
        expect(r.value).toBe(Math.round(p.median) / 100);
        expect(r.clinics).toBe(p.clinics);
        expect(r.fewClinics).toBe(p.clinics < FEW_CLINICS);
      }
  });
});
