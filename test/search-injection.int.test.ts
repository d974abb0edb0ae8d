import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { sql } from "drizzle-orm";
import { seedDatabase } from "@/lib/listings/seed";
import { createMeili } from "@/lib/search/client";
import { searchPostgres } from "@/lib/search/fallback";
import { filterGroups, toMeiliFilter, UnsafeFilterError } from "@/lib/search/filters";
import { DEFAULT_QUERY, parseSearchQuery } from "@/lib/search/query";
import { rebuildIndex } from "@/lib/search/rebuild";
import { searchWords } from "@/lib/search/settings";
import { searchClinics, type SearchDeps } from "@/lib/search/search";
import { freshDatabase } from "./support/db";
import { testIndexName } from "./support/search";

const HOSTILE = [
  'CA" OR id EXISTS',
  "CA' OR '1'='1",
  'x" OR _geoRadius(0, 0, 99999999) OR state = "',
  "iv_infusion] OR routes IN [oral",
  "\\",
  "'; drop table clinics; --",
];
const PARAMS = [
  "state",
  "city",
  "zip",
  "telehealthIn",
  "route",
  "language",
  "groups",
  "maxSessionPrice",
  "radius",
];

describe("filter injection against the real engines", () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let deps: SearchDeps;
  const e = inject("endpoints");
  const index = testIndexName("inject");
  let everything: number;

  beforeAll(async () => {
    db = await freshDatabase();
    await seedDatabase(db.db, { count: 300, seed: 9 });
    const meili = createMeili(e.meiliHost, e.meiliKey, 30_000);
    await rebuildIndex(db.db, meili, index);
    deps = { db: db.db, meili, indexName: index };
    everything = (await searchClinics({ ...DEFAULT_QUERY }, deps)).total;
  });
  afterAll(async () => {
    await deps.meili.deleteIndex(index).catch(() => {});
    await db.drop();
  });

  it.each(HOSTILE)("a hostile value is refused by the API and inert on the page: %s", async (value) => {
    for (const param of PARAMS) {
      const params = new URLSearchParams([[param, value]]);
      const strict = parseSearchQuery(params, "strict");
      expect(strict.ok ? "accepted" : strict.error.parameter).toBe(param);
      const lenient = parseSearchQuery(params, "lenient");
      if (!lenient.ok) throw new Error("unreachable");
      expect(lenient.notices.map((n) => n.parameter)).toContain(param);
      const r = await searchClinics(lenient.query, deps);
      expect(r.degraded).toBe(false);
      expect(r.total).toBe(everything);
    }
  });

  it("a hostile condition built by hand never reaches Meilisearch", () => {
    expect(() => toMeiliFilter({ op: "eq", attr: "state", value: HOSTILE[0]! })).toThrow(UnsafeFilterError);
  });

  it.each(HOSTILE)("hostile search words are only words, for both engines: %s", async (q) => {
    const query = { ...DEFAULT_QUERY, q };
    const meili = await searchClinics(query, deps);
    expect(meili.degraded).toBe(false);
    expect(meili.total).toBeLessThanOrEqual(everything);
    const pg = await searchPostgres(db.db, query, filterGroups(query));
    // The same as searching for its plain words (quotes, brackets and semicolons are no words).
    const plain = { ...DEFAULT_QUERY, q: searchWords(q).join(" ") };
    expect(pg.total).toBe((await searchPostgres(db.db, plain, filterGroups(plain))).total);
    const [row] = await db.db.execute<{ n: number }>(sql`select count(*)::int as n from clinics`);
    expect(row?.n).toBe(300);
  });

  it("LIKE wildcards in search words never act as wildcards in the fallback", async () => {
    expect(searchWords("% _ %%%")).toEqual([]);
    for (const q of ["e%e", "a_a", "%e%"]) {
      const query = { ...DEFAULT_QUERY, q };
      const words = searchWords(q).join(" ");
      expect(words).not.toMatch(/[%_]/);
      const plain = { ...DEFAULT_QUERY, q: words };
      expect((await searchPostgres(db.db, query, filterGroups(query))).total).toBe(
        (await searchPostgres(db.db, plain, filterGroups(plain))).total,
      );
    }
  });
});
