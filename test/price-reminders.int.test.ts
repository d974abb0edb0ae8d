import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  clinicMembers,
  clinics,
  listingRevisions,
  priceReminders,
  searchOutbox,
  type Clinic,
} from "@/db/schema";
import type { SignedIn } from "@/lib/auth/authz";
import { readMailbox } from "@/lib/mail/mailbox";
import { hashLinkToken, LINK_DAYS } from "@/lib/prices/links";
import { confirmPrices, inspectPriceLink, sendPriceReminders } from "@/lib/prices/reminders";
import { inject } from "vitest";
import { freshDatabase } from "./support/db";
import {
  addMember,
  insertClinics,
  insertUser,
  siteUrl,
  snapshot,
  testMailer,
  waitForMail,
} from "./support/accounts";

/**
 * The price reminder job's schedule (issue 16, part 3) and its one-click link, against real PostgreSQL
 * and the SMTP sink. Time is passed in (`now`), so a year of reminders runs in a second. Each test
 * starts with no owners and no reminders, so only its own listings are due.
 */

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let seed = 700;
const deps = () => ({ db: fresh.db, mailer: testMailer(), siteUrl });
const DAY = 86_400_000;
const P = "2026-01-01";
/** `days` days after the price date P, at 09:00 UTC. */
const at = (days: number) => new Date(Date.parse(`${P}T09:00:00Z`) + days * DAY);
const dateAt = (days: number) => at(days).toISOString().slice(0, 10);

beforeAll(async () => {
  fresh = await freshDatabase();
});
afterAll(() => fresh.drop());
beforeEach(async () => {
  await fresh.db.delete(priceReminders).where(sql`true`);
  await fresh.db.delete(clinicMembers).where(sql`true`);
});

/** `n` published listings with prices dated `priceDate`, each with its own owner (and one editor). */
async function ownedListings(n: number, priceDate: string | null = P) {
  const list = await insertClinics(fresh.db, n, seed++);
  const out: { clinic: Clinic; owner: SignedIn; editor: SignedIn }[] = [];
  for (const c of list) {
    await fresh.db.update(clinics).set({ priceUpdatedAt: priceDate }).where(eq(clinics.id, c.id));
    const owner = await insertUser(fresh.db, `owner-${c.id.slice(0, 8)}@remind.example`);
    const editor = await insertUser(fresh.db, `editor-${c.id.slice(0, 8)}@remind.example`);
    await addMember(fresh.db, owner.id, c.id, "owner");
    await addMember(fresh.db, editor.id, c.id, "editor");
    const [row] = await fresh.db.select().from(clinics).where(eq(clinics.id, c.id));
    out.push({ clinic: row!, owner, editor });
  }
  return out;
}

const run = (days: number) => sendPriceReminders(deps(), { now: at(days) });
const sentFor = (r: Awaited<ReturnType<typeof run>>, id: string) =>
  r.due.filter((d) => d.clinicId === id).map((d) => d.kind);
const mailsTo = (to: string) => readMailbox(inject("mail").dir, { to });
const tokenOf = (text: string) => /\/verify-prices\?token=([A-Za-z0-9_-]{43})/.exec(text)![1]!;

