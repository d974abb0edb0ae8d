import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { claims, clinicInvites, clinics, problemReports, wordingReviews, type Clinic } from "@/db/schema";
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
const people = {} as Record<"owner" | "editor" | "otherOwner" | "member" | "admin" | "claimant", SignedIn>;
let pendingClaimId: string;
let inviteId: string;
let revisionId: number;
let wordingReviewId: string;
let problemReportId: string;

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
    name: "claim a listing",
    allowed: ["owner", "editor", "otherOwner", "member", "admin", "claimant"],
    run: (a) => submitClaim(deps(), a, { clinicId: other.id }),
  },
];

const EVERYONE: Who[] = ["anonymous", "otherOwner", "editor", "member", "admin", "owner"];

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

  it("an admin's import job is visible to admins only", async () => {
    const started = await startImport(fresh.db, people.admin, { fileName: "one.csv", text: csv() });
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    await runImport(fresh.db, people.admin, started.jobId, started.rows ?? []);
    expect((await getImportJob(fresh.db, people.admin, started.jobId))?.status).toBe("done");
    await expect(getImportJob(fresh.db, people.owner, started.jobId)).rejects.toBeInstanceOf(AuthzError);
  });
});
