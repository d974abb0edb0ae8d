import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { searchMeili } from "@/lib/search/backend";
import { createMeili, waitForTask } from "@/lib/search/client";
import { FacetCache } from "@/lib/search/facet-cache";
import { outsideFinder } from "@/lib/search/geo-sql";
import { countPostgres, searchPostgres } from "@/lib/search/fallback";
import { combined, filterGroups, resolveGroups, toMeiliFilter } from "@/lib/search/filters";
import { METERS_PER_MILE } from "@/db/geo";
import { nearestIds } from "@/lib/search/nearest";
import { clinics } from "@/db/schema";
import { eq, inArray } from "drizzle-orm";
import { updateListing } from "@/lib/listings/service";
import { DEFAULT_QUERY, parseSearchQuery, type SearchQuery } from "@/lib/search/query";
import { rebuildIndex } from "@/lib/search/rebuild";
import { drainOutbox, enqueueSearchSync } from "@/lib/search/sync";
import { makeClinic } from "./support/clinic";
import { choicesOf, FILTERS, type FilterDef } from "@/lib/search/registry";
import { FEW_RESULTS, meiliCounter, unpricedLabel, waysOut, type CountAsk } from "@/lib/search/suggestions";
import { freshDatabase } from "./support/db";
import { testIndexName } from "./support/search";

/** Filter-only queries (no words): Meilisearch and the PostgreSQL fallback must agree exactly. */
const QUERIES = [
  "",
  "state=CA",
  "state=NY&city=new+york",
  "zip=60614&radius=25",
  "zip=10001&radius=100&route=iv_infusion",
  "telehealthIn=TX",
  "state=FL&telehealthIn=FL",
  "route=iv_infusion&route=esketamine_nasal&condition=ptsd",
  "integration=included&therapist=licensed&followUp24h=true",
  "groups=any&onCall=true&onCallHours=always",
  "groups=in_person&prep=true&mbc=true",
  "tools=app&tools=journal&lifestyle=sleep&recoveryRoom=true",
  "maxSessionPrice=500",
  "maxCourse=4000&hsaFsa=true",
  "insurance=in_network&insurance=superbill&financing=true&slidingScale=true",
  "accepting=true&language=Spanish&evening=true&weekend=true",
  "type=kap_practice&type=telehealth",
  "state=TX&maxSessionPrice=400&integration=add_on&sort=price",
  "route=oral&maxSessionPrice=1", // empty by construction (no session costs $1): exercises the relax counts
  // One choice of every filter in the registry, so a new filter is compared without new test code.
  ...(FILTERS as readonly FilterDef[])
    .filter((f) => f.kind !== "place")
    .map((f) => {
      const choices = choicesOf(f);
      return `${f.param}=${encodeURIComponent(choices[Math.floor(choices.length / 2)]!)}`;
    }),
  // Place words (lib/search/place-phrase.ts): both engines get the same parsed query.
  "q=Austin%2078701",
  "q=Chicago+IL+60614&integration=included",
  "q=Austin%2C+Texas&radius=50",
  "q=clinics+in+Ohio&groups=any",
];

const parse = (qs: string): SearchQuery => {
  const r = parseSearchQuery(new URLSearchParams(qs), "strict");
  if (!r.ok) throw new Error(r.error.message);
  return r.query;
};

