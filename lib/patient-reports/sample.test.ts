import { describe, expect, it } from "vitest";
import { withDerived } from "@/lib/aftercare/derived";
import { generateClinics } from "@/db/seed/generate";
import { claimedSupports } from "./rules";
import { samplePatientReports } from "./sample";

const rows = generateClinics(1500, 3).map((r) => withDerived(r));
const drawn = rows.map((r, i) => ({ row: r, ...samplePatientReports(r, i, 3) }));
const withReports = drawn.filter((d) => d.reports.length > 0);

describe("sample patient reports", () => {
  it("gives some published listings 3–6 reports, so some profiles show counts", () => {
    expect(withReports.length).toBeGreaterThan(20);
    expect(withReports.length).toBeLessThan(150);
    for (const d of withReports) {
      expect(d.row.status).toBe("published");
      expect(d.reports.length).toBeGreaterThanOrEqual(3);
      expect(d.reports.length).toBeLessThanOrEqual(6);
      // One per sample patient, answering exactly what the listing claims.
      expect(new Set(d.reports.map((r) => r.patient)).size).toBe(d.reports.length);
      const keys = claimedSupports(d.row).map((s) => s.key);
      for (const r of d.reports) expect(Object.keys(r.answers)).toEqual(keys);
    }
  });

  it("confirms some listings and not others, the same way on every run", () => {
    const confirmed = withReports.filter((d) => d.confirmed).length;
    expect(confirmed).toBeGreaterThan(0);
    expect(confirmed).toBeLessThan(withReports.length);
    expect(samplePatientReports(withReports[0]!.row, rows.indexOf(withReports[0]!.row), 3)).toEqual({
      reports: withReports[0]!.reports,
      confirmed: withReports[0]!.confirmed,
    });
  });

  it("labels every comment as fictional", () => {
    for (const d of withReports)
      for (const r of d.reports) if (r.comment) expect(r.comment).toMatch(/sample/i);
  });
});
