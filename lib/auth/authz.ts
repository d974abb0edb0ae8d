import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { clinicMembers } from "@/db/schema";
import { SafeError } from "@/lib/errors";

/**
 * Who is acting, as every domain function receives it: `null` when nobody is signed in. `role` is
 * the effective role of this request (ADMIN_EMAILS is checked again on every request, see
 * `lib/auth/session.ts`), never taken from the browser.
 */
export type Actor = { id: string; email: string; role: "member" | "admin" } | null;
export type SignedIn = NonNullable<Actor>;

export type AuthzCode = "unauthenticated" | "forbidden";

/** A refused request. `message` is safe to show; nothing about the object is revealed. */
export class AuthzError extends SafeError {
  constructor(
    override readonly code: AuthzCode,
    message = code === "unauthenticated" ? "Please sign in first." : "You do not have permission to do that.",
  ) {
    super(code, message);
  }
}

export function requireUser(actor: Actor): SignedIn {
  if (!actor) throw new AuthzError("unauthenticated");
  return actor;
}

export function requireAdmin(actor: Actor): SignedIn {
  const user = requireUser(actor);
  if (user.role !== "admin") throw new AuthzError("forbidden", "Only site editors (admins) can do this.");
  return user;
}

/** The actor's role on one listing ("owner" | "editor"), or null. */
export async function membershipRole(db: Db, userId: string, clinicId: string) {
  const [m] = await db
    .select({ role: clinicMembers.role })
    .from(clinicMembers)
    .where(and(eq(clinicMembers.userId, userId), eq(clinicMembers.clinicId, clinicId)))
    .limit(1);
  return m?.role ?? null;
}

/** Owners and editors of the listing, and admins, may edit it. */
export async function canEditListing(db: Db, actor: Actor, clinicId: string): Promise<boolean> {
  if (!actor) return false;
  if (actor.role === "admin") return true;
  return (await membershipRole(db, actor.id, clinicId)) !== null;
}

/** Owners of the listing, and admins, may invite and remove editors and restore old versions. */
export async function canManageMembers(db: Db, actor: Actor, clinicId: string): Promise<boolean> {
  if (!actor) return false;
  if (actor.role === "admin") return true;
  return (await membershipRole(db, actor.id, clinicId)) === "owner";
}

export async function assertCanEditListing(db: Db, actor: Actor, clinicId: string): Promise<SignedIn> {
  const user = requireUser(actor);
  if (!(await canEditListing(db, user, clinicId))) {
    throw new AuthzError("forbidden", "You do not manage this listing.");
  }
  return user;
}

export async function assertCanManageMembers(db: Db, actor: Actor, clinicId: string): Promise<SignedIn> {
  const user = requireUser(actor);
  if (!(await canManageMembers(db, user, clinicId))) {
    throw new AuthzError("forbidden", "Only the listing's owner or a site editor can do this.");
  }
  return user;
}
