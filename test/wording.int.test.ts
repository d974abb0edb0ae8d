import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clinics, importJobs, listingRevisions, wordingReviews, type Clinic } from "@/db/schema";
import type { SignedIn } from "@/lib/auth/authz";
import { saveListing } from "@/lib/listings/edit";
import { runImport, startImport } from "@/lib/listings/import";
import { createListingAsAdmin } from "@/lib/listings/moderation";
import { toFormValues } from "@/lib/listings/schema";
import { MISLEADING_CLAIMS } from "@/lib/wording/misleading-claims";
import { decideWordingReview, pendingWordingReviews } from "@/lib/wording/reviews";
import { freshDatabase } from "./support/db";
import { addMember, CSV_HEADER, csvRowOf, insertClinics, insertUser, snapshot } from "./support/accounts";

/**
 * Misleading claims (issue 16, part 3): every listing save and CSV import is checked against
 * lib/wording/misleading-claims.json; a flagged listing is published AND queued for an editor, in the
 * same transaction as the write.
 */

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let list: Clinic[];
let owner: SignedIn;
let admin: SignedIn;
const reload = async (id: string) => (await fresh.db.select().from(clinics).where(eq(clinics.id, id)))[0]!;
const reviewsOf = (id: string) =>
  fresh.db.select().from(wordingReviews).where(eq(wordingReviews.clinicId, id));

beforeAll(async () => {
  fresh = await freshDatabase();
  list = await insertClinics(fresh.db, 6, 41);
  owner = await insertUser(fresh.db, "owner@wording.example");
  admin = await insertUser(fresh.db, "admin@atlas.test", "admin");
  for (const c of list) await addMember(fresh.db, owner.id, c.id, "owner");
});
afterAll(() => fresh.drop());

async function save(c: Clinic, over: Record<string, string>, who: SignedIn = owner) {
  const current = await reload(c.id);
  return saveListing(fresh.db, who, {
    id: c.id,
    version: current.version,
    values: { ...toFormValues(current), ...over },
  });
}