describe("the reminder job's schedule", () => {
  it("90-day reminder once to the owners only; not again within 30 days nor for the same prices; the 12-month reminder after a year; then nothing", async () => {
    const { clinic, owner, editor } = (await ownedListings(1))[0]!;
    expect(sentFor(await run(89), clinic.id)).toEqual([]);

    const first = await run(90);
    expect(first).toMatchObject({ sent: 1, failed: 0, busy: false });
    expect(sentFor(first, clinic.id)).toEqual(["90_days"]);
    const mail = await waitForMail(owner.email, /still correct\?/);
    expect(mail.subject).toBe(`Are the prices of ${clinic.name} still correct?`);
    expect(mail.text).toContain("were last updated on Jan 1, 2026");
    expect(mail.text).toContain(`for ${LINK_DAYS} days`);
    expect(mail.links).toContain(siteUrl(`/dashboard/listings/${clinic.id}`));
    expect(mailsTo(editor.email)).toEqual([]);
    // Only the token's hash is stored.
    const token = tokenOf(mail.text);
    const [row] = await fresh.db.select().from(priceReminders).where(eq(priceReminders.clinicId, clinic.id));
    expect(row).toMatchObject({ kind: "90_days", priceDate: P, userId: owner.id, usedAt: null });
    expect(row!.tokenHash).toBe(hashLinkToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row!.expiresAt.getTime() - row!.sentAt.getTime()).toBe(LINK_DAYS * DAY);

    for (const days of [90, 91, 119, 120, 200, 365]) expect(sentFor(await run(days), clinic.id)).toEqual([]);

    const second = await run(366);
    expect(sentFor(second, clinic.id)).toEqual(["12_months"]);
    const stale = await waitForMail(owner.email, /over a year old/);
    expect(stale.subject).toBe(`The prices of ${clinic.name} are over a year old`);
    expect(tokenOf(stale.text)).not.toBe(token);

    for (const days of [367, 400, 500, 800]) expect(sentFor(await run(days), clinic.id)).toEqual([]);
    expect(mailsTo(owner.email)).toHaveLength(2);
    expect(mailsTo(editor.email)).toEqual([]);
  });

  it("at most one reminder per listing in 30 days: a 90-day reminder sent late holds the 12-month one back", async () => {
    const { clinic } = (await ownedListings(1))[0]!;
    expect(sentFor(await run(350), clinic.id)).toEqual(["90_days"]);
    expect(sentFor(await run(366), clinic.id)).toEqual([]);
    expect(sentFor(await run(379), clinic.id)).toEqual([]);
    expect(sentFor(await run(380), clinic.id)).toEqual(["12_months"]);
  });

  it("skips listings that are not published, have no owner, or have undated prices", async () => {
    const [draft, suspended, ownerless, undated, live] = await ownedListings(5);
    await fresh.db.update(clinics).set({ status: "draft" }).where(eq(clinics.id, draft!.clinic.id));
    await fresh.db.update(clinics).set({ status: "suspended" }).where(eq(clinics.id, suspended!.clinic.id));
    await fresh.db.delete(clinicMembers).where(eq(clinicMembers.clinicId, ownerless!.clinic.id));
    await addMember(fresh.db, ownerless!.owner.id, ownerless!.clinic.id, "editor");
    await fresh.db.update(clinics).set({ priceUpdatedAt: null }).where(eq(clinics.id, undated!.clinic.id));
    const r = await run(400);
    expect(r.due.map((d) => d.clinicId)).toEqual([live!.clinic.id]);
    expect(r.sent).toBe(1);
    for (const x of [draft, suspended, ownerless, undated]) expect(mailsTo(x!.owner.email)).toEqual([]);
  });

  it("a dry run lists what is due and sends and records nothing", async () => {
    const [a, b] = await ownedListings(2);
    await fresh.db
      .update(clinics)
      .set({ priceUpdatedAt: dateAt(-300) })
      .where(eq(clinics.id, b!.clinic.id));
    const before = await snapshot(fresh.db);
    const dry = await sendPriceReminders(deps(), { now: at(100), dryRun: true });
    expect(dry.sent).toBe(0);
    expect(dry.due.map((d) => [d.clinicId, d.kind, d.owners.map((o) => o.email)])).toEqual([
      [b!.clinic.id, "12_months", [b!.owner.email]],
      [a!.clinic.id, "90_days", [a!.owner.email]],
    ]);
    expect(await snapshot(fresh.db)).toEqual(before);
    await new Promise((r) => setTimeout(r, 300));
    expect(mailsTo(a!.owner.email)).toEqual([]);
    expect(mailsTo(b!.owner.email)).toEqual([]);
    // The real pass then sends exactly what the dry run listed.
    const real = await run(100);
    expect(real.due).toEqual(dry.due);
  });

  it("two passes at once (two processes) send each reminder once", async () => {
    const owned = await ownedListings(3);
    const [x, y] = await Promise.all([run(95), run(95)]);
    expect(x.sent + y.sent).toBe(3);
    const rows = await fresh.db.select().from(priceReminders);
    expect(rows.map((r) => r.clinicId).sort()).toEqual(owned.map((o) => o.clinic.id).sort());
  });
});

