import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { clinicMembers, clinics, problemReports, users } from "@/db/schema";
import { requireAdmin, type Actor } from "@/lib/auth/authz";
import { addressLimit, checkLimits, waitText, type Limit } from "@/lib/auth/rate-limit";
import { SafeError } from "@/lib/errors";
import { fieldErrors } from "@/lib/listings/schema";
import { problemReportToClinicMail, problemResolvedMail } from "@/lib/mail/messages";
import { trySend, type Mailer } from "@/lib/mail/send";
import { PROBLEM_REASON_LABELS, PROBLEM_RESOLUTION_LABELS } from "@/lib/labels";
import { HONEYPOT_FIELD } from "./labels";
import { problemReportSchema, problemResolutionSchema } from "./schema";

/**
 * "Report a problem with this listing": anyone, without signing in, tells the editors something is
 * wrong. Limited per peer address (the sign-in limits' implementation) and per listing; a honeypot
 * field catches simple bots. The listing's members are emailed; an editor resolves the report and
 * the reporter, if they left an email, is told, after which the email is erased.
 */

export type ReportDeps = { db: Db; mailer: Mailer; siteUrl: (path: string) => string };

class ProblemReportError extends SafeError {}

export const PROBLEM_LIMITS = {
  perAddress: 5,
  perAddressWindowSeconds: 60 * 60,
  /** Reports on one listing a day, whoever sends them: bounds the mail its members get. */
  perListing: 20,
  perListingWindowSeconds: 24 * 60 * 60,
} as const;

export type ProblemOutcome =
  | { ok: true; emailedMembers: number }
  | { ok: false; code: "invalid"; message: string; errors: Record<string, string> };

export async function submitProblemReport(
  deps: ReportDeps,
  ctx: { ip: string | null },
  input: unknown,
): Promise<ProblemOutcome> {
  const parsed = problemReportSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      code: "invalid",
      message: "Some answers need fixing. Nothing was sent.",
      errors: fieldErrors(parsed.error) as Record<string, string>,
    };
  }
  const v = parsed.data;
  // A bot filled the field people never see: answer as if it worked, keep nothing.
  if (v[HONEYPOT_FIELD]) return { ok: true, emailedMembers: 0 };
  const limits: Limit[] = [
    addressLimit("problem", ctx.ip, PROBLEM_LIMITS.perAddress, PROBLEM_LIMITS.perAddressWindowSeconds),
    {
      key: `problem:listing:${v.clinicId}`,
      max: PROBLEM_LIMITS.perListing,
      windowSeconds: PROBLEM_LIMITS.perListingWindowSeconds,
    },
  ];
  const limit = await checkLimits(deps.db, limits);
  if (!limit.ok) {
    throw new ProblemReportError(
      "rate_limited",
      `Too many reports from your network just now. Please wait ${waitText(limit.retryAfterSeconds)} and try again.`,
    );
  }
  const [clinic] = await deps.db
    .select({ id: clinics.id, name: clinics.name, slug: clinics.slug })
    .from(clinics)
    .where(and(eq(clinics.id, v.clinicId), eq(clinics.status, "published")))
    .limit(1);
  if (!clinic) throw new ProblemReportError("not_found", "We could not find that listing.");
  await deps.db.insert(problemReports).values({
    clinicId: clinic.id,
    reason: v.reason,
    details: v.details,
    email: v.email ?? null,
  });
  const members = await deps.db
    .select({ email: users.email })
    .from(clinicMembers)
    .innerJoin(users, eq(users.id, clinicMembers.userId))
    .where(eq(clinicMembers.clinicId, clinic.id));
  let emailedMembers = 0;
  for (const m of members) {
    const sent = await trySend(
      deps.mailer,
      problemReportToClinicMail({
        to: m.email,
        clinicName: clinic.name,
        reason: PROBLEM_REASON_LABELS[v.reason],
        details: v.details,
        editUrl: deps.siteUrl(`/dashboard/listings/${clinic.id}`),
      }),
    );
    if (sent) emailedMembers++;
  }
  return { ok: true, emailedMembers };
}

/** The open reports, oldest first, each with the listing's CURRENT values (site editors only). */
export async function openProblemReports(db: Db, actor: Actor) {
  requireAdmin(actor);
  return db
    .select({
      id: problemReports.id,
      reason: problemReports.reason,
      details: problemReports.details,
      hasEmail: sql<boolean>`${problemReports.email} is not null`,
      createdAt: problemReports.createdAt,
      clinic: {
        id: clinics.id,
        slug: clinics.slug,
        name: clinics.name,
        status: clinics.status,
        city: clinics.city,
        state: clinics.state,
        street: clinics.street,
        phone: clinics.phone,
        website: clinics.website,
        sessionMin: clinics.sessionMin,
        sessionMax: clinics.sessionMax,
        seriesSessions: clinics.seriesSessions,
        seriesMin: clinics.seriesMin,
        seriesMax: clinics.seriesMax,
        priceUpdatedAt: clinics.priceUpdatedAt,
        updatedAt: clinics.updatedAt,
      },
    })
    .from(problemReports)
    .innerJoin(clinics, eq(clinics.id, problemReports.clinicId))
    .where(eq(problemReports.status, "open"))
    .orderBy(asc(problemReports.createdAt))
    .limit(100);
}

/**
 * An editor records how a report was resolved; the reporter, if they left an email, is told, and the
 * email is then erased (it was kept only for this). Returns whether the reporter was emailed.
 */
export async function resolveProblemReport(
  deps: ReportDeps,
  actor: Actor,
  input: unknown,
): Promise<{ emailed: boolean }> {
  const admin = requireAdmin(actor);
  const parsed = problemResolutionSchema.safeParse(input);
  if (!parsed.success)
    throw new ProblemReportError(
      "invalid_request",
      parsed.error.issues[0]?.message ?? "Reload the page and try again.",
    );
  const v = parsed.data;
  const [done] = await deps.db
    .update(problemReports)
    .set({
      status: v.resolution,
      resolutionNote: v.note,
      resolvedBy: admin.id,
      resolvedAt: sql`now()`,
    })
    .where(and(eq(problemReports.id, v.reportId), eq(problemReports.status, "open")))
    .returning({ email: problemReports.email, clinicId: problemReports.clinicId });
  if (!done) throw new ProblemReportError("not_found", "This report is no longer open.");
  if (!done.email) return { emailed: false };
  const [clinic] = await deps.db
    .select({ name: clinics.name, slug: clinics.slug })
    .from(clinics)
    .where(eq(clinics.id, done.clinicId));
  const emailed = await trySend(
    deps.mailer,
    problemResolvedMail({
      to: done.email,
      clinicName: clinic?.name ?? "the listing",
      resolution: PROBLEM_RESOLUTION_LABELS[v.resolution],
      note: v.note,
      listingUrl: deps.siteUrl(`/clinics/${clinic?.slug ?? ""}`),
    }),
  );
  if (emailed)
    await deps.db.update(problemReports).set({ email: null }).where(eq(problemReports.id, v.reportId));
  return { emailed };
}

/** Deletes every report that holds this email (a person's request to be forgotten); returns how many. */
export async function forgetReporter(db: Db, email: string): Promise<number> {
  const rows = await db
    .delete(problemReports)
    .where(eq(problemReports.email, email.trim().toLowerCase()))
    .returning({ id: problemReports.id });
  return rows.length;
}
