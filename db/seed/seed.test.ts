import { getTableColumns } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clinics, PENDING_DERIVED } from "../schema";
import { generateClinics } from "./generate";
import { copyField, copyLine } from "./seed";

// test/foundation.int.test.ts seeds a real database end to end; these pin the escaping rules, which the
// generated sample data never exercises (it has no tabs, line breaks, quotes or backslashes).
describe("COPY text encoding", () => {
  it("writes scalars the way PostgreSQL reads them", () => {
    expect(copyField(null)).toBe(String.raw`\N`);
    expect(copyField(true)).toBe("t");
    expect(copyField(false)).toBe("f");
    expect(copyField(45000)).toBe("45000");
    expect(copyField(-122.413456)).toBe("-122.413456");
    expect(copyField(new Date(Date.UTC(2026, 10, 1, 12)))).toBe("2026-11-01T12:00:00.000Z");
    expect(() => copyField(Number.NaN)).toThrow();
    expect(() => copyField(undefined)).toThrow();
  });

  it("escapes backslashes, tabs and line breaks", () => {
    expect(copyField("a\tb\nc\rd\\e")).toBe(String.raw`a\tb\nc\rd\\e`);
  });

  it("writes arrays as quoted array literals, escaped again for COPY", () => {
    expect(copyField([])).toBe("{}");
    expect(copyField(["English", "Haitian Creole"])).toBe(`{"English","Haitian Creole"}`);
    expect(copyField(['a"b', "c\\d", "e,f"])).toBe(String.raw`{"a\\"b","c\\\\d","e,f"}`);
  });

  it("writes one line per row with every column, and refuses a row that lacks one", () => {
    const [source] = generateClinics(1);
    if (!source) throw new Error("no row");
    // Stand-ins for the derived facts (lib/listings/seed.ts computes the real ones).
    const row = { ...source, ...PENDING_DERIVED, aftercareParts: { integration: 0 } };
    const line = copyLine(row);
    expect(line.endsWith("\n")).toBe(true);
    expect(line.slice(0, -1).split("\t")).toHaveLength(Object.keys(getTableColumns(clinics)).length);
    const { aftercareNotes: _, ...missing } = row;
    expect(() => copyLine(missing as typeof row)).toThrow(/aftercareNotes/);
  });
});