describe("the one-click link", () => {
  it("dates the prices today in one write (revision, outbox), works once, and changes nothing when refused", async () => {
    const { clinic, owner } = (await ownedListings(1))[0]!;
    await fresh.db.update(clinics).set({ priceSource: "verified" }).where(eq(clinics.id, clinic.id));
    await run(120);
    const token = tokenOf((await waitForMail(owner.email, /still correct\?/)).text);
    const now = at(125);

    // Opening the page spends nothing.
    expect(await inspectPriceLink(fresh.db, token, now)).toMatchObject({
      ok: true,
      clinic: { id: clinic.id, priceUpdatedAt: P },
    });
    const [before] = await fresh.db.select().from(clinics).where(eq(clinics.id, clinic.id));
    const outboxBefore = await fresh.db.$count(searchOutbox, eq(searchOutbox.clinicId, clinic.id));

    const ok = await confirmPrices(fresh.db, token, now);
    expect(ok).toMatchObject({ ok: true, clinic: { id: clinic.id, priceUpdatedAt: dateAt(125) } });
    const [after] = await fresh.db.select().from(clinics).where(eq(clinics.id, clinic.id));
    expect(after).toMatchObject({
      priceUpdatedAt: dateAt(125),
      priceSource: "clinic_reported",
      version: before!.version + 1,
    });
    const [rev] = await fresh.db
      .select()
      .from(listingRevisions)
      .where(eq(listingRevisions.clinicId, clinic.id))
      .orderBy(desc(listingRevisions.id))
      .limit(1);
    expect(rev).toMatchObject({ userId: owner.id, version: after!.version });
    expect(rev!.changes).toMatchObject({ priceUpdatedAt: { before: P, after: dateAt(125) } });
    expect(await fresh.db.$count(searchOutbox, eq(searchOutbox.clinicId, clinic.id))).toBe(outboxBefore + 1);
    const [spent] = await fresh.db
      .select()
      .from(priceReminders)
      .where(eq(priceReminders.clinicId, clinic.id));
    expect(spent!.usedAt).toEqual(now);

    // Used twice: refused, nothing changed.
    const snap = await snapshot(fresh.db);
    expect(await confirmPrices(fresh.db, token, at(126))).toEqual({ ok: false, refusal: "used" });
    expect(await inspectPriceLink(fresh.db, token, at(126))).toEqual({ ok: false, refusal: "used" });
    // Tampered or made up: unknown.
    const tampered = (token[0] === "A" ? "B" : "A") + token.slice(1);
    for (const bad of [tampered, "", "nonsense", null, { token }, `${token}x`])
      expect(await confirmPrices(fresh.db, bad, at(126))).toEqual({ ok: false, refusal: "unknown" });
    expect(await snapshot(fresh.db)).toEqual(snap);

    // The confirmed prices start a new count: the next reminder is 90 days after the new date.
    expect(sentFor(await run(125 + 89), clinic.id)).toEqual([]);
    expect(sentFor(await run(125 + 90), clinic.id)).toEqual(["90_days"]);
  });

  it("refuses an expired link, and a link whose recipient no longer owns the listing", async () => {
    const [a, b] = await ownedListings(2);
    await run(100);
    const tokenA = tokenOf((await waitForMail(a!.owner.email, /still correct\?/)).text);
    const tokenB = tokenOf((await waitForMail(b!.owner.email, /still correct\?/)).text);
    const snap = await snapshot(fresh.db);
    expect(await confirmPrices(fresh.db, tokenA, at(100 + LINK_DAYS))).toEqual({
      ok: false,
      refusal: "expired",
    });
    expect(await snapshot(fresh.db)).toEqual(snap);
    expect(await confirmPrices(fresh.db, tokenA, at(100 + LINK_DAYS - 0.01))).toMatchObject({ ok: true });

    await fresh.db
      .update(clinicMembers)
      .set({ role: "editor" })
      .where(and(eq(clinicMembers.clinicId, b!.clinic.id), eq(clinicMembers.userId, b!.owner.id)));
    const snapB = await snapshot(fresh.db);
    expect(await confirmPrices(fresh.db, tokenB, at(101))).toEqual({ ok: false, refusal: "not_owner" });
    expect(await snapshot(fresh.db)).toEqual(snapB);
    const [row] = await fresh.db.execute<{ used: boolean }>(
      sql`select used_at is not null as used from price_reminders where clinic_id = ${b!.clinic.id}`,
    );
    expect(row!.used).toBe(false);
  });
});