describe("Meilisearch and the PostgreSQL fallback agree", () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  const e = inject("endpoints");
  const meili = createMeili(e.meiliHost, e.meiliKey, 30_000);
  const index = testIndexName("parity");

  beforeAll(async () => {
    db = await freshDatabase({ seeded: true });
    await rebuildIndex(db.db, meili, index);
  });
  afterAll(async () => {
    await meili.deleteIndex(index).catch(() => {});
    await db.drop();
  });

  /** Every id of the result, page by page. */
  async function allIds(engine: "meili" | "pg", q: SearchQuery) {
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const query = { ...q, page, perPage: 100 };
      const groups = filterGroups(query);
      const a =
        engine === "meili"
          ? await searchMeili(meili, index, query, groups, { outside: outsideFinder(db.db) })
          : await searchPostgres(db.db, query, groups);
      ids.push(...a.docs.map((d) => d.id));
      if (a.docs.length < 100) return { ids, answer: a };
    }
  }

  it.each(QUERIES)("same total, ids, facet counts and relax counts: %s", async (qs) => {
    const q = parse(qs);
    const m = await allIds("meili", q);
    const p = await allIds("pg", q);
    expect(p.answer.total).toBe(m.answer.total);
    expect(new Set(p.ids)).toEqual(new Set(m.ids));
    expect(p.ids.length).toBe(p.answer.total);
    expect(p.answer.facets).toEqual(m.answer.facets);
    expect(p.answer.relax).toEqual(m.answer.relax);
  });

  it("reads place words into a location before either engine sees the query", () => {
    expect(parse("q=Austin%2078701")).toMatchObject({ q: "", zip: { code: "78701" }, sort: "distance" });
    expect(parse("q=clinics+in+Ohio&groups=any")).toMatchObject({ q: "clinics", state: "OH" });
  });

  it.each([
    "zip=82001",
    "q=Cheyenne+WY",
    "zip=82001&radius=25&integration=included&followUp24h=true",
    "state=WY&route=oral&followUp24h=true",
    "zip=78701&groups=any&maxSessionPrice=300&accepting=true",
    "q=Cheyenne+WY&integration=included",
  ])("offers the same ways out, each finding what it promises: %s", async (qs) => {
    const q = parse(qs);
    const groups = filterGroups(q);
    const m = await searchMeili(meili, index, q, groups, { outside: outsideFinder(db.db) });
    const p = await searchPostgres(db.db, q, groups);
    expect(m.total).toBe(p.total);
    expect(m.total).toBeLessThan(FEW_RESULTS);
    const fromMeili = await waysOut(q, m.total, m.relax, meiliCounter(meili, index, outsideFinder(db.db)));
    const fromPg = await waysOut(q, p.total, p.relax, (asks) => countPostgres(db.db, asks));
    expect(fromPg).toEqual(fromMeili);
    expect(fromMeili.length).toBeGreaterThan(0);
    for (const w of fromMeili) {
      const changed = { ...q, ...w.change, page: 1 };
      const found = await searchPostgres(db.db, { ...changed, perPage: 100 }, filterGroups(changed));
      expect(found.total).toBe(w.total);
      expect(w.total).toBeGreaterThan(m.total);
      if (w.unpriced !== undefined && found.total <= 100)
        expect(found.docs.filter((d) => d.sessionPrice === null).length).toBe(w.unpriced);
    }
    // In order: a wider circle, online care in the state, one filter fewer, the clinics without a price.
    const kinds = fromMeili.map((w) =>
      w.unpriced !== undefined
        ? 3
        : ["Within ", "Include online care", "Search without "].findIndex((s) => w.label.startsWith(s)),
    );
    expect(kinds).not.toContain(-1);
    expect(kinds).toEqual([...kinds].sort());
    if (q.zip && q.radius < 250) expect(kinds).toContain(0);
  });

  it("offers no ways out, and counts nothing more, when three or more match", async () => {
    const q = parse("state=CA");
    const asked: unknown[] = [];
    const record = async (asks: readonly CountAsk[]) => (asked.push(asks), asks.map(() => 0));
    expect(await waysOut(q, 3, { place: 1500 }, record)).toEqual([]);
    expect(asked).toEqual([]);
  });

  it.each(["maxSessionPrice=500", "state=CA&maxSessionPrice=600&sort=price"])(
    "offers the matching clinics that list no price, on any search with a price limit: %s",
    async (qs) => {
      const q = parse(qs);
      const groups = filterGroups(q);
      const m = await searchMeili(meili, index, q, groups, { outside: outsideFinder(db.db) });
      const p = await searchPostgres(db.db, q, groups);
      expect(m.total).toBeGreaterThanOrEqual(FEW_RESULTS);
      const fromMeili = await waysOut(q, m.total, m.relax, meiliCounter(meili, index, outsideFinder(db.db)));
      const fromPg = await waysOut(q, p.total, p.relax, (asks) => countPostgres(db.db, asks));
      expect(fromPg).toEqual(fromMeili);
      // The oracle: the listings the search finds without its price limit, read from PostgreSQL.
      const without = { ...q, maxSessionPrice: null };
      const rows = await db.db
        .select({ price: clinics.sessionPrice })
        .from(clinics)
        .where(inArray(clinics.id, (await allIds("pg", without)).ids));
      const unpriced = rows.filter((r) => r.price === null).length;
      expect(unpriced).toBeGreaterThan(0);
      expect(fromMeili).toEqual([
        {
          label: unpricedLabel(unpriced),
          change: { maxSessionPrice: null },
          total: rows.length,
          unpriced,
        },
      ]);
    },
  );

  it("the whole mix exercises real results, empty results and counts", async () => {
    const totals = await Promise.all(
      QUERIES.map(async (qs) => {
        const q = parse(qs);
        return (await searchPostgres(db.db, { ...q, perPage: 1 }, filterGroups(q))).total;
      }),
    );
    expect(totals[0]).toBeGreaterThan(1400);
    expect(totals.filter((t) => t > 0 && t < 300).length).toBeGreaterThan(5);
  });

  it.each(["price", "score", "verified", "relevance"] as const)("sorts the same way: %s", async (sort) => {
    const q = { ...parse("state=CA"), sort, perPage: 100 };
    const groups = filterGroups(q);
    const m = await searchMeili(meili, index, q, groups, { outside: outsideFinder(db.db) });
    const p = await searchPostgres(db.db, q, groups);
    const key = (d: (typeof m.docs)[number]) =>
      sort === "price"
        ? (d.sessionPrice ?? Infinity)
        : sort === "verified"
          ? -(d.lastVerifiedAt ? Date.parse(d.lastVerifiedAt) / 1000 : 0)
          : -d.aftercareScore;
    // The sort key sequences are identical (ties may list different listings first).
    expect(p.docs.map(key)).toEqual(m.docs.map(key));
    const sorted = [...m.docs.map(key)].sort((a, b) => a - b);
    expect(m.docs.map(key)).toEqual(sorted);
  });

  it("answers the same with the facet cache: counts kept, page and total fetched afresh", async () => {
    const cache = new FacetCache();
    const q = parse("state=CA&route=iv_infusion&sort=price");
    const groups = filterGroups(q);
    const first = await searchMeili(meili, index, q, groups, { outside: outsideFinder(db.db), cache });
    expect(cache.size).toBe(1);
    const again = await searchMeili(meili, index, q, groups, { outside: outsideFinder(db.db), cache });
    expect(again).toEqual(first);
    const page2 = await searchMeili(meili, index, { ...q, page: 2 }, groups, {
      outside: outsideFinder(db.db),
      cache,
    });
    expect(cache.size).toBe(1);
    expect(page2.docs.map((d) => d.id)).toEqual(
      (
        await searchMeili(meili, index, { ...q, page: 2 }, groups, { outside: outsideFinder(db.db) })
      ).docs.map((d) => d.id),
    );
    expect(page2.facets).toEqual(first.facets);
  });

  it.each([
    "zip=90012&radius=30",
    "zip=10001&radius=200&telehealthIn=NY",
    "zip=60614&radius=500&route=iv_infusion",
  ])("orders nearest first the same way, every page: %s", async (qs) => {
    const q = parse(qs);
    expect(q.sort).toBe("distance");
    const m = await allIds("meili", q);
    const p = await allIds("pg", q);
    expect(m.ids.length).toBeGreaterThan(20);
    expect(m.ids).toEqual(p.ids);
  });

  it("online services (no place) follow the nearest, by id", async () => {
    const q = parse("zip=10001&radius=25&telehealthIn=NY");
    const { answer } = await allIds("meili", q);
    const { ids } = await allIds("meili", q);
    const rows = await db.db
      .select({ id: clinics.id, lat: clinics.lat })
      .from(clinics)
      .where(inArray(clinics.id, ids));
    const placed = new Map(rows.map((r) => [r.id, r.lat !== null]));
    const firstUnplaced = ids.findIndex((id) => !placed.get(id));
    expect(firstUnplaced).toBeGreaterThan(0);
    expect(ids.slice(firstUnplaced).every((id) => !placed.get(id))).toBe(true);
    expect(ids.slice(firstUnplaced)).toEqual([...ids.slice(firstUnplaced)].sort());
    expect(ids.length).toBe(answer.total);
  });

  it("finds the nearest through smaller circles when too many match to fetch at once", async () => {
    const q = parse("zip=10001&radius=500");
    const outside = outsideFinder(db.db);
    const all = combined(await resolveGroups(filterGroups(q), outside));
    const expected = (await allIds("pg", q)).ids;
    expect(expected.length).toBeGreaterThan(200);
    for (const start of [0, 20, 95, 180]) {
      const ids = await nearestIds({
        meili,
        indexUid: index,
        q: "",
        filter: all && toMeiliFilter(all),
        from: { lat: q.zip!.lat, lng: q.zip!.lng, meters: q.radius * METERS_PER_MILE },
        start,
        end: start + 20,
        outside,
        fetch: 40,
      });
      expect(ids).toEqual(expected.slice(start, start + 20));
    }
  });
});

