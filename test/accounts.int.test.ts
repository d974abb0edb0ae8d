import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { claims, clinicMembers, clinics, listingRevisions, searchOutbox, type Clinic } from "@/db/schema";
import type { SignedIn } from "@/lib/auth/authz";
import { signInRateLimit } from "@/lib/auth/rate-limit";
import { acceptInvites, ClaimError, decideClaim, inviteEditor, submitClaim } from "@/lib/claims/service";
import { restoreRevision, saveListing, valuesBeforeRevision } from "@/lib/listings/edit";
import { runImport, startImport } from "@/lib/listings/import";
import { markVerified, setListingStatus } from "@/lib/listings/moderation";
import { toFormValues } from "@/lib/listings/schema";
import { createMeili } from "@/lib/search/client";
import { ensureIndex } from "@/lib/search/rebuild";
import { drainOutbox } from "@/lib/search/sync";
import { freshDatabase } from "./support/db";
import { testIndexName } from "./support/search";
import {
  addMember,
  CSV_HEADER,
  csvRowOf,
  insertClinics,
  insertUser,
  siteUrl,
  snapshot,
  testMailer,
  waitForMail,
} from "./support/accounts";

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let list: Clinic[];
let admin: SignedIn;
const deps = () => ({ db: fresh.db, mailer: testMailer(), siteUrl });
const reload = async (id: string) => (await fresh.db.select().from(clinics).where(eq(clinics.id, id)))[0]!;
const domainOf = (c: Clinic) => new URL(c.website!).hostname;

beforeAll(async () => {
  fresh = await freshDatabase();
  list = await insertClinics(fresh.db, 12, 21);
  admin = await insertUser(fresh.db, "admin@atlas.test", "admin");
});
afterAll(() => fresh.drop());

describe("claims", () => {
  it("approves at once when the email is at the listing's website domain, makes an owner, and emails", async () => {
    const c = list[0]!;
    const u = await insertUser(fresh.db, `someone@${domainOf(c)}`);
    const r = await submitClaim(deps(), u, { clinicId: c.id });
    expect(r.status).toBe("approved");
    const [m] = await fresh.db
      .select()
      .from(clinicMembers)
      .where(and(eq(clinicMembers.userId, u.id), eq(clinicMembers.clinicId, c.id)));
    expect(m?.role).toBe("owner");
    const mail = await waitForMail(u.email, /You can now edit/);
    expect(mail.links[0]).toBe(siteUrl(`/dashboard/listings/${c.id}`));
    await expect(submitClaim(deps(), u, { clinicId: c.id })).rejects.toMatchObject({
      code: "already_member",
    });
  });

  it("leaves other claims pending (one per person and listing) until an admin approves or rejects with a note", async () => {
    const c = list[1]!;
    const u = await insertUser(fresh.db, "jane@freelance.example");
    const r = await submitClaim(deps(), u, { clinicId: c.id });
    expect(r.status).toBe("pending");
    await waitForMail(u.email, /We got your claim/);
    await expect(submitClaim(deps(), u, { clinicId: c.id })).rejects.toBeInstanceOf(ClaimError);
    expect(await fresh.db.select().from(claims).where(eq(claims.userId, u.id))).toHaveLength(1);

    await expect(
      decideClaim(deps(), admin, { claimId: r.claimId, decision: "reject", note: "" }),
    ).rejects.toThrow(/why/i);
    const d = await decideClaim(deps(), admin, {
      claimId: r.claimId,
      decision: "approve",
      note: "Checked by phone.",
    });
    expect(d.status).toBe("approved");
    const mail = await waitForMail(u.email, /You can now edit/);
    expect(mail.text).toContain("Checked by phone.");
    const [claim] = await fresh.db.select().from(claims).where(eq(claims.id, r.claimId));
    expect(claim).toMatchObject({ status: "approved", decidedBy: admin.id, note: "Checked by phone." });
    await expect(
      decideClaim(deps(), admin, { claimId: r.claimId, decision: "reject", note: "x" }),
    ).rejects.toMatchObject({
      code: "already_decided",
    });

    const v = await insertUser(fresh.db, "bob@freelance.example");
    const r2 = await submitClaim(deps(), v, { clinicId: c.id });
    await decideClaim(deps(), admin, {
      claimId: r2.claimId,
      decision: "reject",
      note: "We could not confirm you work there.",
    });
    expect((await waitForMail(v.email, /not approved/)).text).toContain("could not confirm");
    expect(
      await fresh.db
        .select()
        .from(clinicMembers)
        .where(and(eq(clinicMembers.userId, v.id), eq(clinicMembers.clinicId, c.id))),
    ).toHaveLength(0);
  });

  it("invites: an existing user becomes an editor at once; a new address when it signs in", async () => {
    const c = list[2]!;
    const owner = await insertUser(fresh.db, `owner@${domainOf(c)}`);
    await addMember(fresh.db, owner.id, c.id, "owner");
    const existing = await insertUser(fresh.db, "helper@agency.example");
    expect(
      (await inviteEditor(deps(), owner, { clinicId: c.id, email: "Helper@Agency.example" })).added,
    ).toBe(true);
    expect(
      (await inviteEditor(deps(), owner, { clinicId: c.id, email: "new.person@agency.example" })).added,
    ).toBe(false);
    await waitForMail("new.person@agency.example", /invited to edit/);
    await expect(
      inviteEditor(deps(), owner, { clinicId: c.id, email: "new.person@agency.example" }),
    ).rejects.toMatchObject({
      code: "already_invited",
    });
    const later = await insertUser(fresh.db, "new.person@agency.example");
    expect(await acceptInvites(fresh.db, later)).toBe(1);
    const roles = await fresh.db.select().from(clinicMembers).where(eq(clinicMembers.clinicId, c.id));
    expect(roles.map((r) => [r.userId, r.role]).sort()).toEqual(
      [
        [owner.id, "owner"],
        [existing.id, "editor"],
        [later.id, "editor"],
      ].sort(),
    );
    expect(await acceptInvites(fresh.db, later)).toBe(0);
  });
});

