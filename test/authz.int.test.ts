import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  claims,
  clinicInvites,
  clinics,
  patientReports,
  problemReports,
  wordingReviews,
  type Clinic,
} from "@/db/schema";
import { rebuildSearch, searchSyncHealth } from "@/lib/admin/search";
import { AuthzError, type Actor, type SignedIn } from "@/lib/auth/authz";
import { decideClaim, inviteEditor, removeMember, submitClaim } from "@/lib/claims/service";
import { restoreRevision, saveListing } from "@/lib/listings/edit";
import { getImportJob, runImport, startImport } from "@/lib/listings/import";
import { createListingAsAdmin, markVerified, setListingStatus } from "@/lib/listings/moderation";
import { toCsvLine } from "@/lib/listings/csv";
import { LISTING_FIELDS } from "@/lib/listings/fields";
import { toFormValues } from "@/lib/listings/schema";
import { createMeili } from "@/lib/search/client";
import { decideWordingReview } from "@/lib/wording/reviews";
import { openProblemReports, resolveProblemReport } from "@/lib/reports/problems";
import { claimedSupports } from "@/lib/patient-reports/rules";
import {
  decideComment,
  decideDispute,
  deletePatientReport,
  disputeReport,
  patientReportQueue,
  replyToReport,
  reportsForListing,
  submitPatientReport,
} from "@/lib/patient-reports/service";
import { freshDatabase } from "./support/db";
import { addMember, insertClinics, insertUser, siteUrl, snapshot, testMailer } from "./support/accounts";

/**
 * The authorization matrix: anonymous, another clinic's owner, an editor, a plain member and an admin
 * against every mutating domain function (the server actions are thin wrappers over these). Each
 * refusal must be an AuthzError AND leave every table exactly as it was.
 */

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let clinic: Clinic;
let other: Clinic;
const people = {} as Record<
  "owner" | "editor" | "otherOwner" | "member" | "admin" | "claimant" | "author",
  SignedIn
>;
let pendingClaimId: string;
let inviteId: string;
let revisionId: number;
let wordingReviewId: string;
let problemReportId: string;
/** The author's report (comment waiting), another patient's (comment published) and a disputed one. */
const patient = {} as Record<"own" | "published" | "disputed", string>;

const meili = () => createMeili(inject("endpoints").meiliHost, inject("endpoints").meiliKey, 30_000);

beforeAll(async () => {
  fresh = await freshDatabase();
  const db = fresh.db;
  [clinic, other] = (await insertClinics(db, 2, 11)) as [Clinic, Clinic];
  people.owner = await insertUser(db, "owner@one.example");
  people.editor = await insertUser(db, "editor@one.example");
  people.otherOwner = await insertUser(db, "owner@two.example");
  people.member = await insertUser(db, "member@somewhere.example");
  people.admin = await insertUser(db, "admin@atlas.test", "admin");
  people.claimant = await insertUser(db, "claimant@elsewhere.example");
  people.author = await insertUser(db, "author@patients.example");
  await addMember(db, people.owner.id, clinic.id, "owner");
  await addMember(db, people.editor.id, clinic.id, "editor");
  await addMember(db, people.otherOwner.id, other.id, "owner");
  const [c] = await db
    .insert(claims)
    .values({ clinicId: clinic.id, userId: people.claimant.id, method: "manual" })
    .returning();
  pendingClaimId = c!.id;
  const [i] = await db
    .insert(clinicInvites)
    .values({ clinicId: clinic.id, email: "invited@one.example", invitedBy: people.owner.id })
    .returning();
  inviteId = i!.id;
  const [w] = await db
    .insert(wordingReviews)
    .values({ clinicId: clinic.id, matches: [], version: clinic.version })
    .returning();
  wordingReviewId = w!.id;
  const [p] = await db
    .insert(problemReports)
    .values({ clinicId: clinic.id, reason: "wrong_price", email: "reporter@else.example" })
    .returning();
  problemReportId = p!.id;
  const reportRow = (userId: string, over: Partial<typeof patientReports.$inferInsert>) => ({
    clinicId: clinic.id,
    userId,
    treatmentStart: "2026-01-01",
    route: "iv_infusion" as const,
    answers: {},
    charged: "yes" as const,
    ...over,
  });
  const [own, published, disputed] = await db
    .insert(patientReports)
    .values([
      reportRow(people.author.id, { comment: "Waiting", commentStatus: "pending" }),
      reportRow(people.claimant.id, { comment: "Published", commentStatus: "approved" }),
      reportRow(people.otherOwner.id, { disputeStatus: "open", disputeReason: "Not ours" }),
    ])
    .returning();
  patient.own = own!.id;
  patient.published = published!.id;
  patient.disputed = disputed!.id;
  // One real edit, so there is a revision to restore.
  const r = await saveListing(db, people.owner, {
    id: clinic.id,
    version: clinic.version,
    values: { ...toFormValues(clinic), aftercareWeeks: String(clinic.aftercareWeeks + 1) },
  });
  if (!r.ok) throw new Error(`setup edit failed: ${JSON.stringify(r)}`);
  clinic = (await db.select().from(clinics).where(eq(clinics.id, clinic.id)))[0]!;
  revisionId = (await db.query.listingRevisions.findFirst({
    where: (t, { eq }) => eq(t.clinicId, clinic.id),
  }))!.id;
});
afterAll(() => fresh.drop());

