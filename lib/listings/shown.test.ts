import { describe, expect, it } from "vitest";
import { DEFAULT_ASSUMPTIONS } from "@/lib/aftercare";
import { compareTable } from "@/lib/compare/rows";
import { makeClinic } from "@/test/support/clinic";
import { compareCell, profileValue, type ShownFact } from "./shown";

/**
 * The words of each kind of declared fact. Only yes/no facts are declared today, so these declare
 * existing fields on the spot and check they would read as their hand-written lines do.
 */
const fact = (field: ShownFact["field"], better: ShownFact["better"] = null): ShownFact => ({
  field,
  title: field,
  better,
});

describe("declared facts in words", () => {
  const rich = makeClinic({
    lifestyle: ["sleep", "nutrition"],
    insurance: "superbill",
    refundPolicy: "  Fictional: full refund up to a day before.  ",
    hsaFsa: true,
  });
  const plain = makeClinic({ lifestyle: [], insurance: "none", refundPolicy: "", hsaFsa: false });
  const rows = (c: ReturnType<typeof makeClinic>) =>
    new Map(
      compareTable([c], DEFAULT_ASSUMPTIONS, new Date("2026-05-01"))
        .flatMap((g) => g.rows)
        .map((r) => [r.key, r.cells[0]]),
    );

  it("several choices: their labels, ranked by how many when more is better (as the lifestyle row)", () => {
    for (const c of [rich, plain]) {
      expect(compareCell(fact("lifestyle", "higher"), c)).toEqual(rows(c).get("lifestyle"));
      expect(profileValue(fact("lifestyle", "higher"), c)).toBe(rows(c).get("lifestyle")?.text);
    }
    expect(compareCell(fact("lifestyle"), rich).rank).toBeNull();
  });

  it("one choice: its label, not ranked (as the insurance row)", () => {
    for (const c of [rich, plain])
      expect(compareCell(fact("insurance"), c)).toEqual(rows(c).get("insurance"));
  });

  it("yes/no: Yes/No in the compare table (as the HSA/FSA row), Yes/Not listed on the profile", () => {
    for (const c of [rich, plain])
      expect(compareCell(fact("hsaFsa", "higher"), c)).toEqual(rows(c).get("hsaFsa"));
    expect(profileValue(fact("hsaFsa", "higher"), rich)).toBe("Yes");
    expect(profileValue(fact("hsaFsa", "higher"), plain)).toBe("Not listed");
  });

  it("text: trimmed, or Not listed when empty", () => {
    expect(profileValue(fact("refundPolicy"), rich)).toBe("Fictional: full refund up to a day before.");
    expect(compareCell(fact("refundPolicy"), plain)).toEqual({ text: "Not listed", rank: null });
  });
});
