import "server-only";
import type { z } from "zod";
import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { clinics, patientReports, users, type PatientReport } from "@/db/schema";
import {
  assertCanEditListing,
  AuthzError,
  membershipRole,
  requireAdmin,
  requireUser,
  type Actor,
} from "@/lib/auth/authz";
import { addressLimit, checkLimits, waitText } from "@/lib/auth/rate-limit";
import { revalidateListingCaches } from "@/lib/cache";
import { emailFromClinicDomain } from "@/lib/claims/domain";
import { SafeError } from "@/lib/errors";
import { fieldErrors } from "@/lib/listings/schema";
import { claimById, claimsInText } from "@/lib/wording/misleading-claims";
import { isPublished, refreshPatientConfirmed } from "./confirmation";
import { claimedSupports, monthStart, startLongEnoughAgo, tallyReports, type ReportTally } from "./rules";
import {
  commentDecisionSchema,
  disputeDecisionSchema,
  disputeSchema,
  patientReportSchema,
  replySchema,
  reportIdSchema,
} from "./schema";

/**
 * Patient reports: a signed-in person (any account: a patient account is just an email) reports on
 * one clinic's aftercare. Who may do what:
 * - submit / edit / delete: the author (one report per person and clinic), never the clinic's own
 *   members or someone writing from its email domain;
 * - reply to an approved comment (once) and dispute a report (once): the listing's members (and site
 *   editors, who may edit any listing);
 * - approve or reject a comment, uphold or dismiss a dispute: site editors.
 * Every check runs before anything is written or counted, so a refused request changes no row. Every
 * write recomputes the listing's "confirmed by patients" flag in the same transaction.
 */

class PatientReportError extends SafeError {}

export const REPORT_LIMITS = {
  /** Report saves (new or edited) from one network address an hour. */
  perAddress: 20,
  perAddressWindowSeconds: 60 * 60,
  /** Report saves by one account a day. */
  perUser: 20,
  perUserWindowSeconds: 24 * 60 * 60,
} as const;

export type ReportOutcome =
  | { ok: true; created: boolean; commentPending: boolean }
  | { ok: false; code: "invalid"; message: string; errors: Record<string, string> };

const invalid = (message: string, errors: Record<string, string>): ReportOutcome => ({
  ok: false,
  code: "invalid",
  message,
  errors,
});

type Deps = { db: Db };

async function publishedClinic(db: Db, clinicId: string) {
  const [clinic] = await db
    .select()
    .from(clinics)
    .where(and(eq(clinics.id, clinicId), eq(clinics.status, "published")))
    .limit(1);
  if (!clinic) throw new PatientReportError("not_found", "We could not find that listing.");
  return clinic;
}

/**
 * Why this person may not report on this clinic (a member of the listing, or an address from its
 * email domain), or null.
 */
export async function reportRefusal(
  db: Db,
  user: { id: string; email: string },
  clinic: { id: string; website: string | null; contactEmail: string | null },
): Promise<string | null> {
  if ((await membershipRole(db, user.id, clinic.id)) !== null || emailFromClinicDomain(user.email, clinic))
    return "Reports come from patients: people who work for this clinic, or write from its email domain, cannot send one.";
  return null;
}