/**
 * Text queries (state names and codes, languages, synonyms, multi-word, kinds, treatments, conditions,
 * cities, names, a word late in a long description): the fallback finds the same listings as
 * Meilisearch, apart from what Meilisearch finds through a typo (it tolerates one in words of 4+
 * letters, two from 8), which the fallback does not. Those queries are named in `TYPO_ONLY`, and a
 * second index with typo tolerance off proves that typos are the whole difference.
 */
const TEXT_QUERIES = [
  // state names and codes
  "California", "Texas", "New York", "Florida", "Illinois", "Washington", "District of Columbia",
  "North Carolina", "NY", "tx", "ca", "il",
  // languages
  "Spanish", "Vietnamese", "Mandarin", "Haitian Creole", "American Sign Language", "French",
  // synonyms, single words and phrases, matched as whole words
  "iv", "infusion", "intravenous", "injection", "intramuscular", "shot", "spravato", "esketamine",
  "nasal spray", "troche", "sublingual", "rdt", "ptsd", "trauma", "post-traumatic stress",
  "post traumatic stress", "obsessive compulsive", "kap", "psychedelic therapy",
  "ketamine-assisted psychotherapy", "telehealth", "virtual", "remote", "at home", "at-home",
  "perinatal", "ppd", "pain", "chronic pain", "crps", "fibromyalgia", "trd",
  "treatment resistant depression", "integration", "aftercare therapy", "integration circle",
  // kinds of clinic, conditions, multi-word, cities, names, filler words
  "hospital program", "psychiatry practice", "anxiety", "bipolar depression", "alcohol",
  "licensed therapist", "Los Angeles", "San Antonio", "Citrus Heights", "iv infusion Chicago",
  "spravato new york", "ptsd Spanish", "Spanish Texas", "depression anxiety ocd",
  "ketamine clinic near me in Austin TX", "lozenges under the tongue", "Teaselfen", "Wellness Collective",
  // the edited listing's fields (see beforeAll), the description's word past character 1,500
  "Zyqvox", "Xenolingua", "marshmallowroot", "zanthoxylum",
]; // prettier-ignore