describe("editing", () => {
  it("saves through one transaction: the row, a revision with before/after, an outbox row; prices become clinic-reported today", async () => {
    const c = list[3]!;
    await fresh.db.update(clinics).set({ priceSource: "verified" }).where(eq(clinics.id, c.id));
    const before = await reload(c.id);
    const owner = await insertUser(fresh.db, "o3@x.example");
    await addMember(fresh.db, owner.id, c.id, "owner");
    const outboxBefore = (await fresh.db.select().from(searchOutbox).where(eq(searchOutbox.clinicId, c.id)))
      .length;
    const r = await saveListing(fresh.db, owner, {
      id: c.id,
      version: before.version,
      values: { ...toFormValues(before), sessionMin: "123.45", sessionMax: "999" },
    });
    expect(r).toMatchObject({ ok: true, version: before.version + 1 });
    const after = await reload(c.id);
    expect(after.sessionMin).toBe(12_345);
    expect(after.priceSource).toBe("clinic_reported");
    expect(after.priceUpdatedAt).toBe(new Date().toISOString().slice(0, 10));
    const [rev] = await fresh.db.select().from(listingRevisions).where(eq(listingRevisions.clinicId, c.id));
    expect(rev?.userId).toBe(owner.id);
    expect(rev?.version).toBe(after.version);
    expect((rev?.changes as Record<string, unknown>).sessionMin).toEqual({
      before: before.sessionMin,
      after: 12_345,
    });
    expect((await fresh.db.select().from(searchOutbox).where(eq(searchOutbox.clinicId, c.id))).length).toBe(
      outboxBefore + 1,
    );
  });

  it("refuses to save over a newer version and says what changed (field, theirs, yours); nothing is written", async () => {
    const c = await reload(list[4]!.id);
    const [a, b] = [await insertUser(fresh.db, "a4@x.example"), await insertUser(fresh.db, "b4@x.example")];
    await addMember(fresh.db, a.id, c.id, "owner");
    await addMember(fresh.db, b.id, c.id, "editor");
    const opened = toFormValues(c);
    const first = await saveListing(fresh.db, a, {
      id: c.id,
      version: c.version,
      values: { ...opened, sessionMin: "400", waitDays: "3" },
    });
    expect(first.ok).toBe(true);
    const snap = await snapshot(fresh.db);
    const second = await saveListing(fresh.db, b, {
      id: c.id,
      version: c.version,
      values: { ...opened, sessionMin: "450" },
    });
    expect(second.ok).toBe(false);
    if (second.ok || second.code !== "conflict") throw new Error("expected a conflict");
    expect(second.currentVersion).toBe(c.version + 1);
    const byField = Object.fromEntries(second.conflicts.map((x) => [x.field, x]));
    expect(byField.sessionMin).toMatchObject({ theirs: "$400", yours: "$450" });
    expect(byField.waitDays).toMatchObject({ theirs: "3" });
    expect(await snapshot(fresh.db)).toEqual(snap);
  });

  it("returns field errors and writes nothing for invalid input or privileged fields", async () => {
    const c = await reload(list[5]!.id);
    const o = await insertUser(fresh.db, "o5@x.example");
    await addMember(fresh.db, o.id, c.id, "owner");
    const snap = await snapshot(fresh.db);
    const bad = await saveListing(fresh.db, o, {
      id: c.id,
      version: c.version,
      values: { ...toFormValues(c), website: "javascript:alert(1)", sessionMin: "lots" },
    });
    expect(bad).toMatchObject({ ok: false, code: "invalid" });
    if (bad.ok || bad.code !== "invalid") return;
    expect(bad.errors.website).toMatch(/https/);
    expect(bad.errors.sessionMin).toBeTruthy();
    const sneaky = await saveListing(fresh.db, o, {
      id: c.id,
      version: c.version,
      values: {
        ...toFormValues(c),
        status: "published",
        lastVerifiedAt: "2030-01-01",
        priceSource: "verified",
      },
    });
    expect(sneaky).toMatchObject({ ok: false, code: "invalid" });
    // 10001 is a New York ZIP code: saying it is in California is refused, whatever the listing had.
    const wrongZip = await saveListing(fresh.db, o, {
      id: c.id,
      version: c.version,
      values: { ...toFormValues(c), state: "CA", postalCode: "10001" },
    });
    expect(wrongZip).toMatchObject({
      ok: false,
      code: "invalid",
      errors: { postalCode: "ZIP code 10001 is in NY, not CA." },
    });
    expect(await snapshot(fresh.db)).toEqual(snap);
  });

  it("restores an earlier version as a NEW revision, with a conflict check", async () => {
    const c = await reload(list[6]!.id);
    const o = await insertUser(fresh.db, "o6@x.example");
    await addMember(fresh.db, o.id, c.id, "owner");
    const v1 = toFormValues(c);
    await saveListing(fresh.db, o, {
      id: c.id,
      version: c.version,
      values: { ...v1, name: "Renamed Clinic", aftercareWeeks: "20" },
    });
    const mid = await reload(c.id);
    await saveListing(fresh.db, o, {
      id: c.id,
      version: mid.version,
      values: { ...toFormValues(mid), sessionMax: "2000" },
    });
    const now = await reload(c.id);
    const revs = await fresh.db
      .select()
      .from(listingRevisions)
      .where(eq(listingRevisions.clinicId, c.id))
      .orderBy(listingRevisions.id);
    expect(await valuesBeforeRevision(fresh.db, c.id, revs[0]!.id)).toMatchObject({
      name: c.name,
      aftercareWeeks: c.aftercareWeeks,
    });
    const stale = await restoreRevision(fresh.db, o, {
      id: c.id,
      version: mid.version,
      revisionId: revs[0]!.id,
    });
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    const r = await restoreRevision(fresh.db, o, { id: c.id, version: now.version, revisionId: revs[0]!.id });
    expect(r.ok).toBe(true);
    const restored = await reload(c.id);
    expect(restored.name).toBe(c.name);
    expect(restored.aftercareWeeks).toBe(c.aftercareWeeks);
    expect(restored.sessionMax).toBe(c.sessionMax);
    expect(restored.version).toBe(now.version + 1);
    const all = await fresh.db.select().from(listingRevisions).where(eq(listingRevisions.clinicId, c.id));
    expect(all).toHaveLength(3);
    expect(all.find((x) => x.version === restored.version)?.note).toMatch(/Restored/);
  });
});

