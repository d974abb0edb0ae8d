import { and, eq, inArray, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clinics, patientReports, searchOutbox, users, type Clinic } from "@/db/schema";
import { AuthzError, type SignedIn } from "@/lib/auth/authz";
import { runMigrations } from "@/lib/listings/derived";
import { updateListing } from "@/lib/listings/service";
import {
  decideComment,
  decideDispute,
  deletePatientReport,
  disputeReport,
  forgetPatient,
  patientReportQueue,
  publicReports,
  replyToReport,
  REPORT_LIMITS,
  submitPatientReport,
} from "@/lib/patient-reports/service";
import { freshDatabase } from "./support/db";
import { makeClinic } from "./support/clinic";
import { addMember, insertUser, snapshot } from "./support/accounts";

/** Patient reports (issue 16, part 1) against real PostgreSQL: the rules, the flag, the queue, forgetting. */

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let clinic: Clinic;
let admin: SignedIn;
let owner: SignedIn;
const patients: SignedIn[] = [];
let ipCounter = 0;
const ctx = () => ({ ip: `198.51.100.${++ipCounter}`, now: new Date("2026-11-29T12:00:00Z") });
const deps = () => ({ db: fresh.db });

/** Claims a 24-hour check-in and on-call help (and nothing else the form asks about). */
const claims = {
  followUp24h: true,
  onCall: "nurse" as const,
  onCallHours: "always" as const,
  integrationTherapy: "none" as const,
  integrationBy: "none" as const,
  supportGroups: "none" as const,
  prepSessions: 0,
  measurementBasedCare: false,
  digitalTools: [],
  lifestyle: [],
  recoveryRoom: false,
  writtenPlan: false,
};

const report = (over: Record<string, unknown> = {}) => ({
  clinicId: clinic.id,
  treatmentStart: "2026-09",
  route: "iv_infusion",
  answers: { followUp: "yes", onCall: "yes" },
  charged: "yes",
  comment: "",
  ...over,
});

const flag = async () =>
  (await fresh.db.select({ f: clinics.patientConfirmed }).from(clinics).where(eq(clinics.id, clinic.id)))[0]!
    .f;
const rowsOf = (userId: string) =>
  fresh.db.select().from(patientReports).where(eq(patientReports.userId, userId));

beforeAll(async () => {
  fresh = await freshDatabase();
  [clinic] = (await fresh.db
    .insert(clinics)
    .values(makeClinic({ ...claims, slug: "reports-clinic" }))
    .returning()) as [Clinic];
  admin = await insertUser(fresh.db, "admin@atlas.test", "admin");
  owner = await insertUser(fresh.db, "owner@test-clinic.example");
  await addMember(fresh.db, owner.id, clinic.id, "owner");
  for (let i = 0; i < 4; i++) patients.push(await insertUser(fresh.db, `patient${i}@mail.example`));
});
afterAll(() => fresh.drop());