/** Queries Meilisearch answers with more listings, each only through a typo ("texas" ~ "Teasel…"). */
const TYPO_ONLY = new Set([
  "Texas", "shot", "pain", "crps", "integration", "aftercare therapy", "integration circle",
  "Spanish Texas", "Teaselfen",
]); // prettier-ignore

describe("text search", () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  const e = inject("endpoints");
  const meili = createMeili(e.meiliHost, e.meiliKey, 30_000);
  const index = testIndexName("text");
  /** The same documents, with typo tolerance off. */
  const exactIndex = `${index}_exact`;
  let edited: string;
  const run = async (engine: "meili" | "exact" | "pg", q: string) => {
    const query = { ...DEFAULT_QUERY, q, perPage: 100 };
    return engine === "pg"
      ? searchPostgres(db.db, query, filterGroups(query))
      : searchMeili(meili, engine === "meili" ? index : exactIndex, query, filterGroups(query), {
          outside: outsideFinder(db.db),
        });
  };
  /** Every id a query finds, page by page. */
  const allIds = async (engine: "meili" | "exact" | "pg", q: string) => {
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const query = { ...DEFAULT_QUERY, q, perPage: 100, page };
      const a =
        engine === "pg"
          ? await searchPostgres(db.db, query, filterGroups(query))
          : await searchMeili(meili, engine === "meili" ? index : exactIndex, query, filterGroups(query), {
              outside: outsideFinder(db.db),
            });
      ids.push(...a.docs.map((d) => d.id));
      if (a.docs.length < 100) return new Set(ids);
    }
  };

  beforeAll(async () => {
    db = await freshDatabase({ seeded: true });
    // One listing edited through the listing service: made-up words in its name, languages and
    // aftercare notes, and one in its description after character 1,500.
    const [row] = await db.db.select().from(clinics).where(eq(clinics.status, "published")).limit(1);
    edited = row!.id;
    const long = `${"We take time with every patient and explain each step of the treatment plan. ".repeat(20)}Ask about our zanthoxylum tea.`;
    expect(long.indexOf("zanthoxylum")).toBeGreaterThan(1500);
    expect(long.length).toBeLessThanOrEqual(2000);
    await updateListing(db.db, {
      id: row!.id,
      userId: null,
      expectedVersion: row!.version,
      patch: {
        name: "Zyqvox Mind Care",
        languages: ["English", "Xenolingua"],
        aftercareNotes: "Tea with marshmallowroot after every session.",
        description: long,
      },
    });
    await rebuildIndex(db.db, meili, index);
    await rebuildIndex(db.db, meili, exactIndex);
    const task = await meili.index(exactIndex).updateSettings({ typoTolerance: { enabled: false } });
    expect((await waitForTask(meili, task.taskUid, { timeoutMs: 60_000, intervalMs: 50 })).status).toBe(
      "succeeded",
    );
  });
  afterAll(async () => {
    await meili.deleteIndex(index).catch(() => {});
    await meili.deleteIndex(exactIndex).catch(() => {});
    await db.drop();
  });

  it("has at least 50 text queries, and names every typo-only difference among them", () => {
    expect(TEXT_QUERIES.length).toBeGreaterThanOrEqual(50);
    expect(new Set(TEXT_QUERIES).size).toBe(TEXT_QUERIES.length);
    for (const q of TYPO_ONLY) expect(TEXT_QUERIES).toContain(q);
  });

  it.each(TEXT_QUERIES)("finds the same listings on both engines: %s", async (q) => {
    const [m, exact, p] = await Promise.all([allIds("meili", q), allIds("exact", q), allIds("pg", q)]);
    // Without typos, Meilisearch finds exactly what PostgreSQL finds.
    expect(p).toEqual(exact);
    if (TYPO_ONLY.has(q)) {
      expect([...p].every((id) => m.has(id))).toBe(true);
      expect(m.size).toBeGreaterThan(p.size);
    } else {
      expect(p).toEqual(m);
    }
  });

  it("the whole mix finds real results and empty ones", async () => {
    const totals = await Promise.all(TEXT_QUERIES.map(async (q) => (await run("pg", q)).total));
    expect(totals.filter((t) => t === 0).length).toBeLessThan(5);
    expect(totals.filter((t) => t > 0 && t < 50).length).toBeGreaterThan(10);
    expect(totals.filter((t) => t > 200).length).toBeGreaterThan(10);
  });

  it.each(["Zyqvox", "Xenolingua", "marshmallowroot", "zanthoxylum", "zanthox"])(
    "finds the edited listing by a word of its name, languages, aftercare notes or late description: %s",
    async (q) => {
      for (const engine of ["meili", "pg"] as const) {
        expect([...(await allIds(engine, q))]).toEqual([edited]);
      }
    },
  );

  it.each(["meili", "pg"] as const)("reads “City, ST” and ignores filler words (%s)", async (engine) => {
    const city = await run(engine, "Chicago, IL");
    expect(city.total).toBeGreaterThan(10);
    expect(city.docs.every((d) => d.city === "Chicago" || d.statesServed.includes("IL"))).toBe(true);
    const chatty = await run(engine, "ketamine clinic near me in Chicago IL");
    expect(chatty.total).toBe(city.total);
    const all = await run(engine, "");
    expect((await run(engine, "ketamine clinic near me")).total).toBe(all.total);
  });

  it("tolerates typos and knows synonyms (Meilisearch)", async () => {
    const exact = await run("meili", "spravato");
    expect(exact.total).toBeGreaterThan(50);
    expect((await run("meili", "spravto")).total).toBe(exact.total);
    expect((await run("meili", "esketamine")).total).toBe(exact.total);
  });

  it.each(["meili", "pg"] as const)(
    "finds a published listing and never a draft or suspended one, by words or by filters (%s)",
    async (engine) => {
      const token = `vis${randomBytes(4).toString("hex")}`;
      const rows = (["draft", "suspended", "published"] as const).map((status) =>
        makeClinic({ name: `Sample ${status} ${token}`, slug: `${token}-${status}`, status }),
      );
      await db.db.insert(clinics).values(rows);
      await enqueueSearchSync(
        db.db,
        rows.map((r) => r.id),
      );
      await drainOutbox(db.db, meili, index);
      const published = rows.filter((r) => r.status === "published").map((r) => r.id);
      expect((await run(engine, token)).docs.map((d) => d.id)).toEqual(published);
      // By filters only: every listing in the fixtures' city (Austin, TX), page by page.
      const ids: string[] = [];
      for (let page = 1; ; page++) {
        const q = { ...parse("state=TX&city=austin"), page, perPage: 100 };
        const a =
          engine === "meili"
            ? await searchMeili(meili, index, q, filterGroups(q), { outside: outsideFinder(db.db) })
            : await searchPostgres(db.db, q, filterGroups(q));
        ids.push(...a.docs.map((d) => d.id));
        if (a.docs.length < 100) break;
      }
      expect(ids.filter((id) => rows.some((r) => r.id === id))).toEqual(published);
    },
  );
});
