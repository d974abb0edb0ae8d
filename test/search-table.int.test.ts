import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clinics, clinicSearch } from "@/db/schema";
import type { ListingPatch } from "@/lib/listings/service";
import { toSearchDocument } from "@/lib/search/document";
import { FACET_BYTES, FACET_VALUES, installSearchTable } from "@/lib/search/search-table";
import { freshDatabase } from "./support/db";
import { makeClinic } from "./support/clinic";
import { columnList, listingLife } from "./support/rows";

/**
 * `clinic_search`, the narrow table the PostgreSQL fallback reads (db/schema.ts), is kept by
 * triggers on `clinics`: after any write, through the listing service or straight SQL, it holds one
 * row per listing with the listing's values of its columns, and in `facet_bits` exactly the facet
 * values the listing's search document holds (recomputed here in TypeScript from
 * `toSearchDocument`, the way Meilisearch counts them; a price, by the lowest limit it is within).
 */
let db: Awaited<ReturnType<typeof freshDatabase>>;

beforeAll(async () => {
  db = await freshDatabase({ seeded: true });
});
afterAll(async () => {
  await db?.drop();
});

const copied = columnList(clinicSearch, [clinicSearch.facetBits.name]);

/** The numbers a `facet_bits` bitmap holds (number n at bit (n - 1) % 8 of byte (n - 1) / 8). */
function numbersIn(bits: Uint8Array): number[] {
  expect(bits.length).toBe(FACET_BYTES);
  return [...bits].flatMap((byte, b) =>
    [...Array(8).keys()].filter((k) => byte & (1 << k)).map((k) => b * 8 + k + 1),
  );
}

/**
 * The numbers of the facet values a search document holds (as strings, as Meilisearch facets them);
 * of the price limits its price is within (`sessionUnder`, `courseUnder`), only the lowest.
 */
function expectedValues(doc: Record<string, unknown>): number[] {
  const lowestLimit = (held: unknown[]) => (held.length ? [String(Math.min(...held.map(Number)))] : []);
  return FACET_VALUES.filter((v) => {
    const held = doc[v.facet.attr];
    if (!Array.isArray(held)) return String(held) === v.value;
    return (v.cond.op === "lte" ? lowestLimit(held) : held.map(String)).includes(v.value);
  }).map((v) => v.id);
}

/** Differences between the table and the listings, both ways (none when in step). */
async function drift() {
  const [columns] = await db.db.execute<{ missing: number; extra: number }>(sql`
    select
      (select count(*) from (select ${copied} from clinics except all select ${copied} from clinic_search) x)::int as missing,
      (select count(*) from (select ${copied} from clinic_search except all select ${copied} from clinics) x)::int as extra`);
  const listings = await db.db.select().from(clinics);
  const stored = new Map(
    (await db.db.select({ id: clinicSearch.id, bits: clinicSearch.facetBits }).from(clinicSearch)).map(
      (r) => [r.id, numbersIn(r.bits)],
    ),
  );
  const wrong = listings
    .filter((c) => JSON.stringify(stored.get(c.id)) !== JSON.stringify(expectedValues(toSearchDocument(c))))
    .map((c) => c.id);
  return { ...columns, rows: stored.size, listings: listings.length, wrong };
}

async function expectInStep() {
  const d = await drift();
  expect(d).toMatchObject({ missing: 0, extra: 0, wrong: [] });
  expect(d.rows).toBe(d.listings);
}

describe("clinic_search", () => {
  it("starts equal to the seeded listings, each with the facet values of its search document", async () => {
    const d = await drift();
    expect(d.listings).toBeGreaterThan(1000);
    await expectInStep();
    // Not a table of empty bitmaps: a typical listing holds dozens of values.
    const stored = await db.db.select({ bits: clinicSearch.facetBits }).from(clinicSearch);
    expect(stored.reduce((n, r) => n + numbersIn(r.bits).length, 0) / stored.length).toBeGreaterThan(10);
  });

  it("follows a created, edited, unpublished and deleted listing", async () => {
    const { id: _id, ...values } = makeClinic({ state: "NM", city: "Taos" });
    const patch: ListingPatch = {
      sessionMin: 12_300,
      routes: ["im_injection", "iv_infusion"],
      integrationTherapy: "included",
      languages: ["English", "Spanish"],
      supportGroups: "both",
    };
    await listingLife(db.db, values, patch, expectInStep);
  });

  it("follows writes that bypass the listing service (scripts, bulk SQL)", async () => {
    await db.db.execute(sql`update clinics set follow_up_24h = not follow_up_24h,
      session_price = session_price + 25000, languages = languages || '{Vietnamese}', city = city || ' East'
      where state = 'TX'`);
    await db.db.execute(
      sql`update clinics set status = 'suspended', telehealth_states = '{CA,NV}' where state = 'OH'`,
    );
    await expectInStep();
  });

  it("is rewritten by the migrate step when its copy function is not the registry's", async () => {
    expect(await installSearchTable(db.db)).toBe(false); // current: nothing to do
    await db.db.execute(sql`create or replace function copy_clinic_search(ids uuid[]) returns void
      language sql as $$ delete from clinic_search where id = any(ids) $$`);
    await db.db.execute(sql`update clinics set weekend_hours = not weekend_hours where state = 'CA'`);
    expect((await drift()).rows).toBeLessThan((await drift()).listings);
    expect(await installSearchTable(db.db)).toBe(true);
    await expectInStep();
  });
});