describe("sending a report", () => {
  it("keeps one report per person, asks only about claimed supports, and holds the comment for an editor", async () => {
    const r = await submitPatientReport(
      deps(),
      patients[0]!,
      ctx(),
      report({ answers: { followUp: "yes", onCall: "no", recoveryRoom: "yes" }, comment: "They called." }),
    );
    expect(r).toEqual({ ok: true, created: true, commentPending: true });
    const [row] = await rowsOf(patients[0]!.id);
    expect(row!.answers).toEqual({ followUp: "yes", onCall: "no" }); // not claimed: not kept
    expect(row!.treatmentStart).toBe("2026-09-01");
    expect(row!.commentStatus).toBe("pending");
    const outbox = await fresh.db.select().from(searchOutbox).where(eq(searchOutbox.clinicId, clinic.id));
    expect(outbox.length).toBeGreaterThan(0);
    // Sent again: the same row, edited.
    const again = await submitPatientReport(deps(), patients[0]!, ctx(), report({ comment: "They called." }));
    expect(again).toMatchObject({ ok: true, created: false });
    expect(await rowsOf(patients[0]!.id)).toHaveLength(1);
    expect((await rowsOf(patients[0]!.id))[0]!.answers).toEqual({ followUp: "yes", onCall: "yes" });
  });

  it("refuses a treatment that started less than 2 weeks ago, and a missing answer, writing nothing", async () => {
    const before = await snapshot(fresh.db);
    const soon = await submitPatientReport(
      deps(),
      patients[1]!,
      ctx(),
      report({ treatmentStart: "2026-12" }),
    );
    expect(soon).toMatchObject({ ok: false, errors: { treatmentStart: expect.stringMatching(/2 weeks/) } });
    const missing = await submitPatientReport(
      deps(),
      patients[1]!,
      ctx(),
      report({ answers: { followUp: "yes" } }),
    );
    expect(missing).toMatchObject({ ok: false, errors: { "answers.onCall": "Choose an answer." } });
    const long = await submitPatientReport(deps(), patients[1]!, ctx(), report({ comment: "x".repeat(601) }));
    expect(long).toMatchObject({ ok: false, errors: { comment: expect.stringMatching(/600/) } });
    expect(await snapshot(fresh.db)).toEqual(before);
  });

  it("refuses the clinic's own members and its email domain, writing nothing", async () => {
    const sameDomain = await insertUser(fresh.db, "front.desk@test-clinic.example");
    const before = await snapshot(fresh.db);
    for (const who of [owner, sameDomain]) {
      const err = await submitPatientReport(deps(), who, ctx(), report()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AuthzError);
    }
    expect(await snapshot(fresh.db)).toEqual(before);
  });

  it("limits how many saves one account makes in a day", async () => {
    const busy = await insertUser(fresh.db, "busy@mail.example");
    for (let i = 0; i < REPORT_LIMITS.perUser; i++)
      expect((await submitPatientReport(deps(), busy, ctx(), report())).ok).toBe(true);
    await expect(submitPatientReport(deps(), busy, ctx(), report())).rejects.toMatchObject({
      code: "rate_limited",
    });
    await deletePatientReport(deps(), busy, { reportId: (await rowsOf(busy.id))[0]!.id });
  });
});

