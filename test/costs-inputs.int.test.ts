import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clinicCostInputs } from "@/db/schema";
import type { ListingPatch } from "@/lib/listings/service";
import { freshDatabase } from "./support/db";
import { makeClinic } from "./support/clinic";
import { columnList, listingLife } from "./support/rows";

/**
 * `clinic_cost_inputs`, the narrow copy of the listings the cost figures read (db/schema.ts), is
 * kept by triggers on `clinics`: after any write, through the listing service or straight SQL, it
 * holds exactly the listings' values of its columns (the columns named in the schema).
 */
let db: Awaited<ReturnType<typeof freshDatabase>>;

beforeAll(async () => {
  db = await freshDatabase({ seeded: true });
});
afterAll(async () => {
  await db?.drop();
});

const columns = columnList(clinicCostInputs);

/** Rows that differ between the copy and the listings, both ways, and the copy's row count. */
async function drift() {
  const [row] = await db.db.execute<{ missing: number; extra: number; copied: number; listings: number }>(
    sql`
      select
        (select count(*) from (select ${columns} from clinics except all
                               select ${columns} from clinic_cost_inputs) x)::int as missing,
        (select count(*) from (select ${columns} from clinic_cost_inputs except all
                               select ${columns} from clinics) x)::int as extra,
        (select count(*) from clinic_cost_inputs)::int as copied,
        (select count(*) from clinics)::int as listings`,
  );
  return row;
}

async function expectInStep() {
  const d = await drift();
  expect(d).toMatchObject({ missing: 0, extra: 0 });
  expect(d!.copied).toBe(d!.listings);
}

describe("clinic_cost_inputs", () => {
  it("starts equal to the seeded listings", async () => {
    const d = await drift();
    expect(d!.listings).toBeGreaterThan(1000);
    await expectInStep();
  });

  it("follows a created, edited, unpublished and deleted listing", async () => {
    const { id: _id, ...values } = makeClinic({ state: "NM", city: "Taos" });
    const patch: ListingPatch = {
      sessionMin: 12_300,
      routes: ["im_injection", "iv_infusion"],
      integrationTherapy: "included",
    };
    await listingLife(db.db, values, patch, async (edited) => {
      if (edited) {
        const [copy] = await db.db
          .select()
          .from(clinicCostInputs)
          .where(sql`id = ${edited.id}`);
        expect(copy).toMatchObject({
          ...patch,
          courseLow: edited.courseLow,
          aftercareScore: edited.aftercareScore,
        });
      }
      await expectInStep();
    });
  });

  it("follows writes that bypass the listing service (scripts, bulk SQL)", async () => {
    await db.db.execute(sql`update clinics set session_min = session_min + 100, city = city || ' East'
      where state = 'TX'`);
    await db.db.execute(sql`update clinics set status = 'suspended' where state = 'OH'`);
    await expectInStep();
  });
});
