import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { clinics, listingsGeneration } from "@/db/schema";
import { updateListing } from "@/lib/listings/service";
import { clearFallbackCache, searchPostgres } from "@/lib/search/fallback";
import { filterGroups } from "@/lib/search/filters";
import { parseSearchQuery } from "@/lib/search/query";
import { freshDatabase } from "./support/db";

/**
 * The PostgreSQL fallback keeps the counts over every published listing between searches (those of
 * every facet without filters, and of the active filter's own facets with one): they must be the
 * counts a search would make afresh, before and after any listing write.
 */

/** Without words and with 0 or 1 filter group (the shared counts), and with 2 groups and words (not). */
const QUERIES = [
  "",
  "sort=price&page=3",
  "state=NY",
  "route=esketamine_nasal&sort=score",
  "followUp24h=true",
  "zip=60614&radius=50",
  "language=Spanish&sort=verified",
  "state=CA&followUp24h=true",
  "q=anxiety&followUp24h=true",
];

const parse = (qs: string) => {
  const r = parseSearchQuery(new URLSearchParams(qs), "strict");
  if (!r.ok) throw new Error(r.error.message);
  return r.query;
};

describe("the PostgreSQL fallback's shared counts", () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  const answer = async (qs: string) => {
    const q = parse(qs);
    const a = await searchPostgres(db.db, q, filterGroups(q));
    return { ids: a.docs.map((d) => d.id), total: a.total, facets: a.facets, relax: a.relax };
  };
  /** Every query, kept counts in use (after the first) and then counted afresh each time. */
  const both = async () => {
    const kept = [];
    for (const qs of QUERIES) kept.push(await answer(qs));
    const fresh = [];
    for (const qs of QUERIES) {
      clearFallbackCache();
      fresh.push(await answer(qs));
    }
    return { kept, fresh };
  };
  const generation = async () =>
    (await db.db.select({ n: listingsGeneration.generation }).from(listingsGeneration))[0]!.n;

  beforeAll(async () => {
    db = await freshDatabase({ seeded: true });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("are the counts a search makes afresh, and follow a listing write at once", async () => {
    clearFallbackCache();
    const before = await both();
    expect(before.kept).toEqual(before.fresh);

    // A published listing in New York without the 24-hour check-in gets one: every count of it moves.
    const [row] = await db.db
      .select()
      .from(clinics)
      .where(and(eq(clinics.status, "published"), eq(clinics.state, "NY"), eq(clinics.followUp24h, false)))
      .limit(1);
    const g0 = await generation();
    await updateListing(db.db, {
      id: row!.id,
      userId: null,
      expectedVersion: row!.version,
      patch: { followUp24h: true },
    });
    expect(await generation()).toBeGreaterThan(g0);

    const after = await both();
    expect(after.kept).toEqual(after.fresh);
    const everything = (r: typeof after) => r.kept[0]!.facets.followUp24h!.true!;
    expect(everything(after)).toBe(everything(before) + 1);
    // With state=NY, the state facet counts every listing (the shared counts), the others New York's.
    expect(after.kept[2]!.facets.followUp24h!.true).toBe(before.kept[2]!.facets.followUp24h!.true! + 1);
    expect(after.kept[2]!.facets.state).toEqual(before.kept[2]!.facets.state);
  });

  it("a write that is rolled back changes no generation; one by any code (not the listing service) does", async () => {
    const g0 = await generation();
    await db.db
      .transaction(async (tx) => {
        await tx
          .update(clinics)
          .set({ eveningHours: sql`not ${clinics.eveningHours}` })
          .where(eq(clinics.status, "published"));
        throw new Error("roll back");
      })
      .catch(() => {});
    expect(await generation()).toBe(g0);

    clearFallbackCache();
    const before = await answer("");
    // Suspended straight in SQL: the next search counts afresh.
    const [row] = await db.db
      .select({ id: clinics.id })
      .from(clinics)
      .where(eq(clinics.status, "published"))
      .limit(1);
    await db.db.update(clinics).set({ status: "suspended" }).where(eq(clinics.id, row!.id));
    expect(await generation()).toBe(g0 + 1);
    const after = await answer("");
    expect(after.total).toBe(before.total - 1);
    clearFallbackCache();
    expect(await answer("")).toEqual(after);
  });
});