describe("moderation and search", () => {
  it("a hidden listing leaves the index and comes back when shown again; verification is recorded", async () => {
    const e = inject("endpoints");
    const meili = createMeili(e.meiliHost, e.meiliKey, 30_000);
    const index = testIndexName("accounts");
    await ensureIndex(meili, index);
    const c = await reload(list[7]!.id);
    await drainOutbox(fresh.db, meili, index);
    const hidden = await setListingStatus(fresh.db, admin, {
      id: c.id,
      version: c.version,
      status: "suspended",
    });
    expect(hidden.ok).toBe(true);
    await drainOutbox(fresh.db, meili, index);
    await expect(meili.index(index).getDocument(c.id)).rejects.toThrow();
    const shown = await setListingStatus(fresh.db, admin, {
      id: c.id,
      version: c.version + 1,
      status: "published",
    });
    expect(shown.ok).toBe(true);
    await drainOutbox(fresh.db, meili, index);
    expect((await meili.index(index).getDocument(c.id)).id).toBe(c.id);
    const v = await markVerified(fresh.db, admin, { id: c.id, version: c.version + 2, verifyPrices: "on" });
    expect(v.ok).toBe(true);
    const after = await reload(c.id);
    expect(after.priceSource).toBe("verified");
    expect(Date.now() - after.lastVerifiedAt!.getTime()).toBeLessThan(60_000);
    await meili.deleteIndex(index);
  });
});

