import { describe, expect, it } from "vitest";
import { DEFAULT_ASSUMPTIONS } from "@/lib/aftercare";
import { makeClinic } from "@/test/support/clinic";
import { claimedSupports, tallyReports } from "@/lib/patient-reports/rules";
import { bestInRow, cellsDiffer, compareTable, type CompareRow } from "./rows";

const NOW = new Date("2026-05-01T00:00:00Z");

describe("bestInRow", () => {
  it("marks the highest or the lowest value", () => {
    expect(bestInRow([3, 7, 5], "higher")).toEqual([false, true, false]);
    expect(bestInRow([3, 7, 5], "lower")).toEqual([true, false, false]);
  });

  it("marks every cell that ties for best", () => {
    expect(bestInRow([7, 3, 7], "higher")).toEqual([true, false, true]);
  });

  it("marks nothing when all known values are equal", () => {
    expect(bestInRow([1, 1, 1], "higher")).toEqual([false, false, false]);
    expect(bestInRow([400, null, 400], "lower")).toEqual([false, false, false]);
  });

  it("never lets an unknown value win, and needs two known values", () => {
    expect(bestInRow([null, 500, 400], "lower")).toEqual([false, false, true]);
    expect(bestInRow([null, 500, null], "lower")).toEqual([false, false, false]);
    expect(bestInRow([0, null], "lower")).toEqual([false, false]);
  });

  it("treats zero as a real value (free beats paid)", () => {
    expect(bestInRow([0, 4500], "lower")).toEqual([true, false]);
  });

  it("marks nothing in a row that is not ranked", () => {
    expect(bestInRow([1, 2], null)).toEqual([false, false]);
  });
});

describe("cellsDiffer", () => {
  it("compares what a person reads, including the note", () => {
    expect(
      cellsDiffer([
        { text: "Yes", rank: 1 },
        { text: "Yes", rank: 1 },
      ]),
    ).toBe(false);
    expect(
      cellsDiffer([
        { text: "Yes", rank: 1 },
        { text: "No", rank: 0 },
      ]),
    ).toBe(true);
    expect(
      cellsDiffer([
        { text: "$450", note: "6 sessions", rank: 1 },
        { text: "$450", rank: 1 },
      ]),
    ).toBe(true);
    expect(cellsDiffer([])).toBe(false);
  });
});

