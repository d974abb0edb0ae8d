import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clinics } from "@/db/schema";
import { DEFAULT_ASSUMPTIONS } from "@/lib/aftercare";
import { parseCompareParams } from "@/lib/compare/params";
import { compareTable } from "@/lib/compare/rows";
import { getPublishedClinicsBySlugs } from "@/lib/listings/queries";
import { makeClinic } from "./support/clinic";
import { freshDatabase } from "./support/db";

describe("compare: published clinics by slug, against PostgreSQL", () => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  const live = [makeClinic({ slug: "live-one" }), makeClinic({ slug: "live-two", sessionMin: 30_000 })];
  const hidden = [
    makeClinic({ slug: "a-draft", status: "draft" }),
    makeClinic({ slug: "a-suspended", status: "suspended" }),
  ];

  beforeAll(async () => {
    fresh = await freshDatabase();
    await fresh.db.insert(clinics).values([...live, ...hidden]);
  });
  afterAll(() => fresh.drop());

  it("returns only published listings, whatever else is asked for", async () => {
    const rows = await getPublishedClinicsBySlugs(
      ["live-two", "a-draft", "a-suspended", "no-such-clinic", "live-one"],
      fresh.db,
    );
    expect(rows.map((r) => r.slug).sort()).toEqual(["live-one", "live-two"]);
    expect(await getPublishedClinicsBySlugs([], fresh.db)).toEqual([]);
  });

  it("turns a shared compare URL into the table, keeping the URL's order", async () => {
    const params = parseCompareParams({ c: "live-two,a-draft,live-one,live-two", sessions: "4" });
    expect(params.problems).toEqual([{ kind: "duplicates", values: ["live-two"] }]);
    const found = await getPublishedClinicsBySlugs(params.slugs, fresh.db);
    const bySlug = new Map(found.map((c) => [c.slug, c]));
    const ordered = params.slugs.flatMap((s) => bySlug.get(s) ?? []);
    expect(ordered.map((c) => c.slug)).toEqual(["live-two", "live-one"]);
    const session = compareTable(ordered, { ...DEFAULT_ASSUMPTIONS, ketamineSessions: 4 }, new Date())
      .flatMap((g) => g.rows)
      .find((r) => r.key === "session");
    // live-two: $300–$600 a session; live-one: $450–$600
    expect(session?.cells.map((c) => c.text)).toEqual(["$300–$600", "$450–$600"]);
    expect(session?.best).toEqual([true, false]);
  });
});