describe("CSV import", () => {
  const header = CSV_HEADER;
  const rowOf = csvRowOf;

  it("reports problems by row and column and imports nothing when any row is bad", async () => {
    const snap = await snapshot(fresh.db);
    const text = [
      header,
      rowOf(list[8]!),
      rowOf(list[9]!, { sessionMin: "cheap", website: "javascript:x" }),
      rowOf(list[10]!, { state: "ZZ" }),
    ].join("\n");
    const r = await startImport(fresh.db, admin, { fileName: "bad.csv", text });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: "sessionMin" }),
        expect.objectContaining({ row: 3, column: "website" }),
        expect.objectContaining({ row: 4, column: "state" }),
      ]),
    );
    expect(await snapshot(fresh.db)).toEqual(snap);
    const unknown = await startImport(fresh.db, admin, {
      fileName: "x.csv",
      text: `${header},status\n${rowOf(list[8]!)},published`,
    });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.issues[0]).toMatchObject({ row: 1, column: "status" });
  });

  it("lets columns be left out: they take the blank listing's values; the state is still required", async () => {
    const ok = await startImport(fresh.db, admin, {
      fileName: "short.csv",
      text: "name,city,state,routes,sessionMin\nShort Clinic,Denver,CO,iv_infusion,450\n",
    });
    expect(ok.ok).toBe(true);
    if (ok.ok)
      expect(ok.rows?.[0]).toMatchObject({
        integrationTherapy: "none",
        languages: ["English"],
        sessionMin: 45_000,
      });
    const noState = await startImport(fresh.db, admin, {
      fileName: "x.csv",
      text: "name,city,routes\nA,Denver,oral\n",
    });
    expect(noState.ok).toBe(false);
    if (!noState.ok) expect(noState.issues).toEqual([expect.objectContaining({ row: 2, column: "state" })]);
  });

  it("imports every row in one transaction with revisions and outbox rows, and fails as a whole", async () => {
    const rows = Array.from({ length: 600 }, (_, i) =>
      rowOf(list[i % list.length]!, { name: `Imported Clinic ${i}` }),
    );
    const r = await startImport(fresh.db, admin, {
      fileName: "many.csv",
      text: [header, ...rows].join("\r\n"),
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const before = (await fresh.db.select().from(clinics)).length;
    await runImport(fresh.db, admin, r.jobId, r.rows!);
    const created = await fresh.db.select().from(clinics).where(eq(clinics.dataSource, "import"));
    expect(created).toHaveLength(600);
    expect(new Set(created.map((c) => c.slug)).size).toBe(600);
    expect((await fresh.db.select().from(clinics)).length).toBe(before + 600);
    const revs = await fresh.db
      .select()
      .from(listingRevisions)
      .where(eq(listingRevisions.note, "Imported from a CSV file"));
    expect(revs).toHaveLength(600);

    // A row that breaks a database rule part-way (a duplicate id) rolls back every row.
    const again = await startImport(fresh.db, admin, {
      fileName: "again.csv",
      text: [header, ...rows.slice(0, 300)].join("\n"),
    });
    if (!again.ok) throw new Error("expected valid");
    const dup = again.rows!.map((x, i) => (i === 299 ? { ...x, id: created[0]!.id } : x));
    await runImport(fresh.db, admin, again.jobId, dup);
    expect((await fresh.db.select().from(clinics)).length).toBe(before + 600);
  });
});

