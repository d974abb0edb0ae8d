import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clinics, problemReports, type Clinic } from "@/db/schema";
import type { SignedIn } from "@/lib/auth/authz";
import {
  forgetReporter,
  openProblemReports,
  PROBLEM_LIMITS,
  resolveProblemReport,
  submitProblemReport,
} from "@/lib/reports/problems";
import { freshDatabase } from "./support/db";
import {
  addMember,
  apartFromListings,
  insertClinics,
  insertUser,
  siteUrl,
  snapshot,
  testMailer,
  waitForMail,
} from "./support/accounts";

/** "Report a problem with this listing" (issue 16, part 2), against real PostgreSQL and the SMTP sink. */

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let list: Clinic[];
let admin: SignedIn;
let owner: SignedIn;
let editor: SignedIn;
const deps = () => ({ db: fresh.db, mailer: testMailer(), siteUrl });
const reportsOf = (id: string) =>
  fresh.db.select().from(problemReports).where(eq(problemReports.clinicId, id));
let ipCounter = 0;
/** A fresh documentation address per call, so tests do not share a per-address budget. */
const nextIp = () => `192.0.2.${++ipCounter}`;

beforeAll(async () => {
  fresh = await freshDatabase();
  list = await insertClinics(fresh.db, 5, 51);
  admin = await insertUser(fresh.db, "admin@atlas.test", "admin");
  owner = await insertUser(fresh.db, "owner@problem-one.example");
  editor = await insertUser(fresh.db, "editor@problem-one.example");
  await addMember(fresh.db, owner.id, list[0]!.id, "owner");
  await addMember(fresh.db, editor.id, list[0]!.id, "editor");
});
afterAll(() => fresh.drop());