const deps = () => ({ db: fresh.db, mailer: testMailer(), siteUrl });
const csv = () => {
  const values = toFormValues(clinic);
  const row = LISTING_FIELDS.map((f) => {
    const v = values[f];
    return Array.isArray(v) ? v.join("; ") : typeof v === "boolean" ? (v ? "yes" : "no") : v;
  });
  return `${toCsvLine(LISTING_FIELDS)}\n${toCsvLine(row.map((x) => x.replace("Fictional", "Imported")))}\n`;
};

type Who = keyof typeof people | "anonymous";
const actorOf = (who: Who): Actor => (who === "anonymous" ? null : people[who]);

/** Every mutating function, with who may use it. The rest must be refused. */
const ACTIONS: { name: string; allowed: Who[]; run: (actor: Actor) => Promise<unknown> }[] = [
  {
    name: "save the listing editor",
    allowed: ["owner", "editor", "admin"],
    run: (a) =>
      saveListing(fresh.db, a, {
        id: clinic.id,
        version: clinic.version,
        values: { ...toFormValues(clinic), sessionMin: "1", name: "Hijacked" },
      }),
  },
  {
    name: "restore an earlier version",
    allowed: ["owner", "admin"],
    run: (a) => restoreRevision(fresh.db, a, { id: clinic.id, version: clinic.version, revisionId }),
  },
  {
    name: "invite an editor",
    allowed: ["owner", "admin"],
    run: (a) => inviteEditor(deps(), a, { clinicId: clinic.id, email: "intruder@evil.example" }),
  },
  {
    name: "remove an editor",
    allowed: ["owner", "admin"],
    run: (a) => removeMember(deps(), a, { clinicId: clinic.id, userId: people.editor.id }),
  },
  {
    name: "withdraw an invitation",
    allowed: ["owner", "admin"],
    run: (a) => removeMember(deps(), a, { clinicId: clinic.id, inviteId }),
  },
  {
    name: "approve a claim",
    allowed: ["admin"],
    run: (a) => decideClaim(deps(), a, { claimId: pendingClaimId, decision: "approve", note: "" }),
  },
  {
    name: "reject a claim",
    allowed: ["admin"],
    run: (a) => decideClaim(deps(), a, { claimId: pendingClaimId, decision: "reject", note: "no" }),
  },
  {
    name: "hide (suspend) a listing",
    allowed: ["admin"],
    run: (a) =>
      setListingStatus(fresh.db, a, { id: clinic.id, version: clinic.version, status: "suspended" }),
  },
  {
    name: "mark a listing verified",
    allowed: ["admin"],
    run: (a) => markVerified(fresh.db, a, { id: clinic.id, version: clinic.version, verifyPrices: true }),
  },
  {
    name: "create a listing",
    allowed: ["admin"],
    run: (a) => createListingAsAdmin(fresh.db, a, { values: toFormValues(clinic), status: "published" }),
  },
  {
    name: "start a CSV import",
    allowed: ["admin"],
    run: (a) => startImport(fresh.db, a, { fileName: "x.csv", text: csv() }),
  },
  {
    name: "run a CSV import",
    allowed: ["admin"],
    run: (a) => runImport(fresh.db, a, "00000000-0000-4000-8000-000000000000", []),
  },
  {
    name: "rebuild the search index",
    allowed: ["admin"],
    run: (a) => rebuildSearch({ db: fresh.db, meili: meili(), indexName: "authz_never" }, a),
  },
  {
    name: "read search sync health",
    allowed: ["admin"],
    run: (a) => searchSyncHealth({ db: fresh.db, meili: meili(), indexName: "authz_never" }, a),
  },
  {
    name: "accept a listing's flagged wording",
    allowed: ["admin"],
    run: (a) => decideWordingReview(fresh.db, a, { reviewId: wordingReviewId, decision: "approved" }),
  },
  {
    name: "resolve a reported problem",
    allowed: ["admin"],
    run: (a) => resolveProblemReport(deps(), a, { reportId: problemReportId, resolution: "fixed", note: "" }),
  },
  {
    name: "read the reported problems (with the listing's values)",
    allowed: ["admin"],
    run: (a) => openProblemReports(fresh.db, a),
  },
  {
    name: "send or edit a patient report (the listing's own people may not)",
    allowed: ["otherOwner", "member", "admin", "claimant", "author"],
    run: (a) =>
      submitPatientReport(
        { db: fresh.db },
        a,
        { ip: "192.0.2.77" },
        {
          clinicId: clinic.id,
          treatmentStart: "2026-01",
          route: "iv_infusion",
          answers: Object.fromEntries(claimedSupports(clinic).map((x) => [x.key, "no"])),
          charged: "more",
          comment: "Hijacked",
        },
      ),
  },
  {
    name: "delete a patient's report",
    allowed: ["author"],
    run: (a) => deletePatientReport({ db: fresh.db }, a, { reportId: patient.own }),
  },
  {
    name: "reply to a patient's comment",
    allowed: ["owner", "editor", "admin"],
    run: (a) => replyToReport({ db: fresh.db }, a, { reportId: patient.published, reply: "Hijacked" }),
  },
  {
    name: "dispute a patient's report",
    allowed: ["owner", "editor", "admin"],
    run: (a) => disputeReport({ db: fresh.db }, a, { reportId: patient.published, reason: "Hijacked" }),
  },
  {
    name: "read a listing's patient reports",
    allowed: ["owner", "editor", "admin"],
    run: (a) => reportsForListing(fresh.db, a, clinic.id),
  },
  {
    name: "publish a patient's comment",
    allowed: ["admin"],
    run: (a) => decideComment({ db: fresh.db }, a, { reportId: patient.own, decision: "approved" }),
  },
  {
    name: "uphold a dispute of a patient's report",
    allowed: ["admin"],
    run: (a) => decideDispute({ db: fresh.db }, a, { reportId: patient.disputed, decision: "upheld" }),
  },
  {
    name: "read the patient reports queue",
    allowed: ["admin"],
    run: (a) => patientReportQueue(fresh.db, a),
  },
  {
    name: "claim a listing",
    allowed: ["owner", "editor", "otherOwner", "member", "admin", "claimant", "author"],
    run: (a) => submitClaim(deps(), a, { clinicId: other.id }),
  },
];

