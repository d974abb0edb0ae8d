import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { claims, clinicInvites, clinicMembers, clinics, users } from "@/db/schema";
import { assertCanManageMembers, requireAdmin, requireUser, type Actor } from "@/lib/auth/authz";
import { pgErrorCode, SafeError } from "@/lib/errors";
import { claimApprovedMail, claimReceivedMail, claimRejectedMail, inviteMail } from "@/lib/mail/messages";
import { trySend, type Mailer, type OutgoingMail } from "@/lib/mail/send";
import { emailMatchesWebsite } from "./domain";
import { claimDecisionSchema, claimRequestSchema, inviteSchema, removeMemberSchema } from "./schema";

/**
 * Claims and memberships. Every function takes the acting person explicitly and authorizes before
 * it reads or writes anything for them; the server actions are thin wrappers around these.
 */
export type ClaimDeps = { db: Db; mailer: Mailer; siteUrl: (path: string) => string };

export class ClaimError extends SafeError {}

const notify = (deps: ClaimDeps, mail: OutgoingMail) => trySend(deps.mailer, mail);

const isUniqueViolation = (err: unknown) => pgErrorCode(err) === "23505";

async function findClinic(db: Db, clinicId: string) {
  const [c] = await db
    .select({
      id: clinics.id,
      name: clinics.name,
      slug: clinics.slug,
      website: clinics.website,
      status: clinics.status,
    })
    .from(clinics)
    .where(eq(clinics.id, clinicId))
    .limit(1);
  return c;
}

export type ClaimOutcome = { status: "approved" | "pending"; claimId: string; emailed: boolean };

/**
 * A signed-in person claims a published listing. Approved at once when their email's domain is the
 * listing website's domain (they become its owner), otherwise left pending for an admin.
 */