/** Sends or edits the actor's report on one clinic. */
export async function submitPatientReport(
  deps: Deps,
  actor: Actor,
  ctx: { ip: string | null; now?: Date },
  input: unknown,
): Promise<ReportOutcome> {
  const user = requireUser(actor);
  const parsed = patientReportSchema.safeParse(input);
  if (!parsed.success)
    return invalid(
      "Some answers need fixing. Nothing was sent.",
      fieldErrors(parsed.error) as Record<string, string>,
    );
  const v = parsed.data;
  const clinic = await publishedClinic(deps.db, v.clinicId);
  const refusal = await reportRefusal(deps.db, user, clinic);
  if (refusal) throw new AuthzError("forbidden", refusal);
  if (!startLongEnoughAgo(v.treatmentStart, ctx.now ?? new Date()))
    return invalid("Some answers need fixing. Nothing was sent.", {
      treatmentStart: "You can report once your treatment started at least 2 weeks ago.",
    });
  const claimed = claimedSupports(clinic);
  const missing = claimed.filter((s) => !v.answers[s.key]);
  if (missing.length > 0)
    return invalid("Some answers need fixing. Nothing was sent.", {
      [`answers.${missing[0]!.key}`]: "Choose an answer.",
      answers: `Answer every question about aftercare (${missing.map((s) => s.label.toLowerCase()).join(", ")}).`,
    });
  // Only what the listing claims is kept.
  const answers = Object.fromEntries(claimed.map((s) => [s.key, v.answers[s.key]!]));
  const limit = await checkLimits(deps.db, [
    addressLimit("patient-report", ctx.ip, REPORT_LIMITS.perAddress, REPORT_LIMITS.perAddressWindowSeconds),
    {
      key: `patient-report:user:${user.id}`,
      max: REPORT_LIMITS.perUser,
      windowSeconds: REPORT_LIMITS.perUserWindowSeconds,
    },
  ]);
  if (!limit.ok)
    throw new PatientReportError(
      "rate_limited",
      `Too many reports just now. Please wait ${waitText(limit.retryAfterSeconds)} and try again.`,
    );
  const result = await deps.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(patientReports)
      .where(and(eq(patientReports.userId, user.id), eq(patientReports.clinicId, clinic.id)))
      .for("update");
    const commentChanged = !existing || existing.comment !== v.comment;
    const comment = commentChanged
      ? {
          comment: v.comment,
          commentStatus: v.comment ? ("pending" as const) : null,
          commentDecidedBy: null,
          commentDecidedAt: null,
          // A reply answered the comment as it was.
          reply: null,
          replyBy: null,
          replyAt: null,
        }
      : {};
    const values = {
      treatmentStart: monthStart(v.treatmentStart)!,
      route: v.route,
      answers,
      charged: v.charged,
      ...comment,
    };
    if (existing)
      await tx
        .update(patientReports)
        .set({ ...values, updatedAt: sql`now()` })
        .where(eq(patientReports.id, existing.id));
    else await tx.insert(patientReports).values({ ...values, clinicId: clinic.id, userId: user.id });
    await refreshPatientConfirmed(tx, clinic.id);
    return {
      created: !existing,
      commentPending: v.comment !== "" && (commentChanged || existing?.commentStatus === "pending"),
    };
  });
  await revalidateListingCaches([clinic]);
  return { ok: true, ...result };
}

async function loadReport(db: Db, reportId: string): Promise<PatientReport> {
  const [r] = await db.select().from(patientReports).where(eq(patientReports.id, reportId)).limit(1);
  if (!r) throw new PatientReportError("not_found", "This report no longer exists.");
  return r;
}

function parseOr<T>(schema: z.ZodType<T>, input: unknown): T {
  const p = schema.safeParse(input);
  if (!p.success)
    throw new PatientReportError("invalid", p.error.issues[0]?.message ?? "Reload the page and try again.");
  return p.data;
}

/** The author deletes their report: it leaves every count, page and queue at once. */
export async function deletePatientReport(deps: Deps, actor: Actor, input: unknown): Promise<void> {
  const user = requireUser(actor);
  const { reportId } = parseOr(reportIdSchema, input);
  const report = await loadReport(deps.db, reportId);
  if (report.userId !== user.id)
    throw new AuthzError("forbidden", "Only the person who wrote a report can delete it.");
  await deps.db.transaction(async (tx) => {
    await tx.delete(patientReports).where(eq(patientReports.id, report.id));
    await refreshPatientConfirmed(tx, report.clinicId);
  });
  const [clinic] = await deps.db.select().from(clinics).where(eq(clinics.id, report.clinicId));
  if (clinic) await revalidateListingCaches([clinic]);
}

/** The actor's own report on a clinic, or null (for the form). */
export async function ownReport(db: Db, actor: Actor, clinicId: string): Promise<PatientReport | null> {
  const user = requireUser(actor);
  const [r] = await db
    .select()
    .from(patientReports)
    .where(and(eq(patientReports.userId, user.id), eq(patientReports.clinicId, clinicId)))
    .limit(1);
  return r ?? null;
}

type PublicComment = {
  id: string;
  treatmentStart: string;
  comment: string;
  reply: string | null;
  sample: boolean;
};

export type PublicReports = {
  tally: ReportTally;
  comments: PublicComment[];
  /** Some of the published reports are fictional sample data. */
  sample: boolean;
};

/**
 * What a profile shows (anyone may read it): the tally of the published reports (the page shows
 * per-support counts only from `PUBLISH_MIN_REPORTS`), and the approved comments with the clinic's
 * replies. Nothing that names or contacts an author leaves this function.
 */