describe("sign-in rate limit", () => {
  it("allows 5 requests per email and 20 per IP address in 15 minutes", async () => {
    const results = [];
    for (let i = 0; i < 6; i++)
      results.push(await signInRateLimit(fresh.db, { email: "rl@x.example", ip: "10.0.0.1" }));
    expect(results.slice(0, 5).every((r) => r.ok)).toBe(true);
    expect(results[5]).toMatchObject({ ok: false });
    // Six in one window: the wait runs past its end until those six weigh little enough (minutes).
    if (!results[5]!.ok) expect(results[5]!.retryAfterSeconds).toBeGreaterThan(300);
    if (!results[5]!.ok) expect(results[5]!.retryAfterSeconds).toBeLessThanOrEqual(2 * 900);
    // Same IP, other emails: 14 more pass (20 in all), the 21st is refused.
    const more = [];
    for (let i = 0; i < 15; i++)
      more.push(await signInRateLimit(fresh.db, { email: `rl${i}@x.example`, ip: "10.0.0.1" }));
    expect(more.filter((r) => r.ok)).toHaveLength(14);
    expect(more[14]?.ok).toBe(false);
    expect((await signInRateLimit(fresh.db, { email: "fresh@x.example", ip: "10.0.0.2" })).ok).toBe(true);
  });

  it("is a sliding window: a burst just before a window boundary still counts just after it, and decays", async () => {
    const boundary = Math.ceil(Date.now() / 900_000) * 900_000 + 900_000; // a future window start
    const at = (offsetSeconds: number) => new Date(boundary + offsetSeconds * 1000);
    const who = { email: "edge@x.example", ip: "10.0.0.3" };
    for (let i = 0; i < 5; i++) expect((await signInRateLimit(fresh.db, who, at(-5 + i))).ok).toBe(true);
    const after = await signInRateLimit(fresh.db, who, at(1));
    expect(after.ok).toBe(false);
    if (!after.ok) expect(after.retryAfterSeconds).toBeGreaterThan(100);
    // The wait it states is enough: one more request then is allowed.
    const wait = after.ok ? 0 : after.retryAfterSeconds;
    expect((await signInRateLimit(fresh.db, who, at(1 + wait))).ok).toBe(true);
    // Most of a window later the old burst weighs little: allowed again.
    expect((await signInRateLimit(fresh.db, who, at(800))).ok).toBe(true);
  });
});