export async function submitClaim(deps: ClaimDeps, actor: Actor, input: unknown): Promise<ClaimOutcome> {
  const user = requireUser(actor);
  const { clinicId } = claimRequestSchema.parse(input);
  const clinic = await findClinic(deps.db, clinicId);
  if (!clinic || clinic.status !== "published") {
    throw new ClaimError("not_found", "We could not find that listing.");
  }
  const matches = emailMatchesWebsite(user.email, clinic.website);
  let claimId: string;
  try {
    claimId = await deps.db.transaction(async (tx) => {
      const [member] = await tx
        .select({ role: clinicMembers.role })
        .from(clinicMembers)
        .where(and(eq(clinicMembers.userId, user.id), eq(clinicMembers.clinicId, clinicId)));
      if (member) throw new ClaimError("already_member", "You already manage this listing.");
      const [row] = await tx
        .insert(claims)
        .values({
          clinicId,
          userId: user.id,
          method: matches ? "email_domain" : "manual",
          status: matches ? "approved" : "pending",
          decidedAt: matches ? sql`now()` : null,
          note: matches ? "Approved automatically: the email address is at the clinic's website domain." : "",
        })
        .returning({ id: claims.id });
      if (matches) {
        await tx.insert(clinicMembers).values({ userId: user.id, clinicId, role: "owner" });
      }
      return row!.id;
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new ClaimError(
        "already_pending",
        "You already asked to manage this listing. It is waiting for review.",
      );
    }
    throw err;
  }
  const emailed = await notify(
    deps,
    matches
      ? claimApprovedMail({
          to: user.email,
          clinicName: clinic.name,
          editUrl: deps.siteUrl(`/dashboard/listings/${clinicId}`),
        })
      : claimReceivedMail({
          to: user.email,
          clinicName: clinic.name,
          dashboardUrl: deps.siteUrl("/dashboard"),
        }),
  );
  return { status: matches ? "approved" : "pending", claimId, emailed };
}

/** An admin approves (claimant becomes owner) or rejects a pending claim, with a note; the claimant is emailed. */
export async function decideClaim(
  deps: ClaimDeps,
  actor: Actor,
  input: unknown,
): Promise<{ status: "approved" | "rejected"; emailed: boolean }> {
  const admin = requireAdmin(actor);
  const { claimId, decision, note } = claimDecisionSchema.parse(input);
  const status = decision === "approve" ? "approved" : "rejected";
  const decided = await deps.db.transaction(async (tx) => {
    const [claim] = await tx.select().from(claims).where(eq(claims.id, claimId)).for("update");
    if (!claim) throw new ClaimError("not_found", "We could not find that claim.");
    if (claim.status !== "pending")
      throw new ClaimError("already_decided", "This claim was already decided.");
    await tx
      .update(claims)
      .set({ status, note, decidedBy: admin.id, decidedAt: sql`now()` })
      .where(eq(claims.id, claimId));
    if (status === "approved") {
      await tx
        .insert(clinicMembers)
        .values({ userId: claim.userId, clinicId: claim.clinicId, role: "owner" })
        .onConflictDoUpdate({
          target: [clinicMembers.userId, clinicMembers.clinicId],
          set: { role: "owner" },
        });
    }
    const [who] = await tx
      .select({ email: users.email, clinicName: clinics.name })
      .from(users)
      .innerJoin(clinics, eq(clinics.id, claim.clinicId))
      .where(eq(users.id, claim.userId));
    return { ...claim, email: who!.email, clinicName: who!.clinicName };
  });
  const emailed = await notify(
    deps,
    status === "approved"
      ? claimApprovedMail({
          to: decided.email,
          clinicName: decided.clinicName,
          editUrl: deps.siteUrl(`/dashboard/listings/${decided.clinicId}`),
          note,
        })
      : claimRejectedMail({
          to: decided.email,
          clinicName: decided.clinicName,
          note,
          helpUrl: deps.siteUrl("/for-clinics"),
        }),
  );
  return { status, emailed };
}

/**
 * An owner (or admin) invites someone by email to edit the listing. With an account already, the
 * person becomes an editor at once; otherwise when they first sign in with that address.
 */
export async function inviteEditor(
  deps: ClaimDeps,
  actor: Actor,
  input: unknown,
): Promise<{ added: boolean; emailed: boolean }> {
  const { clinicId, email } = inviteSchema.parse(input);
  const inviter = await assertCanManageMembers(deps.db, actor, clinicId);
  const clinic = await findClinic(deps.db, clinicId);
  if (!clinic) throw new ClaimError("not_found", "We could not find that listing.");
  let added = false;
  try {
    added = await deps.db.transaction(async (tx) => {
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
      if (existing) {
        const inserted = await tx
          .insert(clinicMembers)
          .values({ userId: existing.id, clinicId, role: "editor" })
          .onConflictDoNothing()
          .returning({ userId: clinicMembers.userId });
        if (inserted.length === 0)
          throw new ClaimError("already_member", `${email} already helps manage this listing.`);
      }
      await tx.insert(clinicInvites).values({
        clinicId,
        email,
        role: "editor",
        invitedBy: inviter.id,
        acceptedAt: existing ? sql`now()` : null,
      });
      return Boolean(existing);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new ClaimError("already_invited", `${email} is already invited.`);
    throw err;
  }
  const emailed = await notify(
    deps,
    inviteMail({
      to: email,
      clinicName: clinic.name,
      inviter: inviter.email,
      hasAccount: added,
      signInUrl: deps.siteUrl(added ? `/dashboard/listings/${clinicId}` : `/signin?next=/dashboard`),
    }),
  );
  return { added, emailed };
}

/**
 * An owner (or admin) removes an editor, or withdraws an open invitation. Owners are removed by admins
 * only. Answers the email of whom it removed.
 */
export async function removeMember(
  deps: ClaimDeps,
  actor: Actor,
  input: unknown,
): Promise<{ email: string }> {
  const parsed = removeMemberSchema.parse(input);
  const user = await assertCanManageMembers(deps.db, actor, parsed.clinicId);
  if ("inviteId" in parsed) {
    const [gone] = await deps.db
      .delete(clinicInvites)
      .where(
        and(
          eq(clinicInvites.id, parsed.inviteId),
          eq(clinicInvites.clinicId, parsed.clinicId),
          isNull(clinicInvites.acceptedAt),
        ),
      )
      .returning({ email: clinicInvites.email });
    if (!gone) throw new ClaimError("not_found", "That invitation no longer exists.");
    return gone;
  }
  return deps.db.transaction(async (tx) => {
    const [m] = await tx
      .select({ role: clinicMembers.role, email: users.email })
      .from(clinicMembers)
      .innerJoin(users, eq(users.id, clinicMembers.userId))
      .where(and(eq(clinicMembers.clinicId, parsed.clinicId), eq(clinicMembers.userId, parsed.userId)))
      .for("update", { of: clinicMembers });
    if (!m) throw new ClaimError("not_found", "That person does not manage this listing.");
    if (m.role === "owner" && user.role !== "admin") {
      throw new ClaimError("owner_protected", "Only a site editor can remove an owner.");
    }
    await tx
      .delete(clinicMembers)
      .where(and(eq(clinicMembers.clinicId, parsed.clinicId), eq(clinicMembers.userId, parsed.userId)));
    return { email: m.email };
  });
}

/** On sign-in: every open invitation for this email becomes a membership. */
export async function acceptInvites(db: Db, user: { id: string; email: string }): Promise<number> {
  const email = user.email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const open = await tx
      .select()
      .from(clinicInvites)
      .where(and(eq(clinicInvites.email, email), isNull(clinicInvites.acceptedAt)))
      .for("update");
    if (open.length === 0) return 0;
    await tx
      .insert(clinicMembers)
      .values(open.map((i) => ({ userId: user.id, clinicId: i.clinicId, role: i.role })))
      .onConflictDoNothing();
    await tx
      .update(clinicInvites)
      .set({ acceptedAt: sql`now()` })
      .where(and(eq(clinicInvites.email, email), isNull(clinicInvites.acceptedAt)));
    return open.length;
  });
}

/** Claims of one person, newest first, with the listing's name (for the dashboard). */
export function claimsOf(db: Db, userId: string) {
  return db
    .select({
      id: claims.id,
      status: claims.status,
      method: claims.method,
      note: claims.note,
      createdAt: claims.createdAt,
      clinicName: clinics.name,
      clinicSlug: clinics.slug,
    })
    .from(claims)
    .innerJoin(clinics, eq(clinics.id, claims.clinicId))
    .where(eq(claims.userId, userId))
    .orderBy(desc(claims.createdAt));
}