export async function publicReports(
  db: Db,
  clinic: Parameters<typeof claimedSupports>[0] & { id: string },
): Promise<PublicReports> {
  const rows = await db
    .select({
      id: patientReports.id,
      answers: patientReports.answers,
      charged: patientReports.charged,
      treatmentStart: patientReports.treatmentStart,
      comment: patientReports.comment,
      commentStatus: patientReports.commentStatus,
      reply: patientReports.reply,
      sample: patientReports.sample,
    })
    .from(patientReports)
    .where(and(eq(patientReports.clinicId, clinic.id), isPublished))
    .orderBy(desc(patientReports.updatedAt));
  return {
    tally: tallyReports(claimedSupports(clinic), rows),
    sample: rows.some((r) => r.sample),
    comments: rows
      .filter((r) => r.commentStatus === "approved" && r.comment !== "")
      .map((r) => ({
        id: r.id,
        treatmentStart: r.treatmentStart,
        comment: r.comment,
        reply: r.reply,
        sample: r.sample,
      })),
  };
}

/** The published reports' counts of several listings at once (the compare table). */
export async function publicTallies(
  db: Db,
  listings: readonly (Parameters<typeof claimedSupports>[0] & { id: string })[],
): Promise<Map<string, ReportTally>> {
  const ids = listings.map((l) => l.id);
  const rows =
    ids.length === 0
      ? []
      : await db
          .select({
            clinicId: patientReports.clinicId,
            answers: patientReports.answers,
            charged: patientReports.charged,
          })
          .from(patientReports)
          .where(and(inArray(patientReports.clinicId, ids), isPublished));
  return new Map(
    listings.map((l) => [
      l.id,
      tallyReports(
        claimedSupports(l),
        rows.filter((r) => r.clinicId === l.id),
      ),
    ]),
  );
}

// ---------------------------------------------------------------- the clinic's side

/** Every report on a listing, for its members (and site editors): never the author's name or email. */
export async function reportsForListing(db: Db, actor: Actor, clinicId: string) {
  await assertCanEditListing(db, actor, clinicId);
  return db
    .select({
      id: patientReports.id,
      treatmentStart: patientReports.treatmentStart,
      route: patientReports.route,
      answers: patientReports.answers,
      charged: patientReports.charged,
      comment: patientReports.comment,
      commentStatus: patientReports.commentStatus,
      reply: patientReports.reply,
      disputeStatus: patientReports.disputeStatus,
      disputeReason: patientReports.disputeReason,
      sample: patientReports.sample,
      createdAt: patientReports.createdAt,
      updatedAt: patientReports.updatedAt,
    })
    .from(patientReports)
    .where(eq(patientReports.clinicId, clinicId))
    .orderBy(desc(patientReports.updatedAt));
}

/**
 * The listing's one public reply to an approved comment. It is the clinic's own words in public, so
 * it is checked against the list of misleading claims (lib/wording) like a listing's text; a reply
 * that makes one is refused with the phrases and why, and can be reworded and sent again.
 */
export async function replyToReport(deps: Deps, actor: Actor, input: unknown): Promise<void> {
  requireUser(actor);
  const v = parseOr(replySchema, input);
  const report = await loadReport(deps.db, v.reportId);
  const user = await assertCanEditListing(deps.db, actor, report.clinicId);
  if (report.commentStatus !== "approved")
    throw new PatientReportError("not_published", "You can reply once the comment is published.");
  const flagged = claimsInText(v.reply);
  if (flagged.length > 0)
    throw new PatientReportError(
      "misleading",
      `Your reply was not published: it makes a claim a ketamine clinic must not make. ${flagged
        .map((m) => `“${m.text}”: ${claimById(m.claim)?.why ?? ""}`)
        .join(" ")} Reword it and send it again.`,
    );
  const done = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(patientReports)
      .set({ reply: v.reply, replyBy: user.id, replyAt: sql`now()` })
      .where(
        and(
          eq(patientReports.id, report.id),
          eq(patientReports.commentStatus, "approved"),
          sql`${patientReports.reply} is null`,
        ),
      )
      .returning({ id: patientReports.id });
    if (row) await refreshPatientConfirmed(tx, report.clinicId);
    return row;
  });
  if (!done) throw new PatientReportError("already_replied", "This comment already has your reply.");
}