describe("compareTable", () => {
  const rich = makeClinic({
    integrationTherapy: "included",
    followUp24h: true,
    onCall: "clinician",
    onCallHours: "always",
    supportGroups: "both",
    groupSessionFee: 0,
    sessionMin: 50_000,
    sessionMax: 70_000,
    seriesSessions: 6,
    seriesMin: 300_000,
    seriesMax: 400_000,
  });
  const plain = makeClinic();
  const online = makeClinic({
    clinicType: "telehealth",
    lat: null,
    lng: null,
    street: null,
    statesServed: ["CA", "NV", "OR", "TX", "WA", "AZ"],
    sessionMin: null,
    sessionMax: null,
    seriesSessions: null,
    seriesMin: null,
    seriesMax: null,
    lastVerifiedAt: null,
  });
  const groups = compareTable([rich, plain, online], DEFAULT_ASSUMPTIONS, NOW);
  const row = (key: string): CompareRow => {
    const r = groups.flatMap((g) => g.rows).find((x) => x.key === key);
    if (!r) throw new Error(`no row ${key}`);
    return r;
  };

  it("groups rows by aftercare, cost, care and logistics, one cell per clinic", () => {
    expect(groups.map((g) => g.key)).toEqual(["glance", "aftercare", "cost", "care", "logistics"]);
    for (const r of groups.flatMap((g) => g.rows)) {
      expect(r.cells).toHaveLength(3);
      expect(r.best).toHaveLength(3);
    }
  });

  it("ranks aftercare rows by the score's own points", () => {
    expect(row("score").best).toEqual([true, false, false]);
    expect(row("integration").cells.map((c) => c.text)).toEqual([
      "Included in the price",
      "Referral only",
      "Referral only",
    ]);
    expect(row("integration").best).toEqual([true, false, false]);
    expect(row("onCall").cells[0]?.text).toBe("A clinician, any time, day or night");
    expect(row("onCall").best).toEqual([true, false, false]);
  });

  it("marks the cheapest known price, never an unknown one", () => {
    // plain: $450–$600 a session; rich: $500–$700; online: not listed
    expect(row("session").cells.map((c) => c.text)).toEqual(["$500–$700", "$450–$600", "Not listed"]);
    expect(row("session").best).toEqual([false, true, false]);
    // the course can't be estimated without a ketamine price
    expect(row("course").cells[2]).toMatchObject({ text: "Can't estimate", rank: null });
    expect(row("course").best[2]).toBe(false);
  });

  it("recomputes the course cost from the assumptions", () => {
    const course = (a: typeof DEFAULT_ASSUMPTIONS) =>
      compareTable([plain], a, NOW)
        .flatMap((g) => g.rows)
        .find((r) => r.key === "course")?.cells[0]?.text;
    // consult 250 + series 2,400–3,200 + 3 × 150–300 outside + 2 boosters × 700 = 4,500–5,750
    expect(course(DEFAULT_ASSUMPTIONS)).toBe("$4,500–$5,750");
    // consult 250 + series + 2 × 450–600 more + 0 + 0 = 3,550–4,650
    expect(course({ ketamineSessions: 8, integrationSessions: 0, boosters: 0 })).toBe("$3,550–$4,650");
  });

  it("compares series of different sizes by price per session", () => {
    const small = makeClinic({ seriesSessions: 3, seriesMin: 150_000, seriesMax: 150_000 }); // $500 a session
    const big = makeClinic({ seriesSessions: 6, seriesMin: 270_000, seriesMax: 270_000 }); // $450 a session
    const series = compareTable([small, big], DEFAULT_ASSUMPTIONS, NOW)
      .flatMap((g) => g.rows)
      .find((r) => r.key === "series");
    expect(series?.best).toEqual([false, true]);
    expect(series?.cells[0]).toMatchObject({ text: "$1,500", note: "3 sessions" });
  });

  it("marks no best in a row that reads the same everywhere", () => {
    const morning = makeClinic({ lastVerifiedAt: new Date("2026-04-01T08:00:00Z") });
    const evening = makeClinic({ lastVerifiedAt: new Date("2026-04-01T20:00:00Z") });
    const verified = compareTable([morning, evening], DEFAULT_ASSUMPTIONS, NOW)
      .flatMap((g) => g.rows)
      .find((r) => r.key === "verified");
    expect(verified).toMatchObject({ differs: false, best: [false, false] });
  });

  it("flags the rows where the clinics differ, and only those", () => {
    expect(row("recoveryRoom").differs).toBe(false);
    expect(row("recoveryRoom").best).toEqual([false, false, false]);
    expect(row("followUp").differs).toBe(true);
  });

  it("describes online services and never-checked listings", () => {
    expect(row("place").cells[2]).toMatchObject({
      text: "Online, based in Austin, TX",
      note: "Treats people in CA, NV, OR, TX, WA and 1 more",
    });
    expect(row("verified").cells[2]).toMatchObject({ text: "Never checked", rank: null });
    expect(row("verified").cells[0]).toMatchObject({ text: "Apr 1, 2026", note: "1 month ago" });
  });

  it("starts with the rows a person decides on, each shown once", () => {
    expect(groups[0]?.rows.map((r) => r.key)).toEqual(["course", "newPatients", "session", "integration"]);
    const keys = groups.flatMap((g) => g.rows.map((r) => r.key));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("ranks by the one comparable price, so a package that costs less a session can win", () => {
    const single = makeClinic({ sessionMin: 45_000, sessionMax: 45_000, seriesMin: null, seriesMax: null });
    const pkg = makeClinic({
      sessionMin: 50_000,
      sessionMax: 60_000,
      seriesMin: 240_000,
      seriesMax: 240_000,
    });
    const onlyPkg = makeClinic({
      sessionMin: null,
      sessionMax: null,
      seriesMin: 287_500,
      seriesMax: 287_500,
    });
    const session = compareTable([single, pkg, onlyPkg], DEFAULT_ASSUMPTIONS, NOW)
      .flatMap((g) => g.rows)
      .find((r) => r.key === "session");
    expect(session?.cells.map((c) => [c.text, c.rank])).toEqual([
      ["$450", 45_000],
      ["$500–$600", 40_000],
      ["from $479/session in a 6-session package", 47_917],
    ]);
    expect(session?.cells[1]?.note).toMatch(/^from \$400\/session in a 6-session package · /);
    expect(session?.best).toEqual([false, true, false]);
  });

  it("never marks a price over a year old as lowest, and says how old it is", () => {
    const fresh = makeClinic({ sessionMin: 60_000, sessionMax: 60_000, priceUpdatedAt: "2026-03-01" });
    const old = makeClinic({ sessionMin: 30_000, sessionMax: 30_000, priceUpdatedAt: "2025-03-01" });
    const rows = compareTable([fresh, old], DEFAULT_ASSUMPTIONS, NOW).flatMap((g) => g.rows);
    const session = rows.find((r) => r.key === "session");
    // The old price is cheaper, but it may no longer be true: neither is marked.
    expect(session?.best).toEqual([false, false]);
    expect(session?.cells.map((c) => c.note)).toEqual([
      // the fixture's package ($2,400 for 6) costs less a session than fresh's $600
      "from $400/session in a 6-session package · Prices from Mar 2026",
      "Prices from Mar 2025, over a year old",
    ]);
    expect(rows.find((r) => r.key === "course")?.best).toEqual([false, false]);
    // With both fresh, the cheaper one is marked.
    const both = compareTable([fresh, { ...old, priceUpdatedAt: "2026-02-01" }], DEFAULT_ASSUMPTIONS, NOW)
      .flatMap((g) => g.rows)
      .find((r) => r.key === "session");
    expect(both?.best).toEqual([false, true]);
  });

  it("shows the patients' counts, and marks a confirmed clinic over one that is not", () => {
    const confirmed = { ...makeClinic({ followUp24h: true }), patientConfirmed: true };
    const doubted = makeClinic({ followUp24h: true });
    const fresh = makeClinic();
    const yes = { answers: { followUp: "yes" as const }, charged: "yes" as const };
    const no = { answers: { followUp: "no" as const }, charged: "yes" as const };
    const tallies = new Map([
      [confirmed.id, tallyReports(claimedSupports(confirmed), [yes, yes, no])],
      [doubted.id, tallyReports(claimedSupports(doubted), [yes, no, no])],
      [fresh.id, tallyReports(claimedSupports(fresh), [yes])],
    ]);
    const row = compareTable([confirmed, doubted, fresh], DEFAULT_ASSUMPTIONS, NOW, tallies)
      .flatMap((g) => g.rows)
      .find((r) => r.key === "patientConfirmed")!;
    expect(row.cells.map((c) => c.text)).toEqual([
      "Confirmed by patients",
      "Not confirmed",
      "1 report so far (counts from 3)",
    ]);
    expect(row.cells[0]!.note).toContain("Check-in within 24 hours: 2 of 3");
    expect(row.cells[1]!.note).toContain("Check-in within 24 hours: 1 of 3 (not confirmed)");
    expect(row.best).toEqual([true, false, false]);
  });
});