describe("a listing save with misleading words", () => {
  it("is published and queued for review with the matches; a save without them clears the review", async () => {
    const c = list[0]!;
    const r = await save(c, { description: "Our infusions cure depression. Guaranteed results." });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.flagged.map((m) => [m.claim, m.text])).toEqual([
      ["cure", "cure"],
      ["guaranteed", "Guaranteed results"],
    ]);
    const saved = await reload(c.id);
    expect(saved.status).toBe("published");
    expect(saved.description).toContain("cure depression");
    let [review] = await reviewsOf(c.id);
    expect(review).toMatchObject({ status: "pending", savedBy: owner.id, version: saved.version });
    expect((review!.matches as { claim: string }[]).map((m) => m.claim)).toEqual(["cure", "guaranteed"]);

    // Another flagged save updates the one waiting review; the queue highlights the CURRENT text.
    const r2 = await save(c, { aftercareNotes: "A miracle for most clients." });
    expect(r2.ok && r2.flagged.map((m) => m.claim)).toEqual(["cure", "guaranteed", "miracle"]);
    const all = await reviewsOf(c.id);
    expect(all).toHaveLength(1);
    const queue = await pendingWordingReviews(fresh.db, admin);
    const inQueue = queue.find((q) => q.clinic.id === c.id)!;
    expect(inQueue.matches.map((m) => `${m.field}:${m.text}`)).toEqual([
      "description:cure",
      "description:Guaranteed results",
      "aftercareNotes:miracle",
    ]);

    // A save that leaves the text alone neither queues nor clears.
    const r3 = await save(c, { waitDays: "4" });
    expect(r3.ok && r3.flagged).toEqual([]);
    [review] = await reviewsOf(c.id);
    expect(review!.status).toBe("pending");

    // Taking the words out clears it.
    const r4 = await save(c, { description: "Infusions with a nurse present.", aftercareNotes: "" });
    expect(r4.ok && r4.flagged).toEqual([]);
    [review] = await reviewsOf(c.id);
    expect(review).toMatchObject({ status: "cleared", decidedBy: owner.id });
    expect((await pendingWordingReviews(fresh.db, admin)).some((q) => q.clinic.id === c.id)).toBe(false);
  });

  it("a clean save queues nothing", async () => {
    const c = list[1]!;
    const r = await save(c, { description: MISLEADING_CLAIMS.map((x) => x.fine).join(" ") });
    expect(r.ok && r.flagged).toEqual([]);
    expect(await reviewsOf(c.id)).toEqual([]);
  });

  it("an editor accepts the wording once; a later change of the text is checked again", async () => {
    const c = list[2]!;
    await save(c, { refundPolicy: "Refund if you are not permanently relieved." });
    const [review] = await reviewsOf(c.id);
    expect(review?.status).toBe("pending");
    await decideWordingReview(fresh.db, admin, { reviewId: review!.id, decision: "approved" });
    expect((await reviewsOf(c.id))[0]).toMatchObject({ status: "approved", decidedBy: admin.id });
    await expect(
      decideWordingReview(fresh.db, admin, { reviewId: review!.id, decision: "approved" }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      decideWordingReview(fresh.db, admin, { reviewId: "nope", decision: "approved" }),
    ).rejects.toMatchObject({ code: "invalid_request" });
    // Accepted text stays accepted when other fields change…
    expect((await save(c, { waitDays: "3" })).ok).toBe(true);
    expect((await reviewsOf(c.id)).map((x) => x.status)).toEqual(["approved"]);
    // …and a new change of the text is checked again.
    const r = await save(c, { name: `${c.name} Miracle Clinic` }, admin);
    expect(r.ok && r.flagged.map((m) => m.claim)).toEqual(["miracle", "permanent-relief"]);
    expect((await reviewsOf(c.id)).map((x) => x.status).sort()).toEqual(["approved", "pending"]);
  });

  it("a save refused for a conflict writes no review", async () => {
    const c = list[3]!;
    const before = await snapshot(fresh.db);
    const r = await saveListing(fresh.db, owner, {
      id: c.id,
      version: c.version + 5,
      values: { ...toFormValues(c), description: "We cure anxiety." },
    });
    expect(r.ok).toBe(false);
    expect(await snapshot(fresh.db)).toEqual(before);
  });

  it("an admin-created listing is checked too", async () => {
    const r = await createListingAsAdmin(fresh.db, admin, {
      values: { ...toFormValues(list[4]!), name: "Wonder Drug Infusions", description: "" },
      status: "published",
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [review] = await reviewsOf(r.id);
    expect(review).toMatchObject({ status: "pending", savedBy: admin.id });
  });
});

describe("CSV import", () => {
  const header = CSV_HEADER;
  const rowOf = csvRowOf;

  it("imports flagged rows published, queues them in the import's transaction and counts them on the job", async () => {
    const c = list[5]!;
    const text = [
      header,
      rowOf(c, { name: "Clean Import Clinic", description: "Calm rooms." }),
      rowOf(c, { name: "Flagged Import Clinic", description: "Ketamine is non-addictive." }),
    ].join("\n");
    const r = await startImport(fresh.db, admin, { fileName: "w.csv", text });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    await runImport(fresh.db, admin, r.jobId, r.rows!);
    const [job] = await fresh.db.select().from(importJobs).where(eq(importJobs.id, r.jobId));
    expect(job).toMatchObject({ status: "done", flagged: 1 });
    const [flagged] = await fresh.db.select().from(clinics).where(eq(clinics.name, "Flagged Import Clinic"));
    const [clean] = await fresh.db.select().from(clinics).where(eq(clinics.name, "Clean Import Clinic"));
    expect(flagged!.status).toBe("published");
    expect((await reviewsOf(flagged!.id)).map((x) => x.status)).toEqual(["pending"]);
    expect(await reviewsOf(clean!.id)).toEqual([]);
    // The review belongs to the import's write: its revision is there too.
    const revs = await fresh.db
      .select()
      .from(listingRevisions)
      .where(eq(listingRevisions.clinicId, flagged!.id));
    expect(revs).toHaveLength(1);
  });
});