/** The listing disputes a report: it goes to the editors' queue with both sides. Once per report. */
export async function disputeReport(deps: Deps, actor: Actor, input: unknown): Promise<void> {
  requireUser(actor);
  const v = parseOr(disputeSchema, input);
  const report = await loadReport(deps.db, v.reportId);
  const user = await assertCanEditListing(deps.db, actor, report.clinicId);
  const [row] = await deps.db
    .update(patientReports)
    .set({
      disputeStatus: "open",
      disputeReason: v.reason,
      disputedBy: user.id,
      disputedAt: sql`now()`,
    })
    .where(and(eq(patientReports.id, report.id), sql`${patientReports.disputeStatus} is null`))
    .returning({ id: patientReports.id });
  if (!row) throw new PatientReportError("already_disputed", "This report has already been disputed.");
}

// ---------------------------------------------------------------- the editors' queue

/** Comments waiting for an editor and open disputes, oldest first, with both sides (site editors only). */
export async function patientReportQueue(db: Db, actor: Actor) {
  requireAdmin(actor);
  return db
    .select({
      id: patientReports.id,
      treatmentStart: patientReports.treatmentStart,
      answers: patientReports.answers,
      charged: patientReports.charged,
      comment: patientReports.comment,
      commentStatus: patientReports.commentStatus,
      disputeStatus: patientReports.disputeStatus,
      disputeReason: patientReports.disputeReason,
      updatedAt: patientReports.updatedAt,
      clinic: {
        id: clinics.id,
        slug: clinics.slug,
        name: clinics.name,
        aftercareParts: clinics.aftercareParts,
        writtenPlan: clinics.writtenPlan,
      },
    })
    .from(patientReports)
    .innerJoin(clinics, eq(clinics.id, patientReports.clinicId))
    .where(or(eq(patientReports.commentStatus, "pending"), eq(patientReports.disputeStatus, "open")))
    .orderBy(asc(patientReports.updatedAt))
    .limit(100);
}

/** An editor publishes or rejects a comment. */
export async function decideComment(deps: Deps, actor: Actor, input: unknown): Promise<void> {
  const admin = requireAdmin(actor);
  const v = parseOr(commentDecisionSchema, input);
  const done = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(patientReports)
      .set({ commentStatus: v.decision, commentDecidedBy: admin.id, commentDecidedAt: sql`now()` })
      .where(and(eq(patientReports.id, v.reportId), eq(patientReports.commentStatus, "pending")))
      .returning({ clinicId: patientReports.clinicId });
    if (row) await refreshPatientConfirmed(tx, row.clinicId);
    return row;
  });
  if (!done) throw new PatientReportError("not_found", "This comment is no longer waiting for a decision.");
}

/** An editor upholds a dispute (the report leaves every count and page) or dismisses it. */
export async function decideDispute(deps: Deps, actor: Actor, input: unknown): Promise<void> {
  const admin = requireAdmin(actor);
  const v = parseOr(disputeDecisionSchema, input);
  const done = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(patientReports)
      .set({ disputeStatus: v.decision, disputeDecidedBy: admin.id, disputeDecidedAt: sql`now()` })
      .where(and(eq(patientReports.id, v.reportId), eq(patientReports.disputeStatus, "open")))
      .returning({ clinicId: patientReports.clinicId });
    if (row) await refreshPatientConfirmed(tx, row.clinicId);
    return row;
  });
  if (!done) throw new PatientReportError("not_found", "This dispute is no longer open.");
}

// ---------------------------------------------------------------- a person's data

/**
 * Deletes every patient report written from this email and recomputes the listings they counted in;
 * then the account itself when it is only a patient's (no listing membership, not a site editor).
 */
export async function forgetPatient(
  db: Db,
  email: string,
): Promise<{ reports: number; accountDeleted: boolean }> {
  const normalized = email.trim().toLowerCase();
  const [user] = await db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(eq(users.email, normalized));
  if (!user) return { reports: 0, accountDeleted: false };
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(patientReports)
      .where(eq(patientReports.userId, user.id))
      .returning({ clinicId: patientReports.clinicId });
    for (const clinicId of new Set(deleted.map((d) => d.clinicId)))
      await refreshPatientConfirmed(tx, clinicId);
    const [{ n } = { n: 0 }] = await tx.execute<{ n: number }>(
      sql`select count(*)::int as n from clinic_members where user_id = ${user.id}`,
    );
    const accountDeleted = n === 0 && user.role !== "admin";
    if (accountDeleted) await tx.delete(users).where(eq(users.id, user.id));
    return { reports: deleted.length, accountDeleted };
  });
}