const EVERYONE: Who[] = ["anonymous", "otherOwner", "editor", "member", "admin", "owner", "author"];

describe("authorization matrix", () => {
  for (const action of ACTIONS) {
    for (const who of EVERYONE.filter((w) => !action.allowed.includes(w))) {
      it(`${who} cannot ${action.name}, and nothing changes`, async () => {
        const before = await snapshot(fresh.db);
        const err = await action.run(actorOf(who)).then(
          () => null,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(AuthzError);
        expect((err as AuthzError).code).toBe(who === "anonymous" ? "unauthenticated" : "forbidden");
        expect((err as AuthzError).message).not.toMatch(/select|insert|uuid|postgres/i);
        expect(await snapshot(fresh.db)).toEqual(before);
      });
    }
  }

  it("an editor may edit but the same call by another clinic's owner changed nothing (the matrix is not vacuous)", async () => {
    const before = await snapshot(fresh.db);
    const r = await saveListing(fresh.db, people.editor, {
      id: clinic.id,
      version: clinic.version,
      values: { ...toFormValues(clinic), waitDays: "9" },
    });
    expect(r.ok).toBe(true);
    expect(await snapshot(fresh.db)).not.toEqual(before);
  });

  it("the author may delete their report, and it leaves the listing's counts (the patient rows are not vacuous)", async () => {
    const before = await snapshot(fresh.db);
    await deletePatientReport({ db: fresh.db }, people.author, { reportId: patient.own });
    expect(await snapshot(fresh.db)).not.toEqual(before);
    expect(await fresh.db.select().from(patientReports).where(eq(patientReports.id, patient.own))).toEqual(
      [],
    );
  });

  it("an admin's import job is visible to admins only", async () => {
    const started = await startImport(fresh.db, people.admin, { fileName: "one.csv", text: csv() });
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    await runImport(fresh.db, people.admin, started.jobId, started.rows ?? []);
    expect((await getImportJob(fresh.db, people.admin, started.jobId))?.status).toBe("done");
    await expect(getImportJob(fresh.db, people.owner, started.jobId)).rejects.toBeInstanceOf(AuthzError);
  });
});