describe("publication and the confirmed flag", () => {
  it("shows counts from 3 reports, sets the flag in the same write, and drops it when a report is deleted", async () => {
    expect((await publicReports(fresh.db, clinic)).tally.reports).toBe(1);
    await submitPatientReport(deps(), patients[1]!, ctx(), report());
    expect(await flag()).toBe(false);
    await submitPatientReport(
      deps(),
      patients[2]!,
      ctx(),
      report({ answers: { followUp: "yes", onCall: "no" } }),
    );
    expect(await flag()).toBe(true); // followUp 3/3, onCall 2/3
    const pub = await publicReports(fresh.db, clinic);
    expect(pub.tally.reports).toBe(3);
    expect(pub.tally.supports.map((s) => [s.support.key, s.yes, s.asked])).toEqual([
      ["followUp", 3, 3],
      ["onCall", 2, 3],
    ]);
    const [mine] = await rowsOf(patients[1]!.id);
    await deletePatientReport(deps(), patients[1]!, { reportId: mine!.id });
    expect(await flag()).toBe(false);
    expect((await publicReports(fresh.db, clinic)).tally.reports).toBe(2);
    await submitPatientReport(deps(), patients[1]!, ctx(), report());
    expect(await flag()).toBe(true);
  });

  it("a listing write that changes what it claims recomputes the flag in its transaction", async () => {
    const current = (await fresh.db.select().from(clinics).where(eq(clinics.id, clinic.id)))[0]!;
    // Now it also claims a recovery room, which no report was asked about: not confirmed.
    const r = await updateListing(fresh.db, {
      id: clinic.id,
      userId: owner.id,
      expectedVersion: current.version,
      patch: { recoveryRoom: true },
    });
    expect(r.clinic.patientConfirmed).toBe(false);
    await updateListing(fresh.db, {
      id: clinic.id,
      userId: owner.id,
      expectedVersion: r.clinic.version,
      patch: { recoveryRoom: false },
    });
    expect(await flag()).toBe(true);
  });

  it("the migrate step corrects a stored flag that disagrees with the reports and the claims", async () => {
    // As if the flag had been stored under an older definition of the rule or of the claimed supports.
    const [unreported] = await fresh.db
      .insert(clinics)
      .values({ ...makeClinic({ ...claims, slug: "flag-without-reports" }), patientConfirmed: true })
      .returning();
    await fresh.db.update(clinics).set({ patientConfirmed: false }).where(eq(clinics.id, clinic.id));
    await fresh.db.delete(searchOutbox).where(inArray(searchOutbox.clinicId, [clinic.id, unreported!.id]));
    await runMigrations(fresh.url);
    expect(await flag()).toBe(true);
    const [after] = await fresh.db.select().from(clinics).where(eq(clinics.id, unreported!.id));
    expect(after!.patientConfirmed).toBe(false);
    const queued = await fresh.db.select({ id: searchOutbox.clinicId }).from(searchOutbox);
    expect(queued.map((q) => q.id).sort()).toEqual([clinic.id, unreported!.id].sort());
    await runMigrations(fresh.url); // nothing left to correct
    expect(await fresh.db.select().from(searchOutbox)).toHaveLength(2);
  });

  it("publishes a comment only once an editor approves it, signed with the year; the clinic replies once", async () => {
    expect((await publicReports(fresh.db, clinic)).comments).toEqual([]);
    const queue = await patientReportQueue(fresh.db, admin);
    const item = queue.find((q) => q.comment === "They called.")!;
    expect(item).toBeDefined();
    await decideComment(deps(), admin, { reportId: item.id, decision: "approved" });
    const pub = await publicReports(fresh.db, clinic);
    expect(pub.comments).toEqual([
      { id: item.id, treatmentStart: "2026-09-01", comment: "They called.", reply: null, sample: false },
    ]);
    expect(JSON.stringify(pub)).not.toMatch(/patient0|mail\.example|user/i);
    // The reply is the clinic's own words in public: checked like a listing's text, refused when flagged.
    const before = await snapshot(fresh.db);
    const err = await replyToReport(deps(), owner, {
      reportId: item.id,
      reply: "Thank you. Our infusions cure depression in most patients.",
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "misleading", message: expect.stringContaining("“cure”") });
    expect(await snapshot(fresh.db)).toEqual(before);
    await replyToReport(deps(), owner, { reportId: item.id, reply: "Thank you." });
    await expect(replyToReport(deps(), owner, { reportId: item.id, reply: "Again" })).rejects.toMatchObject({
      code: "already_replied",
    });
    expect((await publicReports(fresh.db, clinic)).comments[0]!.reply).toBe("Thank you.");
  });

  it("a dispute goes to the editors with both sides; upheld, the report leaves every count", async () => {
    const [target] = await rowsOf(patients[2]!.id);
    await disputeReport(deps(), owner, {
      reportId: target!.id,
      reason: "We have no record of this patient.",
    });
    await expect(
      disputeReport(deps(), owner, { reportId: target!.id, reason: "Twice" }),
    ).rejects.toMatchObject({ code: "already_disputed" });
    const item = (await patientReportQueue(fresh.db, admin)).find((q) => q.id === target!.id)!;
    expect(item.disputeReason).toBe("We have no record of this patient.");
    expect(item.answers).toEqual({ followUp: "yes", onCall: "no" });
    expect(await flag()).toBe(true);
    await decideDispute(deps(), admin, { reportId: target!.id, decision: "upheld" });
    expect((await publicReports(fresh.db, clinic)).tally.reports).toBe(2);
    expect(await flag()).toBe(false);
  });
});

describe("forgetting a person", () => {
  it("deletes their reports and their patient-only account, and recomputes the listing", async () => {
    await submitPatientReport(deps(), patients[3]!, ctx(), report());
    expect(await flag()).toBe(true);
    const r = await forgetPatient(fresh.db, "  PATIENT3@mail.example ");
    expect(r).toEqual({ reports: 1, accountDeleted: true });
    expect(await rowsOf(patients[3]!.id)).toEqual([]);
    expect(await fresh.db.select().from(users).where(eq(users.id, patients[3]!.id))).toEqual([]);
    expect(await flag()).toBe(false);
    // A clinic member keeps their account.
    expect(await forgetPatient(fresh.db, owner.email)).toEqual({ reports: 0, accountDeleted: false });
    expect(
      await fresh.db
        .select()
        .from(patientReports)
        .where(and(eq(patientReports.clinicId, clinic.id), isNull(patientReports.disputeStatus))),
    ).toHaveLength(2);
  });
});
