import { and, eq, sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  clinicInvites,
  clinicMembers,
  clinics,
  importJobs,
  listingRevisions,
  searchOutbox,
} from "@/db/schema";
import { createDb } from "@/db/connect";
import { rebuildSearch, searchSyncHealth } from "@/lib/admin/search";
import { AuthzError, type SignedIn } from "@/lib/auth/authz";
import { ClaimError, removeMember } from "@/lib/claims/service";
import {
  getImportJob,
  ImportError,
  importTemplateCsv,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  runImport,
  startImport,
} from "@/lib/listings/import";
import { allocateSlug, createListingAsAdmin } from "@/lib/listings/moderation";
import { toFormValues } from "@/lib/listings/schema";
import { createMeili, waitForTask } from "@/lib/search/client";
import { documentCount, ensureIndex } from "@/lib/search/rebuild";
import { drainOutbox, syncOnce } from "@/lib/search/sync";
import { freePort } from "@/scripts/lib/services/ports";
import { addMember, insertUser, siteUrl, snapshot, testMailer } from "./support/accounts";
import { makeClinic } from "./support/clinic";
import { freshDatabase } from "./support/db";
import { dropIndex, testIndexName, testMeili } from "./support/search";

/**
 * The admin tools used as an admin uses them, to success (test/authz.int.test.ts covers who is
 * refused): creating a listing, removing members, search sync health and the rebuild, and the CSV
 * import from the template through a job's progress to its done or failed state. On a copy of the
 * seeded sample data, so the rebuild has a real mix of published and unpublished listings.
 */

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let admin: SignedIn;
const index = testIndexName("admin_tools");
const meili = testMeili();
const deps = () => ({ db: fresh.db, mailer: testMailer(), siteUrl });
/** How many listings match `where`, counted in PostgreSQL. */
const countClinics = async (where: SQL) =>
  (
    await fresh.db
      .select({ n: sql<number>`count(*)::int` })
      .from(clinics)
      .where(where)
  )[0]!.n;
const publishedCount = () => countClinics(eq(clinics.status, "published"));

beforeAll(async () => {
  fresh = await freshDatabase({ seeded: true });
  admin = await insertUser(fresh.db, "admin@atlas.test", "admin");
  await ensureIndex(meili, index);
});
afterAll(async () => {
  await dropIndex(index);
  await fresh.drop();
});