describe("report a problem", () => {
  it("anyone reports without signing in; the listing's members are emailed (without the reporter's email); an editor resolves it and the reporter is told, then the email is erased", async () => {
    const c = list[0]!;
    const r = await submitProblemReport(
      deps(),
      { ip: nextIp() },
      {
        clinicId: c.id,
        reason: "wrong_price",
        details: "They charged $600 a session, not $450.",
        email: "Reporter@Example.org",
      },
    );
    expect(r).toEqual({ ok: true, emailedMembers: 2 });
    const [row] = await reportsOf(c.id);
    expect(row).toMatchObject({ reason: "wrong_price", status: "open", email: "reporter@example.org" });
    for (const to of [owner.email, editor.email]) {
      const mail = await waitForMail(to, /reported a problem/);
      expect(mail.text).toContain("The prices are wrong");
      expect(mail.text).toContain("They charged $600");
      expect(mail.text).not.toContain("reporter@example.org");
      expect(mail.links).toContain(siteUrl(`/dashboard/listings/${c.id}`));
    }

    const queue = await openProblemReports(fresh.db, admin);
    const q = queue.find((x) => x.id === row!.id)!;
    expect(q).toMatchObject({ reason: "wrong_price", hasEmail: true });
    expect(q.clinic).toMatchObject({ id: c.id, sessionMin: c.sessionMin, sessionMax: c.sessionMax });
    expect(q).not.toHaveProperty("email");

    const done = await resolveProblemReport(deps(), admin, {
      reportId: row!.id,
      resolution: "fixed",
      note: "We corrected the prices.",
    });
    expect(done).toEqual({ emailed: true });
    const told = await waitForMail("reporter@example.org", /Your report about/);
    expect(told.text).toContain("Fixed: we corrected the listing");
    expect(told.text).toContain("We corrected the prices.");
    const [after] = await reportsOf(c.id);
    expect(after).toMatchObject({ status: "fixed", email: null, resolvedBy: admin.id });
    expect((await openProblemReports(fresh.db, admin)).some((x) => x.id === row!.id)).toBe(false);
    await expect(
      resolveProblemReport(deps(), admin, { reportId: row!.id, resolution: "not_a_problem", note: "" }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses bad input with field messages and stores nothing", async () => {
    const c = list[1]!;
    const before = await snapshot(fresh.db);
    const r = await submitProblemReport(
      deps(),
      { ip: nextIp() },
      { clinicId: c.id, reason: "bored", details: "x".repeat(1001), email: "not-an-email" },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(["details", "email", "reason"]);
    const extra = await submitProblemReport(
      deps(),
      { ip: nextIp() },
      { clinicId: c.id, reason: "other", status: "fixed" },
    );
    expect(extra.ok).toBe(false);
    // Unknown and unpublished listings are refused too.
    await fresh.db.update(clinics).set({ status: "suspended" }).where(eq(clinics.id, list[4]!.id));
    const hidden = await snapshot(fresh.db);
    await expect(
      submitProblemReport(deps(), { ip: nextIp() }, { clinicId: list[4]!.id, reason: "other" }),
    ).rejects.toMatchObject({ code: "not_found" });
    // (the refused attempt counted against the address's limit, nothing else)
    const afterHidden = await snapshot(fresh.db);
    expect({ ...afterHidden, rate_limits: "" }).toEqual({ ...hidden, rate_limits: "" });
    expect(apartFromListings({ ...afterHidden, rate_limits: "" })).toEqual(
      apartFromListings({ ...before, rate_limits: "" }),
    );
  });

  it("a filled honeypot looks like success and stores nothing", async () => {
    const c = list[1]!;
    const r = await submitProblemReport(
      deps(),
      { ip: nextIp() },
      { clinicId: c.id, reason: "other", details: "buy pills", website: "https://spam.example" },
    );
    expect(r).toEqual({ ok: true, emailedMembers: 0 });
    expect(await reportsOf(c.id)).toEqual([]);
  });

  it("limits reports per peer address (the unknown address is one shared bucket) and per listing", async () => {
    const c = list[2]!;
    const ip = nextIp();
    for (let i = 0; i < PROBLEM_LIMITS.perAddress; i++) {
      expect((await submitProblemReport(deps(), { ip }, { clinicId: c.id, reason: "other" })).ok).toBe(true);
    }
    await expect(
      submitProblemReport(deps(), { ip }, { clinicId: c.id, reason: "other" }),
    ).rejects.toMatchObject({ code: "rate_limited", message: expect.stringMatching(/wait \d+ minutes?/) });
    expect(await reportsOf(c.id)).toHaveLength(PROBLEM_LIMITS.perAddress);
    // Another address is not held up by the first.
    expect(
      (await submitProblemReport(deps(), { ip: nextIp() }, { clinicId: c.id, reason: "other" })).ok,
    ).toBe(true);
    // Per listing, whoever sends them.
    const d = list[3]!;
    for (let i = 0; i < PROBLEM_LIMITS.perListing; i++) {
      await submitProblemReport(deps(), { ip: nextIp() }, { clinicId: d.id, reason: "other" });
    }
    await expect(
      submitProblemReport(deps(), { ip: nextIp() }, { clinicId: d.id, reason: "other" }),
    ).rejects.toMatchObject({ code: "rate_limited" });
    expect(await reportsOf(d.id)).toHaveLength(PROBLEM_LIMITS.perListing);
  });

  it("requests whose address is unknown share one bucket", async () => {
    const c = list[2]!;
    for (let i = 0; i < PROBLEM_LIMITS.perAddress; i++) {
      await submitProblemReport(deps(), { ip: null }, { clinicId: c.id, reason: "other" });
    }
    await expect(
      submitProblemReport(deps(), { ip: null }, { clinicId: c.id, reason: "other" }),
    ).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("forgets a reporter: every report holding the email is deleted", async () => {
    const c = list[1]!;
    for (const reason of ["other", "closed_or_moved"]) {
      await submitProblemReport(
        deps(),
        { ip: nextIp() },
        { clinicId: c.id, reason, email: "forget-me@example.org" },
      );
    }
    expect(await forgetReporter(fresh.db, "Forget-Me@example.org")).toBe(2);
    expect(await reportsOf(c.id)).toEqual([]);
  });
});