describe("creating a listing (admin)", () => {
  const values = (name: string) =>
    toFormValues(makeClinic({ name, city: "Denver", state: "CO", postalCode: "80202" }));

  it("a live listing gets a slug, a first revision and an outbox row, and reaches search", async () => {
    const r = await createListingAsAdmin(fresh.db, admin, {
      values: values("Front Range Calm Clinic"),
      status: "published",
    });
    expect(r).toMatchObject({ ok: true, slug: "front-range-calm-clinic-denver-co" });
    if (!r.ok) return;
    const [row] = await fresh.db.select().from(clinics).where(eq(clinics.id, r.id));
    expect(row).toMatchObject({ status: "published", dataSource: "editorial", city: "Denver", state: "CO" });
    expect(row!.lat).not.toBeNull(); // placed from its ZIP code
    const revs = await fresh.db.select().from(listingRevisions).where(eq(listingRevisions.clinicId, r.id));
    expect(revs).toEqual([expect.objectContaining({ userId: admin.id, note: "Created by a site editor" })]);
    expect(
      await fresh.db
        .select()
        .from(searchOutbox)
        .where(and(eq(searchOutbox.clinicId, r.id), sql`${searchOutbox.doneAt} is null`)),
    ).toHaveLength(1);
    await drainOutbox(fresh.db, meili, index);
    expect((await meili.index(index).getDocument(r.id)).name).toBe("Front Range Calm Clinic");

    // The same name and place again: a second slug, not a clash.
    const again = await createListingAsAdmin(fresh.db, admin, {
      values: values("Front Range Calm Clinic"),
      status: "published",
    });
    expect(again).toMatchObject({ ok: true, slug: "front-range-calm-clinic-denver-co-2" });
  });

  it("a draft is saved but stays out of search", async () => {
    const r = await createListingAsAdmin(fresh.db, admin, {
      values: values("Quiet Draft Clinic"),
      status: "draft",
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect((await fresh.db.select().from(clinics).where(eq(clinics.id, r.id)))[0]?.status).toBe("draft");
    await drainOutbox(fresh.db, meili, index);
    await expect(meili.index(index).getDocument(r.id)).rejects.toThrow();
  });

  it("bad answers come back by field and nothing is written", async () => {
    const before = await snapshot(fresh.db);
    const r = await createListingAsAdmin(fresh.db, admin, {
      values: { ...values("Broken Clinic"), sessionMin: "cheap" },
      status: "published",
    });
    expect(r).toMatchObject({ ok: false, code: "invalid", errors: { sessionMin: expect.any(String) } });
    const noStatus = await createListingAsAdmin(fresh.db, admin, {
      values: values("No Status Clinic"),
      status: "suspended",
    });
    expect(noStatus).toMatchObject({
      ok: false,
      errors: { _form: expect.stringMatching(/live or a draft/) },
    });
    expect(await snapshot(fresh.db)).toEqual(before);
  });
});

describe("removing members", () => {
  let clinicId: string;
  const people = {} as Record<"owner" | "coOwner" | "editor" | "invitee", SignedIn>;
  const membersNow = async () =>
    (await fresh.db.select().from(clinicMembers).where(eq(clinicMembers.clinicId, clinicId)))
      .map((m) => `${m.userId}:${m.role}`)
      .sort();

  beforeAll(async () => {
    const [c] = await fresh.db
      .select({ id: clinics.id })
      .from(clinics)
      .where(eq(clinics.status, "published"))
      .limit(1);
    clinicId = c!.id;
    people.owner = await insertUser(fresh.db, "owner@members.example");
    people.coOwner = await insertUser(fresh.db, "co-owner@members.example");
    people.editor = await insertUser(fresh.db, "editor@members.example");
    await addMember(fresh.db, people.owner.id, clinicId, "owner");
    await addMember(fresh.db, people.coOwner.id, clinicId, "owner");
    await addMember(fresh.db, people.editor.id, clinicId, "editor");
  });

  it("an owner removes an editor and withdraws an invitation", async () => {
    await removeMember(deps(), people.owner, { clinicId, userId: people.editor.id });
    expect(await membersNow()).toEqual([`${people.coOwner.id}:owner`, `${people.owner.id}:owner`].sort());
    const [invite] = await fresh.db
      .insert(clinicInvites)
      .values({ clinicId, email: "later@members.example", invitedBy: people.owner.id })
      .returning();
    await removeMember(deps(), people.owner, { clinicId, inviteId: invite!.id });
    expect(await fresh.db.select().from(clinicInvites).where(eq(clinicInvites.id, invite!.id))).toEqual([]);
  });

  it("only an admin can remove an owner: an owner and an editor cannot, an admin can", async () => {
    await addMember(fresh.db, people.editor.id, clinicId, "editor");
    const before = await snapshot(fresh.db);
    const byOwner = await removeMember(deps(), people.owner, { clinicId, userId: people.coOwner.id }).catch(
      (e: unknown) => e,
    );
    expect(byOwner).toBeInstanceOf(ClaimError);
    expect(byOwner).toMatchObject({ code: "owner_protected" });
    const byEditor = await removeMember(deps(), people.editor, { clinicId, userId: people.owner.id }).catch(
      (e: unknown) => e,
    );
    expect(byEditor).toBeInstanceOf(AuthzError);
    expect(await snapshot(fresh.db)).toEqual(before);

    await removeMember(deps(), admin, { clinicId, userId: people.coOwner.id });
    expect(await membersNow()).toEqual([`${people.editor.id}:editor`, `${people.owner.id}:owner`].sort());
    // Someone who is not a member: a clear "not found", not a silent success.
    await expect(removeMember(deps(), admin, { clinicId, userId: people.coOwner.id })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("search sync health and rebuild", () => {
  it("health shows what waits for the index, the last error, and nothing once drained", async () => {
    await drainOutbox(fresh.db, meili, index);
    expect(await searchSyncHealth({ db: fresh.db, meili, indexName: index }, admin)).toEqual({
      pending: 0,
      oldestPendingSeconds: null,
      lastError: null,
    });
    const [c] = await fresh.db.select().from(clinics).where(eq(clinics.status, "published")).limit(1);
    await fresh.db.insert(searchOutbox).values({ clinicId: c!.id });
    // A Meilisearch that does not answer (nothing listens on the port): the batch fails and says why.
    const dead = createMeili(`http://127.0.0.1:${await freePort()}`, "no-key", 2000);
    expect((await syncOnce(fresh.db, dead, index)).failed).toBe(true);
    const lag = await searchSyncHealth({ db: fresh.db, meili, indexName: index }, admin);
    expect(lag.pending).toBe(1);
    expect(lag.oldestPendingSeconds).toEqual(expect.any(Number));
    expect(lag.lastError).toMatch(/\S/);
    // The retry waits out its backoff (half a second after one failure), then succeeds.
    await fresh.db
      .update(searchOutbox)
      .set({ nextAttemptAt: sql`now()` })
      .where(sql`${searchOutbox.doneAt} is null`);
    await drainOutbox(fresh.db, meili, index);
    expect(await searchSyncHealth({ db: fresh.db, meili, indexName: index }, admin)).toMatchObject({
      pending: 0,
      lastError: null,
    });
  });

  it("a rebuild makes a fresh index from PostgreSQL: every published listing, nothing else", async () => {
    // Make the live index wrong in both directions: a stray document and a missing one.
    const [gone] = await fresh.db.select().from(clinics).where(eq(clinics.status, "published")).limit(1);
    const stray = "00000000-0000-4000-8000-00000000beef";
    const t1 = await meili.index(index).addDocuments([{ id: stray, name: "Stray Document" }]);
    const t2 = await meili.index(index).deleteDocument(gone!.id);
    await waitForTask(meili, t1.taskUid);
    await waitForTask(meili, t2.taskUid);

    const want = await publishedCount();
    const unpublished = await fresh.db
      .select({ id: clinics.id })
      .from(clinics)
      .where(sql`status <> 'published'`);
    expect(unpublished.length).toBeGreaterThan(0); // the seed has drafts and suspended listings
    const r = await rebuildSearch({ db: fresh.db, meili, indexName: index }, admin);
    console.log(`[rebuild] ${r.documents} documents in ${r.seconds} s`);
    expect(r.documents).toBe(want);
    expect(await documentCount(meili, index)).toBe(want);
    await expect(meili.index(index).getDocument(stray)).rejects.toThrow();
    expect((await meili.index(index).getDocument(gone!.id)).id).toBe(gone!.id);
    let shown = 0; // `id` is not filterable: each unpublished listing is looked up by id
    for (const u of unpublished)
      shown += await meili
        .index(index)
        .getDocument(u.id)
        .then(
          () => 1,
          () => 0,
        );
    expect(shown).toBe(0);
    // The temporary index of the rebuild is gone: only ours (and other files' indexes) remain.
    const { results } = await meili.getIndexes({ limit: 1000 });
    expect(results.map((i) => i.uid).filter((u) => u.startsWith(`${index}_rebuild_`))).toEqual([]);
  });
});

describe("CSV import as an admin uses it", () => {
  const importedCount = () => countClinics(eq(clinics.dataSource, "import"));
  const jobs = async () => (await fresh.db.select({ id: importJobs.id }).from(importJobs)).length;

  it("the template's example row imports as it is", async () => {
    const before = await importedCount();
    const started = await startImport(fresh.db, admin, {
      fileName: "listings-template.csv",
      text: new TextEncoder().encode(importTemplateCsv()),
    });
    expect(started).toMatchObject({ ok: true, total: 1 });
    if (!started.ok) return;
    expect((await getImportJob(fresh.db, admin, started.jobId))?.status).toBe("queued");
    await runImport(fresh.db, admin, started.jobId, started.rows!);
    expect(await getImportJob(fresh.db, admin, started.jobId)).toMatchObject({
      status: "done",
      processed: 1,
      total: 1,
      error: null,
    });
    expect(await importedCount()).toBe(before + 1);
    const [row] = await fresh.db
      .select()
      .from(clinics)
      .where(and(eq(clinics.name, "Example Ketamine Clinic"), eq(clinics.dataSource, "import")));
    expect(row).toMatchObject({
      city: "Denver",
      state: "CO",
      status: "published",
      routes: ["iv_infusion", "im_injection"],
      sessionMin: 45_000,
      sessionMax: 65_000,
      followUp24h: true,
    });
  });

  it("a job shows its progress while it runs, and nothing is live until it is done", async () => {
    // runImport writes 250 rows at a time in one transaction. Row 251's slug is held by an
    // uncommitted insert in another connection, so the second chunk waits there: the job must by
    // then say 250 rows written, while none of them is visible yet.
    const blockerName = "Progress Blocker Clinic";
    const lines = Array.from({ length: 300 }, (_, i) =>
      i === 250 ? `${blockerName},Boulder,CO,oral` : `Progress Clinic ${i},Boulder,CO,oral`,
    );
    const started = await startImport(fresh.db, admin, {
      fileName: "progress.csv",
      text: ["name,city,state,routes", ...lines].join("\n"),
    });
    if (!started.ok) throw new Error(JSON.stringify(started.issues));
    const other = createDb(fresh.url, { max: 1 });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let blocking!: () => void;
    const isBlocking = new Promise<void>((r) => (blocking = r));
    const blocker = other.db
      .transaction(async (tx) => {
        await tx.insert(clinics).values(
          makeClinic({
            slug: allocateSlug({ name: blockerName, city: "Boulder", state: "CO" }, new Set()),
            status: "draft",
          }),
        );
        blocking();
        await held;
        tx.rollback();
      })
      .catch(() => {});
    await isBlocking;
    const before = await importedCount();
    const run = runImport(fresh.db, admin, started.jobId, started.rows!);
    const seen: { status: string; processed: number }[] = [];
    for (const until = Date.now() + 30_000; Date.now() < until;) {
      const j = (await getImportJob(fresh.db, admin, started.jobId))!;
      seen.push({ status: j.status, processed: j.processed });
      if (j.processed === 250) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(seen.at(-1)).toEqual({ status: "running", processed: 250 });
    expect(await importedCount()).toBe(before);
    release();
    await blocker;
    await run;
    await other.end();
    expect(await getImportJob(fresh.db, admin, started.jobId)).toMatchObject({
      status: "done",
      processed: 300,
      total: 300,
    });
    expect(await importedCount()).toBe(before + 300);
  });

  it("a job that fails says why on the job, and saves nothing", async () => {
    const started = await startImport(fresh.db, admin, {
      fileName: "fails.csv",
      text: "name,city,state,routes\nFails Clinic A,Pueblo,CO,oral\nFails Clinic B,Pueblo,CO,oral\n",
    });
    if (!started.ok) throw new Error(JSON.stringify(started.issues));
    const [taken] = await fresh.db.select({ id: clinics.id }).from(clinics).limit(1);
    const before = await snapshot(fresh.db);
    // The second row breaks a database rule only the write can find (an id already in use).
    const rows = started.rows!.map((r, i) => (i === 1 ? { ...r, id: taken!.id } : r));
    await runImport(fresh.db, admin, started.jobId, rows);
    const job = await getImportJob(fresh.db, admin, started.jobId);
    expect(job).toMatchObject({ status: "failed", processed: 0, fileName: "fails.csv" });
    expect(job?.error).toMatch(/^The import stopped and nothing was saved: \S/);
    expect(job?.finishedAt).toBeInstanceOf(Date);
    const after = await snapshot(fresh.db);
    expect({ ...after, import_jobs: "" }).toEqual({ ...before, import_jobs: "" });
  });

  it("the size limit: a file one byte over is refused with a clear message; nothing is recorded", async () => {
    // (The boundary, a file of exactly 20 MB passing, is lib/security/limits.test.ts.)
    const before = await jobs();
    const header = "name,city,state,routes\n";
    const over = header + "x".repeat(MAX_IMPORT_BYTES + 1 - header.length);
    const err = await startImport(fresh.db, admin, {
      fileName: "big.csv",
      text: new TextEncoder().encode(over),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err).toMatchObject({ code: "too_large", message: expect.stringMatching(/limit is 20 MB/) });
    expect(await jobs()).toBe(before);
  });

  it("the row limit: a file of 50,001 rows is refused by name before any row is checked", async () => {
    // (The boundary itself, 50,000 rows accepted, would mean checking 50,000 rows: about 20 s of this
    // machine, too much for one test; the refusal comes before the rows are read.)
    const line = (i: number) => `Row Limit Clinic ${i},Denver,CO,oral`;
    const before = await jobs();
    const over = await startImport(fresh.db, admin, {
      fileName: "over.csv",
      text: [
        "name,city,state,routes",
        ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => line(i)),
      ].join("\n"),
    });
    expect(over).toMatchObject({
      ok: false,
      issues: [{ row: 0, column: "", message: "At most 50,000 rows per file." }],
    });
    expect(await jobs()).toBe(before);
  });
});
